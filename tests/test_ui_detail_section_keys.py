"""`1`–`4` show a section with the focus on the section bar, never inside the notes editor.

Review M #4: `1` put the cursor in the notes editor, so the `2` of a fast `1 2 3` (and the `n`
after it) were typed into the notes and saved. Now `1` shows the notes as on first opening (the
focus on the section names, the key bar with the section keys); `e` and `enter` go into the editor
(README: "`e` write in the notes"; "`enter` on the section names: into the section shown").
"""

from __future__ import annotations

import pytest

from conftest import WAYS, send_keys
from tui.ui.detail.notes import NotesEditor
from tui.ui.detail.rounds import RoundsList
from tui.ui.detail.screen import DetailScreen
from tui.ui.detail.section_bar import SectionBar
from tui.ui.keybar import KeyBar
from ui_detail_helpers import SIZE, acme, board, make_db, on_disk, open_card


@pytest.fixture
def card(tmp_path, frozen):
    app = acme(frozen)
    return make_db(tmp_path, app), app


@WAYS
async def test_1_shows_the_notes_with_the_focus_on_the_section_bar(card, burst):
    db, app = card
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        screen = await open_card(pilot)
        first_bar = str(screen.query_one(KeyBar).render())
        await send_keys(followup, pilot, burst, "2", "1")
        bar = screen.query_one(SectionBar)
        assert bar.active == "notes" and screen.focused is bar
        assert str(screen.query_one(KeyBar).render()) == first_bar  # the section keys, not the editor's
        assert "Sections" in first_bar and "^s" not in first_bar


@WAYS
async def test_fast_section_keys_write_nothing_into_the_notes(card, burst):
    db, app = card
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        screen = await open_card(pilot)
        await send_keys(followup, pilot, burst, "2", "1", "2", "1", "3", "1", pauses=2)
        assert screen.notes.text == app.notes
        assert screen.section_bar.active == "notes" and screen.focused is screen.section_bar
        assert (await on_disk(pilot, db, app.id)).notes == app.notes


@WAYS
@pytest.mark.parametrize("into", ["e", "enter"])
async def test_e_and_enter_after_1_go_into_the_editor(card, burst, into):
    db, app = card
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        screen = await open_card(pilot)
        await send_keys(followup, pilot, burst, "2", "1", into, " 12", "escape", pauses=2)
        assert isinstance(followup.screen, DetailScreen) and screen.focused is screen.section_bar
        assert screen.notes.text == app.notes + " 12"
        assert (await on_disk(pilot, db, app.id)).notes == app.notes + " 12"


@WAYS
async def test_2_still_goes_into_the_rounds_list(card, burst):
    """The lists take no text, so `2 j` still moves in the rounds, as before."""
    db, app = card
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        screen = await open_card(pilot)
        await send_keys(followup, pilot, burst, "1", "2")
        assert isinstance(screen.focused, RoundsList)
        assert not isinstance(screen.focused, NotesEditor)
