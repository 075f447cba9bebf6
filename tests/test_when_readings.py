"""Reading modes: the same words on each day of one week, read as past, as a round, as coming.

The week is Mon 23 - Sun 29 November 2026, always at 14:00 in Berlin; the
weeks around it are Mon 16 - Sun 22 November and Mon 30 November - Sun 6
December. Each row gives what a phrase means on Mon, Tue, … Sun of that week,
written by hand from the rules in tui/core/when.py, not from running it.
"""

from __future__ import annotations

from datetime import time

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import examples
from tui.core.errors import ValidationError
from tui.core.timeutil import local
from tui.core.when import Reading, parse_when

ZONE = "Europe/Berlin"
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def now_on(weekday: int, hour: int = 14) -> pendulum.DateTime:
    return pendulum.datetime(2026, 11, 23 + weekday, hour, 0, tz=ZONE)


def same(day: str, clock: str) -> list[str]:
    return [f"{day} {clock}"] * 7


def offset(days: int, clock: str | None = None) -> list[str]:
    """The day `days` from each day of the week, at `clock` (or at now's 14:00)."""
    out = []
    for weekday in range(7):
        moment = now_on(weekday).add(days=days)
        out.append(moment.format("MM-DD ") + (clock or "14:00"))
    return out


def split(*groups: tuple[int, str]) -> list[str]:
    """(how many days of the week, what they read as), in order: a compact row."""
    out = [value for count, value in groups for _ in range(count)]
    assert len(out) == 7
    return out


PAST = [
    ("now", offset(0)),
    ("wed 14:00", split((2, "11-18 14:00"), (5, "11-25 14:00"))),  # 14:00 on Wednesday is now: it counts
    ("wed 15:00", split((3, "11-18 15:00"), (4, "11-25 15:00"))),
    ("mon 9:00", same("11-23", "09:00")),
    ("fri", split((4, "11-20 09:00"), (3, "11-27 09:00"))),
    ("sun 10am", split((6, "11-22 10:00"), (1, "11-29 10:00"))),
    ("this mon", same("11-23", "09:00")),
    ("last fri", split((5, "11-20 09:00"), (2, "11-27 09:00"))),
    ("last wednesday 11:00", split((3, "11-18 11:00"), (4, "11-25 11:00"))),
    ("last sunday 8pm", same("11-22", "20:00")),
    ("yesterday 10am", offset(-1, "10:00")),
    ("yesterday", offset(-1, "09:00")),
    ("today", offset(0, "09:00")),
    ("today 9:30", offset(0, "09:30")),
    ("3pm", offset(-1, "15:00")),  # today's 15:00 is still to come: yesterday's
    ("10:00", offset(0, "10:00")),
    ("midnight", offset(0, "00:00")),
    ("noon", offset(0, "12:00")),
    ("2 days ago", offset(-2)),
    ("3 hours ago", offset(0, "11:00")),
    ("1 week ago", offset(-7)),
    ("2026-11-20 16:00", same("11-20", "16:00")),
    ("nov 20", same("11-20", "09:00")),
    ("20 nov 16:30", same("11-20", "16:30")),
]

COMING = [
    ("now", offset(0)),
    ("wed 14:00", split((2, "11-25 14:00"), (5, "12-02 14:00"))),  # at 14:00 on Wednesday it has come
    ("wed 15:00", split((3, "11-25 15:00"), (4, "12-02 15:00"))),
    ("mon 9:00", same("11-30", "09:00")),
    ("fri", split((4, "11-27 09:00"), (3, "12-04 09:00"))),
    ("sun 10am", split((6, "11-29 10:00"), (1, "12-06 10:00"))),
    ("this thu", split((3, "11-26 09:00"), (4, "12-03 09:00"))),
    ("next fri", split((4, "11-27 09:00"), (3, "12-04 09:00"))),
    ("next monday 10:00", same("11-30", "10:00")),
    ("last fri", split((5, "11-20 09:00"), (2, "11-27 09:00"))),
    ("tomorrow", offset(1, "09:00")),
    ("tomorrow 3pm", offset(1, "15:00")),
    ("today 17:00", offset(0, "17:00")),
    ("in 2 days", offset(2)),
    ("in 3h", offset(0, "17:00")),
    ("in 1 week", offset(7)),
    ("3pm", offset(0, "15:00")),
    ("10:00", offset(1, "10:00")),  # today's 10:00 has passed: tomorrow's
    ("midnight", offset(1, "00:00")),
    ("noon", offset(1, "12:00")),
    ("2026-12-01 14:00", same("12-01", "14:00")),
    ("dec 1", same("12-01", "09:00")),
    ("1 dec 14:00", same("12-01", "14:00")),
]


def _cases(table, reading):
    return [
        pytest.param(text, weekday, expected[weekday], reading, id=f"{reading}-{text}-{DAYS[weekday]}")
        for text, expected in table for weekday in range(7)
    ]


@pytest.mark.parametrize("text,weekday,expected,reading", _cases(PAST, Reading.PAST) + _cases(COMING, Reading.COMING))
def test_each_phrase_on_each_day_of_the_week(text, weekday, expected, reading):
    moment = parse_when(text, now_on(weekday), ZONE, reading=reading)
    assert local(moment, ZONE).format("MM-DD HH:mm") == expected


def test_the_tables_are_large_enough():
    assert len(PAST) >= 20 and len(COMING) >= 20


def test_past_dates_without_a_year_are_the_most_recent():
    assert local(parse_when("dec 25", now_on(0), ZONE, reading=Reading.PAST), ZONE).format(
        "YYYY-MM-DD") == "2025-12-25"
    # read as coming or as a round, the closest: this December's
    assert local(parse_when("dec 25", now_on(0), ZONE, reading=Reading.EVENT), ZONE).year == 2026


@pytest.mark.parametrize("text", [
    "tomorrow", "in 2 days", "next mon", "today 23:00", "2026-12-01", "2026-12-01T10:00", "in 3h", "dec 1 2026",
])
@pytest.mark.parametrize("weekday", range(7))
def test_past_refuses_what_is_still_to_come_in_one_line(text, weekday):
    with pytest.raises(ValidationError) as info:
        parse_when(text, now_on(weekday), ZONE, reading=Reading.PAST)
    message = str(info.value)
    assert message.startswith(repr(text)) and "in the future" in message and "\n" not in message
    assert " · in " in message  # it says what it understood: "… · in 6 days"


def test_the_issue_cases():
    friday = now_on(4)
    # `add --at "wed 14:00"` on a Friday is the interview two days before, not next week
    assert local(parse_when("wed 14:00", friday, ZONE, reading=Reading.EVENT), ZONE).format(
        "ddd D MMM HH:mm") == "Wed 25 Nov 14:00"
    assert local(parse_when("mon 9:00", friday, ZONE, reading=Reading.EVENT), ZONE).day == 23
    # "fri" typed at 02:49 on a Friday is last Friday's 09:00 (today's is still to come)
    early = pendulum.datetime(2026, 11, 27, 2, 49, tz=ZONE)
    assert local(parse_when("fri", early, ZONE, reading=Reading.PAST), ZONE).day == 20


@pytest.mark.parametrize("text,expected", [
    ("next tue", "12-01 09:00"),
    ("in 2 days", "11-29 14:00"),
    ("tomorrow", "11-28 09:00"),
    ("tomorrow 10am", "11-28 10:00"),
    ("today 16:00", "11-27 16:00"),
    ("2026-12-01", "12-01 09:00"),
    ("2026-12-01T10:00", "12-01 10:00"),
    ("dec 3", "12-03 09:00"),
    ("wed 14:00", "11-25 14:00"),  # bare: the most recent
    ("fri 16:00", "11-20 16:00"),  # today's is still to come: last week's
    ("16:00", "11-26 16:00"),  # bare: yesterday's
    ("yesterday 10am", "11-26 10:00"),
])
def test_a_round_is_upcoming_only_from_an_explicit_future(text, expected):
    moment = parse_when(text, now_on(4), ZONE, reading=Reading.EVENT)
    assert local(moment, ZONE).format("MM-DD HH:mm") == expected


def test_today_without_a_time_before_nine_is_earlier_today_when_it_happened():
    early = pendulum.datetime(2026, 11, 25, 7, 30, tz=ZONE)
    assert parse_when("today", early, ZONE, reading=Reading.PAST) == early.in_timezone("UTC")
    assert parse_when("this wed", early, ZONE, reading=Reading.PAST) == early.in_timezone("UTC")
    assert local(parse_when("today", early, ZONE), ZONE).format("HH:mm") == "09:00"  # coming: 09:00


def test_the_default_reading_is_coming_and_a_string_names_a_reading():
    now = now_on(2)
    assert parse_when("mon 9:00", now, ZONE) == parse_when("mon 9:00", now, ZONE, reading=Reading.COMING)
    assert parse_when("mon 9:00", now, ZONE, reading="past") == parse_when(  # type: ignore[arg-type]
        "mon 9:00", now, ZONE, reading=Reading.PAST)


def test_past_across_the_spring_dst_change():
    # Sunday 29 March 2026: Berlin's clocks skip 02:00-03:00; "sat 22:00" on Sunday noon is yesterday
    now = pendulum.datetime(2026, 3, 29, 12, 0, tz=ZONE)
    moment = parse_when("sat 22:00", now, ZONE, reading=Reading.PAST)
    assert local(moment, ZONE).format("YYYY-MM-DD HH:mm Z") == "2026-03-28 22:00 +01:00"
    assert local(parse_when("1:00", now, ZONE, reading=Reading.PAST), ZONE).format("DD HH:mm Z") == "29 01:00 +01:00"


def test_custom_default_time_in_past_reading():
    moment = parse_when("yesterday", now_on(2), ZONE, default_time=time(17, 0), reading=Reading.PAST)
    assert local(moment, ZONE).format("MM-DD HH:mm") == "11-24 17:00"


# --- properties ------------------------------------------------------------------------------

ZONES = st.sampled_from(["Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC", "Australia/Lord_Howe"])
NOWS = st.datetimes(min_value=pendulum.datetime(2024, 1, 1).naive(), max_value=pendulum.datetime(2030, 12, 31).naive())
CLOCKS = st.builds(lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 23), st.sampled_from([0, 15, 30, 59]))
WEEKDAY_WORDS = st.sampled_from(["mon", "tuesday", "wed", "thu", "fri", "sat", "sunday"])
BARE = st.one_of(
    CLOCKS,
    WEEKDAY_WORDS,
    st.builds(lambda d, c: f"{d} {c}", WEEKDAY_WORDS, CLOCKS),
    st.builds(lambda d: f"this {d}", WEEKDAY_WORDS),
)
ANY = st.one_of(
    BARE,
    st.builds(lambda lead, d: f"{lead} {d}", st.sampled_from(["next", "last"]), WEEKDAY_WORDS),
    st.builds(lambda w, c: f"{w} {c}", st.sampled_from(["today", "tomorrow", "yesterday"]), CLOCKS),
    st.sampled_from(["today", "tomorrow", "yesterday", "now", "noon", "midnight"]),
    st.builds(lambda n, u: f"in {n} {u}", st.integers(1, 30), st.sampled_from(["days", "h", "weeks"])),
    st.builds(lambda n, u: f"{n} {u} ago", st.integers(1, 30), st.sampled_from(["days", "h", "weeks"])),
    st.builds(lambda m, d: f"{m} {d}", st.sampled_from(["jan", "mar", "jun", "oct", "dec"]), st.integers(1, 28)),
)


def _now(naive, zone):
    # a naive datetime Hypothesis made may carry fold=1, which pendulum.instance then reads as another
    # instant in UTC (it found: 01:00 UTC on Berlin's autumn change read as 23:00 the day before)
    return pendulum.instance(naive.replace(fold=0), tz="UTC").in_timezone(zone)


@settings(max_examples=examples(300), deadline=None)
@given(text=ANY, naive=NOWS, zone=ZONES)
def test_past_never_names_a_future_moment(text, naive, zone):
    now = _now(naive, zone)
    try:
        moment = parse_when(text, now, zone, reading=Reading.PAST)
    except ValidationError as exc:
        assert "in the future" in str(exc)
        return
    assert moment <= now


@settings(max_examples=examples(300), deadline=None)
@given(text=BARE, naive=NOWS, zone=ZONES)
def test_a_bare_weekday_or_time_is_within_a_week_on_the_side_read(text, naive, zone):
    now = _now(naive, zone)
    past = parse_when(text, now, zone, reading=Reading.PAST)
    event = parse_when(text, now, zone, reading=Reading.EVENT)
    coming = parse_when(text, now, zone, reading=Reading.COMING)
    week = 7 * 86400 + 3600  # a DST change may add an hour
    assert past == event  # a round typed without an explicit future is read as past
    assert 0 <= (now - past).total_seconds() <= week
    assert 0 <= (coming - now).total_seconds() <= week
    words = text.split()
    if words[-1][:3] in DAYS or (len(words) > 1 and words[-2][:3] in DAYS):
        weekday = DAYS.index(next(w for w in words if w[:3] in DAYS)[:3])
        assert local(past, zone).weekday() == weekday == local(coming, zone).weekday()


@settings(max_examples=examples(300), deadline=None)
@given(text=ANY, naive=NOWS, zone=ZONES)
def test_a_round_is_read_as_past_when_that_works_and_else_as_coming(text, naive, zone):
    now = _now(naive, zone)
    event = parse_when(text, now, zone, reading=Reading.EVENT)
    try:
        past = parse_when(text, now, zone, reading=Reading.PAST)
    except ValidationError:
        assert event > now  # refused as past only because it is ahead: an upcoming round
        return
    assert event == past or event > now  # a date without a year: the closest, maybe this year's ahead


@pytest.mark.parametrize(("text", "expected"), [
    ("20261127T1400Z", "2026-11-27T14:00:00+00:00"),  # ISO 8601's basic format, as `date -u +%Y%m%dT%H%MZ` writes
    ("20261127T140000+0100", "2026-11-27T13:00:00+00:00"),
    ("20261127", "2026-11-27T08:00:00+00:00"),  # a day alone: 09:00 in Berlin
    ("2026-11-27 14:00 UTC", "2026-11-27T14:00:00+00:00"),  # the offset as a word
    ("2026-11-27T14:00 gmt", "2026-11-27T14:00:00+00:00"),
    ("2026-11-27T14:00+01:00", "2026-11-27T13:00:00+00:00"),
])
def test_iso_8601_in_its_basic_and_extended_forms_and_utc_as_a_word(text, expected):
    """PRODUCT: WHEN takes ISO 8601; the basic form (a script's `date +%Y%m%dT%H%M%SZ`) and "14:00 UTC" were
    refused as unreadable (review S2 6)."""
    assert parse_when(text, now_on(6), ZONE, reading=Reading.PAST).isoformat() == expected  # read on the Sunday


@pytest.mark.parametrize("text", ["20261127T14:00Z", "2026112T1400Z", "20261127T1400+15:00"])
def test_a_basic_date_with_an_extended_time_a_short_date_or_a_wrong_offset_is_refused(text):
    with pytest.raises(ValidationError, match="cannot read the time"):
        parse_when(text, now_on(0), ZONE, reading=Reading.PAST)


@pytest.mark.parametrize("typed, reading, expected", [
    # typed on Sat 28 Nov 2026 at 14:00 in Berlin (review T1 4: "don't contact us before the 10th")
    ("the 10th", Reading.COMING, "2026-12-10 09:00"),
    ("10th", Reading.PAST, "2026-11-10 09:00"),
    ("the 3rd 16:00", Reading.COMING, "2026-12-03 16:00"),
    ("the 28th 16:00", Reading.COMING, "2026-11-28 16:00"),  # today, still ahead
    ("the 28th 10:00", Reading.COMING, "2026-12-28 10:00"),  # today, gone by: the next one
    ("the 28th", Reading.PAST, "2026-11-28 09:00"),
    ("31st", Reading.COMING, "2026-12-31 09:00"),
    ("the 31st", Reading.PAST, "2026-10-31 09:00"),  # November has none
])
def test_a_day_of_the_month_said_alone_is_the_next_one_to_come_or_the_last_gone_by(typed, reading, expected):
    moment = parse_when(typed, now=now_on(5), zone=ZONE, reading=reading)
    assert local(moment, ZONE).format("YYYY-MM-DD HH:mm") == expected


def test_a_day_of_the_month_for_a_round_is_the_last_gone_by_as_a_bare_weekday_is():
    """Read backwards as a bare weekday is: the nearer one read `report --from "the 1st"` typed on 28 November
    as 1 December, and the report came out empty."""
    sat = now_on(5)
    for typed, expected in (("the 3rd 14:00", "2026-11-03 14:00"), ("the 1st", "2026-11-01 09:00")):
        moment = parse_when(typed, now=sat, zone=ZONE, reading=Reading.EVENT)
        assert local(moment, ZONE).format("YYYY-MM-DD HH:mm") == expected
