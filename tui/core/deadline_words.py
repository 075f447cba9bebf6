"""Deadlines as the user reads them: grouped by when they fall, their distance in words, their action
with or without the company.

Kept apart from the rules (tui.core.deadlines), which decide when something is due: every screen and
command that shows a deadline says it with these, so the sidebar, the cards, `followup due` and the
reminders group and word it alike.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from tui.core.deadlines import Deadline, DeadlineKind
from tui.core.timefmt import distance_short
from tui.core.timeutil import Zone, local, to_utc


class Group(StrEnum):
    """The one grouping of deadlines by when they fall (TimeFrame.group): the sidebar's headings, the
    board's "N due today" and `followup due --summary` all say these words."""

    OVERDUE = "overdue"
    TODAY = "today"
    WEEK = "this week"
    LATER = "later"

    @property
    def counted(self) -> str:
        """How a count of the group's deadlines reads: "overdue", "due today", "due this week"."""
        return self.value if self is Group.OVERDUE else f"due {self.value}"


class TimeFrame:
    """`now` and the user's day boundaries: the one way a deadline is put in a group.

    The sidebar and the cards classify thousands of deadlines each minute;
    comparing plain timestamps against boundaries worked out once is much
    cheaper than converting every deadline into the user's zone. Overdue is
    judged against this `now`, not the one the deadline was made with, so a
    list kept open past a due time still moves it to overdue.
    """

    def __init__(self, now: datetime, zone: Zone) -> None:
        self.now = to_utc(now)
        self.zone = zone
        local_now = local(self.now, zone)
        self.now_ts = self.now.timestamp()
        self.today_end_ts = local_now.add(days=1).start_of("day").timestamp()
        self.week_end_ts = local_now.add(days=7).timestamp()

    def group(self, due_ts: float, *, quiet: bool = False) -> Group:
        """Overdue, today (the user's calendar day), this week (the next 7 days), or later."""
        if due_ts < self.now_ts and not quiet:
            return Group.OVERDUE
        if due_ts < self.today_end_ts:
            return Group.TODAY
        if due_ts < self.week_end_ts:
            return Group.WEEK
        return Group.LATER

    def group_of(self, deadline: Deadline) -> Group:
        return self.group(deadline.due.timestamp(), quiet=deadline.is_quiet or deadline.kind is DeadlineKind.INTERVIEW)


def relative(due: datetime, now: datetime) -> str:
    """'in 5 h', '2 d overdue', 'now': short enough for a card."""
    return relative_seconds((to_utc(due) - to_utc(now)).total_seconds())


def relative_seconds(seconds: float) -> str:
    """`relative` for a due time `seconds` from now (negative: past): timefmt's one rounding."""
    return distance_short(seconds)


def marked_action(deadline: Deadline, action: str | None = None) -> str:
    """'snoozed · send references — Acme' while the deadline is snoozed, else the action as it is: the
    word first, so a narrow card or a cut line never loses it (`action`: a shortened one, e.g. for a card)."""
    text = deadline.action if action is None else action
    return f"snoozed · {text}" if deadline.is_snoozed else text


def short_action(deadline: Deadline) -> str:
    """The action without the company, for a card that already shows it."""
    return without_company(deadline.action, deadline.company)


def without_company(action: str, company: str) -> str:
    """`short_action` for an action's text: "Thank Dana Kim — Acme" is "Thank Dana Kim", and the actions that
    name the company inside ("Reply to Acme: thank them, ask for feedback", "Answer the offer from Acme")
    lose it too: a card cut them to "Reply to Acme: than…", the words that say what to do gone (review V 10)."""
    suffix = f" — {company}"
    if action.endswith(suffix):
        return action[: -len(suffix)]
    if action.endswith(f" from {company}"):
        return action[: -len(f" from {company}")]
    return action.replace(f" to {company}: ", ": ", 1)
