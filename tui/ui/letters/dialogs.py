"""The letter screen's question for a file name (its yes/no questions are screens/confirm.py's)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.ui.keybar import KeyBar


class PathPrompt(ModalScreen[str | None]):
    """Ask for a file path, prefilled; `enter` takes it, `escape` gives up (None)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="letters.path.cancel")]

    def __init__(self, title: str, default: str, hint: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.default = default
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="letter-dialog"):
            yield Static(self.title_text, classes="dialog-question", markup=False)
            yield Input(self.default, id="path-input", select_on_focus=False)
            if self.hint:
                yield Static(self.hint, classes="dialog-keys", markup=False)
            yield Static("enter: save   esc: cancel", classes="dialog-keys", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
