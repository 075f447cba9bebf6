"""A CRLF (or a lone CR) in a note is a line break, made LF at the door: in a CSV cell, a JSON value, and
`followup note` from standard input or an argument (review T3 7)."""

import io
import json
import sys

from cli_helpers import run
from tui.store.store import Store


def notes(db):
    return {a.company: a.notes for a in Store(db).load_all()}


def test_a_csv_cell_with_crlf_imports_with_lf(cli_db, capsys):
    path = cli_db.parent / "q.csv"
    path.write_bytes(b'company,role,stage,notes\r\nQ,Dev,awaiting,"first line\r\nsecond\rthird"\r\n')
    assert run(cli_db, "import", str(path)) == 0, capsys.readouterr().err
    assert notes(cli_db) == {"Q": "first line\nsecond\nthird"}


def test_a_json_value_with_crlf_imports_with_lf(cli_db, capsys):
    run(cli_db, "add", "Acme", "--role", "Dev", "--at", "2026-11-20 10:00")
    path = cli_db.parent / "crlf.json"
    run(cli_db, "export", "json", "-o", str(path))
    data = json.loads(path.read_text())
    data["applications"][0]["notes"] = "one\r\ntwo"
    path.write_text(json.dumps(data))
    assert run(cli_db, "import", str(path)) == 0, capsys.readouterr().err
    assert notes(cli_db) == {"Acme": "one\ntwo"}


def test_a_note_with_crlf_from_stdin_or_an_argument_is_added(cli_db, capsys, monkeypatch):
    run(cli_db, "add", "Zeta", "--role", "Dev", "--at", "2026-11-20 10:00")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"a\r\nb\r\n")))
    assert run(cli_db, "note", "Zeta", "-") == 0, capsys.readouterr().err
    assert run(cli_db, "note", "Zeta", "c\r\nd") == 0, capsys.readouterr().err
    assert notes(cli_db) == {"Zeta": "a\nb\n\nc\nd"}


def test_a_lone_cr_in_a_one_line_field_is_still_refused(cli_db, capsys):
    path = cli_db.parent / "r.csv"
    path.write_bytes(b'company,role,stage\r\n"Q\rCo",Dev,awaiting\r\n')
    assert run(cli_db, "import", str(path)) == 2
    assert "company holds a control character" in capsys.readouterr().err
