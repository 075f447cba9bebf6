"""The board's key bar, drawn from the bindings, with the focus on the sidebar (review V 16)."""

from __future__ import annotations

from conftest import WAYS, send_keys
from tui.ui.sidebar.sidebar import DeadlineSidebar
from ui_detail_helpers import acme, board, make_db, screen_text


@WAYS
async def test_the_key_bar_keeps_enter_first_with_the_focus_on_the_sidebar(tmp_path, frozen, burst):
    followup = board(make_db(tmp_path, acme(frozen)))
    async with followup.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert screen_text(followup).splitlines()[-1].split()[:2] == ["⏎", "Open"]
        await send_keys(followup, pilot, burst, "tab", "j")
        assert isinstance(followup.focused, DeadlineSidebar)
        bar = screen_text(followup).splitlines()[-1]
        assert bar.split()[:4] == ["⏎", "Go", "to", "card"], bar  # enter jumps to the row's card
        await send_keys(followup, pilot, burst, "enter")
        assert not isinstance(followup.focused, DeadlineSidebar)
