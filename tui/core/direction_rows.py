"""What a recruiter's do-by reads on its row, in the detail screen and `followup show` alike: the time asked
(a day alone: the end of working hours) and the deadline it makes; on a closed card, which has no
deadlines, the time asked alone. Beside tui/core/deadlines.py, which works the deadlines out."""

from __future__ import annotations

from datetime import datetime

from tui.core.deadlines import Deadline, DeadlineKind, asked_by, deadlines_for, work_calendar
from tui.core.model import Application
from tui.core.parts import Direction
from tui.core.settings import Settings
from tui.core.stages import DirectionKind


def direction_asked(direction: Direction, settings: Settings) -> datetime | None:
    """A do-by's time as the recruiter gave it (a day alone: the end of working hours), which its row
    shows beside the deadline when working hours or a snooze's end move that (timefmt.asked_and_due)."""
    if direction.kind is not DirectionKind.DO_BY or direction.due is None:
        return None
    return asked_by(direction.due, work_calendar(settings))


def direction_shown_due(direction: Direction, deadline: Deadline | None, asked: datetime | None) -> datetime | None:
    """The time a direction's row reads, in the detail screen and `followup show` alike: its deadline's
    (working hours, a snooze), else (a closed card has none) the time asked (`direction_asked`), else the
    date as typed."""
    return deadline.due if deadline is not None else asked or direction.due


def direction_deadlines(app: Application, settings: Settings, now: datetime,
                        found: list[Deadline] | None = None) -> dict[str, Deadline]:
    """The deadline of each open do-by direction, by direction id: its row in the detail screen reads the
    due time (snoozed or not) the sidebar, the card and `followup due` read. `found`: the card's
    deadlines, when the caller has worked them out already."""
    found = deadlines_for(app, settings, now) if found is None else found
    return {d.ref: d for d in found if d.kind is DeadlineKind.DIRECTION}
