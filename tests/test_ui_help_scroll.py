"""The help screen scrolls with the keys every list answers to (j/k, g/G), not only arrows and page
keys: at 80x24 most of it is below the fold. Keys are sent one by one and in one burst."""

from __future__ import annotations

import pytest

from conftest import WAYS, send_keys
from tui.ui.screens.help import HelpScreen
from ui_board_helpers import NARROW, make_app, small_apps, store_with

pytestmark = pytest.mark.usefixtures("freeze_clock")


@WAYS
async def test_j_k_g_G_scroll_the_help(tmp_path, burst):
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await send_keys(app, pilot, burst, "?", "j", "j", "j")
        assert isinstance(app.screen, HelpScreen)
        scroll = app.screen.query_one("#help-scroll")
        assert scroll.max_scroll_y > 3  # at 80x24 the help is longer than its box
        assert scroll.scroll_y == 3
        await send_keys(app, pilot, burst, "k")
        assert scroll.scroll_y == 2
        await send_keys(app, pilot, burst, "G")
        assert scroll.scroll_y == scroll.max_scroll_y
        await send_keys(app, pilot, burst, "g")
        assert scroll.scroll_y == 0
        await send_keys(app, pilot, burst, "G", "k")  # in order: to the end, then one line back
        assert scroll.scroll_y == scroll.max_scroll_y - 1
