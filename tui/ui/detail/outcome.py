"""How an application can end, and what each outcome brings (the outcome form lists them:
tui/ui/detail/process_forms.py CloseForm)."""

from __future__ import annotations

from tui.core.stages import Outcome

WHAT_FOLLOWS = {
    Outcome.OFFER: "they made an offer: a reminder to answer it follows",
    Outcome.ACCEPTED: "you took the job",
    Outcome.REJECTED: "they said no: a reminder to reply and ask for feedback",
    Outcome.WITHDRAWN: "you stepped out of the process",
    Outcome.NO_RESPONSE: "they never answered",
}
