"""`followup stats` and `followup report` through the command line, on real data files."""

import json
from datetime import datetime, timezone

import pendulum
import pytest

from cli_helpers import configure, digest
from cli_helpers import run_captured as run
from tui.core import actions, correspondence
from tui.core.demo import demo_applications
from tui.core.parts import Interviewer
from tui.store.store import Store

NOW = "2026-12-01T12:00:00Z"
ZONE = "Asia/Tokyo"  # nine hours ahead of UTC: a day's bounds are not UTC midnights
UTC = timezone.utc


@pytest.fixture
def env(tmp_path, monkeypatch):
    return configure(tmp_path, monkeypatch, f'timezone = "{ZONE}"\nname = "Alex Doe"\n', now=NOW)


@pytest.fixture
def db(env):
    """Two applications either side of Tokyo's midnight starting 2 Nov, and one either side of 1 Dec."""
    before = datetime(2026, 11, 1, 14, 0, tzinfo=UTC)  # Sun 1 Nov 23:00 in Tokyo
    after = datetime(2026, 11, 1, 16, 0, tzinfo=UTC)  # Mon 2 Nov 01:00 in Tokyo
    late = datetime(2026, 11, 30, 14, 30, tzinfo=UTC)  # Mon 30 Nov 23:30 in Tokyo
    early = datetime(2026, 11, 30, 15, 30, tzinfo=UTC)  # Tue 1 Dec 00:30 in Tokyo
    apps = [
        actions.new_application("Before", "Dev", now=before, round_at=before),
        actions.new_application("After", "Dev", now=after, round_at=after,
                                interviewers=[Interviewer(name="Dana Kim", email="dana@after.example")]),
        actions.new_application("Late", "Dev", now=late, round_at=late),
        actions.new_application("Early", "Dev", now=early, round_at=early),
    ]
    apps[1] = correspondence.close(apps[1], "rejected", now=after.replace(day=5), at=after.replace(day=5))
    path = env / "data.json"
    Store(path).open().add_many(apps)
    return path


def test_stats_prints_the_figures_of_the_demo(env, capsys):
    path = env / "demo.json"
    Store(path).open().add_many(demo_applications(pendulum.parse(NOW), pendulum.timezone(ZONE)))
    code, out, err = run(capsys, "--db", str(path), "stats")
    assert code == 0 and err == ""
    assert "Applications       13" in out and "Answered" in out and "Last 12 weeks" in out
    assert all(len(line) <= 80 for line in out.splitlines())


def test_stats_json_and_since_a_day_in_the_users_zone(db, capsys):
    code, out, _ = run(capsys, "--db", str(db), "stats", "--json")
    assert code == 0
    data = json.loads(out)
    # counted: Before (a month old, no answer) and After (rejected); Late and Early are a day old
    assert (data["applications"], data["counted"], data["answer_rate"]) == (4, 2, 0.5)
    code, out, _ = run(capsys, "--db", str(db), "stats", "--since", "2026-11-02", "--json")
    data = json.loads(out)
    assert data["since"] == "2026-11-01T15:00:00+00:00"  # Tokyo's midnight
    assert data["applications"] == 3  # After, Late, Early; Before was on the evening before



def test_since_a_number_of_days_ago_starts_at_that_days_midnight_as_the_screens_period(db, capsys):
    """Review O: "--since '30 days ago'" (which the CLI's own error suggests) started at now's clock
    time, 12:00 Tokyo, so a round on that morning was left out where the screen's period kept it."""
    code, out, _ = run(capsys, "--db", str(db), "stats", "--since", "29 days ago", "--json")
    assert code == 0
    assert json.loads(out)["since"] == "2026-11-01T15:00:00+00:00"  # Mon 2 Nov 00:00 in Tokyo
    code, out, _ = run(capsys, "--db", str(db), "stats", "--since", "4 weeks ago", "--json")
    assert json.loads(out)["since"] == "2026-11-02T15:00:00+00:00"  # Tue 3 Nov 00:00 in Tokyo
    code, out, _ = run(capsys, "--db", str(db), "stats", "--since", "3 hours ago", "--json")
    assert json.loads(out)["since"] == "2026-12-01T09:00:00+00:00"  # a distance in hours keeps its clock


def test_report_takes_whole_days_in_the_users_zone(db, capsys):
    code, out, _ = run(capsys, "--db", str(db), "report", "--from", "2026-11-02", "--to", "2026-11-30")
    assert code == 0
    assert "| After |" in out and "| Late |" in out
    assert "| Before |" not in out and "| Early |" not in out
    assert "Dana Kim \\<dana@after.example\\>" in out
    assert "In all: 2 interviews, 0 letters sent, 1 answer received." in out


def test_report_csv_to_a_file(db, env, capsys):
    target = env / "november.csv"
    code, out, _ = run(capsys, "--db", str(db), "report", "--from", "2026-11-01", "--to", "2026-11-30",
                       "--format", "csv", "-o", str(target))
    assert code == 0
    assert out.startswith("wrote 3 interviews, 0 letters sent, 1 answer received to ")
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "date,company,role,activity,detail,contact"
    assert lines[1].startswith("2026-11-01 23:00,Before,Dev,Interview")  # written in Tokyo time


@pytest.mark.parametrize("argv,message", [
    (["stats", "--since", "someday"], "--since: cannot read the time 'someday'"),
    (["stats", "--since", "tomorrow"], "is in the future"),
    # days are named as days (review O: "--to Sun 1 Nov 00:00" misstated a bound that is the whole day)
    (["report", "--from", "2026-11-30", "--to", "2026-11-01"], "--from Mon 30 Nov is after --to Sun 1 Nov: give"),
    (["report", "--from", "2026-11-30 10:00", "--to", "2026-11-01"], "Mon 30 Nov 10:00 is after --to Sun 1 Nov:"),
    (["report", "--from", "2026-11-01", "--to", "soon"], "--to: cannot read the time 'soon'"),
    (["report", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "pdf"],
     "unknown report format 'pdf': use one of md, csv"),
    (["report", "--from", "2026-11-01"], "the following arguments are required: --to"),
])
def test_bad_input_exits_2_with_one_line_and_changes_nothing(db, capsys, argv, message):
    before = digest(db)
    code, out, err = run(capsys, "--db", str(db), *argv)
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1
    assert digest(db) == before


@pytest.mark.parametrize("command,example", [
    ("stats", "followup stats --since 2026-09-01 --json"),
    ("report", "followup report --from 2026-11-01 --to 2026-11-30"),
])
def test_help_defines_and_gives_an_example(capsys, command, example):
    code, out, _ = run(capsys, command, "--help")
    assert code == 0 and example in out
    assert ("silence_rate" in out) if command == "stats" else ("whole" in out)


def test_a_thank_you_marked_without_a_letter_is_no_letter_in_the_weeks_as_in_the_report(env, capsys):
    """`interviewer … --thanked` is a thank-you note (thank_you.sent) but no letter sent: the weeks and
    `report` say the same."""
    path = str(env / "rho.json")
    assert run(capsys, "--db", path, "add", "Rho", "--role", "Dev", "--at", "2026-11-30 10:00",
               "--interviewer", "Ann A")[0] == 0
    assert run(capsys, "--db", path, "interviewer", "rho", "Ann A", "--thanked")[0] == 0
    code, out, _ = run(capsys, "--db", path, "stats", "--json")
    figures = json.loads(out)
    assert code == 0 and figures["thank_you"]["sent"] == 1
    assert sum(week["letters"] for week in figures["weeks"]) == 0
    code, out, _ = run(capsys, "--db", path, "report", "--from", "2026-11-01", "--to", "2026-12-01")
    assert code == 0 and "0 letters sent, 0 answers received, 1 interviewer thanked without a letter" in out
    sent = run(capsys, "--db", path, "letter", "rho", "thank-you", "--interviewer", "Ann", "--mark-sent", "--force")
    assert sent[0] == 1  # recorded, and printed with its gaps (no name set)
    figures = json.loads(run(capsys, "--db", path, "stats", "--json")[1])
    assert sum(week["letters"] for week in figures["weeks"]) == 1  # a letter recorded: now it is one


def test_a_bare_weekday_starts_at_the_latest_one(db, capsys):
    """Tuesday 1 Dec in Tokyo: "mon" is the day before (not next week's, refused as the future)."""
    code, out, err = run(capsys, "--db", str(db), "stats", "--since", "mon", "--json")
    assert code == 0 and err == ""
    assert json.loads(out)["applications"] == 2  # Late (Mon 23:30) and Early
    code, out, err = run(capsys, "--db", str(db), "report", "--from", "mon", "--to", "today", "--format", "csv")
    assert code == 0 and err == ""
    assert "Late" in out and "Early" in out and "Before" not in out


def test_report_to_a_moment_takes_that_moment_in(db, capsys):
    """After's rejection was told at 01:00 on 6 Nov (Tokyo): a period ending at 01:00 lists it."""
    code, out, _ = run(capsys, "--db", str(db), "report", "--from", "2026-11-02", "--to", "2026-11-06 01:00")
    assert code == 0
    assert "rejected" in out and "Fri 6 Nov 2026, 01:00" in out
    code, out, _ = run(capsys, "--db", str(db), "report", "--from", "2026-11-02", "--to", "2026-11-06 00:59")
    assert code == 0 and "rejected" not in out


def test_the_stats_heading_names_a_starting_moment_with_its_time(db, capsys):
    code, out, _ = run(capsys, "--db", str(db), "stats", "--since", "2026-11-02 01:00")
    assert code == 0 and "first round since Mon 2 Nov 01:00" in out
    code, out, _ = run(capsys, "--db", str(db), "stats", "--since", "2026-11-02")
    assert code == 0 and "first round since Mon 2 Nov" in out and "Nov 00:00" not in out


def test_bounds_typed_on_a_monday_morning(tmp_path, monkeypatch, capsys):
    """Review: before noon a day read as "now" (the morning went missing) and "mon" as last week's."""
    configure(tmp_path, monkeypatch, f'timezone = "{ZONE}"\n', now="2026-11-30T01:30:00Z")  # Mon 10:30 Tokyo
    path = tmp_path / "data.json"
    Store(path).open().add_many([])
    def period(*argv):
        code, out, _ = run(capsys, "--db", str(path), "report", *argv)
        assert code == 0
        return next(line for line in out.splitlines() if line.startswith("Period: "))

    day = "Mon 30 Nov 2026"
    assert period("--from", "2026-11-30", "--to", "2026-11-30").startswith(f"Period: {day}, 00:00 – {day}, 23:59")
    assert period("--from", "today", "--to", "today").startswith("Period: Mon 30 Nov 2026, 00:00")
    assert period("--from", "mon 09:00", "--to", "mon 10:00").startswith(f"Period: {day}, 09:00 – {day}, 10:00")
    assert period("--from", "mon", "--to", "fri").startswith("Period: Mon 30 Nov 2026, 00:00 – Fri 4 Dec 2026, 23:59")
    code, out, _ = run(capsys, "--db", str(path), "stats", "--since", "mon")
    assert code == 0 and "first round since Mon 30 Nov" in out
