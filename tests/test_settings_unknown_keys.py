"""A key in config.toml that is no setting is warned about and ignored, everywhere settings are read.

QA: `colour = "red"` (or an `[extra]` table) made every command exit 2, so the
cron reminder and the tmux status line stopped, and `followup config` could not
even write the fix. A known key with a bad value still stops the command.
"""

from __future__ import annotations

import sys
import types

import pendulum
import pytest

from cli_helpers import BERLIN, config_file, configure, digest, run
from tui import main

STRAY = BERLIN + 'colour = "red"\n\n[extra]\nshade = 1\n'


def warned_about(err: str, path) -> list[str]:
    """The keys standard error warns about, checking each line names the file and every known key."""
    keys = []
    for line in err.splitlines():
        if "unknown key" not in line:
            continue
        assert line.startswith(f"followup: {path}: unknown key '"), line
        assert " ignored; known keys are follow_up_business_days, follow_up_limit, " in line, line
        assert line.endswith("use_thank_you, work_hours"), line
        keys.append(line.split("'")[1])
    return keys


@pytest.fixture
def stray(tmp_path, monkeypatch):
    configure(tmp_path, monkeypatch, STRAY)
    db = tmp_path / "followup.json"
    assert run(db, "add", "Acme", "--role", "Engineer", "--at", "2026-11-20 10:00") == 0
    return db


@pytest.mark.parametrize("argv", [["list"], ["due", "--within", "30"], ["remind", "--dry-run"],
                                  ["show", "acme"], ["export", "json"], ["config"], ["config", "name"]])
def test_every_command_still_runs_and_warns_once_per_key(stray, tmp_path, capsys, argv):
    capsys.readouterr()
    code = run(stray, *argv)
    out, err = capsys.readouterr()
    assert code in (0, 1), err  # remind --dry-run: 1 when no channel is on, as without the stray key
    assert warned_about(err, config_file(tmp_path)) == ["colour", "extra"]
    assert "Acme" in out or argv[0] in ("remind", "config")


def test_a_setting_is_still_written_and_the_stray_lines_kept(stray, tmp_path, capsys):
    assert run(stray, "config", "name", "Alex Doe") == 0
    out, err = capsys.readouterr()
    assert out.startswith("name = Alex Doe   (written to ") and warned_about(err, config_file(tmp_path))
    text = config_file(tmp_path).read_text(encoding="utf-8")
    assert 'colour = "red"' in text and "[extra]\nshade = 1" in text and 'name = "Alex Doe"' in text
    assert text.index('name = "Alex Doe"') < text.index("[extra]")  # a top-level key, not one of the table's
    assert run(stray, "config", "name") == 0 and capsys.readouterr().out == "Alex Doe\n"


def test_setting_an_unknown_key_is_still_refused(stray, tmp_path, capsys):
    before = digest(config_file(tmp_path))
    assert run(stray, "config", "colour", "blue") == 2
    err = capsys.readouterr().err
    assert err.startswith(f"followup: 'colour' is not a setting (the settings file is {config_file(tmp_path)})")
    assert err.count("\n") == 1 and digest(config_file(tmp_path)) == before


def test_a_known_key_with_a_bad_value_still_stops_every_command(tmp_path, monkeypatch, capsys):
    configure(tmp_path, monkeypatch)
    path = config_file(tmp_path)
    path.write_text('thank_you_hours = 0\ncolour = "red"\n', encoding="utf-8")
    assert run(tmp_path / "db.json", "list") == 2
    err = capsys.readouterr().err
    assert err == f"followup: {path}: thank_you_hours = 0 is not allowed; use a whole number of hours " \
                  "from 1 to 168; `followup config thank_you_hours VALUE` sets it in place\n"
    # ... which it does; typing a bad value there is refused without the hint (review U #9)
    assert run(tmp_path / "db.json", "config", "thank_you_hours", "0") == 2
    assert capsys.readouterr().err.endswith(f"from 1 to 168. Nothing was written: {path} keeps thank_you_hours = 0\n")
    assert run(tmp_path / "db.json", "config", "thank_you_hours", "24") == 0
    assert run(tmp_path / "db.json", "list") == 0


def test_the_board_is_handed_the_warnings_not_standard_error(stray, tmp_path, monkeypatch, capsys):
    """Standard error is hidden behind the board: the launcher gets the lines to show as notifications."""
    seen = []

    def run_board(store, settings, demo=False, warnings=()):
        seen.append((settings.timezone, list(warnings)))
        return 0

    monkeypatch.setitem(sys.modules, "tui.ui.launch", types.SimpleNamespace(run_board=run_board))
    capsys.readouterr()
    assert main.main(["--db", str(stray)]) == 0
    ((zone, warnings),) = seen
    assert zone == "Europe/Berlin" and capsys.readouterr().err == ""
    assert [line.split("'")[1] for line in warnings] == ["colour", "extra"]
    assert all(line.startswith(f"{config_file(tmp_path)}: unknown key ") for line in warnings)


async def test_the_board_shows_each_warning_once_as_a_notification(tmp_path):
    from tui.core import clock
    from tui.store import Store
    from tui.ui.launch import start_board
    from ui_detail_helpers import SETTINGS, SIZE, acme, make_db, screen_text, wait_until

    db = make_db(tmp_path, acme(clock.now()))
    line = "config.toml: unknown key 'colour' ignored; known keys are name, pitch"
    followup = start_board(Store(db), SETTINGS, poll_seconds=0, write_settle=0, warnings=[line])
    async with followup.run_test(size=SIZE, notifications=True) as pilot:  # toasts drawn
        await pilot.pause()
        shown = [n for n in followup._notifications if n.message == line]
        assert len(shown) == 1 and shown[0].severity == "warning"
        await wait_until(pilot, lambda: "unknown key 'colour'" in screen_text(followup))
        assert followup.settings == SETTINGS


def test_the_listing_names_the_system_zone_an_empty_timezone_stands_for(tmp_path, monkeypatch, capsys):
    """QA: `timezone =    (default)` left the user guessing which zone the deadlines were shown in."""
    from pendulum.tz.local_timezone import test_local_timezone

    configure(tmp_path, monkeypatch, "# no settings yet\n")
    with test_local_timezone(pendulum.timezone("America/Chicago")):
        assert run(tmp_path / "db.json", "config") == 0
    lines = capsys.readouterr().out.splitlines()
    assert "timezone =    (default: America/Chicago, the system's)" in lines
    assert "theme = textual-dark   (default)" in lines


def test_an_empty_timezone_written_in_the_file_still_names_the_zone_it_stands_for(tmp_path, monkeypatch, capsys):
    """`followup config timezone ""` writes the key; the listing and reading the key still say the zone."""
    from pendulum.tz.local_timezone import test_local_timezone

    configure(tmp_path, monkeypatch, "# no settings yet\n")
    db = tmp_path / "db.json"
    with test_local_timezone(pendulum.timezone("America/Chicago")):
        assert run(db, "config", "timezone") == 0
        assert capsys.readouterr().out == "America/Chicago   (the system's: timezone is not set)\n"
        assert run(db, "config", "timezone", "") == 0
        capsys.readouterr()
        assert run(db, "config") == 0
        assert "timezone =    (empty: America/Chicago, the system's)" in capsys.readouterr().out.splitlines()
        assert run(db, "config", "timezone") == 0
        assert capsys.readouterr().out == "America/Chicago   (the system's: timezone is empty)\n"
        assert run(db, "config", "timezone", "Europe/Berlin") == 0
        capsys.readouterr()
        assert run(db, "config", "timezone") == 0
        assert capsys.readouterr().out == "Europe/Berlin\n"
