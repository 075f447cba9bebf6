"""Imports: read a JSON or CSV export (or a hand-made CSV) and plan what it changes, as pure functions.

The whole file is read and checked before anything is planned, so a bad row
means nothing from the file is written. Planning is idempotent: importing the
same file twice changes nothing the second time. Records are matched by id; a
CSV row without an id by company and role (and the first round's day, when the
row gives one). A card's later history is never overwritten: a file older than
the card only applies the columns edited in the spreadsheet, and a card changed
on both sides is left as it is, and said so.
"""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

import pendulum

from tui.core import actions, import_shown
from tui.core.errors import ValidationError
from tui.core.exchange import EDITABLE_CSV_COLUMNS, EXPORT_SCHEMA, REQUIRED_CSV_COLUMNS, record, unescape_cell
from tui.core.model import Application, Event, Round, check_recruiter
from tui.core.settings import Settings
from tui.core.stages import Outcome, Stage
from tui.core.text import first_unclean, plural
from tui.core.timeutil import to_utc

EXPORT_ONLY = (".ics", ".md", ".markdown")
_ID_NAMESPACE = uuid.UUID("6f1c1f55-6a43-4a8e-9a0e-5b0f3c7f0d11")  # ids for hand-made CSV rows


class Source(NamedTuple):
    """How a change made in the file is worded in the card's history and in a refusal."""

    edited: str  # the history line of changed fields: "<edited>: company, notes"
    move: str  # why a stage moved, as `followup move` words its reason
    outcome_hint: str  # where to give the outcome closed needs


SHEET_MOVE = "changed in a spreadsheet"
SHEET = Source("Changed in a spreadsheet", SHEET_MOVE, "fill in the outcome column")
JSON_FILE = Source("Changed in a JSON file", "changed in a JSON file", 'set "outcome"')


class Incoming(NamedTuple):
    """One application of the file: a whole record (`data`), edited columns, or both."""

    where: str  # NAME:LINE
    data: dict[str, Any] | None  # the whole record (JSON, or the CSV's data column)
    columns: dict[str, str]  # the plain CSV columns that differ from `data` (all of them without it)
    key: str  # the id the row gives, or ""
    company: str
    role: str
    round_day: date | None  # the first round's day a hand-made row gives, to tell two same roles apart
    source: Source = SHEET
    round: Round | None = None  # the round a hand-made row gives (round_at or last_round), made with a new card
    round_given: tuple[str, str, bool] = ("", "", False)  # (column, cell, a date alone) the round was read from
    round_span: tuple[datetime, datetime] | None = None  # the given round's day in the row's zone, in UTC


class ImportPlan(NamedTuple):
    added: list[Application]
    updated: list[Application]
    left: list[tuple[Application, str]]  # (the card as it stays, why)


def read_import(payload: bytes, name: str, now: datetime, settings: Settings | None = None) -> list[Application]:
    """Every application in an export file, as an import into an empty file would add them."""
    return plan_import(payload, name, [], now, settings).added


def plan_import(payload: bytes, name: str, current: list[Application], now: datetime,
                settings: Settings | None = None) -> ImportPlan:
    """What importing `payload` into `current` adds, updates and leaves; ValidationError 'NAME:LINE: why'.

    `settings` give the zone a sheet's times are read in (and export wrote them in); UTC without."""
    settings = settings or Settings(timezone="UTC")
    if name.lower().endswith(EXPORT_ONLY):
        raise ValidationError(f"{name}: ics and md are export-only; import a CSV or JSON file written by "
                              "'followup export csv' or 'followup export json'")
    text = _decode(payload, name)
    stripped = text.lstrip()
    if name.lower().endswith(".json") or stripped[0] in "{[":
        incoming = _read_json(text, name)
    elif stripped.startswith("BEGIN:VCALENDAR") or stripped.startswith("# "):
        raise ValidationError(f"{name}: ics and md are export-only; import a CSV or JSON file")
    else:
        incoming = _read_csv(text, name, settings, now)
    plan = ImportPlan([], [], [])
    by_id = {app.id: app for app in current}
    seen: dict[str, str] = {}
    for item in incoming:
        _check_id(item, by_id)
        try:
            existing = _match(item, current, by_id)
            _check_round_given(item, existing)
            result = _apply(item, existing, now)
        except (ValidationError, ValueError, TypeError, AttributeError) as exc:
            raise ValidationError(f"{item.where}: {exc}") from None
        app, why = result
        if app.id in seen:
            raise ValidationError(f"{item.where}: id {app.short_id} appears twice (also at {seen[app.id]}); "
                                  "each application may appear once")
        seen[app.id] = item.where
        _check_clean(app, item.where)
        if existing is None:
            plan.added.append(app)
        elif why:
            plan.left.append((existing, why))
        else:
            plan.updated.append(app)
    return plan


def _decode(payload: bytes, name: str) -> str:
    try:
        text = payload.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            f"{name}: not UTF-8 text (byte 0x{payload[exc.start]:02x} at offset {exc.start}); "
            "save it as UTF-8 (in a spreadsheet: 'CSV UTF-8') and try again"
        ) from None
    if not text.strip():
        raise ValidationError(f"{name}: the file is empty: give a CSV or JSON file written by 'followup export'")
    return text


def _check_id(item: Incoming, by_id: dict[str, Application]) -> None:
    """An id is a uuid as Followup makes them (model.new_id; uuid5 for migrated and hand-made records),
    or one a card here already has (a file from before ids were uuids keeps its own): any other would
    add a card no command could tell from a typo."""
    key = item.key or str((item.data or {}).get("id") or "")
    if not key or key in by_id:
        return
    try:
        made = str(uuid.UUID(key)) == key
    except ValueError:
        made = False
    if not made:
        raise ValidationError(f"{item.where}: id {key!r} is not an id Followup made (a uuid such as "
                              f"{str(uuid.UUID(int=0x2A))!r}); restore it, or remove it to add the "
                              "application as a new one")


def _check_clean(app: Application, where: str) -> None:
    """Control characters never reach the terminal from data: a record holding one is refused, named."""
    path = first_unclean(record(app))
    if path is not None:
        raise ValidationError(f"{where}: {path or 'a field'} holds a control character; remove it and "
                              "import again")


# --- matching and applying --------------------------------------------------------------
def _match(item: Incoming, current: list[Application], by_id: dict[str, Application]) -> Application | None:
    key = item.key or str((item.data or {}).get("id") or "")
    if key:
        return by_id.get(key)
    same = [a for a in current if (a.company.lower(), a.role.lower()) == (item.company.lower(), item.role.lower())]
    if len(same) > 1 and item.round_day is not None:
        same = [a for a in same if a.rounds and min(r.at for r in a.rounds).date() == item.round_day]
    if len(same) > 1:
        ids = ", ".join(a.short_id for a in same)
        raise ValidationError(f"{item.company} — {item.role} matches several applications ({ids}); "
                              "give the row an id to say which")
    return same[0] if same else None


def _check_round_given(item: Incoming, existing: Application | None) -> None:
    """A round_at (or a hand-made last_round) makes the first round of a NEW card; on a row that is a
    card already (its data cell, or the card here it matches) it must name one of that card's rounds
    (a hand-made row's on its day, as it is matched by it; an exported row's at its time, or on its
    day for a date alone), so a sheet imports again unchanged. Any other time was silently dropped: it is refused
    as an edit of a column shown for reading is, saying where rounds are added."""
    card = Application.from_dict(item.data) if item.data is not None else existing
    if item.round is None or card is None:
        return
    start, end = item.round.at, item.round.at
    if (item.data is None or item.round_given[2]) and item.round_span is not None:
        start, end = item.round_span  # a hand-made row names its round by the day, as it is matched
    if any(start <= rnd.at <= end for rnd in card.rounds):
        return
    column, cell, _day = item.round_given
    raise ValidationError(f"{column} {cell!r} is not a round of {item.company} — {item.role}: {column} only "
                          "gives the first round of a card the row adds; rounds of an existing card are added "
                          "with 'followup round' or in the app: clear the cell or put back what it said")


def _history(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(e.get("at"), e.get("kind"), e.get("text")) for e in data.get("history") or [] if isinstance(e, dict)]


def _within(fewer: list[tuple[Any, ...]], more: list[tuple[Any, ...]]) -> bool:
    """Whether every line of `fewer` is in `more`, in the same order: `more` is the same history with
    lines added. Not a prefix: a history is kept in time order, so a backdated reply logged after the
    export sits in the middle of it."""
    lines = iter(more)
    return all(line in lines for line in fewer)


def _apply(item: Incoming, existing: Application | None, now: datetime) -> tuple[Application, str]:
    """The application as it would be stored, and why it is left as it is ('' when it is not)."""
    if existing is None:
        base = dict(item.data or {})
        made_up = str(uuid.uuid5(_ID_NAMESPACE, f"{item.company}\n{item.role}".lower()))
        base["id"] = item.key or base.get("id") or made_up
        app = _with_columns(base, item.columns, now, new=item.data is None, source=item.source)
        if item.round is not None and item.data is None:  # as `followup add --at` logs it; no move it never made
            app.rounds.append(item.round)
            app.history.append(Event(at=to_utc(now), kind="round", text=actions.round_line(item.round, now),
                                     data={"round": item.round.id}))
        return app, ""
    here = record(existing)
    columns = item.columns
    if not item.key and item.data is None:  # matched by company and role: their spelling here stays
        columns = {c: v for c, v in columns.items() if c not in ("company", "role") or v.lower() != here[c].lower()}
        item = item._replace(columns=columns)
    if item.data is not None:
        theirs, ours = _history(item.data), _history(here)
        if _within(ours, theirs):
            if len(theirs) == len(ours):  # the same history: what differs was edited in the file
                edits = {**_edits(item.data, here), **item.columns}
                app = _with_columns(dict(here), edits, now, new=False, source=item.source)
            else:  # the file is newer (written by Followup after more happened): take it whole
                app = _with_columns(dict(item.data), item.columns, now, new=False, source=item.source)
            return (existing, "unchanged") if record(app) == here else (app, "")
        if not _within(theirs, ours):
            return existing, "changed both here and in the file since it was exported; kept as it is here"
    app = _with_columns(dict(here), item.columns, now, new=False, source=item.source)  # older: edited columns only
    if record(app) == here:
        return existing, "unchanged" if item.data is None else "changed here since the file was written; kept"
    return app, ""


STAGE_COLUMNS = ("stage", "outcome")  # a change here is a move (actions.move / actions.close), not an edit
_BOOKKEEPING = ("updated_at", "history")  # never an edit: written by Followup as the card changes


def _edits(data: dict[str, Any], here: dict[str, Any]) -> dict[str, Any]:
    """The fields of a whole record that differ from the card with the same history: edited by hand.
    A changed stage or outcome comes with both, to be moved as the command line moves (which sets
    the outcome's time)."""
    edits = {field: value for field, value in data.items() if field not in _BOOKKEEPING and value != here.get(field)}
    if edits.keys() & set(STAGE_COLUMNS):
        edits.pop("outcome_at", None)
        edits.update({column: data.get(column) for column in STAGE_COLUMNS})
    return edits


def _needs_outcome(source: Source) -> ValidationError:
    outcomes = "|".join(choice.value for choice in Outcome)
    return ValidationError(f"stage closed needs an outcome ({outcomes}): {source.outcome_hint} "
                           "or choose another stage")


def _with_columns(data: dict[str, Any], columns: dict[str, Any], now: datetime, *, new: bool,
                  source: Source = SHEET) -> Application:
    """`data` with the edited columns on top, the edit (or the import of a hand-made row) in its history.

    A changed stage or outcome goes through the same actions as `followup move` and `followup close`
    (PRODUCT: closing "by any path" records the outcome): its history lines, the outcome's time (the
    import's) and so the reply a rejection needs; set as plain fields, the card lost all three."""
    changed = []
    for column, value in columns.items():
        if column not in STAGE_COLUMNS and (data.get(column) or None) != (value or None):
            changed.append(column.replace("_", " "))
            data[column] = value
    if "stage" not in data or not data["stage"]:
        data["stage"] = Stage.INTERVIEWED.value
    stage_text = columns.get("stage") or data["stage"]
    stage = Stage.parse(stage_text)
    outcome = (columns["outcome"] if "outcome" in columns else data.get("outcome")) or None
    if stage is Stage.CLOSED and outcome is None:  # PRODUCT: closed by any path records the outcome
        raise _needs_outcome(source)
    if outcome and stage is not Stage.CLOSED:
        raise ValidationError(f"outcome {outcome!r} goes with stage closed, not {stage_text!r}: "
                              "set the stage to closed or clear the outcome")
    if new:  # made in its stage, with no move it never made; closed below, by the action, so the outcome is recorded
        data["stage"] = (Stage.INTERVIEWED if stage is Stage.CLOSED else stage).value
    app = Application.from_dict(data)
    app.revision = 0
    if new:
        app.created_at = app.created_at or to_utc(now)
        app.updated_at = app.updated_at or to_utc(now)
        made_in = "" if app.stage is Stage.INTERVIEWED else f" in {app.stage.label}"
        app.history.append(Event(at=to_utc(now), kind="created",
                                 text=f"Imported {app.company} — {app.role}{made_in}"))
    elif changed:
        app.updated_at = to_utc(now)
        app.history.append(Event(at=to_utc(now), kind="edit", text=f"{source.edited}: " + ", ".join(changed)))
    return _moved(app, stage, outcome, now, source)


def _moved(app: Application, stage: Stage, outcome: str | None, now: datetime, source: Source) -> Application:
    """`app` moved to `stage` with `outcome` as the command line would move it; unchanged when it is there."""
    if app.stage is stage and (app.outcome.value if app.outcome else None) == outcome:
        return app
    if stage is Stage.CLOSED:
        if outcome is None:
            raise _needs_outcome(source)
        return actions.close(app, outcome, now=now)
    return actions.move(app, stage, now=now, why=source.move)


# --- JSON -------------------------------------------------------------------------------
def _read_json(text: str, name: str) -> list[Incoming]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(f"{name}:{exc.lineno}: not valid JSON ({exc.msg})") from None
    if isinstance(data, dict) and "_meta" in data:
        raise ValidationError(f"{name}: this is a Followup data file, not an export: open it with "
                              "'followup --db FILE', or export it first with 'followup --db FILE export json'")
    if not (isinstance(data, dict) and isinstance(data.get("applications"), list)
            and isinstance(data.get("schema"), int)):
        raise ValidationError(
            f'{name}: not a Followup export: expected {{"schema": {EXPORT_SCHEMA}, "applications": [...]}} '
            "as written by 'followup export json'"
        )
    if data["schema"] > EXPORT_SCHEMA:
        raise ValidationError(f"{name}: written by a newer Followup (export schema {data['schema']}, "
                              f"this one reads up to {EXPORT_SCHEMA}); upgrade Followup")
    first_lines = _first_lines(text)
    out = []
    for number, item in enumerate(data["applications"], start=1):
        where = f"{name}:{_line_of(item, first_lines)}"
        try:
            app = Application.from_dict(item)
        except (ValidationError, ValueError, TypeError, AttributeError) as exc:
            raise ValidationError(f"{where}: application {number}: {exc}") from None
        unknown = _unknown_key(item, record(app))
        if unknown:
            raise ValidationError(f"{where}: application {number} ({app.company} — {app.role}) has a key Followup "
                                  f"does not know, {unknown!r}: remove or rename it (an export holds only the "
                                  "keys Followup writes)")
        out.append(Incoming(where, record(app), {}, app.id, app.company, app.role, None, JSON_FILE))
    return out


_NOT_DATA = ("revision",)  # the store's bookkeeping: in a data file's records, read and ignored


def _unknown_key(given: Any, known: Any, path: str = "") -> str:
    """The first key of `given` (a record as the file has it, nested) that `known` (the same record as
    Followup reads it) lacks, as 'rounds[0].colour'; '' when none. Read, such a key was dropped without
    a word, where a CSV column import does not know is refused."""
    if isinstance(given, dict) and isinstance(known, dict):
        for key, value in given.items():
            if key not in known:
                if not (path == "" and key in _NOT_DATA):
                    return f"{path}.{key}" if path else str(key)
                continue
            found = _unknown_key(value, known[key], f"{path}.{key}" if path else str(key))
            if found:
                return found
    elif isinstance(given, list) and isinstance(known, list):
        for index, (value, kept) in enumerate(zip(given, known, strict=False)):
            found = _unknown_key(value, kept, f"{path}[{index}]")
            if found:
                return found
    return ""


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def _first_lines(text: str) -> dict[str, int]:
    """The first line each JSON string literal of the file is on, found in one pass.

    Only used to label a location, but it is needed for every application: searching the lines
    again for each one made importing a 10,000-application export take minutes."""
    first: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        for literal in _JSON_STRING.findall(line):
            first.setdefault(literal, number)
    return first


def _line_of(item: object, first_lines: dict[str, int]) -> int:
    """The line where this application starts, found by its id (1 when unknown)."""
    key = item.get("id") if isinstance(item, dict) else None
    if isinstance(key, str) and key:
        return first_lines.get(json.dumps(key), 1)
    return 1


# --- CSV --------------------------------------------------------------------------------
def _read_csv(text: str, name: str, settings: Settings, now: datetime) -> list[Incoming]:
    """Every row, or a refusal naming the line: a quote left open or a row of the wrong length
    refuses the whole file (read on, it would swallow the rows after it into one cell)."""
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    csv.field_size_limit(max(csv.field_size_limit(), 64 * 1024 * 1024))  # long notes in the data column
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = [cell.strip().lower() for cell in next(reader)]
    except csv.Error as exc:
        raise ValidationError(f"{name}:1: not a readable CSV header ({exc})") from None
    missing = [column for column in REQUIRED_CSV_COLUMNS if column not in header]
    if missing:
        raise ValidationError(
            f"{name}:1: missing {plural(len(missing), 'column')} {', '.join(missing)}; "
            f"a CSV to import needs at least the columns {', '.join(REQUIRED_CSV_COLUMNS)} (an id column is "
            "optional: it matches rows to cards by id; see 'followup export csv')"
        )
    import_shown.check_header(header, name)
    out = []
    line = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            why = "a quoted field is never closed" if "end of data" in str(exc) else str(exc)
            raise ValidationError(f"{name}:{line}: not readable as CSV ({why}); nothing was imported") from None
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            raise ValidationError(f"{name}:{start}: {len(cells)} cells but the header has {len(header)} columns; "
                                  "nothing was imported")
        row = {column: unescape_cell(cell) for column, cell in zip(header, cells, strict=True)}
        try:
            out.append(_incoming_row(row, f"{name}:{start}", settings, now))
        except (ValidationError, ValueError, TypeError, AttributeError) as exc:
            raise ValidationError(f"{name}:{start}: {exc}") from None
    return out


def _incoming_row(row: dict[str, str], where: str, settings: Settings, now: datetime) -> Incoming:
    raw = (row.get("data") or "").strip()
    data = None
    if raw:
        try:
            data = json.loads(raw)
        except json.JSONDecodeError:
            data = None
        if not isinstance(data, dict):
            raise ValidationError("the data column is not the JSON Followup wrote; clear it or restore it")
        as_written, data = data, record(Application.from_dict(data))
        unknown = _unknown_key(as_written, data)
        if unknown:
            raise ValidationError(f"the data cell has a key Followup does not know, {unknown!r}: put back the data "
                                  "cell export wrote (edit the readable columns instead)")
        given = (row.get("id") or "").strip().lower()
        if given and given != data["id"]:
            raise ValidationError(f"the id cell {given!r} is not the id in the data cell ({data['id']!r}): "
                                  "put that id back in the id cell (the data cell is the whole record)")
    settings = import_shown.row_settings(row, settings)
    import_shown.check_shown(row, data, settings, now)
    company, role = (row.get("company") or "").strip(), (row.get("role") or "").strip()
    if not company:
        raise ValidationError("company is empty: every row needs a company")
    if not role:
        raise ValidationError("role is empty: every row needs a role")
    columns = {}
    for column in EDITABLE_CSV_COLUMNS:
        if column not in row:
            continue
        value = row[column] if column == "notes" else row[column].strip()
        if column == "stage" and value:
            value = Stage.parse(value).value
        if column == "recruiter":
            value = check_recruiter(value)  # as `followup edit --recruiter` and the edit form read it
        if column == "outcome" and value:
            value = Outcome.parse(value).value
        if column == "stage" and not value:
            continue
        if data is None or (data.get(column) or "") != value:
            columns[column] = value
    day, made, round_source = _round_given(row, settings)
    span = None
    if day is not None:
        start = pendulum.datetime(day.year, day.month, day.day, tz=settings.zone)
        span = (to_utc(start), to_utc(start.add(days=1)) - timedelta(microseconds=1))
    return Incoming(where, data, columns, (row.get("id") or "").strip().lower(), company, role, day, SHEET, made,
                    round_source, span)


ROUND_DAY_COLUMNS = ("round_at", "last_round")  # a hand-made sheet's round_at; export writes last_round


def _round_given(row: dict[str, str], settings: Settings) -> tuple[date | None, Round | None, tuple[str, str, bool]]:
    """The first round a row gives in 'round_at' ("2026-11-24 10:00") or 'last_round' (as export
    writes it: "Onsite, 2026-11-24 10:00", the name optional): its day, to tell two same roles apart,
    and the round a new hand-made card is made with, at that time in the row's zone (its timezone
    cell, else the user's; a date alone: the start of that day). A value that does not read as a
    date refuses the row (and so the file)."""
    found: dict[str, tuple[str, datetime]] = {}
    for column in ROUND_DAY_COLUMNS:
        text = (row.get(column) or "").strip()
        if not text:
            continue
        name, _, written = text.rpartition(",") if column == "last_round" else ("", "", text)
        try:
            found[column] = (name.strip(), datetime.fromisoformat(written.strip()))
        except ValueError:
            example = "Onsite, 2026-11-24 10:00" if column == "last_round" else "2026-11-24 10:00"
            raise ValidationError(f"{column} {text!r} is not a date Followup can read: write it as "
                                  f"{example!r} (or leave the cell empty)") from None
    first = next((column for column in ROUND_DAY_COLUMNS if column in found), None)
    if first is None:
        return None, None, ("", "", False)
    name, at = found[first]
    moment = at if at.tzinfo else pendulum.instance(at, tz=settings.zone)
    text = (row.get(first) or "").strip()
    whole_day = re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.rpartition(",")[2].strip()) is not None
    return at.date(), Round(name=name or "Interview", at=to_utc(moment)), (first, text, whole_day)
