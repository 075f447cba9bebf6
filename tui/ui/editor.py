"""The one multi-line text field (the notes and the letters are written in it)."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import TextArea

from tui.ui.settle import TypesInOrder


class Editor(TypesInOrder, TextArea):
    """Textual's TextArea, with its editing keys acting in the order typed (TypesInOrder) and
    ctrl+home / ctrl+end going to the start and the end of the text, as in every editor."""

    BINDINGS = [
        Binding("ctrl+home", "text_start", "Start", show=False),
        Binding("ctrl+end", "text_end", "End", show=False),
    ]

    def action_text_start(self) -> None:
        self.move_cursor(self.document.start)

    def action_text_end(self) -> None:
        self.move_cursor(self.document.end)
