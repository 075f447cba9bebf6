"""The deadline sidebar: every deadline of every card, grouped overdue / today / this week / later.

One Line-API ScrollView, like the columns. Deadlines are kept in one list
sorted by due time, so the four groups are four slices found by bisection and
a screen line maps to its deadline by arithmetic: a change to one card, or a
new minute, costs a few bisections rather than a pass over 10,000 deadlines.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, insort
from typing import Callable, NamedTuple

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.strip import Strip

from tui.core.deadline_words import Group, relative, short_action
from tui.core.deadlines import Deadline, deadline_order
from tui.core.text import cell_width, fit_cells
from tui.ui.board.column import ThumbView, scroll_thumb
from tui.ui.board.timeframe import TimeFrame

GROUP_TITLES = {Group.OVERDUE: "Overdue", Group.TODAY: "Today", Group.WEEK: "This week", Group.LATER: "Later"}
_serial = itertools.count()

Entry = tuple  # (due timestamp, company, (kind's rank, action), serial, Deadline): sorts by time, never ties


def make_entry(deadline: Deadline) -> Entry:
    """The row's sort key is deadlines.deadline_order (the time as a timestamp), and a serial so it never ties."""
    _, company, rank, action = deadline_order(deadline)
    return (deadline.due.timestamp(), company, (rank, action), next(_serial), deadline)


def first_line(deadline: Deadline, width: int) -> str:
    """A row's first line in `width` cells: the action and, for a snoozed deadline, "snoozed" and why.

    The second line is when and the company, so what identifies the row is
    never pushed off by a reason. The reason is what gets cut (left out when
    not even a few letters of it fit); the action is shortened only as far as
    still leaves "snoozed" whole: an overdue thank-you is never hidden
    without saying so.
    """
    action = short_action(deadline)
    if not deadline.is_snoozed:  # an ended snooze is simply due at its end: no longer "snoozed"
        return action
    mark = " · snoozed"
    if deadline.reason:
        with_reason = f"{action}{mark}: {deadline.reason}"
        if cell_width(with_reason) <= width or cell_width(f"{action}{mark}: ") + 4 <= width:
            return fit_cells(with_reason, width).rstrip()
    if cell_width(action + mark) <= width:
        return action + mark
    return fit_cells(action, width - cell_width(mark)).rstrip() + mark


def row_words(deadline: Deadline, frame: TimeFrame, width: int = 10_000) -> tuple[str, str]:
    """A row's what and when: the action (first_line) and how long is left, or, for a quiet period, whom
    not to contact and until when. The rows and the board's focus line say a deadline with these."""
    when = relative(deadline.due, frame.now)
    if deadline.is_quiet:
        return f"Quiet: don't contact {deadline.company}", f"until {frame.day(deadline.due)}, ends {when}"
    return first_line(deadline, width), when


class _Block(NamedTuple):
    """One non-empty group: entries[start:end] of the shown list, drawn from `line` on."""

    group: Group
    start: int
    end: int
    line: int  # the header's line; its deadlines follow, two lines each

    @property
    def last_line(self) -> int:
        return self.line + 2 * (self.end - self.start)


class DeadlineSidebar(ThumbView, can_focus=True):
    """Enter on a row calls `on_choose` with the row's application id (at once, not by a message: an
    `enter` typed right after it opens the card it jumped to)."""

    BINDINGS = [
        # priority, as the board's cursor keys (tui/ui/board/board.py says why): a burst moves in order
        Binding("down,j", "move(1)", "Down", show=False, id="sidebar.down", priority=True, tooltip="The next deadline"),
        Binding("up,k", "move(-1)", "Up", show=False, id="sidebar.up", priority=True, tooltip="The previous deadline"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="sidebar.page_down", priority=True,
                tooltip="A screenful down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="sidebar.page_up", priority=True,
                tooltip="A screenful up"),
        Binding("home,g", "edge(0)", "First", show=False, id="sidebar.first", priority=True,
                tooltip="The first deadline"),
        Binding("end,G", "edge(1)", "Last", show=False, id="sidebar.last", priority=True, tooltip="The last deadline"),
        Binding("enter", "choose", "Go to card", id="sidebar.choose", priority=True,
                tooltip="Jump to this deadline's card"),
    ]

    COMPONENT_CLASSES = {
        "sidebar--header", "sidebar--overdue", "sidebar--today", "sidebar--week", "sidebar--later",
        "sidebar--quiet", "sidebar--action", "sidebar--company", "sidebar--cursor", "sidebar--empty",
        "sidebar--thumb", "sidebar--track",
    }

    DEFAULT_CSS = """
    DeadlineSidebar {
        width: 28%;
        min-width: 30;
        max-width: 56;
        height: 1fr;
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
        & > .sidebar--thumb { color: $scrollbar; }
        & > .sidebar--track { color: $panel-lighten-1; }
    }
    """

    def __init__(self, frame: TimeFrame, on_choose: Callable[[str], None],
                 on_move: Callable[[], None] = lambda: None, **kwargs) -> None:
        """`on_choose(app_id)`: enter on a row; `on_move()`: the highlighted row may have changed."""
        super().__init__(**kwargs)
        self.frame = frame
        self.on_choose = on_choose
        self.on_move = on_move
        self.by_app: dict[str, list[Entry]] = {}
        self.ordered: list[Entry] = []  # every deadline, soonest first
        self.show: Callable[[str], bool] | None = None  # the board's filter; None shows all
        self.shown: list[Entry] = []  # `ordered`, or the part the filter lets through
        self.blocks: list[_Block] = []
        self.cursor = 0  # an index into `shown`
        self.counts: dict[Group, int] = {g: 0 for g in Group}

    # --- data ----------------------------------------------------------
    def load_entries(self, by_app: dict[str, list[Entry]]) -> None:
        """Show these entries (see `make_entry`), by application id."""
        self.by_app = {app_id: entries for app_id, entries in by_app.items() if entries}
        self.ordered = sorted(e for entries in self.by_app.values() for e in entries)
        self._rebuild()

    def update_apps(self, changed: dict[str, list[Entry]]) -> None:
        """New entries for some applications (none: the application is gone or has no deadline)."""
        keep = self.current_entry  # before `ordered` changes: unfiltered, `shown` is that same list
        for app_id, entries in changed.items():
            for old in self.by_app.pop(app_id, ()):
                index = bisect_left(self.ordered, old)
                if index < len(self.ordered) and self.ordered[index] is old:
                    del self.ordered[index]
            if entries:
                self.by_app[app_id] = entries
                for entry in entries:
                    insort(self.ordered, entry)
        self._rebuild(keep)

    def set_filter(self, show: Callable[[str], bool] | None) -> None:
        self.show = show
        self._rebuild()

    def set_frame(self, frame: TimeFrame) -> None:
        self.frame = frame
        self._rebuild()

    def _rebuild(self, keep: Entry | None = None) -> None:
        keep = keep or self.current_entry
        frame = self.frame
        shown = self.ordered if self.show is None else [e for e in self.ordered if self.show(e[4].app_id)]
        # an ended quiet period is no longer worth showing; tasks past due are overdue
        cuts = [0, bisect_left(shown, (frame.now_ts,)), bisect_left(shown, (frame.today_end_ts,)),
                bisect_left(shown, (frame.week_end_ts,)), len(shown)]
        past_quiet = [i for i in range(cuts[1]) if shown[i][4].is_quiet]
        if past_quiet:
            dropped = set(past_quiet)
            shown = [e for i, e in enumerate(shown) if i not in dropped]
            cuts = [0, cuts[1] - len(past_quiet)] + [c - len(past_quiet) for c in cuts[2:]]
        blocks, line = [], 0
        for group, start, end in zip(Group, cuts, cuts[1:], strict=False):  # cuts: one more than groups
            if end > start:
                if blocks:
                    line += 1  # a gap between groups
                blocks.append(_Block(group, start, end, line))
                line = blocks[-1].last_line + 1
        self.shown, self.blocks = shown, blocks
        self.counts = {g: 0 for g in Group}
        for block in blocks:
            quiet = 0 if block.group is Group.OVERDUE else sum(
                1 for e in shown[block.start:block.end] if e[4].is_quiet)
            self.counts[block.group] = block.end - block.start - quiet
        self.cursor = self._index_of(keep) if keep is not None else 0
        self.set_virtual_height(line)
        if self.has_focus:
            self._scroll_to_cursor()
        self.on_move()

    def _index_of(self, entry: Entry) -> int:
        index = bisect_left(self.shown, entry)
        if index < len(self.shown) and self.shown[index] is entry:
            return index
        # the file was re-read, so every entry is new: the same deadline, if it is still there
        index = bisect_left(self.shown, entry[:3])
        while index < len(self.shown) and self.shown[index][:3] == entry[:3]:
            if self.shown[index][4] == entry[4]:
                return index
            index += 1
        return min(self.cursor, max(0, len(self.shown) - 1))

    @property
    def current_entry(self) -> Entry | None:
        return self.shown[self.cursor] if 0 <= self.cursor < len(self.shown) else None

    @property
    def current(self) -> Deadline | None:
        entry = self.current_entry
        return entry[4] if entry is not None else None

    @property
    def rows(self) -> list[tuple[Group, Deadline | None]]:
        """(group, deadline) in screen order, a None deadline for each group's header."""
        out = []
        for block in self.blocks:
            out.append((block.group, None))
            out += [(block.group, e[4]) for e in self.shown[block.start:block.end]]
        return out

    def _locate(self, line: int) -> tuple[_Block, int] | None:
        """The block a screen line is in and the line's offset within it."""
        for block in self.blocks:
            if block.line <= line <= block.last_line:
                return block, line - block.line
        return None

    def _line_of(self, index: int) -> int:
        for block in self.blocks:
            if block.start <= index < block.end:
                return block.line + 1 + 2 * (index - block.start)
        return 0

    # --- keys ----------------------------------------------------------
    def _go(self, index: int) -> None:
        if not self.shown:
            return
        self.cursor = max(0, min(len(self.shown) - 1, index))
        self._scroll_to_cursor()
        self.refresh()
        self.on_move()

    def _scroll_to_cursor(self) -> None:
        """Bring the highlighted row (and the line above it) into view: a focused sidebar never hides it."""
        if not self.shown:
            return
        top = self._line_of(self.cursor)
        height = self.scrollable_content_region.height or self.size.height
        if top - 1 < self.scroll_y:
            self.scroll_to(y=max(0, top - 1), animate=False)
        elif top + 2 > self.scroll_y + height:
            self.scroll_to(y=top + 2 - height, animate=False)

    def action_move(self, step: int) -> None:
        self._go(self.cursor + step)

    def action_page(self, step: int) -> None:
        self._go(self.cursor + step * max(1, (self.size.height or 2) // 2))

    def action_edge(self, end: int) -> None:
        self._go(len(self.shown) - 1 if end else 0)

    def action_choose(self) -> None:
        if self.current is not None:
            self.on_choose(self.current.app_id)

    def on_focus(self) -> None:
        self._scroll_to_cursor()  # the row may have moved while the board had the focus (filters, jumps)
        self.refresh()
        self.on_move()

    def on_blur(self) -> None:
        self.refresh()
        self.on_move()

    # --- drawing -------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        get = self.get_component_rich_style
        thumb = scroll_thumb(y, self.scrollable_content_region.height or self.size.height, self.virtual_size.height,
                             self.scroll_y, get("sidebar--thumb"), get("sidebar--track"))
        if thumb is None or width < 2:
            return self._body_line(y, width)
        return Strip([*self._body_line(y, width - 1), thumb], width)

    def _body_line(self, y: int, width: int) -> Strip:
        line = y + round(self.scroll_y)
        get = self.get_component_rich_style
        if not self.blocks:
            if line == 1:
                text = "Nothing due." if self.show is None else "Nothing due here."
                return Strip([Segment(" " + fit_cells(text, width - 1), get("sidebar--empty"))], width)
            return Strip.blank(width, self.rich_style)
        found = self._locate(line)
        if found is None:
            return Strip.blank(width, self.rich_style)
        block, offset = found
        if offset == 0:
            title = f" {GROUP_TITLES[block.group]} {block.end - block.start}"
            return Strip([Segment(fit_cells(title, width), get("sidebar--header"))], width)
        index = block.start + (offset - 1) // 2
        return self._deadline_line(block.group, index, (offset - 1) % 2, width, get)

    def _deadline_line(self, group: Group, index: int, part: int, width: int, get) -> Strip:
        deadline = self.shown[index][4]
        time_style = get("sidebar--quiet" if deadline.is_quiet else f"sidebar--{group.name.lower()}")
        first, when = row_words(deadline, self.frame, width - 2)
        if deadline.is_quiet:
            second, split = when, None
        else:
            second, split = f"{when} · {deadline.company}", len(when)
        cursor = index == self.cursor and self.has_focus
        marker = "▌" if cursor else " "
        cursor_style = None
        if cursor:
            cursor_style = Style(reverse=True, bold=True) if self.app.no_color else get("sidebar--cursor")
        if part == 0:
            segments = [(marker, time_style), (" " + fit_cells(first, width - 2), get("sidebar--action"))]
        else:
            text = fit_cells(second, width - 2)
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
