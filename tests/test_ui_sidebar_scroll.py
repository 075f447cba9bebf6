"""Tabbing into the sidebar always shows its highlighted row, wherever filters and jumps left it."""

from __future__ import annotations

import pytest

from conftest import WAYS, send_keys
from tui.core import actions
from ui_board_helpers import WIDE, frozen_now, make_app, store_with

pytestmark = pytest.mark.usefixtures("freeze_clock")


def many_apps(count: int = 300):
    now = frozen_now()
    return [actions.new_application(f"Company {n:03}", "Developer", now=now.subtract(hours=n + 1),
                                    round_at=now.subtract(hours=n + 2)) for n in range(count)]


def highlighted_row_is_on_screen(sidebar) -> bool:
    drawn = [sidebar.render_line(y).text for y in range(sidebar.size.height)]
    return any(line.startswith("▌") for line in drawn)


@WAYS
async def test_tab_after_a_filter_came_and_went_shows_the_highlighted_row(tmp_path, burst):
    app = make_app(store_with(tmp_path, many_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        sidebar = app.screen.sidebar
        await send_keys(app, pilot, burst, "tab", "G")  # the last deadline, far down
        last = sidebar.current
        assert highlighted_row_is_on_screen(sidebar)
        await send_keys(app, pilot, burst, "tab", "/", last.company, "enter", pauses=2)
        assert sidebar.current == last and sidebar.scroll_y == 0  # a short list: its row is near the top
        await send_keys(app, pilot, burst, "escape", "tab", pauses=2)  # the whole list again, then the sidebar
        assert app.screen.focused is sidebar and sidebar.current == last
        assert highlighted_row_is_on_screen(sidebar)
