"""Every change to an application, as a pure function: (app, ..., now) -> new app.

The input is never mutated, so the caller can keep it for undo. Each change
writes its line into the history, and the stage rules live here (all thanked ->
thanked, nothing left on our side -> awaiting, a new round -> interviewed) and
in `correspondence`, for what passes between the user and the company (a
follow-up sent -> followed-up, a reply -> awaiting, an outcome -> closed), which
moves cards with the steps in `changing` (changed_copy, log_line, set_stage); the changes to a
card's directions are in `direction_actions`.
"""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any, Iterable

from tui.core.changing import (
    ALL_THANKED,
    FOLLOW_UP_SENT,
    NOTHING_LEFT,
    THEY_REPLIED,
    changed_copy,
    last_stage_line,
    log_line,
    set_stage,
    with_cleared,
)
from tui.core.direction_actions import settle_promised_answer
from tui.core.errors import ValidationError
from tui.core.history_facts import mark_redone, mark_undone
from tui.core.model import Application, copied, stage_after_round
from tui.core.parts import Event, Interviewer, Round
from tui.core.round_rules import check_new_round, check_round_edit, check_thanked_at, check_time_free
from tui.core.stages import DEFAULT_ROUND_NAME, Stage, round_name_or_default
from tui.core.timeutil import UTC, Zone, to_utc

NOTES_EDIT_COALESCE_MINUTES = 30


def round_named(app: Application, rnd: Round) -> str:
    """'round 2 “Onsite”': how a history line and the command line name a card's round (in time order)."""
    number = app.rounds_in_time_order.index(rnd) + 1
    return f"round {number} “{rnd.name}”"


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
    log_line(app, now, "created", f"Added {app.company} — {app.role}")
    if round_at is not None:
        rnd = Round(name=round_name_or_default(round_name), at=round_at, interviewers=list(interviewers))
        check_new_round(rnd, now=now)
        app.rounds.append(rnd)
        log_line(app, now, "round", round_line(rnd, now), round=rnd.id)
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
    new = changed_copy(app, now)
    cleared = None
    if target is not Stage.CLOSED and new.outcome is not None:
        cleared, new.outcome, new.outcome_at = new.outcome, None, None
    set_stage(new, target, now, why, cleared=cleared)
    return settle_promised_answer(new, now=now)


def edit(app: Application, *, now: datetime, **fields: Any) -> Application:
    """Change plain fields (company, role, recruiter, pitch, posting, decision_by, keep_in_touch)."""
    allowed = {"company", "role", "recruiter", "pitch", "posting", "decision_by", "keep_in_touch"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValidationError(f"cannot edit {', '.join(sorted(unknown))}: editable are {', '.join(sorted(allowed))}")
    new = changed_copy(app, now)
    changed = []
    for name, value in fields.items():
        if name in {"decision_by", "keep_in_touch"} and value is not None:
            value = to_utc(value)
        if getattr(new, name) != value:
            setattr(new, name, value)
            changed.append(name)
    new.__post_init__()  # re-validate
    if changed:
        log_line(new, now, "edit", "Edited " + ", ".join(n.replace("_", " ") for n in changed))
    return new


def set_notes(app: Application, text: str, *, now: datetime) -> Application:
    """Notes are saved as the user types; the history keeps one line per editing session."""
    new = changed_copy(app, now)
    new.notes = text
    last = new.history[-1] if new.history else None
    if last is not None and last.kind == "notes" and last.at is not None and (
        to_utc(now) - last.at
    ).total_seconds() < NOTES_EDIT_COALESCE_MINUTES * 60:
        last.at = to_utc(now)
    else:
        log_line(new, now, "notes", "Edited notes")
    return new


def add_round(
    app: Application, name: str, at: datetime, interviewers: Iterable[Interviewer] = (), *, now: datetime,
    use_thank_you: bool = True, zone: Zone = UTC,
) -> Application:
    """A round that took place moves the card (`model.stage_after_round`) and reopens a closed one, the move
    logged at the round's time (as `catch_up` logs a round whose time came): a round entered days later
    still ends the stay before it then. An empty `name` is DEFAULT_ROUND_NAME, whoever calls (review Z 10).
    An upcoming round (`at` after `now`) leaves the card where it is
    until its time comes. Only a round later than every round already held is news: one backfilled
    before them (the phone screen typed in after the onsite) is a record, and leaves the card alone
    (review R #3: a thanked card went back to *interviewed* with no thank-you due there)."""
    new = changed_copy(app, now)
    rnd = Round(name=round_name_or_default(name), at=at, interviewers=list(interviewers))  # as new_application
    check_new_round(rnd, now=now)
    check_time_free(app, rnd.at, zone=zone, now=now)
    latest_held = max((r.at for r in app.held_rounds(now)), default=None)
    new.rounds.append(rnd)
    log_line(new, now, "round", round_line(rnd, now), round=rnd.id)
    if rnd.at <= to_utc(now) and (latest_held is None or rnd.at > latest_held):
        _after_round(new, rnd, NEW_ROUND, use_thank_you)
    return new


NEW_ROUND = "new round"  # the why of the stage line a round recorded after its time writes


def _after_round(app: Application, rnd: Round, why: str, use_thank_you: bool, at: datetime | None = None) -> None:
    """A round that took place reopens a closed card and moves it on (`model.stage_after_round`), the move
    logged at `at` (by default the round's time; an upcoming round edited into the past: now) and naming
    the round (remove_round takes the move back with it)."""
    cleared = app.outcome if app.stage is Stage.CLOSED else None
    app.outcome, app.outcome_at = None, None
    set_stage(app, stage_after_round(app, use_thank_you), at or rnd.at, why, cleared=cleared, round_id=rnd.id)


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
    said = with_cleared(why, app.outcome)
    text = f"{before.label} → {target.label} ({said})" if before is not target else said[:1].upper() + said[1:]
    event = Event(at=rnd.at, kind="stage", text=text,
                  data={"from": before.value, "to": target.value, "why": why, "round": rnd.id})
    position = next((i for i, e in enumerate(new.history) if e.at is not None and e.at > rnd.at), len(new.history))
    new.history.insert(position, event)  # the history stays in time order
    return new


def update_round(
    app: Application, round_id: str, *, now: datetime, name: str | None = None,
    at: datetime | None = None, interviewers: list[Interviewer] | None = None, use_thank_you: bool = True,
    said: str = "", zone: Zone = UTC,
) -> Application:
    """Edit a round; an upcoming round moved to a time already past moves the card as a new round does.
    `said`: the history line in the caller's words when it knows what changed ("Added Dana Kim to round
    …"), instead of the plain "Edited round …". What the edit adds or changes is judged by the round's
    rules (round_rules.check_round_edit; a refusal's times in `zone`), not what it leaves as it was."""
    new = changed_copy(app, now)
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
    check_round_edit(app.find_round(round_id), rnd, zone=zone, now=now)
    log_line(new, now, "edit", said or f"Edited round “{rnd.name}”", round=rnd.id)
    if was_upcoming and rnd.at <= to_utc(now) and rnd is new.latest_round:
        _after_round(new, rnd, "the round took place", use_thank_you, at=now)
    elif interviewers is not None and use_thank_you and rnd is new.thank_you_round(now):
        _rethank(app, new, rnd, now)
    return new


def _rethank(before: Application, app: Application, rnd: Round, now: datetime) -> None:
    """The people of the round the notes are for changed: the thank-you rule applies again, as to a tick.

    Someone added who is owed a note takes the card back to *interviewed* (where their thank-you
    deadline is derived) from any later open stage a rule put it in (every note sent, they replied, a
    follow-up went out): the person just remembered is chased. A card moved there by hand stays (the
    user's word, as in set_thanked), and so does one whose round was only edited. The last one owed a
    note taken off the round moves the card on to *thanked*, as thanking them would have."""
    was = before.thank_you_round(now)
    if _all_thanked(rnd) and app.stage is Stage.INTERVIEWED and not _all_thanked(was):
        set_stage(app, Stage.THANKED, now, ALL_THANKED)
        return
    owed_before = {p.id for p in (was.interviewers if was is not None else []) if p.thanked_at is None}
    joined = [p.name for p in rnd.interviewers if p.thanked_at is None and p.id not in owed_before]
    if joined and app.stage in (Stage.THANKED, Stage.AWAITING, Stage.FOLLOWED_UP) and _moved_by_a_rule(app):
        set_stage(app, Stage.INTERVIEWED, now, f"{', '.join(joined)} not thanked yet")


def _moved_by_a_rule(app: Application) -> bool:
    """The card's stage is a rule's doing: its last stage line is one of the rules' (every note sent,
    nothing left on our side, they replied, a follow-up sent), not a move by hand or from a file."""
    line = last_stage_line(app)
    why = str(line.data.get("why", "")) if line is not None else ""
    return why in (ALL_THANKED, NOTHING_LEFT, THEY_REPLIED) or why.startswith(FOLLOW_UP_SENT.split("{")[0])


def remove_round(app: Application, round_id: str, *, now: datetime) -> Application:
    """Remove a round; when the card is where that round's time moved it, and has not moved since, it goes
    back to the stage it came from, as unmarking a thank-you takes the thank-you rule's move back: the
    usual fix for a round entered by mistake left an *awaiting* card in *interviewed* with nothing owed
    (review T1 1). A card the round reopened stays open: its outcome is not kept to give back."""
    new = changed_copy(app, now)
    rnd = new.find_round(round_id)
    new.rounds.remove(rnd)
    line = last_stage_line(new)
    if line is not None and _moved_by(line, rnd) and line.data.get("to") == new.stage.value:
        before = Stage(line.data["from"])
        if before is not Stage.CLOSED and before is not new.stage:
            set_stage(new, before, now, f"round “{rnd.name}” removed")
    log_line(new, now, "edit", f"Removed round “{rnd.name}”", round=rnd.id)
    return new


def _moved_by(line: Event, rnd: Round) -> bool:
    """Whether this stage line is the move `rnd`'s time made (lines written before they named the round:
    the new-round rule's, at the round's time)."""
    named = line.data.get("round")
    return named == rnd.id if named else line.data.get("why") == NEW_ROUND and line.at == rnd.at

def _all_thanked(rnd: Round | None) -> bool:
    return rnd is not None and bool(rnd.interviewers) and all(i.thanked_at for i in rnd.interviewers)


def _moved_by_thank_rule(app: Application) -> bool:
    """The card is in *thanked* because the last note went out, and has not been moved since."""
    line = last_stage_line(app)
    return (app.stage is Stage.THANKED and line is not None and line.data.get("to") == Stage.THANKED.value
            and line.data.get("why") == ALL_THANKED)


def set_thanked(
    app: Application, interviewer_id: str, thanked: bool = True, *, now: datetime, at: datetime | None = None,
    zone: Zone = UTC,
) -> Application:
    """Mark one interviewer thanked (or not), at `at` (default: now); thanking the last of the round the notes
    are for (Application.thank_you_round) moves the card to *thanked*, logged at the latest of that round's
    thank-you times (notes typed in out of order, back-dated: the stay in *interviewed* ends with the last).
    Someone thanked already keeps the earliest note's time: a later one gives `app` itself back (a
    second letter to them is a contact of its own, `correspondence.record_letter_sent`; re-dating the
    first note moved the thank-you into the statistics late, review R #8), and one back-dated before it
    becomes their thank-you time (review T #8: the earlier note is the one that went out on time).

    Unmarking undoes what marking did: when the card is in *thanked* because the
    rule put it there (its last stage line is the rule's), it goes back to
    *interviewed*, where the thank-you deadline for that person is derived again.
    A card the user moved to *thanked* by hand, or that has moved on since, stays
    where it is: that move was the user's word (PRODUCT: "or the user skips
    thank-you notes"), and a later stage says more than an unticked box.
    """
    if thanked:
        rnd, person = app.find_interviewer(interviewer_id)
        check_thanked_at(rnd, at or now, zone=zone, now=now)
        if person.thanked_at is not None and to_utc(at or now) >= person.thanked_at:
            return app
    new = changed_copy(app, now)
    rnd, person = new.find_interviewer(interviewer_id)
    if thanked:
        moment = person.thanked_at = to_utc(at or now)
        log_line(new, moment, "thanked", f"Thanked {person.name}", interviewer=person.id)
        if new.stage is Stage.INTERVIEWED and rnd is new.thank_you_round(now) and _all_thanked(rnd):
            # the card moves when the last note of the round went out, whatever order they were typed in
            last_note = max(p.thanked_at for p in rnd.interviewers if p.thanked_at is not None)
            set_stage(new, Stage.THANKED, last_note, ALL_THANKED)
    else:
        was_thanked = person.thanked_at is not None
        person.thanked_at = None
        log_line(new, now, "thanked", f"Unmarked thank-you to {person.name}", interviewer=person.id)
        if was_thanked and rnd is new.thank_you_round(now) and _moved_by_thank_rule(new):
            set_stage(new, Stage.INTERVIEWED, now, f"thank-you to {person.name} unmarked")
    return new
