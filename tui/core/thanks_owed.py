"""Thank-you notes a change leaves behind: owed before it, neither sent nor tracked after it.

A thank-you is only a deadline while the card is in *interviewed* (deadlines._still_to_thank):
a quick "thanks for coming" reply, a move or a close takes the card out of it and the note
owed within 24 h silently leaves every list (review Q 4). The rule stays; the change says so.
"""

from __future__ import annotations

from datetime import datetime

from tui.core.deadlines import Deadline, DeadlineKind, deadlines_for
from tui.core.model import Application
from tui.core.settings import Settings


def untracked_thanks(before: Application, after: Application, settings: Settings,
                     now: datetime) -> list[Deadline]:
    """The thank-you deadlines `before` had that `after` no longer has, for people not recorded as thanked
    (a note sent, or ticked, is settled: nothing was dropped)."""
    def owed(app: Application) -> list[Deadline]:
        return [d for d in deadlines_for(app, settings, now) if d.kind is DeadlineKind.THANK_YOU]

    still = {d.ref for d in owed(after)}
    thanked = {person.id for person in after.interviewers() if person.thanked_at is not None}
    return [d for d in owed(before) if d.ref not in still and d.ref not in thanked]
