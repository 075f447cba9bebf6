"""`followup export` and `followup import` through the command line, against real data files."""

import csv
import io
import json

import pendulum
import pytest

from tui import cli
from tui.core.demo import demo_applications
from tui.store.store import Store

NOW = "2026-11-25T13:00:00Z"
ZONE = "Europe/Berlin"


@pytest.fixture
def env(tmp_path, monkeypatch):
    config = tmp_path / "config"
    (config / "followup").mkdir(parents=True)
    (config / "followup" / "config.toml").write_text(f'timezone = "{ZONE}"\n', encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.setenv("FOLLOWUP_NOW", NOW)
    monkeypatch.delenv("FOLLOWUP_DB", raising=False)
    return tmp_path


@pytest.fixture
def full_db(env):
    """The demo data set: every stage, rounds, directions, contacts and history."""
    db = env / "full.json"
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
def test_export_then_import_into_an_empty_db_gives_equal_data(env, full_db, capsys, fmt):
    target = env / f"apps.{fmt}"
    assert cli.main(["--db", str(full_db), "export", fmt, "-o", str(target)]) == 0
    assert f"wrote {len(records(full_db))} applications to {target}" in capsys.readouterr().out
    empty = env / "empty.json"
    assert cli.main(["--db", str(empty), "import", str(target)]) == 0
    assert "added, 0 updated, 0 left" in capsys.readouterr().out
    assert records(empty) == records(full_db)


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_importing_the_same_file_twice_adds_nothing(env, full_db, capsys, fmt):
    target = env / f"apps.{fmt}"
    cli.main(["--db", str(full_db), "export", fmt, "-o", str(target)])
    count = len(records(full_db))
    assert cli.main(["--db", str(full_db), "import", str(target)]) == 0
    assert f"0 added, 0 updated, {count} left ({count} unchanged)" in capsys.readouterr().out
    assert len(records(full_db)) == count


def test_import_updates_what_changed_in_the_spreadsheet(env, full_db, capsys):
    target = env / "apps.csv"
    cli.main(["--db", str(full_db), "export", "csv", "-o", str(target)])
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"), newline="")))
    role = rows[0].index("role")
    for row in rows[1:]:
        if row[role] == "Senior Backend Engineer":
            row[role] = "Staff Backend Engineer"  # the cell only; the data column keeps the old role
    with target.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    assert cli.main(["--db", str(full_db), "import", str(target)]) == 0
    assert "0 added, 1 updated" in capsys.readouterr().out
    acme = next(a for a in Store(full_db).open().load_all() if a.company == "Acme Robotics")
    assert acme.role == "Staff Backend Engineer"
    assert acme.history[-1].text == "Changed in a spreadsheet: role"


@pytest.mark.parametrize("extra", [[], ["-o", "-"]])
def test_export_to_stdout(env, full_db, capsys, extra):
    assert cli.main(["--db", str(full_db), "export", "json", *extra]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == 1 and len(data["applications"]) == len(records(full_db)) >= 10
    assert not (env / "-").exists()


def test_export_ics_and_md_to_files(env, full_db, capsys):
    from icalendar import Calendar

    ics, md = env / "due.ics", env / "report.md"
    assert cli.main(["--db", str(full_db), "export", "ics", "-o", str(ics)]) == 0
    assert cli.main(["--db", str(full_db), "export", "md", "-o", str(md)]) == 0
    events = list(Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))
    assert any(str(e["summary"]) == "Thank Luis Ortega — Acme Robotics" for e in events)
    assert md.read_text(encoding="utf-8").startswith("# Followup report")


def test_export_refuses_to_overwrite_the_data_file(env, full_db, capsys):
    before = full_db.read_bytes()
    assert cli.main(["--db", str(full_db), "export", "json", "-o", str(full_db)]) == 2
    assert "is the data file itself" in capsys.readouterr().err
    assert full_db.read_bytes() == before


def test_export_into_a_missing_folder_is_one_line(env, full_db, capsys):
    assert cli.main(["--db", str(full_db), "export", "csv", "-o", str(env / "nope" / "x.csv")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot write the export" in err


BAD_FILES = [
    ("missing.csv", None, "cannot be read"),
    ("columns.csv", b"name,email\nDana,dana@x.example\n", "columns.csv:1: missing columns id, company, role, stage"),
    ("latin.csv", "id,company,role,stage\n,Société,SRE,thanked\n".encode("latin-1"), "latin.csv: not UTF-8"),
    ("rows.csv", b"id,company,role,stage\n,Acme,SRE,thanked\n,Globex,SRE,thanked\n,Initech,SRE,bogus\n",
     "rows.csv:4: unknown stage 'bogus'"),
    ("email.csv", b'id,company,role,stage,data\n,Acme,SRE,thanked,"{""rounds"": [{""name"": ""x"", '
                  b'""at"": ""2026-11-20T10:00:00Z"", ""interviewers"": [{""name"": ""Bo"", ""email"": ""bo""}]}]}"\n',
     "email.csv:2: rounds[0].interviewers[0]: email 'bo' is not an address"),
    ("list.json", b'[{"id": "x", "company": "Acme", "role": "SRE", "stage": "thanked"}]', "not a Followup export"),
    ("broken.json", b'{"schema": 1,\n "applications": [\n', "broken.json:3: not valid JSON"),
]


@pytest.mark.parametrize("name,payload,expected", BAD_FILES)
def test_a_bad_file_writes_nothing_and_says_why(env, full_db, capsys, name, payload, expected):
    source = env / name
    if payload is not None:
        source.write_bytes(payload)
    before = full_db.read_bytes()
    assert cli.main(["--db", str(full_db), "import", str(source)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and expected in err, err
    assert full_db.read_bytes() == before  # all or nothing: the good rows were not written either
