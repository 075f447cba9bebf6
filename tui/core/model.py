"""The application record: its parts (`parts`), the facts read from its history, and its one serialised form.

Application is a msgspec Struct, so the data file is decoded straight into
it in one pass (at 10,000 applications, a tenth of what building the
records from `json.loads` dicts took) and encoded from it just as fast.
`to_dict` and `from_dict` give the same JSON for exports and imports. Times
are standard `datetime`s in UTC (`timeutil.to_utc` makes them so); pendulum
comes in where a time is shown or typed.
"""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Annotated, Any, Iterable, TypeVar

import msgspec

from tui.core.errors import ValidationError, quoted
from tui.core.parts import (
    LINK_LIMIT,
    LONG_TEXT_LIMIT,
    Contact,
    Direction,
    Event,
    Interviewer,
    LongText,
    Name,
    Round,
    Snooze,
    ZonedTime,
    check_link,
    clean_field,
    decoding_active,
    decoding_stored,
    holds,
    id_field,
)
from tui.core.stages import DirectionKind, LetterKind, Outcome, Stage
from tui.core.text import folded
from tui.core.timeutil import checked_time, to_utc

T = TypeVar("T")


_STAGE_EVENTS = frozenset({"stage", "thanked", "letter", "outcome"})  # history lines that settle a card's stage
_THEIR_DECISIONS = frozenset({Outcome.OFFER.value, Outcome.REJECTED.value})  # outcomes that answer us


def stage_after_round(app: "Application", use_thank_you: bool) -> Stage:
    """Where a round that has taken place puts the card: *interviewed* (thank-you notes are due), or,
    when the user skips thank-you notes, *thanked* while directions are open and else *awaiting*."""
    if use_thank_you:
        return Stage.INTERVIEWED
    return Stage.THANKED if app.open_tasks() else Stage.AWAITING


class UnknownInterviewer(ValidationError):
    """No interviewer on the card goes by that name (Application.find_interviewer)."""


class Application(msgspec.Struct, gc=False):
    company: Name
    role: Name
    stage: Stage = Stage.INTERVIEWED
    id: str = id_field()
    outcome: Outcome | None = None
    outcome_at: ZonedTime | None = None
    notes: str = ""
    recruiter: str = ""  # "Name <email>" of the person to write follow-ups to
    decision_by: ZonedTime | None = None  # when they said they would decide
    keep_in_touch: ZonedTime | None = None
    rounds: list[Round] = msgspec.field(default_factory=list)
    directions: list[Direction] = msgspec.field(default_factory=list)
    contacts: list[Contact] = msgspec.field(default_factory=list)
    history: list[Event] = msgspec.field(default_factory=list)
    created_at: ZonedTime | None = None
    updated_at: ZonedTime | None = None
    revision: int = 0  # bumped by the store on every write; a stale edit is refused
    pitch: LongText = ""  # what the user brings to this role; empty: the settings' pitch
    posting: Annotated[str, msgspec.Meta(max_length=LINK_LIMIT)] = ""  # the job ad's address
    snoozes: list[Snooze] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        if decoding_active():
            return
        self.company = clean_field(self.company, "company", required=True)
        self.role = clean_field(self.role, "role", required=True)
        self.pitch = clean_field(self.pitch, "pitch", limit=LONG_TEXT_LIMIT)
        self.posting = check_link(self.posting, "posting")
        self.stage = Stage.parse(self.stage)
        if self.outcome is not None:
            self.outcome = Outcome.parse(self.outcome)
        for name in ("outcome_at", "decision_by", "keep_in_touch", "created_at", "updated_at"):
            value = getattr(self, name)
            if value is not None:
                setattr(self, name, checked_time(value, name))
        for index, event in enumerate(self.history):  # the one record with no __post_init__ of its own (Event)
            if event.at is not None:
                event.at = checked_time(event.at, f"history[{index}].at")

    # --- derived facts -------------------------------------------------
    @property
    def short_id(self) -> str:
        return self.id[:8]

    @property
    def rounds_in_time_order(self) -> list[Round]:
        """The rounds as they are numbered everywhere (`--round N`, `followup show`, the detail list, the
        history's "round 2"): by time, rounds at one time in the order they were added."""
        return sorted(self.rounds, key=lambda r: r.at)

    @property
    def latest_round(self) -> Round | None:
        return max(self.rounds, key=lambda r: r.at) if self.rounds else None

    def thank_you_round(self, now: datetime | None) -> Round | None:
        """The round the thank-you notes are for: the latest that has taken place (at or before `now`)
        with interviewers recorded. A round still to come, or one whose people were not typed in yet,
        does not hide the round before it: its interviewers are still owed their notes (PRODUCT:
        "a thank-you note to each interviewer"). The deadlines, `t`, `followup letter` and the
        thanked-moves-the-card rule all read this one, so they agree on whom to thank.

        `now` None counts every round as held: only for callers that do not have the clock yet.
        """
        held = [r for r in self.held_rounds(now) if r.interviewers]
        return max(held, key=lambda r: r.at) if held else None

    def held_rounds(self, now: datetime | None) -> list[Round]:
        """The rounds that have taken place by `now` (every round when `now` is None)."""
        moment = None if now is None else to_utc(now)
        return [r for r in self.rounds if moment is None or r.at <= moment]

    def restarted_at(self) -> datetime | None:
        """When the process last moved on their side: the latest round, reply from them, or decision of
        theirs (an offer or a rejection, even one the card was reopened after).

        The follow-up count and wait start again from here (PRODUCT: a new
        round or a logged reply restarts them; a decision is their answer too).
        """
        latest = None
        for rnd in self.rounds:
            if latest is None or rnd.at > latest:
                latest = rnd.at
        for contact in self.contacts:
            if contact.inbound and (latest is None or contact.at > latest):
                latest = contact.at
        decided = self.latest_decision_at()
        if decided is not None and (latest is None or decided > latest):
            latest = decided
        return latest

    def latest_decision_at(self) -> datetime | None:
        """When they last told us their decision (an offer or a rejection), as the history keeps it: the
        card may have been reopened since, which clears `outcome` but not the fact that they answered."""
        latest = None
        for event in self.history:
            if (event.kind == "outcome" and event.data.get("outcome") in _THEIR_DECISIONS and event.at is not None
                    and holds(event) and (latest is None or event.at > latest)):
                latest = event.at
        return latest

    def rounds_closed_over(self) -> frozenset[str]:
        """The ids of the rounds a closed card was closed over: recorded before its close, the latest
        outcome or move-to-closed line. Such a round never moves the card nor shows as its next item: the
        outcome the user recorded stands until they reopen the card (review M #1). A round recorded after
        the close ("invited back after all") is not one of them. Empty for an open card.

        Read by the history's order, which is its time order with lines of one moment as they were
        written (actions._log), so a close and a round typed in the same minute still come in turn.
        """
        if self.stage is not Stage.CLOSED:
            return frozenset()
        closed_at = None
        for index in range(len(self.history) - 1, -1, -1):
            event = self.history[index]
            if holds(event) and (event.kind == "outcome"
                                 or (event.kind == "stage" and event.data.get("to") == Stage.CLOSED.value)):
                closed_at = index
                break
        if closed_at is None:
            return frozenset()  # closed without a line (an import): nothing says which rounds came first
        return frozenset(e.data["round"] for e in self.history[:closed_at]
                         if e.kind == "round" and isinstance(e.data.get("round"), str))

    def pending_round(self, now: datetime) -> Round | None:
        """The latest round that was upcoming when recorded, has now taken place, and has not yet moved
        the card: no stage change (by `actions.catch_up`, by hand or by a letter), thank-you or outcome
        since its time. A closed card's rounds recorded before its close never move it
        (`rounds_closed_over`).

        Cheap for most cards: only a round later than the card's creation can have
        been recorded ahead of time, and only those are looked up in the history.
        """
        now = to_utc(now)
        created = self.created_at
        candidates = [r for r in self.rounds if r.at <= now and (created is None or r.at > created)]
        if not candidates:
            return None
        closed_over = self.rounds_closed_over()
        for rnd in sorted(candidates, key=lambda r: r.at, reverse=True):
            if rnd.id in closed_over:
                continue
            recorded = next((e.at for e in self.history if e.kind == "round" and e.data.get("round") == rnd.id), None)
            if recorded is None:
                continue
            if recorded >= rnd.at:  # recorded after it took place (actions.add_round moved the card then, if
                return None  # it was news): an earlier round whose time came since is older news still
            if any(e.kind in _STAGE_EVENTS and e.at is not None and e.at >= rnd.at for e in self.history):
                return None  # the card moved, or the user acted on it, since the round: nothing to catch up
            return rnd
        return None

    def follow_ups_that_count(self) -> list[Contact]:
        """Our follow-ups sent since the process last moved (`restarted_at`): the ones the limit counts
        and the next letter recalls (letters.last_follow_up_at). One definition, so they cannot drift.

        A follow-up logged at the very moment of the restart (a typed time to the minute, a frozen
        clock) counts only when it was written down after it: the history's order says which came
        first (`_recorded_after`), so a follow-up, then a rejection, then a reopened card starts at 0.
        """
        if not self.contacts:
            return []
        since = self.restarted_at()
        return [c for c in self.contacts
                if c.kind == LetterKind.FOLLOW_UP.value and not c.inbound
                and (since is None or c.at > since or (c.at == since and self._recorded_after(c, since)))]

    def _recorded_after(self, contact: Contact, moment: datetime) -> bool:
        """Whether `contact`, logged at `moment`, was written down after every restart at that moment (a
        reply from them, a decision of theirs). A round restarts from when it took place, which its
        history line does not mark, so a round at `moment` leaves the contact counted, as does a contact
        or restart with no history line (an import): the order is known only from the lines."""
        position = None
        latest_restart = -1
        inbound = {c.id for c in self.contacts if c.inbound and c.at == moment}
        for index, event in enumerate(self.history):
            if event.at != moment or not holds(event):
                continue
            ref = event.data.get("contact")
            if isinstance(ref, str) and ref == contact.id:
                position = index
            elif isinstance(ref, str) and ref in inbound:
                latest_restart = index
            elif event.kind == "outcome" and event.data.get("outcome") in _THEIR_DECISIONS:
                latest_restart = index
        return position is None or position > latest_restart

    @property
    def follow_up_count(self) -> int:
        return len(self.follow_ups_that_count())

    def interviewers(self) -> list[Interviewer]:
        return [i for r in self.rounds for i in r.interviewers]

    def find_round(self, round_id: str) -> Round:
        for rnd in self.rounds:
            if rnd.id == round_id:
                return rnd
        raise ValidationError(f"no round {round_id!r} in {self.company}")

    def find_interviewer(self, key: str, within: Round | None = None) -> tuple[Round, Interviewer]:
        """By id, or by name, with no case or accents ("jose": José), latest round first (`within`: that
        round only): the whole name, else a part of it that names one person. Every command and screen
        that takes an interviewer's name reads it here, so they agree. A part that starts a word of a name
        wins over one inside a word. A part that fits several people is refused naming them; a name that
        fits nobody raises UnknownInterviewer (`followup interviewer` adds that person then)."""
        want = folded(" ".join(key.split()))  # spaces folded, as round_rules.name_key compares names (review T #11)
        ordered = [within] if within is not None else sorted(self.rounds, key=lambda r: r.at, reverse=True)
        people = [(rnd, person) for rnd in ordered for person in rnd.interviewers]
        for rnd, person in people:
            if person.id == key or folded(" ".join(person.name.split())) == want:
                return rnd, person
        # a part that starts a word of the name ("ana": Ana Ruiz) before one inside a word (Dana Kim)
        partial = [(rnd, person) for rnd, person in people
                   if want and any(word.startswith(want) for word in folded(person.name).split())]
        partial = partial or [(rnd, person) for rnd, person in people if want and want in folded(person.name)]
        names = list(dict.fromkeys(person.name for _, person in partial))
        if len(names) == 1:
            return partial[0]
        if names:
            raise ValidationError(f"{quoted(key)} fits several interviewers at {self.company}: {', '.join(names)}; "
                                  "give more of the name")
        known = ", ".join(dict.fromkeys(person.name for _, person in people)) or "none recorded"
        raise UnknownInterviewer(f"no interviewer {quoted(key)} at {self.company}: known are {known}")

    def open_tasks(self) -> list[Direction]:
        """What is still on the user's side: open do-by directions."""
        return [d for d in self.directions if d.kind is DirectionKind.DO_BY and d.is_open]

    def find_direction(self, direction_id: str) -> Direction:
        for direction in self.directions:
            if direction.id == direction_id:
                return direction
        raise ValidationError(f"no direction {direction_id!r} in {self.company}")

    def search_text(self) -> str:
        """What the board's filter matches against, folded (text.folded: no case, no accents)."""
        parts = [self.company, self.role, self.notes, self.recruiter]
        for person in self.interviewers():
            parts += [person.name, person.email, person.topic]
        return folded("\n".join(parts))

    # --- serialised form -----------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """The JSON form the data file, exports and `show --json` share."""
        data: dict[str, Any] = msgspec.to_builtins(self)
        return data

    @classmethod
    def from_dict(cls, data: Any) -> "Application":
        """An application from its JSON form; ValidationError names what is wrong."""
        if not isinstance(data, dict):
            raise ValidationError("an application must be a JSON object")
        return convert(data, cls)


def convert(data: Any, kind: type[T]) -> T:
    """`data` (plain JSON values) as a `kind` record; ValidationError, in words, when it is not one."""
    try:
        return msgspec.convert(data, kind)
    except msgspec.ValidationError as exc:
        raise ValidationError(plain_reason(exc)) from None


def plain_reason(exc: Exception) -> str:
    """msgspec's '… - at `$.rounds[0].at`' said as 'rounds[0].at: …'."""
    text = str(exc)
    reason, sep, where = text.rpartition(" - at `$")
    if not sep:
        return text
    where = where.rstrip("`").lstrip(".")
    if reason == "Expected `str` of length >= 1":
        return f"{where} is empty"
    hint = " (write times as ISO 8601, e.g. 2026-12-01T14:00:00Z)" if "datetime" in reason else ""
    return f"{where}: {reason[:1].lower()}{reason[1:]}{hint}"


def times_in_years(apps: Iterable[Application]) -> bool:
    """Whether every time of `apps` is in the years a time is kept in (timeutil.checked_time). The decoder of
    the data file checks that a stored time has a zone, not its year; a file whose records fail here is read
    record by record (`from_dict`), which names the record out of the years as damaged. Only the earliest and
    the latest time are checked: ~30 ms for 10,000 cards (a twentieth of decoding them), a third of what a search
    of the bytes for such years took."""
    times: list[datetime | None] = []
    add, more = times.append, times.extend
    for app in apps:
        more((app.outcome_at, app.decision_by, app.keep_in_touch, app.created_at, app.updated_at))
        for rnd in app.rounds:
            add(rnd.at)
            more([person.thanked_at for person in rnd.interviewers])
        for direction in app.directions:
            more((direction.due, direction.done_at))
        more([contact.at for contact in app.contacts])
        more([event.at for event in app.history])
        for snooze in app.snoozes:
            more((snooze.due, snooze.until, snooze.at))
    known = [moment for moment in times if moment is not None]
    if not known:
        return True
    try:
        checked_time(min(known))
        checked_time(max(known))
    except ValidationError:
        return False
    return True


_PACK = msgspec.msgpack.Encoder()
_UNPACK = msgspec.msgpack.Decoder(Application)


def copied(app: Application) -> Application:
    """A deep copy of `app`, for a change that must leave the original as it was (undo keeps it).

    Through msgspec's binary form: seven times as fast as `copy.deepcopy`,
    which counts when a command catches up every card of a 10,000-card file.
    The copy was valid as the original was, so it is not checked again.
    """
    with decoding_stored():  # the deep copy's records are not checked again either
        try:
            packed = _PACK.encode(app)
        except OverflowError:  # an int beyond 64 bits in a history line's data (a hand-edited file): the slow way
            return copy.deepcopy(app)
        return _UNPACK.decode(packed)
