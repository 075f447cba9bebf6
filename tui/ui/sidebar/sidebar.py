"""The deadline sidebar: every deadline of every card, grouped overdue / today / this week / later.

One Line-API ScrollView, like the columns: the rows are a flat list built
once per change and only the lines on screen are drawn, so 10,000
applications cost nothing extra while scrolling. Deadlines are kept per
application, so a change to one card recomputes only that card's deadlines.
"""

from __future__ import annotations

from bisect import insort
from dataclasses import dataclass
from typing import Callable

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.core.deadlines import Deadline, Group, relative, short_action
from tui.ui.board.cards import fit
from tui.ui.board.timeframe import TimeFrame

GROUP_TITLES = {Group.OVERDUE: "Overdue", Group.TODAY: "Today", Group.WEEK: "This week", Group.LATER: "Later"}


@dataclass(slots=True)
class _Row:
    group: Group
    deadline: Deadline | None  # None: the group's header
    count: int = 0


def _key(deadline: Deadline) -> tuple:
    return (deadline.due, deadline.company, deadline.action)


class DeadlineSidebar(ScrollView, can_focus=True):
    """Enter on a row posts `Chosen` with the row's application id."""

    BINDINGS = [
        Binding("down,j", "move(1)", "Down", show=False, id="sidebar.down", tooltip="The next deadline"),
        Binding("up,k", "move(-1)", "Up", show=False, id="sidebar.up", tooltip="The previous deadline"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="sidebar.page_down", tooltip="A screenful down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="sidebar.page_up", tooltip="A screenful up"),
        Binding("home,g", "edge(0)", "First", show=False, id="sidebar.first", tooltip="The first deadline"),
        Binding("end,G", "edge(1)", "Last", show=False, id="sidebar.last", tooltip="The last deadline"),
        Binding("enter", "choose", "Go to card", id="sidebar.choose", tooltip="Jump to this deadline's card"),
    ]

    COMPONENT_CLASSES = {
        "sidebar--header", "sidebar--overdue", "sidebar--today", "sidebar--week", "sidebar--later",
        "sidebar--quiet", "sidebar--action", "sidebar--company", "sidebar--cursor", "sidebar--empty",
    }

    DEFAULT_CSS = """
    DeadlineSidebar {
        width: 34;
        height: 1fr;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
        border-left: vkey $panel-lighten-2;
        &:focus { border-left: vkey $primary; }
        & > .sidebar--header { text-style: bold; background: $panel; color: $text; }
        & > .sidebar--overdue { color: $text-error; text-style: bold; }
        & > .sidebar--today { color: $text-warning; text-style: bold; }
        & > .sidebar--week { color: $text-success; }
        & > .sidebar--later { color: $text-muted; }
        & > .sidebar--quiet { color: $text-accent; text-style: italic; }
        & > .sidebar--action { color: $text; }
        & > .sidebar--company { color: $text-muted; }
        & > .sidebar--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
        & > .sidebar--empty { color: $text-muted; text-style: italic; }
    }
    """

    class Chosen(Message):
        def __init__(self, app_id: str) -> None:
            super().__init__()
            self.app_id = app_id

    def __init__(self, frame: TimeFrame, **kwargs) -> None:
        super().__init__(**kwargs)
        self.frame = frame
        self.by_app: dict[str, list[Deadline]] = {}
        self.ordered: list[Deadline] = []
        self.show: Callable[[str], bool] | None = None  # the board's filter
        self.rows: list[_Row] = []
        self.lines: list[tuple[int, int]] = []  # (row, line of the row)
        self.first_line: list[int] = []
        self.cursor = 0  # a row index; header rows are skipped
        self.counts: dict[Group, int] = {g: 0 for g in Group}

    # --- data ----------------------------------------------------------
    def load(self, by_app: dict[str, list[Deadline]]) -> None:
        self.by_app = dict(by_app)
        self.ordered = sorted((d for ds in self.by_app.values() for d in ds), key=_key)
        self._rebuild()

    def update_apps(self, changed: dict[str, list[Deadline] | None]) -> None:
        """New deadlines for some applications (None: the application is gone)."""
        gone = {app_id for app_id in changed if self.by_app.get(app_id)}
        if gone:
            self.ordered = [d for d in self.ordered if d.app_id not in gone]
        for app_id, found in changed.items():
            if found:
                self.by_app[app_id] = found
                for deadline in found:
                    insort(self.ordered, deadline, key=_key)
            else:
                self.by_app.pop(app_id, None)
        self._rebuild()

    def set_filter(self, show: Callable[[str], bool] | None) -> None:
        self.show = show
        self._rebuild()

    def set_frame(self, frame: TimeFrame) -> None:
        self.frame = frame
        self._rebuild()

    def _rebuild(self) -> None:
        keep = self.current
        groups: dict[Group, list[Deadline]] = {g: [] for g in Group}
        group = self.frame.group
        for deadline in self.ordered:
            if self.show is None or self.show(deadline.app_id):
                groups[group(deadline.due.timestamp(), quiet=deadline.is_quiet)].append(deadline)
        self.counts = {g: sum(1 for d in ds if not d.is_quiet) for g, ds in groups.items()}
        rows: list[_Row] = []
        lines: list[tuple[int, int]] = []
        first_line: list[int] = []
        for g, found in groups.items():
            if not found:
                continue
            if rows:
                lines.append((-1, 0))  # a gap between groups
            rows.append(_Row(g, None, len(found)))
            first_line.append(len(lines))
            lines.append((len(rows) - 1, 0))
            for deadline in found:
                rows.append(_Row(g, deadline))
                first_line.append(len(lines))
                lines.extend(((len(rows) - 1, 0), (len(rows) - 1, 1)))
        self.rows, self.lines, self.first_line = rows, lines, first_line
        self.cursor = self._row_of(keep) if keep else self._selectable(0, 1)
        self.virtual_size = Size(self.size.width, len(lines))
        self.refresh()

    def _row_of(self, keep: Deadline) -> int:
        for i, row in enumerate(self.rows):
            if row.deadline is not None and _key(row.deadline) == _key(keep) and row.deadline.app_id == keep.app_id:
                return i
        return self._selectable(min(self.cursor, len(self.rows) - 1), 1)

    def _selectable(self, start: int, step: int) -> int:
        i = start
        while 0 <= i < len(self.rows):
            if self.rows[i].deadline is not None:
                return i
            i += step
        i = start - step
        while 0 <= i < len(self.rows):
            if self.rows[i].deadline is not None:
                return i
            i -= step
        return 0

    @property
    def current(self) -> Deadline | None:
        if 0 <= self.cursor < len(self.rows):
            return self.rows[self.cursor].deadline
        return None

    # --- keys ----------------------------------------------------------
    def _go(self, row: int, step: int) -> None:
        if not self.rows:
            return
        self.cursor = self._selectable(max(0, min(len(self.rows) - 1, row)), step)
        top = self.first_line[self.cursor]
        height = self.scrollable_content_region.height or self.size.height
        if top < self.scroll_y:
            self.scroll_to(y=max(0, top - 1), animate=False)
        elif top + 2 > self.scroll_y + height:
            self.scroll_to(y=top + 2 - height, animate=False)
        self.refresh()

    def action_move(self, step: int) -> None:
        self._go(self.cursor + step, step)

    def action_page(self, step: int) -> None:
        height = max(1, (self.size.height or 2) // 2)
        self._go(self.cursor + step * height, step)

    def action_edge(self, end: int) -> None:
        self._go(len(self.rows) - 1 if end else 0, -1 if end else 1)

    def action_choose(self) -> None:
        if self.current is not None:
            self.post_message(self.Chosen(self.current.app_id))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # --- drawing -------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = y + round(self.scroll_y)
        base = self.rich_style
        get = self.get_component_rich_style
        if not self.rows:
            if line == 1:
                text = "Nothing due." if self.show is None else "Nothing due among these cards."
                return Strip([Segment(" " + fit(text, width - 1), get("sidebar--empty"))], width)
            return Strip.blank(width, base)
        if line >= len(self.lines) or self.lines[line][0] < 0:
            return Strip.blank(width, base)
        row_index, part = self.lines[line]
        row = self.rows[row_index]
        if row.deadline is None:
            title = f" {GROUP_TITLES[row.group]} {row.count}"
            return Strip([Segment(fit(title, width), get("sidebar--header"))], width)
        return self._deadline_line(row, part, row_index == self.cursor, width, get)

    def _deadline_line(self, row: _Row, part: int, cursor: bool, width: int, get) -> Strip:
        deadline = row.deadline
        when = relative(deadline.due, self.frame.now)
        time_style = get("sidebar--quiet" if deadline.is_quiet else f"sidebar--{row.group.name.lower()}")
        if deadline.is_quiet:
            first = f"Quiet: don't contact {deadline.company}"
            second, split = f"until {self.frame.day(deadline.due)}, ends {when}", None
        else:
            first = short_action(deadline)
            second, split = f"{when} · {deadline.company}", len(when)
        focused = self.has_focus
        marker = "▌" if cursor and focused else ("▏" if cursor else " ")
        cursor_style = get("sidebar--cursor") if cursor and focused else None
        if cursor_style is not None and self.app.no_color:
            cursor_style = Style(reverse=True, bold=True)
        if part == 0:
            segments = [(marker, time_style), (" " + fit(first, width - 2), get("sidebar--action"))]
        else:
            text = fit(second, width - 2)
            split = len(text) if split is None else min(split, len(text))
            segments = [(marker, time_style), (" ", None), (text[:split], time_style),
                        (text[split:], get("sidebar--company"))]
        out = []
        for text, style in segments:
            style = style or self.rich_style
            if cursor_style is not None:
                style = style + cursor_style
            out.append(Segment(text, style))
        return Strip(out, width).crop(0, width)
