"""Putting a deadline off: which deadlines are the user's to snooze, the snooze itself, and the snoozes a
later change leaves behind.

One rule for the board's `z` (on a card or a sidebar row) and `followup snooze`: an interview happens at
its time and a quiet period ends at theirs (deadlines.NOT_SNOOZABLE), so neither is snoozed, and a snooze
without a named deadline takes the card's first task in `deadline_order`. A snooze is kept against the
time the rules give the deadline; when a change moves that time the snooze no longer applies, and the
change says so (`lifted_snoozes`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Iterable

from tui.core.changing import changed_copy, log_line
from tui.core.deadline_words import without_company
from tui.core.deadlines import NOT_SNOOZABLE, Deadline, DeadlineKind, deadline_order, deadlines_for
from tui.core.errors import ValidationError
from tui.core.model import Application
from tui.core.parts import Snooze
from tui.core.settings import Settings
from tui.core.timefmt import show_time
from tui.core.timeutil import UTC, Zone, to_utc


def snoozable(deadline: Deadline) -> bool:
    """Whether `deadline` is the user's to put off: an interview happens at its time and a quiet period
    ends at theirs (NOT_SNOOZABLE). The board's `z` and `followup snooze` both ask this."""
    return deadline.kind not in NOT_SNOOZABLE


def next_snoozable(deadlines: Iterable[Deadline]) -> Deadline | None:
    """The deadline a snooze without a named one puts off: the first of the user's own in
    `deadline_order`, the task the card shows (an upcoming interview before it is skipped)."""
    own = [d for d in deadlines if snoozable(d)]
    return min(own, key=deadline_order) if own else None


# Why a deadline is not the user's to put off (NOT_SNOOZABLE), in the words of every "nothing to snooze".
NOT_YOURS = {DeadlineKind.INTERVIEW: "an interview happens at a fixed time",
             DeadlineKind.QUIET: "a quiet period ends when they said"}


def nothing_to_snooze(company: str, there: Iterable[Deadline], *, row: Deadline | None = None) -> str:
    """The one answer when a snooze finds nothing of the user's to put off, on every path (review T #14):
    `followup snooze` without --deadline, the board's `z` on a card (`there`: the card's deadlines, whose
    interviews and quiet periods say why) and `z` on a sidebar row that is one (`row`). A phrase: the
    command line prints it as its error, the board as a sentence."""
    if row is not None:
        return f"{row.action} is not yours to snooze: {NOT_YOURS.get(row.kind, 'it is not a task')}"
    whys = list(dict.fromkeys(NOT_YOURS[d.kind] for d in there if d.kind in NOT_YOURS))
    return f"nothing of yours to snooze on {company}" + (f" ({'; '.join(whys)})" if whys else "")


def check_until(deadline: Deadline, until: datetime, now: datetime, zone: Zone = UTC) -> None:
    """The one rule for a snooze's end, on the board's form and `followup snooze` alike (review Z 1: the
    command took an end already past, which the form refused, and each said "after the deadline" its own
    way). The end must come after the time the rules give the deadline (`rule_due`: a snooze is kept
    against it) and must still be to come. The reason is a phrase that follows how the caller read the
    time: "Sat 28 Nov 07:00 has passed: …" on the form, "--until Sat 28 Nov 07:00 · … has passed: …" here."""
    moment, due = to_utc(until), deadline.rule_due
    if moment <= due:
        where = "is the deadline itself" if moment == due else "is before the deadline"
        raise ValidationError(f"{where}, {show_time(due, zone, now)}: pick a later time")
    if moment <= to_utc(now):
        raise ValidationError("has passed: pick a time still to come")


def lifted_snoozes(before: Application, after: Application, settings: Settings, now: datetime) -> list[Deadline]:
    """The snoozes running on `before` that a change left behind: the deadline is still there on `after`,
    but its rule now gives it another time, so the snooze no longer applies (a decision date moved the
    follow-up before the snooze's end, say). Returned as `before` had them (`due`: the snooze's end), so
    a command or the board can say so: a snooze dropped without a word looked like a deadline come early."""
    if not before.snoozes:
        return []
    running = [d for d in deadlines_for(before, settings, now) if d.is_snoozed]
    if not running:
        return []
    still = {(d.kind, d.ref): d for d in deadlines_for(after, settings, now)}
    return [d for d in running if (d.kind, d.ref) in still and still[(d.kind, d.ref)].snoozed_from is None]


def snooze_deadline(app: Application, deadline: Deadline, until: datetime, *, now: datetime,
                    reason: str = "") -> Application:
    """Put `deadline` (as deadlines_for gives it) off until `until`; the board's `z` and `followup snooze`.

    A deadline snoozed already is named by the rule's own time (`snoozed_from`),
    which is what a snooze is kept against: recorded against the time it was
    put off to, a second snooze matched nothing and the deadline fell back.
    """
    return snooze(app, deadline.kind.value, deadline.rule_due, until, now=now,
                  ref=deadline.ref, reason=reason, what=without_company(deadline.action, app.company))


def snooze(
    app: Application, kind: str, due: datetime, until: datetime, *, now: datetime, ref: str = "",
    reason: str = "", what: str = "",
) -> Application:
    """Put one deadline (named by its kind and ref, as `deadlines.Deadline`) off until `until`.

    A newer snooze of the same deadline replaces the older; one whose `until`
    is not after the deadline is refused (Snooze checks it). Its history line names it in the
    deadline's own words (`what`): "thank-you" alone said neither whose nor which (review V #11).
    """
    entry = Snooze(kind=str(kind), ref=ref, due=due, until=until, reason=reason, at=now)
    new = changed_copy(app, now)
    new.snoozes = [s for s in new.snoozes if (s.kind, s.ref) != (entry.kind, entry.ref)] + [entry]
    named = f"“{what}”" if what else entry.kind
    log_line(new, now, "snooze", f"Snoozed {named} until {entry.until.isoformat()}"
         + (f": {entry.reason}" if entry.reason else ""), deadline=entry.kind, ref=ref,
         until=entry.until.isoformat())
    return new


def snoozed_due(app: Application, deadline: Deadline, until: datetime, settings: Settings,
                now: datetime) -> datetime | None:
    """When `deadline` falls once snoozed until `until`: as `deadlines_for` will give it (working hours
    move a Saturday dawn to Monday's opening), for the snooze form's preview and `followup snooze`'s line,
    which showed the time typed and not the deadline's (review X #3). None when nothing is left to put off."""
    after = snooze_deadline(app, deadline, until, now=now)
    return next((d.due for d in deadlines_for(after, settings, now)
                 if (d.kind, d.ref) == (deadline.kind, deadline.ref)), None)
