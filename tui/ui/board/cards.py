"""What a card shows, worked out once per change, and how its lines are drawn.

A `CardView` is a small, immutable summary of one application (its next
deadline, quiet period, outcome). Columns keep lists of them and draw only the
cards on screen, so a board of 10,000 applications costs what the visible ones
cost. Relative times ("in 5 h") are computed while drawing, from the board's
current minute, so they stay right without recomputing any card.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from pendulum import DateTime
from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from tui.core.deadlines import Deadline, DeadlineKind, Group, relative, short_action
from tui.core.stages import Stage
from tui.core.summary import Summary
from tui.ui.board.timeframe import TimeFrame

CARD_HEIGHT = 5  # four lines of text and a gap
_versions = itertools.count(1)
_NO_DUE = float("inf")


@dataclass(slots=True, eq=False)
class CardView:
    app_id: str
    company: str
    role: str
    stage: Stage
    due: DateTime | None
    due_ts: float
    action: str
    quiet_until: DateTime | None
    closing: str  # for a closed card: its outcome in words
    follow_ups: int
    search: str  # what the filter matches, lower-cased
    version: int = field(default_factory=lambda: next(_versions))

    @property
    def sort_key(self) -> tuple:
        """Most pressing first; cards without a deadline last, by company."""
        return (self.due_ts, self.company.lower(), self.app_id)

    def matches(self, needle: str) -> bool:
        return needle in self.search


_STAGES = {stage.value: stage for stage in Stage}


def card_view(summary: Summary, found: list[Deadline]) -> CardView:
    """The card of a summary; `found`: its deadlines now (summary_deadlines), quiet period included."""
    deadline = quiet = None
    for d in found:
        if d.kind is DeadlineKind.QUIET:
            quiet = d.due
        elif deadline is None or d.due < deadline.due:
            deadline = d
    return CardView(
        app_id=summary.app_id,
        company=summary.company,
        role=summary.role,
        stage=_STAGES[summary.stage],
        due=deadline.due if deadline else None,
        due_ts=deadline.due.timestamp() if deadline else _NO_DUE,
        action=short_action(deadline) if deadline else "",
        quiet_until=quiet,
        closing=summary.closing,
        follow_ups=summary.follow_ups,
        search=summary.search,
    )


@dataclass(frozen=True)
class CardStyles:
    """Rich styles for each part of a card, read from the column's CSS."""

    base: Style
    company: Style
    role: Style
    overdue: Style
    today: Style
    later: Style
    quiet: Style
    muted: Style
    marker: Style
    cursor: Style  # the whole focused card
    cursor_marker: Style
    resting: Style  # the remembered card of a column without focus
    empty: Style  # "nothing here"
    header: Style
    header_current: Style


MARKER = "▌"
RESTING_MARKER = "▏"


def fit(text: str, width: int) -> str:
    """Exactly `width` cells: padded, or cut with an ellipsis (wide characters count double)."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


def urgency(card: CardView, frame: TimeFrame) -> Group | None:
    return None if card.due is None else frame.group(card.due_ts)


def card_texts(card: CardView, frame: TimeFrame) -> tuple[str, str, str, str, Group | None]:
    """The four lines of a card as plain text, and how urgent it is."""
    group = urgency(card, frame)
    if card.due is not None:
        action = card.action
        when = relative(card.due, frame.now)
    else:
        action = card.closing or "Nothing due"
        when = ""
    extras = []
    if card.closing and card.due is not None:
        extras.append(card.closing.removeprefix("Closed: "))
    if card.quiet_until is not None and card.quiet_until.timestamp() > frame.now_ts:
        extras.append(f"quiet till {frame.day(card.quiet_until)}")
    if card.follow_ups and not card.closing:
        extras.append(f"{card.follow_ups} follow-up{'s' if card.follow_ups > 1 else ''}")
    detail = " · ".join([when, *extras] if when else extras)
    return card.company, card.role, action, detail, group


def card_strips(
    card: CardView, width: int, frame: TimeFrame, styles: CardStyles, *, cursor: bool, active: bool
) -> list[Strip]:
    """The card's CARD_HEIGHT lines, each exactly `width` cells wide."""
    if width < 3:
        return [Strip.blank(width, styles.base)] * CARD_HEIGHT
    company, role, action, detail, group = card_texts(card, frame)
    urgent = {Group.OVERDUE: styles.overdue, Group.TODAY: styles.today}.get(group, styles.later)
    if group is None:
        urgent = styles.muted
    text_width = width - 2
    lines = [
        (company, styles.company),
        (role, styles.role),
        (action, urgent),
        (detail, styles.quiet if "quiet" in detail and group is not Group.OVERDUE else urgent),
    ]
    strips = []
    if cursor and active:
        marker, marker_style = MARKER, styles.cursor_marker
    elif cursor:
        marker, marker_style = RESTING_MARKER, styles.resting
    else:
        marker, marker_style = " ", styles.marker
    for text, style in lines:
        body = fit(text, text_width)
        if cursor and active:
            style = styles.cursor + Style(bold=style.bold)
        segments = [Segment(marker, marker_style), Segment(" " + body, style)]
        strips.append(Strip(segments, width))
    strips.append(Strip.blank(width, styles.base))
    return strips
