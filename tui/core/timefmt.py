"""Every way Followup writes a time for people, in one place, always in the user's zone.

The board, the detail screen, the letters, the exports and the command line
all say "Tue 1 Dec 14:00" the same way because they all ask here.
"""

from __future__ import annotations

import re
from datetime import datetime

from tui.core.timeutil import Zone, local, named_zone, to_utc

DAY = "ddd D MMM"  # Tue 1 Dec
DAY_TIME = "ddd D MMM HH:mm"  # Tue 1 Dec 14:00
DAY_TIME_YEAR = "ddd D MMM YYYY, HH:mm"  # Tue 1 Dec 2026, 14:00
LONG_DAY = "dddd D MMMM"  # Tuesday 1 December (letters)
CLOCK = "HH:mm"
WEEKDAY_TIME = "ddd HH:mm"  # Tue 14:00: a moment in the coming week
TYPED = "YYYY-MM-DD HH:mm"  # what forms prefill and CSV holds: read back as typed
FILE_STAMP = "YYYYMMDD[T]HHmmss"


# Each format above written by plain Python: the same text as pendulum's `format` (a property test
# holds them equal in every zone, across DST), at a sixth of its cost or less. A CSV export writes
# one time per stored time (93,000 at 10,000 cards); opening a card, two per history line. The names
# are English, as pendulum's are, whatever the process's locale.
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def _written(shown: datetime, fmt: str) -> str:
    """`shown` (already in the user's zone) as `fmt`, or as `fmt` with the year (`_with_year`)."""
    day, month, clock = _DAYS[shown.weekday()], _MONTHS[shown.month - 1], f"{shown.hour:02d}:{shown.minute:02d}"
    date = f"{day[:3]} {shown.day} {month[:3]}"
    if fmt == DAY_TIME:
        return f"{date} {clock}"
    if fmt == DAY:
        return date
    if fmt == WEEKDAY_TIME:
        return f"{day[:3]} {clock}"
    if fmt == CLOCK:
        return clock
    if fmt == TYPED:
        return f"{shown.year:04d}-{shown.month:02d}-{shown.day:02d} {clock}"
    if fmt == DAY_TIME_YEAR:
        return f"{date} {shown.year}, {clock}"
    if fmt == LONG_DAY:
        return f"{day} {shown.day} {month}"
    if fmt == FILE_STAMP:
        return shown.strftime("%Y%m%dT%H%M%S")
    if fmt == _DAY_TIME_WITH_YEAR:
        return f"{date} {shown.year} {clock}"
    if fmt == _DAY_WITH_YEAR:
        return f"{date} {shown.year}"
    raise ValueError(f"not one of the formats of tui.core.timefmt: {fmt!r}")


def _in_zone(moment: datetime, zone: Zone | str) -> datetime:
    tz = named_zone(zone) if isinstance(zone, str) else zone  # callers may give the zone's name
    return to_utc(moment).astimezone(tz)


def at(moment: datetime, zone: Zone, fmt: str) -> str:
    """`moment` in `zone`, written as `fmt` (one of the formats above)."""
    return _written(_in_zone(moment, zone), fmt)


def _with_year(fmt: str) -> str:
    """`fmt` with the year after the date and before any clock time: 'Thu 25 Feb 2027 10:30', as a
    date is written (QA: the year after the time, 'Thu 25 Feb 10:30 2027', read as part of the time)."""
    if fmt.endswith(" " + CLOCK):
        return f"{fmt[:-len(CLOCK)]}YYYY {CLOCK}"
    return f"{fmt} YYYY"


_DAY_TIME_WITH_YEAR, _DAY_WITH_YEAR = _with_year(DAY_TIME), _with_year(DAY)


def _this_year(moment: datetime | None, zone: Zone, now: datetime | None, fmt: str) -> str:
    if moment is None:
        return ""
    shown = _in_zone(moment, zone)
    this_year = _in_zone(now, zone).year if now is not None else shown.year
    return _written(shown, fmt if shown.year == this_year else _with_year(fmt))


def show_time(moment: datetime | None, zone: Zone, now: datetime | None = None) -> str:
    """'Tue 1 Dec 14:00'; the year only when it is not this year's."""
    return _this_year(moment, zone, now, DAY_TIME)


def show_day(moment: datetime | None, zone: Zone, now: datetime | None = None) -> str:
    """'Tue 1 Dec' (a date without the clock); the year only when it is not this year's."""
    return _this_year(moment, zone, now, DAY)


def show_soon(moment: datetime, zone: Zone, now: datetime) -> str:
    """'Tue 14:00' for a moment from now to the end of the sixth day after today (each weekday name then
    means one day only: next Tuesday, seen on a Wednesday), else as `show_time` ('Wed 9 Dec 14:00').
    Counted in calendar days: "next tue 14:00" typed on a Wednesday morning is 'Tue 14:00', which a
    narrow card does not cut."""
    if moment >= now and (local(moment, zone).date() - local(now, zone).date()).days < 7:
        return at(moment, zone, WEEKDAY_TIME)
    return show_time(moment, zone, now)


_EXACT_TIME = re.compile(r"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})")


def readable(text: str, zone: Zone, now: datetime | None = None) -> str:
    """A stored line (a card's history) with the exact times written into it shown as `show_time` does.

    The history is written without the user's zone ("Snoozed follow-up until
    2026-12-04T12:00:00+00:00": exact, whatever zone reads it later); the
    detail screen and `followup show` say it as "until Fri 4 Dec 12:00".
    """
    if "T" not in text:
        return text
    return _EXACT_TIME.sub(lambda m: _shown_exact(m.group(0), zone, now), text)


def _shown_exact(written: str, zone: Zone, now: datetime | None) -> str:
    """One exact time of a history line, shown; left as written when it is no time (the user's own words
    copied into the line: "the 2026-02-29T10:00Z mixup") or none the reader's zone can hold (year 9999 at
    -12:00): a line is shown, never a traceback (fuzz fz1 D2)."""
    try:
        return show_time(datetime.fromisoformat(written.replace("Z", "+00:00")), zone, now)
    except (ValueError, OverflowError):
        return written


def for_input(moment: datetime | None, zone: Zone) -> str:
    """A form's prefilled value: a plain local time that the time reader reads back."""
    return "" if moment is None else at(moment, zone, TYPED)


def understood(moment: datetime, zone: Zone, now: datetime) -> str:
    """What a typed time was read as, for a form's hint and a command's confirmation line:
    'Wed 25 Nov 14:00 · 2 days ago' (the year only when it is not this year's)."""
    return f"{show_time(moment, zone, now)} · {distance_words((moment - now).total_seconds())}"


def typed_and_due(typed: datetime, due: datetime | None, zone: Zone, now: datetime) -> str:
    """The time typed and the deadline it makes, where working hours or a quiet period move it:
    'Sat 12 Dec 07:24 · in 2 weeks → due Mon 14 Dec 09:00', the first part alone when they are one time.
    One wording for the snooze and close forms' previews, the edit-card form's and `followup snooze`'s
    and `close`'s lines (review Z 6: two wordings, four helpers)."""
    return _then_due(understood(typed, zone, now), typed, due, zone, now)


def _then_due(said: str, typed: datetime, due: datetime | None, zone: Zone, now: datetime) -> str:
    """`said`, and ' → due …' where the deadline is not the time typed: the one wording of both."""
    return said if due is None or to_utc(due) == to_utc(typed) else f"{said} → due {show_time(due, zone, now)}"


def asked_and_due(asked: datetime, due: datetime | None, zone: Zone, now: datetime) -> str:
    """A do-by's row: 'by Sat 27 Mar 17:00 → due Mon 29 Mar 09:00', the day the recruiter gave beside the
    deadline working hours make of it (the row read the deadline alone: the recruiter's Saturday was
    left only in the history, review S2 4); 'by Mon 29 Mar 09:00' when they are one time, or when there
    is no deadline (`due` None: a closed card's)."""
    return _then_due(f"by {show_time(asked, zone, now)}", asked, due, zone, now)


# --- how far away: the one rounding, in two wordings ------------------------------------------
# (upper bound of the rounded amount, seconds in the unit, compact unit, unit in words)
_UNITS = (
    (60, 60, "min", "minute"),
    (48, 3600, "h", "hour"),
    (60, 86400, "d", "day"),
    (52, 7 * 86400, "wk", "week"),
    (None, 365.25 * 86400, "yr", "year"),
)


def distance(seconds: float) -> tuple[int, int]:
    """How far a moment `seconds` away is (negative: past), as (amount, unit index), or (0, -1) under a
    minute. The amount is rounded to the nearest whole unit (2 days 23 hours is 3 days) and the unit
    is the smallest whose rounded amount stays under its bound, so every wording agrees."""
    span = abs(seconds)
    if span < 60:
        return 0, -1
    last = len(_UNITS) - 1
    for index, (bound, size, _, _) in enumerate(_UNITS):
        amount = int(span / size + 0.5)
        if index == last or (bound is not None and amount < bound):
            return amount, index
    raise AssertionError("unreachable")


def distance_short(seconds: float, past: str = "overdue") -> str:
    """'in 5 h', '3 d overdue', 'now': short enough for a card and the sidebar (at most 14 columns)."""
    amount, unit = distance(seconds)
    if unit < 0:
        return "now"
    text = f"{amount} {_UNITS[unit][2]}"
    return f"{text} {past}" if seconds < 0 else f"in {text}"


def span_words(seconds: float) -> str:
    """'3 days', '1 hour', 'a moment': how long, either way, in `distance_words`' rounding and words, for
    a sentence of its own ("This follow-up is 9 days early", said of what the card calls "in 9 d")."""
    amount, unit = distance(seconds)
    if unit < 0:
        return "a moment"
    name = _UNITS[unit][3]
    return f"{amount} {name}" if amount == 1 else f"{amount} {name}s"


def distance_words(seconds: float) -> str:
    """'in 3 days', '2 hours ago', 'now': `distance_short` in words, for lines that have the room."""
    if distance(seconds)[1] < 0:
        return "now"
    text = span_words(seconds)
    return f"{text} ago" if seconds < 0 else f"in {text}"
