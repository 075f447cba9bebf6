"""Business-day arithmetic, which pendulum lacks: weekends are skipped."""

from __future__ import annotations

from pendulum import DateTime

SATURDAY, SUNDAY = 5, 6


def is_business_day(moment: DateTime) -> bool:
    return moment.weekday() not in (SATURDAY, SUNDAY)


def add_business_days(start: DateTime, days: int, zone) -> DateTime:
    """`days` working days after `start`, counted on the user's calendar.

    The wall-clock time is kept (10:00 Friday + 1 -> 10:00 Monday), also across a
    DST change, because the step is taken in the local zone. A start on a weekend
    counts from the next Monday morning's equivalent (Sat + 1 -> Tue).
    """
    local = start.in_timezone(zone)
    step = 1 if days >= 0 else -1
    remaining = abs(days)
    while not is_business_day(local):
        local = local.add(days=step)
    while remaining:
        local = local.add(days=step)
        if is_business_day(local):
            remaining -= 1
    return local.in_timezone("UTC")
