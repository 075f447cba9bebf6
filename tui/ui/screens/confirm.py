"""The one yes/no question of the app: `y` agrees; `n`, `escape` and `enter` decline.

Declining is always the safe answer (keep the card, keep editing, don't send),
so no key that a fast typist may have queued up, `enter` above all, can
delete or discard anything.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.ui.keybar import KeyBar


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = [
        # priority, like the no: the answer is taken as it arrives, so a key typed right after it
        # goes to the screen the dialog leaves, not to the dialog (or as a second answer)
        Binding("y", "answer(True)", "Yes", id="confirm.yes", tooltip="Agree", priority=True),
        Binding("n,escape,enter", "answer(False)", "No", id="confirm.no", priority=True,
                tooltip="Decline: nothing is changed"),
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
        & .detail { width: auto; max-width: 64; margin-top: 1; color: $text; }
        & #keys { margin-top: 1; color: $text-muted; width: auto; }
    }
    """

    def __init__(self, question: str, details: Iterable[str] | str = (), *, yes: str = "Yes",
                 no: str = "No") -> None:
        super().__init__()
        self.question = question
        self.details = [details] if isinstance(details, str) else list(details)
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.question, id="question", markup=False)
            for line in self.details:
                if line:
                    yield Static(line, classes="detail", markup=False)
            yield Static(f"y  {self.yes}     n / escape / enter  {self.no}", id="keys", markup=False)
        yield KeyBar()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
