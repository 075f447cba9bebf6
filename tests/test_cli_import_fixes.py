"""`followup import` as QA found it: -q in every position, a dry run that writes nothing, the conflict
message of a card changed only here, hand edits to a JSON export, read-only CSV columns and ids."""


import csv
import io

import pytest

from cli_helpers import digest, one_line_error, run
from tui.store.store import Store


@pytest.fixture
def two(cli_db, capsys):
    """A data file with Alpha and Beta, and its JSON export h.json beside it."""
    run(cli_db, "add", "Alpha", "--role", "Dev", "--at", "2026-11-20 10:00")
    run(cli_db, "add", "Beta", "--role", "Ops", "--at", "2026-11-19 10:00")
    run(cli_db, "export", "json", "-o", str(cli_db.parent / "h.json"))
    capsys.readouterr()
    return cli_db


@pytest.mark.parametrize("argv", [["import", "-q", "FILE"], ["import", "FILE", "-q"], ["-q", "import", "FILE"],
                                  ["import", "FILE", "--quiet"]])
def test_quiet_import_prints_the_summary_line_alone_wherever_q_is_given(two, capsys, argv):
    target = str(two.parent / "h.json")
    fresh = two.parent / "fresh.json"
    code = run(fresh, *[target if a == "FILE" else a for a in argv])
    out = capsys.readouterr().out
    assert code == 0
    assert out == "imported h.json: 2 added, 0 updated, 0 left (0 unchanged)\n"
    assert len(Store(fresh).load_all()) == 2


def test_a_dry_run_into_a_missing_file_creates_neither_the_file_nor_its_lock(two, capsys):
    missing = two.parent / "n1.json"
    assert run(missing, "import", str(two.parent / "h.json"), "--dry-run") == 0
    assert "would import h.json: 2 added" in capsys.readouterr().out
    assert sorted(p.name for p in two.parent.iterdir() if p.name.startswith("n1")) == []


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_an_unedited_export_of_a_card_changed_here_since_is_kept_as_changed_here(two, capsys, fmt):
    """A backdated reply sorts into the middle of the history: the card changed here only, not on both sides."""
    target = two.parent / f"h2.{fmt}"
    run(two, "export", fmt, "-o", str(target))
    run(two, "reply", "beta", "--at", "2026-11-24 10:00")
    capsys.readouterr()
    assert run(two, "import", str(target), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "Beta — Ops: changed here since the file was written; kept" in out
    assert "both" not in out


def edited_csv(db, path, column, value):
    run(db, "export", "csv", "-o", str(path))
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    rows[0][column] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.parametrize("column,value", [("interviewers", "Dana Kim"), ("last_round", "Onsite, 2026-11-21 10:00"),
                                          ("rounds", "3"), ("created", "2026-11-01 09:00"), ("history", "junk"),
                                          ("next_deadline", "2026-12-24 10:00")])
def test_an_edited_read_only_column_is_refused_naming_row_and_column_and_writes_nothing(two, capsys, column, value):
    path = two.parent / "s.csv"
    edited_csv(two, path, column, value)
    before = digest(two)
    capsys.readouterr()
    assert run(two, "import", str(path)) == 2
    one_line_error(capsys, "s.csv:2:", f"{column} is shown for reading", "followup")
    assert digest(two) == before


def test_an_unknown_column_is_refused_naming_it_and_the_columns_read(two, capsys):
    path = two.parent / "u.csv"
    path.write_text("company,role,stage,salary\nRho,Ops,awaiting,100\n", encoding="utf-8")
    before = digest(two)
    assert run(two, "import", str(path)) == 2
    one_line_error(capsys, "u.csv:1: unknown column 'salary'", "round_at", "notes")
    assert digest(two) == before


def test_a_hand_made_round_at_makes_the_round_at_that_time_in_the_users_zone(cli_db, capsys):
    path = cli_db.parent / "r.csv"
    path.write_text("company,role,stage,round_at\nRho,Ops,awaiting,2026-11-01 09:00\n", encoding="utf-8")
    assert run(cli_db, "import", str(path)) == 0
    (app,) = Store(cli_db).load_all()
    assert [(r.name, r.at.isoformat()) for r in app.rounds] == [("Interview", "2026-11-01T08:00:00+00:00")]
    assert app.stage.value == "awaiting"
    assert [e.kind for e in app.history] == ["created", "round"]
    capsys.readouterr()
    assert run(cli_db, "import", str(path)) == 0  # matched, not added twice
    assert "0 added, 0 updated, 1 left (1 unchanged)" in capsys.readouterr().out
