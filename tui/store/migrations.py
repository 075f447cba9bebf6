"""Telling our files from others, and bringing old ones up to date.

Schema 0 is the pre-release layout: applications in TinyDB's `_default` table,
the stage under "status", times possibly naive ISO strings (meaning UTC), and
no `_meta` table. Schema 1 keeps applications in the `applications` table and
a `_meta` record {"app": "followup", "schema": 1, "writes": N}. Schema 2 is
schema 1 with only clean text: Followup 0.1 stored what it was given, so an
argument's undecodable byte (a lone surrogate) or a terminal control
character could sit in the file; the step to 2 replaces the first with U+FFFD
and drops the second. Schema 3 adds fields with empty defaults (an
interviewer's `link` and `link_note`, an application's `pitch`, `posting`
and `snoozes`) and a `reminders` table, where `followup remind` keeps what it
sent apart from the cards (so sending one never changes a card's revision);
the step to 3 writes those defaults into every record and adds the table.
Schema 4 gives history lines two flags in their data: what each "direction"
line did (`change`: added, done, reopened, removed), so the history can mark a
finished instruction apart from one still to do, and `undone` on the lines of
a step undone on the board, which stay on record but count nowhere
(parts.holds). The step to 4 reads `change` from the old lines' words,
until then the only place that said it; which old lines were undone cannot be
told, so they keep counting. Schema 5 holds a newline or a tab only where text
may run over lines (a card's notes and its history, tui.core.text.is_multi_line):
until then the command line and imports stored one in a company, a name or a
direction, where it broke the one line that text is printed on; the step to 5
makes each a space, as the board does with one typed into such a field, and
cleans every text again (a file hand-edited since the step to 2).

Detection is strict: a file is only ours when its `_meta` record says so, or
when it has exactly the schema-0 shape. Everything else is refused untouched.
Migrations are pure functions from one layout to the next, run in order; the
store writes a byte-for-byte backup before writing the migrated file.
"""

from __future__ import annotations

import copy
import json
import uuid
from pathlib import Path
from typing import Any, Callable, TypeAlias, TypeGuard

from tui.core.clock import now
from tui.core.errors import ValidationError, shown_path
from tui.core.stages import DirectionChange, Stage
from tui.core.text import clean_text, one_lined
from tui.core.timefmt import FILE_STAMP
from tui.core.timeutil import dump_time, load_time
from tui.store.atomic import atomic_write_bytes
from tui.store.errors import NewerSchemaError, UnreadableFileError
from tui.store.paths import BACKUP_INFIX

SCHEMA_VERSION = 5
APP_NAME = "followup"
META_TABLE = "_meta"
META_DOC_ID = "1"
APPS_TABLE = "applications"
REMINDERS_TABLE = "reminders"
LEGACY_TABLE = "_default"
LEGACY_KEYS = ("company", "role", "status")

Doc: TypeAlias = dict[str, Any]  # one record (or a whole file) as plain JSON values
Layout: TypeAlias = dict[str, dict[str, Any]]  # a whole file: table name -> {document id -> record}


def meta_record(schema: int = SCHEMA_VERSION, writes: int = 0) -> Doc:
    return {"app": APP_NAME, "schema": schema, "writes": writes}


def fresh_layout() -> Layout:
    """What a new, empty data file holds."""
    return {META_TABLE: {META_DOC_ID: meta_record()}, APPS_TABLE: {}, REMINDERS_TABLE: {}}


def foreign(path: Path, why: str) -> UnreadableFileError:
    return UnreadableFileError(
        f"{shown_path(path)}: valid JSON but not a Followup data file ({why}), so Followup will not touch "
        "it. Pick another file with --db (or $FOLLOWUP_DB), or move this one away"
    )


def damaged(path: Path, why: str) -> UnreadableFileError:
    return UnreadableFileError(
        f"{shown_path(path)}: a Followup data file, but damaged ({why}); nothing was changed. Fix it by "
        f"hand or restore a backup (a {shown_path(path.name)}.bak-* file beside it, if any)"
    )


def our_meta(data: Doc) -> Doc | None:
    """Our _meta record, or None when the file has none that is ours."""
    meta = data.get(META_TABLE)
    if not isinstance(meta, dict):
        return None
    for record in meta.values():
        if isinstance(record, dict) and record.get("app") == APP_NAME:
            return record
    return None


def _is_table(value: object) -> TypeGuard[dict[str, Doc]]:
    return isinstance(value, dict) and all(isinstance(doc, dict) for doc in value.values())


def _looks_like_schema_0(data: Doc) -> bool:
    table = data.get(LEGACY_TABLE)
    if set(data) != {LEGACY_TABLE} or not _is_table(table):
        return False
    for doc_id, doc in table.items():
        if not doc_id.isdigit() or not all(key in doc for key in LEGACY_KEYS):
            return False
        try:
            Stage.parse(doc["status"])
        except ValidationError:
            return False
    return True


_JSON_KINDS = {list: "array", str: "string", int: "number", float: "number", bool: "true/false",
               type(None): "null"}


def classify(path: Path, data: Any) -> int | None:
    """The file's schema; None when it holds nothing at all (an empty file or `{}`).

    Raises UnreadableFileError (NewerSchemaError for a newer file) when it must be left alone.
    """
    if data == {}:
        return None
    if not isinstance(data, dict):
        kind = _JSON_KINDS.get(type(data), "value")
        raise foreign(path, f"its top level is a JSON {kind}, not an object")
    if META_TABLE in data:
        record = our_meta(data)
        if record is None:
            raise foreign(path, "its _meta table belongs to another program")
        schema = record.get("schema")
        if not isinstance(schema, int) or isinstance(schema, bool) or schema < 0:
            raise damaged(path, f"its schema number {schema!r} is not a whole number")
        if schema == 0:  # schema 0 had no _meta record: a file whose record says 0 is not of that shape
            raise damaged(path, "its _meta record says schema 0, but schema-0 files have no _meta record")
        if schema > SCHEMA_VERSION:
            raise NewerSchemaError(
                f"{shown_path(path)}: written by a newer Followup (data schema {schema}; this version reads "
                f"up to {SCHEMA_VERSION}), so it was left untouched. Upgrade Followup to open it"
            )
        if not _is_table(data.get(APPS_TABLE, {})):
            raise damaged(path, f"its {APPS_TABLE!r} table is not a set of records")
        return schema
    if _looks_like_schema_0(data):
        return 0
    raise foreign(path, "it has no Followup _meta record and is not an early Followup file")


# --- migrations ------------------------------------------------------------------

_TOP_TIMES = ("outcome_at", "decision_by", "keep_in_touch", "created_at", "updated_at")


def _utc_text(value: Any, where: str) -> str | None:
    """A stored time as aware UTC ISO text; naive text is taken as UTC."""
    if value in (None, ""):
        return None
    return dump_time(load_time(value, field=where))


def _convert_times(doc: Doc) -> None:
    for key in _TOP_TIMES:
        if key in doc:
            doc[key] = _utc_text(doc[key], key)
    for rnd in _records(doc.get("rounds")):
        if "at" in rnd:
            rnd["at"] = _utc_text(rnd["at"], "round time")
        for person in _records(rnd.get("interviewers")):
            if "thanked_at" in person:
                person["thanked_at"] = _utc_text(person["thanked_at"], "thanked_at")
    for direction in _records(doc.get("directions")):
        for key in ("due", "done_at"):
            if key in direction:
                direction[key] = _utc_text(direction[key], f"direction {key}")
    for item in _records(doc.get("contacts")) + _records(doc.get("history")):
        if "at" in item:
            item["at"] = _utc_text(item["at"], "time")


def _records(value: Any) -> list[Doc]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _whole(value: Any) -> int:
    """A schema-0 revision as a count; what is none (text, NaN, Infinity: json.loads reads the bare token) is 0."""
    try:
        return int(value or 0)
    except (TypeError, ValueError, OverflowError):
        return 0


_SCHEMA_0_IDS = uuid.UUID("3b0e8f5c-2d4a-5e61-9c7b-0a1f6d2e4c88")  # namespace of the ids given to schema 0
_SCHEMA_0_LISTS = ("rounds", "directions", "contacts")  # their records carry ids from schema 1 on


def _stable_id(*parts: str) -> str:
    return str(uuid.uuid5(_SCHEMA_0_IDS, "\n".join(parts)))


def _give_stable_ids(doc: Doc, doc_id: str, old: Doc) -> None:
    """Ids for a record that has none (and for its rounds, interviewers, directions, contacts), made
    from what the record is: its document id and its own text. A read-only command migrates in memory
    and never writes, so a random id was a new one on every read (`list` twice, two ids; `show` with
    the first, not found); these are the same on every read and kept by the first write."""
    doc["id"] = str(doc.get("id") or _stable_id(doc_id, json.dumps(old, sort_keys=True, ensure_ascii=False)))
    for name in _SCHEMA_0_LISTS:
        for number, item in enumerate(_records(doc.get(name))):
            item["id"] = str(item.get("id") or _stable_id(doc["id"], name, str(number)))
            if name == "rounds":
                for place, person in enumerate(_records(item.get("interviewers"))):
                    person["id"] = str(person.get("id") or _stable_id(item["id"], "interviewers", str(place)))


def _schema_0_to_1(path: Path, data: Layout) -> Layout:
    """Move `_default` to `applications`, rename status to stage, store times as UTC."""
    apps: Doc = {}
    for doc_id, old in data.get(LEGACY_TABLE, {}).items():
        doc = copy.deepcopy(old)
        doc["stage"] = Stage.parse(doc.pop("status")).value
        _give_stable_ids(doc, doc_id, old)
        doc["revision"] = max(1, _whole(doc.get("revision")))
        try:
            _convert_times(doc)
        except ValidationError as exc:
            raise damaged(path, f"application {doc_id} ({doc.get('company')}): {exc}") from exc
        apps[doc_id] = doc
    return {META_TABLE: {META_DOC_ID: meta_record(1)}, APPS_TABLE: apps}


def cleaned(value: Any) -> Any:
    """`value` with every text in it cleaned (tui.core.text.clean_text), keys included."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [cleaned(item) for item in value]
    if isinstance(value, dict):
        return {cleaned(key): cleaned(item) for key, item in value.items()}
    return value


def _schema_1_to_2(path: Path, data: Layout) -> Layout:
    """Clean every text of every application (see the module's docstring)."""
    return {**data, META_TABLE: {META_DOC_ID: meta_record(2)}, APPS_TABLE: cleaned(data.get(APPS_TABLE, {}))}


def _schema_2_to_3(path: Path, data: Layout) -> Layout:
    """Write the new fields' defaults into every record and add the reminders table."""
    apps: Doc = {}
    for doc_id, old in data.get(APPS_TABLE, {}).items():
        doc = copy.deepcopy(old)
        if isinstance(doc, dict):
            doc.setdefault("pitch", "")
            doc.setdefault("posting", "")
            doc.setdefault("snoozes", [])
            for rnd in _records(doc.get("rounds")):
                for person in _records(rnd.get("interviewers")):
                    person.setdefault("link", "")
                    person.setdefault("link_note", "")
        apps[doc_id] = doc
    reminders = data.get(REMINDERS_TABLE)
    return {**data, META_TABLE: {META_DOC_ID: meta_record(3)}, APPS_TABLE: apps,
            REMINDERS_TABLE: reminders if _is_table(reminders) else {}}


# How schemas up to 3 worded a direction's history line (tui.core.actions wrote them), longest first.
_DIRECTION_LINES = (("Removed direction: ", DirectionChange.REMOVED), ("Direction (", DirectionChange.ADDED),
                    ("Reopened: ", DirectionChange.REOPENED), ("Done: ", DirectionChange.DONE))


def _schema_3_to_4(path: Path, data: Layout) -> Layout:
    """Give every direction line of every history its `change`, read from the line's words."""
    apps: Doc = {}
    for doc_id, old in data.get(APPS_TABLE, {}).items():
        doc = copy.deepcopy(old)
        if isinstance(doc, dict):
            for event in _records(doc.get("history")):
                info, text = event.get("data"), event.get("text")
                if event.get("kind") != "direction" or not isinstance(info, dict) or not isinstance(text, str):
                    continue
                change = next((c for start, c in _DIRECTION_LINES if text.startswith(start)), None)
                if change is not None:
                    info.setdefault("change", change.value)
        apps[doc_id] = doc
    return {**data, META_TABLE: {META_DOC_ID: meta_record(4)}, APPS_TABLE: apps}


def cleaned_record(doc: Any) -> Any:
    """A record with its texts as schema 5 holds them: clean, and on one line outside the multi-line fields. The
    step to 5 makes every record so; reading a current file edited by hand shows its records so."""
    return cleaned(one_lined(doc))  # line ends first: cleaned drops a lone CR, which joined the words


def _schema_4_to_5(path: Path, data: Layout) -> Layout:
    """Make every newline or tab of a one-line field a space, and clean every text again."""
    apps = {doc_id: cleaned_record(doc) for doc_id, doc in data.get(APPS_TABLE, {}).items()}
    return {**data, META_TABLE: {META_DOC_ID: meta_record(5)}, APPS_TABLE: apps}


MIGRATIONS: dict[int, Callable[[Path, Layout], Layout]] = {
    0: _schema_0_to_1, 1: _schema_1_to_2, 2: _schema_2_to_3, 3: _schema_3_to_4, 4: _schema_4_to_5,
}


def migrate(path: Path, data: Layout, schema: int) -> Layout:
    """`data` (at `schema`) brought to SCHEMA_VERSION, one step at a time; `data` is not changed."""
    for version in range(schema, SCHEMA_VERSION):
        data = MIGRATIONS[version](path, data)
    return data


def write_backup(path: Path, raw: bytes, schema: int) -> Path:
    """Keep the file's exact bytes beside it before it is migrated."""
    stamp = now().format(FILE_STAMP)
    target = path.with_name(f"{path.name}{BACKUP_INFIX}{schema}-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}{BACKUP_INFIX}{schema}-{stamp}-{counter}")
    atomic_write_bytes(target, raw)
    return target
