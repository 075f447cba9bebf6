"""How an application can end, and what each outcome brings (the outcome form lists them:
tui/ui/detail/process_forms.py CloseForm)."""

from __future__ import annotations

from datetime import datetime

from tui.core.deadlines import DeadlineKind, deadlines_for
from tui.core.model import Application
from tui.core.settings import Settings
from tui.core.stages import Outcome

# Short enough to stay on one line of the form at 80 columns, open or closed (review: the open list
# wrapped over the form's hint and border).
WHAT_FOLLOWS = {
    Outcome.OFFER: "a reminder to answer it follows",
    Outcome.ACCEPTED: "you took the job",
    Outcome.REJECTED: "a reminder to reply, ask for feedback",
    Outcome.WITHDRAWN: "you stepped out of the process",
    Outcome.NO_RESPONSE: "they never answered",
}


def suggested_outcome(app: Application, settings: Settings, now: datetime) -> Outcome:
    """The outcome the form offers first, so a fast `enter` records what the app itself suggests: on a
    closed card its own; past the follow-up limit (a CLOSE deadline: "close it as no response") no
    response; otherwise a rejection, the most common end."""
    if app.outcome is not None:
        return app.outcome
    if any(deadline.kind is DeadlineKind.CLOSE for deadline in deadlines_for(app, settings, now)):
        return Outcome.NO_RESPONSE
    return Outcome.REJECTED
