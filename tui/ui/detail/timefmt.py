"""Times as the detail screen's forms read them (tui/core/timefmt.py writes them).

Reading goes through `tui.core.when.parse_when`, which takes everyday words
such as "tomorrow 10am" as well as ISO 8601.
"""

from __future__ import annotations

from datetime import time

from pendulum import DateTime

from tui.core.errors import ValidationError
from tui.core.timefmt import understood
from tui.core.when import DEFAULT_TIME, Reading, parse_when

ACCEPTED = "a time such as '2026-12-01 14:00', 'tomorrow 10am' or 'fri 9:30'"


def parse_user_time(text: str, now: DateTime, zone, reading: Reading = Reading.COMING, *,
                    default_time: time = DEFAULT_TIME) -> DateTime:
    """A moment typed by the user, read as `reading` (what happened, a round, or what is ahead);
    ValidationError saying what is accepted otherwise."""
    value = (text or "").strip()
    if not value:
        raise ValidationError(f"no time given: write {ACCEPTED}")
    return parse_when(value, now, zone, reading=reading, default_time=default_time)


def understood_by(now: DateTime, zone):
    """A form field's `describe`: what a typed time was read as ('Wed 25 Nov 14:00 · 2 days ago')."""
    return lambda moment: "" if moment is None else understood(moment, zone, now)


def understood_round_by(now: DateTime, zone):
    """The round fields' `describe` (the new-card form's and the round form's): what was understood, and
    "(upcoming round)" for one still to come, which leaves the card where it is until its time."""
    said = understood_by(now, zone)
    return lambda moment: "" if moment is None else said(moment) + (" (upcoming round)" if moment > now else "")
