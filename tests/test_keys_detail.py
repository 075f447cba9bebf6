"""The detail screen's keys mean what they mean on the board (PRODUCT: the same key means the same thing
on every screen; review V 4, V 5). Keys are sent one by one and in one burst."""

from __future__ import annotations

from conftest import WAYS, send_keys
from tui.ui.detail.notes import NotesEditor
from tui.ui.detail.screen import DetailScreen
from tui.ui.screens.form import FormScreen
from ui_detail_helpers import acme, board, make_db, on_disk, open_card, screen_text, wait_until

SIZE = (80, 24)


@WAYS
async def test_e_writes_in_the_notes_from_every_section(tmp_path, frozen, burst):
    """`e` on the rounds tab opened "Edit round", and the notes typed went into the round's name."""
    card = acme(frozen)
    db = make_db(tmp_path, card)
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        for section in ("2", "3", "4"):
            await send_keys(followup, pilot, burst, section, "e", f" typed after {section}", "escape")
            assert isinstance(followup.screen, DetailScreen)
        stored = await on_disk(pilot, db, card.id)
        assert [r.name for r in stored.rounds] == ["Phone screen", "Onsite"]
        assert stored.notes.endswith(" typed after 2 typed after 3 typed after 4")


@WAYS
async def test_enter_edits_the_highlighted_round_and_the_bar_says_so(tmp_path, frozen, burst):
    card = acme(frozen)
    db = make_db(tmp_path, card)
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await send_keys(followup, pilot, burst, "2")
        footer = screen_text(followup).splitlines()[-1]
        assert "⏎ Edit" in footer  # the list edits its row with enter (e writes in the notes)
        await send_keys(followup, pilot, burst, "e")
        assert isinstance(followup.focused, NotesEditor)
        await send_keys(followup, pilot, burst, "escape", "2", "enter")
        await wait_until(pilot, lambda: isinstance(followup.screen, FormScreen))
        assert "Edit round" in screen_text(followup)
