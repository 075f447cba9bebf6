"""A yes/no question in a small dialog: y or enter agrees, n or escape declines."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    DEFAULT_CSS = """
    ConfirmScreen {
        align: center middle;
        & > #dialog {
            width: auto;
            max-width: 70;
            min-width: 36;
            height: auto;
            padding: 1 2;
            border: thick $warning;
            background: $surface;
        }
        & #question { width: auto; max-width: 64; text-style: bold; }
        & #keys { margin-top: 1; color: $text-muted; width: auto; }
    }
    """

    def __init__(self, question: str, *, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.question, id="question", markup=False)
            yield Static(f"y / enter  {self.yes}     n / escape  {self.no}", id="keys", markup=False)

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
