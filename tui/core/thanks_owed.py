"""What a change leaves behind unsaid: thank-you notes owed before it, neither sent nor tracked after it,
and the outcome a reopened card lost.

A thank-you is only a deadline while the card is in *interviewed* (deadlines._still_to_thank):
a quick "thanks for coming" reply, a move or a close takes the card out of it and the note
owed within 24 h silently leaves every list (review Q 4). The rule stays; the change says so,
in these words on the command line and on the board alike (review X2 4).
"""

from __future__ import annotations

from datetime import datetime

from tui.core.changing import cleared_words
from tui.core.deadlines import Deadline, DeadlineKind, deadlines_for
from tui.core.model import Application
from tui.core.settings import Settings


def untracked_thanks(before: Application, after: Application, settings: Settings,
                     now: datetime) -> list[Deadline]:
    """The thank-you deadlines `before` had that `after` no longer has, for people not recorded as thanked
    (a note sent, or ticked, is settled: nothing was dropped)."""
    def owed(app: Application) -> list[Deadline]:
        return [d for d in deadlines_for(app, settings, now) if d.kind is DeadlineKind.THANK_YOU]

    was = owed(before)
    if not was:
        return []
    still = {d.ref for d in owed(after)}
    thanked = {person.id for person in after.interviewers() if person.thanked_at is not None}
    return [d for d in was if d.ref not in still and d.ref not in thanked]


def untracked_sentence(names: list[str]) -> str:
    """'the thank-you to Ida Ng is no longer tracked', or '… thank-yous to Ida Ng and Bo are …'; '' for none.
    Each front end adds how it records a note (a command, a key), which is theirs."""
    if not names:
        return ""
    if len(names) == 1:
        return f"the thank-you to {names[0]} is no longer tracked"
    return f"the thank-yous to {', '.join(names[:-1])} and {names[-1]} are no longer tracked"


def cleared_outcome(before: Application, after: Application) -> str:
    """'outcome “rejected” cleared' when the change took the card's outcome away (a closed card moved
    back), as its history line says it (changing.set_stage); '' otherwise."""
    if before.outcome is not None and after.outcome is None:
        return cleared_words(before.outcome)
    return ""
