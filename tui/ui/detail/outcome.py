"""How an application can end, and what each outcome brings (the outcome form lists them:
tui/ui/detail/process_forms.py CloseForm)."""

from __future__ import annotations

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
