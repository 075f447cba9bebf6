"""An export read back after the zone setting changed (a server in UTC, a laptop in New York): the
CSV's `timezone` column says the zone its times were written in, so an untouched file is unchanged
and a real edit of a shown time is still refused."""

import csv
import io

from cli_helpers import config_file, digest, one_line_error, run


def exported_under_berlin_then_moved(db, capsys, tmp_path, name="b.csv"):
    """Two cards, exported as CSV under Berlin; then the setting says New York."""
    run(db, "add", "Alpha", "--role", "Dev", "--at", "2026-11-20 10:00", "--interviewer", "Dana Kim")
    run(db, "add", "Beta", "--role", "Ops", "--at", "2026-11-19 10:00")
    target = tmp_path / name
    run(db, "export", "csv", "-o", str(target))
    config_file(tmp_path).write_text('timezone = "America/New_York"\n', encoding="utf-8")
    capsys.readouterr()
    return target


def rewritten(path, change):
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    for row in rows:
        change(row)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_an_untouched_csv_imports_unchanged_after_the_zone_setting_changed(cli_db, capsys, tmp_path):
    target = exported_under_berlin_then_moved(cli_db, capsys, tmp_path)
    assert "Europe/Berlin" in target.read_text(encoding="utf-8").splitlines()[1]
    before = digest(cli_db)
    assert run(cli_db, "import", str(target)) == 0
    assert capsys.readouterr().out.startswith("imported b.csv: 0 added, 0 updated, 2 left (2 unchanged)")
    assert digest(cli_db) == before


def test_an_edited_shown_time_is_still_refused_in_the_files_own_zone(cli_db, capsys, tmp_path):
    target = exported_under_berlin_then_moved(cli_db, capsys, tmp_path)
    rewritten(target, lambda row: row.update(created="2026-11-25 14:01") if row["company"] == "Alpha" else None)
    before = digest(cli_db)
    assert run(cli_db, "import", str(target)) == 2
    one_line_error(capsys, "b.csv:2: created", "'2026-11-25 14:01'", "export wrote '2026-11-25 14:00'")
    assert digest(cli_db) == before


def test_an_old_export_without_the_column_is_read_in_the_setting_and_the_refusal_says_so(cli_db, capsys, tmp_path):
    target = exported_under_berlin_then_moved(cli_db, capsys, tmp_path)
    rewritten(target, lambda row: row.pop("timezone"))
    assert run(cli_db, "import", str(target)) == 2
    one_line_error(capsys, "created", "no timezone column", "America/New_York")
    config_file(tmp_path).write_text('timezone = "Europe/Berlin"\n', encoding="utf-8")
    assert run(cli_db, "import", str(target)) == 0
    assert "2 left (2 unchanged)" in capsys.readouterr().out


def test_a_timezone_cell_that_names_no_zone_is_refused_naming_it(cli_db, capsys, tmp_path):
    target = exported_under_berlin_then_moved(cli_db, capsys, tmp_path)
    rewritten(target, lambda row: row.update(timezone="Mars/Olympus"))
    assert run(cli_db, "import", str(target)) == 2
    one_line_error(capsys, "b.csv:2: timezone 'Mars/Olympus' is not a time zone")


def test_a_hand_made_rows_round_at_is_read_in_the_rows_timezone(cli_db, capsys, tmp_path):
    sheet = tmp_path / "hand.csv"
    sheet.write_text("company,role,stage,round_at,timezone\nGamma,QA,interviewed,2026-11-24 10:00,Asia/Tokyo\n",
                     encoding="utf-8")
    assert run(cli_db, "import", str(sheet)) == 0
    capsys.readouterr()
    assert run(cli_db, "export", "json") == 0
    assert '"at": "2026-11-24T01:00:00Z"' in capsys.readouterr().out
