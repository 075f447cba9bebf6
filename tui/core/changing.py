"""The steps every change to a card is made of: a copy stamped with the time, a history line filed
where its time puts it, a stage move that says why, and the whys the rules write.

Below every family of changes (actions, direction_actions, correspondence, snoozing), so they write
history and move stages one way without importing one another; a rule reads back the whys here to tell
a move of its own from one by hand.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tui.core.model import Application, copied
from tui.core.parts import Event, holds
from tui.core.stages import Outcome, Stage
from tui.core.timeutil import to_utc

ALL_THANKED = "every interviewer thanked"  # the why of the stage line the thank-you rule writes
NOTHING_LEFT = "nothing left on our side"  # … the last direction done (set_direction_done)
THEY_REPLIED = "they replied"  # … a reply (correspondence.record_reply)
FOLLOW_UP_SENT = "follow-up #{} sent"  # … a follow-up letter (correspondence.record_letter_sent)


def changed_copy(app: Application, now: datetime) -> Application:
    new = copied(app)
    new.updated_at = to_utc(now)
    return new


def log_line(app: Application, when: datetime, kind: str, text: str, **data: Any) -> None:
    """Write a history line at `when`, in time order.

    The rule for a fact dated earlier than it is typed in (a note sent this
    morning, a reply yesterday, an outcome on Monday): its line is logged at
    the time it happened, which is what the statistics count, and goes where
    that time puts it (after the lines of the same moment), so the history
    reads in order. `updated_at` stays the time the record was changed (`changed_copy`).
    """
    moment = to_utc(when)
    history = app.history
    position = len(history)
    while position and (logged := history[position - 1].at) is not None and logged > moment:
        position -= 1
    history.insert(position, Event(at=moment, kind=kind, text=text, data=data))


def last_stage_line(app: Application) -> Event | None:
    return next((e for e in reversed(app.history) if e.kind == "stage" and holds(e)), None)


def cleared_words(outcome: Outcome) -> str:
    """'outcome “rejected” cleared': the history line's words, which the board and the command line repeat."""
    return f"outcome “{outcome.label}” cleared"


def with_cleared(why: str, cleared: Outcome | None) -> str:
    """A stage line's reason, saying so when the move cleared the card's outcome (one line, not two)."""
    return f"{why}; {cleared_words(cleared)}" if cleared is not None else why


def set_stage(app: Application, stage: Stage, at: datetime, why: str, *, cleared: Outcome | None = None,
              round_id: str = "") -> None:
    """Move the card, logged at `at` (when what moved it happened), but never before its latest stage
    line: a card cannot leave a stage before it entered it, and the stays are read from these lines.
    `cleared`: the outcome a reopened card had, which the same line says is gone (one line, not two).
    `round_id`: the round whose time moved it, named in the line's data (actions.remove_round reads it)."""
    if app.stage is stage:
        return
    before = app.stage
    app.stage = stage
    at = to_utc(at)
    last = last_stage_line(app)
    if last is not None and last.at is not None and last.at > at:
        at = last.at
    log_line(app, at, "stage", f"{before.label} → {stage.label} ({with_cleared(why, cleared)})",
         **{"from": before.value, "to": stage.value, "why": why, **({"round": round_id} if round_id else {})})
