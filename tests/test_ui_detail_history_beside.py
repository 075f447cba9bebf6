"""Wide, `4` goes into the history beside the sections: the marks follow the keys (review R5 6).

At 120 columns `4` gave the key bar the history's keys, but the underline stayed on the tab shown, so
the bar seemed to describe Rounds. Now the history's title is marked as a chosen section is and the
sections carry no underline until `1`-`3` (or the tab's keys) go back to them.
"""

from __future__ import annotations

from textual.widgets import Static

from conftest import WAYS, send_keys
from tui.ui.detail.history import HistoryList
from tui.ui.detail.rounds import RoundsList
from tui.ui.detail.section_bar import SectionBar
from tui.ui.keybar import KeyBar
from ui_detail_helpers import acme, board, make_db, open_card

WIDE = (120, 40)


def marks(screen) -> tuple[bool, bool]:
    """(the sections underline one, the history beside is underlined)"""
    sections = str(screen.query_one(SectionBar).render())
    beside = str(screen.query_one(".side-title", Static).render())
    return "━" in sections, "━" in beside


@WAYS
async def test_4_marks_the_history_beside_and_2_marks_the_rounds_again(tmp_path, frozen, burst):
    followup = board(make_db(tmp_path, acme(frozen)))
    async with followup.run_test(size=WIDE) as pilot:
        screen = await open_card(pilot)
        await send_keys(followup, pilot, burst, "2", "4")
        assert isinstance(screen.focused, HistoryList) and screen.focused.id == "history-side"
        assert marks(screen) == (False, True)
        assert "⏎ Edit" not in str(screen.query_one(KeyBar).render())  # the bar is the history's too
        assert screen.query_one(RoundsList).display  # the tab stays in view: 2 and 3 go back to it
        await send_keys(followup, pilot, burst, "2")
        assert isinstance(screen.focused, RoundsList)
        assert marks(screen) == (True, False)
        await send_keys(followup, pilot, burst, "4", "1")
        assert screen.focused is screen.query_one(SectionBar) and marks(screen) == (True, False)


async def test_narrow_the_history_is_a_tab_underlined_as_the_others(tmp_path, frozen):
    followup = board(make_db(tmp_path, acme(frozen)))
    async with followup.run_test(size=(80, 24)) as pilot:
        screen = await open_card(pilot)
        await pilot.press("4")
        await pilot.pause()
        bar = screen.query_one(SectionBar)
        assert bar.active == "history" and "━" in str(bar.render())
