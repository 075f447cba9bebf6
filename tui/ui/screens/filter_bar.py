"""The `/` bar: typing filters the cards live; enter keeps the filter, escape clears it."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class FilterBar(Input):
    """Posts `Changed` (inherited) as the user types, and `Closed` when done."""

    BINDINGS = [
        Binding("escape", "clear_and_close", "Clear filter", id="filter.clear",
                tooltip="Clear the filter and go back to the board"),
    ]

    DEFAULT_CSS = """
    FilterBar {
        dock: bottom;
        height: 3;
        display: none;
        border: tall $accent;
    }
    """

    class Closed(Message):
        """The user left the bar; `cleared` says whether the filter was dropped."""

        def __init__(self, cleared: bool) -> None:
            super().__init__()
            self.cleared = cleared

    def __init__(self, **kwargs) -> None:
        super().__init__(placeholder="Filter by company, role, interviewer or notes…", **kwargs)

    def open(self) -> None:
        """Show the bar and take the focus at once, so fast typing after / lands here."""
        self.display = True
        self.screen.set_focus(self)
        self.cursor_position = len(self.value)

    def close(self) -> None:
        self.display = False

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.close()
        self.post_message(self.Closed(cleared=False))

    def action_clear_and_close(self) -> None:
        self.value = ""
        self.close()
        self.post_message(self.Closed(cleared=True))
