"""The detail screen's lists stop at their ends: `j`/down on the last line and `k`/up on the first stay
put. Textual's OptionList wraps, and a `j` too many typed ahead (review R2 #3: `j j enter` meant for the
last interviewer) landed on the first round: `enter` edited the round, and what followed went into the
notes."""

from __future__ import annotations

import pytest

from conftest import WAYS, burst_keys, send_keys, taken
from tui.core import direction_actions
from tui.core.stages import DirectionKind
from tui.ui.detail.forms import InterviewerForm
from tui.ui.detail.history import HistoryList
from ui_board_helpers import NARROW, demo_store, make_app
from ui_detail_helpers import acme, board, make_db, open_card, wait_until


def with_directions(now):
    card = acme(now)
    card = direction_actions.add_direction(card, "send references", DirectionKind.DO_BY, now.add(days=2), now=now)
    return direction_actions.add_direction(card, "don't call before Monday", DirectionKind.NOT_BEFORE, now.add(days=3),
                                 now=now)


@WAYS
@pytest.mark.parametrize("section", ["2", "3", "4"], ids=["rounds", "directions", "history"])
async def test_down_on_the_last_line_and_up_on_the_first_stay_put(tmp_path, frozen, burst, section):
    db = make_db(tmp_path, with_directions(frozen))
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await open_card(pilot)
        await send_keys(followup, pilot, burst, section)
        listed = followup.focused
        last = listed.option_count - 1
        assert last > 0
        await send_keys(followup, pilot, burst, "G", "j", "down", "j")
        assert listed.highlighted == last
        await send_keys(followup, pilot, burst, "g", "k", "up", "k")
        assert listed.highlighted == 0


@WAYS
async def test_a_j_too_many_on_the_last_interviewer_still_opens_that_interviewer(tmp_path, frozen, burst):
    db = make_db(tmp_path, acme(frozen))
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await open_card(pilot)
        await send_keys(followup, pilot, burst, "2", "G", "j", "j", "enter")
        await wait_until(pilot, lambda: isinstance(followup.screen, InterviewerForm))
        assert "Dana Kim" in [getattr(w, "value", None) for w in followup.screen.query("Input")]


@pytest.mark.parametrize("key", ["pageup", "pagedown"])
async def test_a_page_key_typed_ahead_of_the_detail_screens_lists_moves_to_an_end(tmp_path, key):
    """Fuzz fz4 B: enter, enter, shift+tab and pageup in one burst reached the history before it was laid
    out, and Textual's OptionList looked up a line it had not worked out (KeyError: the app ended)."""
    app = make_app(demo_store(tmp_path))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        burst_keys(app, "ctrl+j", "ctrl+j", "shift+tab", key, "4")
        await taken(app, pilot)
        for _ in range(3):
            await pilot.pause()
        assert app.is_running and app._exception is None
        history = app.screen.query_one(HistoryList)
        assert history.highlighted in (0, history.option_count - 1)
