"""The board opens on the first card of the first non-empty column as it is drawn after the catch-up.

Review M #3: a round that took place while the board was closed moves its card into *interviewed*
when the board starts (actions.catch_up). The start focus was chosen before that move, so it stayed
on a card further right, and `enter` opened it. Keys typed ahead are replayed only once the board
has caught up, so they act on the board the user sees.
"""

from __future__ import annotations

import pytest

from conftest import WAYS, send_keys
from tui.core import actions
from tui.core.parts import Interviewer
from tui.core.stages import Stage
from tui.ui.detail.screen import DetailScreen
from tui.ui.launch import start_board
from ui_board_helpers import SETTINGS, WIDE, board_of, focused_company, frozen_now, make_app, store_with

pytestmark = pytest.mark.usefixtures("freeze_clock")


def thanked(company: str, days_ago: int):
    now = frozen_now()
    app = actions.new_application(company, "Engineer", now=now.subtract(days=days_ago),
                                  round_at=now.subtract(days=days_ago), interviewers=[Interviewer(name="Ann Lee")])
    return actions.set_thanked(app, app.rounds[0].interviewers[0].id, now=now.subtract(days=days_ago, hours=-2))


def round_passed_while_closed():
    """Alpha waits in Thanked (overdue follow-up); Beta's upcoming round took place an hour ago."""
    now = frozen_now()
    alpha = thanked("Alpha", 10)
    beta = thanked("Beta", 2)
    beta = actions.add_round(beta, "Final", now.subtract(hours=1), [Interviewer(name="B Two")],
                             now=now.subtract(days=1))
    assert (alpha.stage, beta.stage) == (Stage.THANKED, Stage.THANKED)
    return [alpha, beta]


@WAYS
@pytest.mark.parametrize("launch", ["start_board", "app"])
async def test_the_start_focus_follows_the_catch_up(tmp_path, burst, launch):
    store = store_with(tmp_path, round_passed_while_closed())
    if launch == "start_board":  # what `followup` runs: the first cards are made before the app starts
        app = start_board(store, SETTINGS, poll_seconds=0, write_settle=0)
    else:
        app = make_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await send_keys(app, pilot, burst, "enter", pauses=3)  # typed as the board opens
        assert isinstance(app.screen, DetailScreen)
        assert app.screen.application.company == "Beta"
        await pilot.press("escape")
        await pilot.pause()
        board = board_of(app)
        assert board.stage is Stage.INTERVIEWED and focused_company(app) == "Beta"


async def test_a_catch_up_later_leaves_the_focus_where_the_user_put_it(tmp_path, monkeypatch):
    """Only the start chooses the focus: a round passing while the board is open moves its card, not
    the user's cursor."""
    now = frozen_now()
    alpha = thanked("Alpha", 10)
    beta = actions.add_round(thanked("Beta", 2), "Final", now.add(minutes=20), [Interviewer(name="B Two")],
                             now=now.subtract(days=1))
    app = make_app(store_with(tmp_path, [alpha, beta]))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("j")
        assert focused_company(app) == "Beta"
        await pilot.press("k")
        assert focused_company(app) == "Alpha"
        monkeypatch.setenv("FOLLOWUP_NOW", now.add(minutes=30).isoformat())
        app.board_screen.tick()
        await pilot.pause()
        assert app.changelog.apps[beta.id].stage is Stage.INTERVIEWED
        assert focused_company(app) == "Alpha"
