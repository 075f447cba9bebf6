"""Business days and working hours, which pendulum lacks: weekends and public holidays are skipped.

Counting is done on the user's calendar (a Friday evening in Berlin is already
Saturday in Tokyo), and the answer keeps the start's wall-clock time.

A start on a day off counts from the business day after it: Sat + 1 -> Tue,
Sat + 5 -> the Monday after next. A letter sent on Saturday is read on Monday,
so a wait of five business days should be five whole working days from then;
rolling back to Friday instead would make the wait start before the letter
was sent (Sat + 1 -> Mon, barely a working morning later). Going backwards,
the weekend rolls back to Friday for the same reason (Sat - 1 -> Thu).

`WorkCalendar.next_opening` moves a moment forward to the next time inside
working hours on a business day (unchanged when it already is one); both ends
of the working hours count as inside, so "by the end of the day" (17:00) stays.

`WorkCalendar.wait_after` is the wait a deadline counts: from the next opening,
so a moment outside working hours counts as the morning it is read in. Keeping
Saturday 20:00's clock made its wait end at Monday 20:00, pushed to Tuesday
09:00: a day after Saturday 10:00's (Monday 10:00), though it came earlier
than Monday 08:00's (Monday 09:00).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from typing import Callable, NamedTuple

import pendulum

from tui.core.timeutil import Zone, to_utc

SATURDAY, SUNDAY = 5, 6
_ONE_DAY = timedelta(days=1)
_SEARCH_DAYS = 400  # no calendar has a year without a business day; a guard, not a rule
Holidays = Callable[[date], bool]


def is_business_day(moment: date, holidays: Holidays | None = None) -> bool:
    if moment.weekday() in (SATURDAY, SUNDAY):
        return False
    return holidays is None or not holidays(moment)


@lru_cache(maxsize=4096)
def wall_time(day: date, clock: time, zone: Zone) -> datetime:
    """`day` at `clock` in `zone`, in UTC; a time skipped by a DST change moves forward (as pendulum)."""
    # Plain datetime arithmetic (pendulum's Timezone is a tzinfo), and remembered: this runs for every
    # card each time the deadlines are worked out, mostly for the same few mornings and evenings (the
    # next opening of working hours), and pendulum's constructors cost ~40 µs a call where these cost ~3.
    wall = datetime(day.year, day.month, day.day, clock.hour, clock.minute, clock.second,
                    clock.microsecond, tzinfo=zone)
    utc = wall.astimezone(timezone.utc)
    back = utc.astimezone(zone)  # a skipped wall time comes back an hour on (fields: `replace` costs ~2 µs)
    if (back.day, back.hour, back.minute, back.second) != (day.day, clock.hour, clock.minute, clock.second):
        return to_utc(pendulum.datetime(day.year, day.month, day.day, clock.hour, clock.minute,
                                        clock.second, clock.microsecond, tz=zone))
    return utc


def add_business_days(start: datetime, days: int, zone: Zone, holidays: Holidays | None = None) -> datetime:
    """`days` working days after `start` (before it when negative), in UTC.

    The wall-clock time is kept (10:00 Friday + 1 -> 10:00 Monday), also across a
    DST change: the days are counted on local dates and the time is set once at
    the end, so a step through a skipped hour cannot shift it.
    """
    local = start.astimezone(zone)
    step = _ONE_DAY if days >= 0 else -_ONE_DAY
    day = local.date()
    for _ in range(_SEARCH_DAYS):
        if is_business_day(day, holidays):
            break
        day += step
    remaining = abs(days)
    if holidays is None:  # whole weeks at once: five business days are seven days
        weeks, remaining = divmod(remaining, 5)
        day += step * (7 * weeks)
    while remaining:
        day += step
        if is_business_day(day, holidays):
            remaining -= 1
    return wall_time(day, local.time(), zone)


class WorkCalendar(NamedTuple):
    """The user's working week: their zone, working hours and public holidays."""

    zone: Zone
    start: time = time(9, 0)
    end: time = time(17, 0)
    holidays: Holidays | None = None

    def is_business_day(self, day: date) -> bool:
        return is_business_day(day, self.holidays)

    def add_business_days(self, start: datetime, days: int) -> datetime:
        return add_business_days(start, days, self.zone, self.holidays)

    def wait_after(self, start: datetime, days: int) -> datetime:
        """`days` working days after `start` counted from its next opening, so a later start never ends
        earlier; the answer is inside working hours on a business day (UTC)."""
        return self.next_opening(self.add_business_days(self.next_opening(start), days))

    def next_business_day(self, day: date) -> date:
        """`day` itself when it is one, else the first after it."""
        for _ in range(_SEARCH_DAYS):
            if self.is_business_day(day):
                return day
            day += _ONE_DAY
        return day

    def next_opening(self, moment: datetime) -> datetime:
        """`moment` when it is inside working hours on a business day, else the next start of them (UTC)."""
        local = moment.astimezone(self.zone)
        day, clock = local.date(), local.time()
        if self.is_business_day(day):
            if clock < self.start:
                return wall_time(day, self.start, self.zone)
            if clock <= self.end:
                return to_utc(moment)
        return wall_time(self.next_business_day(day + _ONE_DAY), self.start, self.zone)

    def end_of_day(self, day: date) -> datetime:
        """The end of working hours on `day` (UTC): when a date without a time is due."""
        return wall_time(day, self.end, self.zone)
