"""`followup export` and `followup import` through the command line, against real data files."""

import csv
import io
import json
from pathlib import Path

import pendulum
import pytest

from cli_helpers import NOW, ZONE, run
from tui.core.demo import demo_applications
from tui.store.store import Store


@pytest.fixture
def full_db(cli_home):
    """The demo data set: every stage, rounds, directions, contacts and history."""
    db = cli_home / "full.json"
    Store(db).open().add_many(demo_applications(pendulum.parse(NOW), pendulum.timezone(ZONE)))
    return db


def records(db):
    out = {}
    for app in Store(db).open().load_all():
        data = app.to_dict()
        data.pop("revision")
        out[app.id] = data
    return out


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_then_import_into_an_empty_db_gives_equal_data(cli_home, full_db, capsys, fmt):
    target = cli_home / f"apps.{fmt}"
    assert run(full_db, "export", fmt, "-o", str(target)) == 0
    assert f"wrote {len(records(full_db))} applications to {target}" in capsys.readouterr().out
    empty = cli_home / "empty.json"
    assert run(empty, "import", str(target)) == 0
    assert "added, 0 updated, 0 left" in capsys.readouterr().out
    assert records(empty) == records(full_db)


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_importing_the_same_file_twice_adds_nothing(cli_home, full_db, capsys, fmt):
    target = cli_home / f"apps.{fmt}"
    run(full_db, "export", fmt, "-o", str(target))
    count = len(records(full_db))
    assert run(full_db, "import", str(target)) == 0
    assert f"0 added, 0 updated, {count} left ({count} unchanged)" in capsys.readouterr().out
    assert len(records(full_db)) == count


def test_import_updates_what_changed_in_the_spreadsheet(cli_home, full_db, capsys):
    target = cli_home / "apps.csv"
    run(full_db, "export", "csv", "-o", str(target))
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"), newline="")))
    role = rows[0].index("role")
    for row in rows[1:]:
        if row[role] == "Senior Backend Engineer":
            row[role] = "Staff Backend Engineer"  # the cell only; the data column keeps the old role
    with target.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    assert run(full_db, "import", str(target)) == 0
    assert "0 added, 1 updated" in capsys.readouterr().out
    acme = next(a for a in Store(full_db).open().load_all() if a.company == "Acme Robotics")
    assert acme.role == "Staff Backend Engineer"
    assert acme.history[-1].text == "Changed in a spreadsheet: role"


@pytest.mark.parametrize("extra", [[], ["-o", "-"]])
def test_export_to_stdout(cli_home, full_db, capsys, extra):
    assert run(full_db, "export", "json", *extra) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == 1 and len(data["applications"]) == len(records(full_db)) >= 10
    assert not (cli_home / "-").exists()


def test_export_ics_and_md_to_files(cli_home, full_db, capsys):
    from icalendar import Calendar

    ics, md = cli_home / "due.ics", cli_home / "report.md"
    assert run(full_db, "export", "ics", "-o", str(ics)) == 0
    assert run(full_db, "export", "md", "-o", str(md)) == 0
    events = list(Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))
    assert any(str(e["summary"]) == "Thank Luis Ortega — Acme Robotics" for e in events)
    assert md.read_text(encoding="utf-8").startswith("# Followup report")


@pytest.mark.parametrize("command", [("export", "json"), ("report", "--from", "2026-11-01", "--to", "2026-11-30")])
@pytest.mark.parametrize("name", ["{db}", "{db}.lock", "{db}.bak-v3-20261101T000000", "link"])
def test_no_o_replaces_the_data_file_its_lock_or_a_backup(cli_home, full_db, capsys, command, name):
    """`report -o` given the data file's own name wrote the report over every card (review R3 1)."""
    link = cli_home / "link"
    link.symlink_to(full_db)
    target = Path(name.format(db=full_db)) if name != "link" else link
    if name.endswith("T000000"):
        target.write_text("an old backup")
    kept = {p: p.read_bytes() for p in full_db.parent.iterdir() if p.is_file()}
    assert run(full_db, *command, "-o", str(target)) == 2
    err = capsys.readouterr().err
    assert "refused: it is " in err and "name another file" in err and len(err.strip().splitlines()) == 1
    assert {p: p.read_bytes() for p in full_db.parent.iterdir() if p.is_file()} == kept


def test_export_into_a_missing_folder_is_one_line(cli_home, full_db, capsys):
    assert run(full_db, "export", "csv", "-o", str(cli_home / "nope" / "x.csv")) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot write the export" in err


BAD_FILES = [
    ("missing.csv", None, "cannot be read"),
    ("columns.csv", b"name,email\nDana,dana@x.example\n", "columns.csv:1: missing columns company, role, stage"),
    ("latin.csv", "id,company,role,stage\n,Société,SRE,thanked\n".encode("latin-1"), "latin.csv:2: not UTF-8"),
    ("rows.csv", b"id,company,role,stage\n,Acme,SRE,thanked\n,Globex,SRE,thanked\n,Initech,SRE,bogus\n",
     "rows.csv:4: unknown stage 'bogus'"),
    ("email.csv", b'id,company,role,stage,data\n,Acme,SRE,thanked,"{""rounds"": [{""name"": ""x"", '
                  b'""at"": ""2026-11-20T10:00:00Z"", ""interviewers"": [{""name"": ""Bo"", ""email"": ""bo""}]}]}"\n',
     "email.csv:2: rounds[0].interviewers[0]: email 'bo' is not an address"),
    ("recruiter.csv", b"id,company,role,stage,recruiter\n,Acme,SRE,thanked,Sam <sam@>\n",
     "recruiter.csv:2: recruiter 'Sam <sam@>': email 'sam@' is not an address"),
    ("list.json", b'[{"id": "x", "company": "Acme", "role": "SRE", "stage": "thanked"}]', "not a Followup export"),
    ("broken.json", b'{"schema": 1,\n "applications": [\n', "broken.json:3: not valid JSON"),
]


@pytest.mark.parametrize("name,payload,expected", BAD_FILES)
def test_a_bad_file_writes_nothing_and_says_why(cli_home, full_db, capsys, name, payload, expected):
    source = cli_home / name
    if payload is not None:
        source.write_bytes(payload)
    before = full_db.read_bytes()
    assert run(full_db, "import", str(source)) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and expected in err, err
    assert full_db.read_bytes() == before  # all or nothing: the good rows were not written either


# --- spreadsheets that can be trusted ----------------------------------------------------------
FORMULAS = ['=HYPERLINK("http://x","y")', "+1", "-2", "@SUM(A1)", "'quoted"]


@pytest.mark.parametrize("company", FORMULAS)
def test_a_formula_is_exported_as_text_and_imported_exactly(cli_home, capsys, company):
    from tui.core import actions

    db = cli_home / "f.json"
    app = actions.new_application(company, "-dev", now=pendulum.parse(NOW), notes="\t=1+1")
    Store(db).open().add(app)
    assert run(db, "export", "csv") == 0
    text = capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert rows[0]["company"] == "'" + company and rows[0]["role"] == "'-dev" and rows[0]["notes"] == "'\t=1+1"
    for row in rows:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row.values())
    other = cli_home / "other.json"
    (cli_home / "x.csv").write_text(text, newline="")
    assert run(other, "import", str(cli_home / "x.csv")) == 0
    assert records(other) == records(db)


def test_a_user_quote_before_plain_text_is_kept():
    from tui.core.exchange import escape_cell, unescape_cell

    assert unescape_cell("'s-Hertogenbosch") == "'s-Hertogenbosch"
    assert unescape_cell(escape_cell("'s-Hertogenbosch")) == "'s-Hertogenbosch"
    assert unescape_cell(escape_cell("''=x")) == "''=x"
    for text in ("\rCR", "\tTab", "=1", "+1", "-1", "@x", "'"):
        assert escape_cell(text) == "'" + text and unescape_cell(escape_cell(text)) == text


def _csv_of(db, capsys):
    run(db, "export", "csv")
    return capsys.readouterr().out


def test_an_unterminated_quote_refuses_the_whole_file(cli_home, capsys):
    path = cli_home / "broken.csv"
    path.write_text('id,company,role,stage,notes\r\n,Acme,SRE,thanked,\r\n,Globex,SRE,thanked,"never closed\r\n'
                    ',Initech,SRE,awaiting,\r\n', newline="")
    empty = cli_home / "e.json"
    assert run(empty, "import", str(path)) == 2
    err = capsys.readouterr().err
    assert "broken.csv:3: not readable as CSV (a quoted field is never closed)" in err and err.count("\n") == 1
    assert records(empty) == {}


def test_a_row_of_the_wrong_length_is_refused_with_its_line(cli_home, capsys):
    path = cli_home / "short.csv"
    path.write_text("id,company,role,stage\r\n,Acme,SRE,thanked\r\n,Globex,SRE\r\n", newline="")
    db = cli_home / "d.json"
    assert run(db, "import", str(path)) == 2
    assert "short.csv:3: 3 cells but the header has 4 columns" in capsys.readouterr().err


def test_hand_made_rows_are_matched_not_duplicated_and_never_overwrite_history(cli_home, capsys):
    db = cli_home / "d.json"
    path = cli_home / "mine.csv"
    path.write_text("company,role,stage,notes,id\r\nAcme,SRE,awaiting,first,\r\nGlobex,Dev,thanked,,\r\n", newline="")
    assert run(db, "import", str(path)) == 0
    assert "2 added, 0 updated, 0 left" in capsys.readouterr().out
    acme = next(a for a in Store(db).load_all() if a.company == "Acme")
    run(db, "direction", "acme", "send references", "--by", "fri")  # later history here
    capsys.readouterr()
    assert run(db, "import", str(path)) == 0
    assert "0 added, 0 updated, 2 left (2 unchanged)" in capsys.readouterr().out
    path.write_text("company,role,stage,notes,id\r\nacme,sre,awaiting,second,\r\nGlobex,Dev,thanked,,\r\n",
                    newline="")
    assert run(db, "import", str(path), "--dry-run") == 0
    assert "would import mine.csv: 0 added, 1 updated" in capsys.readouterr().out
    assert Store(db).resolve("acme").notes == "first"  # a dry run writes nothing
    assert run(db, "import", str(path)) == 0
    after = Store(db).resolve("acme")
    assert after.id == acme.id and after.notes == "second" and len(Store(db).load_all()) == 2
    assert [d.text for d in after.directions] == ["send references"]  # the later history is kept
    assert after.history[-1].text == "Changed in a spreadsheet: notes"


def test_a_hand_made_sheet_needs_no_id_column(cli_home, capsys):
    """README: a hand-made sheet needs only company, role and stage; rows match by company and role."""
    db = cli_home / "d.json"
    path = cli_home / "h1.csv"
    path.write_text("company,role,stage\nNewCo,Dev,awaiting\n", encoding="utf-8")
    assert run(db, "import", str(path)) == 0
    assert "1 added, 0 updated, 0 left" in capsys.readouterr().out
    (app,) = Store(db).load_all()
    assert (app.company, app.role, app.stage.value) == ("NewCo", "Dev", "awaiting")
    path.write_text("company,role,stage\nnewco,dev,followed-up\n", encoding="utf-8")
    assert run(db, "import", str(path)) == 0  # matched by company and role, not added again
    assert "0 added, 1 updated" in capsys.readouterr().out
    (again,) = Store(db).load_all()
    assert again.id == app.id and again.stage.value == "followed-up"


@pytest.mark.parametrize("column,value", [("round_at", "31 feb"), ("last_round", "garbage")])
def test_a_bad_round_day_refuses_the_whole_file(cli_home, capsys, column, value):
    db = cli_home / "d.json"
    run(db, "add", "Acme", "--role", "SRE", "--at", "yesterday 10am")
    before, _ = db.read_bytes(), capsys.readouterr()
    path = cli_home / "h2.csv"
    path.write_text(f"id,company,role,stage,{column}\n,Globex,Dev,thanked,\n,NewCo,Dev,interviewed,{value}\n",
                    encoding="utf-8")
    assert run(db, "import", str(path)) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"h2.csv:3: {column} '{value}' is not a date" in err
    assert db.read_bytes() == before


def test_an_old_export_does_not_undo_later_changes(cli_home, full_db, capsys):
    old = cli_home / "old.json"
    run(full_db, "export", "json", "-o", str(old))
    first = Store(full_db).load_all()[0]
    run(full_db, "note", first.id, "written after the export")
    before = records(full_db)
    capsys.readouterr()
    assert run(full_db, "import", str(old)) == 0
    out = capsys.readouterr().out
    assert "0 added, 0 updated" in out and "changed here since the file was written" in out
    assert records(full_db) == before


def test_import_reads_standard_input(cli_home, full_db, capsys, monkeypatch):
    payload = run(full_db, "export", "json") or capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(payload.encode())))
    empty = cli_home / "e.json"
    assert run(empty, "import", "-") == 0
    assert records(empty) == records(full_db)


def test_an_import_reads_the_data_file_once(cli_home, full_db, capsys, monkeypatch):
    from tui.store.storage import FileStorage

    target = cli_home / "apps.json"
    run(full_db, "export", "json", "-o", str(target))
    reads = []
    decoded = FileStorage.decoded
    monkeypatch.setattr(FileStorage, "decoded", lambda storage: reads.append(1) or decoded(storage))
    assert run(full_db, "import", str(target), "--dry-run") == 0
    assert len(reads) == 1  # checked for damage, and planned against, from the same reading


def test_an_import_is_planned_again_when_another_process_wrote_meanwhile(cli_home, capsys, monkeypatch):
    from tui.core import importing
    from tui.core.actions import new_application

    db = cli_home / "d.json"
    Store(db).open()
    path = cli_home / "mine.csv"
    path.write_text("id,company,role,stage\r\n,Hooli,SRE,thanked\r\n", newline="")
    plans = []
    plan_import = importing.plan_import

    def planned_while_another_writes(*given):
        if not plans:  # another Followup adds the same application between the reading and the write
            Store(db).add(new_application("Hooli", "SRE", now=pendulum.parse(NOW)))
        plans.append(1)
        return plan_import(*given)

    monkeypatch.setattr(importing, "plan_import", planned_while_another_writes)
    assert run(db, "import", str(path)) == 0
    assert len(plans) == 2 and "0 added, 0 updated, 1 left" in capsys.readouterr().out  # made there: kept
    assert [a.company for a in Store(db).load_all()] == ["Hooli"]  # matched, not added twice


def test_a_damaged_data_file_refuses_an_import_even_a_dry_run(cli_home, full_db, capsys):
    target = cli_home / "apps.json"
    run(full_db, "export", "json", "-o", str(target))
    data = json.loads(full_db.read_bytes())
    data["applications"]["1"]["stage"] = "nowhere"
    full_db.write_text(json.dumps(data))
    before = full_db.read_bytes()
    capsys.readouterr()
    assert run(full_db, "import", str(target), "--dry-run") == 2
    assert "damaged" in capsys.readouterr().err and full_db.read_bytes() == before


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_round_trip_keeps_history_and_is_stable(cli_home, full_db, capsys, fmt):
    first = cli_home / f"a.{fmt}"
    run(full_db, "export", fmt, "-o", str(first))
    copy = cli_home / "copy.json"
    run(copy, "import", str(first))
    assert all(data["history"] for data in records(copy).values())
    assert records(copy) == records(full_db)
    again = cli_home / f"b.{fmt}"
    run(copy, "export", fmt, "-o", str(again))
    assert again.read_bytes() == first.read_bytes()


# --- the calendar ---------------------------------------------------------------------------------
def _unfolded(text):
    """A second, independent reader: RFC 5545 lines unfolded, as (name, params, value)."""
    lines = []
    for raw in text.split("\r\n"):
        if raw.startswith((" ", "\t")) and lines:
            lines[-1] += raw[1:]
        elif raw:
            lines.append(raw)
    out = []
    for line in lines:
        head, _, value = line.partition(":")
        name, *params = head.split(";")
        out.append((name, params, value))
    return out


def test_ics_has_alarms_quiet_periods_and_upcoming_rounds(cli_home, capsys):
    from icalendar import Calendar

    db = cli_home / "d.json"
    run(db, "add", "Acme", "--role", "SRE", "--at", "yesterday 10am", "--interviewer", "Dana Kim")
    run(db, "direction", "acme", "two references", "--by", "fri 12:00")
    run(db, "direction", "acme", "no calls", "--not-before", "dec 10")
    run(db, "round", "acme", "--at", "next tue 14:00", "--name", "Final")
    run(db, "config", "remind_before", "90m")
    capsys.readouterr()
    assert run(db, "export", "ics") == 0
    text = capsys.readouterr().out
    assert not any(ord(ch) < 32 and ch not in "\r\n" for ch in text)
    events = list(Calendar.from_ical(text).walk("VEVENT"))
    by_summary = {str(e["summary"]): e for e in events}
    quiet = by_summary["Don't contact Acme"]
    # "dec 10" ends as working hours start that day (09:00): the 10th is free, and DTEND is exclusive
    assert str(quiet.decoded("dtstart")) == "2026-11-25" and str(quiet.decoded("dtend")) == "2026-12-10"
    final = by_summary["Interview: Final — Acme"]
    assert final.decoded("dtstart").isoformat() == "2026-12-01T13:00:00+00:00"
    tasks = [e for e in events if str(e["categories"].cats[1]) not in ("quiet", "interview")]
    assert tasks and all(len(e.subcomponents) == 1 for e in tasks)
    assert {str(e.subcomponents[0].decoded("trigger")) for e in tasks} == {"-1 day, 22:30:00"}

    assert str(final.subcomponents[0].decoded("trigger")) == "-1 day, 22:30:00"  # as `remind` warns of it

    lines = _unfolded(text)  # read again without icalendar
    assert [v for n, _, v in lines if n == "BEGIN"].count("VALARM") == len(tasks) + 1
    assert [v for n, _, v in lines if n == "TRIGGER"] == ["-PT1H30M"] * (len(tasks) + 1)
    assert ("DTSTART", ["VALUE=DATE"], "20261125") in lines and ("DTEND", ["VALUE=DATE"], "20261210") in lines
    assert sum(1 for n, _, v in lines if n == "BEGIN" and v == "VEVENT") == len(events)


def test_a_sheet_that_closes_a_card_gives_what_followup_close_gives(cli_home, capsys):
    """The reviewer's steps: export, set stage and outcome in the sheet, import; then show, due and stats
    see a closed, rejected card with its outcome time, its history lines and the reply it needs."""
    db, twin = cli_home / "d.json", cli_home / "twin.json"
    for target in (db, twin):
        assert run(target, "add", "Rho", "--role", "Dev", "--at", "2026-11-16 10:00", "--interviewer", "Ann A") == 0
    sheet = cli_home / "r.csv"
    run(db, "export", "csv", "-o", str(sheet))
    rows = list(csv.DictReader(io.StringIO(sheet.read_text(encoding="utf-8"), newline="")))
    rows[0].update(stage="closed", outcome="rejected")
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    assert run(twin, "close", "rho", "rejected") == 0
    capsys.readouterr()
    assert run(db, "import", str(sheet)) == 0
    assert "0 added, 1 updated" in capsys.readouterr().out
    imported, closed = Store(db).resolve("rho"), Store(twin).resolve("rho")
    assert (imported.outcome, imported.outcome_at) == (closed.outcome, closed.outcome_at) == (
        closed.outcome, pendulum.parse(NOW))
    assert [e.text for e in imported.history] == [e.text for e in closed.history]
    for command in (["due", "--within", "7"], ["stats", "--json"]):
        outputs = []
        for target in (db, twin):
            run(target, *command)
            outputs.append(capsys.readouterr().out)
        assert outputs[0] == outputs[1]
    figures = json.loads(outputs[1])
    assert figures["answered"] == 1 and figures["funnel"]["stages"]["closed"] == 1
    run(db, "due", "--within", "7")
    assert "Reply to Rho" in capsys.readouterr().out


def test_export_says_one_application_in_the_singular(cli_home, capsys):
    db = cli_home / "d.json"
    run(db, "add", "Rho", "--role", "Dev", "--at", "2026-11-16 10:00", "-q")
    capsys.readouterr()
    target = cli_home / "one.json"
    assert run(db, "export", "json", "-o", str(target)) == 0
    assert capsys.readouterr().out == f"wrote 1 application to {target} (json)\n"


def _quiet_days(cli_home, capsys, *not_befores):
    """The (DTSTART, DTEND) of each "Don't contact" event after quiet periods ending at `not_befores`."""
    from icalendar import Calendar

    db = cli_home / "q.json"
    run(db, "add", "Q", "--role", "X", "--at", "2026-11-20 10:00")
    for number, until in enumerate(not_befores):
        run(db, "direction", "q", f"quiet {number}", "--not-before", until)
    capsys.readouterr()
    assert run(db, "export", "ics") == 0
    events = Calendar.from_ical(capsys.readouterr().out).walk("VEVENT")
    return sorted((str(e.decoded("dtstart")), str(e.decoded("dtend")))
                  for e in events if str(e["summary"]).startswith("Don't contact"))


def test_a_quiet_period_bars_each_working_day_it_reaches_into(cli_home, capsys):
    """Wednesday 25 Nov, 14:00 in Berlin, working hours 09:00-17:00: one period ends at 16:00 today, one
    at 08:00 tomorrow (before work starts: tomorrow is free), one at 10:00 on Friday (Friday morning is
    barred). A DTEND is exclusive, so each event runs to the day after the last day contact is barred."""
    assert _quiet_days(cli_home, capsys, "today 16:00", "tomorrow 08:00", "fri 10:00") == [
        ("2026-11-25", "2026-11-26"), ("2026-11-25", "2026-11-26"), ("2026-11-25", "2026-11-28")]


def test_a_quiet_period_ending_mid_afternoon_keeps_that_day_barred_and_one_at_midnight_does_not(cli_home, capsys):
    assert _quiet_days(cli_home, capsys, "2026-12-04 15:00", "2026-12-08 00:00") == [
        ("2026-11-25", "2026-12-05"), ("2026-11-25", "2026-12-08")]


def test_a_file_merely_named_like_a_backup_may_be_written(cli_home, full_db, capsys):
    """Review R4 4: any NAME.bak-… was refused as "a backup of the data file"; backups are NAME.bak-v…"""
    target = full_db.with_name(full_db.name + ".bak-notes.txt")
    assert run(full_db, "export", "json", "-o", str(target)) == 0
    assert target.read_text().startswith("{")
