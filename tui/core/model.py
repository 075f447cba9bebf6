"""The application record and its parts: typed records with one serialised form.

The records are msgspec Structs (not tracked by the garbage collector: they
never form cycles), so the data file is decoded straight into
them in one pass (at 10,000 applications, a tenth of what building them from
`json.loads` dicts took) and encoded from them just as fast. `to_dict` and
`from_dict` give the same JSON for exports and imports. Times are standard
`datetime`s in UTC (`timeutil.to_utc` makes them so); pendulum comes in
where a time is shown or typed.

Each record checks itself in `__post_init__`, which an edit calls again to
re-validate; the data file's own records are checked by the decoder
(`decoding_stored`).
"""

from __future__ import annotations

import threading
import uuid
from contextlib import contextmanager
from datetime import datetime
from typing import Annotated, Any, Iterator, TypeVar

import msgspec

from tui.core.errors import ValidationError
from tui.core.stages import DirectionKind, LetterKind, Outcome, Stage
from tui.core.timeutil import to_utc

NAME_LIMIT = 200  # every limit on typed text is here; forms and the CLI read them
ROUND_NAME_LIMIT = 80
KIND_LIMIT = 40
LONG_TEXT_LIMIT = 500
LINK_LIMIT = 2000
# What the decoder checks in a stored record (see decoding_stored); __post_init__ checks the same and more.
ZonedTime = Annotated[datetime, msgspec.Meta(tz=True)]
Name = Annotated[str, msgspec.Meta(min_length=1, max_length=NAME_LIMIT)]
Short = Annotated[str, msgspec.Meta(max_length=NAME_LIMIT)]
LongText = Annotated[str, msgspec.Meta(max_length=LONG_TEXT_LIMIT)]
T = TypeVar("T")


def new_id() -> str:
    return str(uuid.uuid4())


_decoding = threading.local()


@contextmanager
def decoding_stored() -> Iterator[None]:
    """While this thread decodes the data file, records are checked by the decoder alone.

    What a person or the code makes goes through each record's
    `__post_init__` (trimming, limits, addresses, UTC); for a 10,000-card
    file those Python calls cost more than the decoding. Stored records were
    made that way, and the decoder checks their types, zones and lengths
    (the `Annotated` constraints below), so here `__post_init__` returns at
    once. And a record without an id is damage, not a new record: msgspec
    fills a missing id from its default, which would hide the damage and
    give the record a new id on every read. Per thread: the board may make a
    new application on another thread meanwhile.
    """
    before = getattr(_decoding, "active", False)
    _decoding.active = True
    try:
        yield
    finally:
        _decoding.active = before


def _decoding_stored() -> bool:
    return getattr(_decoding, "active", False)


def _fresh_id() -> str:
    if _decoding_stored():
        raise ValidationError("a record has no id")
    return new_id()


def _id() -> Any:
    return msgspec.field(default_factory=_fresh_id)


def _clean(text: Any, field_name: str, *, required: bool = False, limit: int = NAME_LIMIT) -> str:
    value = "" if text is None else str(text).strip()
    if required and not value:
        raise ValidationError(f"{field_name} is empty: give a {field_name}")
    if len(value) > limit:
        raise ValidationError(f"{field_name} is {len(value)} characters long: keep it under {limit}")
    return value


def _time(value: datetime | None) -> datetime | None:
    return None if value is None else to_utc(value)


def check_link(url: str | None, what: str = "link") -> str:
    """An http(s) address with no spaces or control characters, or empty; refused in one line."""
    value = (url or "").strip()
    if not value:
        return ""
    scheme, sep, rest = value.partition("://")
    if not sep or scheme.lower() not in ("http", "https") or not rest or rest.startswith("/"):
        raise ValidationError(f"{what} {value!r} is not a web address: write it as https://example.com/…")
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise ValidationError(f"{what} {value!r} has a space or a control character: paste the address alone")
    if len(value) > LINK_LIMIT:
        raise ValidationError(f"{what} is {len(value)} characters long: keep it under {LINK_LIMIT}")
    return value


def check_email(email: str | None) -> str:
    value = (email or "").strip()
    if value and ("@" not in value or value.startswith("@") or value.endswith("@") or " " in value):
        raise ValidationError(f"email {value!r} is not an address: write it as name@example.com")
    return value


class Interviewer(msgspec.Struct, gc=False):
    name: Name
    title: Short = ""
    email: Short = ""
    topic: LongText = ""  # what was discussed with them; the thank-you note names it
    thanked_at: ZonedTime | None = None
    id: str = _id()
    link: Annotated[str, msgspec.Meta(max_length=LINK_LIMIT)] = ""  # an article that supports the topic
    link_note: Short = ""  # what the link is, in a few words

    def __post_init__(self) -> None:
        if _decoding_stored():
            return
        self.name = _clean(self.name, "interviewer name", required=True)
        self.title = _clean(self.title, "title")
        self.email = check_email(self.email)
        self.topic = _clean(self.topic, "topic", limit=LONG_TEXT_LIMIT)
        self.thanked_at = _time(self.thanked_at)
        self.link = check_link(self.link)
        self.link_note = _clean(self.link_note, "link note")

    @classmethod
    def parse(cls, text: str) -> "Interviewer":
        """'Dana Kim <dana@acme.com>' or 'Dana Kim' or 'dana@acme.com'."""
        raw = (text or "").strip()
        name, email = raw, ""
        if "<" in raw or ">" in raw:
            if "<" not in raw or not raw.endswith(">"):
                raise ValidationError(
                    f"interviewer {raw!r}: write it as \"Name <email>\" or just \"Name\""
                )
            name, _, rest = raw.partition("<")
            email = rest[:-1].strip()
            name = name.strip()
            if not email:
                raise ValidationError(f"interviewer {raw!r}: the email between < > is empty")
        elif "@" in raw and " " not in raw:
            name, email = raw.split("@", 1)[0], raw
        if not name:
            raise ValidationError(f"interviewer {raw!r} has no name: write \"Name <email>\"")
        return cls(name=name, email=email)

    @classmethod
    def parse_many(cls, text: str) -> list["Interviewer"]:
        """'Dana Kim <d@x.com>, Lee Park; Sam' -> three interviewers: the one splitter of every form.

        Commas and semicolons separate people, except inside <…> (an address
        may be written "Kim, Dana <dana@acme.com>"-style by a mail client).
        """
        parts, current, depth = [], "", 0
        for char in text or "":
            depth += char == "<"
            depth -= char == ">" and depth > 0
            if char in ",;" and depth == 0:
                parts.append(current)
                current = ""
            else:
                current += char
        parts.append(current)
        return [cls.parse(part) for part in parts if part.strip()]

    def display(self) -> str:
        return f"{self.name} <{self.email}>" if self.email else self.name


def check_recruiter(text: str | None) -> str:
    """A card's recruiter as the user typed it, stripped: "Sam Lee <sam@acme.com>", or free text such as
    "the hiring team". An address (or an angle bracket) in it must read as an interviewer's would.

    The one check of the detail screen's edit form and `followup edit --recruiter`; the letters read
    the person out of it when they need one (letters._recipient).
    """
    value = _clean(text, "recruiter")
    if any(mark in value for mark in "@<>"):
        try:
            Interviewer.parse(value)
        except ValidationError as exc:
            said = str(exc)
            if "interviewer" in said:
                said = said.replace("interviewer", "recruiter", 1)
            else:
                said = f"recruiter {value!r}: {said}"
            raise ValidationError(said) from None
    return value


class Round(msgspec.Struct, gc=False):
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=ROUND_NAME_LIMIT)]
    at: ZonedTime
    interviewers: list[Interviewer] = msgspec.field(default_factory=list)
    id: str = _id()

    def __post_init__(self) -> None:
        if _decoding_stored():
            return
        self.name = _clean(self.name, "round name", required=True, limit=ROUND_NAME_LIMIT)
        if self.at is None:
            raise ValidationError("a round has no time: every round needs 'at'")
        self.at = to_utc(self.at)


class Direction(msgspec.Struct, gc=False):
    """Something the recruiter said: do X by a date, don't call before a date, or a fact."""

    text: Annotated[str, msgspec.Meta(min_length=1, max_length=LONG_TEXT_LIMIT)]
    kind: DirectionKind = DirectionKind.DO_BY
    due: ZonedTime | None = None
    done_at: ZonedTime | None = None
    id: str = _id()

    def __post_init__(self) -> None:
        if _decoding_stored():
            return
        self.text = _clean(self.text, "direction", required=True, limit=LONG_TEXT_LIMIT)
        self.kind = DirectionKind.parse(self.kind)
        self.due = _time(self.due)
        self.done_at = _time(self.done_at)
        if self.kind is DirectionKind.NOT_BEFORE and self.due is None:
            raise ValidationError("a not-before direction needs a date: until when to keep quiet")

    @property
    def is_open(self) -> bool:
        return self.done_at is None


class Contact(msgspec.Struct, gc=False):
    """A letter sent or a contact made; the follow-up clock starts from the last one."""

    at: ZonedTime
    kind: Annotated[str, msgspec.Meta(min_length=1, max_length=KIND_LIMIT)]  # a LetterKind value, or "email", "call", …
    to: str = ""
    summary: str = ""
    inbound: bool = False  # they contacted us
    id: str = _id()

    def __post_init__(self) -> None:
        if _decoding_stored():
            return
        if self.at is None:
            raise ValidationError("a contact has no time")
        self.at = to_utc(self.at)
        self.kind = _clean(self.kind, "contact kind", required=True, limit=KIND_LIMIT)


class Snooze(msgspec.Struct, gc=False):
    """One deadline put off by the user until a later time.

    It names the deadline as `deadlines.Deadline` does (kind and ref) and
    keeps the due time the rules gave when it was snoozed: when the rules move
    that deadline (a new round, a reply), the snooze no longer matches and is
    ignored, so a stale snooze can never hide a new deadline.
    """

    kind: Annotated[str, msgspec.Meta(min_length=1, max_length=KIND_LIMIT)]  # a DeadlineKind value
    due: ZonedTime  # the deadline's due time when it was snoozed
    until: ZonedTime
    ref: str = ""  # the interviewer or direction id, as the deadline's
    reason: Short = ""
    at: ZonedTime | None = None  # when it was snoozed
    id: str = _id()

    def __post_init__(self) -> None:
        if _decoding_stored():
            return
        self.kind = _clean(self.kind, "deadline kind", required=True, limit=KIND_LIMIT)
        self.due = to_utc(self.due)
        self.until = to_utc(self.until)
        self.reason = _clean(self.reason, "reason")
        self.at = _time(self.at)
        if self.until <= self.due:
            raise ValidationError("a snooze must end after the deadline it puts off")


class Event(msgspec.Struct, gc=False):
    """One line of an application's history.

    The most numerous record, so it has no `__post_init__` (a Python call per
    event was a tenth of a 10,000-card load): its time must be given in UTC
    (`to_utc`), and the decoder checks a stored one has a zone.
    """

    at: ZonedTime | None
    kind: str  # created, stage, round, thanked, direction, letter, contact, outcome, edit, notes
    text: str
    data: dict[str, Any] = msgspec.field(default_factory=dict)


UNDONE = "undone"  # Event.data key (schema 4): the step that wrote the line was undone on the board


def holds(event: Event) -> bool:
    """Whether a history line still says what happened: a line whose step was undone stays on record
    (the history keeps everything) but no statistic, stay or rule counts it."""
    return not event.data.get(UNDONE)


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
    id: str = _id()
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
        if _decoding_stored():
            return
        self.company = _clean(self.company, "company", required=True)
        self.role = _clean(self.role, "role", required=True)
        self.pitch = _clean(self.pitch, "pitch", limit=LONG_TEXT_LIMIT)
        self.posting = check_link(self.posting, "posting")
        self.stage = Stage.parse(self.stage)
        if self.outcome is not None:
            self.outcome = Outcome.parse(self.outcome)
        for name in ("outcome_at", "decision_by", "keep_in_touch", "created_at", "updated_at"):
            value = getattr(self, name)
            if value is not None:
                setattr(self, name, to_utc(value))

    # --- derived facts -------------------------------------------------
    @property
    def short_id(self) -> str:
        return self.id[:8]

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
            if recorded is None or recorded >= rnd.at:
                continue  # recorded after it took place: actions.add_round moved the card then
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

    def last_contact_at(self) -> datetime | None:
        """The latest moment either side spoke: a round or a recorded contact."""
        times = [r.at for r in self.rounds] + [c.at for c in self.contacts]
        return max(times) if times else None

    def interviewers(self) -> list[Interviewer]:
        return [i for r in self.rounds for i in r.interviewers]

    def find_round(self, round_id: str) -> Round:
        for rnd in self.rounds:
            if rnd.id == round_id:
                return rnd
        raise ValidationError(f"no round {round_id!r} in {self.company}")

    def find_interviewer(self, key: str, within: Round | None = None) -> tuple[Round, Interviewer]:
        """By id, or by name, case-insensitive, latest round first (`within`: that round only): the whole
        name, else a part of it that names one person. Every command and screen that takes an interviewer's
        name reads it here, so they agree. A part that starts a word of a name wins over one inside a word.
        A part that fits several people is refused naming them; a name
        that fits nobody raises UnknownInterviewer (`followup interviewer` adds that person then)."""
        want = key.strip().lower()
        ordered = [within] if within is not None else sorted(self.rounds, key=lambda r: r.at, reverse=True)
        people = [(rnd, person) for rnd in ordered for person in rnd.interviewers]
        for rnd, person in people:
            if person.id == key or person.name.lower() == want:
                return rnd, person
        # a part that starts a word of the name ("ana": Ana Ruiz) before one inside a word (Dana Kim)
        partial = [(rnd, person) for rnd, person in people
                   if want and any(word.startswith(want) for word in person.name.lower().split())]
        partial = partial or [(rnd, person) for rnd, person in people if want and want in person.name.lower()]
        names = list(dict.fromkeys(person.name for _, person in partial))
        if len(names) == 1:
            return partial[0]
        if names:
            raise ValidationError(f"{key!r} fits several interviewers at {self.company}: {', '.join(names)}; "
                                  "give more of the name")
        known = ", ".join(dict.fromkeys(person.name for _, person in people)) or "none recorded"
        raise UnknownInterviewer(f"no interviewer {key!r} at {self.company}: known are {known}")

    def open_tasks(self) -> list[Direction]:
        """What is still on the user's side: open do-by directions."""
        return [d for d in self.directions if d.kind is DirectionKind.DO_BY and d.is_open]

    def find_direction(self, direction_id: str) -> Direction:
        for direction in self.directions:
            if direction.id == direction_id:
                return direction
        raise ValidationError(f"no direction {direction_id!r} in {self.company}")

    def search_text(self) -> str:
        """What the board's filter matches against, lower-cased."""
        parts = [self.company, self.role, self.notes, self.recruiter]
        for person in self.interviewers():
            parts += [person.name, person.email, person.topic]
        return "\n".join(parts).lower()

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


_PACK = msgspec.msgpack.Encoder()
_UNPACK = msgspec.msgpack.Decoder(Application)


def copied(app: Application) -> Application:
    """A deep copy of `app`, for a change that must leave the original as it was (undo keeps it).

    Through msgspec's binary form: seven times as fast as `copy.deepcopy`,
    which counts when a command catches up every card of a 10,000-card file.
    The copy was valid as the original was, so it is not checked again.
    """
    with decoding_stored():
        return _UNPACK.decode(_PACK.encode(app))
