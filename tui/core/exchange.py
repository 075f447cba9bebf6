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
from datetime import datetime, timedelta
from typing import Any

import msgspec

from tui.core import timefmt
from tui.core.deadline_words import relative, short_action
from tui.core.deadlines import Deadline, next_deadline
from tui.core.errors import ValidationError, quoted
from tui.core.model import Application
from tui.core.parts import Direction, Interviewer, holds
from tui.core.settings import Settings
from tui.core.stages import STAGES, DirectionKind
from tui.core.text import counted
from tui.core.timeutil import Zone, dump_time, local, named_zone, to_utc

EXPORT_SCHEMA = 1
FORMATS = ("json", "csv", "ics", "md")
CSV_COLUMNS = (
    "id", "company", "role", "stage", "outcome", "created", "updated", "next_deadline",
    "next_action", "rounds", "last_round", "interviewers", "recruiter", "notes", "history", "timezone", "data",
)
REQUIRED_CSV_COLUMNS = ("company", "role", "stage")  # a hand-made sheet: rows without an id match by these
EDITABLE_CSV_COLUMNS = ("company", "role", "stage", "outcome", "recruiter", "notes")


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
    raise ValidationError(f"unknown export format {quoted(fmt)}: use one of {', '.join(FORMATS)}")


def _utf8(text: str) -> bytes:
    """UTF-8, with a lone surrogate (an older file may hold one) written as \\udcxx, so that an
    export never fails on it; in JSON that escape reads back as the same text."""
    return text.encode("utf-8", "backslashreplace")


def _ordered(apps: list[Application]) -> list[Application]:
    """Oldest first, so that two exports of the same data are byte-identical."""
    return sorted(apps, key=lambda a: (dump_time(a.created_at) or "", a.company.lower(), a.id))


def record(app: Application) -> dict[str, Any]:
    """The application's data as exported: everything but the store's revision."""
    data = app.to_dict()
    data.pop("revision", None)  # the store's bookkeeping, not the user's data
    return data


def export_time(value: datetime | None) -> str | None:
    """A time as `export json` and `show --json` write it (the record's own form, msgspec's: UTC with "Z"),
    for any other JSON a script compares with theirs (`list --json` wrote "+00:00", review Q 9)."""
    return None if value is None else msgspec.to_builtins(to_utc(value))


# --- JSON ------------------------------------------------------------------
def to_json(apps: list[Application]) -> str:
    payload = {"schema": EXPORT_SCHEMA, "applications": [record(a) for a in _ordered(apps)]}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


# --- CSV -------------------------------------------------------------------
def _local(moment: datetime | None, zone: Zone) -> str:
    return timefmt.for_input(moment, zone)  # as a form prefills it: read back the same way on import


def zone_name(zone: Zone) -> str:
    """The zone a CSV's times are written in, as its `timezone` column names it: import reads the
    shown times back in that zone, so a file exported on a server in UTC imports unchanged on a
    laptop set to New York. Empty for a zone without a name import could look up."""
    name = getattr(zone, "name", "") or ""
    try:
        return name if name and named_zone(name) is not None else ""
    except ValidationError:
        return ""


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
        "history": " | ".join(f"{_local(e.at, zone)} {timefmt.readable(e.text, zone, now)}"
                              + ("" if holds(e) else " (undone)") for e in app.history),
        "timezone": zone_name(zone),
        "data": json.dumps(record(app), ensure_ascii=False, separators=(",", ":")),
    }


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection):
# such a cell is written with a leading ', which the spreadsheet shows as text and
# `unescape_cell` strips again, so a round trip through import is exact.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def escape_cell(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def unescape_cell(text: str) -> str:
    """Exactly the one ' that `escape_cell` adds; a ' before anything else is the user's own."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


def to_csv(apps: list[Application], settings: Settings, now: datetime) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for app in _ordered(apps):
        writer.writerow({column: escape_cell(value) for column, value in csv_row(app, settings, now).items()})
    return out.getvalue()


# --- ICS -------------------------------------------------------------------
def to_ics(apps: list[Application], settings: Settings, now: datetime) -> bytes:
    """The calendar export (tui/core/ics.py: icalendar is imported only for it)."""
    from tui.core.ics import to_ics as calendar

    return calendar(apps, settings, now)


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
             f"{counted(len(apps), 'application')}, as of {local(to_utc(now), zone).format(when)} "
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


def _md_direction(direction: Direction, zone: Zone, now: datetime, when: str) -> str:
    """One direction as a line; a quiet period reads as one ("don't contact until …", the sidebar's
    words), never as "by …", which would read like a deadline."""
    due = local(direction.due, zone).format(when) if direction.due else ""
    if direction.kind is DirectionKind.NOT_BEFORE and direction.due:
        if direction.is_open and direction.due > to_utc(now):
            return f"- direction (quiet period): {_md(direction.text)} — don't contact until {due}"
        return f"- direction (quiet period, over): {_md(direction.text)} — ended {due}"
    state = "done" if direction.done_at else direction.kind.value
    return f"- direction ({state}): {_md(direction.text)}" + (f" by {due}" if due else "")


def _markdown_card(app: Application, upcoming: Deadline | None, zone: Zone, now: datetime, when: str) -> list[str]:
    lines = [f"### {_md(app.company)} — {_md(app.role)}", "", f"- id: `{app.short_id}`"]
    if app.outcome:
        lines.append(f"- outcome: {app.outcome.label}")
    if upcoming:
        lines.append(f"- next: {_md(short_action(upcoming))}, {relative(upcoming.due, now)} "
                     f"({local(upcoming.due, zone).format(when)})")
    for rnd in app.rounds_in_time_order:
        people = ", ".join(_md_interviewer(person) for person in rnd.interviewers)
        lines.append(f"- round: {_md(rnd.name)}, {local(rnd.at, zone).format(when)}"
                     + (f", with {people}" if people else ""))
    for direction in app.directions:
        lines.append(_md_direction(direction, zone, now, when))
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
