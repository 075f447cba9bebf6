"""Time on the user's calendar: DST weeks, local 'today', relative wording, business days, stored times."""


from datetime import datetime, timezone

import pendulum
import pytest

from tui.core import actions
from tui.core.businessdays import add_business_days
from tui.core.deadline_words import Group, TimeFrame, relative
from tui.core.deadlines import Deadline, DeadlineKind, deadlines_for, next_follow_up
from tui.core.errors import ValidationError
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.core.stages import Stage
from tui.core.timeutil import dump_time, load_time, local, local_zone, to_utc

BERLIN = pendulum.timezone("Europe/Berlin")
NEW_YORK = pendulum.timezone("America/New_York")


def group_of(deadline, now, zone):
    """The one grouping (TimeFrame), for a single deadline."""
    return TimeFrame(now, zone).group_of(deadline)


def awaiting_since(moment):
    app = actions.new_application("Acme", "SRE", now=moment, round_at=moment, interviewers=[Interviewer("Dana Kim")])
    return actions.move(app, Stage.AWAITING, now=moment)


# --- DST ------------------------------------------------------------------

@pytest.mark.parametrize(("zone", "start", "expected"), [
    ("Europe/Berlin", (3, 26, 10), (4, 2, 10)),       # CET -> CEST on Sun 29 Mar
    ("Europe/Berlin", (10, 22, 10), (10, 29, 10)),    # CEST -> CET on Sun 25 Oct
    ("America/New_York", (3, 5, 9), (3, 12, 9)),      # EST -> EDT on Sun 8 Mar
], ids=["berlin-spring", "berlin-autumn", "new-york-spring"])
def test_a_follow_up_across_a_dst_change_keeps_the_local_time(zone, start, expected):
    settings = Settings(timezone=zone)
    start_at = pendulum.datetime(2026, *start, tz=zone)
    due = next_follow_up(awaiting_since(start_at), settings, start_at)
    assert local(due, zone) == pendulum.datetime(2026, *expected, tz=zone)
    assert local(due, zone).hour == start[2]
    hours = (due - start_at).total_seconds() / 3600
    assert hours != 7 * 24, "the UTC gap is a week plus or minus the DST hour"


def test_a_time_in_the_skipped_hour_does_not_drift_an_hour():
    """02:30 does not exist on Sun 29 Mar in Berlin; stepping through it must not move Monday's time."""
    start = pendulum.datetime(2026, 3, 27, 2, 30, tz=BERLIN)
    due = local(add_business_days(start, 1, BERLIN), BERLIN)
    assert (due.day, due.hour, due.minute) == (30, 2, 30)


def test_the_thank_you_window_is_24_real_hours_even_across_dst():
    round_at = pendulum.datetime(2026, 3, 28, 12, 0, tz=BERLIN)
    app = actions.new_application("Acme", "SRE", now=round_at, round_at=round_at,
                                  interviewers=[Interviewer("Dana Kim")])
    (thanks,) = deadlines_for(app, Settings(timezone="Europe/Berlin"), round_at)
    assert thanks.due - round_at == pendulum.duration(hours=24)
    assert local(thanks.due, BERLIN).hour == 13


# --- business days ---------------------------------------------------------

@pytest.mark.parametrize(("start_day", "days", "expected_day"), [
    (27, 1, 30),   # Fri + 1 -> Mon
    (28, 1, 31),   # Sat + 1 -> Tue (the count starts on Monday)
    (28, 0, 30),   # Sat + 0 -> Mon
    (30, -1, 27),  # Mon - 1 -> Fri
    (28, -1, 26),  # Sat - 1 -> Thu (backwards, the weekend rolls to Friday)
    (26, 10, 9),   # Thu + 10 -> Thu two weeks on (9 Apr)
])
def test_add_business_days(start_day, days, expected_day):
    start = pendulum.datetime(2026, 3, start_day, 15, 45, tz="UTC")
    result = add_business_days(start, days, pendulum.UTC)
    assert (result.day, result.hour, result.minute) == (expected_day, 15, 45)
    assert result.tzinfo is timezone.utc


# --- grouping -------------------------------------------------------------

def deadline(due, kind=DeadlineKind.FOLLOW_UP, now=None):
    return Deadline("id", "Acme", kind, to_utc(due), "Follow up — Acme",
                    overdue=now is not None and due < now and kind is not DeadlineKind.QUIET)


def test_today_is_the_users_calendar_day_west_of_utc():
    """Thu 16:00 in Los Angeles is already Friday in UTC."""
    zone = pendulum.timezone("America/Los_Angeles")
    now = pendulum.datetime(2026, 3, 26, 23, 0, tz="UTC")
    late_tonight = pendulum.datetime(2026, 3, 27, 5, 0, tz="UTC")  # Thu 22:00 local, Fri in UTC
    after_midnight = pendulum.datetime(2026, 3, 27, 7, 30, tz="UTC")  # Fri 00:30 local
    assert group_of(deadline(late_tonight), now, zone) is Group.TODAY
    assert group_of(deadline(after_midnight), now, zone) is Group.WEEK


def test_today_is_the_users_calendar_day_east_of_utc():
    zone = local_zone("Pacific/Auckland")
    now = pendulum.datetime(2026, 3, 26, 20, 0, tz="UTC")  # Fri 09:00 in Auckland
    tonight = pendulum.datetime(2026, 3, 27, 10, 0, tz="UTC")  # Fri 23:00 there
    tomorrow = pendulum.datetime(2026, 3, 27, 11, 30, tz="UTC")  # Sat 00:30 there
    assert group_of(deadline(tonight), now, zone) is Group.TODAY
    assert group_of(deadline(tomorrow), now, zone) is Group.WEEK
    assert group_of(deadline(tonight), now, pendulum.UTC) is Group.WEEK, "in UTC it is another day"


def test_group_of_sorts_into_overdue_today_this_week_and_later():
    now = pendulum.datetime(2026, 3, 26, 9, 0, tz="UTC")
    items = {
        Group.OVERDUE: deadline(now.subtract(hours=1), now=now),
        Group.TODAY: deadline(now.add(hours=5), now=now),
        Group.WEEK: deadline(now.add(days=6), now=now),
        Group.LATER: deadline(now.add(days=8), now=now),
    }
    assert {group: group_of(item, now, pendulum.UTC) for group, item in items.items()} == {g: g for g in Group}


def test_overdue_is_judged_against_the_now_given_to_group_of():
    made_at = pendulum.datetime(2026, 3, 26, 9, 0, tz="UTC")
    item = deadline(made_at.add(hours=2), now=made_at)
    assert group_of(item, made_at, pendulum.UTC) is Group.TODAY
    assert group_of(item, made_at.add(hours=3), pendulum.UTC) is Group.OVERDUE


def test_a_quiet_period_is_never_overdue():
    now = pendulum.datetime(2026, 3, 26, 9, 0, tz="UTC")
    quiet = deadline(now.subtract(minutes=1), kind=DeadlineKind.QUIET, now=now)
    assert not quiet.overdue and group_of(quiet, now, pendulum.UTC) is Group.TODAY


# --- relative wording ---------------------------------------------------------

@pytest.mark.parametrize(("offset", "text"), [
    (dict(hours=5), "in 5 h"),
    (dict(hours=5, minutes=29), "in 5 h"),  # the nearest whole unit, as the words form rounds
    (dict(hours=5, minutes=30), "in 6 h"),
    (dict(days=2, hours=23), "in 3 d"),
    (dict(minutes=59, seconds=40), "in 1 h"),
    (dict(days=-365 * 28), "28 yr overdue"),
    (dict(days=-2), "2 d overdue"),
    (dict(), "now"),
    (dict(seconds=59), "now"),
    (dict(seconds=-59), "now"),
    (dict(minutes=10), "in 10 min"),
    (dict(minutes=-45), "45 min overdue"),
    (dict(hours=47), "in 47 h"),
    (dict(days=3), "in 3 d"),
    (dict(days=59), "in 59 d"),
    (dict(weeks=10), "in 10 wk"),
    (dict(weeks=-9), "9 wk overdue"),
])
def test_relative(offset, text):
    now = pendulum.datetime(2026, 3, 26, 9, 0, tz="UTC")
    assert relative(now.add(**offset), now) == text


def test_relative_does_not_care_which_zone_the_times_are_in():
    now = pendulum.datetime(2026, 3, 26, 9, 0, tz="UTC")
    assert relative(pendulum.datetime(2026, 3, 26, 19, 0, tz=BERLIN), now) == "in 9 h"


# --- stored times ------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("2026-03-26T09:30:00+00:00", (2026, 3, 26, 9, 30, 0, 0)),
    ("2026-03-26T09:30:00.250000+00:00", (2026, 3, 26, 9, 30, 0, 250000)),
    ("2026-03-26T09:30:00Z", (2026, 3, 26, 9, 30, 0, 0)),
    ("2026-03-26T09:30:00", (2026, 3, 26, 9, 30, 0, 0)),        # naive: UTC, as stored
    ("2026-03-26T10:30:00+01:00", (2026, 3, 26, 9, 30, 0, 0)),
    ("2026-03-26T04:00:00-05:30", (2026, 3, 26, 9, 30, 0, 0)),
    ("2026-03-26", (2026, 3, 26, 0, 0, 0, 0)),                  # a bare date: midnight UTC
    ("2026-03-26 09:30", (2026, 3, 26, 9, 30, 0, 0)),
])
def test_load_time_reads_iso_forms_into_utc(text, expected):
    loaded = load_time(text)
    assert type(loaded) is datetime and loaded.tzinfo is timezone.utc
    assert (loaded.year, loaded.month, loaded.day, loaded.hour, loaded.minute, loaded.second,
            loaded.microsecond) == expected


@pytest.mark.parametrize("text", ["yesterday", "2026-13-01T00:00:00", "P1D", "2026-03-26T25:00"])
def test_load_time_names_the_field_of_a_bad_time(text):
    with pytest.raises(ValidationError, match=r"^round time: .*ISO 8601"):
        load_time(text, field="round time")


@pytest.mark.parametrize("text", ["9999-12-31T23:59:59Z", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00",
                                  "2201-01-01", "1899-12-31T23:59:59"])
def test_load_time_refuses_a_time_out_of_the_years_naming_the_field(text):
    """Read from an import or an old file, such a time overflowed (OverflowError) in the migration or the rules."""
    with pytest.raises(ValidationError, match=r"^round time: .* is out of the years 1900–2200$"):
        load_time(text, field="round time")


def test_empty_times_load_as_none_and_dump_round_trips():
    assert load_time(None) is None and load_time("") is None and dump_time(None) is None
    moment = pendulum.datetime(2026, 3, 29, 3, 15, 7, 123, tz=BERLIN)
    assert dump_time(moment) == "2026-03-29T01:15:07.000123+00:00"
    assert load_time(dump_time(moment)) == moment


def test_a_naive_time_cannot_be_stored():
    with pytest.raises(ValidationError, match="time zone"):
        to_utc(pendulum.naive(2026, 3, 26, 9))


def test_unknown_zone_is_a_validation_error():
    with pytest.raises(ValidationError, match="'Mars/Olympus'.*IANA"):
        local_zone("Mars/Olympus")


def test_load_time_takes_the_fast_path_for_stored_iso_times(monkeypatch):
    """Loading 10,000 cards parses about 100,000 times: the stored ISO forms must not go
    through pendulum.parse (about 9x slower; see benchmarks/bench_store.py for figures)."""
    import tui.core.timeutil as timeutil

    def refuse(*_args, **_kwargs):
        raise AssertionError("pendulum.parse used for a standard ISO time")

    monkeypatch.setattr(timeutil.pendulum, "parse", refuse)
    for text in ("2026-03-01T09:30:00+00:00", "2026-03-01T09:30:00.123456+00:00", "2026-03-01T09:30:00"):
        assert load_time(text).hour == 9


def test_a_typed_time_is_confirmed_with_its_day_and_distance():
    from tui.core.timefmt import understood
    zone = pendulum.timezone("Europe/Berlin")
    now = pendulum.datetime(2026, 11, 27, 10, tz=zone)
    assert understood(now.subtract(days=2, hours=1), zone, now) == "Wed 25 Nov 09:00 · 2 days ago"
    assert understood(now.add(hours=3), zone, now) == "Fri 27 Nov 13:00 · in 3 hours"
    assert understood(now.add(years=1), zone, now).startswith("Sat 27 Nov 2027 10:00")
