"""The card's history, newest first, with times in the user's zone."""

from __future__ import annotations

from textual.content import Content
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, RulesMap, Visual
from textual.widgets.option_list import Option

from tui.core.model import Application
from tui.core.parts import Event, holds
from tui.core.stages import DirectionChange
from tui.core.timefmt import readable, show_day, show_time
from tui.ui.lists import LIST_KEYS, StopsAtEnds

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


TIME_WIDTH = 17  # "Tue 24 Nov 09:30" and the like
GUTTER = TIME_WIDTH + 3  # the time, a space, the mark, a space: where wrapped text lines up


class EventRow(Visual):
    """Time, mark, text, the text wrapping under itself, not under the time.

    Laid out with Textual's Content rather than a Rich table grid: the side
    history is drawn at every `enter`, where the grid's measuring made 7 % of
    the Python calls of opening a card (this makes 1 %).
    """

    def __init__(self, time: Content, mark: Content, text: Content) -> None:
        self.time, self.mark, self.text = time, mark, text
        self._wrapped: dict[int, Content] = {}  # by width: the list asks at two (with and without its scrollbar)

    def lines(self, width: int) -> Content:
        """The row at `width` cells, one line of Content per screen line (kept for each width asked)."""
        wrapped = self._wrapped.get(width)
        if wrapped is None:
            head = Content.assemble(self.time.truncate(TIME_WIDTH, pad=True), " ", self.mark, " ")
            if GUTTER + self.text.cell_length <= width:  # most rows: one line, nothing to wrap
                lines = [head + self.text]
            elif width <= GUTTER:  # no room beside the time: the row wraps as one text
                lines = (head + self.text).wrap(max(width, 1))
            else:
                indent = Content(" " * GUTTER)
                lines = [(head if n == 0 else indent) + line
                         for n, line in enumerate(self.text.wrap(width - GUTTER) or [Content("")])]
            wrapped = self._wrapped[width] = Content("\n").join(lines)
        return wrapped

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        return self.lines(width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return GUTTER + self.text.cell_length

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.lines(width).plain.count("\n") + 1


def event_row(event: Event, zone, now) -> EventRow:
    """A line whose step was undone shows ↶ and is struck through: the history keeps it, nothing counts it."""
    text = Content(readable(event.text, zone, now))
    mark = Content(mark_of(event))
    if not holds(event):  # kept as a record, struck through and dimmed so it does not read as a fact
        text = Content.assemble(text.stylize("strike dim"), (" (undone)", "dim italic"))
        mark = mark.stylize("dim")
    shown = show_time(event.at, zone, now)
    if len(shown) > TIME_WIDTH:  # another year's ("Mon 1 Dec 2025 10:00"): the day alone, not a cut clock
        shown = show_day(event.at, zone, now)
    return EventRow(Content.styled(shown, "dim"), mark, text)


def newest_first(history: list) -> list:
    """The lines newest first; lines of one time, the one written last first (a stable sort of the lines
    as written kept them oldest first: "→ Interviewed → Thanked" above the "→ Thanked → Interviewed" that
    followed it in the same second read as if the card had moved the other way; review S1 1)."""
    return sorted(reversed(history), key=lambda e: e.at.timestamp() if e.at else 0.0, reverse=True)


class HistoryList(StopsAtEnds):
    """Read-only; ↑↓ (j/k) and page keys scroll it."""

    BINDINGS = LIST_KEYS

    def show(self, app: Application, settings, now) -> None:
        events = newest_first(app.history)
        options = [Option(event_row(e, settings.zone, now)) for e in events]
        if not options:
            options.append(Option(Content.styled("Nothing has happened yet.", "$text-muted"), disabled=True))
        keep = self.highlighted
        self.set_options(options)
        if options and not options[0].disabled:
            self.highlighted = min(keep or 0, len(options) - 1)
