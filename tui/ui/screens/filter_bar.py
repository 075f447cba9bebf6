"""The `/` bar: typing filters the cards live; enter keeps the filter, escape clears it.

Over a slow link `/`, the filter text, `enter` and the key after it arrive in
one burst. `enter` and `escape` are priority bindings that first let the bar
take the letters typed before them (tui/ui/settle.py), then apply the filter
and give the focus back to the board at once, through the board's callback,
not a message: the key after them is the board's, and finds the filter set.
Its editing keys (backspace, arrows…) act where they were typed, as in the
forms (TypesInOrder): `wonk`, backspace, `ka` in one burst reads `wonka`.
"""

from __future__ import annotations

from typing import Callable

from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Input

from tui.ui.settle import TypesInOrder, settled


class FilterBar(TypesInOrder, Input):
    """Tells `on_close(text)` when the user leaves it (escape clears the text first); the board follows
    `Changed` (inherited) live."""

    BINDINGS = [
        Binding("enter", "done(False)", "Keep filter", id="filter.keep", priority=True, show=False,
                tooltip="Keep the filter and go back to the board"),
        Binding("escape", "done(True)", "Clear filter", id="filter.clear", priority=True,
                tooltip="Clear the filter and go back to the board"),
    ]

    # One line, in the place of the line it stands in for while open (the board's focus line): the
    # board keeps its height, so opening the bar redraws the bar alone, not every card (at 1,000
    # applications `/` took 80-95 ms, most of it the columns drawn again a line shorter).
    DEFAULT_CSS = """
    FilterBar {
        display: none;
        &.-textual-compact { padding: 0 1; background: $boost; }
    }
    """

    def __init__(self, on_close: Callable[[str], None], stands_in_for: Widget, **kwargs) -> None:
        super().__init__(placeholder="Filter by company, role, interviewer or notes…  (enter keeps it, "
                                     "escape clears it)", compact=True, **kwargs)
        self.on_close = on_close
        self.stands_in_for = stands_in_for

    def open(self) -> None:
        """Show the bar and take the focus at once, so fast typing after / lands here."""
        self.stands_in_for.display = False
        self.display = True
        self.screen.set_focus(self)
        self.cursor_position = len(self.value)

    def close(self) -> None:
        self.display = False
        self.stands_in_for.display = True

    async def action_done(self, cleared: bool) -> None:
        await settled(self)
        if cleared:
            self.value = ""
        self.close()
        self.on_close(self.value)
