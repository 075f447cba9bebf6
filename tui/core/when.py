"""Read the times people type ("tomorrow 3pm", "mon 9:00", "2026-12-01 14:00").

Times without a zone are in the user's zone, not UTC; the result is UTC, as
everything is stored. A day without a clock time means DEFAULT_TIME (09:00).

The same words name different moments depending on what is being recorded,
so every caller says how to read them (`Reading`):
  - PAST, for what happened (a letter sent, a reply, an outcome): a bare
    weekday or a bare time ("wed 14:00", "3pm", "fri") is the most recent such
    moment, never a later one; a time that is still to come is refused, in one
    line, saying so. "today" without a time is earlier today (now, if 09:00 has
    not come yet), since it did happen.
  - EVENT, for an interview round: read as PAST, except that an explicit future
    ("next tue", "in 2 days", "tomorrow", "today 16:00", a date, an ISO time)
    is kept as an upcoming round. A bare weekday or time still means the most
    recent one: "wed 14:00" typed on Friday is the interview two days ago.
  - COMING, for what is ahead (a do-by date, a snooze, a quiet period): a bare
    weekday or time is the next one to come (today when it is still ahead);
    this is the default, as it was the only reading before.
Rules shared by all three:
  - "next fri" is always after today; "last fri" is always before today;
  - a day and month without a year ("dec 1") is the closest such day (in PAST,
    the most recent one), so it works for an interview last week and a
    deadline next month alike;
  - "in 2 days" (minutes, hours, days, weeks, months) keeps the clock time of now unless a time is given.
A date may follow its weekday, as the app writes dates ("Tue 1 Dec 14:00"): the
weekday must be the date's. Anything else is refused with one message listing
forms that work.
"""

from __future__ import annotations

import re
from datetime import datetime
from datetime import time as Time
from enum import StrEnum

import pendulum
from pendulum import Date, DateTime

from tui.core.errors import ValidationError
from tui.core.timefmt import understood
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
    "mo": "months", "mos": "months", "month": "months", "months": "months",  # keep in touch "in 3 months"
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


class Reading(StrEnum):
    """How to read words that could name a moment before or after now (see the module's text)."""

    PAST = "past"
    EVENT = "event"
    COMING = "coming"


class _Unreadable(Exception):
    """Internal: the text does not fit any form."""


class _OtherWeekday(Exception):
    """Internal: a weekday written before a date that falls on another day ("Thu 4 Dec")."""


class WrongWeekday(ValidationError):
    """A weekday written before a date that falls on another day: the message names the right one."""


def resolve_zone(zone: Zone | str | None) -> Zone:
    """A zone object from a zone or an IANA name."""
    if isinstance(zone, str):
        return named_zone(zone)
    return zone or UTC


def parse_when(
    text: str, now: DateTime, zone: Zone | str | None, *, default_time: Time = DEFAULT_TIME,
    reading: Reading = Reading.COMING,
) -> DateTime:
    """The moment `text` names, in UTC, read as `reading` says; ValidationError when it cannot be read
    (or, read as PAST, when it is still to come)."""
    zone = resolve_zone(zone)
    reading = Reading(reading)
    cleaned = " ".join(str(text or "").lower().replace(",", " ").split())
    local_now = local(now, zone)
    try:
        if not cleaned:
            raise _Unreadable
        moment = _parse(cleaned, _Context(local_now, zone, default_time, reading))
    except _OtherWeekday as exc:
        raise WrongWeekday(str(exc)) from None
    except (_Unreadable, ValueError, OverflowError):
        raise ValidationError(f"cannot read the time {str(text or '').strip()!r}: use e.g. {EXAMPLES}") from None
    if reading is Reading.PAST and moment > local_now:
        raise ValidationError(
            f"{str(text).strip()!r} is {understood(moment, zone, local_now)}, in the future:"
            " give when it happened (e.g. \"yesterday 10am\", \"mon 14:00\")"
        )
    return moment.in_timezone(UTC)


def typed_a_day_alone(text: str, now: DateTime, zone: Zone | str | None, *,
                      reading: Reading = Reading.COMING) -> bool:
    """Whether `text` names a day without a clock time ("yesterday", "thu", "2026-11-26"), so that the
    09:00 it reads as is a stand-in, not the user's word: read with two default times, it moves."""
    early = parse_when(text, now, zone, reading=reading, default_time=Time(0, 0))
    late = parse_when(text, now, zone, reading=reading, default_time=Time(23, 59))
    return early != late


def wall_time(
    moment: datetime, zone: Zone | str | None, now: datetime, *, reading: Reading = Reading.EVENT
) -> DateTime:
    """A wall-clock time without a zone (a sheet's "2026-03-08 02:30") as the moment it is in `zone`,
    read as the command line reads the same typed time: a time skipped by a DST change moves forward,
    one that happens twice is the occurrence on the side `reading` looks to. The one localizer, so an
    import and `followup add --at` agree on every wall time. In UTC."""
    zone = resolve_zone(zone)
    context = _Context(local(now, zone), zone, DEFAULT_TIME, Reading(reading))
    clock = Time(moment.hour, moment.minute, moment.second, moment.microsecond)
    try:
        return context.occurrence(_date(moment.year, moment.month, moment.day), clock).in_timezone(UTC)
    except _Unreadable:
        raise ValidationError(f"{moment.date()} is out of the years 1900–2200") from None


class _Context:
    """What every part of the reader needs besides the words."""

    __slots__ = ("now", "zone", "default_time", "reading")

    def __init__(self, now: DateTime, zone: Zone, default_time: Time, reading: Reading) -> None:
        self.now, self.zone, self.default_time, self.reading = now, zone, default_time, reading

    @property
    def backwards(self) -> bool:
        """A bare weekday or time is the most recent one (PAST and EVENT) rather than the next."""
        return self.reading is not Reading.COMING

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
        later = _at(day.year, day.month, day.day, clock, self.zone)
        earlier = _at(day.year, day.month, day.day, clock, self.zone, fold=0)
        same_wall = (earlier.hour, earlier.minute) == (later.hour, later.minute)
        twice = same_wall and earlier.timestamp() != later.timestamp()
        if not twice:  # happens once, or never (in the spring gap both readings move off it: forward, as ever)
            return later
        now = self.now.timestamp()
        if self.backwards:
            return later if later.timestamp() <= now else earlier
        return earlier if earlier.timestamp() >= now else later


def counts_whole_days(text: str) -> bool:
    """Whether `text` is a distance of days or more ("30 days ago", "in 2 weeks"): the bound of a
    period reads it as that whole day, as it does a date, where a round's time keeps now's clock."""
    words = " ".join(str(text or "").lower().replace(",", " ").split())
    match = _RELATIVE.fullmatch(words)
    return match is not None and _UNITS.get(match.group(2) or match.group(4)) in ("days", "weeks", "months")


def _parse(text: str, ctx: _Context) -> DateTime:
    if text in ("now", "right now"):
        return ctx.now
    iso = _ISO.fullmatch(text)
    if iso:
        return _from_iso(iso, ctx)
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
    return _read_day(" ".join(words), clock, ctx)


def _from_iso(match: re.Match[str], ctx: _Context) -> DateTime:
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    if hour is None:
        return ctx.on_day(_date(int(year), int(month), int(day)), None)
    micro = int((fraction or "0").ljust(6, "0"))
    clock = Time(int(hour), int(minute), int(second or 0), micro)
    if offset is None:  # a wall time in the user's zone: on the autumn change, the occurrence on the side read
        return ctx.occurrence(_date(int(year), int(month), int(day)), clock)
    return _at(int(year), int(month), int(day), clock, _fixed_zone(offset))


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


def _read_day(words: str, clock: Time | None, ctx: _Context) -> DateTime:
    today = ctx.now.date()
    if not words:
        if clock is None:
            raise _Unreadable
        return _bare_clock(clock, ctx)
    if words in _DAY_WORDS:
        return ctx.on_day(today.add(days=_DAY_WORDS[words]), clock)
    relative = _RELATIVE.fullmatch(words)
    if relative:
        return _relative(relative, clock, ctx)
    parts = words.split()
    if parts[-1] in _WEEKDAYS and len(parts) <= 2:
        return _weekday(parts, clock, ctx)
    if parts[0].rstrip(".") in _WEEKDAYS and len(parts) >= 3:  # "Tue 1 Dec", as the app writes a date
        named = _WEEKDAYS[parts[0].rstrip(".")]
        moment = _read_day(" ".join(parts[1:]), clock, ctx)
        if moment.weekday() != named and not re.search(r"\b\d{4}\b", " ".join(parts[1:])):
            # no year given: the weekday tells which year's date is meant (the nearest with that weekday);
            # one still to come is then refused by a past reading as "in the future", as any other
            near = []
            for year in (ctx.now.year - 1, ctx.now.year) if ctx.backwards else (ctx.now.year, ctx.now.year + 1):
                try:
                    candidate = ctx.on_day(_date(year, moment.month, moment.day), clock)
                except ValueError:
                    continue  # 29 February outside a leap year
                if candidate.weekday() == named:
                    near.append(candidate)
            if near:
                return min(near, key=lambda when: abs(when.timestamp() - ctx.now.timestamp()))
        if moment.weekday() != named:
            raise _OtherWeekday(f"{moment.format('D MMM')} is a {moment.format('dddd')}, not "
                                f"{parts[0].capitalize()}: give the date alone, or with its own weekday")
        return moment
    date = _DATE.fullmatch(words)
    if date:
        year, month, day_of_month = (int(g) for g in date.groups())
        return ctx.on_day(_date(year, month, day_of_month), clock)
    for pattern, order in ((_DAY_MONTH, (0, 1)), (_MONTH_DAY, (1, 0))):
        match = pattern.fullmatch(words)
        if match:
            groups = match.groups()
            day_text, month_text = groups[order[0]], groups[order[1]]
            if month_text not in _MONTHS:
                raise _Unreadable
            given_year = int(groups[2]) if groups[2] else None
            return _calendar_day(given_year, _MONTHS[month_text], int(day_text), clock, ctx)
    raise _Unreadable


def _bare_clock(clock: Time, ctx: _Context) -> DateTime:
    """'15:00' alone: today's, or the one before (backwards) or after (COMING) when today's is not on
    that side of now. On the autumn change a time happens twice: the occurrence on the side read is
    taken (typed at the first 02:30, "02:00" read backwards is the hour just gone, not one to come)."""
    today = ctx.now.date()
    moment = ctx.occurrence(today, clock)
    if ctx.backwards and moment.timestamp() > ctx.now.timestamp():
        day = today.subtract(days=1)
    elif not ctx.backwards and moment.timestamp() < ctx.now.timestamp():
        day = today.add(days=1)
    else:
        return moment
    return ctx.occurrence(day, clock)


def _relative(match: re.Match[str], clock: Time | None, ctx: _Context) -> DateTime:
    amount = int(match.group(1) or match.group(3))
    unit = _UNITS.get(match.group(2) or match.group(4))
    if unit is None:
        raise _Unreadable
    sign = 1 if match.group(1) else -1
    moment = ctx.now.add(**{unit: sign * amount})
    if clock is None:
        return moment
    if unit in ("minutes", "hours"):
        raise _Unreadable  # "in 3 hours 10am" says two different things
    return _at(moment.year, moment.month, moment.day, clock, ctx.zone)


def _weekday(parts: list[str], clock: Time | None, ctx: _Context) -> DateTime:
    target = _WEEKDAYS[parts[-1]]
    lead = parts[0] if len(parts) == 2 else ""
    if lead not in ("", "next", "last", "this"):
        raise _Unreadable
    today = ctx.now.date()
    if lead == "last":
        return ctx.on_day(today.subtract(days=(today.weekday() - target) % 7 or 7), clock)
    if lead == "next":
        return ctx.on_day(today.add(days=(target - today.weekday()) % 7 or 7), clock)
    use = clock or ctx.default_time
    if ctx.backwards:  # the most recent such moment: today's if it has come, else a week before
        day = today.subtract(days=(today.weekday() - target) % 7)
        moment = _at(day.year, day.month, day.day, use, ctx.zone)
        if moment <= ctx.now:
            return moment
        if day == today and clock is None and lead == "this":
            return ctx.now  # "this wed" on a Wednesday morning: earlier today
        day = day.subtract(days=7)
        return _at(day.year, day.month, day.day, use, ctx.zone)
    day = today.add(days=(target - today.weekday()) % 7)
    moment = _at(day.year, day.month, day.day, use, ctx.zone)
    if moment <= ctx.now and day == today:
        day = day.add(days=7)  # today's has passed: next week's
        moment = _at(day.year, day.month, day.day, use, ctx.zone)
    return moment


def _calendar_day(year: int | None, month: int, day: int, clock: Time | None, ctx: _Context) -> DateTime:
    if year is not None:
        return ctx.on_day(_date(year, month, day), clock)
    candidates = []
    for candidate_year in (ctx.now.year - 1, ctx.now.year, ctx.now.year + 1):
        try:
            candidates.append(ctx.on_day(_date(candidate_year, month, day), clock))
        except ValueError:
            continue  # 29 February outside a leap year
    if ctx.reading is Reading.PAST:
        candidates = [moment for moment in candidates if moment <= ctx.now]
    if not candidates:
        raise _Unreadable
    return min(candidates, key=lambda moment: abs((moment - ctx.now).total_seconds()))


def _date(year: int, month: int, day: int) -> Date:
    if not 1900 <= year <= 2200:
        raise _Unreadable
    return pendulum.date(year, month, day)


def _at(year: int, month: int, day: int, clock: Time, zone: Zone, fold: int = 1) -> DateTime:
    """A wall-clock time in `zone`; a time skipped by a DST change moves forward; one that happens twice
    is the later (`fold` 1) unless asked."""
    if not 1900 <= year <= 2200:
        raise _Unreadable
    return pendulum.datetime(
        year, month, day, clock.hour, clock.minute, clock.second, clock.microsecond, tz=zone, fold=fold
    )
