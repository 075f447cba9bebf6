"""The deadline rules: pure functions of (applications, settings, now).

Nothing here is stored: every deadline is derived from the cards each time,
so it can never disagree with them.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum
from typing import Iterable, NamedTuple

from tui.core.businessdays import add_business_days
from tui.core.model import Application, Interviewer, Round
from tui.core.settings import Settings
from tui.core.stages import DirectionKind, Outcome, Stage
from tui.core.timeutil import Zone, local, to_utc


class DeadlineKind(StrEnum):
    THANK_YOU = "thank-you"
    DIRECTION = "direction"
    FOLLOW_UP = "follow-up"
    CLOSE = "close"  # the follow-up limit is reached: suggest closing as no response
    REJECTION_REPLY = "rejection-reply"
    OFFER_REPLY = "offer-reply"
    KEEP_IN_TOUCH = "keep-in-touch"
    QUIET = "quiet"  # not a task: a period in which not to contact them


class Group(StrEnum):
    OVERDUE = "overdue"
    TODAY = "today"
    WEEK = "this week"
    LATER = "later"


class Deadline(NamedTuple):
    """A tuple, not a dataclass: the board builds one per deadline of every card at start-up."""

    app_id: str
    company: str
    kind: DeadlineKind
    due: datetime  # UTC
    action: str  # in words: "Thank Dana Kim — Acme"
    person: str = ""
    ref: str = ""  # the interviewer or direction id it is about
    overdue: bool = False

    @property
    def is_quiet(self) -> bool:
        return self.kind is DeadlineKind.QUIET


def quiet_until(app: Application, now: datetime) -> datetime | None:
    """The end of the latest not-before period still running, if any."""
    ends = [
        d.due for d in app.directions
        if d.kind is DirectionKind.NOT_BEFORE and d.is_open and d.due is not None and d.due > now
    ]
    return max(ends) if ends else None


def next_follow_up(app: Application, settings: Settings, now: datetime) -> datetime | None:
    """When to follow up: the later of 'last contact + wait' and the end of any quiet period.

    When they named a decision date after the last contact, the wait is
    instead that date + 1 business day.
    """
    last = app.last_contact_at()
    if last is None:
        return None
    zone = settings.zone
    due = add_business_days(last, settings.follow_up_business_days, zone)
    if app.decision_by is not None and app.decision_by >= last:
        due = add_business_days(app.decision_by, 1, zone)
    quiet_ends = [
        d.due for d in app.directions
        if d.kind is DirectionKind.NOT_BEFORE and d.is_open and d.due is not None
    ]
    if quiet_ends:
        due = max(due, max(quiet_ends))
    return due


def _still_to_thank(app: Application, settings: Settings, rnd: Round | None = None) -> list[Interviewer]:
    """Interviewers of the latest round (`rnd`, when known) owed a note; only while the card is in
    *interviewed*."""
    if not settings.use_thank_you or app.stage is not Stage.INTERVIEWED:
        return []
    rnd = rnd or app.latest_round
    return [] if rnd is None else [p for p in rnd.interviewers if p.thanked_at is None]


def _follow_up_clock_runs(app: Application, settings: Settings, owed: list[Interviewer]) -> bool:
    """From *thanked* on; in *interviewed* too once nobody is owed a thank-you.

    Thank-you notes switched off, a round with no interviewers recorded, or a
    card moved back by hand after every note went out: none of them must leave
    the card without a next step.
    """
    if app.stage in (Stage.THANKED, Stage.AWAITING, Stage.FOLLOWED_UP):
        return True
    return app.stage is Stage.INTERVIEWED and not owed


def deadlines_for(app: Application, settings: Settings, now: datetime) -> list[Deadline]:
    now = to_utc(now)
    found: list[Deadline] = []

    def add(kind: DeadlineKind, due: datetime, action: str, person: str = "", ref: str = "") -> None:
        due = to_utc(due)
        found.append(Deadline(app.id, app.company, kind, due, action, person, ref,
                              overdue=due < now and kind is not DeadlineKind.QUIET))

    if app.stage is Stage.CLOSED:
        last_reply = max((c.at for c in app.contacts if c.kind in ("rejection-reply", "offer-reply")),
                         default=None)
        answered = last_reply is not None and app.outcome_at is not None and last_reply >= app.outcome_at
        if app.outcome is Outcome.REJECTED and app.outcome_at and not answered:
            add(DeadlineKind.REJECTION_REPLY, app.outcome_at + timedelta(hours=settings.reply_hours),
                f"Reply to {app.company}: thank them, ask for feedback")
        if app.outcome is Outcome.OFFER and app.outcome_at and not answered:
            add(DeadlineKind.OFFER_REPLY, app.outcome_at + timedelta(hours=settings.reply_hours),
                f"Answer the offer from {app.company}")
        if app.keep_in_touch is not None:
            add(DeadlineKind.KEEP_IN_TOUCH, app.keep_in_touch, f"Get back in touch — {app.company}")
        return found

    rnd = app.latest_round
    owed = _still_to_thank(app, settings, rnd)
    if rnd is not None:  # else nobody is owed
        for person in owed:
            add(DeadlineKind.THANK_YOU, rnd.at + timedelta(hours=settings.thank_you_hours),
                f"Thank {person.name} — {app.company}", person.name, person.id)

    for direction in app.directions:
        if direction.kind is DirectionKind.DO_BY and direction.is_open and direction.due is not None:
            add(DeadlineKind.DIRECTION, direction.due, f"{direction.text} — {app.company}", ref=direction.id)

    quiet = quiet_until(app, now)
    if quiet is not None:
        add(DeadlineKind.QUIET, quiet, f"Quiet: don't contact {app.company} before this", ref="")

    if _follow_up_clock_runs(app, settings, owed) and not app.open_tasks():
        due = next_follow_up(app, settings, now)
        if due is not None:
            count = app.follow_up_count
            if count >= settings.follow_up_limit:
                add(DeadlineKind.CLOSE, due, f"No reply after {count} follow-ups: close {app.company} as no response")
            else:
                nth = "follow up" if count == 0 else f"follow up again (#{count + 1})"
                add(DeadlineKind.FOLLOW_UP, due, f"{nth.capitalize()} — {app.company}")
    return found


def all_deadlines(apps: Iterable[Application], settings: Settings, now: datetime) -> list[Deadline]:
    """Every deadline of every card, soonest first."""
    out = [d for app in apps for d in deadlines_for(app, settings, now)]
    out.sort(key=lambda d: (d.due, d.company, d.action))
    return out


def next_deadline(app: Application, settings: Settings, now: datetime) -> Deadline | None:
    """The card's most pressing task (quiet periods are not tasks)."""
    tasks = [d for d in deadlines_for(app, settings, now) if not d.is_quiet]
    return min(tasks, key=lambda d: d.due) if tasks else None


def group_of(deadline: Deadline, now: datetime, zone: Zone) -> Group:
    """Overdue, today (local calendar day), this week (next 7 days), or later.

    Overdue is judged against this `now`, not the one the deadline was made
    with, so a list kept open past a due time still moves it to overdue.
    """
    now = to_utc(now)
    if deadline.due < now and not deadline.is_quiet:
        return Group.OVERDUE
    local_now = local(now, zone)
    if deadline.due.astimezone(zone).date() == local_now.date():
        return Group.TODAY
    if deadline.due < local_now.add(days=7):
        return Group.WEEK
    return Group.LATER


def relative(due: datetime, now: datetime) -> str:
    """'in 5 h', '2 d overdue', 'now': short enough for a card."""
    return relative_seconds((to_utc(due) - to_utc(now)).total_seconds())


def relative_seconds(seconds: float) -> str:
    """`relative` for a due time `seconds` from now (negative: past)."""
    late = seconds < 0
    span = abs(seconds)
    if span < 60:
        return "now"
    if span < 3600:
        amount = f"{int(span // 60)} min"
    elif span < 48 * 3600:
        amount = f"{int(span // 3600)} h"
    elif span < 60 * 86400:
        amount = f"{int(span // 86400)} d"
    else:
        amount = f"{int(span // (7 * 86400))} wk"
    return f"{amount} overdue" if late else f"in {amount}"


def short_action(deadline: Deadline) -> str:
    """The action without the company, for a card that already shows it."""
    return without_company(deadline.action, deadline.company)


def without_company(action: str, company: str) -> str:
    """`short_action` for an action's text."""
    suffix = f" — {company}"
    return action[: -len(suffix)] if action.endswith(suffix) else action
