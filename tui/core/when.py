"""Read the times people type ("tomorrow 3pm", "mon 9:00", "2026-12-01 14:00").

Times without a zone are in the user's zone, not UTC; the result is UTC, as
everything is stored. A day without a clock time means DEFAULT_TIME (09:00).
Rules worth knowing:
  - a bare weekday ("fri 15:00") is the next one to come: today when today is
    that day and the time is still ahead; "next fri" is always after today;
    "last fri" is always before today;
  - a day and month without a year ("dec 1") is the closest such day, so it
    works for an interview last week and a deadline next month alike;
  - "in 2 days" keeps the clock time of now unless a time is given.
Anything else is refused with one message listing forms that work.
"""

from __future__ import annotations

import re
from datetime import time as Time

import pendulum
from pendulum import DateTime

from tui.core.errors import ValidationError
from tui.core.timeutil import UTC, Zone, local, named_zone

DEFAULT_TIME = Time(9, 0)

EXAMPLES = '"2026-12-01 14:00", "today 15:30", "yesterday 10am", "mon 9:00"'

_WEEKDAYS = {
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "weds": 2,
    "wednesday": 2, "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4,
    "sat": 5, "saturday": 5, "sun": 6, "sunday": 6,
}
_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}
_DAY_WORDS = {"today": 0, "tomorrow": 1, "tmrw": 1, "yesterday": -1}
_UNITS = {
    "m": "minutes", "min": "minutes", "mins": "minutes", "minute": "minutes", "minutes": "minutes",
    "h": "hours", "hr": "hours", "hrs": "hours", "hour": "hours", "hours": "hours",
    "d": "days", "day": "days", "days": "days",
    "w": "weeks", "wk": "weeks", "wks": "weeks", "week": "weeks", "weeks": "weeks",
}

_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6})\d*)?)?"
    r" ?(z|[+-]\d{2}(?::?\d{2})?)?)?"
)
_CLOCK = re.compile(r"(\d{1,2})(?::(\d{2})(?::(\d{2}))?)?(am|pm)?")
_DATE = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})")
_RELATIVE = re.compile(r"in (\d{1,4}) ?([a-z]+)|(\d{1,4}) ?([a-z]+) ago")
_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)?"
_MONTH_WORD = r"([a-z]+)\.?"
_DAY_MONTH = re.compile(_ORDINAL + r" (?:of )?" + _MONTH_WORD + r"(?: (\d{4}))?")
_MONTH_DAY = re.compile(_MONTH_WORD + " " + _ORDINAL + r"(?: (\d{4}))?")


class _Unreadable(Exception):
    """Internal: the text does not fit any form."""


def resolve_zone(zone: Zone | str | None) -> Zone:
    """A zone object from a zone or an IANA name."""
    if isinstance(zone, str):
        return named_zone(zone)
    return zone or UTC


def parse_when(text: str, now: DateTime, zone: Zone | str | None, *, default_time: Time = DEFAULT_TIME) -> DateTime:
    """The moment `text` names, in UTC; ValidationError when it cannot be read."""
    zone = resolve_zone(zone)
    cleaned = " ".join(str(text or "").lower().replace(",", " ").split())
    try:
        if not cleaned:
            raise _Unreadable
        moment = _parse(cleaned, local(now, zone), zone, default_time)
    except (_Unreadable, ValueError, OverflowError):
        raise ValidationError(f"cannot read the time {str(text or '').strip()!r}: use e.g. {EXAMPLES}") from None
    return moment.in_timezone(UTC)


def _parse(text: str, local_now: DateTime, zone: Zone, default_time: Time) -> DateTime:
    if text in ("now", "right now"):
        return local_now
    iso = _ISO.fullmatch(text)
    if iso:
        return _from_iso(iso, zone, default_time)
    text = re.sub(r"(\d)\s+(am|pm)\b", r"\1\2", text.replace("a.m.", "am").replace("p.m.", "pm"))
    clock: Time | None = None
    words: list[str] = []
    for token in text.split():
        found = _read_clock(token)
        if found is None:
            if token not in ("at", "on"):
                words.append(token)
        elif clock is not None:
            raise _Unreadable  # two clock times
        else:
            clock = found
    return _read_day(" ".join(words), clock, local_now, zone, default_time)


def _from_iso(match: re.Match[str], zone: Zone, default_time: Time) -> DateTime:
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    if hour is None:
        return _at(int(year), int(month), int(day), default_time, zone)
    micro = int((fraction or "0").ljust(6, "0"))
    if offset is not None:
        zone = _fixed_zone(offset)
    clock = Time(int(hour), int(minute), int(second or 0), micro)
    return _at(int(year), int(month), int(day), clock, zone)


def _fixed_zone(offset: str) -> Zone:
    if offset == "z":
        return UTC
    sign = -1 if offset[0] == "-" else 1
    digits = offset[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > 14 or minutes > 59:
        raise _Unreadable
    return pendulum.FixedTimezone(sign * (hours * 3600 + minutes * 60))


def _read_clock(token: str) -> Time | None:
    """'14:00', '9:30:15', '3pm', '10:30am', 'noon', 'midnight'; None if not a clock time."""
    if token == "noon":
        return Time(12, 0)
    if token == "midnight":
        return Time(0, 0)
    match = _CLOCK.fullmatch(token)
    if not match or (match.group(2) is None and match.group(4) is None):
        return None  # a bare number is a day of the month, not a time
    hour, minute, second = int(match.group(1)), int(match.group(2) or 0), int(match.group(3) or 0)
    half = match.group(4)
    if half:
        if not 1 <= hour <= 12:
            raise _Unreadable
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise _Unreadable
    return Time(hour, minute, second)


def _read_day(words: str, clock: Time | None, local_now: DateTime, zone: Zone, default_time: Time) -> DateTime:
    today = local_now.date()
    use = clock or default_time
    if not words:
        if clock is None:
            raise _Unreadable
        return _at(today.year, today.month, today.day, clock, zone)
    if words in _DAY_WORDS:
        day = today.add(days=_DAY_WORDS[words])
        return _at(day.year, day.month, day.day, use, zone)
    relative = _RELATIVE.fullmatch(words)
    if relative:
        return _relative(relative, clock, local_now, zone)
    parts = words.split()
    if parts[-1] in _WEEKDAYS and len(parts) <= 2:
        return _weekday(parts, use, local_now, zone)
    date = _DATE.fullmatch(words)
    if date:
        year, month, day_of_month = (int(g) for g in date.groups())
        return _at(year, month, day_of_month, use, zone)
    for pattern, order in ((_DAY_MONTH, (0, 1)), (_MONTH_DAY, (1, 0))):
        match = pattern.fullmatch(words)
        if match:
            groups = match.groups()
            day_text, month_text = groups[order[0]], groups[order[1]]
            if month_text not in _MONTHS:
                raise _Unreadable
            given_year = int(groups[2]) if groups[2] else None
            return _calendar_day(given_year, _MONTHS[month_text], int(day_text), use, local_now, zone)
    raise _Unreadable


def _relative(match: re.Match[str], clock: Time | None, local_now: DateTime, zone: Zone) -> DateTime:
    amount = int(match.group(1) or match.group(3))
    unit = _UNITS.get(match.group(2) or match.group(4))
    if unit is None:
        raise _Unreadable
    sign = 1 if match.group(1) else -1
    moment = local_now.add(**{unit: sign * amount})
    if clock is None:
        return moment
    if unit in ("minutes", "hours"):
        raise _Unreadable  # "in 3 hours 10am" says two different things
    return _at(moment.year, moment.month, moment.day, clock, zone)


def _weekday(parts: list[str], clock: Time, local_now: DateTime, zone: Zone) -> DateTime:
    target = _WEEKDAYS[parts[-1]]
    lead = parts[0] if len(parts) == 2 else ""
    if lead not in ("", "next", "last", "this"):
        raise _Unreadable
    today = local_now.date()
    ahead = (target - today.weekday()) % 7
    if lead == "last":
        step = -((today.weekday() - target) % 7 or 7)
    elif lead == "next":
        step = ahead or 7
    else:
        step = ahead
        if ahead == 0:
            later_today = _at(today.year, today.month, today.day, clock, zone)
            step = 0 if later_today > local_now else 7
    day = today.add(days=step)
    return _at(day.year, day.month, day.day, clock, zone)


def _calendar_day(year: int | None, month: int, day: int, clock: Time, local_now: DateTime, zone: Zone) -> DateTime:
    if year is not None:
        return _at(year, month, day, clock, zone)
    candidates = []
    for candidate_year in (local_now.year - 1, local_now.year, local_now.year + 1):
        try:
            candidates.append(_at(candidate_year, month, day, clock, zone))
        except ValueError:
            continue  # 29 February outside a leap year
    if not candidates:
        raise _Unreadable
    return min(candidates, key=lambda moment: abs((moment - local_now).total_seconds()))


def _at(year: int, month: int, day: int, clock: Time, zone: Zone) -> DateTime:
    """A wall-clock time in `zone`; a time skipped by a DST change moves forward."""
    if not 1900 <= year <= 2200:
        raise _Unreadable
    return pendulum.datetime(
        year, month, day, clock.hour, clock.minute, clock.second, clock.microsecond, tz=zone
    )
