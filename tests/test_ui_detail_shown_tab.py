"""Wide, with the keys on the history beside, the tab shown below still stands out from the others.

At 130 columns, after `2` then `4`, "2 Rounds" was drawn in $text, which textual-dark on a 256-colour
terminal renders as the other tabs' $text-muted, and NO_COLOR drops colours: nothing said which tab's
content was shown (review R7 9). It is bold now, which neither the palette nor NO_COLOR takes away.
"""

from __future__ import annotations

import pytest

from tui.ui.detail.section_bar import SectionBar
from ui_detail_helpers import acme, board, make_db, open_card


def bold_names(bar: SectionBar) -> list[str]:
    """The names drawn bold on the bar's first line, as the terminal gets them (the app's filters, such as
    NO_COLOR's, applied)."""
    line = bar.render_line(0)
    left = bar.styles.padding.left
    found = []
    for section, start, end in bar._spans():
        cells = line.crop(left + start, left + end)
        if all(segment.style and segment.style.bold for segment in cells if segment.text.strip()):
            found.append(section)
    return found


@pytest.mark.parametrize("no_color", [False, True], ids=["default theme", "NO_COLOR"])
async def test_the_tab_shown_below_stays_marked_while_the_keys_are_on_the_history(
        tmp_path, frozen, monkeypatch, no_color):
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    followup = board(make_db(tmp_path, acme(frozen)))
    async with followup.run_test(size=(130, 40)) as pilot:
        screen = await open_card(pilot)
        bar = screen.query_one(SectionBar)
        await pilot.press("2")
        await pilot.pause()
        assert bold_names(bar) == ["rounds"]  # chosen: the keys are its own
        await pilot.press("4")
        await pilot.pause()
        assert screen.focused.id == "history-side" and bar.active == "rounds"
        assert bold_names(bar) == ["rounds"]  # shown below, the keys beside: still told from the others
        assert "━" not in str(bar.render())  # the heavy line is the history's title's now
