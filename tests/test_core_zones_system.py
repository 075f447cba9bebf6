"""The system's zone when the setting is empty: named, whatever way TZ names it (review T2 5)."""

from __future__ import annotations

import importlib.resources
import sys
from datetime import datetime, timedelta, timezone

import pytest

from tui.core.timeutil import local_zone


@pytest.mark.parametrize("prefix", [":", ""])
def test_tz_given_as_a_zone_file_path_is_named_after_the_file(tmp_path, monkeypatch, prefix):
    """TZ=":/usr/share/zoneinfo/Asia/Tokyo": pendulum reads the file but leaves the zone unnamed, so
    `config timezone` said "None" and an export's `timezone` column was empty."""
    tzdata = pytest.importorskip("tzdata")
    zone_file = tmp_path / "zoneinfo" / "Asia" / "Tokyo"
    zone_file.parent.mkdir(parents=True)
    zone_file.write_bytes(importlib.resources.files(tzdata).joinpath("zoneinfo/Asia/Tokyo").read_bytes())
    monkeypatch.setenv("TZ", prefix + str(zone_file))
    reader = sys.modules["pendulum.tz.local_timezone"]  # (pendulum.tz.local_timezone is also a function)
    monkeypatch.setattr(reader, "_local_timezone", None)  # pendulum reads the zone once per process
    zone = local_zone()
    assert zone.name == "Asia/Tokyo"
    assert zone.utcoffset(datetime(2026, 11, 28, tzinfo=timezone.utc)) == timedelta(hours=9)
