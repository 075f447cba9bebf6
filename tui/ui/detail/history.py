"""The card's history, newest first, with times in the user's zone."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.model import Application, Event, holds
from tui.core.stages import DirectionChange
from tui.core.timefmt import readable, show_time
from tui.ui.lists import LIST_KEYS

KIND_MARKS = {
    "created": "✚", "stage": "→", "round": "◆", "thanked": "✓", "direction": "☐",
    "letter": "✉", "contact": "☎", "outcome": "■", "edit": "✎", "notes": "✎", "undo": "↶",
}


# A direction line by what it did (its `change`): done ☑, removed ✗, added or reopened ☐ (KIND_MARKS).
CHANGE_MARKS = {DirectionChange.DONE: "☑", DirectionChange.REMOVED: "✗"}


UNDONE_MARK = KIND_MARKS["undo"]  # a line whose step was undone: it no longer holds


def mark_of(event: Event) -> str:
    if not holds(event):
        return UNDONE_MARK
    if event.kind == "direction":
        change = event.data.get("change")
        if change in CHANGE_MARKS:
            return CHANGE_MARKS[DirectionChange(change)]
    return KIND_MARKS.get(event.kind, "·")


def event_row(event: Event, zone, now) -> Table:
    """Time, mark, text: long texts wrap under themselves, not under the time. A line whose step was
    undone shows ↶ and is struck through: the history keeps it, nothing counts it."""
    row = Table.grid(padding=(0, 1))
    row.add_column(width=17, no_wrap=True)
    row.add_column(width=1, no_wrap=True)
    row.add_column(ratio=1)
    text = Text(readable(event.text, zone, now))
    mark = Text(mark_of(event))
    if not holds(event):  # kept as a record, struck through and dimmed so it does not read as a fact
        text.stylize("strike dim")
        mark.stylize("dim")
        text.append(" (undone)", style="dim italic")
    row.add_row(Text(show_time(event.at, zone, now), style="dim"), mark, text)
    return row


class HistoryList(OptionList):
    """Read-only; ↑↓ (j/k) and page keys scroll it."""

    BINDINGS = LIST_KEYS

    def show(self, app: Application, settings, now) -> None:
        events = sorted(app.history, key=lambda e: e.at.timestamp() if e.at else 0.0, reverse=True)
        options = [Option(event_row(e, settings.zone, now)) for e in events]
        if not options:
            options.append(Option(Content.styled("Nothing has happened yet.", "$text-muted"), disabled=True))
        keep = self.highlighted
        self.set_options(options)
        if options and not options[0].disabled:
            self.highlighted = min(keep or 0, len(options) - 1)
