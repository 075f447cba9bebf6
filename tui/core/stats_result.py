"""What a statistics result is, apart from how it is worked out: the records that `stats --json`, the
words (stats_text) and the board's screen read, and the documented JSON form.

Readers of a result need its shape, not the pass over every application's history that fills it
(stats.figures, with the deadline calendar behind it): kept here, they do not import that pass.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any, Iterable, NamedTuple


class Spread(NamedTuple):
    median: float | None
    p25: float | None
    p75: float | None
    size: int  # how many answers they are of


class ThankYou(NamedTuple):
    sent: int
    on_time: int
    on_time_rate: float | None
    median_hours: float | None


class Week(NamedTuple):
    start: date  # its Monday, in the user's zone
    rounds: int
    letters: int
    answers: int


class Figures(NamedTuple):
    since: datetime | None
    now: datetime
    applications: int
    counted: int
    answered: int  # counted applications with an answer
    silent: int  # counted applications gone silent
    answer_rate: float | None
    silence_rate: float | None
    days_to_answer: Spread
    thank_you: ThankYou
    second_round: int
    third_round: int  # a 3rd round or later
    stage_days: dict[str, float | None]
    stage_stays: dict[str, int]  # how many stays each median is of
    funnel: dict[str, int]  # stage value -> applications that were ever in it
    outcomes: dict[str, int]  # outcome value (and "unrecorded") -> closed applications
    weeks: list[Week]
    thank_you_hours: int


def percentile(ordered: list[float], q: float) -> float | None:
    """The q-th quantile of sorted values, linear between the nearest two (PERCENTILE.INC)."""
    if not ordered:
        return None
    position = q * (len(ordered) - 1)
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def spread(values: Iterable[float]) -> Spread:
    ordered = sorted(values)
    return Spread(percentile(ordered, 0.5), percentile(ordered, 0.25), percentile(ordered, 0.75), len(ordered))


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def to_json(fig: Figures) -> dict[str, Any]:
    """The documented `stats --json` object: rates as fractions 0–1, days and hours as numbers."""
    spread_ = fig.days_to_answer
    return {
        "since": fig.since.isoformat() if fig.since is not None else None,
        "now": fig.now.isoformat(),
        "applications": fig.applications,
        "counted": fig.counted,
        "answered": fig.answered,
        "silent": fig.silent,
        "answer_rate": _round(fig.answer_rate, 4),
        "silence_rate": _round(fig.silence_rate, 4),
        "days_to_answer": {"median": _round(spread_.median, 2), "p25": _round(spread_.p25, 2),
                           "p75": _round(spread_.p75, 2), "answers": spread_.size},
        "thank_you": {"sent": fig.thank_you.sent, "on_time": fig.thank_you.on_time,
                      "on_time_rate": _round(fig.thank_you.on_time_rate, 4),
                      "median_hours": _round(fig.thank_you.median_hours, 1),
                      "window_hours": fig.thank_you_hours},
        "rounds": {"second": fig.second_round, "third_or_later": fig.third_round},
        "stage_days": {stage: _round(days, 2) for stage, days in fig.stage_days.items()},
        "funnel": {"stages": dict(fig.funnel), "outcomes": dict(fig.outcomes)},
        "weeks": [{"week": w.start.isoformat(), "rounds": w.rounds, "letters": w.letters, "answers": w.answers}
                  for w in fig.weeks],
    }
