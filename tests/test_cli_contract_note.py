"""`followup note ID` without TEXT and without a terminal is refused in one line; no editor starts
(review Q 8)."""

import io
import sys

from cli_helpers import digest, one_line_error, run
from tui import cli_output


def test_note_without_text_and_without_a_terminal_is_refused_and_starts_no_editor(cli_db, capsys, monkeypatch):
    assert run(cli_db, "add", "Gamma", "--role", "r", "--at", "today 10:00") == 0
    capsys.readouterr()
    before = digest(cli_db)
    monkeypatch.setenv("EDITOR", "false-editor-that-must-not-start")
    monkeypatch.setattr("subprocess.run", lambda *a, **k: (_ for _ in ()).throw(AssertionError("editor started")))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"hello from a pipe\n")))
    assert run(cli_db, "note", "gamma") == 2
    one_line_error(capsys, "no terminal for the editor", "TEXT", "- to read it from standard input")
    assert digest(cli_db) == before


def test_a_note_from_endless_standard_input_is_refused_at_the_limit(cli_db, capsys, monkeypatch):
    # `note ID - </dev/zero` read until memory ran out, then printed a traceback (fz2 1)
    assert run(cli_db, "add", "Gamma", "--role", "r", "--at", "today 10:00") == 0
    capsys.readouterr()
    before = digest(cli_db)
    monkeypatch.setattr(cli_output, "INPUT_LIMIT", 1024 * 1024)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"a" * (1024 * 1024 + 1))))
    assert run(cli_db, "note", "gamma", "-") == 2
    one_line_error(capsys, "standard input is over 1 MB, the most Followup reads", "nothing was done")
    assert digest(cli_db) == before


def test_an_editor_that_will_not_split_or_run_is_one_line_and_adds_nothing(cli_db, capsys, monkeypatch, tmp_path):
    # EDITOR='vim "' gave a ValueError traceback (fz6 6); the board says it in one line, so does the command line
    assert run(cli_db, "add", "Gamma", "--role", "r", "--at", "today 10:00") == 0
    capsys.readouterr()
    before = digest(cli_db)
    monkeypatch.setattr("tui.cli_edit.on_a_terminal", lambda: True)
    monkeypatch.delenv("VISUAL", raising=False)
    script = tmp_path / "my-editor"
    script.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")  # never made executable
    for editor, words in (('vim "', "cannot be read as a command"), (str(script), "permission denied"),
                          ("/etc", "permission denied")):
        monkeypatch.setenv("EDITOR", editor)
        assert run(cli_db, "note", "gamma") == 2
        one_line_error(capsys, "$EDITOR" if '"' in editor else "cannot run", words)
    assert digest(cli_db) == before
