"""The parts of an application record, and the checks every typed field goes through.

Interviewers, rounds, directions, contacts, snoozes and history lines are
msgspec Structs (not tracked by the garbage collector: they never form
cycles), decoded straight from the data file. Each checks itself in
`__post_init__` (trimming, the length limits below, addresses, UTC), which
an edit calls again to re-validate; the data file's own records are checked
by the decoder instead (`decoding_stored`). `model.Application` holds them.
"""

from __future__ import annotations

import threading
import uuid
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime
from typing import Annotated, Any, Iterator

import msgspec

from tui.core.errors import ValidationError, quoted
from tui.core.greeting import SUFFIXES, bare_word
from tui.core.stages import DirectionKind
from tui.core.text import has_visible
from tui.core.timeutil import checked_time

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


def new_id() -> str:
    return str(uuid.uuid4())


_decoding = threading.local()


@contextmanager
def _set_in_this_thread(flag: str) -> Iterator[None]:
    """`flag` of this thread's decoding state is True inside, as it was after."""
    before = getattr(_decoding, flag, False)
    setattr(_decoding, flag, True)
    try:
        yield
    finally:
        setattr(_decoding, flag, before)


def decoding_stored() -> AbstractContextManager[None]:
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
    return _set_in_this_thread("active")


def decoding_active() -> bool:
    return getattr(_decoding, "active", False)


def reading_stored_names() -> AbstractContextManager[None]:
    """While a data file read the slow way (migrated, hand-edited) is checked, a name with nothing visible
    stored before clean_field refused one (fz2 5) is kept: the user's data stays readable."""
    return _set_in_this_thread("stored_names")


def reading_stored_name() -> bool:
    return getattr(_decoding, "stored_names", False)


def _fresh_id() -> str:
    if decoding_active():
        raise ValidationError("a record has no id")
    return new_id()


def id_field() -> Any:
    return msgspec.field(default_factory=_fresh_id)


def clean_field(text: Any, field_name: str, *, required: bool = False, limit: int = NAME_LIMIT) -> str:
    value = "" if text is None else str(text).strip()
    if value and not has_visible(value) and not reading_stored_name():
        value = ""  # only zero-width or format characters: as empty as spaces (fz2 5)
    if required and not value:
        article = "an" if field_name[:1].lower() in "aeiou" else "a"  # an interviewer name
        raise ValidationError(f"{field_name} is empty: give {article} {field_name}")
    if len(value) > limit:
        raise ValidationError(f"{field_name} is {len(value)} characters long: keep it under {limit}")
    return value


def utc_or_none(value: datetime | None, field: str = "time") -> datetime | None:
    return None if value is None else checked_time(value, field)


NOTE_WITHOUT_LINK = "a note about a link needs the link"  # the board's interviewer form and `followup interviewer`


def check_link_note(link: str, note: str) -> None:
    """A link note says what the link is: with no link it says nothing, and the letter has no line for it."""
    if note and not link:
        raise ValidationError(NOTE_WITHOUT_LINK)


def check_link(url: str | None, what: str = "link") -> str:
    """An http(s) address with no spaces or control characters, or empty; refused in one line."""
    value = (url or "").strip()
    if not value:
        return ""
    if len(value) > LINK_LIMIT:
        raise ValidationError(f"{what} is {len(value)} characters long: keep it under {LINK_LIMIT}")
    scheme, sep, rest = value.partition("://")
    if not sep or scheme.lower() not in ("http", "https") or not rest or rest.startswith("/"):
        raise ValidationError(f"{what} {quoted(value)} is not a web address: write it as https://example.com/…")
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise ValidationError(f"{what} {quoted(value)} has a space or a control character: paste the address alone")
    return value


def check_email(email: str | None) -> str:
    """An address or empty. Its length is checked here too: the data file's schema holds an email to
    NAME_LIMIT, and a longer one was saved, so the next read named the card damaged (fx2)."""
    value = (email or "").strip()
    if value and ("@" not in value or value.startswith("@") or value.endswith("@") or " " in value):
        raise ValidationError(f"email {quoted(value)} is not an address: write it as name@example.com")
    if len(value) > NAME_LIMIT:
        raise ValidationError(f"email is {len(value)} characters long: keep it under {NAME_LIMIT}")
    return value


class Interviewer(msgspec.Struct, gc=False):
    name: Name
    title: Short = ""
    email: Short = ""
    topic: LongText = ""  # what was discussed with them; the thank-you note names it
    thanked_at: ZonedTime | None = None
    id: str = id_field()
    link: Annotated[str, msgspec.Meta(max_length=LINK_LIMIT)] = ""  # an article that supports the topic
    link_note: Short = ""  # what the link is, in a few words

    def __post_init__(self) -> None:
        if decoding_active():
            return
        self.name = clean_field(self.name, "interviewer name", required=True)
        self.title = clean_field(self.title, "title")
        self.email = check_email(self.email)
        self.topic = clean_field(self.topic, "topic", limit=LONG_TEXT_LIMIT)
        self.thanked_at = utc_or_none(self.thanked_at, "thanked_at")
        self.link = check_link(self.link)
        self.link_note = clean_field(self.link_note, "link note")

    @classmethod
    def parse(cls, text: str) -> "Interviewer":
        """'Dana Kim <dana@acme.com>' or 'Dana Kim' or 'dana@acme.com'."""
        raw = (text or "").strip()
        name, email = raw, ""
        if "<" in raw or ">" in raw:
            if "<" not in raw or not raw.endswith(">"):
                raise ValidationError(
                    f"interviewer {quoted(raw)}: write it as \"Name <email>\" or just \"Name\""
                )
            name, _, rest = raw.partition("<")
            email = rest[:-1].strip()
            name = name.strip()
            if not email:
                raise ValidationError(f"interviewer {quoted(raw)}: the email between < > is empty")
        elif "@" in raw and " " not in raw:
            name, email = raw.split("@", 1)[0], raw
        if not name:
            raise ValidationError(f"interviewer {quoted(raw)} has no name: write \"Name <email>\"")
        return cls(name=name, email=email)

    @classmethod
    def parse_many(cls, text: str) -> list["Interviewer"]:
        """'Dana Kim <d@x.com>, Lee Park; Sam' -> three interviewers: the one splitter of every form.

        Commas and semicolons separate people, except inside <…> (an address
        may be written "Kim, Dana <dana@acme.com>"-style by a mail client) and
        before a suffix ("Ada Wong, PhD" is one person, as `followup interviewer` reads it).
        """
        parts: list[str] = []

        def end_part(part: str) -> None:
            words = part.split("<")[0].split()
            if parts and len(words) == 1 and bare_word(words[0]) in SUFFIXES:
                parts[-1] += "," + part  # "Ada Wong" + ", PhD"
            else:
                parts.append(part)

        current, depth = "", 0
        for char in text or "":
            depth += char == "<"
            depth -= char == ">" and depth > 0
            if char in ",;" and depth == 0:
                end_part(current)
                current = ""
            else:
                current += char
        end_part(current)
        return [cls.parse(part) for part in parts if part.strip()]

    def display(self) -> str:
        return f"{self.name} <{self.email}>" if self.email else self.name


def check_recruiter(text: str | None) -> str:
    """A card's recruiter as the user typed it, stripped: "Sam Lee <sam@acme.com>", or free text such as
    "the hiring team". An address (or an angle bracket) in it must read as an interviewer's would.

    The one check of the detail screen's edit form and `followup edit --recruiter`; the letters read
    the person out of it when they need one (recipients.recipient).
    """
    value = clean_field(text, "recruiter")
    if any(mark in value for mark in "@<>"):
        try:
            Interviewer.parse(value)
        except ValidationError as exc:
            said = str(exc)
            if "interviewer" in said:
                said = said.replace("interviewer", "recruiter", 1)
            else:
                said = f"recruiter {quoted(value)}: {said}"
            raise ValidationError(said) from None
    return value


class Round(msgspec.Struct, gc=False):
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=ROUND_NAME_LIMIT)]
    at: ZonedTime
    interviewers: list[Interviewer] = msgspec.field(default_factory=list)
    id: str = id_field()

    def __post_init__(self) -> None:
        if decoding_active():
            return
        self.name = clean_field(self.name, "round name", required=True, limit=ROUND_NAME_LIMIT)
        if self.at is None:
            raise ValidationError("a round has no time: every round needs 'at'")
        self.at = checked_time(self.at, "round time")
        # who sits in it and when their notes went out are judged where a change adds them
        # (tui/core/round_rules.py), not here: a record as read (an old file, its export) stays readable


class Direction(msgspec.Struct, gc=False):
    """Something the recruiter said: do X by a date, don't call before a date, or a fact."""

    text: Annotated[str, msgspec.Meta(min_length=1, max_length=LONG_TEXT_LIMIT)]
    kind: DirectionKind = DirectionKind.DO_BY
    due: ZonedTime | None = None
    done_at: ZonedTime | None = None
    id: str = id_field()

    def __post_init__(self) -> None:
        if decoding_active():
            return
        self.text = clean_field(self.text, "direction", required=True, limit=LONG_TEXT_LIMIT)
        self.kind = DirectionKind.parse(self.kind)
        self.due = utc_or_none(self.due, "direction due")
        self.done_at = utc_or_none(self.done_at, "direction done_at")
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
    id: str = id_field()

    def __post_init__(self) -> None:
        if decoding_active():
            return
        if self.at is None:
            raise ValidationError("a contact has no time")
        self.at = checked_time(self.at, "contact time")
        self.kind = clean_field(self.kind, "contact kind", required=True, limit=KIND_LIMIT)


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
    id: str = id_field()

    def __post_init__(self) -> None:
        if decoding_active():
            return
        self.kind = clean_field(self.kind, "deadline kind", required=True, limit=KIND_LIMIT)
        self.due = checked_time(self.due, "snooze due")
        self.until = checked_time(self.until, "snooze until")
        self.reason = clean_field(self.reason, "reason")
        self.at = utc_or_none(self.at, "snooze time")
        if self.until <= self.due:
            raise ValidationError("a snooze must end after the deadline it puts off")


class Event(msgspec.Struct, gc=False):
    """One line of an application's history.

    The most numerous record, so it has no `__post_init__` (a Python call per
    event was a tenth of a 10,000-card load): its time must be given in UTC
    (`to_utc`), and the decoder checks a stored one has a zone; `Application.__post_init__` checks its years.
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
