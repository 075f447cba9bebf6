"""The follow-up wait counts from the next opening of working hours (review W 2): a weekend evening is
read on Monday morning, so it may not end a day after a weekend morning, nor after a later Monday."""

from __future__ import annotations

from datetime import timedelta

import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import examples
from tui.core import actions
from tui.core.deadlines import next_follow_up, work_calendar
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.core.timeutil import local

CASES = [("Europe/London", "GB-ENG"), ("America/New_York", "US"), ("Europe/London", "")]
START = pendulum.datetime(2026, 1, 1, tz="UTC")
MINUTES = st.integers(0, 60 * 24 * 365)  # a whole year: both DST changes and every holiday


def _card(at):
    """A card whose last move is a round at `at`, with nothing owed before its follow-up."""
    return actions.new_application("Acme", "SRE", now=at, round_at=at, interviewers=[Interviewer("Dana Kim")],
                                   use_thank_you=False)


def _due(zone, holidays, at):
    conf = Settings(timezone=zone, holidays=holidays, use_thank_you=False)
    return next_follow_up(_card(at), conf, at)


@pytest.mark.parametrize(("zone", "holidays", "at", "expected"), [
    ("Europe/London", "", (11, 7, 10), (11, 16, 9)),    # Sat 10:00 is read Monday 09:00 too (was 10:00)
    ("Europe/London", "", (11, 7, 20), (11, 16, 9)),    # Sat 20:00: read Monday 09:00, due then (was Tue 09:00)
    ("Europe/London", "", (11, 9, 8), (11, 16, 9)),     # Mon 08:00: read at 09:00
    ("Europe/London", "", (11, 6, 20), (11, 16, 9)),    # Fri 20:00
    ("America/New_York", "US", (10, 31, 20), (11, 9, 9)),  # Sat 31 Oct 20:00, across the DST end (was Tue 10 Nov)
], ids=["sat-morning", "sat-evening", "mon-early", "fri-evening", "new-york-sat-evening"])
def test_a_weekend_evening_counts_as_the_next_opening(zone, holidays, at, expected):
    due = _due(zone, holidays, pendulum.datetime(2026, *at, tz=zone))
    assert local(due, zone) == pendulum.datetime(2026, *expected, tz=zone)


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(CASES), MINUTES, st.integers(0, 60 * 24 * 10))
def test_a_later_start_never_ends_earlier(case, minutes, later):
    zone, holidays = case
    first = START.add(minutes=minutes)
    assert _due(zone, holidays, first) <= _due(zone, holidays, first + timedelta(minutes=later))


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(CASES), MINUTES, st.integers(0, 10))
def test_a_wait_ends_inside_working_hours_on_a_business_day(case, minutes, days):
    zone, holidays = case
    work = work_calendar(Settings(timezone=zone, holidays=holidays))
    start = START.add(minutes=minutes)
    due = work.wait_after(start, days)
    wall = due.astimezone(work.zone)
    assert work.is_business_day(wall.date()) and work.start <= wall.time() <= work.end
    assert due >= start and (days == 0 or due > start)
