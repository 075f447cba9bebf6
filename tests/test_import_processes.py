"""A hand-made sheet imported again never adds a card twice, while a new process at the same company and
role (after the old one was closed) can still be added from a sheet, and the summary says so."""

import csv
import io
import json

import pendulum
import pytest

from cli_helpers import configure, digest, one_line_error, run
from tui.core import actions, correspondence, exchange, importing
from tui.core.errors import ValidationError
from tui.core.settings import Settings

NOW = pendulum.datetime(2026, 11, 27, 10, tz="UTC")
UTC = Settings(timezone="UTC")


def sheet(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def cards(db):
    return sorted(json.loads(db.read_text())["applications"].values(), key=lambda a: a["created_at"])


@pytest.fixture
def db(tmp_path, monkeypatch):
    configure(tmp_path, monkeypatch, 'timezone = "UTC"\n', now="2026-11-27T10:00:00Z")
    return tmp_path / "f.json"


# --- a sheet imported again after it changed: refused, as before, never a second card ----------------
def test_a_round_column_added_to_a_sheet_imported_without_one_is_refused(db, tmp_path, capsys):
    assert run(db, "import", sheet(tmp_path, "e1.csv", "company,role,stage\nEcho,Eng,awaiting\n")) == 0
    before = digest(db)
    capsys.readouterr()
    again = sheet(tmp_path, "e2.csv", "company,role,stage,round_at\nEcho,Eng,awaiting,2026-11-12 10:00\n")
    assert run(db, "import", again) == 2
    one_line_error(capsys, "e2.csv:2: round_at '2026-11-12 10:00' is not a round of Echo — Eng",
                   "followup round")
    assert digest(db) == before and len(cards(db)) == 1


def test_a_last_round_moved_on_to_a_new_round_is_refused(db, tmp_path, capsys):
    first = sheet(tmp_path, "s1.csv", "company,role,stage,last_round\nDelta,Eng,awaiting,2026-11-10 10:00\n")
    assert run(db, "import", first) == 0
    assert run(db, "import", first) == 0
    assert "1 left (1 unchanged)" in capsys.readouterr().out
    before = digest(db)
    moved_on = sheet(tmp_path, "s2.csv", "company,role,stage,last_round\nDelta,Eng,awaiting,2026-11-24 10:00\n")
    assert run(db, "import", moved_on) == 2
    one_line_error(capsys, "s2.csv:2: last_round '2026-11-24 10:00' is not a round of Delta — Eng")
    assert digest(db) == before and len(cards(db)) == 1


def test_a_closed_card_made_without_a_round_is_not_told_apart_by_a_round_column_added_later(db, tmp_path, capsys):
    assert run(db, "import", sheet(tmp_path, "c1.csv", "company,role,stage,outcome\nEcho,Eng,closed,rejected\n")) == 0
    before = digest(db)
    capsys.readouterr()
    later = sheet(tmp_path, "c2.csv", "company,role,stage,outcome,round_at\nEcho,Eng,closed,rejected,2026-11-12\n")
    assert run(db, "import", later) == 2  # the round is before the card was closed (by the first import)
    one_line_error(capsys, "round_at '2026-11-12' is not a round of Echo — Eng", "closed",
                   "only after the closed one ended (closed, Fri 27 Nov 10:00)", "add it with 'followup add'")
    assert digest(db) == before


# --- a new process after the old one was closed ---------------------------------------------------
def test_a_row_after_a_closed_process_adds_a_second_card_says_so_and_imports_again_unchanged(db, tmp_path, capsys):
    assert run(db, "add", "Delta", "--role", "Eng", "--at", "2026-03-10 10:00") == 0
    assert run(db, "close", "delta", "rejected", "--at", "2026-04-01 10:00") == 0
    (old,) = cards(db)
    capsys.readouterr()
    rows = sheet(tmp_path, "rr.csv", "company,role,stage,round_at\nDelta,Eng,awaiting,2026-11-20 10:00\n")
    assert run(db, "import", rows) == 0
    out = capsys.readouterr().out
    assert "1 added" in out
    assert f"Delta — Eng: a second Delta — Eng, as the earlier one ({old['id'][:8]}) is closed" in out
    assert [a["stage"] for a in cards(db)] == ["closed", "awaiting"]
    assert run(db, "import", rows) == 0
    assert "0 added, 0 updated, 1 left (1 unchanged)" in capsys.readouterr().out
    assert run(db, "import", sheet(tmp_path, "plain.csv", "company,role,stage\nDelta,Eng,thanked\n")) == 0
    assert [a["stage"] for a in cards(db)] == ["closed", "thanked"]  # a row without a day: the open card


def test_a_row_before_the_closed_process_ended_is_refused_naming_its_last_round(db, tmp_path, capsys):
    assert run(db, "add", "Delta", "--role", "Eng", "--at", "2026-03-10 10:00") == 0
    assert run(db, "close", "delta", "rejected", "--at", "2026-04-01 10:00") == 0
    before = digest(db)
    capsys.readouterr()
    rows = sheet(tmp_path, "old.csv", "company,role,stage,round_at\nDelta,Eng,awaiting,2026-02-20 10:00\n")
    assert run(db, "import", rows) == 2
    one_line_error(capsys, "old.csv:2: round_at '2026-02-20 10:00' is not a round of Delta — Eng",
                   "(its last round, Tue 10 Mar 10:00)")
    assert digest(db) == before


def test_while_one_process_is_open_a_row_on_another_day_is_refused_not_added():
    closed = correspondence.close(actions.new_application("Delta", "Eng", now=NOW.subtract(months=9),
                                                          round_at=NOW.subtract(months=9)),
                                  "rejected", now=NOW.subtract(months=8))
    current = actions.new_application("Delta", "Eng", now=NOW.subtract(days=5), round_at=NOW.subtract(days=5))
    row = b"company,role,stage,round_at\nDelta,Eng,awaiting,2026-11-26 10:00\n"
    with pytest.raises(ValidationError, match="is not a round of Delta — Eng"):
        importing.plan_import(row, "h.csv", [closed, current], NOW, UTC)


def test_two_open_processes_and_a_row_on_neither_day_is_refused_as_ambiguous():
    first = actions.new_application("Delta", "Eng", now=NOW, round_at=NOW.subtract(days=9))
    second = actions.new_application("Delta", "Eng", now=NOW, round_at=NOW.subtract(days=2))
    row = b"company,role,stage,round_at\nDelta,Eng,awaiting,2026-11-26 10:00\n"
    with pytest.raises(ValidationError, match="matches several applications"):
        importing.plan_import(row, "h.csv", [first, second], NOW, UTC)


# --- the export of a file holding both processes comes back unchanged --------------------------------
def _two_processes():
    old = correspondence.close(actions.new_application("Delta", "Eng", now=NOW.subtract(months=9),
                                                       round_at=NOW.subtract(months=9)),
                               "rejected", now=NOW.subtract(months=8))
    new = actions.new_application("Delta", "Eng", now=NOW.subtract(days=5), round_at=NOW.subtract(days=5))
    return [old, new]


def _hand_made(payload: str) -> bytes:
    """The CSV export as a hand-made sheet: only the columns import reads, id and data removed, and the
    last_round it wrote kept to tell the two processes apart."""
    rows = list(csv.DictReader(io.StringIO(payload, newline="")))
    keep = ("company", "role", "stage", "outcome", "notes", "last_round")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=keep, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


@pytest.mark.parametrize("form", ["json", "csv", "hand-made csv"])
def test_the_export_of_two_processes_one_closed_imports_again_unchanged(form):
    apps = _two_processes()
    payload = {"json": lambda: exchange.to_json(apps).encode(),
               "csv": lambda: exchange.to_csv(apps, UTC, NOW).encode(),
               "hand-made csv": lambda: _hand_made(exchange.to_csv(apps, UTC, NOW))}[form]()
    plan = importing.plan_import(payload, "x." + form.rpartition(" ")[2], apps, NOW.add(hours=1), UTC)
    assert (plan.added, plan.updated) == ([], [])
    assert sorted((a.id, why) for a, why in plan.left) == sorted((a.id, "unchanged") for a in apps)


# --- review U: a renamed card is never replaced; an old closed process's row never closes the new one ----
def test_a_sheet_imported_again_after_its_card_was_renamed_is_refused_and_the_card_kept(db, tmp_path, capsys):
    """Review U #1: the row's made-up id (company, role, day) is the renamed card's: it was 'added' again
    under that id, and the card's note, rounds and history were gone."""
    rows = sheet(tmp_path, "rn.csv", "company,role,stage\nEcho,Eng,awaiting\n")
    assert run(db, "import", rows) == 0
    assert run(db, "edit", "echo", "--role", "Senior Eng") == 0
    assert run(db, "note", "echo", "Salary band 120k") == 0
    before = digest(db)
    capsys.readouterr()
    assert run(db, "import", rows) == 2
    one_line_error(capsys, "rn.csv:2", "is now Echo — Senior Eng", "nothing changed")
    assert digest(db) == before
    (card,) = cards(db)
    assert card["role"] == "Senior Eng" and "Salary band 120k" in card["notes"]


def test_a_row_without_a_round_goes_to_the_process_in_its_state_never_closing_the_new_one(db, tmp_path, capsys):
    """Review U #2: with an old closed Delta — Eng and a new open one, the old sheet's 'closed, rejected'
    row (no round) closed the new process; and a sheet listing both processes failed the second time."""
    first = sheet(tmp_path, "s1.csv", "company,role,stage,round_at\nDelta,Eng,awaiting,2026-11-02 10:00\n")
    assert run(db, "import", first) == 0
    closing = sheet(tmp_path, "s2.csv", "company,role,stage,outcome\nDelta,Eng,closed,rejected\n")
    assert run(db, "import", closing) == 0
    assert run(db, "add", "Delta", "--role", "Eng", "--at", "2026-11-20 10:00", "--interviewer", "Ann Lee") == 0
    before = digest(db)
    capsys.readouterr()
    assert run(db, "import", closing) == 0
    assert "1 unchanged" in capsys.readouterr().out
    assert digest(db) == before
    assert sorted(c["stage"] for c in cards(db)) == ["closed", "interviewed"]


def test_a_sheet_of_both_processes_imports_again_unchanged(db, tmp_path, capsys):
    both = sheet(tmp_path, "hm.csv", "company,role,stage,outcome,round_at\n"
                                     "Delta,Eng,closed,rejected,\nDelta,Eng,awaiting,,2026-11-20 10:00\n")
    assert run(db, "import", both) == 0
    before = digest(db)
    capsys.readouterr()
    assert run(db, "import", both) == 0
    assert "2 unchanged" in capsys.readouterr().out
    assert digest(db) == before
