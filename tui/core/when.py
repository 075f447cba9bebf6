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

The words and forms themselves, and a day at a wall-clock time in a zone, are
in tui/core/when_pieces.py; here is the grammar of a phrase and its Readings.
"""

from __future__ import annotations

import re
from datetime import datetime
from datetime import time as Time
from enum import StrEnum

from pendulum import DateTime

from tui.core.errors import ValidationError, quoted
from tui.core.timefmt import understood
from tui.core.timeutil import FIRST_YEAR, LAST_YEAR, UTC, Zone, checked_time, local, named_zone
from tui.core.when_pieces import (
    DATE,
    DAY_MONTH,
    DAY_OF_MONTH,
    DAY_WORDS,
    ISO,
    MONTH_DAY,
    MONTHS,
    RELATIVE,
    UNITS,
    WEEKDAYS,
    Context,
    OtherWeekday,
    OutOfYears,
    Unreadable,
    calendar_date,
    fixed_zone,
    read_clock,
    wall,
)

DEFAULT_TIME = Time(9, 0)

EXAMPLES = '"2026-12-01 14:00", "today 15:30", "yesterday 10am", "mon 9:00"'


class Reading(StrEnum):
    """How to read words that could name a moment before or after now (see the module's text)."""

    PAST = "past"
    EVENT = "event"
    COMING = "coming"


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
            raise Unreadable
        moment = _parse(cleaned, _context(local_now, zone, default_time, reading))
    except OtherWeekday as exc:
        raise WrongWeekday(str(exc)) from None
    except OutOfYears:
        raise ValidationError(_out_of_years(text)) from None
    except (Unreadable, ValueError, OverflowError):
        raise ValidationError(f"cannot read the time {quoted(str(text or '').strip())}: use e.g. {EXAMPLES}") from None
    if reading is Reading.PAST and moment > local_now:
        raise ValidationError(
            f"{quoted(str(text).strip())} is {understood(moment, zone, local_now)}, in the future:"
            " give when it happened (e.g. \"yesterday 10am\", \"mon 14:00\")"
        )
    try:
        checked_time(moment)  # the day is in the years; in UTC it may be a day past them
    except ValidationError:
        raise ValidationError(_out_of_years(text)) from None
    return moment.in_timezone(UTC)


def _out_of_years(text: str) -> str:
    """A time that reads but is kept nowhere: said in the user's words, not as the UTC time it reads as."""
    return f"{quoted(str(text).strip())} is out of the years {FIRST_YEAR}–{LAST_YEAR}: give a time within them"


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
    context = _context(local(now, zone), zone, DEFAULT_TIME, Reading(reading))
    clock = Time(moment.hour, moment.minute, moment.second, moment.microsecond)
    try:
        return context.occurrence(calendar_date(moment.year, moment.month, moment.day), clock).in_timezone(UTC)
    except Unreadable:
        raise ValidationError(f"{moment.date()} is out of the years {FIRST_YEAR}–{LAST_YEAR}") from None


def _context(now: DateTime, zone: Zone, default_time: Time, reading: Reading) -> Context:
    """What the reader needs besides the words, with `reading` put as which way a bare day or time looks."""
    return Context(now, zone, default_time, backwards=reading is not Reading.COMING, past=reading is Reading.PAST)


def counts_whole_days(text: str) -> bool:
    """Whether `text` is a distance of days or more ("30 days ago", "in 2 weeks"): the bound of a
    period reads it as that whole day, as it does a date, where a round's time keeps now's clock."""
    words = " ".join(str(text or "").lower().replace(",", " ").split())
    match = RELATIVE.fullmatch(words)
    return match is not None and UNITS.get(match.group(2) or match.group(4)) in ("days", "weeks", "months")


def _parse(text: str, ctx: Context) -> DateTime:
    if text in ("now", "right now"):
        return ctx.now
    iso = ISO.fullmatch(text)
    if iso:
        return _from_iso(iso, ctx)
    text = re.sub(r"(\d)\s+(am|pm)\b", r"\1\2", text.replace("a.m.", "am").replace("p.m.", "pm"))
    clock: Time | None = None
    words: list[str] = []
    for token in text.split():
        found = read_clock(token)
        if found is None:
            if token not in ("at", "on"):
                words.append(token)
        elif clock is not None:
            raise Unreadable  # two clock times
        else:
            clock = found
    return _read_day(" ".join(words), clock, ctx)


def _from_iso(match: re.Match[str], ctx: Context) -> DateTime:
    groups = match.groups()
    year, month, day, hour, minute, second, fraction, offset = groups[:8] if groups[0] else groups[8:]
    if hour is None:
        return ctx.on_day(calendar_date(int(year), int(month), int(day)), None)
    micro = int((fraction or "0").ljust(6, "0"))
    clock = Time(int(hour), int(minute), int(second or 0), micro)
    if offset is None:  # a wall time in the user's zone: on the autumn change, the occurrence on the side read
        return ctx.occurrence(calendar_date(int(year), int(month), int(day)), clock)
    return wall(int(year), int(month), int(day), clock, fixed_zone(offset))


def _read_day(words: str, clock: Time | None, ctx: Context) -> DateTime:
    today = ctx.now.date()
    if not words:
        if clock is None:
            raise Unreadable
        return _bare_clock(clock, ctx)
    if words in DAY_WORDS:
        return ctx.on_day(today.add(days=DAY_WORDS[words]), clock)
    relative = RELATIVE.fullmatch(words)
    if relative:
        return _relative(relative, clock, ctx)
    parts = words.split()
    if parts[-1] in WEEKDAYS and len(parts) <= 2:
        return _weekday(parts, clock, ctx)
    if parts[0].rstrip(".") in WEEKDAYS and len(parts) >= 3:  # "Tue 1 Dec", as the app writes a date
        named = WEEKDAYS[parts[0].rstrip(".")]
        moment = _read_day(" ".join(parts[1:]), clock, ctx)
        if moment.weekday() != named and not re.search(r"\b\d{4}\b", " ".join(parts[1:])):
            # no year given: the weekday tells which year's date is meant (the nearest with that weekday);
            # one still to come is then refused by a past reading as "in the future", as any other
            near = []
            for year in (ctx.now.year - 1, ctx.now.year) if ctx.backwards else (ctx.now.year, ctx.now.year + 1):
                try:
                    candidate = ctx.on_day(calendar_date(year, moment.month, moment.day), clock)
                except ValueError:
                    continue  # 29 February outside a leap year
                if candidate.weekday() == named:
                    near.append(candidate)
            if near:
                return min(near, key=lambda when: abs(when.timestamp() - ctx.now.timestamp()))
        if moment.weekday() != named:
            raise OtherWeekday(f"{moment.format('D MMM')} is a {moment.format('dddd')}, not "
                                f"{parts[0].capitalize()}: give the date alone, or with its own weekday")
        return moment
    date = DATE.fullmatch(words)
    if date:
        year, month, day_of_month = (int(g) for g in date.groups())
        return ctx.on_day(calendar_date(year, month, day_of_month), clock)
    ordinal = DAY_OF_MONTH.fullmatch(words)
    if ordinal:
        return _day_of_month(int(ordinal.group(1)), clock, ctx)
    for pattern, order in ((DAY_MONTH, (0, 1)), (MONTH_DAY, (1, 0))):
        match = pattern.fullmatch(words)
        if match:
            groups = match.groups()
            day_text, month_text = groups[order[0]], groups[order[1]]
            if month_text not in MONTHS:
                raise Unreadable
            given_year = int(groups[2]) if groups[2] else None
            return _calendar_day(given_year, MONTHS[month_text], int(day_text), clock, ctx)
    raise Unreadable


def _bare_clock(clock: Time, ctx: Context) -> DateTime:
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


def _relative(match: re.Match[str], clock: Time | None, ctx: Context) -> DateTime:
    amount = int(match.group(1) or match.group(3))
    unit = UNITS.get(match.group(2) or match.group(4))
    if unit is None:
        raise Unreadable
    sign = 1 if match.group(1) else -1
    moment = ctx.now.add(**{unit: sign * amount})
    if clock is None:
        return moment
    if unit in ("minutes", "hours"):
        raise Unreadable  # "in 3 hours 10am" says two different things
    return wall(moment.year, moment.month, moment.day, clock, ctx.zone)


def _weekday(parts: list[str], clock: Time | None, ctx: Context) -> DateTime:
    target = WEEKDAYS[parts[-1]]
    lead = parts[0] if len(parts) == 2 else ""
    if lead not in ("", "next", "last", "this"):
        raise Unreadable
    today = ctx.now.date()
    if lead == "last":
        return ctx.on_day(today.subtract(days=(today.weekday() - target) % 7 or 7), clock)
    if lead == "next":
        return ctx.on_day(today.add(days=(target - today.weekday()) % 7 or 7), clock)
    use = clock or ctx.default_time
    if ctx.backwards:  # the most recent such moment: today's if it has come, else a week before
        day = today.subtract(days=(today.weekday() - target) % 7)
        moment = wall(day.year, day.month, day.day, use, ctx.zone)
        if moment <= ctx.now:
            return moment
        if day == today and clock is None and lead == "this":
            return ctx.now  # "this wed" on a Wednesday morning: earlier today
        day = day.subtract(days=7)
        return wall(day.year, day.month, day.day, use, ctx.zone)
    day = today.add(days=(target - today.weekday()) % 7)
    moment = wall(day.year, day.month, day.day, use, ctx.zone)
    if moment <= ctx.now and day == today:
        day = day.add(days=7)  # today's has passed: next week's
        moment = wall(day.year, day.month, day.day, use, ctx.zone)
    return moment


def _day_of_month(day: int, clock: Time | None, ctx: Context) -> DateTime:
    """"the 10th": the next such day still to come, this month or a later one, as "don't contact us before
    the 10th" means the coming 10th (review T1 4); read backwards (what happened, a round, a report's
    start), the last one gone by, as a bare weekday is ("the 1st" near the month's end was read as the
    coming one, and `report --from "the 1st"` came out empty). A month without that day is passed over."""
    step = -1 if ctx.backwards else 1
    year, month = ctx.now.year, ctx.now.month
    for _ in range(14):
        try:
            moment = ctx.on_day(calendar_date(year, month, day), clock)
        except ValueError:
            moment = None
        if moment is not None and (moment <= ctx.now if ctx.backwards else moment > ctx.now):
            return moment
        month += step
        if month in (0, 13):
            year, month = year + step, 1 if month == 13 else 12
    raise Unreadable


def _calendar_day(year: int | None, month: int, day: int, clock: Time | None, ctx: Context) -> DateTime:
    if year is not None:
        return ctx.on_day(calendar_date(year, month, day), clock)
    candidates = []
    for candidate_year in (ctx.now.year - 1, ctx.now.year, ctx.now.year + 1):
        try:
            candidates.append(ctx.on_day(calendar_date(candidate_year, month, day), clock))
        except ValueError:
            continue  # 29 February outside a leap year
    if ctx.past:
        candidates = [moment for moment in candidates if moment <= ctx.now]
    if not candidates:
        raise Unreadable
    return min(candidates, key=lambda moment: abs((moment - ctx.now).total_seconds()))
