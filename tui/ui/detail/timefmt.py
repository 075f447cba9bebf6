"""Times as the detail screen shows and reads them: always in the user's zone.

Reading goes through `tui.core.when.parse_when`, which takes everyday words
such as "tomorrow 10am" as well as ISO 8601.
"""

from __future__ import annotations

from pendulum import DateTime

from tui.core.errors import ValidationError
from tui.core.timeutil import local
from tui.core.when import parse_when

ACCEPTED = "a time such as '2026-12-01 14:00', 'tomorrow 10am' or 'fri 9:30'"


def parse_user_time(text: str, now: DateTime, zone) -> DateTime:
    """A moment typed by the user; ValidationError saying what is accepted otherwise."""
    value = (text or "").strip()
    if not value:
        raise ValidationError(f"no time given: write {ACCEPTED}")
    return parse_when(value, now, zone)


def show_time(moment: DateTime | None, zone, now: DateTime | None = None) -> str:
    """'Tue 1 Dec 14:00' in the user's zone; the year only when it is not this year's."""
    if moment is None:
        return ""
    shown = local(moment, zone)
    this_year = local(now, zone).year if now is not None else shown.year
    text = shown.format("ddd D MMM HH:mm")
    return text if shown.year == this_year else f"{text} {shown.year}"


def show_day(moment: DateTime | None, zone, now: DateTime | None = None) -> str:
    """'Tue 1 Dec' (a date without the clock), for thank-you and done marks."""
    if moment is None:
        return ""
    shown = local(moment, zone)
    this_year = local(now, zone).year if now is not None else shown.year
    text = shown.format("ddd D MMM")
    return text if shown.year == this_year else f"{text} {shown.year}"


def for_input(moment: DateTime | None, zone) -> str:
    """The form's prefilled value: a plain shown time that parse_user_time reads back."""
    if moment is None:
        return ""
    return local(moment, zone).format("YYYY-MM-DD HH:mm")
