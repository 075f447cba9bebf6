"""ctrl+o with an editor that cannot be run or read back: the board keeps running and keeps the text typed,
and says in one line what went wrong (fuzz fz6 1: any OSError but 'not found' took the board down)."""

from __future__ import annotations

import shlex
import sys

import pytest

from conftest import type_text
from tui.ui.detail.notes import NotesEditor
from ui_detail_helpers import SIZE, acme, board, make_db, on_disk, open_card
from ui_letters_helpers import (
    DANA,
    LetterHarness,
    frozen_now,
    interviewed,
    notices,
    replace_in_body,
    shown_text,
)


def _script(tmp_path, code: str) -> str:
    """An $EDITOR that runs `code` on the file named by its last argument."""
    script = tmp_path / "editor.py"
    script.write_text("import os, shutil, sys, pathlib\np = pathlib.Path(sys.argv[-1])\n" + code, encoding="utf-8")
    return f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}"


def _not_executable(tmp_path) -> str:
    script = tmp_path / "my-editor"
    script.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    script.chmod(0o644)  # the common slip: written, never chmod +x
    return str(script)


EDITORS = {  # what each does, and the words the notification must have
    "not executable": (_not_executable, "permission denied"),
    "a folder": (lambda tmp_path: "/etc", "permission denied"),
    "swaps the file for a folder": (lambda tmp_path: _script(tmp_path, "p.unlink()\np.mkdir()\n"),
                                    "not a file"),
    "deletes the file": (lambda tmp_path: _script(tmp_path, "p.unlink()\n"), "removed the file"),
}


@pytest.mark.parametrize("case", EDITORS)
async def test_notes_typed_then_ctrl_o_stay_and_are_saved(case, tmp_path, frozen, monkeypatch):
    make_editor, words = EDITORS[case]
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", make_editor(tmp_path))
    app = acme(frozen)
    db = make_db(tmp_path, app)
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        screen = await open_card(pilot, "notes")
        await type_text(pilot, "NOTEWORDS77")
        await pilot.press("ctrl+o")  # at once: the typed text is not saved yet
        await pilot.pause()
        assert screen.query_one(NotesEditor).text.endswith("NOTEWORDS77")
        said = [str(n.message) for n in followup._notifications][-1]
        assert words in said and "the note was left as it was" in said and "\n" not in said, said
        assert (await on_disk(pilot, db, app.id)).notes.endswith("NOTEWORDS77")


@pytest.mark.parametrize("case", EDITORS)
async def test_the_letter_typed_stays_as_it_was(case, tmp_path, letter_env, monkeypatch):
    make_editor, words = EDITORS[case]
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", make_editor(tmp_path))
    app = interviewed(frozen_now(), DANA)
    host = LetterHarness(make_db(tmp_path, app), app.id, "thank-you")
    async with host.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await replace_in_body(pilot, "Kafka", "LETTERWORDS99")  # typed, then ctrl+o
        before = shown_text(host)
        assert "LETTERWORDS99" in before
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert shown_text(host) == before
        said = notices(host)[-1]
        assert words in said and "the letter was left as it was" in said and "\n" not in said, said


def test_an_editor_that_cannot_start_gives_the_terminal_back_first(tmp_path):
    """App.suspend resumes only when its block ends normally: the error escaping it left a real board
    blank and deaf to keys (seen in tmux)."""
    from contextlib import contextmanager

    from tui.ui.detail import external_editor

    class Suspending:
        is_headless = False
        resumed = False

        @contextmanager
        def suspend(self):  # as Textual's: the resume is not in a `finally`
            yield
            self.resumed = True

    app = Suspending()
    with pytest.raises(PermissionError):
        external_editor._run(app, [_not_executable(tmp_path)], "note")  # type: ignore[arg-type]
    assert app.resumed


def test_no_room_for_the_temporary_file_is_a_refusal(monkeypatch):
    from tui import editor

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(editor.tempfile, "TemporaryDirectory", full)
    with pytest.raises(editor.FollowupError, match="no space left|No space left") as refused:
        editor.edit_text("typed", what="letter")
    assert str(refused.value).endswith("the letter was left as it was")
