"""TZ set to a POSIX rule (what `date` reads, pendulum does not) is refused, naming the fix: pendulum put
/etc/localtime in its place without a word, so every deadline was hours off the user's clock (fuzz fz6 3).
A zone set in config.toml needs no TZ at all, and `config` still shows and sets it."""

from __future__ import annotations

import sys

import pytest

from cli_helpers import config_file, run
from tui.core.errors import ValidationError
from tui.core.timeutil import local_zone


@pytest.fixture(autouse=True)
def tz_read_anew(monkeypatch):
    reader = sys.modules["pendulum.tz.local_timezone"]  # (pendulum.tz.local_timezone is also a function)
    monkeypatch.setattr(reader, "_local_timezone", None)  # pendulum reads the zone once per process


@pytest.mark.parametrize("tz", ["EST5EDT,M3.2.0,M11.1.0", "UTC+3", "JST-9", "Nowhere/Land", "/no/such/zone/file"])
def test_a_tz_that_names_no_zone_is_refused_naming_it(monkeypatch, tz):
    monkeypatch.setenv("TZ", tz)
    with pytest.raises(ValidationError, match=r"^TZ is .* cannot read as a time zone .*followup config timezone"):
        local_zone()
    assert local_zone("America/New_York").name == "America/New_York"  # the setting wins, TZ unread


@pytest.mark.parametrize("tz, name", [("Europe/Paris", "Europe/Paris"), (":Asia/Tokyo", "Asia/Tokyo"),
                                      ("EST5EDT", "EST5EDT")])  # (a zone file's path: test_core_zones_system)
def test_a_tz_naming_a_zone_or_its_file_is_that_zone(monkeypatch, tz, name):
    monkeypatch.setenv("TZ", tz)
    assert local_zone().name == name


def test_commands_refuse_in_one_line_until_the_zone_is_set_and_config_sets_it(cli_home, tmp_path, monkeypatch,
                                                                              capsys):
    assert run(tmp_path / "db.json", "add", "Acme", "--role", "Dev", "--at", "yesterday 10am", "-q") == 0
    config_file(tmp_path).write_text("")  # no timezone: the system's, from TZ
    monkeypatch.setenv("TZ", "UTC+3")
    assert run(tmp_path / "db.json", "due") == 2
    said = capsys.readouterr().err.strip()
    assert said.count("\n") == 0 and "TZ is 'UTC+3'" in said
    assert run(tmp_path / "db.json", "config") == 0  # the listing says what is wrong where the zone goes
    assert "timezone =    (default: none Followup can read (TZ is 'UTC+3'" in capsys.readouterr().out
    assert run(tmp_path / "db.json", "config", "timezone", "Europe/Moscow") == 0
    assert run(tmp_path / "db.json", "due") == 0
