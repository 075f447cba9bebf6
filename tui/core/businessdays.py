"""Business-day arithmetic, which pendulum lacks: weekends are skipped.

Counting is done on the user's calendar (a Friday evening in Berlin is already
Saturday in Tokyo), and the answer keeps the start's wall-clock time.

A start on a weekend counts from the Monday after it: Sat + 1 -> Tue,
Sat + 5 -> the Monday after next. A letter sent on Saturday is read on Monday,
so a wait of five business days should be five whole working days from then;
rolling back to Friday instead would make the wait start before the letter
was sent (Sat + 1 -> Mon, barely a working morning later). Going backwards,
the weekend rolls back to Friday for the same reason (Sat - 1 -> Thu).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pendulum

from tui.core.timeutil import Zone, to_utc

SATURDAY, SUNDAY = 5, 6
_ONE_DAY = timedelta(days=1)


def is_business_day(moment: date) -> bool:
    return moment.weekday() not in (SATURDAY, SUNDAY)


def add_business_days(start: datetime, days: int, zone: Zone) -> datetime:
    """`days` working days after `start` (before it when negative), in UTC.

    The wall-clock time is kept (10:00 Friday + 1 -> 10:00 Monday), also across a
    DST change: the days are counted on local dates and the time is set once at
    the end, so a step through a skipped hour cannot shift it.
    """
    # Plain datetime arithmetic (pendulum's Timezone is a tzinfo): this runs for
    # every card on every redraw of the deadlines, and pendulum's constructors
    # cost ~40 µs a call where these cost ~2.
    local = start.astimezone(zone)
    step = _ONE_DAY if days >= 0 else -_ONE_DAY
    day = local.date()
    while not is_business_day(day):
        day += step
    remaining = abs(days)
    weeks, remaining = divmod(remaining, 5)
    day += step * (7 * weeks)
    while remaining:
        day += step
        if is_business_day(day):
            remaining -= 1
    wall = datetime(day.year, day.month, day.day, local.hour, local.minute,
                    local.second, local.microsecond, tzinfo=zone)
    # fold=0 and a skipped hour resolve as pendulum does: move forward by the gap
    utc = wall.astimezone(timezone.utc)
    if utc.astimezone(zone).replace(tzinfo=None) != wall.replace(tzinfo=None):
        return to_utc(pendulum.datetime(day.year, day.month, day.day, local.hour, local.minute,
                                        local.second, local.microsecond, tz=zone))
    return utc
