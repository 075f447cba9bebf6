"""Times in a sheet as a spreadsheet shows them: to the minute, and in its own date forms (review T2 2, T3 6)."""

import csv
import io
from zoneinfo import ZoneInfo

import pytest

from cli_helpers import ZONE, run
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


@pytest.fixture
def exported(cli_db, capsys):
    run(cli_db, "add", "Acme", "--role", "Backend", "--at", "2026-11-24 14:25", "--round", "Onsite")
    run(cli_db, "direction", "Acme", "send references", "--by", "2026-11-27 12:00")
    path = cli_db.parent / "a.csv"
    run(cli_db, "export", "csv", "-o", str(path))
    capsys.readouterr()
    return path


def european(cell):
    day, clock = cell.split(" ")
    year, month, date = day.split("-")
    return f"{int(date)}/{int(month)}/{year} {int(clock[:2])}:{clock[3:]}"


def american(cell):
    day, clock = cell.split(" ")
    year, month, date = day.split("-")
    hour = int(clock[:2])
    return f"{int(month)}/{int(date)}/{year} {hour % 12 or 12}:{clock[3:]} {'PM' if hour >= 12 else 'AM'}"


def dotted(cell):
    day, clock = cell.split(" ")
    year, month, date = day.split("-")
    return f"{date}.{month}.{year} {clock}"


@pytest.mark.parametrize("form", [european, american, dotted, lambda cell: cell.replace(" ", "T") + ":00"])
def test_read_only_times_a_spreadsheet_rewrote_count_as_unchanged(cli_db, exported, capsys, form):
    rows = rows_of(exported)
    for column in ("created", "updated", "next_deadline"):
        rows[0][column] = form(rows[0][column])
    name, _, when = rows[0]["last_round"].rpartition(", ")
    rows[0]["last_round"] = f"{name}, {form(when)}"
    write_rows(exported, rows, delimiter=";")
    assert run(cli_db, "import", str(exported)) == 0, capsys.readouterr().err
    assert "1 left (1 unchanged)" in capsys.readouterr().out


def test_a_read_only_time_changed_to_another_minute_is_still_refused(cli_db, exported, capsys):
    rows = rows_of(exported)
    rows[0]["created"] = "26/11/2026 09:01"
    write_rows(exported, rows)
    assert run(cli_db, "import", str(exported)) == 2
    assert "created is shown for reading and not imported: it says '26/11/2026 09:01'" in capsys.readouterr().err


@pytest.mark.parametrize("cell", ["27/11/2026", "27.11.2026", "11/27/2026 2:00 PM", "2026-11-27 14:00:00",
                                  "27/11/2026 14:00"])
def test_a_hand_made_round_in_a_spreadsheets_form_adds_the_card(cli_db, capsys, cell):
    path = cli_db.parent / "h.csv"
    path.write_text(f'company,role,stage,round_at\nZeta,Dev,awaiting,"{cell}"\n', encoding="utf-8")
    assert run(cli_db, "import", str(path)) == 0, capsys.readouterr().err
    (card,) = Store(cli_db).load_all()
    at = card.rounds[0].at.astimezone(ZoneInfo(ZONE))
    assert (at.month, at.day, at.hour) == (11, 27, 14 if " " in cell else 0)


def test_a_day_and_month_that_could_be_either_are_refused(cli_db, capsys):
    path = cli_db.parent / "h.csv"
    path.write_text("company,role,stage,round_at\nZeta,Dev,awaiting,05/11/2026\n", encoding="utf-8")
    assert run(cli_db, "import", str(path)) == 2
    assert capsys.readouterr().err.strip().endswith(
        "h.csv:2: round_at '05/11/2026' could be 5 November or 11 May: write 2026-11-05 or 2026-05-11")
    path.write_text("company,role,stage,round_at\nZeta,Dev,awaiting,05/11/2026 14:30\n", encoding="utf-8")
    assert run(cli_db, "import", str(path)) == 2  # the time stays in what is offered (read-through A 8)
    assert capsys.readouterr().err.strip().endswith("write 2026-11-05 14:30 or 2026-05-11 14:30")
