"""Notes reloaded under the editor (another board, `followup note`) keep the cursor in the words it was in.

The reviewer's two repros: a line put in front while the cursor sat at the end
(the next keys went into the other line), and a conflicted merge (the next
keys went inside a marker line).
"""

from __future__ import annotations

import pytest
from textual.widgets.text_area import Selection

from conftest import WAYS, send_keys, type_text
from tui.core import actions
from tui.core.merge import OURS_MARK, SPLIT_MARK
from tui.store import Store
from tui.ui.detail.notes import NotesEditor
from ui_detail_helpers import SIZE, acme, board, frozen_now, make_db, open_card, stored, wait_until


@pytest.fixture
def card(tmp_path, frozen):
    app = acme(frozen)
    return make_db(tmp_path, app), app


def write_elsewhere(db, app_id, edit) -> None:
    other = Store(db)
    theirs = other.get(app_id)
    other.save(actions.set_notes(theirs, edit(theirs.notes), now=frozen_now()))


@WAYS
async def test_a_line_put_in_front_elsewhere_carries_the_cursor_with_its_words(card, burst):
    db, app = card
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        screen = await open_card(pilot, "notes")
        editor = screen.query_one(NotesEditor)
        editor.move_cursor(editor.document.end)
        write_elsewhere(db, app.id, lambda notes: "PREFIX LINE FROM B\n" + notes)
        followup.poll_store()
        await wait_until(pilot, lambda: editor.text.startswith("PREFIX LINE FROM B\n"))
        await send_keys(followup, pilot, burst, "XYZ")
        assert editor.text == "PREFIX LINE FROM B\n" + app.notes + "XYZ"


@WAYS
async def test_after_a_conflicted_merge_typing_goes_on_in_the_typed_line(card, burst):
    db, app = card
    followup = board(db)
    followup.poll_seconds = 0.1
    async with followup.run_test(size=SIZE) as pilot:
        screen = await open_card(pilot, "notes")
        editor = screen.query_one(NotesEditor)
        editor.move_cursor(editor.document.end)
        await type_text(pilot, " rotation")
        write_elsewhere(db, app.id, lambda notes: notes + " schedule")
        await wait_until(pilot, lambda: OURS_MARK in editor.text, timeout=8)
        await send_keys(followup, pilot, burst, " weekly")
        lines = editor.text.split("\n")
        assert "- ask about **on-call** rotation weekly" in lines
        assert lines[lines.index("- ask about **on-call** rotation weekly") + 1] == SPLIT_MARK
        await wait_until(pilot, lambda: "rotation weekly" in stored(db, app.id).notes, timeout=8)


async def test_a_selection_is_carried_too(card):
    db, app = card
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        screen = await open_card(pilot, "notes")
        editor = screen.query_one(NotesEditor)
        start = app.notes.index("on-call")
        editor.selection = Selection(editor.document.get_location_from_index(start),
                                     editor.document.get_location_from_index(start + len("on-call")))
        write_elsewhere(db, app.id, lambda notes: "one\ntwo\nthree\n" + notes)
        followup.poll_store()
        await wait_until(pilot, lambda: editor.text.startswith("one\n"))
        assert editor.selected_text == "on-call"


async def test_in_long_notes_the_line_being_typed_stays_on_its_screen_row(tmp_path, frozen):
    long_notes = "\n".join(f"line {n}" for n in range(80))
    app = actions.set_notes(acme(frozen), long_notes, now=frozen_now())
    db = make_db(tmp_path, app)
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        screen = await open_card(pilot, "notes")
        editor = screen.query_one(NotesEditor)
        editor.move_cursor((60, 7))
        await pilot.pause()
        row_on_screen, scrolled = editor.cursor_screen_offset.y, editor.scroll_y
        assert scrolled > 0
        write_elsewhere(db, app.id, lambda notes: "one\ntwo\nthree\n" + notes)
        followup.poll_store()
        await wait_until(pilot, lambda: editor.text.startswith("one\n"))
        await pilot.pause()
        assert editor.cursor_location == (63, 7)
        assert editor.scroll_y == scrolled + 3 and editor.cursor_screen_offset.y == row_on_screen
