"""Times in a sheet as a spreadsheet shows them: to the minute, and in its own date forms (review T2 2, T3 6)."""

import csv
import io

import pytest

from cli_helpers import run
from tui.store.store import Store


def rows_of(path):
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def write_rows(path, rows, delimiter=","):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8", newline="")


@pytest.mark.parametrize("at", ["now", "2 days ago"])
def test_an_unedited_export_of_a_round_stored_with_seconds_imports_again(cli_db, capsys, monkeypatch, at):
    monkeypatch.setenv("FOLLOWUP_NOW", "2026-11-25T13:00:17.229455Z")
    run(cli_db, "add", "Gamma", "--role", "Eng", "--at", at)
    assert Store(cli_db).load_all()[0].rounds[0].at.second == 17
    path = cli_db.parent / "f.csv"
    run(cli_db, "export", "csv", "-o", str(path))
    capsys.readouterr()
    assert run(cli_db, "import", "--dry-run", str(path)) == 0
    assert "1 left (1 unchanged)" in capsys.readouterr().out
