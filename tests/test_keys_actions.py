"""The card and the sidebar show the action's own words, not the company they already name (review V 10)."""

from __future__ import annotations

import msgspec

from tui.core import correspondence
from tui.core.stages import Outcome
from ui_detail_helpers import acme, board, make_db, screen_text


async def test_the_rejection_reply_reads_in_full_on_the_card_and_in_the_sidebar(tmp_path, frozen):
    card = msgspec.structs.replace(acme(frozen), company="Northwind Data")
    card = correspondence.close(card, Outcome.REJECTED, now=frozen, at=frozen.subtract(hours=1))
    async with board(make_db(tmp_path, card)).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = screen_text(pilot.app)
        assert "Reply to Northwind" not in shown, shown
        assert shown.count("Reply: thank them, ask") == 3, shown  # the card, the sidebar row, the focus line
