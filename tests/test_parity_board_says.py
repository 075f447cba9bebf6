"""The board says what the command line says when a change drops a thank-you still owed or clears an
outcome (review X2 4): once, as a warning, in the core's words (core/thanks_owed.py)."""

from __future__ import annotations

import pytest

from conftest import WAYS, send_keys
from tui.ui.board.screen import BoardScreen
from ui_board_helpers import focused_company, make_app, small_apps, store_with, stored
from ui_detail_helpers import wait_until

pytestmark = pytest.mark.usefixtures("freeze_clock")  # Wed 25 Nov 2026, 10:30 in London; Acme focused

DANA_DROPPED = ("Acme: the thank-you to Dana Kim is no longer tracked "
                "(space on the person in the card's rounds, 2, records it).")


def warnings(app) -> list[str]:
    return [n.message for n in app._notifications if n.severity == "warning"]


async def test_L_out_of_interviewed_says_the_thank_you_owed_is_no_longer_tracked(tmp_path):
    store = store_with(tmp_path, small_apps())
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("L")
        await app.wait_for_writes()
        assert stored(store)["Acme"]["stage"] == "thanked"
        assert warnings(app) == [DANA_DROPPED]
        await pilot.press("L")  # thanked → followed up: nothing owed was dropped, nothing more said
        await app.wait_for_writes()
        assert warnings(app) == [DANA_DROPPED]


@WAYS
async def test_r_on_an_interviewed_card_says_it(tmp_path, burst):
    store = store_with(tmp_path, small_apps())
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await send_keys(app, pilot, burst, "r", "yesterday 10:00", "tab", "tab", "thanks for coming", "ctrl+s")
        await wait_until(pilot, lambda: stored(store)["Acme"]["contacts"])
        await app.wait_for_writes()
        assert isinstance(app.screen, BoardScreen)
        assert warnings(app) == [DANA_DROPPED]


async def test_o_closing_says_it_and_H_out_of_closed_says_the_outcome_was_cleared(tmp_path):
    store = store_with(tmp_path, small_apps())
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "o")
        await pilot.pause()
        await send_keys(app, pilot, False, "tab", "yesterday 17:00", "ctrl+s")
        await wait_until(pilot, lambda: stored(store)["Acme"]["stage"] == "closed")
        assert warnings(app) == [DANA_DROPPED]
        await pilot.press("escape")
        await pilot.pause()
        assert focused_company(app) == "Acme"
        await pilot.press("H")
        await wait_until(pilot, lambda: stored(store)["Acme"]["stage"] != "closed")
        assert warnings(app) == [DANA_DROPPED, "Acme: outcome “rejected” cleared."]


async def test_several_owed_are_named_together_in_the_command_lines_words(tmp_path):
    import pendulum

    from tui.core import actions
    from tui.core.parts import Interviewer

    now = pendulum.parse("2026-11-25T09:00:00+00:00")
    two = actions.new_application("Two", "r", now=now, round_at=now,
                                  interviewers=[Interviewer(name="Ida Ng"), Interviewer(name="Bo")])
    store = store_with(tmp_path, [two])
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("L")
        await app.wait_for_writes()
        assert warnings(app) == ["Two: the thank-yous to Ida Ng and Bo are no longer tracked "
                                 "(space on the person in the card's rounds, 2, records each)."]
