"""Every change to an application, as a pure function: (app, ..., now) -> new app.

The input is never mutated, so the caller can keep it for undo. Each change
writes its line into the history, and the stage rules (all thanked -> thanked,
nothing left on our side -> awaiting, a follow-up sent -> followed-up, an
outcome -> closed, a new round -> interviewed) live here and nowhere else.
"""

from __future__ import annotations

import copy
from datetime import datetime
from typing import TYPE_CHECKING, Any, Iterable

from tui.core.errors import ValidationError
from tui.core.history_facts import mark_redone, mark_undone
from tui.core.model import Application, copied, stage_after_round
from tui.core.parts import Contact, Direction, Event, Interviewer, Round, Snooze, holds
from tui.core.stages import DEFAULT_ROUND_NAME, DirectionChange, DirectionKind, LetterKind, Outcome, Stage
from tui.core.timefmt import show_time, understood
from tui.core.timeutil import UTC, Zone, to_utc

if TYPE_CHECKING:
    from tui.core.deadlines import Deadline

NOTES_EDIT_COALESCE_MINUTES = 30


def _copy(app: Application, now: datetime) -> Application:
    new = copied(app)
    new.updated_at = to_utc(now)
    return new


def _log(app: Application, when: datetime, kind: str, text: str, **data: Any) -> None:
    """Write a history line at `when`, in time order.

    The rule for a fact dated earlier than it is typed in (a note sent this
    morning, a reply yesterday, an outcome on Monday): its line is logged at
    the time it happened, which is what the statistics count, and goes where
    that time puts it (after the lines of the same moment), so the history
    reads in order. `updated_at` stays the time the record was changed (`_copy`).
    """
    moment = to_utc(when)
    history = app.history
    position = len(history)
    while position and (logged := history[position - 1].at) is not None and logged > moment:
        position -= 1
    history.insert(position, Event(at=moment, kind=kind, text=text, data=data))


def _last_stage_line(app: Application) -> Event | None:
    return next((e for e in reversed(app.history) if e.kind == "stage" and holds(e)), None)


def _with_cleared(why: str, cleared: Outcome | None) -> str:
    """A stage line's reason, saying so when the move cleared the card's outcome (one line, not two)."""
    return f"{why}; outcome “{cleared.label}” cleared" if cleared is not None else why


def _set_stage(app: Application, stage: Stage, at: datetime, why: str, *, cleared: Outcome | None = None) -> None:
    """Move the card, logged at `at` (when what moved it happened), but never before its latest stage
    line: a card cannot leave a stage before it entered it, and the stays are read from these lines.
    `cleared`: the outcome a reopened card had, which the same line says is gone (one line, not two)."""
    if app.stage is stage:
        return
    before = app.stage
    app.stage = stage
    at = to_utc(at)
    last = _last_stage_line(app)
    if last is not None and last.at is not None and last.at > at:
        at = last.at
    _log(app, at, "stage", f"{before.label} → {stage.label} ({_with_cleared(why, cleared)})",
         **{"from": before.value, "to": stage.value, "why": why})


def round_line(rnd: Round, now: datetime) -> str:
    upcoming = "Upcoming round" if rnd.at > to_utc(now) else "Round"
    return f"{upcoming} “{rnd.name}” on {rnd.at.isoformat()}"  # exact: shown in the reader's zone (readable)


def new_application(
    company: str,
    role: str,
    *,
    now: datetime,
    round_name: str = DEFAULT_ROUND_NAME,
    round_at: datetime | None = None,
    interviewers: Iterable[Interviewer] = (),
    notes: str = "",
    recruiter: str = "",
    use_thank_you: bool = True,
) -> Application:
    """A new card. Its round, when already held, puts it in *interviewed* (see `_after_round`); a card
    whose only round is still to come waits in *awaiting* until then (`catch_up` moves it)."""
    app = Application(company=company, role=role, notes=notes or "", recruiter=recruiter or "")
    app.created_at = app.updated_at = to_utc(now)
    _log(app, now, "created", f"Added {app.company} — {app.role}")
    if round_at is not None:
        rnd = Round(name=round_name or DEFAULT_ROUND_NAME, at=round_at, interviewers=list(interviewers))
        app.rounds.append(rnd)
        _log(app, now, "round", round_line(rnd, now), round=rnd.id)
        app.stage = Stage.AWAITING if rnd.at > to_utc(now) else stage_after_round(app, use_thank_you)
    return app


def undo(before: Application, current: Application | None, label: str, *, now: datetime) -> Application:
    """`before` again, the card as it was before the step called `label`, with the history of `current`
    (the card now; None when the step deleted it): every line kept as a record, the step's own lines
    marked undone so nothing counts them (parts.holds), and one saying what was undone."""
    restored = copied(before)
    history = current.history if current is not None else restored.history
    restored.history = mark_undone(history, before.history)
    restored.history.append(Event(to_utc(now), "undo", f"Undid: {label}"))
    restored.updated_at = to_utc(now)
    return restored


def redo(after: Application, current: Application | None, label: str, *, now: datetime) -> Application:
    """`after` again, the card as the step called `label` left it, undone since: with the history of
    `current` (the card as the undo left it; None when the undo took the card away), the step's lines
    holding again, and one line saying it was redone."""
    restored = copied(after)
    if current is not None:
        restored.history = mark_redone(current.history, after.history)
    restored.history.append(Event(to_utc(now), "undo", f"Redid: {label}"))
    restored.updated_at = to_utc(now)
    return restored


def move(app: Application, stage: Stage | str, *, now: datetime, why: str = "moved by hand") -> Application:
    target = Stage.parse(stage)
    new = _copy(app, now)
    cleared = None
    if target is not Stage.CLOSED and new.outcome is not None:
        cleared, new.outcome, new.outcome_at = new.outcome, None, None
    _set_stage(new, target, now, why, cleared=cleared)
    return settle_promised_answer(new, now=now)


# The do-by an ask-for-time letter leaves on the card (letter_checks.record_offer_answer): the answer it
# promised, by its date (the sidebar adds the company).
PROMISED_ANSWER = "Give your answer on the offer (promised in your letter)"


def promised_answers(app: Application) -> list[Direction]:
    """The card's open promises to answer its offer (PROMISED_ANSWER do-bys)."""
    return [direction for direction in app.open_tasks() if direction.text == PROMISED_ANSWER]


def settle_promised_answer(app: Application, *, now: datetime) -> Application:
    """The promise to answer the offer is kept once the offer is answered by any path: an outcome other
    than the offer recorded, or the card reopened. Left open, it would come back with the next offer
    (or show on a card that has none)."""
    if app.stage is Stage.CLOSED and app.outcome is Outcome.OFFER:
        return app
    new = app
    for direction in promised_answers(app):
        new = set_direction_done(new, direction.id, now=now)
    return new


def edit(app: Application, *, now: datetime, **fields: Any) -> Application:
    """Change plain fields (company, role, recruiter, pitch, posting, decision_by, keep_in_touch)."""
    allowed = {"company", "role", "recruiter", "pitch", "posting", "decision_by", "keep_in_touch"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValidationError(f"cannot edit {', '.join(sorted(unknown))}: editable are {', '.join(sorted(allowed))}")
    new = _copy(app, now)
    changed = []
    for name, value in fields.items():
        if name in {"decision_by", "keep_in_touch"} and value is not None:
            value = to_utc(value)
        if getattr(new, name) != value:
            setattr(new, name, value)
            changed.append(name)
    new.__post_init__()  # re-validate
    if changed:
        _log(new, now, "edit", "Edited " + ", ".join(n.replace("_", " ") for n in changed))
    return new


def set_notes(app: Application, text: str, *, now: datetime) -> Application:
    """Notes are saved as the user types; the history keeps one line per editing session."""
    new = _copy(app, now)
    new.notes = text
    last = new.history[-1] if new.history else None
    if last is not None and last.kind == "notes" and last.at is not None and (
        to_utc(now) - last.at
    ).total_seconds() < NOTES_EDIT_COALESCE_MINUTES * 60:
        last.at = to_utc(now)
    else:
        _log(new, now, "notes", "Edited notes")
    return new


def add_round(
    app: Application, name: str, at: datetime, interviewers: Iterable[Interviewer] = (), *, now: datetime,
    use_thank_you: bool = True,
) -> Application:
    """A round that took place moves the card (`model.stage_after_round`) and reopens a closed one, the move
    logged at the round's time (as `catch_up` logs a round whose time came): a round entered days later
    still ends the stay before it then. An upcoming round (`at` after `now`) leaves the card where it is
    until its time comes."""
    new = _copy(app, now)
    rnd = Round(name=name, at=at, interviewers=list(interviewers))
    new.rounds.append(rnd)
    _log(new, now, "round", round_line(rnd, now), round=rnd.id)
    if rnd.at <= to_utc(now):
        _after_round(new, rnd.at, "new round", use_thank_you)
    return new


def _after_round(app: Application, at: datetime, why: str, use_thank_you: bool) -> None:
    """A round that took place (at `at`) reopens a closed card and moves it on (`model.stage_after_round`)."""
    cleared = app.outcome if app.stage is Stage.CLOSED else None
    app.outcome, app.outcome_at = None, None
    _set_stage(app, stage_after_round(app, use_thank_you), at, why, cleared=cleared)


def catch_up(app: Application, now: datetime, *, use_thank_you: bool = True) -> Application:
    """Apply what time alone changed: an upcoming round whose time has passed moves the card as a new
    round would, recorded in the history at the round's time.

    Returns `app` itself when nothing is due, so a caller can tell (by identity)
    whether there is anything to save; the board and the command line apply it
    to the cards they load, and the deadline rules read cards through it.
    The new card is a new record with a new history list, sharing the rounds,
    contacts and the rest, which it leaves as they were, with `app` (every
    action copies a card before changing it): a command reading a big file may
    catch up hundreds of cards, and a deep copy costs as much as decoding one.
    """
    created = app.created_at
    if created is not None:  # a command catches up every card it reads: most have nothing to look up
        for held in app.rounds:
            if held.at > created:
                break
        else:
            return app  # every round was recorded with the card, so none was upcoming (pending_round)
    rnd = app.pending_round(now)
    if rnd is None:
        return app
    new = copy.copy(app)
    new.updated_at, new.history = to_utc(now), list(app.history)
    new.outcome, new.outcome_at = None, None  # as _after_round, with a line of its own at the round's time
    before, target = new.stage, stage_after_round(new, use_thank_you)
    new.stage = target
    why = f"round “{rnd.name}” took place"
    # a stage line even when the stage stays (moved by hand before the round): it marks the round caught up
    said = _with_cleared(why, app.outcome)
    text = f"{before.label} → {target.label} ({said})" if before is not target else said[:1].upper() + said[1:]
    event = Event(at=rnd.at, kind="stage", text=text,
                  data={"from": before.value, "to": target.value, "why": why, "round": rnd.id})
    position = next((i for i, e in enumerate(new.history) if e.at is not None and e.at > rnd.at), len(new.history))
    new.history.insert(position, event)  # the history stays in time order
    return new


def update_round(
    app: Application, round_id: str, *, now: datetime, name: str | None = None,
    at: datetime | None = None, interviewers: list[Interviewer] | None = None, use_thank_you: bool = True,
    said: str = "",
) -> Application:
    """Edit a round; an upcoming round moved to a time already past moves the card as a new round does.
    `said`: the history line in the caller's words when it knows what changed ("Added Dana Kim to round
    …"), instead of the plain "Edited round …"."""
    new = _copy(app, now)
    rnd = new.find_round(round_id)
    # a round the card was closed over stays behind its outcome, whatever its time is edited to
    was_upcoming = rnd.at > to_utc(now) and round_id not in app.rounds_closed_over()
    if name is not None:
        rnd.name = name
    if at is not None:
        rnd.at = at
    if interviewers is not None:
        rnd.interviewers = list(interviewers)
    rnd.__post_init__()
    _log(new, now, "edit", said or f"Edited round “{rnd.name}”", round=rnd.id)
    if was_upcoming and rnd.at <= to_utc(now) and rnd is new.latest_round:
        _after_round(new, now, "the round took place", use_thank_you)
    elif interviewers is not None and rnd is new.thank_you_round(now):
        _rethank(app, new, rnd, now)
    return new


def _rethank(before: Application, app: Application, rnd: Round, now: datetime) -> None:
    """The people of the round the notes are for changed: the thank-you rule applies again, as to a tick.

    Someone added who is owed a note takes a card the rule put in *thanked* back to *interviewed*
    (where their thank-you deadline is derived); the last one owed a note taken off the round moves
    the card on to *thanked*, as thanking them would have. A card moved by hand stays (set_thanked)."""
    if _all_thanked(rnd) and app.stage is Stage.INTERVIEWED and not _all_thanked(before.thank_you_round(now)):
        _set_stage(app, Stage.THANKED, now, ALL_THANKED)
    elif not _all_thanked(rnd) and _moved_by_thank_rule(app):
        owed = ", ".join(p.name for p in rnd.interviewers if p.thanked_at is None)
        _set_stage(app, Stage.INTERVIEWED, now, f"{owed} not thanked yet")


def remove_round(app: Application, round_id: str, *, now: datetime) -> Application:
    new = _copy(app, now)
    rnd = new.find_round(round_id)
    new.rounds.remove(rnd)
    _log(new, now, "edit", f"Removed round “{rnd.name}”", round=rnd.id)
    return new


def _all_thanked(rnd: Round | None) -> bool:
    return rnd is not None and bool(rnd.interviewers) and all(i.thanked_at for i in rnd.interviewers)


ALL_THANKED = "every interviewer thanked"  # the why of the stage line the thank-you rule writes


def _moved_by_thank_rule(app: Application) -> bool:
    """The card is in *thanked* because the last note went out, and has not been moved since."""
    line = _last_stage_line(app)
    return (app.stage is Stage.THANKED and line is not None and line.data.get("to") == Stage.THANKED.value
            and line.data.get("why") == ALL_THANKED)


def set_thanked(
    app: Application, interviewer_id: str, thanked: bool = True, *, now: datetime, at: datetime | None = None
) -> Application:
    """Mark one interviewer thanked (or not), at `at` (default: now); thanking the last of the round the notes
    are for (Application.thank_you_round) moves the card to *thanked*, logged at the latest of that round's
    thank-you times (notes typed in out of order, back-dated: the stay in *interviewed* ends with the last).

    Unmarking undoes what marking did: when the card is in *thanked* because the
    rule put it there (its last stage line is the rule's), it goes back to
    *interviewed*, where the thank-you deadline for that person is derived again.
    A card the user moved to *thanked* by hand, or that has moved on since, stays
    where it is: that move was the user's word (PRODUCT: "or the user skips
    thank-you notes"), and a later stage says more than an unticked box.
    """
    new = _copy(app, now)
    rnd, person = new.find_interviewer(interviewer_id)
    if thanked:
        moment = person.thanked_at = to_utc(at or now)
        _log(new, moment, "thanked", f"Thanked {person.name}", interviewer=person.id)
        if new.stage is Stage.INTERVIEWED and rnd is new.thank_you_round(now) and _all_thanked(rnd):
            # the card moves when the last note of the round went out, whatever order they were typed in
            last_note = max(p.thanked_at for p in rnd.interviewers if p.thanked_at is not None)
            _set_stage(new, Stage.THANKED, last_note, ALL_THANKED)
    else:
        was_thanked = person.thanked_at is not None
        person.thanked_at = None
        _log(new, now, "thanked", f"Unmarked thank-you to {person.name}", interviewer=person.id)
        if was_thanked and rnd is new.thank_you_round(now) and _moved_by_thank_rule(new):
            _set_stage(new, Stage.INTERVIEWED, now, f"thank-you to {person.name} unmarked")
    return new


def add_direction(
    app: Application, text: str, kind: DirectionKind | str = DirectionKind.DO_BY,
    due: datetime | None = None, *, now: datetime,
) -> Application:
    new = _copy(app, now)
    direction = Direction(text=text, kind=DirectionKind.parse(kind), due=due)
    new.directions.append(direction)
    bound = "until" if direction.kind is DirectionKind.NOT_BEFORE else "by"
    when = f" {bound} {direction.due.isoformat()}" if direction.due else ""
    _log(new, now, "direction", f"Direction ({direction.kind.value}): {direction.text}{when}",
         direction=direction.id, change=DirectionChange.ADDED.value)
    return new


def remove_direction(app: Application, direction_id: str, *, now: datetime) -> Application:
    new = _copy(app, now)
    direction = new.find_direction(direction_id)
    new.directions.remove(direction)
    _log(new, now, "direction", f"Removed direction: {direction.text}", direction=direction.id,
         change=DirectionChange.REMOVED.value)
    return new


def set_direction_done(
    app: Application, direction_id: str, done: bool = True, *, now: datetime
) -> Application:
    """Marking the last open do-by done in *thanked* hands the ball to them: *awaiting*.

    A direction already so (done again, reopened while open) is no change: `app` itself comes back,
    with no history line, so a caller can tell by identity that there is nothing to save.
    """
    if (app.find_direction(direction_id).done_at is not None) is done:
        return app
    new = _copy(app, now)
    direction = new.find_direction(direction_id)
    direction.done_at = to_utc(now) if done else None
    verb = "Done" if done else "Reopened"
    _log(new, now, "direction", f"{verb}: {direction.text}", direction=direction.id,
         change=(DirectionChange.DONE if done else DirectionChange.REOPENED).value)
    if done and new.stage is Stage.THANKED and not new.open_tasks():
        _set_stage(new, Stage.AWAITING, now, "nothing left on our side")
    return new


def record_contact(
    app: Application, kind: str, *, now: datetime, at: datetime | None = None, to: str = "", summary: str = "",
    inbound: bool = False,
) -> Application:
    """A contact that took place at `at` (default now), logged then."""
    moment = to_utc(at or now)
    new = _copy(app, now)
    contact = Contact(at=moment, kind=kind, to=to, summary=summary, inbound=inbound)
    new.contacts.append(contact)
    who = f" {'from' if inbound else 'to'} {to}" if to else ""
    _log(new, moment, "contact", f"{kind.capitalize()}{who}" + (f": {summary}" if summary else ""),
         contact=contact.id)
    return new


_ANSWERS = {  # a reply letter -> the decision it answers, and its name
    LetterKind.REJECTION_REPLY: (Outcome.REJECTED, "rejection"),
    LetterKind.OFFER_REPLY: (Outcome.OFFER, "offer"),
}


def check_reply_sent_at(app: Application, kind: LetterKind | str, at: datetime, *, zone: Zone = UTC,
                        now: datetime | None = None) -> None:
    """A reply to their decision cannot have gone out before they told us it (`outcome_at`): recorded so,
    it would stand as done while its deadline (deadlines: a reply since the outcome) stayed overdue.

    `record_letter_sent` applies it; a form or `--at` that asks when the letter went
    out checks it first, with the user's zone for the wording.
    """
    kind = LetterKind.parse(kind)
    if kind not in _ANSWERS:
        return
    outcome, word = _ANSWERS[kind]
    told = app.outcome_at
    if app.outcome is not outcome or told is None:
        return
    now = now or told
    if to_utc(at) < told:
        raise ValidationError(f"{show_time(at, zone, now)} is before the {word} it answers "
                              f"({show_time(told, zone, now)}): a reply cannot predate it")
    if kind is not LetterKind.OFFER_REPLY:
        return
    # asking for time, then the answer: the history must read in that order
    earlier = max((c.at for c in app.contacts if c.kind == kind.value and not c.inbound and c.at >= told),
                  default=None)
    if earlier is not None and to_utc(at) < earlier:
        raise ValidationError(f"{show_time(at, zone, now)} is before your earlier reply to this offer "
                              f"({show_time(earlier, zone, now)}): a later answer cannot predate it")


def record_letter_sent(
    app: Application, kind: LetterKind | str, *, now: datetime, at: datetime | None = None,
    interviewer_id: str | None = None, to: str = "", summary: str = "",
) -> Application:
    """A letter went out at `at` (default now): record the contact, then apply the stage rule for its kind,
    all logged at `at` (see `_log`). A reply dated before the decision it answers is refused
    (`check_reply_sent_at`)."""
    kind = LetterKind.parse(kind)
    moment = to_utc(at or now)
    check_reply_sent_at(app, kind, moment, now=now)
    new = app
    if kind is LetterKind.THANK_YOU:
        if interviewer_id is None:
            raise ValidationError("a thank-you note is sent to one interviewer: name which")
        _, person = app.find_interviewer(interviewer_id)
        to = to or person.display()
        new = set_thanked(app, person.id, True, now=now, at=moment)
    default_summary = f"{kind.value} letter sent"
    if kind is LetterKind.FOLLOW_UP:
        default_summary = f"follow-up #{app.follow_up_count + 1} sent"
    new = record_contact(new, kind.value, now=now, at=moment, to=to, summary=summary or default_summary)
    contact = new.contacts[-1]
    next(e for e in reversed(new.history) if e.data.get("contact") == contact.id).kind = "letter"
    if kind is LetterKind.FOLLOW_UP:
        cleared = new.outcome
        if new.outcome is not None:  # following up reopens the process, as moving it by hand does
            new.outcome, new.outcome_at = None, None
        _set_stage(new, Stage.FOLLOWED_UP, moment, f"follow-up #{new.follow_up_count} sent", cleared=cleared)
    return new


def check_keep_in_touch(when: datetime, *, now: datetime, zone: Zone = UTC) -> datetime:
    """A keep-in-touch time looks ahead (PRODUCT lists it with the forward-looking options): one already
    past would be an overdue deadline from the moment it is saved. Returns it in UTC.

    `close` applies it; the outcome form's "Keep in touch" field and `followup close
    --keep-in-touch` call it first, with the user's zone for the wording.
    """
    moment = to_utc(when)
    if moment <= to_utc(now):
        raise ValidationError(f"{understood(moment, zone, now)} is not ahead: keep in touch is when to get back "
                              "to them, later on; give a time still to come, e.g. \"in 3 months\" or \"mar 1\"")
    return moment


def close(
    app: Application, outcome: Outcome | str, *, now: datetime, at: datetime | None = None,
    keep_in_touch: datetime | None = None,
) -> Application:
    """Record how the process ended (`at`: when they told us, default now) and close the card.

    The reply a rejection or an offer needs is derived from `outcome_at`; a
    keep-in-touch date becomes its own deadline, so it must lie ahead (check_keep_in_touch).
    A card already closed with this outcome keeps it, its time and its history unless `at`
    is given: closing it again only to add a keep-in-touch date moved the rejection to now,
    and its reply deadline with it (QA). Nothing new to record gives back `app` itself.
    """
    outcome = Outcome.parse(outcome)
    if keep_in_touch is not None:
        keep_in_touch = check_keep_in_touch(keep_in_touch, now=now)
    kept = app.outcome_at if app.stage is Stage.CLOSED and app.outcome is outcome and at is None else None
    if kept is not None and (keep_in_touch is None or to_utc(keep_in_touch) == app.keep_in_touch):
        return app
    new = _copy(app, now)
    if kept is not None:
        told = kept
    else:
        told = to_utc(at or now)
        new.outcome = outcome
        new.outcome_at = told
        _log(new, told, "outcome", f"Outcome: {outcome.label}", outcome=outcome.value)
    if keep_in_touch is not None:
        new.keep_in_touch = to_utc(keep_in_touch)
        _log(new, now, "edit", "Keep in touch from " + new.keep_in_touch.isoformat())
    _set_stage(new, Stage.CLOSED, told, outcome.label)
    return settle_promised_answer(new, now=now)


REPLY_VIAS = ("email", "call", "other")


def record_reply(
    app: Application, *, now: datetime, at: datetime | None = None, via: str = "email", note: str = "",
) -> Application:
    """They answered. The follow-up count and wait restart from `at` (model.follow_up_count), and an
    open card moves to *awaiting*: the ball is in their court again until they say what is next."""
    if via not in REPLY_VIAS:
        raise ValidationError(f"unknown way of replying {via!r}: use one of {', '.join(REPLY_VIAS)}")
    moment = to_utc(at or now)
    new = _copy(app, now)
    contact = Contact(at=moment, kind="reply", to=via, summary=note, inbound=True)
    new.contacts.append(contact)
    _log(new, moment, "reply", f"They replied ({via})" + (f": {note}" if note else ""), contact=contact.id,
         via=via, at=moment.isoformat())
    if new.stage is not Stage.CLOSED:
        _set_stage(new, Stage.AWAITING, moment, "they replied")
    return new


def snooze_deadline(app: Application, deadline: Deadline, until: datetime, *, now: datetime,
                    reason: str = "") -> Application:
    """Put `deadline` (as deadlines_for gives it) off until `until`; the board's `z` and `followup snooze`.

    A deadline snoozed already is named by the rule's own time (`snoozed_from`),
    which is what a snooze is kept against: recorded against the time it was
    put off to, a second snooze matched nothing and the deadline fell back.
    """
    return snooze(app, deadline.kind.value, deadline.snoozed_from or deadline.due, until, now=now,
                  ref=deadline.ref, reason=reason)


def snooze(
    app: Application, kind: str, due: datetime, until: datetime, *, now: datetime, ref: str = "",
    reason: str = "",
) -> Application:
    """Put one deadline (named by its kind and ref, as `deadlines.Deadline`) off until `until`.

    A newer snooze of the same deadline replaces the older; one whose `until`
    is not after the deadline is refused (Snooze checks it).
    """
    entry = Snooze(kind=str(kind), ref=ref, due=due, until=until, reason=reason, at=now)
    new = _copy(app, now)
    new.snoozes = [s for s in new.snoozes if (s.kind, s.ref) != (entry.kind, entry.ref)] + [entry]
    _log(new, now, "snooze", f"Snoozed {entry.kind} until {entry.until.isoformat()}"
         + (f": {entry.reason}" if entry.reason else ""), deadline=entry.kind, ref=ref,
         until=entry.until.isoformat())
    return new
