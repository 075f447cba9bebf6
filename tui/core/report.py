"""The dated activity log of a period (`followup report`): proof of a job search, as some
unemployment offices ask for it.

Each round that took place, each letter sent and each answer received, with
its company, role, whom it was with and when, oldest first; the same
activities the statistics count per week (`history_facts.activities`). Markdown for
reading and printing, CSV for a spreadsheet.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta
from typing import Iterable

from tui.core import timefmt
from tui.core.exchange import escape_cell
from tui.core.history_facts import Activity, activities
from tui.core.model import Application
from tui.core.text import counted
from tui.core.timeutil import Zone

FORMATS = ("md", "csv")
CSV_COLUMNS = ("date", "company", "role", "activity", "detail", "contact")
KIND_WORDS = {"round": "Interview", "letter": "Letter sent", "thanks": "Thanked", "answer": "Answer received"}


def in_period(apps: Iterable[Application], start: datetime, end: datetime, now: datetime) -> list[Activity]:
    """Every activity from `start` (included) to `end` (excluded), oldest first."""
    found = [a for app in apps for a in activities(app, now) if start <= a.at < end]
    found.sort(key=lambda a: (a.at, a.app.company.lower()))
    return found


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _md(text: str) -> str:
    """Table-cell text: one line, pipes and markup characters escaped."""
    cleaned = _one_line(text)
    for char in "\\|*_`[]<>#":
        cleaned = cleaned.replace(char, "\\" + char)
    return cleaned


def period_words(start: datetime, end: datetime, zone: Zone) -> str:
    last = end - timedelta(microseconds=1)
    return f"{timefmt.at(start, zone, timefmt.DAY_TIME_YEAR)} – {timefmt.at(last, zone, timefmt.DAY_TIME_YEAR)}"


def totals(rows: list[Activity]) -> str:
    counts = {kind: sum(1 for r in rows if r.kind == kind) for kind in KIND_WORDS}
    thanked = f", {counted(counts['thanks'], 'interviewer')} thanked without a letter" if counts["thanks"] else ""
    return (f"{counted(counts['round'], 'interview')}, {counted(counts['letter'], 'letter')} sent, "
            f"{counted(counts['answer'], 'answer')} received{thanked}")


def to_markdown(rows: list[Activity], start: datetime, end: datetime, zone: Zone, name: str = "") -> str:
    who = f" of {_md(name)}" if name.strip() else ""
    lines = [f"# Job search activity{who}", "", f"Period: {period_words(start, end, zone)} "
             f"({zone.name if hasattr(zone, 'name') else zone})", ""]
    if not rows:
        lines.append("Nothing was recorded in this period.")
        return "\n".join(lines) + "\n"
    lines += ["| Date | Company | Role | Activity | Detail | Contact |", "|---|---|---|---|---|---|"]
    for row in rows:
        cells = (timefmt.at(row.at, zone, timefmt.DAY_TIME_YEAR), row.app.company, row.app.role,
                 KIND_WORDS[row.kind], row.what, row.contact)
        lines.append("| " + " | ".join(_md(cell) for cell in cells) + " |")
    lines += ["", f"In all: {totals(rows)}."]
    return "\n".join(lines) + "\n"


def to_csv(rows: list[Activity], zone: Zone) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        cells = (timefmt.at(row.at, zone, timefmt.TYPED), row.app.company, row.app.role, KIND_WORDS[row.kind],
                 _one_line(row.what), _one_line(row.contact))
        writer.writerow([escape_cell(cell) for cell in cells])  # the export's rule against CSV injection
    return out.getvalue()


def render(fmt: str, rows: list[Activity], start: datetime, end: datetime, zone: Zone, name: str = "") -> bytes:
    text = to_csv(rows, zone) if fmt == "csv" else to_markdown(rows, start, end, zone, name)
    return text.encode("utf-8", "backslashreplace")
