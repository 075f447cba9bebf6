"""Text in the data file that must not reach the terminal, and line breaks that belong on one line.

PRODUCT (Data): control characters never reach the terminal from data, and an older file that holds
them is cleaned by a migration, with its backup. Schema 5 makes a newline or a tab in a one-line field
a space; a file edited by hand at the current schema is read cleaned (and left as it is).
"""

from __future__ import annotations

import json

import pytest

from cli_helpers import run
from store_helpers import folder_bytes, make_app
from tui.core.parts import Contact, Direction
from tui.store import SCHEMA_VERSION, Store, UnreadableFileError, codec


def _file(schema: int, doc: dict, *, ascii_only: bool = True) -> bytes:
    """The file as an editor or a script writes it: every non-ASCII character escaped (`\u202e`) or as is."""
    return json.dumps({"_meta": {"1": {"app": "followup", "schema": schema, "writes": 3}},
                       "applications": {"1": doc}, "reminders": {}}, ensure_ascii=ascii_only).encode()


def test_a_version_four_file_gets_spaces_for_line_breaks_in_one_line_fields_with_a_backup(tmp_path):
    """Before schema 5 `followup add "Acme\\nCorp"` and imports stored them; notes and history keep theirs."""
    app = make_app("Acme", "SRE", notes="line one\n\tindented", directions=[Direction(text="send references")],
                   contacts=[Contact(at=make_app().rounds[0].at, kind="call", inbound=True, summary="said yes")])
    doc = dict(app.to_dict(), revision=1)
    doc.update(company="Acme\nCorp", role="Site\tReliability")
    doc["rounds"][0]["name"] = "On\nsite"
    doc["rounds"][0]["interviewers"][0]["name"] = "Dana\nKim"
    doc["directions"][0]["text"] = "send\nreferences"
    doc["contacts"][0]["summary"] = "said\nyes"
    doc["history"] = [{"at": "2026-11-19T10:00:00Z", "kind": "note", "text": "was:\nold", "data": {}}]
    original = _file(4, doc)
    path = tmp_path / "followup.json"
    path.write_bytes(original)

    (loaded,) = Store(path).open().load_all()

    assert (loaded.company, loaded.role) == ("Acme Corp", "Site Reliability")
    assert (loaded.rounds[0].name, loaded.rounds[0].interviewers[0].name) == ("On site", "Dana Kim")
    assert (loaded.directions[0].text, loaded.contacts[0].summary) == ("send references", "said yes")
    assert loaded.notes == "line one\n\tindented" and loaded.history[0].text == "was:\nold"
    assert json.loads(path.read_bytes())["_meta"]["1"]["schema"] == SCHEMA_VERSION == 5
    (backup,) = [p for p in tmp_path.iterdir() if ".bak-v4-" in p.name]
    assert backup.read_bytes() == original


@pytest.mark.parametrize("ascii_only", [True, False], ids=["escaped", "utf-8"])
@pytest.mark.parametrize("bad", ["\x1b[31m", "\x7f", "\x85", "\u202e", "\u2067", "\r"])
def test_a_current_file_edited_by_hand_is_read_clean_and_left_byte_for_byte(tmp_path, capsys, bad, ascii_only):
    """The fast typed reading trusted the file: `list` printed an escape sequence to the terminal."""
    path = tmp_path / "followup.json"
    doc = dict(make_app("Acme").to_dict(), revision=1)
    doc["company"] = f"Ac{bad}me\nCorp"
    original = _file(SCHEMA_VERSION, doc, ascii_only=ascii_only)
    path.write_bytes(original)
    before = folder_bytes(tmp_path)

    (loaded,) = Store(path).load_all()
    assert loaded.company in ("Ac[31mme Corp", "Acme Corp")
    assert run(path, "list") == 0
    out = capsys.readouterr().out
    assert "Ac" in out and not any(ch in out for ch in "\x1b\x7f\x85\u202e\u2067\r")
    assert folder_bytes(tmp_path) == before


@pytest.mark.parametrize("where, said", [
    ("company", "record 1 (Ac\ufffdme): company holds a broken character"),
    ("history key", "record 1 (Acme): a key of history[0].data holds a broken character"),
    ("reminders", "the reminders table: 1.app holds a broken character"),
])
def test_a_lone_surrogate_in_a_current_file_is_a_damaged_record_named_and_never_written(tmp_path, capsys, where,
                                                                                          said):
    """It has no UTF-8 form (only its escape can be in a file): read as U+FFFD, all was said well, and every
    write was refused without saying where; one in the reminders table could not be repaired (fuzz fz1 D6)."""
    path = tmp_path / "followup.json"
    doc = dict(make_app("Acme").to_dict(), revision=1)
    layout = json.loads(_file(SCHEMA_VERSION, doc))
    if where == "company":
        doc["company"] = "Ac\udce9me"
    elif where == "history key":
        doc["history"] = [{"at": "2026-11-19T10:00:00Z", "kind": "stage", "text": "x", "data": {"fr\udce9om": "a"}}]
    else:
        layout["reminders"] = {"1": {"app": "x\udce9", "kind": "thank-you", "ref": "", "due": "2026-11-19T10:00:00Z",
                                     "stage": "interviewed", "channel": "desktop"}}
    layout["applications"]["1"] = doc
    path.write_bytes(json.dumps(layout).encode())
    before = folder_bytes(tmp_path)

    assert run(path, "list") == 1
    assert said in capsys.readouterr().err
    with pytest.raises(UnreadableFileError, match="damaged"):
        Store(path).add(make_app("Globex"))
    after = folder_bytes(tmp_path)
    after.pop("followup.json.lock", None)
    assert after == before


def test_the_bytes_check_passes_what_followup_writes_and_catches_each_control():
    kept = codec.encode({"t": "é — “quoted” £ ’ \u200f rtl mark, a\nnote\twith tabs, \u2028"})
    assert not codec.maybe_unclean(kept)
    for bad in ("\x00", "\x1b", "\x7f", "\x80", "\x9f", "\u202a", "\u202e", "\u2066", "\u2069", "\r"):
        assert codec.maybe_unclean(codec.encode({"t": f"a{bad}b"})), repr(bad)


def test_a_lone_carriage_return_in_a_hand_edited_note_is_a_line_break_not_a_join():
    """Read-through A 3: the text was cleaned (a lone CR dropped) before its line ends were read, so
    "one\\rtwo" became "onetwo"."""
    from tui.store.migrations import cleaned_record

    assert cleaned_record({"notes": "one\rtwo\r\nthree", "history": []})["notes"] == "one\ntwo\nthree"
