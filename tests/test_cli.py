"""The headless commands, run in-process: add, list, move, close, due, help, errors."""

import json
import os
import sys
import types

import pendulum
import pytest

from cli_helpers import NOW, ZONE, config_file, one_line_error, run
from tui import cli, main
from tui.core import actions, correspondence
from tui.core.parts import Interviewer
from tui.store.store import Store


def run_program(db, *argv):
    """As the `followup` entry point runs: the board when there is no command."""
    return main.main(["--db", str(db), *argv])


def seeded(db, *apps):
    store = Store(db).open()
    store.add_many(apps)
    return store


def make(company, role="Engineer", *, app_id=None, hours_ago=20, people=("Dana Kim",)):
    now = pendulum.parse(NOW)
    app = actions.new_application(
        company, role, now=now, round_at=now.subtract(hours=hours_ago),
        interviewers=[Interviewer(name=p) for p in people],
    )
    if app_id:
        app.id = app_id
    return app


# --- add -------------------------------------------------------------------------
def test_add_prints_the_short_id_and_stores_the_round_in_utc(cli_db, capsys):
    code = run(cli_db, "add", "Acme", "--role", "Platform engineer", "--at", "yesterday 10am",
               "--interviewer", "Dana Kim <dana@acme.example>", "--interviewer", "Lee Park", "--round", "Onsite")
    assert code == 0
    line = capsys.readouterr().out
    short = line.split()[0]
    assert len(short) == 8 and line.count("\n") == 1
    assert "round “Onsite” Tue 24 Nov 10:00 · 28 hours ago; next: Thank Dana Kim — Acme, due Wed 25 Nov 10:00" in line
    app = Store(cli_db).open().resolve(short)
    assert (app.company, app.role, app.stage.value) == ("Acme", "Platform engineer", "interviewed")
    rnd = app.latest_round
    assert rnd.name == "Onsite"
    assert rnd.at.isoformat() == "2026-11-24T09:00:00+00:00"  # 10:00 in Berlin
    assert [(i.name, i.email) for i in rnd.interviewers] == [("Dana Kim", "dana@acme.example"), ("Lee Park", "")]
    assert app.history[0].kind == "created"


@pytest.mark.parametrize("argv,expected", [
    (["add", "  ", "--role", "SRE", "--at", "today"], "company is empty"),
    (["add", "Acme", "--role", "", "--at", "today"], "--role is given an empty value"),
    (["add", "Acme", "--role", "SRE", "--at", "25:00"], "cannot read the time '25:00': use e.g."),
    (["add", "Acme", "--role", "SRE", "--at", "feb 30"], "cannot read the time 'feb 30'"),
    (["add", "Acme", "--role", "SRE", "--at", "today", "--interviewer", "Bob <bob>"], "not an address"),
    (["add", "Acme", "--role", "SRE", "--at", "today", "--interviewer", "Bob <bob@x"], "Name <email>"),
    (["add", "Acme", "--role", "SRE"], "required: --at"),
    (["move", "aaaa", "sideways"], "unknown stage 'sideways': use one of interviewed, thanked"),
    (["move", "zzzz", "thanked"], "no application id or company starts with 'zzzz'"),
    (["move", "aaaa", "thanked"], "ambiguous"),
    (["close", "aaaa1111", "maybe"], "unknown outcome 'maybe': use one of offer"),
    (["list", "--stage", "done"], "unknown stage 'done'"),
    (["due", "--within", "soon"], "not a number of days"),
    (["due", "--within", "36500"], "'36500' is out of range: give 0 to 3650 days"),  # not "not a number" (fz2 4)
    (["due", "--within", "99999999999999999999"], "is out of range: give 0 to 3650 days"),
    (["due", "--within=-1"], "'-1' is out of range: give 0 to 3650 days"),
    (["export", "xlsx"], "unknown export format 'xlsx': use one of json, csv, ics, md"),
    (["frobnicate"], "invalid choice"),
])
def test_bad_input_is_one_line_and_leaves_the_file_alone(cli_db, capsys, argv, expected):
    seeded(cli_db, make("Acme", app_id="aaaa1111-0000-4000-8000-000000000001"),
           make("Globex", app_id="aaaa2222-0000-4000-8000-000000000002"))
    before = cli_db.read_bytes()
    assert run(cli_db, *argv) == 2
    one_line_error(capsys, expected)
    assert cli_db.read_bytes() == before


def test_add_with_a_bad_time_does_not_create_a_missing_file(cli_db, capsys):
    assert run(cli_db, "add", "Acme", "--role", "SRE", "--at", "someday") == 2
    assert not cli_db.exists()


# --- list ------------------------------------------------------------------------
def test_list_table_fits_80_columns_and_says_when_in_words(cli_db, capsys):
    seeded(cli_db, make("Acme"), make("A company with a very long name indeed", "Principal staff platform engineer"))
    assert run(cli_db, "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["ID", "COMPANY", "ROLE", "STAGE", "NEXT"]
    assert all(len(line) <= 80 for line in lines)
    assert any("A company with a ve…" in line for line in lines)
    assert all("4 h" in line for line in lines[1:])  # round 20 h ago + 24 h window


def test_list_in_a_wide_terminal_shows_more_of_the_names(cli_db, capsys, monkeypatch):
    """Review at 1,000 cards: rows cut to "Northwind Health 10…" looked the same in a 120-column terminal."""
    import shutil
    import sys

    seeded(cli_db, make("Northwind Health 1041", "Principal staff platform engineer"))
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr(shutil, "get_terminal_size", lambda fallback=None: os.terminal_size((120, 40)))
    assert run(cli_db, "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert any("Northwind Health 1041" in line and "Principal staff platform engineer" in line for line in lines)
    assert all(len(line) <= 120 for line in lines)


def test_list_json_has_the_documented_shape_and_filters_by_stage(cli_db, capsys):
    store = seeded(cli_db, make("Acme"), make("Globex"))
    globex = next(a for a in store.load_all() if a.company == "Globex")
    store.save(correspondence.close(globex, "rejected", now=pendulum.parse(NOW)))
    assert run(cli_db, "list", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["company"] for r in rows] == ["Acme", "Globex"]  # board order
    acme = rows[0]
    assert set(acme) >= {"id", "company", "role", "stage", "next_deadline", "next_action", "outcome", "updated_at"}
    assert acme["next_deadline"] == "2026-11-25T17:00:00Z"  # round 20 h ago + 24 h; as export json writes times
    assert acme["next_action"] == "Thank Dana Kim — Acme" and acme["overdue"] is False
    assert rows[1]["stage"] == "closed" and rows[1]["outcome"] == "rejected"
    assert run(cli_db, "list", "--stage", "closed", "--json") == 0
    assert [r["company"] for r in json.loads(capsys.readouterr().out)] == ["Globex"]


def test_list_on_an_empty_file_says_how_to_add(cli_db, capsys):
    assert run(cli_db, "list") == 0
    assert "followup add" in capsys.readouterr().out
    assert run(cli_db, "list", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize("argv", [["list"], ["due"], ["export", "json"], ["stats"]])
def test_reading_a_named_file_that_does_not_exist_says_so_on_standard_error(cli_db, capsys, argv, monkeypatch):
    """fz2 7: a typo in --db or $FOLLOWUP_DB read as an empty store ("no applications yet"): lost data, it
    looked. Standard output and the exit code stay an empty store's; the file is not made by a read."""
    typo = cli_db.with_name("typo.json")
    assert run(typo, *argv) == 0
    out, err = capsys.readouterr()
    assert err == f"followup: {typo} does not exist yet; it is made by the first change (followup add …)\n"
    monkeypatch.setenv("FOLLOWUP_DB", str(typo))
    assert cli.main(argv) == 0
    assert capsys.readouterr() == (out, err)
    assert not typo.exists()


def test_a_card_named_in_a_file_that_does_not_exist_is_refused_in_one_line_saying_so(cli_db, capsys):
    for argv in (["show", "acme"], ["letter", "acme", "thank-you"], ["move", "acme", "awaiting"]):
        assert run(cli_db, *argv) == 2
        assert f"{cli_db} does not exist yet" in one_line_error(capsys, "no application id or company")
    assert not cli_db.exists()


def test_the_default_data_file_before_the_first_add_is_just_empty(cli_home, capsys, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(cli_home / "data"))
    assert cli.main(["list"]) == 0
    assert capsys.readouterr().err == ""


# --- move and close --------------------------------------------------------------
def test_move_by_prefix_records_history(cli_db, capsys):
    seeded(cli_db, make("Acme", app_id="bbbb1111-0000-4000-8000-000000000001"))
    assert run(cli_db, "move", "bbbb", "awaiting") == 0
    assert "interviewed → awaiting" in capsys.readouterr().out
    app = Store(cli_db).open().get("bbbb1111-0000-4000-8000-000000000001")
    assert app.stage.value == "awaiting"
    last = app.history[-1]
    assert last.kind == "stage" and last.data["from"] == "interviewed" and last.data["to"] == "awaiting"
    before = cli_db.read_bytes()
    assert run(cli_db, "move", "bbbb1111", "Awaiting") == 0
    assert "already" in capsys.readouterr().out and cli_db.read_bytes() == before


def test_move_to_closed_is_refused_and_points_to_close(cli_db, capsys):
    """PRODUCT: moving into closed by any path asks for the outcome; a command cannot ask, so it refuses."""
    seeded(cli_db, make("Acme", app_id="bbbb1111-0000-4000-8000-000000000001"))
    before = cli_db.read_bytes()
    assert run(cli_db, "move", "bbbb", "closed") == 2
    one_line_error(capsys, "closing needs an outcome", "followup close bbbb1111 OUTCOME",
                   "offer|accepted|rejected|withdrawn|no-response")
    assert cli_db.read_bytes() == before


def test_close_records_the_outcome(cli_db, capsys):
    seeded(cli_db, make("Acme", app_id="cccc1111-0000-4000-8000-000000000001"))
    assert run(cli_db, "close", "cccc", "no response") == 0
    app = Store(cli_db).open().get("cccc1111-0000-4000-8000-000000000001")
    assert (app.stage.value, app.outcome.value) == ("closed", "no-response")
    assert app.outcome_at == pendulum.parse(NOW)


# --- due -------------------------------------------------------------------------
def test_due_lists_overdue_first_with_a_mark_and_exit_code(cli_db, capsys):
    seeded(cli_db, make("Acme", hours_ago=30), make("Globex", hours_ago=20), make("Later Inc", hours_ago=-48))
    assert run(cli_db, "due", "--exit-code") == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["! 6 h overdue  Thank Dana Kim — Acme", "  in 4 h       Thank Dana Kim — Globex"]
    assert run(cli_db, "due", "--within", "4") == 0
    assert "Later Inc" in capsys.readouterr().out


def test_due_without_overdue_exits_zero_even_with_exit_code(cli_db, capsys):
    seeded(cli_db, make("Globex", hours_ago=20))
    assert run(cli_db, "due", "--exit-code") == 0
    assert capsys.readouterr().out.startswith("  in 4 h")


def test_due_when_clear(cli_db, capsys):
    seeded(cli_db, make("Later Inc", hours_ago=-48))
    assert run(cli_db, "due") == 0
    assert capsys.readouterr().out == "nothing due\n"
    assert run(cli_db, "due", "--quiet") == 0
    assert capsys.readouterr().out == ""


def test_due_summary_is_one_line_for_a_status_bar(cli_db, capsys):
    seeded(cli_db, make("Acme", hours_ago=30, people=("Dana Kim", "Lee Park")), make("Globex", hours_ago=20))
    assert run(cli_db, "due", "--summary") == 0
    assert capsys.readouterr().out == "2 overdue, 1 due today\n"


def test_due_lines_are_short(cli_db, capsys):
    seeded(cli_db, make("Acme " * 30, hours_ago=30))
    run(cli_db, "due")
    (line,) = capsys.readouterr().out.splitlines()
    assert len(line) == 80 and line.startswith("! 6 h overdue  Thank Dana Kim — Acme Acme") and line.endswith("…")


# --- help, version, settings -----------------------------------------------------
@pytest.mark.parametrize("command", ["add", "list", "move", "close", "due", "export", "import"])
def test_every_command_has_help_with_an_example(command, capsys):
    assert cli.main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert "example:" in out and f"followup {command}" in out.split("example:")[1]


def test_add_help_says_how_a_weekday_is_read_as_add_reads_it(cli_db, capsys):
    """Review O: the help said "mon 9:00" is the coming Monday; add reads the latest one (a round that
    took place), so a user typing an upcoming round by the help got last week's."""
    cli.main(["add", "--help"])
    assert '"mon 9:00" (the latest Monday)' in capsys.readouterr().out
    assert run(cli_db, "add", "Acme", "--role", "Dev", "--at", "mon 9:00") == 0  # now: Wed 25 Nov
    app = Store(cli_db).open_all()[0]
    assert pendulum.instance(app.rounds[0].at).in_tz(ZONE).to_date_string() == "2026-11-23"


def test_list_help_documents_the_json_shape(capsys):
    cli.main(["list", "--help"])
    out = capsys.readouterr().out
    for key in ("id", "company", "role", "stage", "next_deadline", "next_action", "updated_at"):
        assert f"  {key}" in out or f", {key}" in out


def test_version(capsys):
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == "followup 0.1.0"


def test_a_bad_settings_file_is_named_in_one_line(cli_db, capsys, tmp_path):
    config_file(tmp_path).write_text("thank_you_hours = 0\n")
    assert run(cli_db, "list") == 2
    one_line_error(capsys, "config.toml", "thank_you_hours")


def test_db_option_also_works_after_the_command(cli_db, capsys):
    seeded(cli_db, make("Acme"))
    assert cli.main(["list", "--json", "--db", str(cli_db)]) == 0
    assert json.loads(capsys.readouterr().out)[0]["company"] == "Acme"


@pytest.mark.parametrize("option, env, expected", [
    ("given.json", "env.json", "given.json"),
    (None, "env.json", "env.json"),
    (None, None, "data/followup/followup.json"),
])
def test_one_place_decides_the_data_file_for_every_command(cli_home, monkeypatch, option, env, expected):
    """--db, else $FOLLOWUP_DB, else the user data dir (the only folder created for it); a timer that
    `remind --install` writes runs on the same file."""
    from tui.cli_common import named_db, store_at

    monkeypatch.setenv("XDG_DATA_HOME", str(cli_home / "data"))
    if env:
        monkeypatch.setenv("FOLLOWUP_DB", str(cli_home / env))
    args = types.SimpleNamespace(**({"db": str(cli_home / option)} if option else {}))
    store = store_at(args)
    assert store.path == cli_home / expected and store.create_folder is (option is None and env is None)
    assert named_db(args) == (None if store.create_folder else str(store.path))


# --- the board -------------------------------------------------------------------
@pytest.fixture
def fake_board(monkeypatch):
    calls = []

    def run_board(store, settings, demo=False, warnings=()):  # warnings: tests/test_settings_unknown_keys.py
        calls.append((store, settings, demo, store.open_snapshot().applications))  # as start_board reads it
        return 0

    monkeypatch.setitem(sys.modules, "tui.ui.launch", types.SimpleNamespace(run_board=run_board))
    return calls


def test_no_command_opens_the_board_on_the_data_file(cli_db, fake_board):
    seeded(cli_db, make("Acme"))
    assert run_program(cli_db) == 0
    store, settings, demo, apps = fake_board[0]
    assert store.path == cli_db and demo is False and settings.timezone == ZONE
    assert [a.company for a in apps] == ["Acme"]


def test_demo_opens_a_throwaway_copy(cli_db, fake_board):
    assert run_program(cli_db, "--demo") == 0
    store, _, demo, apps = fake_board[0]
    assert demo is True and len(apps) >= 10
    assert store.path != cli_db and not store.path.exists()  # deleted on exit
    assert not cli_db.exists()


def pretend_terminal(monkeypatch):
    """Standard input and output pass for a terminal, which the real board asks for before the file.

    Called in the test itself: capsys puts its own standard output in place only then.
    """
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)


def test_board_on_an_unreadable_file_says_why_in_one_line(cli_db, capsys, monkeypatch):
    """The real board: it refuses before drawing anything, and the command line exits 2."""
    cli_db.write_text("{ not json")
    pretend_terminal(monkeypatch)
    assert run_program(cli_db) == 2
    one_line_error(capsys, str(cli_db), "not valid JSON")
    assert cli_db.read_text() == "{ not json"


def test_board_on_a_file_from_a_newer_followup_says_why_in_one_line(cli_db, capsys, monkeypatch):
    cli_db.write_text(json.dumps({"_meta": {"1": {"app": "followup", "schema": 99}}, "applications": {}}))
    before = cli_db.read_bytes()
    pretend_terminal(monkeypatch)
    assert run_program(cli_db) == 2
    one_line_error(capsys, str(cli_db))
    assert cli_db.read_bytes() == before


@pytest.mark.parametrize("argv", [["--demo", "list"], ["--demo", "add", "Acme", "--role", "SRE", "--at", "now"]])
def test_demo_with_a_command_is_refused(cli_db, capsys, fake_board, argv):
    """--demo is for the board: a command with it would act on the real data file."""
    assert run_program(cli_db, *argv) == 2
    one_line_error(capsys, "--demo")
    assert not fake_board and not cli_db.exists()


def test_the_command_line_alone_needs_a_command(cli_db, capsys):
    """tui.cli never opens the board itself (it imports no Textual); tui.main gives it the launcher."""
    assert run(cli_db) == 2
    one_line_error(capsys, "no command given")


@pytest.mark.parametrize("argv", [["due"], ["list"], ["export", "json"]])
def test_reading_commands_do_not_create_the_data_file(cli_db, capsys, argv):
    assert run(cli_db, *argv) == 0
    assert not cli_db.exists()


def test_an_old_start_up_index_is_removed_once(cli_db):
    """Followup 0.1 left `<file>.board` beside the data file; only the lock and backups live there now."""
    store = seeded(cli_db, make("Acme", app_id="aaaa1111-0000-0000-0000-000000000000"))
    index = store.real_path.with_name(store.real_path.name + ".board")
    index.write_text("[]")
    assert run(cli_db, "add", "Globex", "--role", "SRE", "--at", "yesterday 10am") == 0  # opens the file
    assert not index.exists()
    beside = sorted(p.name for p in store.real_path.parent.iterdir() if p.name.startswith(store.real_path.name))
    assert beside == [store.real_path.name, store.real_path.name + ".lock"]
