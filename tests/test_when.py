"""The everyday time parser, against a fixed now in a zone that is not UTC."""

import pendulum
import pytest

from tui.core.errors import ValidationError
from tui.core.timeutil import local
from tui.core.when import parse_when

ZONE = "Europe/Berlin"
# Wednesday 25 November 2026, 14:00 in Berlin (13:00 UTC)
NOW = pendulum.datetime(2026, 11, 25, 14, 0, tz=ZONE)

# input -> expected wall-clock time in Berlin
VALID = [
    ("now", "2026-11-25 14:00"),
    ("Now", "2026-11-25 14:00"),
    ("2026-12-01 14:00", "2026-12-01 14:00"),
    ("2026-12-01T14:00", "2026-12-01 14:00"),
    ("2026-12-01T14:00:30", "2026-12-01 14:00:30"),
    ("2026-12-01", "2026-12-01 09:00"),
    ("2026/12/1 9:30", "2026-12-01 09:30"),
    ("2026-12-01 3pm", "2026-12-01 15:00"),
    ("today 15:30", "2026-11-25 15:30"),
    ("today", "2026-11-25 09:00"),
    ("yesterday 10am", "2026-11-24 10:00"),
    ("Yesterday 10 AM", "2026-11-24 10:00"),
    ("tomorrow", "2026-11-26 09:00"),
    ("tomorrow at 3pm", "2026-11-26 15:00"),
    ("3pm tomorrow", "2026-11-26 15:00"),
    ("noon tomorrow", "2026-11-26 12:00"),
    ("mon 9:00", "2026-11-30 09:00"),
    ("monday", "2026-11-30 09:00"),
    ("wed 15:00", "2026-11-25 15:00"),  # today is Wednesday and 15:00 is still ahead
    ("wed 13:00", "2026-12-02 13:00"),  # already past today: next week
    ("next wed", "2026-12-02 09:00"),
    ("next friday", "2026-11-27 09:00"),
    ("last fri", "2026-11-20 09:00"),
    ("last wednesday 11:00", "2026-11-18 11:00"),
    ("in 2 days", "2026-11-27 14:00"),
    ("in 2 days 10am", "2026-11-27 10:00"),
    ("in 3h", "2026-11-25 17:00"),
    ("in 90 minutes", "2026-11-25 15:30"),
    ("in 1 week", "2026-12-02 14:00"),
    ("in 3 months", "2027-02-25 14:00"),  # keep in touch: what its refusal suggests
    ("in 1 month 10am", "2026-12-25 10:00"),
    ("2 days ago", "2026-11-23 14:00"),
    ("3pm", "2026-11-25 15:00"),
    ("3 pm", "2026-11-25 15:00"),
    ("12am", "2026-11-26 00:00"),  # read as coming (the default): tonight's midnight
    ("12pm", "2026-11-26 12:00"),  # today's noon has passed: tomorrow's
    ("midnight", "2026-11-26 00:00"),
    ("9:05", "2026-11-26 09:05"),
    ("dec 1", "2026-12-01 09:00"),
    ("1 dec 14:00", "2026-12-01 14:00"),
    ("December 1st, 2027", "2027-12-01 09:00"),
    ("1st of december 2027", "2027-12-01 09:00"),
    ("Dec. 1 3:30 p.m.", "2026-12-01 15:30"),
    ("jan 5", "2027-01-05 09:00"),  # the closest 5 January is the coming one
    ("oct 20", "2026-10-20 09:00"),  # ... and the closest 20 October the past one
]

INVALID = [
    "xyz", "", "   ", "25:00", "24:00", "12:60", "feb 30", "2026-02-30", "2026-13-01",
    "13pm", "0am", "9", "3pm 4pm", "mon tue", "someday", "in 2 fortnights",
    "in 3 hours 10am", "2026-12-01T14:00+25:00", "foo 1", "dec 32",
    "feb 29",  # no leap year among 2025-2027
]


@pytest.mark.parametrize("text,expected", VALID)
def test_reads_everyday_forms_in_the_user_zone(text, expected):
    result = parse_when(text, NOW, ZONE)
    assert result.timezone_name == "UTC"
    fmt = "YYYY-MM-DD HH:mm:ss" if expected.count(":") == 2 else "YYYY-MM-DD HH:mm"
    assert local(result, ZONE).format(fmt) == expected


@pytest.mark.parametrize("text", INVALID)
def test_refuses_what_it_cannot_read_with_examples(text):
    with pytest.raises(ValidationError) as info:
        parse_when(text, NOW, ZONE)
    message = str(info.value)
    assert message.startswith(f"cannot read the time {text.strip()!r}: use e.g.")
    assert '"today 15:30"' in message and "\n" not in message


@pytest.mark.parametrize("text", ["9999-12-31", "0001-01-01 10:00", "2201-01-01", "1899-12-31 23:00", "1 jan 2201",
                                  "in 9999 weeks", "2200-12-31T23:00-12:00"])
def test_a_time_out_of_the_years_a_time_is_kept_in_is_refused_as_typed_naming_them(text):
    """It reads: "cannot read the time '2201-01-01'" sent the user looking for a typo, and a time past
    the years only in UTC was named in its UTC form, which the user never typed."""
    with pytest.raises(ValidationError) as info:
        parse_when(text, NOW, ZONE)
    assert str(info.value) == f"{text!r} is out of the years 1900–2200: give a time within them"


def test_a_last_day_of_the_years_that_is_past_them_in_utc_is_refused_naming_them():
    """A stored time past them is a damaged record (timeutil.checked_time): the typed one is refused."""
    with pytest.raises(ValidationError, match="out of the years 1900–2200"):
        parse_when("2200-12-31T23:00-12:00", NOW, ZONE)
    assert parse_when("2200-12-31T11:00-12:00", NOW, ZONE).year == 2200


def test_table_is_large_enough():
    assert len(VALID) + len(INVALID) >= 30


def test_naive_iso_is_local_not_utc():
    assert parse_when("2026-12-01 14:00", NOW, ZONE).hour == 13  # 14:00 CET is 13:00 UTC


@pytest.mark.parametrize("text,utc", [
    ("2026-12-01T14:00Z", "2026-12-01 14:00"),
    ("2026-12-01T14:00:00+05:30", "2026-12-01 08:30"),
    ("2026-12-01 14:00 -0500", "2026-12-01 19:00"),
])
def test_iso_with_an_offset_keeps_its_offset(text, utc):
    assert parse_when(text, NOW, ZONE).format("YYYY-MM-DD HH:mm") == utc


def test_tomorrow_across_the_autumn_dst_change():
    zone = "America/New_York"  # clocks go back at 02:00 on Sunday 1 November 2026
    now = pendulum.datetime(2026, 10, 31, 12, 0, tz=zone)  # 16:00 UTC, EDT
    tomorrow = parse_when("tomorrow 10:00", now, zone)
    assert tomorrow.format("YYYY-MM-DD HH:mm") == "2026-11-01 15:00"  # EST: UTC-5
    one_day = parse_when("in 1 day", now, zone)
    assert local(one_day, zone).format("YYYY-MM-DD HH:mm") == "2026-11-01 12:00"
    assert (one_day - now).in_hours() == 25


def test_a_time_skipped_by_spring_forward_moves_forward():
    now = pendulum.datetime(2026, 3, 28, 12, 0, tz=ZONE)
    moment = parse_when("tomorrow 2:30", now, ZONE)  # 02:00-03:00 does not exist on 29 March
    assert local(moment, ZONE).format("HH:mm") == "03:30"


def test_accepts_a_zone_object_and_a_custom_default_time():
    from datetime import time

    result = parse_when("tomorrow", NOW, pendulum.timezone(ZONE), default_time=time(17, 0))
    assert local(result, ZONE).format("YYYY-MM-DD HH:mm") == "2026-11-26 17:00"


def test_unknown_zone_name_is_a_validation_error():
    with pytest.raises(ValidationError, match="unknown time zone"):
        parse_when("today", NOW, "Mars/Olympus")


def test_a_date_after_its_weekday_as_the_app_writes_it():
    """A user copies what the board shows ("Tue 1 Dec 14:00") into a form: it reads, if the weekday is right."""
    import pendulum as p

    from tui.core.when import parse_when as read

    now = p.parse("2026-11-25T10:30:00Z")  # a Wednesday
    assert read("Tue 1 Dec 14:00", now, "UTC").isoformat() == "2026-12-01T14:00:00+00:00"
    assert read("Friday 4 December", now, "UTC").isoformat() == "2026-12-04T09:00:00+00:00"
    assert read("Thu 25 Feb 2027 10:30", now, "UTC").isoformat() == "2027-02-25T10:30:00+00:00"
    with pytest.raises(ValidationError, match="4 Dec is a Friday, not Thu"):
        read("Thu 4 Dec", now, "UTC")


def test_a_clock_time_that_happens_twice_on_the_autumn_change_is_read_on_the_side_asked():
    import pendulum as p

    from tui.core.when import Reading
    from tui.core.when import parse_when as read

    now = p.parse("2027-10-31T00:30:00Z")  # 02:30 in Berlin, summer time; the clocks go back at 03:00
    past = read("02:00", now, "Europe/Berlin", reading=Reading.PAST)
    coming = read("02:45", now, "Europe/Berlin", reading=Reading.COMING)
    assert past.timestamp() == p.parse("2027-10-31T00:00:00Z").timestamp()  # the 02:00 just gone
    assert coming.timestamp() == p.parse("2027-10-31T00:45:00Z").timestamp()  # the first 02:45, still ahead


def test_a_weekday_tells_the_year_and_a_date_to_come_is_then_refused_as_future_not_as_the_wrong_weekday():
    """Review: "Thu 26 Nov 09:00" read as past picked 2025's 26 Nov (a Wednesday) and called Thu wrong."""
    import pendulum as p

    from tui.core.when import Reading
    from tui.core.when import parse_when as read

    now = p.parse("2026-11-25T10:30:00Z")  # Wednesday 25 Nov 2026
    with pytest.raises(ValidationError, match="in the future"):
        read("Thu 26 Nov 09:00", now, "America/New_York", reading=Reading.PAST)
    assert read("Wed 26 Nov 2025", now, "UTC", reading=Reading.PAST).isoformat().startswith("2025-11-26")
    assert read("Wed 25 Feb", now, "UTC", reading=Reading.EVENT).isoformat().startswith("2026-02-25")
    with pytest.raises(ValidationError, match="4 Dec is a Friday, not Thu"):  # forward: this year's only
        read("Thu 4 Dec", now, "UTC", reading=Reading.COMING)


def test_a_dated_time_on_the_autumn_change_is_read_on_the_side_asked_too():
    import pendulum as p

    from tui.core.when import Reading
    from tui.core.when import parse_when as read

    now = p.parse("2026-11-01T05:45:00Z")  # 01:45 summer time in New York; the clocks go back at 02:00
    for typed in ("today 01:30", "2026-11-01 01:30", "Sun 1 Nov 01:30"):
        assert read(typed, now, "America/New_York", reading=Reading.PAST).timestamp() == now.timestamp() - 15 * 60
        assert read(typed, now, "America/New_York", reading=Reading.COMING).timestamp() == now.timestamp() + 45 * 60
