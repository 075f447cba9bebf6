"""Which reminders to send: a pure function of (applications, settings, now, what was already sent).

`followup remind` runs from a timer while the board is closed. For each
deadline (and each upcoming interview) a channel gets at most two messages:
one once the deadline is within `remind_before`, one once it is overdue; a run
that finds both due for the first time sends one (the overdue one). Outside
`remind_hours` nothing is sent: the next run inside them sends what waited.
What was sent is keyed by (application, kind, ref, due time, stage, channel),
so a deadline that moves (a snooze, a new round) is reminded afresh.

Deadlines come from tui.core.deadlines; an upcoming round (its time still
ahead) is reminded here from the card's rounds, in its own words.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Collection, Iterable, NamedTuple, Sequence

from tui.core.deadline_words import relative, without_company
from tui.core.deadlines import Deadline, DeadlineKind, deadline_order, deadlines_for
from tui.core.model import Application
from tui.core.settings import Settings
from tui.core.stages import round_title
from tui.core.text import shell_word
from tui.core.timefmt import show_time
from tui.core.timeutil import local, to_utc

INTERVIEW = "interview"  # the kind of an upcoming round's reminder
SOON = "soon"  # within remind_before of the due time
OVERDUE = "overdue"
# An overdue deadline older than this gets no message: the first run after a long break must not
# flood the user with last month's tasks (`followup due` and the board still show them).
OVERDUE_HORIZON = timedelta(days=7)
# Sent records of deadlines this long past can no longer matter (see OVERDUE_HORIZON).
KEEP_SENT = timedelta(days=30)


class Reminder(NamedTuple):
    app_id: str
    kind: str  # a DeadlineKind value, or INTERVIEW
    ref: str  # the interviewer, direction or round id it is about
    due: datetime  # UTC
    stage: str  # SOON or OVERDUE
    text: str  # "Thank Dana Kim (Acme) — due in 1 h"
    command: str  # 'followup letter 3b8a1c2d thank-you --interviewer "Dana Kim"'
    when: str  # the due time for people: "Wed 25 Nov 14:00"

    @property
    def body(self) -> str:
        """The whole message: what to do, when, and the command that does it."""
        return f"{self.text}\nDue {self.when}.\n{self.command}\n"

    def sent_key(self, channel: str) -> "SentKey":
        return SentKey(self.app_id, self.kind, self.ref, self.due, self.stage, channel)


class SentKey(NamedTuple):
    """What identifies one message sent: the store keeps one record per key."""

    app_id: str
    kind: str
    ref: str
    due: datetime  # UTC
    stage: str
    channel: str


class Outgoing(NamedTuple):
    channel: str
    reminder: Reminder


def in_remind_hours(settings: Settings, now: datetime) -> bool:
    """Whether `now`, on the user's clock, is inside `remind_hours`."""
    start, end = settings.remind_window
    clock = local(now, settings.zone).time().replace(tzinfo=None)
    return start <= clock < end


def next_opening(settings: Settings, now: datetime) -> datetime:
    """When reminders may next be sent: `now` inside the hours, else the next start of them (UTC)."""
    if in_remind_hours(settings, now):
        return to_utc(now)
    start, _ = settings.remind_window
    today = local(now, settings.zone).set(hour=start.hour, minute=start.minute, second=0, microsecond=0)
    return to_utc(today if today > now else today.add(days=1))




def _command(kind: str, app_id: str, person: str, db: str = "") -> str:
    """The command that does the task (or shows the card, for tasks no command does), on the data
    file `db` when the run used one other than the default: run as printed, it must find the card."""
    followup = f"followup --db {shell_word(db)}" if db else "followup"
    if kind == DeadlineKind.THANK_YOU:
        return f"{followup} letter {app_id} thank-you --interviewer {shell_word(person)}"
    if kind in (DeadlineKind.FOLLOW_UP, DeadlineKind.REJECTION_REPLY, DeadlineKind.OFFER_REPLY):
        return f"{followup} letter {app_id} {kind}"
    if kind == DeadlineKind.CLOSE:
        return f"{followup} close {app_id} no-response"
    return f"{followup} show {app_id}"


def _stage(due: datetime, now: datetime, lead: timedelta, *, passes: bool) -> str | None:
    """SOON, OVERDUE or None (not yet, or too long ago); `passes`: once due it is simply over."""
    if now >= due:
        return None if passes or now - due > OVERDUE_HORIZON else OVERDUE
    return SOON if now >= due - lead else None


def _ids(apps: Sequence[Application]) -> dict[str, str]:
    """Each application's id as the commands write it: the short id, or the whole id if that is shared."""
    counts: dict[str, int] = {}
    for app in apps:
        counts[app.short_id] = counts.get(app.short_id, 0) + 1
    return {app.id: app.short_id if counts[app.short_id] == 1 else app.id for app in apps}


def _when_words(due: datetime, now: datetime, stage: str) -> str:
    words = relative(due, now)  # "in 5 h", "2 h overdue", "now"
    if words == "now":
        return "due now"
    return words if stage == OVERDUE else f"due {words}"


def due_reminders(apps: Iterable[Application], settings: Settings, now: datetime, db: str = "") -> list[Reminder]:
    """Every reminder whose moment has come, ignoring what was sent and the hours, in the order `due`
    lists them (deadlines.deadline_order: soonest, then company, kind and action), so two due at once
    come in the order every other list gives. `db`: the data file's path when it is not the default
    one (the commands printed name it)."""
    now = to_utc(now)
    apps = list(apps)
    ids, lead, zone = _ids(apps), settings.remind_lead, settings.zone
    found: list[tuple[tuple[datetime, str, int, str], Reminder]] = []  # each with its place in deadline_order
    for app in apps:
        # an upcoming round is reminded below, in its own words, and only before it
        deadlines = [d for d in deadlines_for(app, settings, now)
                     if not d.is_quiet and d.kind is not DeadlineKind.INTERVIEW]
        for deadline in deadlines:
            stage = _stage(deadline.due, now, lead, passes=False)
            if stage is None:
                continue
            what = without_company(deadline.action, app.company)
            named = f"{what} ({app.company})" if what != deadline.action else what
            found.append((deadline_order(deadline), Reminder(
                app.id, str(deadline.kind), deadline.ref, deadline.due, stage,
                f"{named} — {_when_words(deadline.due, now, stage)}",
                _command(str(deadline.kind), ids[app.id], deadline.person, db),
                show_time(deadline.due, zone, now),
            )))
        closed_over = app.rounds_closed_over()  # planned before the card was closed: the outcome stands
        for rnd in app.rounds:
            stage = _stage(rnd.at, now, lead, passes=True)
            if stage is None or rnd.id in closed_over:
                continue
            shown = show_time(rnd.at, zone, now)
            text = f"{round_title(rnd.name)} at {app.company} — {relative(rnd.at, now)}, {shown}"
            order = deadline_order(Deadline(app.id, app.company, DeadlineKind.INTERVIEW, rnd.at, text))
            found.append((order, Reminder(app.id, INTERVIEW, rnd.id, rnd.at, stage, text,
                                          _command(INTERVIEW, ids[app.id], "", db), shown)))
    found.sort(key=lambda pair: pair[0])
    return [reminder for _, reminder in found]


def plan(
    apps: Iterable[Application],
    settings: Settings,
    now: datetime,
    sent: Collection[SentKey],
    channels: Sequence[str],
    db: str = "",
) -> list[Outgoing]:
    """What to send now, per channel: nothing outside the reminder hours, nothing twice."""
    if not in_remind_hours(settings, now):
        return []
    return [Outgoing(channel, reminder)
            for reminder in due_reminders(apps, settings, now, db)
            for channel in channels
            if reminder.sent_key(channel) not in sent]
