"""The one yes/no question of the app: `y` agrees; `n`, `escape` and `enter` decline.

Declining is always the safe answer (keep the card, keep editing, don't send),
so no key that a fast typist may have queued up, `enter` above all, can
delete or discard anything.

The same dialog is also the app's one notice that must be read before going
on (`acknowledge=`): only `escape` closes it, and every other key is
swallowed. It is put up when the screen being typed in was closed under the
user (another process deleted the card): the letters typed after that must
not reach the board, where `d` `y` would delete another card. `enter` does
not close it either, since the text being typed (notes) may hold newlines.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.ui.keybar import KeyBar

TEXT_WIDTH = 64  # a dialog's lines at most, in cells


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = [
        # priority, like the no: the answer is taken as it arrives, so a key typed right after it
        # goes to the screen the dialog leaves, not to the dialog (or as a second answer)
        Binding("y", "answer(True)", "Yes", id="confirm.yes", tooltip="Agree", priority=True),
        Binding("n,escape,enter", "answer(False)", "No", id="confirm.no", priority=True,
                tooltip="Decline: nothing is changed"),
        # a notice (acknowledge=): escape alone closes it (check_action), the yes/no keys do nothing
        Binding("escape", "acknowledge", "Close", id="confirm.close", priority=True,
                tooltip="Close the notice (the only key it takes)"),
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
        & #question { width: auto; text-style: bold; }
        & .detail { width: auto; margin-top: 1; color: $text; }
        & #keys { margin-top: 1; color: $text-muted; width: auto; }
    }
    """

    def __init__(self, question: str, details: Iterable[str] | str = (), *, yes: str = "Yes",
                 no: str = "No", acknowledge: str = "") -> None:
        """`acknowledge`: a notice, not a question; what escape, the one key it takes, does ("Back to the
        board")."""
        super().__init__()
        self.acknowledge = acknowledge
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
            if self.acknowledge:
                keys = f"escape  {self.acknowledge}"  # the details say why no other key does anything
            else:
                keys = f"y  {self.yes}     n / escape / enter  {self.no}"
            yield Static(keys, id="keys", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self._fit(self.app.size.width)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width)

    def _fit(self, width: int) -> None:
        """The text 64 cells wide at most, and narrower where the window is: at 60 columns (the least the
        board takes) the dialog ran off the right edge, its words cut (review S3 4)."""
        fits = max(20, min(TEXT_WIDTH, width - 10))  # the border, the padding and a margin
        for part in self.query("#question, .detail, #keys"):
            part.styles.max_width = fits

    @property
    def swallows_keys(self) -> bool:
        """A notice takes no key but escape: the app's own keys (help, the palette) wait too."""
        return bool(self.acknowledge)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "answer":
            return not self.acknowledge
        if action == "acknowledge":
            return bool(self.acknowledge)
        return True

    def on_key(self, event) -> None:
        """A notice swallows what it does not take: nothing typed goes on to the screens under it."""
        if self.acknowledge:
            event.stop()
            event.prevent_default()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    def action_acknowledge(self) -> None:
        self.dismiss(True)
