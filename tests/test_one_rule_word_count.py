"""The notes pane counts words with templates.word_count, the letters screen's one count, not a copy of
its own that could drift from it (review Z 13)."""

from __future__ import annotations

from tui.core import templates
from ui_detail_helpers import acme, board, make_db, open_card, screen_text, wait_until


async def test_the_notes_status_counts_with_the_one_word_count(tmp_path, frozen, monkeypatch):
    monkeypatch.setattr(templates, "word_count", lambda text: 4242)
    followup = board(make_db(tmp_path, acme(frozen)))
    async with followup.run_test(size=(80, 24)) as pilot:
        await open_card(pilot, "notes")
        await wait_until(pilot, lambda: "Markdown ·" in screen_text(followup))
        assert "4242 words" in screen_text(followup)
