"""The application record and its parts, with their one serialised form.

Everything is a plain record so that copies are cheap (undo keeps them)
and `to_dict`/`from_dict` give the JSON the store and exports share.
"""

from __future__ import annotations

import uuid
from operator import attrgetter
from typing import Any

from pendulum import DateTime

from tui.core.errors import ValidationError
from tui.core.stages import DirectionKind, Outcome, Stage
from tui.core.timeutil import dump_time, load_time, to_utc


def new_id() -> str:
    return str(uuid.uuid4())


def _clean(text: Any, field_name: str, *, required: bool = False, limit: int = 200) -> str:
    value = "" if text is None else str(text).strip()
    if required and not value:
        raise ValidationError(f"{field_name} is empty: give a {field_name}")
    if len(value) > limit:
        raise ValidationError(f"{field_name} is {len(value)} characters long: keep it under {limit}")
    return value


def check_email(email: str | None) -> str:
    value = (email or "").strip()
    if value and ("@" not in value or value.startswith("@") or value.endswith("@") or " " in value):
        raise ValidationError(f"email {value!r} is not an address: write it as name@example.com")
    return value


class Record:
    """Equality and repr over the fields, as @dataclass would write them.

    The records are plain classes, not dataclasses: making the six dataclasses
    took about 3 ms of every start-up. A record's fields are its `__init__`'s
    parameters, in order. `__init__` ends with `__post_init__`, which checks
    and normalises the values; an edit calls it again to re-validate.
    """

    _fields: tuple[str, ...] = ()
    __hash__ = None  # mutable, so unhashable (as a dataclass with eq)

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        code = cls.__init__.__code__
        cls._fields = code.co_varnames[1:code.co_argcount]
        cls._values = staticmethod(attrgetter(*cls._fields))  # the fields' values, as a tuple

    def __post_init__(self) -> None:
        """Nothing to check unless a record says otherwise."""

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values(self) == self._values(other)

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{self.__class__.__qualname__}({inner})"


class Interviewer(Record):
    def __init__(self, name: str, title: str = "", email: str = "", topic: str = "",
                 thanked_at: DateTime | None = None, id: str | None = None) -> None:
        self.name = name
        self.title = title
        self.email = email
        self.topic = topic  # what was discussed with them; the thank-you note names it
        self.thanked_at = thanked_at
        self.id = new_id() if id is None else id
        self.__post_init__()

    def __post_init__(self) -> None:
        self.name = _clean(self.name, "interviewer name", required=True)
        self.title = _clean(self.title, "title")
        self.email = check_email(self.email)
        self.topic = _clean(self.topic, "topic", limit=500)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "title": self.title,
            "email": self.email,
            "topic": self.topic,
            "thanked_at": dump_time(self.thanked_at),
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Interviewer":
        return cls(
            id=str(data.get("id") or new_id()),
            name=data.get("name", ""),
            title=data.get("title", ""),
            email=data.get("email", ""),
            topic=data.get("topic", ""),
            thanked_at=load_time(data.get("thanked_at"), field="thanked_at"),
        )

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

    def display(self) -> str:
        return f"{self.name} <{self.email}>" if self.email else self.name


class Round(Record):
    def __init__(self, name: str, at: DateTime, interviewers: list[Interviewer] | None = None,
                 id: str | None = None) -> None:
        self.name = name
        self.at = at
        self.interviewers = [] if interviewers is None else interviewers
        self.id = new_id() if id is None else id
        self.__post_init__()

    def __post_init__(self) -> None:
        self.name = _clean(self.name, "round name", required=True, limit=80)
        self.at = to_utc(self.at)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "at": dump_time(self.at),
            "interviewers": [i.to_dict() for i in self.interviewers],
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Round":
        at = load_time(data.get("at"), field="round time")
        if at is None:
            raise ValidationError("a round has no time: every round needs 'at'")
        return cls(
            id=str(data.get("id") or new_id()),
            name=data.get("name", "Interview"),
            at=at,
            interviewers=[Interviewer.from_dict(i) for i in data.get("interviewers", [])],
        )


class Direction(Record):
    """Something the recruiter said: do X by a date, don't call before a date, or a fact."""

    def __init__(self, text: str, kind: DirectionKind = DirectionKind.DO_BY, due: DateTime | None = None,
                 done_at: DateTime | None = None, id: str | None = None) -> None:
        self.text = text
        self.kind = kind
        self.due = due
        self.done_at = done_at
        self.id = new_id() if id is None else id
        self.__post_init__()

    def __post_init__(self) -> None:
        self.text = _clean(self.text, "direction", required=True, limit=500)
        self.kind = DirectionKind.parse(self.kind)
        if self.due is not None:
            self.due = to_utc(self.due)
        if self.kind is DirectionKind.NOT_BEFORE and self.due is None:
            raise ValidationError("a not-before direction needs a date: until when to keep quiet")

    @property
    def is_open(self) -> bool:
        return self.done_at is None

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "text": self.text,
            "kind": self.kind.value,
            "due": dump_time(self.due),
            "done_at": dump_time(self.done_at),
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Direction":
        return cls(
            id=str(data.get("id") or new_id()),
            text=data.get("text", ""),
            kind=data.get("kind", "do-by"),
            due=load_time(data.get("due"), field="direction due"),
            done_at=load_time(data.get("done_at"), field="direction done_at"),
        )


class Contact(Record):
    """A letter sent or a contact made; the follow-up clock starts from the last one."""

    def __init__(self, at: DateTime, kind: str, to: str = "", summary: str = "", inbound: bool = False,
                 id: str | None = None) -> None:
        self.at = at
        self.kind = kind  # a LetterKind value, or "email", "call", "message", "reply"
        self.to = to
        self.summary = summary
        self.inbound = inbound  # they contacted us
        self.id = new_id() if id is None else id
        self.__post_init__()

    def __post_init__(self) -> None:
        self.at = to_utc(self.at)
        self.kind = _clean(self.kind, "contact kind", required=True, limit=40)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "at": dump_time(self.at),
            "kind": self.kind,
            "to": self.to,
            "summary": self.summary,
            "inbound": self.inbound,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Contact":
        at = load_time(data.get("at"), field="contact time")
        if at is None:
            raise ValidationError("a contact has no time")
        return cls(
            id=str(data.get("id") or new_id()),
            at=at,
            kind=data.get("kind", "email"),
            to=data.get("to", "") or "",
            summary=data.get("summary", "") or "",
            inbound=bool(data.get("inbound", False)),
        )


class Event(Record):
    """One line of an application's history."""

    def __init__(self, at: DateTime, kind: str, text: str, data: dict | None = None) -> None:
        self.at = at
        self.kind = kind  # created, stage, round, thanked, direction, letter, contact, outcome, edit, notes
        self.text = text
        self.data = {} if data is None else data

    def to_dict(self) -> dict:
        return {"at": dump_time(self.at), "kind": self.kind, "text": self.text, "data": self.data}

    @classmethod
    def from_dict(cls, data: dict) -> "Event":
        return cls(
            at=load_time(data.get("at"), field="history time"),
            kind=str(data.get("kind", "edit")),
            text=str(data.get("text", "")),
            data=dict(data.get("data") or {}),
        )


class Application(Record):
    def __init__(
        self, company: str, role: str, stage: Stage = Stage.INTERVIEWED, id: str | None = None,
        outcome: Outcome | None = None, outcome_at: DateTime | None = None, notes: str = "",
        recruiter: str = "", decision_by: DateTime | None = None, keep_in_touch: DateTime | None = None,
        rounds: list[Round] | None = None, directions: list[Direction] | None = None,
        contacts: list[Contact] | None = None, history: list[Event] | None = None,
        created_at: DateTime | None = None, updated_at: DateTime | None = None, revision: int = 0,
    ) -> None:
        self.company = company
        self.role = role
        self.stage = stage
        self.id = new_id() if id is None else id
        self.outcome = outcome
        self.outcome_at = outcome_at
        self.notes = notes
        self.recruiter = recruiter  # "Name <email>" of the person to write follow-ups to
        self.decision_by = decision_by  # when they said they would decide
        self.keep_in_touch = keep_in_touch
        self.rounds = [] if rounds is None else rounds
        self.directions = [] if directions is None else directions
        self.contacts = [] if contacts is None else contacts
        self.history = [] if history is None else history
        self.created_at = created_at
        self.updated_at = updated_at
        self.revision = revision  # bumped by the store on every write; a stale edit is refused
        self.__post_init__()

    def __post_init__(self) -> None:
        self.company = _clean(self.company, "company", required=True)
        self.role = _clean(self.role, "role", required=True)
        self.stage = Stage.parse(self.stage)
        if self.outcome is not None:
            self.outcome = Outcome.parse(self.outcome)

    # --- derived facts -------------------------------------------------
    @property
    def short_id(self) -> str:
        return self.id[:8]

    @property
    def latest_round(self) -> Round | None:
        return max(self.rounds, key=lambda r: r.at) if self.rounds else None

    @property
    def follow_up_count(self) -> int:
        return sum(1 for c in self.contacts if c.kind == "follow-up" and not c.inbound)

    def last_contact_at(self) -> DateTime | None:
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

    def find_interviewer(self, key: str) -> tuple[Round, Interviewer]:
        """By id, or by a case-insensitive name (latest round first)."""
        want = key.strip().lower()
        ordered = sorted(self.rounds, key=lambda r: r.at, reverse=True)
        for rnd in ordered:
            for person in rnd.interviewers:
                if person.id == key or person.name.lower() == want:
                    return rnd, person
        for rnd in ordered:
            for person in rnd.interviewers:
                if want and want in person.name.lower():
                    return rnd, person
        names = ", ".join(i.name for i in self.interviewers()) or "none recorded"
        raise ValidationError(f"no interviewer {key!r} at {self.company}: known are {names}")

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
    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "company": self.company,
            "role": self.role,
            "stage": self.stage.value,
            "outcome": self.outcome.value if self.outcome else None,
            "outcome_at": dump_time(self.outcome_at),
            "notes": self.notes,
            "recruiter": self.recruiter,
            "decision_by": dump_time(self.decision_by),
            "keep_in_touch": dump_time(self.keep_in_touch),
            "rounds": [r.to_dict() for r in self.rounds],
            "directions": [d.to_dict() for d in self.directions],
            "contacts": [c.to_dict() for c in self.contacts],
            "history": [e.to_dict() for e in self.history],
            "created_at": dump_time(self.created_at),
            "updated_at": dump_time(self.updated_at),
            "revision": self.revision,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Application":
        if not isinstance(data, dict):
            raise ValidationError("an application must be a JSON object")
        try:
            return cls(
                id=str(data.get("id") or new_id()),
                company=data.get("company", ""),
                role=data.get("role", ""),
                stage=data.get("stage", "interviewed"),
                outcome=data.get("outcome") or None,
                outcome_at=load_time(data.get("outcome_at"), field="outcome_at"),
                notes=data.get("notes", "") or "",
                recruiter=data.get("recruiter", "") or "",
                decision_by=load_time(data.get("decision_by"), field="decision_by"),
                keep_in_touch=load_time(data.get("keep_in_touch"), field="keep_in_touch"),
                rounds=[Round.from_dict(r) for r in data.get("rounds", []) or []],
                directions=[Direction.from_dict(d) for d in data.get("directions", []) or []],
                contacts=[Contact.from_dict(c) for c in data.get("contacts", []) or []],
                history=[Event.from_dict(e) for e in data.get("history", []) or []],
                created_at=load_time(data.get("created_at"), field="created_at"),
                updated_at=load_time(data.get("updated_at"), field="updated_at"),
                revision=int(data.get("revision", 0) or 0),
            )
        except ValidationError:
            raise
        except (TypeError, AttributeError, ValueError) as exc:  # e.g. a list where text belongs
            raise ValidationError(f"application {data.get('id', '?')!r} is malformed: {exc}") from exc
