"""What the board shows of one application, in plain values (str, int, float, lists).

The board draws its cards from these summaries (and, at start-up, its
deadline sidebar too). Being plain values, they can be saved next to the data
file (the start-up index) and read back in a few milliseconds, so the board is
drawn before the applications are rebuilt from the store.

A summary does not depend on `now`: deadlines are absolute times, and the
only time-dependent choice in the rules (whether a quiet period is still
running) is re-made by whoever shows them, who drops a quiet period that has
ended. `rules_key` says which settings and which rules the summaries were
made with; a summary is only reused under the same key.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from math import isfinite
from pathlib import Path
from typing import NamedTuple

from pendulum import DateTime

from tui.core.deadlines import Deadline, DeadlineKind, deadlines_for
from tui.core.model import Application
from tui.core.settings import Settings
from tui.core.stages import Stage
from tui.core.timeutil import UTC

SUMMARY_FORMAT = 1
_RULE_FILES = ("deadlines.py", "actions.py", "businessdays.py", "summary.py", "model.py", "stages.py",
               "timeutil.py", "settings.py")
_EPOCH = DateTime(1970, 1, 1, tzinfo=UTC)
_STAGE_VALUES = {stage.value for stage in Stage}


class Summary(NamedTuple):
    app_id: str
    stage: str
    company: str
    role: str
    revision: int
    follow_ups: int
    closing: str  # a closed card's outcome in words, else ""
    deadlines: list  # [kind, due timestamp, action, person, ref] for each deadline, quiet periods included


def closing_text(app: Application) -> str:
    if app.stage is not Stage.CLOSED:
        return ""
    return f"Closed: {app.outcome.label}" if app.outcome else "Closed"


def summarize(app: Application, settings: Settings, now, found: list[Deadline] | None = None) -> Summary:
    """`found`: the application's deadlines at `now`, when already worked out."""
    if found is None:
        found = deadlines_for(app, settings, now)
    return Summary(
        app.id, app.stage.value, app.company, app.role, app.revision, app.follow_up_count,
        closing_text(app),
        [[d.kind.value, d.due.timestamp(), d.action, d.person, d.ref] for d in found],
    )


_KINDS = {kind.value: kind for kind in DeadlineKind}


def due_time(timestamp: float):
    """A stored timestamp back as a UTC pendulum DateTime (adding to a DateTime keeps the type)."""
    return datetime.__add__(_EPOCH, timedelta(seconds=timestamp))


def summary_deadlines(summary: Summary, now_ts: float) -> list[Deadline]:
    """The summary's deadlines as the rules would give them at `now_ts` (ended quiet periods dropped)."""
    return [deadline for _, deadline in timed_deadlines(summary, now_ts)]


def timed_deadlines(summary: Summary, now_ts: float) -> list[tuple[float, Deadline]]:
    """`summary_deadlines`, each with its due time as a timestamp (cheaper than asking the DateTime)."""
    out = []
    for kind, due_ts, action, person, ref in summary.deadlines:
        kind = _KINDS[kind]
        quiet = kind is DeadlineKind.QUIET
        if quiet and due_ts <= now_ts:
            continue
        out.append((due_ts, Deadline(summary.app_id, summary.company, kind, due_time(due_ts), action, person, ref,
                                     due_ts < now_ts and not quiet)))
    return out


def _code_stamp() -> str:
    """The version and the rule files as this process loaded them (not as they are at quit time)."""
    from tui import __version__

    here = Path(__file__).parent
    stamps = [__version__]
    for name in _RULE_FILES:
        try:
            stat = (here / name).stat()
            stamps.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}")
        except OSError:
            stamps.append(f"{name}:?")
    return "|".join(stamps)


_CODE = _code_stamp()


def rules_key(settings: Settings) -> str:
    """Changes when anything that shapes a summary changes: the settings, the zone, the rules' code."""
    rules = (settings.thank_you_hours, settings.follow_up_business_days, settings.follow_up_limit,
             settings.reply_hours, settings.use_thank_you, settings.zone.name)
    return f"{SUMMARY_FORMAT}|{rules!r}|{_CODE}"


def from_plain(row) -> Summary | None:
    """A summary read back from a file; None when the row is not one (the index is then ignored)."""
    if type(row) is not list or len(row) != len(Summary._fields):
        return None
    summary = Summary(*row)
    app_id, stage, company, role, revision, follow_ups, closing, deadlines = summary
    if not (type(app_id) is str and type(company) is str and type(role) is str and type(closing) is str
            and type(stage) is str and stage in _STAGE_VALUES and type(revision) is int and type(follow_ups) is int
            and type(deadlines) is list):
        return None
    for deadline in deadlines:
        if not (type(deadline) is list and len(deadline) == 5 and type(deadline[0]) is str and deadline[0] in _KINDS
                and type(deadline[1]) in (int, float) and isfinite(deadline[1])
                and type(deadline[2]) is str and type(deadline[3]) is str and type(deadline[4]) is str):
            return None
    return summary
