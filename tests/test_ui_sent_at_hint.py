"""ctrl+b ("Sent at…") says under its field what it understood, as every form with a typed time does
(README: "Every form shows what it understood"). Keys are sent one by one and in one burst."""

from __future__ import annotations

from textual.widgets import Static

from conftest import WAYS, burst_keys
from tui.ui.letters.dialogs import SentAtForm
from ui_detail_helpers import make_db
from ui_letters_helpers import DANA, LetterHarness, frozen_now, interviewed


def understood(screen) -> str:
    hint = screen.query_one("#hint-when", Static)
    return str(hint.render()) if hint.has_class("shown") else ""


@WAYS
async def test_sent_at_says_what_it_understood_and_nothing_for_what_it_cannot_read(tmp_path, letter_env, burst):
    now = frozen_now()  # Wed 11 Mar 2026 15:00 in London
    app = interviewed(now, DANA)
    host = LetterHarness(make_db(tmp_path, app), app.id, "thank-you")
    async with host.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        if burst:
            burst_keys(host, "ctrl+b", "today 9:30")
        else:
            await pilot.press("ctrl+b", *"today 9:30")
        await pilot.pause()
        form = host.screen
        assert isinstance(form, SentAtForm)
        assert understood(form) == "✓ Wed 11 Mar 09:30 · 6 hours ago"  # 5 h 30 min, to the nearest hour
        if burst:
            burst_keys(host, "ctrl+u", "someday")
        else:
            await pilot.press("ctrl+u", *"someday")
        await pilot.pause()
        assert understood(form) == ""  # nothing understood, nothing claimed
