"""Every way Followup writes a time for people, in one place, always in the user's zone.

The board, the detail screen, the letters, the exports and the command line
all say "Tue 1 Dec 14:00" the same way because they all ask here.
"""

from __future__ import annotations

from datetime import datetime

from tui.core.timeutil import Zone, local

DAY = "ddd D MMM"  # Tue 1 Dec
DAY_TIME = "ddd D MMM HH:mm"  # Tue 1 Dec 14:00
DAY_TIME_YEAR = "ddd D MMM YYYY, HH:mm"  # Tue 1 Dec 2026, 14:00
LONG_DAY = "dddd D MMMM"  # Tuesday 1 December (letters)
CLOCK = "HH:mm"
WEEKDAY_TIME = "ddd HH:mm"  # Tue 14:00: a moment in the coming week
TYPED = "YYYY-MM-DD HH:mm"  # what forms prefill and CSV holds: read back as typed
FILE_STAMP = "YYYYMMDD[T]HHmmss"


def at(moment: datetime, zone: Zone, fmt: str) -> str:
    """`moment` in `zone`, written as `fmt` (one of the formats above)."""
    return local(moment, zone).format(fmt)


def _this_year(moment: datetime | None, zone: Zone, now: datetime | None, fmt: str) -> str:
    if moment is None:
        return ""
    shown = local(moment, zone)
    this_year = local(now, zone).year if now is not None else shown.year
    text = shown.format(fmt)
    return text if shown.year == this_year else f"{text} {shown.year}"


def show_time(moment: datetime | None, zone: Zone, now: datetime | None = None) -> str:
    """'Tue 1 Dec 14:00'; the year only when it is not this year's."""
    return _this_year(moment, zone, now, DAY_TIME)


def show_day(moment: datetime | None, zone: Zone, now: datetime | None = None) -> str:
    """'Tue 1 Dec' (a date without the clock); the year only when it is not this year's."""
    return _this_year(moment, zone, now, DAY)


def show_soon(moment: datetime, zone: Zone, now: datetime) -> str:
    """'Tue 14:00' for a moment in the next six days, else as `show_time` ('Tue 8 Dec 14:00')."""
    if moment >= now and (moment - now).days < 6:
        return at(moment, zone, WEEKDAY_TIME)
    return show_time(moment, zone, now)


def for_input(moment: datetime | None, zone: Zone) -> str:
    """A form's prefilled value: a plain local time that the time reader reads back."""
    return "" if moment is None else at(moment, zone, TYPED)


def understood(moment: datetime, zone: Zone, now: datetime) -> str:
    """What a typed time was read as, for a form's hint and a command's confirmation line:
    'Wed 25 Nov 14:00 · 2 days ago' (the year only when it is not this year's)."""
    span = local(moment, zone).diff_for_humans(local(now, zone), absolute=True)
    if abs((moment - now).total_seconds()) < 60:
        words = "now"
    else:
        words = f"{span} ago" if moment < now else f"in {span}"
    return f"{show_time(moment, zone, now)} · {words}"
