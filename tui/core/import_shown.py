"""The CSV columns an export writes for reading only, checked on import: an edit there is refused, not lost.

`export csv` writes what a card is (created, rounds, the next deadline, the
history…) beside the columns import reads. A spreadsheet user who changes one
of them expects the change to apply; dropping it silently lost their work, so a
cell that no longer says what the export wrote refuses the file, naming the
column and where the value is edited instead.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any, NamedTuple

from tui.core.deadlines import deadlines_for
from tui.core.errors import ValidationError
from tui.core.exchange import CSV_COLUMNS, EDITABLE_CSV_COLUMNS, csv_row
from tui.core.model import Application
from tui.core.settings import Settings
from tui.core.timefmt import for_input
from tui.core.timeutil import named_zone, to_utc
from tui.core.when import wall_time
from tui.core.when_pieces import Unreadable, read_clock

ROUND_AT = "round_at"  # a hand-made sheet's round: its time, in the user's zone
ZONE = "timezone"  # the zone export wrote the row's times in: they are read back in it
READ_COLUMNS = ("id", *EDITABLE_CSV_COLUMNS, ROUND_AT, ZONE, "data")
TIME_COLUMNS = ("created", "updated", "next_deadline", "last_round", "history")
SHOWN_COLUMNS = tuple(column for column in CSV_COLUMNS if column not in READ_COLUMNS)
_DEADLINES = ("deadlines follow from the rounds, replies and directions: change those in the app or "
              "with 'followup round', 'followup reply', 'followup direction' or 'followup snooze'")
_ROUNDS = "rounds are edited in the app or added with 'followup round'"
WHERE_EDITED = {
    "created": "it is when the card was added, kept as it was",
    "updated": "Followup sets it whenever the card changes",
    "next_deadline": _DEADLINES,
    "next_action": _DEADLINES,
    "rounds": _ROUNDS,
    "last_round": _ROUNDS,
    "interviewers": "interviewers are edited in the app or given with 'followup round --interviewer'",
    "history": "the history is written by Followup as the card changes",
}


def row_settings(row: dict[str, str], settings: Settings) -> Settings:
    """The settings the row's times are read in: the zone its `timezone` cell names (the one export
    wrote them in, whatever the zone setting is now), else the user's own (a hand-made sheet, or an
    export from before the column existed)."""
    name = (row.get(ZONE) or "").strip()
    if not name:
        return settings
    try:
        named_zone(name)
    except ValidationError:
        raise ValidationError(f"timezone {name!r} is not a time zone Followup knows (an IANA name such as "
                              "'Europe/Berlin'): it names the zone the row's times are written in; put back "
                              "what export wrote, or clear it to read them in your timezone setting") from None
    return settings._replace(timezone=name)


def check_header(header: list[str], where: str) -> None:
    """A column import does not know, or one named twice (a "Notes" of the user's own beside export's
    "notes": read, the last won and replaced the card's notes), refuses the file at `where` (NAME:LINE)."""
    for number, column in enumerate(header, start=1):
        if column in header[number:]:
            again = header.index(column, number) + 1
            raise ValidationError(f"{where}: column {column} appears twice (columns {number} and {again}): "
                                  "rename or remove one of them")
    unknown = [column for column in header if column not in READ_COLUMNS + SHOWN_COLUMNS]
    if unknown:
        raise ValidationError(
            f"{where}: unknown column {unknown[0]!r}: import reads {', '.join(READ_COLUMNS)}; the other "
            f"columns export writes ({', '.join(SHOWN_COLUMNS)}) are shown for reading; remove or rename it"
        )


def check_shown(row: dict[str, str], data: dict[str, Any] | None, settings: Settings, now: datetime) -> None:
    """ValidationError for the first column shown for reading whose cell the user changed.

    Compared with the row's own record (its data cell) as export writes it; the cells that depend on
    when the file was written (the next deadline, the history's years) accept what any moment would
    have shown. A row without a data cell has nothing to compare with: its shown cells must be empty
    (last_round, which tells two same roles apart and makes a hand-made row's round, excepted)."""
    if data is None:
        for column in SHOWN_COLUMNS:
            if column != "last_round" and (row.get(column) or "").strip():
                raise _without_data(column, row)
        return
    app = Application.from_dict(dict(data))
    written = csv_row(app, settings, now)
    for column in SHOWN_COLUMNS:
        if column not in row:
            continue
        cell = row[column].strip()
        if cell == written[column].strip():
            continue
        also = _also_shown(column, app, settings, now)
        if cell not in also and not _same_time(column, cell, {written[column].strip(), *also}, settings, now):
            raise _refused(column, cell, written[column], _zone_hint(column, row, settings))


class CellTime(NamedTuple):
    readings: list[datetime]  # what the cell may mean: naive wall times in the row's zone (aware with an offset)
    day_alone: bool  # a date without a clock time


_DAY_FIRST_OR_NOT = re.compile(r"(\d{1,2})([./])(\d{1,2})\2(\d{4})(?:[ t,]+(.+))?")


def read_cell_time(text: str) -> CellTime:
    """The times a sheet's time cell may mean: ISO as export writes it (with or without seconds or an
    offset), or as a spreadsheet re-saves it: D.M.YYYY, D/M/YYYY or M/D/YYYY, each with an optional
    clock time (14:25, 14:25:00, 2:25 PM; read by when_pieces.read_clock, as typed times are). Slashes
    read both ways: 05/11/2026 gives two readings, 27/11/2026 one. No reading: not a time."""
    cell = " ".join(text.split())
    try:
        return CellTime([datetime.fromisoformat(cell)], re.fullmatch(r"\d{4}-\d{2}-\d{2}", cell) is not None)
    except ValueError:
        pass
    match = _DAY_FIRST_OR_NOT.fullmatch(cell.lower())
    if match is None:
        return CellTime([], False)
    first, separator, second, year, clock_text = match.groups()
    try:
        clock = read_clock(re.sub(r"\s+(am|pm)$", r"\1", clock_text)) if clock_text else None
    except Unreadable:
        clock = None
    if clock_text and clock is None:
        return CellTime([], False)
    orders = [(first, second)] if separator == "." else [(first, second), (second, first)]
    readings: list[datetime] = []
    for day, month in orders:
        try:
            moment = datetime(int(year), int(month), int(day), *((clock.hour, clock.minute) if clock else (0, 0)))
        except ValueError:
            continue
        if moment not in readings:
            readings.append(moment)
    return CellTime(readings, not clock_text)


def one_reading(text: str, column: str, example: str) -> CellTime:
    """`read_cell_time` for a cell that makes or matches a round: it must mean one time."""
    read = read_cell_time(text)
    if not read.readings:
        raise ValidationError(f"{column} {text!r} is not a date Followup can read: write it as {example!r} "
                              "(or leave the cell empty)")
    if len(read.readings) > 1:  # the time stays in the forms offered: a round at 00:00 was not meant
        one, other = read.readings
        clock = "" if read.day_alone else one.strftime(" %H:%M")
        raise ValidationError(f"{column} {text.strip()!r} could be {one.day} {one:%B} or {other.day} {other:%B}: "
                              f"write {one.date().isoformat()}{clock} or {other.date().isoformat()}{clock}")
    return read


def _minutes(text: str, settings: Settings, now: datetime) -> set[datetime]:
    """The moments (to the minute, in UTC) a time cell may mean, read in the row's zone."""
    moments = set()
    for reading in read_cell_time(text).readings:
        try:
            moment = to_utc(reading) if reading.tzinfo else wall_time(reading, settings.zone, now)
        except ValidationError:
            continue
        moments.add(moment.replace(second=0, microsecond=0))
    return moments


def _same_time(column: str, cell: str, shown: set[str], settings: Settings, now: datetime) -> bool:
    """Whether a read-only time cell a spreadsheet re-wrote in its own form ("28/11/2026 14:25") says the
    same minute as one export would have written (review T3 6); last_round's name must stay as it was."""
    if column not in ("created", "updated", "next_deadline", "last_round"):
        return False
    name, _, when = cell.rpartition(",") if column == "last_round" else ("", "", cell)
    cell_minutes = _minutes(when, settings, now)
    for written in shown:
        written_name, _, written_when = written.rpartition(",") if column == "last_round" else ("", "", written)
        if written_name.strip() == name.strip() and cell_minutes & _minutes(written_when, settings, now):
            return True
    return False


def _also_shown(column: str, app: Application, settings: Settings, now: datetime) -> set[str]:
    if column in ("next_deadline", "next_action"):
        later = [d for d in deadlines_for(app, settings, now)]
        return {""} | {for_input(d.due, settings.zone) if column == "next_deadline" else d.action for d in later}
    if column == "history":
        first = min((e.at for e in app.history if e.at), default=now)
        years = range(first.year, now.year + 2)
        return {csv_row(app, settings, datetime(year, 7, 1, tzinfo=timezone.utc))["history"].strip()
                for year in years}
    return set()


def _zone_hint(column: str, row: dict[str, str], settings: Settings) -> str:
    """A file without a timezone column (exported before it existed) is read in today's setting: if
    that changed since, every time cell differs; the refusal says how to import it anyway."""
    if column not in TIME_COLUMNS or (row.get(ZONE) or "").strip():
        return ""
    zone = getattr(settings.zone, "name", "") or "the system's"
    return (f"; the file has no timezone column, so its times are read in your timezone setting ({zone}): "
            "if it was exported under another one, set that for the import")


def _without_data(column: str, row: dict[str, str]) -> ValidationError:
    """An exported sheet that lost its data column (or a row its data cell) says that, not that a shown
    cell was edited: without the record the row is a hand-made one, and its shown cells are not read."""
    lost = "the data cell is empty" if "data" in row else "the sheet has no data column"
    return ValidationError(
        f"{lost}, so the row is read as a hand-made one, from {', '.join(EDITABLE_CSV_COLUMNS)} alone: its "
        f"{column} cell ({row[column].strip()!r}) and the rest of the record would be lost; put back the data "
        f"{'cell' if 'data' in row else 'column'} as 'followup export csv' wrote it, or clear the cells shown "
        "for reading to import the row as a hand-made one")


def _refused(column: str, cell: str, written: str, hint: str = "") -> ValidationError:
    was = f"export wrote {written!r}"
    return ValidationError(f"{column} is shown for reading and not imported: it says {cell!r}, {was}; "
                           f"{WHERE_EDITED[column]} (or put the value back){hint}")
