"""The deadline rules: pure functions of (applications, settings, now).

Nothing here is stored: every deadline is derived from the cards each time,
so it can never disagree with them. The rules, as a careful person keeps them:

  - thank-you: the round's time + `thank_you_hours`, exactly (any time of day),
    once the round has taken place; an upcoming round is a deadline of its own
    kind ("interview") at its time, and nothing else waits on it;
  - every other deadline falls inside working hours (`work_hours`) on a business
    day (no weekend, no public holiday of `holidays`), moved forward to the next
    opening when the rule lands outside them;
  - a do-by direction without a time is due at the end of working hours that day;
    a closed card keeps its do-bys only while its outcome is an offer (the answer
    is still the user's to give: "answer by Monday", promised when asking for time)
    or accepted (references, a call about the start date are owed after accepting:
    review R5 #2); a rejection, a withdrawal or no response ends them.
    "Without a time" is a due at 00:00 local time exactly: what an import or a
    bare ISO date gives. Forms and commands read a do-by typed without a time
    with the end of working hours as its time, and a quiet period's date with
    their start (`direction_default_time`), so what is stored is what is shown;
  - the next follow-up is due `follow_up_business_days` after the latest of our
    last letter, their last reply, the last round that took place, their
    last decision (an offer or a rejection, kept when the card is reopened)
    and the last do-by with a date we did (`last_move`),
    counted from the next opening of working hours (`WorkCalendar.wait_after`);
    a decision date they gave: one business day after it; never inside a
    quiet period; no follow-up while a round is still to come, nor while a do-by
    with a date is open (the next move is the user's, by then). A do-by without a
    date holds nothing back: it gives no time to wait for, and would hide the
    follow-up for good (review R5 #1);
  - the reply to a rejection or an offer is due `reply_hours` after it, and a
    keep-in-touch at its date, both after any quiet period, which a closed card
    still shows while it runs (any word to them waits for it);
  - a snooze (parts.Snooze) moves a deadline to its `until` while the rules still
    give that deadline the due time it was snoozed at; a rule that moves the
    deadline leaves the snooze behind. Until `until` the deadline is snoozed
    and says so (`Deadline.is_snoozed`, `reason`), so an overdue thank-you is
    never hidden silently; from `until` on it is due then, like any other (one
    put off to Monday 10:00 is "1 h overdue" at 11:00, and no longer "snoozed").
    `Deadline.due` is this effective time for every screen and command alike.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import Iterable, NamedTuple

import msgspec

from tui.core.businessdays import WorkCalendar
from tui.core.model import Application, stage_after_round
from tui.core.parts import Interviewer, Round, decoding_stored
from tui.core.settings import Settings
from tui.core.stages import DirectionKind, LetterKind, Outcome, Stage, own_round_name
from tui.core.timefmt import show_day, show_soon, show_time
from tui.core.timeutil import Zone, to_utc


class DeadlineKind(StrEnum):
    THANK_YOU = "thank-you"
    DIRECTION = "direction"
    FOLLOW_UP = "follow-up"
    CLOSE = "close"  # the follow-up limit is reached: suggest closing as no response
    REJECTION_REPLY = "rejection-reply"
    OFFER_REPLY = "offer-reply"
    KEEP_IN_TOUCH = "keep-in-touch"
    INTERVIEW = "interview"  # an upcoming round: not a task, but the next thing that happens
    QUIET = "quiet"  # not a task: a period in which not to contact them


# What cannot be snoozed: the time of an interview and the end of a quiet period are theirs, not ours.
NOT_SNOOZABLE = frozenset({DeadlineKind.INTERVIEW, DeadlineKind.QUIET})


class Deadline(NamedTuple):
    """A tuple, not a dataclass: the board builds one per deadline of every card at start-up."""

    app_id: str
    company: str
    kind: DeadlineKind
    due: datetime  # UTC, the effective due time: a snoozed deadline's is its snooze's end, ended or not
    action: str  # in words: "Thank Dana Kim — Acme"
    person: str = ""
    ref: str = ""  # the interviewer, direction or round id it is about
    overdue: bool = False
    snoozed_from: datetime | None = None  # when a snooze moved it (running or ended): the due time the rules give
    reason: str = ""  # the snooze's reason, if any
    snoozed: bool = False  # the snooze is still running at the `now` it was made with

    @property
    def is_quiet(self) -> bool:
        return self.kind is DeadlineKind.QUIET

    @property
    def is_snoozed(self) -> bool:
        """Put off by a snooze that has not ended: what says "snoozed" on every screen. An ended snooze
        still sets the due time (its end), but the deadline is then simply due, or overdue."""
        return self.snoozed

    @property
    def rule_due(self) -> datetime:
        """The due time the rules give, before any snooze: what names the deadline to a new snooze."""
        return self.snoozed_from or self.due


@lru_cache(maxsize=16)
def _calendar(zone: Zone, work_hours: str, holidays: str) -> WorkCalendar:
    from tui.core.settings import read_hours

    start, end = read_hours(work_hours)
    if not holidays:
        return WorkCalendar(zone, start, end)
    from tui.core.holidays import calendar  # imports the holiday library: only when a calendar is set

    return WorkCalendar(zone, start, end, calendar(holidays))


_last_calendar: tuple[Settings, WorkCalendar] | None = None


def work_calendar(settings: Settings) -> WorkCalendar:
    """The user's working week, made once per settings (the holiday calendar is costly to build).

    The last one is kept by identity: the board asks once per card with the same settings, and
    hashing the zone and hours for the cache cost ~3 µs a card."""
    global _last_calendar
    if _last_calendar is not None and _last_calendar[0] is settings:
        return _last_calendar[1]
    work = _calendar(settings.zone, settings.work_hours, settings.holidays)
    _last_calendar = (settings, work)
    return work


def direction_default_time(settings: Settings, kind: DirectionKind) -> time:
    """The time a direction's date typed without one is read with, by the form and the command alike: a
    quiet period (not-before) ends as working hours start that day, a do-by is due as they end."""
    start, end = settings.work_window
    return start if kind is DirectionKind.NOT_BEFORE else end


def quiet_until(app: Application, now: datetime) -> datetime | None:
    """The end of the latest not-before period still running, if any."""
    ends = [
        d.due for d in app.directions
        if d.kind is DirectionKind.NOT_BEFORE and d.is_open and d.due is not None and d.due > now
    ]
    return max(ends) if ends else None


def last_move(app: Application, now: datetime) -> datetime | None:
    """The latest of our last letter, their last reply, the last round that took place, their last
    decision (an offer or a rejection, also one the card was reopened after) and the last do-by with a
    date we did (the references sent: a follow-up the same minute, "3 days overdue", told the user to
    chase them at once, review T1 2): the wait for the next follow-up starts here."""
    now = to_utc(now)
    times = [r.at for r in app.rounds if r.at <= now] + [c.at for c in app.contacts]
    times += [d.done_at for d in app.directions if d.done_at is not None and d.due is not None
              and d.kind is DirectionKind.DO_BY and d.done_at <= now]
    decided = app.latest_decision_at()
    if decided is not None and decided <= now:
        times.append(decided)
    return max(times) if times else None


def upcoming_rounds(app: Application, now: datetime) -> list[Round]:
    """The rounds still to come, soonest first. On a closed card only those recorded since its close
    (invited back after all): the ones it was closed over stay behind its outcome
    (`Application.rounds_closed_over`), for its deadlines and the calendar alike."""
    now = to_utc(now)
    ahead = [r for r in app.rounds if r.at > now]
    if ahead and app.stage is Stage.CLOSED:
        closed_over = app.rounds_closed_over()
        ahead = [r for r in ahead if r.id not in closed_over]
    return sorted(ahead, key=lambda r: r.at)


def next_follow_up(app: Application, settings: Settings, now: datetime) -> datetime | None:
    """When to follow up (see the module's rules), inside working hours; None while a round is to come."""
    if upcoming_rounds(app, now):
        return None
    return _follow_up_due(app, settings, now, work_calendar(settings))


def _follow_up_due(app: Application, settings: Settings, now: datetime, work: WorkCalendar) -> datetime | None:
    """`next_follow_up` for a card with no round to come."""
    last = last_move(app, now)
    if last is None:
        return None
    due = work.wait_after(last, settings.follow_up_business_days)
    if app.decision_by is not None and app.decision_by >= last:
        due = work.wait_after(app.decision_by, 1)
    return work.next_opening(_after_quiet(app, due))  # `due` is in working hours already: a quiet end moves it


def _after_quiet(app: Application, due: datetime) -> datetime:
    """`due`, or the end of the latest open quiet period when that is later: every contact the rules ask
    for (a follow-up, the reply to a rejection or an offer) waits for it, as the letter's warning says."""
    ends = [d.due for d in app.directions
            if d.kind is DirectionKind.NOT_BEFORE and d.is_open and d.due is not None]
    return max([due, *ends])


def keep_in_touch_due(app: Application, settings: Settings, when: datetime | None = None) -> datetime | None:
    """When the keep-in-touch deadline of `when` (default: the card's date) falls: after any quiet period,
    inside working hours, before any snooze. `followup close`, `show` and the close form's preview say
    this time, the one the deadline has: the date as typed (a Sunday dawn) was never the deadline."""
    when = app.keep_in_touch if when is None else when
    if when is None:
        return None
    return work_calendar(settings).next_opening(_after_quiet(app, to_utc(when)))


def _still_to_thank(app: Application, settings: Settings, rnd: Round | None) -> list[Interviewer]:
    """Interviewers of the round the notes are for (`rnd`: Application.thank_you_round) owed a note; only
    while the card is in *interviewed*."""
    if not settings.use_thank_you or app.stage is not Stage.INTERVIEWED or rnd is None:
        return []
    return [p for p in rnd.interviewers if p.thanked_at is None]


def _follow_up_clock_runs(app: Application, settings: Settings, owed: list[Interviewer]) -> bool:
    """From *thanked* on; in *interviewed* too once nobody is owed a thank-you.

    Thank-you notes switched off, a round with no interviewers recorded, or a
    card moved back by hand after every note went out: none of them must leave
    the card without a next step.
    """
    if app.stage in (Stage.THANKED, Stage.AWAITING, Stage.FOLLOWED_UP):
        return True
    return app.stage is Stage.INTERVIEWED and not owed


def _dated_task_open(app: Application) -> bool:
    """Whether an open do-by with a date holds the follow-up back (see the module's rules)."""
    return any(d.due is not None for d in app.open_tasks())


def do_by_due(due: datetime, work: WorkCalendar) -> datetime:
    """A do-by's deadline: the time asked (`asked_by`), moved to the next opening of working hours."""
    return work.next_opening(asked_by(due, work))


def asked_by(due: datetime, work: WorkCalendar) -> datetime:
    """A do-by's time as the recruiter gave it: at local midnight it has none, so the end of working
    hours that day."""
    wall = due.astimezone(work.zone)
    if (wall.hour, wall.minute, wall.second, wall.microsecond) == (0, 0, 0, 0):
        return work.end_of_day(wall.date())
    return due


def _as_caught_up(app: Application, now: datetime, settings: Settings) -> Application:
    """The card as `actions.catch_up` would leave it (a round just held counts as held), without the
    history line: a shallow copy with the stage it would have, only when it would move."""
    if app.pending_round(now) is None:
        return app
    with decoding_stored():  # (replace runs __post_init__: the copy of a valid card needs no check, as in copied)
        return msgspec.structs.replace(app, stage=stage_after_round(app, settings.use_thank_you), outcome=None,
                                       outcome_at=None)


def _interview(rnd: Round, app: Application, settings: Settings, now: datetime) -> str:
    """'interview Tue 14:00 — Acme', or '… (Onsite) — Acme' for a round with a name of its own."""
    own = own_round_name(rnd.name)
    name = f" ({own})" if own else ""
    return f"interview {show_soon(rnd.at, settings.zone, now)}{name} — {app.company}"


_REPLIES = frozenset({LetterKind.REJECTION_REPLY, LetterKind.OFFER_REPLY})  # the letters that answer an outcome
# The outcomes after which what we must do by a date stands: an offer (the answer is still ours to give)
# and an acceptance (references, the start date); the others end the process, and the tasks with it.
_KEEPS_DO_BYS = frozenset({Outcome.OFFER, Outcome.ACCEPTED})


def deadlines_for(app: Application, settings: Settings, now: datetime) -> list[Deadline]:
    now = to_utc(now)
    app = _as_caught_up(app, now, settings)
    work = work_calendar(settings)
    snoozes = {(s.kind, s.ref): s for s in app.snoozes} if app.snoozes else None
    found: list[Deadline] = []

    def add(kind: DeadlineKind, due: datetime, action: str, person: str = "", ref: str = "",
            *, working: bool = True) -> None:
        due = to_utc(due)
        if working:
            due = work.next_opening(due)
        snoozed_from, reason, running = None, "", False
        snooze = snoozes.get((kind, ref)) if snoozes else None  # a StrEnum is its value as a key
        if snooze is not None and snooze.due == due and snooze.until > due:
            snoozed_from, reason = due, snooze.reason
            due = work.next_opening(snooze.until) if working else snooze.until
            running = now < due
        found.append(Deadline(app.id, app.company, kind, due, action, person, ref,
                              due < now and kind not in NOT_SNOOZABLE, snoozed_from, reason, running))

    def add_do_bys() -> None:
        for direction in app.directions:
            if direction.kind is DirectionKind.DO_BY and direction.is_open and direction.due is not None:
                add(DeadlineKind.DIRECTION, do_by_due(direction.due, work), f"{direction.text} — {app.company}",
                    ref=direction.id)

    quiet = quiet_until(app, now)
    if quiet is not None:  # on a closed card too: the reply, a keep-in-touch, any word to them waits for it
        wall = quiet.astimezone(settings.zone)  # the day alone when the period ends as it begins
        day = (show_day if (wall.hour, wall.minute) == (0, 0) else show_time)(quiet, settings.zone, now)
        add(DeadlineKind.QUIET, quiet, f"Quiet: don't contact {app.company} before {day}", ref="", working=False)

    if app.stage is Stage.CLOSED:
        if app.outcome in _KEEPS_DO_BYS:
            add_do_bys()
        last_reply = max((c.at for c in app.contacts if c.kind in _REPLIES), default=None)
        answered = last_reply is not None and app.outcome_at is not None and last_reply >= app.outcome_at
        if app.outcome is Outcome.REJECTED and app.outcome_at and not answered:
            add(DeadlineKind.REJECTION_REPLY, _after_quiet(app, app.outcome_at + timedelta(hours=settings.reply_hours)),
                f"Reply to {app.company}: thank them, ask for feedback")
        if app.outcome is Outcome.OFFER and app.outcome_at and not answered:
            add(DeadlineKind.OFFER_REPLY, _after_quiet(app, app.outcome_at + timedelta(hours=settings.reply_hours)),
                f"Answer the offer from {app.company}")
        keep = keep_in_touch_due(app, settings)
        if keep is not None:
            add(DeadlineKind.KEEP_IN_TOUCH, keep, f"Get back in touch — {app.company}")
        for rnd in upcoming_rounds(app, now):  # recorded since the close: invited back after all
            add(DeadlineKind.INTERVIEW, rnd.at, _interview(rnd, app, settings, now), ref=rnd.id, working=False)
        return found

    upcoming = upcoming_rounds(app, now)
    for rnd in upcoming:
        add(DeadlineKind.INTERVIEW, rnd.at, _interview(rnd, app, settings, now), ref=rnd.id, working=False)

    held = app.thank_you_round(now)
    owed = _still_to_thank(app, settings, held)
    if held is not None:  # else nobody is owed
        for person in owed:
            add(DeadlineKind.THANK_YOU, held.at + timedelta(hours=settings.thank_you_hours),
                f"Thank {person.name} — {app.company}", person.name, person.id, working=False)

    add_do_bys()

    if _follow_up_clock_runs(app, settings, owed) and not upcoming and not _dated_task_open(app):
        due = _follow_up_due(app, settings, now, work)
        if due is not None:
            count = app.follow_up_count
            if count >= settings.follow_up_limit:
                add(DeadlineKind.CLOSE, due, f"No reply after {count} follow-ups: close {app.company} as no response")
            else:
                nth = "follow up" if count == 0 else f"follow up again (#{count + 1})"
                add(DeadlineKind.FOLLOW_UP, due, f"{nth.capitalize()} — {app.company}")
    return found


_KIND_RANK = {kind: rank for rank, kind in enumerate(DeadlineKind)}  # the order the kinds are declared in


def deadline_order(deadline: Deadline) -> tuple[datetime, str, int, str]:
    """The one order of deadlines: soonest first, then by company, then by kind as DeadlineKind lists them
    (the reply a rejection asks for before a keep-in-touch due with it, review X4 #5), then by action
    ("Thank Lin Wu" before "Thank Sam Ray" when both are due at once). The sidebar's rows
    (sidebar.make_entry), the card's task (cards.card_view), `followup list` and `followup due` all
    follow it, so the card names the person the sidebar lists first."""
    return (deadline.due, deadline.company, _KIND_RANK[deadline.kind], deadline.action)


def all_deadlines(apps: Iterable[Application], settings: Settings, now: datetime) -> list[Deadline]:
    """Every deadline of every card, in `deadline_order`."""
    out = [d for app in apps for d in deadlines_for(app, settings, now)]
    out.sort(key=deadline_order)
    return out


def next_deadline(app: Application, settings: Settings, now: datetime) -> Deadline | None:
    """The card's most pressing task (quiet periods are not tasks): the first in `deadline_order`."""
    tasks = [d for d in deadlines_for(app, settings, now) if not d.is_quiet]
    return min(tasks, key=deadline_order) if tasks else None


def aged_between(app: Application, since: datetime, until: datetime) -> bool:
    """Whether time alone changed the card's deadlines between `since` and `until` (a later `now`).

    A round taking place (its interview gives way to thank-yous), a quiet
    period or a snooze ending: the board, which works deadlines out when a
    card changes, works them out again for these cards on each tick, and
    only for them (at 10,000 cards, all of them would hold the keys ~0.25 s).
    """
    since, until = to_utc(since), to_utc(until)
    return (any(since < r.at <= until for r in app.rounds)
            or any(since < s.until <= until for s in app.snoozes)
            or any(d.due is not None and since < d.due <= until
                   for d in app.directions if d.kind is DirectionKind.NOT_BEFORE))
