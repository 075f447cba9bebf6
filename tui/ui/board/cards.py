"""What a card shows, worked out once per change, and how its lines are drawn.

A `CardView` is what one card shows (its next deadline, quiet period,
outcome), made from the application and its deadlines. Columns
keep lists of them and draw only the cards on screen, so a board of 10,000
applications costs what the visible ones cost. Relative times ("in 5 h") are computed while drawing, from the board's
current minute, so they stay right without recomputing any card.
"""

from __future__ import annotations

import itertools
from typing import Callable, NamedTuple

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from tui.core import timefmt
from tui.core.deadline_words import Group, marked_action, relative_seconds, without_company
from tui.core.deadlines import Deadline, DeadlineKind
from tui.core.greeting import greeting_name
from tui.core.model import Application
from tui.core.stages import Stage, own_round_name
from tui.core.text import counted, fit_cells
from tui.ui.board.timeframe import TimeFrame

CARD_HEIGHT = 5  # four lines of text and a gap
HEADER_HEIGHT = 1  # a column's '<Stage> <count>' line, above its cards
_versions = itertools.count(1)
_NO_DUE = float("inf")


class CardView:
    """One card as drawn (a plain class: 10,000 are made before the first frame)."""

    __slots__ = ("app_id", "company", "role", "stage", "due_ts", "action", "quiet_ts", "closing",
                 "follow_ups", "version", "search", "interview", "action_in_full")

    def __init__(self, app_id: str, company: str, role: str, stage: Stage, due_ts: float, action: str,
                 quiet_ts: float | None, closing: str, follow_ups: int, version: int,
                 search: str | None = None, interview: str = "", action_in_full: str = "") -> None:
        self.app_id = app_id
        self.company = company
        self.role = role
        self.stage = stage
        self.due_ts = due_ts  # the next task's due time (a timestamp); infinity when nothing is due
        self.action = action
        self.quiet_ts = quiet_ts  # the end of a quiet period, if one was running when the card was made
        self.closing = closing  # for a closed card: its outcome in words
        self.follow_ups = follow_ups
        self.version = version
        self.search = search  # what the filter matches, lower-cased; worked out on the first filter
        self.interview = interview  # 'Tue 14:00 interview' when one is to come after a nearer task; else ""
        self.action_in_full = action_in_full  # where `action` is shortened for a narrow card: every name

    def __repr__(self) -> str:
        return f"CardView({self.company!r}, {self.stage.value}, due_ts={self.due_ts})"

    @property
    def has_due(self) -> bool:
        return self.due_ts != _NO_DUE

    @property
    def sort_key(self) -> tuple:
        """Most pressing first; cards without a deadline last, by company."""
        return (self.due_ts, self.company.lower(), self.app_id)

    def matches(self, needle: str, search_text: Callable[[str], str]) -> bool:
        """`search_text(app_id)`: the application's searchable text (it needs the application itself)."""
        if self.search is None:
            self.search = search_text(self.app_id)
        return needle in self.search


def closing_text(app: Application) -> str:
    if app.stage is not Stage.CLOSED:
        return ""
    return f"Closed: {app.outcome.label}" if app.outcome else "Closed"


def interview_text(app: Application, deadline: Deadline, frame: TimeFrame) -> str:
    """'Fri 14:00 interview' (or the round's name): the sidebar's words with the time first, so a
    card 15 letters wide cuts the word, never the time."""
    held = next((rnd for rnd in app.rounds if rnd.id == deadline.ref), None)
    name = (own_round_name(held.name) if held else "") or "interview"
    return f"{timefmt.show_soon(deadline.due, frame.zone, frame.now)} {name}"


def card_view(app: Application, entries: list, frame: TimeFrame) -> CardView:
    """The card of an application at the frame's `now`, from its sidebar entries (see
    sidebar.make_entry): its most pressing task, any quiet period still running, and the next interview.

    The soonest of them all is the card's: its line and how long is left. An interview still to come
    after a nearer task (a snoozed direction, a thank-you for the round before) is kept too, so the card
    can show it as well (`card_texts`): an upcoming round always shows on its card (README, Upcoming
    rounds), never hidden behind a task that happens to fall first."""
    now_ts = frame.now_ts
    due_ts, quiet_ts = _NO_DUE, None
    first_key: tuple = ()  # the chosen entry's (rank, action): two due at once go in deadline_order, as the sidebar
    interview_ts, interview = _NO_DUE, None
    chosen = None
    for when, _company, key, _serial, deadline in entries:
        if deadline.kind is DeadlineKind.QUIET:
            if when > now_ts:
                quiet_ts = when
            continue
        if deadline.kind is DeadlineKind.INTERVIEW and when < interview_ts:
            interview_ts, interview = when, deadline
        if when < due_ts or (when == due_ts and key < first_key):
            due_ts, first_key, chosen = when, key, deadline
    action = in_full = ""  # worked out for the chosen entry only: 10,000 cards are made before the first frame
    if chosen is not None and chosen.kind is DeadlineKind.INTERVIEW:
        action = interview_text(app, chosen, frame)
    elif chosen is not None:  # a snoozed one says so first (marked_action): a narrow card never cuts it
        action = marked_action(chosen, without_company(chosen.action, app.company))
        if chosen.kind is DeadlineKind.THANK_YOU and not chosen.is_snoozed and chosen.person:
            others = sum(1 for entry in entries if entry[4].kind is DeadlineKind.THANK_YOU
                         and not entry[4].is_snoozed) - 1
            if others:  # "Thank Priya +1": a narrow card still says how many notes are due
                action = f"Thank {greeting_name(chosen.person)} +{others}"  # "Dr. Wong", not "Dr."
                in_full = "Thank " + ", ".join(entry[4].person for entry in sorted(entries)
                                               if entry[4].kind is DeadlineKind.THANK_YOU
                                               and not entry[4].is_snoozed)
    later_interview = "" if interview is None or interview_ts <= due_ts else interview_text(app, interview, frame)
    follow_ups = app.follow_up_count if app.contacts else 0
    return CardView(app.id, app.company, app.role, app.stage, due_ts, action,
                    quiet_ts, closing_text(app), follow_ups, next(_versions), interview=later_interview,
                    action_in_full=in_full)


class CardStyles(NamedTuple):
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
    thumb: Style  # a long column's scroll position
    track: Style


MARKER = "▌"
RESTING_MARKER = "▏"


def urgency(card: CardView, frame: TimeFrame) -> Group | None:
    return frame.group(card.due_ts) if card.has_due else None


def card_texts(card: CardView, frame: TimeFrame, *, in_full: bool = False) -> tuple[str, str, str, str, Group | None]:
    """The four lines of a card as plain text, and how urgent it is.

    The third line is the most pressing task, the fourth how long is left and what else is running
    ("in 5 d · quiet till Tue"). With an interview to come after that task, the third line is the
    interview, its time first ("Tue 14:00 interview": it needs no "how long"), and the task moves to the
    fourth, after its time ("in 5 d · snoozed · send references"): both stay in sight, and each line
    still starts with what a narrow card must not cut."""
    group = urgency(card, frame)
    if card.has_due:
        action = (in_full and card.action_in_full) or card.action  # in full: the board's focus line
        when = relative_seconds(card.due_ts - frame.now_ts)
    else:
        action = card.closing or "Nothing due"
        when = ""
    extras = []
    if card.interview and card.has_due:
        extras.append(action)
        action = card.interview
    if card.closing and card.has_due:
        extras.append(card.closing.removeprefix("Closed: "))
    if card.quiet_ts is not None and card.quiet_ts > frame.now_ts:
        extras.append(f"quiet till {frame.day_of(card.quiet_ts)}")
    if card.follow_ups and not card.closing:
        extras.append(counted(card.follow_ups, "follow-up"))
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
    if card.interview and card.has_due:  # the task's urgency goes with the task, on the fourth line
        action_style, detail_style = styles.later, urgent
    else:
        action_style = urgent
        detail_style = styles.quiet if "quiet" in detail and group is not Group.OVERDUE else urgent
    lines = [
        (company, styles.company),
        (role, styles.role),
        (action, action_style),
        (detail, detail_style),
    ]
    strips = []
    if cursor and active:
        marker, marker_style = MARKER, styles.cursor_marker
    elif cursor:
        marker, marker_style = RESTING_MARKER, styles.resting
    else:
        marker, marker_style = " ", styles.marker
    for text, style in lines:
        body = fit_cells(text, text_width)
        if cursor and active:
            style = styles.cursor + Style(bold=style.bold)
        segments = [Segment(marker, marker_style), Segment(" " + body, style)]
        strips.append(Strip(segments, width))
    strips.append(Strip.blank(width, styles.base))
    return strips
