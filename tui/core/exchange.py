"""Export and import formats: JSON, CSV, ICS and Markdown, as pure functions.

Nothing here touches a file: exports return text or bytes, imports read the
bytes they are given, and the caller (the command line) does the writing
through the store. JSON carries every field; CSV carries readable columns for
a spreadsheet plus a `data` column with the full record, so both round-trip.
An import is checked completely before anything is returned, so a bad row
means nothing from that file is written.
"""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from datetime import datetime, timedelta
from typing import Any

from tui.core import timefmt
from tui.core.deadlines import Deadline, all_deadlines, next_deadline, relative, short_action
from tui.core.errors import ValidationError
from tui.core.model import Application, Event, Interviewer
from tui.core.settings import Settings
from tui.core.stages import STAGES, Stage
from tui.core.timeutil import Zone, dump_time, local, to_utc

EXPORT_SCHEMA = 1
FORMATS = ("json", "csv", "ics", "md")
CSV_COLUMNS = (
    "id", "company", "role", "stage", "outcome", "created", "updated", "next_deadline",
    "next_action", "rounds", "last_round", "interviewers", "recruiter", "notes", "history", "data",
)
REQUIRED_CSV_COLUMNS = ("id", "company", "role", "stage")
EDITABLE_CSV_COLUMNS = ("company", "role", "stage", "outcome", "recruiter", "notes")
_ID_NAMESPACE = uuid.UUID("6f1c1f55-6a43-4a8e-9a0e-5b0f3c7f0d11")  # ids for hand-made CSV rows


def export(fmt: str, apps: list[Application], settings: Settings, now: datetime) -> bytes:
    """The export in `fmt` as bytes ready to write."""
    if fmt == "json":
        return _utf8(to_json(apps))
    if fmt == "csv":
        return _utf8(to_csv(apps, settings, now))
    if fmt == "ics":
        return to_ics(apps, settings, now)
    if fmt == "md":
        return _utf8(to_markdown(apps, settings, now))
    raise ValidationError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")


def _utf8(text: str) -> bytes:
    """UTF-8, with a lone surrogate (an older file may hold one) written as \\udcxx, so that an
    export never fails on it; in JSON that escape reads back as the same text."""
    return text.encode("utf-8", "backslashreplace")


def _clean(text: str) -> str:
    """`text` as _utf8 writes it, for a library that encodes strictly (icalendar)."""
    return _utf8(text).decode("utf-8")


def _ordered(apps: list[Application]) -> list[Application]:
    """Oldest first, so that two exports of the same data are byte-identical."""
    return sorted(apps, key=lambda a: (dump_time(a.created_at) or "", a.company.lower(), a.id))


def record(app: Application) -> dict[str, Any]:
    """The application's data as exported: everything but the store's revision."""
    data = app.to_dict()
    data.pop("revision", None)  # the store's bookkeeping, not the user's data
    return data


# --- JSON ------------------------------------------------------------------
def to_json(apps: list[Application]) -> str:
    payload = {"schema": EXPORT_SCHEMA, "applications": [record(a) for a in _ordered(apps)]}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


# --- CSV -------------------------------------------------------------------
def _local(moment: datetime | None, zone: Zone) -> str:
    return local(moment, zone).format(timefmt.TYPED) if moment is not None else ""


def csv_row(app: Application, settings: Settings, now: datetime) -> dict[str, str]:
    zone = settings.zone
    upcoming = next_deadline(app, settings, now)
    last = app.latest_round
    return {
        "id": app.id,
        "company": app.company,
        "role": app.role,
        "stage": app.stage.value,
        "outcome": app.outcome.value if app.outcome else "",
        "created": _local(app.created_at, zone),
        "updated": _local(app.updated_at, zone),
        "next_deadline": _local(upcoming.due, zone) if upcoming else "",
        "next_action": upcoming.action if upcoming else "",
        "rounds": str(len(app.rounds)),
        "last_round": f"{last.name}, {_local(last.at, zone)}" if last else "",
        "interviewers": "; ".join(person.display() for person in app.interviewers()),
        "recruiter": app.recruiter,
        "notes": app.notes,
        "history": " | ".join(f"{_local(e.at, zone)} {e.text}" for e in app.history),
        "data": json.dumps(record(app), ensure_ascii=False, separators=(",", ":")),
    }


def to_csv(apps: list[Application], settings: Settings, now: datetime) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for app in _ordered(apps):
        writer.writerow(csv_row(app, settings, now))
    return out.getvalue()


# --- ICS -------------------------------------------------------------------
def to_ics(apps: list[Application], settings: Settings, now: datetime) -> bytes:
    """One event per deadline (quiet periods are not tasks), 15 minutes long, in UTC."""
    from icalendar import Calendar
    from icalendar import Event as CalendarEvent

    from tui import __version__

    by_id = {app.id: app for app in apps}
    calendar = Calendar()
    calendar.add("prodid", f"-//Followup//followup {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Followup deadlines")
    for deadline in all_deadlines(apps, settings, now):
        if deadline.is_quiet:
            continue
        app = by_id[deadline.app_id]
        event = CalendarEvent()
        event.add("uid", f"{deadline.app_id}-{deadline.kind.value}-{deadline.ref or 'main'}@followup")
        event.add("dtstamp", to_utc(now))
        event.add("dtstart", deadline.due)
        event.add("duration", timedelta(minutes=15))
        event.add("summary", _clean(deadline.action))
        event.add("description", _clean(f"{app.company} — {app.role} ({app.stage.label}). "
                                        f"In Followup: id {app.short_id}."))
        event.add("categories", ["Followup", deadline.kind.value])
        calendar.add_component(event)
    ical: bytes = calendar.to_ical()
    return ical


# --- Markdown --------------------------------------------------------------
def _md(text: str) -> str:
    return re.sub(r"([\\`*_\[\]#<>|])", r"\\\1", text)


def _md_interviewer(person: Interviewer) -> str:
    extras = [person.email] if person.email else []
    extras += ["thanked"] if person.thanked_at else []
    return _md(person.name) + (f" ({_md(', '.join(extras))})" if extras else "")


def _md_person(text: str) -> str:
    """'Dana Kim <dana@x>' as 'Dana Kim (dana@x)': readable raw and rendered."""
    match = re.fullmatch(r"(.*?)\s*<([^<>]*)>", text.strip())
    return _md(f"{match.group(1)} ({match.group(2)})" if match else text)


def to_markdown(apps: list[Application], settings: Settings, now: datetime) -> str:
    zone = settings.zone
    when = timefmt.DAY_TIME_YEAR
    lines = ["# Followup report", "",
             f"{len(apps)} applications, as of {local(to_utc(now), zone).format(when)} "
             f"({getattr(zone, 'name', zone)}).", ""]
    for stage in STAGES:
        members = [a for a in apps if a.stage is stage]
        if not members:
            continue
        upcoming = {a.id: next_deadline(a, settings, now) for a in members}
        far = to_utc(now) + timedelta(days=36500)
        members.sort(key=lambda a: ((due.due if (due := upcoming[a.id]) else far), a.company.lower()))
        lines += [f"## {stage.label} ({len(members)})", ""]
        for app in members:
            lines += _markdown_card(app, upcoming[app.id], zone, now, when)
    return "\n".join(lines).rstrip() + "\n"


def _markdown_card(app: Application, upcoming: Deadline | None, zone: Zone, now: datetime, when: str) -> list[str]:
    lines = [f"### {_md(app.company)} — {_md(app.role)}", "", f"- id: `{app.short_id}`"]
    if app.outcome:
        lines.append(f"- outcome: {app.outcome.label}")
    if upcoming:
        lines.append(f"- next: {_md(short_action(upcoming))}, {relative(upcoming.due, now)} "
                     f"({local(upcoming.due, zone).format(when)})")
    for rnd in sorted(app.rounds, key=lambda r: r.at):
        people = ", ".join(_md_interviewer(person) for person in rnd.interviewers)
        lines.append(f"- round: {_md(rnd.name)}, {local(rnd.at, zone).format(when)}"
                     + (f", with {people}" if people else ""))
    for direction in app.directions:
        due = f" by {local(direction.due, zone).format(when)}" if direction.due else ""
        state = "done" if direction.done_at else direction.kind.value
        lines.append(f"- direction ({state}): {_md(direction.text)}{due}")
    if app.recruiter:
        lines.append(f"- recruiter: {_md_person(app.recruiter)}")
    if app.contacts:
        last = max(app.contacts, key=lambda c: c.at)
        lines.append(f"- contacts: {len(app.contacts)}, last {last.kind} on {local(last.at, zone).format(when)}")
    lines.append("")
    if app.notes.strip():
        # the notes are the user's own words, often markdown already: quoted as written
        lines += ["> " + line if line.strip() else ">" for line in app.notes.strip().splitlines()]
        lines.append("")
    return lines


# --- import ----------------------------------------------------------------
def read_import(payload: bytes, name: str, now: datetime) -> list[Application]:
    """Every application in an export file; ValidationError 'NAME:LINE: reason' on the first bad one."""
    try:
        text = payload.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            f"{name}: not UTF-8 text (byte 0x{payload[exc.start]:02x} at offset {exc.start}); "
            "save it as UTF-8 (in a spreadsheet: 'CSV UTF-8') and try again"
        ) from None
    stripped = text.lstrip()
    if not stripped:
        raise ValidationError(f"{name}: the file is empty: give a CSV or JSON file written by 'followup export'")
    if name.lower().endswith(".json") or stripped[0] in "{[":
        apps = _read_json(text, name)
    else:
        apps = _read_csv(text, name, now)
    seen: dict[str, str] = {}
    for app, where in apps:
        if app.id in seen:
            raise ValidationError(f"{where}: id {app.short_id} appears twice (also at {seen[app.id]}); "
                                  "each application may appear once")
        seen[app.id] = where
    return [app for app, _ in apps]


def _read_json(text: str, name: str) -> list[tuple[Application, str]]:
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
    lines = text.splitlines()
    out = []
    for number, item in enumerate(data["applications"], start=1):
        where = f"{name}:{_line_of(item, lines)}"
        try:
            out.append((Application.from_dict(item), where))
        except (ValidationError, ValueError, TypeError, AttributeError) as exc:
            raise ValidationError(f"{where}: application {number}: {exc}") from None
    return out


def _line_of(item: object, lines: list[str]) -> int:
    """The line where this application starts, found by its id (1 when unknown)."""
    key = item.get("id") if isinstance(item, dict) else None
    if isinstance(key, str) and key:
        needle = json.dumps(key)
        for number, line in enumerate(lines, start=1):
            if needle in line:
                return number
    return 1


def _read_csv(text: str, name: str, now: datetime) -> list[tuple[Application, str]]:
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    csv.field_size_limit(max(csv.field_size_limit(), 64 * 1024 * 1024))  # long notes in the data column
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [cell.strip().lower() for cell in next(reader)]
    except csv.Error as exc:
        raise ValidationError(f"{name}:1: not a readable CSV header ({exc})") from None
    missing = [column for column in REQUIRED_CSV_COLUMNS if column not in header]
    if missing:
        raise ValidationError(
            f"{name}:1: missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}; "
            f"a Followup CSV has at least {', '.join(REQUIRED_CSV_COLUMNS)} (see 'followup export csv')"
        )
    out = []
    line = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise ValidationError(f"{name}:{line}: not readable as CSV ({exc})") from None
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(header):
            raise ValidationError(f"{name}:{start}: {len(cells)} cells but the header has {len(header)} columns")
        row = dict(zip(header, cells, strict=False))  # a short row leaves the last columns out
        try:
            out.append((_app_from_row(row, now), f"{name}:{start}"))
        except (ValidationError, ValueError, TypeError, AttributeError) as exc:
            raise ValidationError(f"{name}:{start}: {exc}") from None
    return out


def _app_from_row(row: dict[str, str], now: datetime) -> Application:
    """The `data` column when present, with the plain columns a spreadsheet user may have edited on top."""
    raw = (row.get("data") or "").strip()
    if raw:
        try:
            data = json.loads(raw)
        except json.JSONDecodeError:
            raise ValidationError("the data column is not the JSON Followup wrote; clear it or restore it") from None
        if not isinstance(data, dict):
            raise ValidationError("the data column is not the JSON Followup wrote; clear it or restore it")
    else:
        data = {}
    row_id = (row.get("id") or "").strip().lower()
    company, role = (row.get("company") or "").strip(), (row.get("role") or "").strip()
    if not company:
        raise ValidationError("company is empty: every row needs a company")
    if not role:
        raise ValidationError("role is empty: every row needs a role")
    data["id"] = row_id or data.get("id") or str(uuid.uuid5(_ID_NAMESPACE, f"{company}\n{role}".lower()))
    changed = []
    for column in EDITABLE_CSV_COLUMNS:
        if column not in row:
            continue
        value: str | None = row[column].strip() if column != "notes" else row[column]
        if column == "stage":
            value = Stage.parse(value).value if value else (data.get("stage") or Stage.INTERVIEWED.value)
        if column == "outcome":
            value = value or None
        if raw and (data.get(column) or None) != (value or None):
            changed.append(column)
        data[column] = value
    if data.get("outcome") and Stage.parse(data.get("stage", "")) is not Stage.CLOSED:
        raise ValidationError(f"outcome {data['outcome']!r} goes with stage closed, not {data['stage']!r}: "
                              "set the stage to closed or clear the outcome")
    app = Application.from_dict(data)
    if not raw:
        app.created_at = app.created_at or to_utc(now)
        app.updated_at = app.updated_at or to_utc(now)
        app.history.append(Event(at=to_utc(now), kind="created", text=f"Imported {app.company} — {app.role}"))
    elif changed:
        app.updated_at = to_utc(now)
        app.history.append(Event(at=to_utc(now), kind="edit",
                                 text="Changed in a spreadsheet: " + ", ".join(changed)))
    return app
