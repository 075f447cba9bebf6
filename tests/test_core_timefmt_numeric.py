"""timefmt writes its formats in plain Python (a sixth of pendulum's cost or less: exports, history lines):
it must write exactly what pendulum's format writes, in every zone, across DST changes."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import examples
from tui.core import timefmt
from tui.core.timeutil import local, named_zone

ZONES = ["UTC", "Europe/London", "America/New_York", "Asia/Kolkata", "America/St_Johns", "Australia/Lord_Howe",
         "Pacific/Chatham"]


FORMATS = [timefmt.DAY, timefmt.DAY_TIME, timefmt.DAY_TIME_YEAR, timefmt.LONG_DAY, timefmt.CLOCK,
           timefmt.WEEKDAY_TIME, timefmt.TYPED, timefmt.FILE_STAMP]


@settings(max_examples=examples(300), deadline=None)
@given(seconds=st.integers(min_value=0, max_value=60 * 365 * 86400), zone=st.sampled_from(ZONES),
       fmt=st.sampled_from(FORMATS))
def test_every_format_writes_what_pendulum_writes(seconds, zone, fmt):
    moment = datetime(1990, 1, 1, tzinfo=timezone.utc) + timedelta(seconds=seconds)
    assert timefmt.at(moment, named_zone(zone), fmt) == local(moment, named_zone(zone)).format(fmt)
    assert timefmt.at(moment, zone, fmt) == local(moment, zone).format(fmt)  # a zone given by its name


@settings(max_examples=examples(200), deadline=None)
@given(seconds=st.integers(min_value=0, max_value=3 * 365 * 86400), zone=st.sampled_from(ZONES),
       days_on=st.integers(min_value=-800, max_value=800))
def test_show_time_and_show_day_write_what_pendulum_writes_with_the_year_when_not_this_years(seconds, zone,
                                                                                           days_on):
    moment = datetime(2025, 1, 1, tzinfo=timezone.utc) + timedelta(seconds=seconds)
    now = moment + timedelta(days=days_on)
    shown, this_year = local(moment, zone), local(now, zone).year
    for write, fmt in ((timefmt.show_time, timefmt.DAY_TIME), (timefmt.show_day, timefmt.DAY)):
        expected = shown.format(fmt if shown.year == this_year else timefmt._with_year(fmt))
        assert write(moment, named_zone(zone), now) == expected


def test_a_csv_time_is_the_local_wall_clock_across_a_dst_change():
    london = named_zone("Europe/London")
    summer, winter = datetime(2026, 7, 1, 13, 0, tzinfo=timezone.utc), datetime(2026, 12, 1, 13, 0, tzinfo=timezone.utc)
    assert timefmt.for_input(summer, london) == "2026-07-01 14:00"
    assert timefmt.for_input(winter, london) == "2026-12-01 13:00"
