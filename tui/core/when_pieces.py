"""The pieces tui.core.when reads typed times with: its words, its forms, and a day at a wall-clock time.

Apart from tui/core/when.py, which reads a whole phrase as the moment a Reading
says, so that its grammar reads on one page: here is what a single word or
token means ("tues", "dec", "3pm", "+01:00") and how a day and a clock time
become a moment in a zone (the autumn change's two occurrences, the spring
gap, the years timeutil.FIRST_YEAR..LAST_YEAR). Nothing here knows PAST, EVENT or COMING: a
Context says only which way a bare day or time looks (`backwards`) and whether
only a moment gone by may be meant (`past`).
"""

from __future__ import annotations

import re
from datetime import time as Time

import pendulum
from pendulum import Date, DateTime

from tui.core.timeutil import FIRST_YEAR, LAST_YEAR, UTC, Zone

WEEKDAYS = {
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "weds": 2,
    "wednesday": 2, "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4,
    "sat": 5, "saturday": 5, "sun": 6, "sunday": 6,
}
MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}
DAY_WORDS = {"today": 0, "tomorrow": 1, "tmrw": 1, "yesterday": -1}
UNITS = {
    "m": "minutes", "min": "minutes", "mins": "minutes", "minute": "minutes", "minutes": "minutes",
    "h": "hours", "hr": "hours", "hrs": "hours", "hour": "hours", "hours": "hours",
    "d": "days", "day": "days", "days": "days",
    "w": "weeks", "wk": "weeks", "wks": "weeks", "week": "weeks", "weeks": "weeks",
    "mo": "months", "mos": "months", "month": "months", "months": "months",  # keep in touch "in 3 months"
}

# ISO 8601, extended ("2026-11-27T14:00+01:00") or basic ("20261127T1400Z", as `date +%Y%m%dT%H%M%SZ`
# writes it); the offset may also be written "UTC" or "GMT".
_OFFSET = r" ?(z|utc|gmt|[+-]\d{2}(?::?\d{2})?)?"
ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6})\d*)?)?" + _OFFSET + ")?"
    r"|(\d{4})(\d{2})(\d{2})(?:t(\d{2})(\d{2})(?:(\d{2})(?:\.(\d{1,6})\d*)?)?" + _OFFSET + ")?"
)
CLOCK = re.compile(r"(\d{1,2})(?::(\d{2})(?::(\d{2}))?)?(am|pm)?")
DATE = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})")
RELATIVE = re.compile(r"in (\d{1,4}) ?([a-z]+)|(\d{1,4}) ?([a-z]+) ago")
_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)?"
_MONTH_WORD = r"([a-z]+)\.?"
DAY_MONTH = re.compile(_ORDINAL + r" (?:of )?" + _MONTH_WORD + r"(?: (\d{4}))?")
MONTH_DAY = re.compile(_MONTH_WORD + " " + _ORDINAL + r"(?: (\d{4}))?")
DAY_OF_MONTH = re.compile(r"(?:the )?(\d{1,2})(?:st|nd|rd|th)")  # "the 10th", as a recruiter says it


class Unreadable(Exception):
    """Internal: the text does not fit any form."""


class OutOfYears(Unreadable):
    """Internal: a date that reads, in a year outside FIRST_YEAR..LAST_YEAR: said so, not "cannot read"."""


class OtherWeekday(Exception):
    """Internal: a weekday written before a date that falls on another day ("Thu 4 Dec")."""


class Context:
    """What every part of the reader needs besides the words."""

    __slots__ = ("now", "zone", "default_time", "backwards", "past")

    def __init__(self, now: DateTime, zone: Zone, default_time: Time, *, backwards: bool, past: bool) -> None:
        self.now, self.zone, self.default_time = now, zone, default_time
        # backwards: a bare weekday or time is the most recent one rather than the next;
        # past: only a moment gone by may be meant, so a day and month is the nearest one gone
        self.backwards, self.past = backwards, past

    def on_day(self, day: Date, clock: Time | None) -> DateTime:
        """`day` at `clock`, or at the default time when none was typed.

        Read backwards, a day typed without a time that is today cannot be
        later than now: it happened, so at the latest it happened now.
        """
        moment = self.occurrence(day, clock or self.default_time)
        if clock is None and self.backwards and day == self.now.date() and moment > self.now:
            return self.now
        return moment

    def occurrence(self, day: Date, clock: Time) -> DateTime:
        """`day` at `clock`; on the autumn change, when that wall time happens twice, the occurrence on
        the side read (backwards: the later one already past; forward: the earlier one still ahead).
        Compared as instants: Python compares two times of one zone by their wall clocks alone."""
        later = wall(day.year, day.month, day.day, clock, self.zone)
        earlier = wall(day.year, day.month, day.day, clock, self.zone, fold=0)
        same_wall = (earlier.hour, earlier.minute) == (later.hour, later.minute)
        twice = same_wall and earlier.timestamp() != later.timestamp()
        if not twice:  # happens once, or never (in the spring gap both readings move off it: forward, as ever)
            return later
        now = self.now.timestamp()
        if self.backwards:
            return later if later.timestamp() <= now else earlier
        return earlier if earlier.timestamp() >= now else later


def fixed_zone(offset: str) -> Zone:
    if offset in ("z", "utc", "gmt"):
        return UTC
    sign = -1 if offset[0] == "-" else 1
    digits = offset[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > 14 or minutes > 59:
        raise Unreadable
    return pendulum.FixedTimezone(sign * (hours * 3600 + minutes * 60))


def read_clock(token: str) -> Time | None:
    """'14:00', '9:30:15', '3pm', '10:30am', 'noon', 'midnight'; None if not a clock time."""
    if token == "noon":
        return Time(12, 0)
    if token == "midnight":
        return Time(0, 0)
    match = CLOCK.fullmatch(token)
    if not match or (match.group(2) is None and match.group(4) is None):
        return None  # a bare number is a day of the month, not a time
    hour, minute, second = int(match.group(1)), int(match.group(2) or 0), int(match.group(3) or 0)
    half = match.group(4)
    if half:
        if not 1 <= hour <= 12:
            raise Unreadable
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise Unreadable
    return Time(hour, minute, second)


def calendar_date(year: int, month: int, day: int) -> Date:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise OutOfYears
    return pendulum.date(year, month, day)


def wall(year: int, month: int, day: int, clock: Time, zone: Zone, fold: int = 1) -> DateTime:
    """A wall-clock time in `zone`; a time skipped by a DST change moves forward; one that happens twice
    is the later (`fold` 1) unless asked."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise OutOfYears
    return pendulum.datetime(
        year, month, day, clock.hour, clock.minute, clock.second, clock.microsecond, tz=zone, fold=fold
    )
