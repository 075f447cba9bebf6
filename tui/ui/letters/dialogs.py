"""The letter screen's questions for a file name and for when a letter went out.

Its yes/no questions are screens/confirm.py's; "Sent at…" is a one-field form of
the one form framework (screens/form.py), so it validates inline like every form.
"""

from __future__ import annotations

from typing import Any, Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.ui.keybar import KeyBar
from tui.ui.screens.form import Field, FormScreen


class PathPrompt(ModalScreen[str | None]):
    """Ask for a file path, prefilled; `enter` takes it, `escape` gives up (None)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="letters.path.cancel")]

    DEFAULT_CSS = """
    PathPrompt {
        align: center middle;
        & > .letter-dialog {
            width: 70;
            max-width: 100%;
            height: auto;
            max-height: 20;
            border: round $warning;
            background: $panel;
            padding: 0 1;
        }
        & .dialog-question { text-style: bold; padding-bottom: 1; }
        & .dialog-keys { color: $text-muted; }
        & #path-input { margin-bottom: 1; }
    }
    """

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


class SentAtForm(FormScreen):
    """When the letter went out: read by `read` (a time in the past, after the round), or refused inline."""

    form_title = "When did the letter go out?"
    hint = "enter or ctrl+s: go on to confirm · esc: cancel"

    def __init__(self, read: Callable[[str], Any]) -> None:
        super().__init__()
        self.read = read

    def fields(self) -> list[Field]:
        return [Field("when", "Sent", "", "yesterday 16:30, last fri 9:00, 2026-03-10 17:45", self._read)]

    def _read(self, text: str) -> Any:
        return self.read(text)

    def build(self, values: dict[str, Any]) -> Any:
        return values["when"]
