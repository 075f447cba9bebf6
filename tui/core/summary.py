"""What the board shows of one application, in plain values (str, int, float, lists).

The board draws its cards from these summaries. A summary does not depend on
`now`: deadlines are absolute times, and the only time-dependent choice in the
rules (whether a quiet period is still running) is re-made by whoever shows
them, who drops a quiet period that has ended.
"""

from __future__ import annotations

from typing import NamedTuple

from tui.core.deadlines import Deadline, deadlines_for
from tui.core.model import Application
from tui.core.settings import Settings
from tui.core.stages import Stage


class Summary(NamedTuple):
    app_id: str
    stage: str
    company: str
    role: str
    revision: int
    follow_ups: int
    closing: str  # a closed card's outcome in words, else ""
    deadlines: list  # [kind, due timestamp, action, person, ref] for each deadline, quiet periods included


def closing_text(app: Application) -> str:
    if app.stage is not Stage.CLOSED:
        return ""
    return f"Closed: {app.outcome.label}" if app.outcome else "Closed"


def summarize(app: Application, settings: Settings, now, found: list[Deadline] | None = None) -> Summary:
    """`found`: the application's deadlines at `now`, when already worked out."""
    if found is None:
        found = deadlines_for(app, settings, now)
    return Summary(
        app.id, app.stage.value, app.company, app.role, app.revision, app.follow_up_count,
        closing_text(app),
        [[d.kind.value, d.due.timestamp(), d.action, d.person, d.ref] for d in found],
    )
