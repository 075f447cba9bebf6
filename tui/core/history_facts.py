"""What happened to one application, read from its rounds, contacts and history: the definitions
that every statistic counts (tui/core/stats.py) and the period report lists (tui/core/report.py).

`stats.figures` works the same facts out for thousands of applications in one
pass without building these records; tests/test_core_stats_bulk.py holds that
pass to the functions here on generated histories. A change of meaning is made
here first, then there.
"""

from __future__ import annotations

import bisect
from collections import Counter
from datetime import datetime
from typing import Any, NamedTuple

import msgspec

from tui.core.model import Application
from tui.core.parts import UNDONE, Contact, Event, Interviewer, holds
from tui.core.stages import LetterKind, Outcome, Stage

OFFER, ACCEPTED = Outcome.OFFER.value, Outcome.ACCEPTED.value
ANSWERING = (OFFER, ACCEPTED, Outcome.REJECTED.value)
THANK_YOU = LetterKind.THANK_YOU.value
FOLLOW_UP = LetterKind.FOLLOW_UP.value
LETTERS_BUT_THANKS = tuple(kind.value for kind in LetterKind if kind is not LetterKind.THANK_YOU)


class Activity(NamedTuple):
    """One dated thing that happened: a round, a letter sent or an answer received."""

    at: datetime  # UTC
    kind: str  # "round", "letter", "thanks" (marked thanked, no letter recorded) or "answer"
    what: str  # "Onsite", "thank-you letter", "thanked Dana Kim", "reply (email): …", "rejected"
    contact: str  # who it was with, as recorded
    app: Application


def _key(event: Event) -> bytes:
    """A line's whole content, to match lines by (its time, kind, text and data)."""
    return msgspec.msgpack.encode(event)


def mark_undone(history: list[Event], before: list[Event]) -> list[Event]:
    """A copy of `history` with the lines an undone step wrote marked undone: those not in `before`, the
    history the step started from.

    Matched by content, not position: `actions._log` files a back-dated line
    among the earlier ones, so the step's lines are not always at the end.
    A line the step moved on rather than wrote (a notes session's one line, its
    time moved to each save: actions.set_notes) gets its time back: marked undone,
    the session's earlier edits, which still hold, had no line (review S1 2).
    """
    before_keys = [_key(event) for event in before]
    left = Counter(before_keys)
    kept = []
    for event in history:
        key = _key(event)
        kept.append(left[key] > 0)
        left[key] -= kept[-1]
    moved: dict[tuple[str, str], Event] = {}  # lines of `before` the step replaced, by what they say
    for event, key in zip(before, before_keys, strict=True):
        if left[key] > 0:
            left[key] -= 1
            moved.setdefault((event.kind, event.text), event)
    marked = []
    for event, was_kept in zip(history, kept, strict=True):
        if was_kept or event.kind == "undo" or not holds(event):
            marked.append(event)  # as it was; a record of an undo, or a line already marked: as it is
        elif (event.kind, event.text) in moved:
            marked.append(moved.pop((event.kind, event.text)))
        else:
            marked.append(Event(event.at, event.kind, event.text, {**event.data, UNDONE: True}))
    return marked


def mark_redone(history: list[Event], after: list[Event]) -> list[Event]:
    """A copy of `history` with the lines of `after` (the history a step left, before it was undone) that
    the undo marked undone holding again: a redone step counts as if never undone."""
    after_keys = [_key(event) if holds(event) else None for event in after]
    wanted = Counter(key for key in after_keys if key is not None)
    out = []
    unmatched = []  # indexes in `out` of holding lines that `after` does not have
    for event in history:
        if not holds(event) and event.kind != "undo":
            plain = Event(event.at, event.kind, event.text, {k: v for k, v in event.data.items() if k != UNDONE})
            key = _key(plain)
            if wanted[key] > 0:
                wanted[key] -= 1
                out.append(plain)
                continue
        elif event.kind != "undo":
            key = _key(event)
            if wanted[key] > 0:
                wanted[key] -= 1
            else:
                unmatched.append(len(out))
        out.append(event)
    # a line the undo gave its earlier time back (mark_undone) takes the step's time again
    moved: dict[tuple[str, str], Event] = {}
    for event, held_key in zip(after, after_keys, strict=True):
        if held_key is not None and wanted[held_key] > 0:
            wanted[held_key] -= 1
            moved.setdefault((event.kind, event.text), event)
    for index in unmatched:
        event = out[index]
        out[index] = moved.pop((event.kind, event.text), event)
    return out


def first_round_at(app: Application, now: datetime) -> datetime | None:
    """When the process started: its earliest round, once it has taken place."""
    first = min((r.at for r in app.rounds), default=None)
    return first if first is not None and first <= now else None


class _Scan(NamedTuple):
    """What the statistics need from one application's history, read in one pass."""

    recorded: dict[str, datetime]  # round id -> when it was first written down
    outcomes: list[tuple[str, datetime]]  # answering outcomes, when they were recorded
    moves: list[tuple[datetime, Any, Any]]  # stage lines: (when, from, to)
    earliest: datetime | None


def _scan(app: Application) -> _Scan:
    recorded: dict[str, datetime] = {}
    outcomes: list[tuple[str, datetime]] = []
    moves: list[tuple[datetime, Any, Any]] = []
    earliest = None
    for event in app.history:
        at = event.at
        if at is None or not holds(event):
            continue
        if earliest is None or at < earliest:
            earliest = at
        kind = event.kind
        if kind == "stage":
            moves.append((at, event.data.get("from"), event.data.get("to")))
        elif kind == "round":
            ref = event.data.get("round")
            if isinstance(ref, str) and ref not in recorded:
                recorded[ref] = at
        elif kind == "outcome":
            outcome = event.data.get("outcome")
            if outcome in ANSWERING:
                outcomes.append((str(outcome), at))
    return _Scan(recorded, outcomes, moves, earliest)


def _outcome_times(app: Application, scan: _Scan) -> list[tuple[str, datetime]]:
    """(outcome, when they told us) for every answering outcome ever recorded.

    Earlier outcomes of a reopened process are known from the history, at the
    time of their line (when they told us, for lines logged since back-dated
    facts are logged when they happened: actions._log); the current one at its
    `outcome_at`.
    """
    found = list(scan.outcomes)
    current = app.outcome.value if app.outcome is not None else None
    if current in ANSWERING and app.stage is Stage.CLOSED:
        for index in range(len(found) - 1, -1, -1):
            if found[index][0] == current:  # the record of the current outcome: its told time wins
                del found[index]
                break
        told = app.outcome_at or app.updated_at or app.created_at
        if told is not None:
            found.append((str(current), told))
    return received(found)


def received(outcomes: list[tuple[str, datetime]]) -> list[tuple[str, datetime]]:
    """The outcomes that were the company's word: accepting an offer they made is the user's own answer,
    so an acceptance counts only when no offer was recorded before it (then it stands for the offer)."""
    offered = min((at for outcome, at in outcomes if outcome == OFFER), default=None)
    if offered is None:
        return outcomes
    return [(outcome, at) for outcome, at in outcomes if outcome != ACCEPTED or at < offered]


def _answer_at(app: Application, first: datetime, now: datetime, scan: _Scan,
               outcomes: list[tuple[str, datetime]]) -> datetime | None:
    answer = None
    for contact in app.contacts:
        if contact.inbound and first <= contact.at <= now and (answer is None or contact.at < answer):
            answer = contact.at
    if len(app.rounds) > 1:
        recorded = scan.recorded
        for rnd in app.rounds:
            if rnd.at <= first:  # the first itself (or one held with it)
                continue
            at = min(recorded.get(rnd.id, rnd.at), rnd.at)
            if at < first:  # arranged together with the first: it says something only once it happens
                at = rnd.at
            if at <= now and (answer is None or at < answer):
                answer = at
    for _, at in outcomes:
        if first <= at <= now and (answer is None or at < answer):
            answer = at
    return answer


def answer_at(app: Application, now: datetime) -> datetime | None:
    """The first answer on or after the first round (see the module's definitions), or None."""
    first = first_round_at(app, now)
    if first is None:
        return None
    scan = _scan(app)
    return _answer_at(app, first, now, scan, _outcome_times(app, scan))


class Note(NamedTuple):
    round_at: datetime
    sent_at: datetime
    to: Interviewer | Contact  # the interviewer thanked, or the letter that went out


def thank_you_notes(app: Application) -> list[Note]:
    """One note per interviewer marked thanked, and each thank-you letter that matches none of them
    (one sent, then unmarked), counted against the latest round before it."""
    notes = []
    times, names = set(), []
    for rnd in app.rounds:
        for person in rnd.interviewers:
            if person.thanked_at is not None:
                notes.append(Note(rnd.at, person.thanked_at, person))
                times.add(person.thanked_at)
                names.append(person.name.lower())
    rounds = None
    for contact in app.contacts:
        if contact.inbound or contact.kind != THANK_YOU or contact.at in times:
            continue
        if any(name and name in contact.to.lower() for name in names):
            continue
        rounds = rounds or sorted(r.at for r in app.rounds)
        index = bisect.bisect_right(rounds, contact.at)
        if index:
            notes.append(Note(rounds[index - 1], contact.at, contact))
    return notes


def _first(move: tuple[datetime, Any, Any]) -> datetime:
    return move[0]


class Stay(NamedTuple):
    stage: Stage
    start: datetime | None  # None: not known (a file from before stage lines were kept)
    end: datetime | None  # None: it is still there


STAGE_OF: dict[str, Stage] = {stage.value: stage for stage in Stage}


def _stage(value: Any) -> Stage | None:
    return STAGE_OF.get(value) if type(value) is str else None


def entered_at(earliest: datetime | None, created: datetime | None, first_round: datetime | None) -> datetime | None:
    """When the card's first stay began: its first history line, or its first round when that is earlier.

    A card is usually typed in after its interview; the process (and its stay
    in *interviewed*) began at the round, not when the card was written down.
    """
    start = earliest or created
    if start is not None and first_round is not None and first_round < start:
        return first_round
    return start


def stays(app: Application, scan: _Scan | None = None) -> list[Stay]:
    """The stages the card was in, in order, from its history's stage lines (each with its from and to);
    the first begins at `entered_at`.

    The process begins at the first round: a card typed in ahead of its interview waits for it, not
    for an answer, so a stay that ended by the first round is left out and one that spanned it
    begins there (the stay the card is in now is always kept).
    """
    scan = scan or _scan(app)
    moves = scan.moves
    first_round = min((r.at for r in app.rounds), default=None)
    start = entered_at(scan.earliest, app.created_at, first_round)
    if not moves:
        return [Stay(app.stage, start, None)]
    if len(moves) > 1:
        moves = sorted(moves, key=_first)
    stage = _stage(moves[0][1])
    found: list[Stay] = []
    for at, _, to in moves:
        if stage is not None and (first_round is None or at > first_round):
            spanned = start is not None and first_round is not None and start < first_round
            found.append(Stay(stage, first_round if spanned else start, at))
        stage, start = _stage(to), at
    if stage is not None:
        found.append(Stay(stage, start, None))
    if not found or found[-1].stage is not app.stage:  # moved without a stage line
        found.append(Stay(app.stage, None, None))
    return found


# --- activity: what the report lists and the weeks count ----------------------------
def thanked_by_letter(app: Application, person: Interviewer) -> bool:
    """Whether a thank-you letter to `person` was recorded: one sent when they were marked thanked,
    or addressed to them (as `thank_you_notes` matches letters to interviewers)."""
    name = person.name.lower()
    return any(not c.inbound and c.kind == THANK_YOU and (c.at == person.thanked_at or (name and name in c.to.lower()))
               for c in app.contacts)


def activities(app: Application, now: datetime) -> list[Activity]:
    """Rounds that took place, letters sent (and interviewers thanked without one) and answers
    received, oldest first.

    The weeks of `figures` count the same things; a thank-you marked without a letter ("thanks") is
    not a letter sent there either (a test holds the two together).
    """
    found = []
    for rnd in app.rounds:
        if rnd.at <= now:
            people = ", ".join(p.display() for p in rnd.interviewers)
            found.append(Activity(rnd.at, "round", rnd.name, people, app))
    for note in thank_you_notes(app):
        if isinstance(note.to, Interviewer) and not thanked_by_letter(app, note.to):
            # ticked as thanked (space, `interviewer --thanked`): a thank-you, but no letter to claim
            found.append(Activity(note.sent_at, "thanks", f"thanked {note.to.name}", note.to.display(), app))
    for contact in app.contacts:
        if not contact.inbound and contact.kind == THANK_YOU:  # each letter, a second one to a person too (T #8)
            found.append(Activity(contact.at, "letter", "thank-you letter", contact.to, app))
        elif contact.inbound:
            via = f" ({contact.to})" if contact.to else ""
            kind = "reply" if contact.kind == "reply" else contact.kind
            what = f"{kind}{via}" + (f": {contact.summary}" if contact.summary else "")
            found.append(Activity(contact.at, "answer", what, app.recruiter, app))
        elif contact.kind in LETTERS_BUT_THANKS:
            found.append(Activity(contact.at, "letter", f"{contact.kind} letter", contact.to or app.recruiter, app))
    for outcome, at in _outcome_times(app, _scan(app)):
        found.append(Activity(at, "answer", outcome.replace("-", " "), app.recruiter, app))
    found = [a for a in found if a.at <= now]
    found.sort(key=lambda a: a.at)
    return found
