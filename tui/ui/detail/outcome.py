"""Choosing how an application ended: offer, accepted, rejected, withdrawn, no response."""

from __future__ import annotations

from pathlib import Path

from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.core.stages import Outcome
from tui.ui.keybar import KeyBar

WHAT_FOLLOWS = {
    Outcome.OFFER: "they made an offer: a reminder to answer it follows",
    Outcome.ACCEPTED: "you took the job",
    Outcome.REJECTED: "they said no: a reminder to reply and ask for feedback",
    Outcome.WITHDRAWN: "you stepped out of the process",
    Outcome.NO_RESPONSE: "they never answered",
}


class OutcomeScreen(ModalScreen[Outcome | None]):
    CSS_PATH = Path(__file__).with_name("modal.tcss")
    BINDINGS = [
        Binding("enter", "pick", "Record", show=True, priority=True),
        Binding("escape", "dismiss(None)", "Cancel"),
    ]

    def __init__(self, company: str) -> None:
        super().__init__()
        self.company = company

    def compose(self):
        with Vertical(classes="modal-box outcome-box"):
            yield Static(f"How did it end with {self.company}?", classes="modal-title")
            yield OptionList(
                *[Option(f"{o.label.capitalize():<12} {WHAT_FOLLOWS[o]}", id=o.value) for o in Outcome],
                id="outcome-list",
            )
            yield Static("The card moves to Closed; undo on the board (u) takes it back.", classes="modal-hint")
        yield KeyBar()

    def action_pick(self) -> None:
        option = self.query_one(OptionList).highlighted_option
        if option is not None and option.id:
            self.dismiss(Outcome(option.id))
