"""How the search is going, worked out from what happened: pure functions of (applications, settings, now).

Every figure comes from the recorded history, rounds, contacts and outcome,
never from where a card sits today: a process that reached a second round and
was then rejected still reached a second round. The definitions (also in the
README and the statistics screen's help):

- applications: those whose first round took place in the period (`since`
  to `now`); an application with no round yet is not counted anywhere.
- answer: the first, on or after the first round, of a reply from them (any
  contact marked as coming from them), a later round (from when it was
  recorded, or when it took place if it was recorded after or before the
  first round), or an outcome offer, accepted or rejected (at the time they
  told us). The latest outcome counts as well as any earlier one of a
  process that was later reopened.
- counted: applications whose first round is at least one follow-up wait old
  (`follow_up_business_days`), or that got an answer.
- answer_rate = counted with an answer / counted; silence_rate = counted
  that were closed as no response, or are open with the follow-up limit
  reached and no answer / counted. None when nothing is counted.
- days_to_answer: first round -> answer, median and quartiles (linear
  between the nearest values, as a spreadsheet's PERCENTILE.INC).
- thank_you: one note per interviewer marked thanked, plus any thank-you
  letter that matches none of them; on time when sent within
  `thank_you_hours` of its round.
- rounds: how many applications had a 2nd round (or more), and a 3rd or more.
- stage_days: median days of a stay in each open stage; a stay counts once
  the card has left the stage; the first stay begins at the first round when
  the card was typed in after it (history_facts.entered_at), and time before
  the first round (a card typed in ahead of its interview) is no stay.
- funnel: how many applications were ever in each stage from their first
  round on, and how the closed ones ended.
- a history line whose step was undone on the board (parts.holds)
  stays on record but counts nowhere: the figures are as if it never happened.
- weeks: the last 12 weeks (Monday to Sunday in the user's zone), of every
  application whatever the period: rounds that took place, letters sent (each
  one, a second thank-you to one person too; an
  interviewer marked thanked without a letter is not one: the report lists
  it apart), answers received (replies and outcomes; a later round shows as
  a round).
"""

from __future__ import annotations

import bisect
from datetime import datetime, timedelta
from operator import itemgetter
from typing import Any, Iterable

from tui.core.businessdays import WorkCalendar
from tui.core.deadlines import work_calendar
from tui.core.history_facts import (
    ANSWERING,
    FOLLOW_UP,
    LETTERS_BUT_THANKS,
    STAGE_OF,
    THANK_YOU,
    activities,
    entered_at,
    first_round_at,
    received,
    thank_you_notes,
)
from tui.core.model import Application
from tui.core.parts import UNDONE
from tui.core.settings import Settings
from tui.core.stages import OPEN_STAGES, STAGES, Outcome, Stage
from tui.core.stats_result import Figures, ThankYou, Week, percentile, spread
from tui.core.timeutil import Zone, local, to_utc

WEEKS = 12
_DAY = 86400.0


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def week_starts(now: datetime, zone: Zone, weeks: int = WEEKS) -> list[datetime]:
    """The Monday midnights (in `zone`, as UTC) that begin each of the last `weeks` weeks, oldest first."""
    monday = local(now, zone).start_of("week")
    return [to_utc(monday.subtract(weeks=weeks - 1 - i)) for i in range(weeks)]


class _Wait:
    """Whether the follow-up wait has passed since a time, as of `now`: `days` business days counted as
    the sidebar counts them (WorkCalendar.wait_after: from the next opening of working hours, over the
    holidays). Counted plain, they took an evening round or a holiday week as over too soon (review Y 1).

    N business days span at least N calendar days and at most 2N + 3 plus the holidays among them (a
    fortnight covers any calendar's cluster), so only a time in between needs the calendar; the two
    bounds are worked out once for all the applications.
    """

    __slots__ = ("now", "days", "work", "too_recent", "long_ago")

    def __init__(self, now: datetime, days: int, work: WorkCalendar) -> None:
        self.now, self.days, self.work = now, days, work
        self.too_recent = now - timedelta(days=days) if days > 0 else None  # started after it: not over
        self.long_ago = now - timedelta(days=2 * days + 3 + 14)  # started by it: over

    def over(self, first: datetime) -> bool:
        if self.too_recent is not None and first > self.too_recent:
            return False
        if first <= self.long_ago:
            return True
        return self.work.wait_after(first, self.days) <= self.now


def _wait_over(first: datetime, days: int, work: WorkCalendar, now: datetime) -> bool:
    """Whether the follow-up wait of `days` business days has passed since `first`."""
    return _Wait(now, days, work).over(first)


def in_period(apps: Iterable[Application], now: datetime, since: datetime | None = None) -> list[Application]:
    """The applications whose first round took place between `since` and `now`."""
    chosen = []
    for app in apps:
        first = first_round_at(app, now)
        if first is not None and (since is None or first >= since):
            chosen.append(app)
    return chosen


def figures(apps: Iterable[Application], settings: Settings, now: datetime, *,
            since: datetime | None = None) -> Figures:
    """Every figure for the applications whose first round falls between `since` and `now`.

    One pass over each application's rounds, contacts and history, working out
    what `first_round_at`, `answer_at`, `thank_you_notes` and `stays` define
    without building their records: at 10,000 applications their tuples, sets
    and sorts were most of `followup stats`. A test holds this pass to those
    definitions on generated histories.
    """
    now = to_utc(now)
    since = to_utc(since) if since is not None else None
    zone = settings.zone
    counted = answered = silent = second = third = chosen = 0
    waits: list[float] = []
    hours: list[float] = []
    on_time = 0
    window = settings.thank_you_hours * 3600
    wait = _Wait(now, settings.follow_up_business_days, work_calendar(settings))
    stay_days: dict[Stage, list[float]] = {s: [] for s in OPEN_STAGES}
    funnel = {s: 0 for s in STAGES}
    outcomes: dict[Outcome | None, int] = {o: 0 for o in Outcome} | {None: 0}
    closed_stage, no_response, limit = Stage.CLOSED, Outcome.NO_RESPONSE, settings.follow_up_limit
    stage_of, by_time, undone = STAGE_OF, itemgetter(0), UNDONE
    # The times of what the weeks count (the same things `activities` lists for the report), sorted and
    # cut at the Mondays once at the end: a few bisections instead of one per activity.
    round_times: list[datetime] = []
    letter_times: list[datetime] = []
    answer_times: list[datetime] = []
    for app in apps:
        rounds = app.rounds
        first = None  # first_round_at
        mark = len(round_times)
        for rnd in rounds:
            at = rnd.at
            if at <= now:
                round_times.append(at)
                if first is None or at < first:
                    first = at
        if first is None or (since is not None and first < since):
            # outside the period (or no round yet): no figure counts it, but the weeks are the last 12
            # whatever the period, so its rounds (in already), letters and answers are in them
            _letters_and_answers(app, now, letter_times, answer_times)
            continue
        chosen += 1
        held = len(round_times) - mark
        if held >= 2:
            second += 1
            third += held >= 3
        stage, current = app.stage, app.outcome
        several = len(rounds) > 1  # a later round (held, or arranged after the first) may be the answer

        # the history, as _scan reads it (when rounds were recorded matters only with two or more)
        recorded: dict[str, datetime] = {}
        told: list[tuple[str, datetime]] = []
        moves: list[tuple[datetime, Any, Any]] = []
        earliest = None
        for event in app.history:
            logged, data = event.at, event.data
            if logged is None or (undone in data and data[undone]):  # not parts.holds
                continue
            if earliest is None or logged < earliest:
                earliest = logged
            kind = event.kind
            if kind == "stage":
                moves.append((logged, data.get("from"), data.get("to")))
            elif kind == "outcome":
                outcome = data.get("outcome")
                if outcome in ANSWERING:
                    told.append((str(outcome), logged))
            elif kind == "round" and several:
                ref = data.get("round")
                if isinstance(ref, str) and ref not in recorded:
                    recorded[ref] = logged
        if stage is closed_stage and current is not None and current.value in ANSWERING:  # as _outcome_times
            value = current.value
            for index in range(len(told) - 1, -1, -1):
                if told[index][0] == value:
                    del told[index]
                    break
            told_at = app.outcome_at or app.updated_at or app.created_at
            if told_at is not None:
                told.append((str(value), told_at))
        if len(told) > 1:
            told = received(told)

        # the answer (as _answer_at), the letters and answers of the weeks
        answer = None
        letters_of_thanks = False
        follow_ups = False
        for contact in app.contacts:
            at = contact.at
            if contact.inbound:
                answer_times.append(at)
                if first <= at <= now and (answer is None or at < answer):
                    answer = at
            else:
                kind = contact.kind
                if kind in LETTERS_BUT_THANKS:
                    letter_times.append(at)
                    follow_ups = follow_ups or kind == FOLLOW_UP
                elif kind == THANK_YOU:  # each letter is one the weeks count (as `activities` lists them)
                    letter_times.append(at)
                    letters_of_thanks = True
        if several:
            for rnd in rounds:
                at = rnd.at
                if at <= first:
                    continue
                at = min(recorded.get(rnd.id, at), at)
                if at < first:
                    at = rnd.at
                if at <= now and (answer is None or at < answer):
                    answer = at
        for _, at in told:
            answer_times.append(at)
            if first <= at <= now and (answer is None or at < answer):
                answer = at

        if answer is not None:
            counted += 1
            answered += 1
            waits.append((answer - first).total_seconds() / _DAY)
            silent += stage is closed_stage and current is no_response
        elif wait.over(first):
            counted += 1
            if stage is closed_stage:
                silent += current is no_response
            elif not follow_ups:
                silent += limit <= 0
            else:  # the model's own count (since the latest round, reply or decision; ties by the history's
                # order): a copy here drifted from it once; only cards with follow-ups and no answer get here
                silent += app.follow_up_count >= limit

        # thank-you notes: the interviewers marked thanked, and (rarely) letters that match none of them
        if letters_of_thanks:
            for note in thank_you_notes(app):
                took = max(0.0, (note.sent_at - note.round_at).total_seconds())
                hours.append(took / 3600)
                on_time += took <= window
        else:  # each marked thanked without a letter: a thank-you note, but no letter for the weeks
            for rnd in rounds:
                for person in rnd.interviewers:
                    sent = person.thanked_at
                    if sent is not None:
                        took = max(0.0, (sent - rnd.at).total_seconds())
                        hours.append(took / 3600)
                        on_time += took <= window

        # the stays (as `stays`): each ended one's days, and the stages reached
        if not moves:
            funnel[stage] += 1
        else:
            if len(moves) > 1:
                moves.sort(key=by_time)
            start = entered_at(earliest, app.created_at, first)  # first: the earliest round, held
            value = moves[0][1]
            was = stage_of.get(value) if type(value) is str else None
            reached = {stage}  # the stage it is in (after its last move, or moved without a stage line)
            for at, _, value in moves:
                if was is not None and at > first:  # a stay before the first round is no stay (as `stays`)
                    reached.add(was)
                    if start is not None and was is not closed_stage:
                        stay_days[was].append((at - (first if start < first else start)).total_seconds() / _DAY)
                was, start = (stage_of.get(value) if type(value) is str else None), at
            if was is not None:
                reached.add(was)
            for was in reached:
                funnel[was] += 1
        if stage is closed_stage:
            outcomes[current] += 1
    hours.sort()
    return Figures(
        since=since, now=now, applications=chosen, counted=counted, answered=answered, silent=silent,
        answer_rate=_rate(answered, counted), silence_rate=_rate(silent, counted),
        days_to_answer=spread(waits),
        thank_you=ThankYou(len(hours), on_time, _rate(on_time, len(hours)), percentile(hours, 0.5)),
        second_round=second, third_round=third,
        stage_days={stage.value: percentile(sorted(days), 0.5) for stage, days in stay_days.items()},
        stage_stays={stage.value: len(days) for stage, days in stay_days.items()},
        funnel={stage.value: count for stage, count in funnel.items()},
        outcomes={(o.value if o is not None else "unrecorded"): count for o, count in outcomes.items()},
        weeks=_weeks(now, zone, round_times, letter_times, answer_times),
        thank_you_hours=settings.thank_you_hours,
    )


def _letters_and_answers(app: Application, now: datetime, letters: list[datetime], answers: list[datetime]) -> None:
    """What `activities` lists of `app` as letters sent and answers received, added to the weeks' times."""
    if not app.contacts and not any(event.kind == "outcome" for event in app.history):
        return  # nothing to find (most cards outside a period): skip the scan
    for done in activities(app, now):
        if done.kind == "letter":
            letters.append(done.at)
        elif done.kind == "answer":
            answers.append(done.at)


def _weeks(now: datetime, zone: Zone, *series: list[datetime]) -> list[Week]:
    starts = week_starts(now, zone)
    ends = starts[1:] + [now + timedelta(microseconds=1)]  # this week: up to now, nothing planned
    counts = []
    for times in series:
        times.sort()
        counts.append([bisect.bisect_left(times, end) - bisect.bisect_left(times, start)
                       for start, end in zip(starts, ends, strict=True)])
    return [Week(local(start, zone).date(), *week)
            for start, week in zip(starts, zip(*counts, strict=True), strict=True)]
