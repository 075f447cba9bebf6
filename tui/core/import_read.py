"""Reading an import file: a JSON export's records or a CSV's rows, each as one `Incoming` application.

What the file holds is read and checked here (its encoding, unknown keys and
columns, the read-only columns, a hand-made row's round; a whole record passes
tui/core/import_door.py first); tui/core/importing.py then plans what it changes
on the board's cards.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from tui.core import import_shown
from tui.core.errors import ValidationError
from tui.core.exchange import EDITABLE_CSV_COLUMNS, EXPORT_SCHEMA, REQUIRED_CSV_COLUMNS, record, unescape_cell
from tui.core.import_door import at_the_door, strict_json
from tui.core.model import Application
from tui.core.parts import Round, check_recruiter
from tui.core.settings import Settings
from tui.core.stages import DEFAULT_ROUND_NAME, Outcome, Stage
from tui.core.text import line_feeds, multi_line_feeds, plural
from tui.core.timeutil import to_utc
from tui.core.when import wall_time


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




def decode(payload: bytes, name: str) -> str:
    """The file's text, or a refusal naming the line of the first byte that is not UTF-8 (a byte offset
    meant nothing to a spreadsheet user, review T3 10); a UTF-16 file (Excel's "Unicode Text") is named so."""
    json_file = name.lower().endswith(".json") or payload.lstrip()[:1] in (b"{", b"[")
    save_as = "save it as UTF-8" + ("" if json_file else " (in a spreadsheet: 'CSV UTF-8')") + " and try again"
    if payload.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValidationError(f"{name} is UTF-16 text: {save_as}")
    try:
        text = payload.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        ends = b"\n" if b"\n" in payload else b"\r"  # an old Mac's file ends its lines with CR alone
        line = payload.count(ends, 0, exc.start) + 1
        raise ValidationError(f"{name}:{line}: not UTF-8 text (byte 0x{payload[exc.start]:02x}); {save_as}") from None
    if not text.strip():
        raise ValidationError(f"{name}: the file is empty: give a CSV or JSON file written by 'followup export'")
    return text


def _choices_read(item: Any) -> Any:
    """`item` with its stage and outcome read by the one parser of a choice (Stage.parse), as a sheet's
    cells are: "Awaiting" is awaiting, and "nope" is refused with the values it may take (the record
    reader only said "invalid enum value 'nope'", review Q 9)."""
    if not isinstance(item, dict):
        return item
    read = dict(item)
    for key, kind in (("stage", Stage), ("outcome", Outcome)):
        if isinstance(read.get(key), str):
            read[key] = kind.parse(read[key]).value
    return read


def read_json(text: str, name: str) -> list[Incoming]:
    try:
        data = strict_json(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(f"{name}:{exc.lineno}: not valid JSON ({exc.msg})") from None
    except ValueError as exc:
        raise ValidationError(f"{name}: not the JSON Followup writes: {exc}") from None
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
    record_lines = _record_lines(text, len(data["applications"]))
    out = []
    for number, item in enumerate(data["applications"], start=1):
        where = f"{name}:{record_lines[number - 1]}"
        item = multi_line_feeds(item)  # a CRLF in the notes is a line break (tui/core/text.py)
        if isinstance(item, dict) and "id" not in item:  # no id: as an empty one, matched by company and role
            item = {**item, "id": ""}  # (read, it got a new random id and was added beside its card: review R4 #6)
        try:
            app = at_the_door(Application.from_dict(_choices_read(item)))
        except (ValidationError, ValueError, TypeError, AttributeError) as exc:
            raise ValidationError(f"{where}: application {number}: {exc}") from None
        written = record(app)
        unknown = _unknown_key(item, written)
        if unknown:
            raise ValidationError(f"{where}: application {number} ({app.company} — {app.role}) has a key Followup "
                                  f"does not know, {unknown!r}: remove or rename it (an export holds only the "
                                  "keys Followup writes)")
        out.append(Incoming(where, written, {}, app.id, app.company, app.role, None, JSON_FILE))
    for number, (item, read) in enumerate(zip(data["applications"], out, strict=True), start=1):
        missing = _missing_key(item)  # after every record is read: a wrong value is said first, wherever it is
        if missing:
            raise ValidationError(f'{read.where}: application {number} ({read.company} — {read.role}): no '
                                  f'"{missing}" key; export writes every key (an empty value empties it)')
    return out


_NOT_DATA = ("revision",)  # the store's bookkeeping: in a data file's records, read and ignored
# Keys an export written before they existed (data file schema 3, tui/store/migrations.py) lacks: such a
# record is read as that migration reads an older file, with the empty default. `id` may be absent (README).
_ADDED_LATER = ("id", "pitch", "posting", "snoozes")
_EVERY_KEY = tuple(key for key in Application.__struct_fields__ if key not in (*_NOT_DATA, *_ADDED_LATER))


def _missing_key(given: Any) -> str:
    """The first key export writes that the record as the file has it lacks ('' when none): read, a
    missing "notes" was an empty one, and importing the record wiped the card's notes (review T3 3)."""
    if not isinstance(given, dict):
        return ""
    return next((key for key in _EVERY_KEY if key not in given), "")


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


def _record_lines(text: str, count: int) -> list[int]:
    """The line each application record of the file starts on (its "{"), found by reading the
    applications list element by element: by id, a duplicate was named at the line of the first
    record's id, and a record without an id at line 1 (review T3 11). Line 1 for each when the file is
    not laid out as an export (the applications key after a value holding the word)."""
    found = re.search(r'"applications"\s*:\s*\[', text)
    lines: list[int] = []
    if found is not None:
        decoder, at, line = json.JSONDecoder(), found.end(), text.count("\n", 0, found.end()) + 1
        try:
            while len(lines) < count:
                start = at  # past the gap before the record (a slice of the rest of the file per record was
                while start < len(text) and text[start] in " \t\r\n,":  # quadratic: 30 s at 10,000)
                    start += 1
                line += text.count("\n", at, start)
                lines.append(line)
                _value, at = decoder.raw_decode(text, start)
                line += text.count("\n", start, at)
        except json.JSONDecodeError:
            lines = []
    return lines if len(lines) == count else [1] * count


# --- CSV --------------------------------------------------------------------------------
_BLANK_LINE = re.compile(r"[ \t]*(?:\r\n|\n|\r)")
_SEP_LINE = re.compile(r'"?sep=(\\t|.)"?[ \t]*(?:\r\n|\n|\r)', re.IGNORECASE)  # Excel's first line: sep=;


def _sheet_start(text: str) -> tuple[str, int, str]:
    """The sheet from its header line on, how many lines came before it (blank lines, Excel's "sep=;"
    line; line numbers stay the file's), and its separator: the sep line's, else the one the header
    line holds most of (a tab, a semicolon as a European spreadsheet writes, a comma)."""
    skipped, delimiter = 0, ""
    while found := _BLANK_LINE.match(text):
        text, skipped = text[found.end():], skipped + 1
    if found := _SEP_LINE.match(text):
        delimiter = "\t" if found.group(1) == "\\t" else found.group(1)
        text, skipped = text[found.end():], skipped + 1
    if not delimiter:
        first_line = re.split(r"\r\n|\n|\r", text, maxsplit=1)[0]
        delimiter = max(("\t", ";", ","), key=lambda mark: (first_line.count(mark), mark == ","))
    return text, skipped, delimiter


def _nameless(header: list[str], where: str) -> int:
    """How many columns the sheet names: empty header cells at the end are a spreadsheet's (their cells
    must be empty too, checked row by row); one before a named column is refused."""
    named = len(header)
    while named and not header[named - 1]:
        named -= 1
    if "" in header[:named]:
        raise ValidationError(f"{where}: column {header.index('') + 1} has no name: name it or remove it")
    return named


def read_csv(text: str, name: str, settings: Settings, now: datetime) -> list[Incoming]:
    """Every row, or a refusal naming the line: a quote left open or a row of the wrong length
    refuses the whole file (read on, it would swallow the rows after it into one cell)."""
    text, skipped, delimiter = _sheet_start(text)
    csv.field_size_limit(max(csv.field_size_limit(), 64 * 1024 * 1024))  # long notes in the data column
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    where = f"{name}:{skipped + 1}"
    try:
        header = [cell.strip().lower() for cell in next(reader)]
    except csv.Error as exc:
        raise ValidationError(f"{where}: not a readable CSV header ({exc})") from None
    except StopIteration:
        raise ValidationError(f"{name}: the file is empty: give a CSV or JSON file written by 'followup export'") \
            from None
    named = _nameless(header, where)
    missing = [column for column in REQUIRED_CSV_COLUMNS if column not in header]
    if missing:
        raise ValidationError(
            f"{where}: missing {plural(len(missing), 'column')} {', '.join(missing)}; "
            f"a CSV to import needs at least the columns {', '.join(REQUIRED_CSV_COLUMNS)} (an id column is "
            "optional: it matches rows to cards by id; see 'followup export csv')"
        )
    import_shown.check_header(header[:named], where)
    out = []
    line = skipped + reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            why = "a quoted field is never closed" if "end of data" in str(exc) else str(exc)
            raise ValidationError(f"{name}:{line}: not readable as CSV ({why}); nothing was imported") from None
        start, line = line, skipped + reader.line_num + 1
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) not in (len(header), named):
            raise ValidationError(f"{name}:{start}: {len(cells)} cells but the header has {named} columns; "
                                  "nothing was imported")
        if any(cell.strip() for cell in cells[named:]):
            column = named + next(n for n, cell in enumerate(cells[named:], start=1) if cell.strip())
            raise ValidationError(f"{name}:{start}: column {column} has no name (the header on line {skipped + 1} "
                                  "leaves it empty): name it or remove it")
        row = {column: unescape_cell(cell) for column, cell in zip(header[:named], cells, strict=False)}
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
            data = multi_line_feeds(strict_json(raw))
        except json.JSONDecodeError:
            data = None
        except ValueError as exc:
            raise ValidationError(f"the data column is not the JSON Followup wrote ({exc}); clear it or "
                                  "restore it") from None
        if not isinstance(data, dict):
            raise ValidationError("the data column is not the JSON Followup wrote; clear it or restore it")
        as_written, data = data, record(at_the_door(Application.from_dict(data)))
        unknown = _unknown_key(as_written, data)
        if unknown:
            raise ValidationError(f"the data cell has a key Followup does not know, {unknown!r}: put back the data "
                                  "cell export wrote (edit the readable columns instead)")
        missing = _missing_key(as_written)
        if missing:
            raise ValidationError(f'the data cell has no "{missing}" key: put back the data cell export wrote '
                                  "(edit the readable columns instead)")
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
        value = line_feeds(row[column]) if column == "notes" else row[column].strip()
        if column == "notes" and data is None and not value.strip():
            continue  # a hand-made row's empty notes cell says nothing: it never empties a card's notes
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
    stage = columns.get("stage") or (data or {}).get("stage")
    if "outcome" not in row and stage and stage != Stage.CLOSED.value and (data is None or data.get("outcome")):
        columns["outcome"] = ""  # a sheet without the column moves a card out of closed as `followup move` does
    day, made, round_source = _round_given(row, settings, now)
    span = None
    if day is not None:
        start = wall_time(datetime(day.year, day.month, day.day), settings.zone, now)
        end = wall_time(datetime(day.year, day.month, day.day) + timedelta(days=1), settings.zone, now)
        span = (to_utc(start), to_utc(end) - timedelta(microseconds=1))
    return Incoming(where, data, columns, (row.get("id") or "").strip().lower(), company, role, day, SHEET, made,
                    round_source, span)


ROUND_DAY_COLUMNS = ("round_at", "last_round")  # a hand-made sheet's round_at; export writes last_round


def _round_given(row: dict[str, str], settings: Settings,
                 now: datetime) -> tuple[date | None, Round | None, tuple[str, str, bool]]:
    """The first round a row gives in 'round_at' ("2026-11-24 10:00") or 'last_round' (as export
    writes it: "Onsite, 2026-11-24 10:00", the name optional): its day, to tell two same roles apart,
    and the round a new hand-made card is made with, at that time in the row's zone (its timezone
    cell, else the user's; a date alone: the start of that day). A value that does not read as a
    date refuses the row (and so the file)."""
    found: dict[str, tuple[str, datetime, bool]] = {}
    for column in ROUND_DAY_COLUMNS:
        text = (row.get(column) or "").strip()
        if not text:
            continue
        name, _, written = text.rpartition(",") if column == "last_round" else ("", "", text)
        if column == "last_round" and not import_shown.read_cell_time(written).readings:
            name, written = "", text  # a date with a comma of its own ("Nov 24, 2026"): refused as no date
        example = "Onsite, 2026-11-24 10:00" if column == "last_round" else "2026-11-24 10:00"
        read = import_shown.one_reading(written, column, example)
        found[column] = (name.strip(), read.readings[0], read.day_alone)
    first = next((column for column in ROUND_DAY_COLUMNS if column in found), None)
    if first is None:
        return None, None, ("", "", False)
    name, at, whole_day = found[first]
    moment = at if at.tzinfo else wall_time(at, settings.zone, now)  # as `add --at` reads it (when.py)
    text = (row.get(first) or "").strip()
    return at.date(), Round(name=name or DEFAULT_ROUND_NAME, at=to_utc(moment)), (first, text, whole_day)
