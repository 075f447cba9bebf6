"""The data file's bytes to records and back: msgspec, in one pass each way.

Two readings of the same bytes:

- `decode_typed`: straight into `Application` records, the board's and the
  commands' everyday read. At 10,000 applications it takes a fifth of what
  `json.loads` followed by building the records took.
- `decode_plain`: plain dicts and lists, what TinyDB works on inside a write,
  and what an older or odd file is classified and migrated from.

A file that does not decode as current Followup data on the typed path is read
the plain way to say exactly what is wrong with it (foreign, newer, damaged);
the records that do load are still handed back with the damaged ones named,
so `list` and `export` work on a partly damaged file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterator, MutableMapping, NamedTuple

import msgspec

from tui.core.errors import ValidationError, shown_path
from tui.core.model import Application, times_in_years
from tui.core.parts import decoding_stored, reading_stored_names
from tui.core.text import clean_text, first_unclean, unclean_words
from tui.store.errors import UnreadableFileError
from tui.store.migrations import (
    APP_NAME,
    APPS_TABLE,
    META_TABLE,
    SCHEMA_VERSION,
    classify,
    cleaned_record,
    damaged,
    migrate,
)


class _Meta(msgspec.Struct, gc=False):
    app: str
    schema: int
    writes: int = 0


class _Layout(msgspec.Struct, gc=False):
    meta: dict[str, _Meta] = msgspec.field(name=META_TABLE, default_factory=dict)
    applications: dict[str, Application] = msgspec.field(default_factory=dict)


class StoredDoc(MutableMapping[str, Any]):
    """One application's record as the file holds it, turned into a dict only if a write changes it.

    A write rewrites the whole file but changes one record or a few: the
    others go back byte for byte, never made into dicts and back (at 10,000
    applications: ~60 MB of dicts the board no longer keeps, and a faster
    write). Its id and revision, all a write asks of a record it does not
    change, come from the typed reading of the same bytes.
    """

    __slots__ = ("_raw", "_plain", "_id", "_revision")

    def __init__(self, raw: msgspec.Raw, app_id: str, revision: int) -> None:
        self._raw: msgspec.Raw | None = raw
        self._plain: dict[str, Any] | None = None
        self._id, self._revision = app_id, revision

    def _opened(self) -> dict[str, Any]:
        if self._plain is None:
            self._plain, self._raw = _PLAIN.decode(self._raw or b"{}"), None
        return self._plain

    def __getitem__(self, key: str) -> Any:
        if self._plain is None and key in ("id", "revision"):
            return self._id if key == "id" else self._revision
        return self._opened()[key]

    def get(self, key: str, default: Any = None) -> Any:  # what a write asks of every record: no detour
        if self._plain is None and key in ("id", "revision"):
            return self._id if key == "id" else self._revision
        return self._opened().get(key, default)

    def __setitem__(self, key: str, value: Any) -> None:
        self._opened()[key] = value

    def __delitem__(self, key: str) -> None:
        del self._opened()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._opened())

    def __len__(self) -> int:
        return len(self._opened())

    def clear(self) -> None:
        self._plain, self._raw = {}, None

    def encodable(self) -> Any:
        return self._raw if self._raw is not None else self._plain


def _encodable(value: Any) -> Any:
    if isinstance(value, StoredDoc):
        return value.encodable()
    raise TypeError(f"cannot store a {type(value).__name__}")


_DECODER = msgspec.json.Decoder(_Layout)
_PLAIN = msgspec.json.Decoder()
_TABLES = msgspec.json.Decoder(dict[str, dict[str, msgspec.Raw]])
_ENCODER = msgspec.json.Encoder(enc_hook=_encodable)


class Decoded(NamedTuple):
    applications: list[Application]  # those that load, in file order
    problems: list[str]  # one line per damaged record (then the file must not be written)
    schema: int | None  # as found in the file; None: empty or missing
    # On the fast path only: document id -> (application id, revision) as read, for stored_layout
    # (the records themselves go to their reader, who may change them).
    identities: dict[str, tuple[str, int]] | None = None


def stored_layout(raw: bytes, identities: dict[str, tuple[str, int]]) -> dict[str, dict[str, Any]]:
    """The plain layout TinyDB works on, for a current, whole file that `decode_typed` read:
    each application a StoredDoc over its own bytes, the small tables plain."""
    tables = _TABLES.decode(raw)
    layout: dict[str, dict[str, Any]] = {}
    for name, table in tables.items():
        if name == APPS_TABLE:
            layout[name] = {doc_id: StoredDoc(doc, *identities[doc_id]) for doc_id, doc in table.items()}
        else:
            layout[name] = {doc_id: _PLAIN.decode(doc) for doc_id, doc in table.items()}
    return layout


# How a text that is not clean (tui.core.text.is_clean) shows in the bytes msgspec writes: an escape other
# than \n \t \" \\ (\u001b, \r, \b, \f, a lone surrogate's \udce9), or DEL, a C1 control or a bidi
# override written as UTF-8. Followup never writes one: a file holding one was edited by hand, and is read
# the plain way, which cleans what it shows (a false alarm, a typed backslash before "r", costs only that).
# About 1 ms a thousand applications, each search running on its literal first bytes; the C1 search only
# where a \xc2 is there at all (a one-byte scan, 20 times faster; most files have none).
_ESCAPES = re.compile(rb"\\[ubfr]")
_C1 = re.compile(rb"\xc2[\x80-\x9f]")
_BIDI = re.compile(rb"\xe2(?:\x80[\xaa-\xae]|\x81[\xa6-\xa9])")


def maybe_unclean(raw: bytes) -> bool:
    return (b"\x7f" in raw or _ESCAPES.search(raw) is not None or (b"\xc2" in raw and _C1.search(raw) is not None)
            or _BIDI.search(raw) is not None)


def stored_record(doc: dict[str, Any]) -> Application:
    """A record of the data file, checked as stored: a name stored before the rule that refuses one with
    nothing visible is kept (parts.reading_stored_names). The plain reading and a save's re-read both ask."""
    with reading_stored_names():
        return Application.from_dict(doc)


def decode_typed(path: Path, raw: bytes) -> Decoded:
    """The applications in `raw`; UnreadableFileError when the file is not ours at all."""
    if raw.strip() and not maybe_unclean(raw):
        try:
            with decoding_stored():
                layout = _DECODER.decode(raw)
        except (msgspec.ValidationError, msgspec.DecodeError, ValidationError, UnicodeDecodeError, RecursionError):
            pass  # said precisely by the plain reading below
        else:
            meta = next((m for m in layout.meta.values() if m.app == APP_NAME), None)
            if meta is not None and meta.schema == SCHEMA_VERSION and times_in_years(layout.applications.values()):
                apps = list(layout.applications.values())
                identities = {doc_id: (app.id, app.revision) for doc_id, app in layout.applications.items()}
                return Decoded(apps, duplicate_ids(apps), SCHEMA_VERSION, identities)
    try:
        return from_plain(path, decode_plain(path, raw))
    except RecursionError:  # read, but too deep for the checks and the migrations, which walk it recursively
        raise unreadable(path, _TOO_DEEP) from None


def from_plain(path: Path, data: Any) -> Decoded:
    """`decode_typed` for data already read as plain values (classified and migrated here)."""
    schema = classify(path, data)
    if schema is None:
        return Decoded([], [], None)
    if schema < SCHEMA_VERSION:
        data = migrate(path, data, schema)
    apps, problems = [], []
    for doc_id, doc in data.get(APPS_TABLE, {}).items():
        if not isinstance(doc, dict) or not doc.get("id"):
            problems.append(f"record {doc_id}: it has no id")
            continue
        if first_unclean(doc, one_line=True) is not None:  # hand-edited: read as the migrations would clean it
            broken = first_unclean(doc, broken=True)
            if broken is not None:  # shown cleaned, but a write of the file would fail on it
                problems.append(f"record {doc_id} ({clean_text(str(doc.get('company') or doc['id']))}): "
                                f"{_broken_words(broken)}")
                continue
            doc = cleaned_record(doc)
        try:
            apps.append(stored_record(doc))
        except ValidationError as exc:
            problems.append(f"record {doc_id} ({doc.get('company') or doc.get('id')}): {exc}")
    for name, table in data.items():  # the reminders table, our _meta record, a table of another program
        broken = first_unclean(table, broken=True) if name != APPS_TABLE else None
        if broken is not None:
            problems.append(f"the {clean_text(name)} table: {_broken_words(broken)}")
    return Decoded(apps, problems + duplicate_ids(apps), schema)


def _broken_words(found: tuple[str, str]) -> str:
    """A text that no write could store (`first_unclean(..., broken=True)`), named by its place."""
    where, text = found
    return f"{clean_text(where) or 'a text'} holds {unclean_words(text)}"


def duplicate_ids(apps: list[Application]) -> list[str]:
    seen: set[str] = set()
    problems = []
    for app in apps:
        if app.id in seen:
            problems.append(f"id {app.id} appears twice ({app.company})")
        seen.add(app.id)
    return problems


def decode_plain(path: Path, raw: bytes) -> Any:
    """The JSON in `raw` as plain values; {} when blank. UnreadableFileError when it is not JSON."""
    if not raw.strip():
        return {}
    try:
        return _PLAIN.decode(raw)
    except (msgspec.DecodeError, UnicodeDecodeError, RecursionError) as exc:
        try:  # Followup 0.1 wrote ASCII JSON that may escape a lone surrogate; the migration cleans it
            return json.loads(raw)
        except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
            pass
        if isinstance(exc, RecursionError):
            raise unreadable(path, _TOO_DEEP) from None
        if isinstance(exc, UnicodeDecodeError):
            detail = f"a byte that is not UTF-8, 0x{exc.object[exc.start]:02x}"
        else:
            detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise unreadable(path, f"not valid JSON ({detail})") from None


_TOO_DEEP = "cannot be read (its values are nested too deeply)"  # valid JSON, deeper than any Followup file


def unreadable(path: Path, why: str) -> UnreadableFileError:
    """Every file that cannot be read at all says so alike: which file, why, and how to recover."""
    return UnreadableFileError(
        f"{shown_path(path)}: {why}, so Followup will not touch it. To recover, restore a backup (a "
        f"{shown_path(path.name)}.bak-* "
        "file beside it, if any) or move the file away to start afresh"
    )


def check_whole(path: Path, decoded: Decoded) -> list[Application]:
    """The applications, when every record loaded; otherwise the file is damaged: refused."""
    if decoded.problems:
        raise damaged(path, "; ".join(decoded.problems[:3]) + (" …" if len(decoded.problems) > 3 else ""))
    return decoded.applications


def encode(data: Any) -> bytes:
    """Compact UTF-8 JSON of plain values and records alike."""
    return _ENCODER.encode(data)

