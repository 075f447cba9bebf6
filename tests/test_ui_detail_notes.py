"""Notes are never lost: saved as typed and on every way out of the detail screen."""

from __future__ import annotations

import sys
import textwrap

import pytest

from test_ui_detail_harness import (
    SIZE, DetailHarness, async_test, ElsewhereScreen, acme, frozen, make_db, screen_text, stored, wait_until,
)
from tui.core.model import Application
from tui.store import Store
from tui.ui.detail import DetailScreen
from tui.ui.detail.notes import NotesEditor
from tui.ui.messages import ChangeRequested

__all__ = ["frozen"]


@pytest.fixture
def card(tmp_path, frozen):
    app = acme(frozen)
    return make_db(tmp_path, app), app


@async_test
async def test_escape_from_e_saves_and_returns_to_the_board(card):
    db, app = card
    harness = DetailHarness(db, app.id, section="notes")
    async with harness.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(harness.screen.focused, NotesEditor)
        await pilot.press(*"call back", "escape")
        await wait_until(pilot, lambda: not isinstance(harness.screen, DetailScreen))
        await pilot.pause()
        assert stored(db, app.id).notes.endswith("call back")
        harness.open_detail("notes")
        await pilot.pause()
        assert harness.screen.query_one(NotesEditor).text.endswith("call back")


@async_test
async def test_escape_inside_the_screen_leaves_the_editor_and_keeps_the_text(card):
    db, app = card
    harness = DetailHarness(db, app.id)
    async with harness.run_test(size=SIZE) as pilot:
        await pilot.press("1", *" ok", "escape")
        await pilot.pause()
        assert isinstance(harness.screen, DetailScreen)
        assert not isinstance(harness.screen.focused, NotesEditor)
        assert harness.screen.query_one(NotesEditor).text.endswith(" ok")
        assert stored(db, app.id).notes.endswith(" ok")


@async_test
async def test_typing_is_saved_after_a_pause(card):
    db, app = card
    harness = DetailHarness(db, app.id, section="notes")
    async with harness.run_test(size=SIZE) as pilot:
        await pilot.press(*"xyz")
        assert "not saved yet" in screen_text(harness)
        await wait_until(pilot, lambda: stored(db, app.id).notes.endswith("xyz"))
        await pilot.pause()
        assert "· saved" in screen_text(harness)


@async_test
async def test_switching_screens_saves(card):
    db, app = card
    harness = DetailHarness(db, app.id, section="notes")
    async with harness.run_test(size=SIZE) as pilot:
        await pilot.press(*"switch", "f2")
        assert isinstance(harness.screen, ElsewhereScreen)
        assert stored(db, app.id).notes.endswith("switch")  # flush_pending: written at once


@async_test
async def test_a_screen_pushed_on_top_saves_even_without_flush(card):
    db, app = card
    harness = DetailHarness(db, app.id, section="notes")
    async with harness.run_test(size=SIZE) as pilot:
        await pilot.press(*"pushed")
        await harness.push_screen(ElsewhereScreen())
        await wait_until(pilot, lambda: stored(db, app.id).notes.endswith("pushed"))


@pytest.mark.parametrize("key", ["ctrl+c", "ctrl+q"])
@async_test
async def test_quitting_saves(card, key):
    db, app = card
    harness = DetailHarness(db, app.id, section="notes")
    async with harness.run_test(size=SIZE) as pilot:
        await pilot.press(*"bye", key)
        await pilot.pause()
    assert stored(db, app.id).notes.endswith("bye")


@async_test
async def test_quit_with_q_after_leaving_the_editor(card):
    db, app = card
    harness = DetailHarness(db, app.id)
    async with harness.run_test(size=SIZE) as pilot:
        await pilot.press("1", *" q-test", "escape", "q")
        await pilot.pause()
    assert stored(db, app.id).notes.endswith(" q-test")


@async_test
async def test_flush_pending_writes_over_another_process_change(card):
    db, app = card
    harness = DetailHarness(db, app.id, section="notes")
    async with harness.run_test(size=SIZE) as pilot:
        await pilot.press(*"mine")
        other = Store(db).open()
        theirs = other.get(app.id)
        theirs.role = "Platform Engineer"
        other.save(theirs)
        harness.screen.flush_pending()
        saved = stored(db, app.id)
        assert saved.notes.endswith("mine") and saved.role == "Platform Engineer"


@async_test
async def test_notes_changed_elsewhere_show_up_when_nothing_is_typed(card):
    db, app = card
    harness = DetailHarness(db, app.id)
    async with harness.run_test(size=SIZE) as pilot:
        harness.post_message(ChangeRequested(
            app.id, lambda a: Application.from_dict({**a.to_dict(), "notes": "from elsewhere"}), "elsewhere"))
        await wait_until(pilot, lambda: harness.screen.query_one(NotesEditor).text == "from elsewhere")


@async_test
async def test_external_editor_round_trip(card, tmp_path, monkeypatch):
    db, app = card
    script = tmp_path / "fake_editor.py"
    script.write_text(textwrap.dedent("""
        import sys
        with open(sys.argv[1], "a", encoding="utf-8") as f:
            f.write("\\nwritten in vim")
    """))
    monkeypatch.setenv("VISUAL", f"{sys.executable} {script}")
    harness = DetailHarness(db, app.id)
    async with harness.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        await wait_until(pilot, lambda: stored(db, app.id).notes.endswith("written in vim"))
        assert harness.screen.query_one(NotesEditor).text.endswith("written in vim")


@async_test
async def test_failing_external_editor_leaves_the_note(card, monkeypatch):
    db, app = card
    monkeypatch.setenv("VISUAL", f"{sys.executable} -c 'import sys; sys.exit(3)'")
    harness = DetailHarness(db, app.id)
    async with harness.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert stored(db, app.id).notes == app.notes
        assert any("exited with code 3" in str(n.message) for n in harness._notifications)
