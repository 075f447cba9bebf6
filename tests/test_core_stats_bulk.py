"""`stats.figures` works every figure out in one pass per application, for speed at 10,000 of them;
here it must agree with the per-application definitions it inlines (`first_round_at`, `answer_at`,
`thank_you_notes`, `stays`, `activities`) on histories made by random sequences of the real actions,
plus the odd lines a hand-edited file may hold."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core import actions, correspondence, history_facts, stats, stats_result
from tui.core.deadlines import work_calendar
from tui.core.errors import ValidationError
from tui.core.model import copied
from tui.core.parts import Event, Interviewer
from tui.core.settings import Settings
from tui.core.stages import OPEN_STAGES, STAGES, LetterKind, Outcome, Stage

UTC = timezone.utc
BASE = datetime(2026, 9, 1, 9, 0, tzinfo=UTC)
H = timedelta(hours=1)
ODD_LINES = [
    Event(at=None, kind="stage", text="", data={"from": "awaiting", "to": "closed"}),
    Event(at=BASE, kind="stage", text="", data={"from": 7, "to": "nowhere"}),
    Event(at=BASE + 30 * H, kind="stage", text="", data={"to": ["thanked"]}),
    Event(at=BASE + 50 * H, kind="outcome", text="", data={"outcome": "offer"}),
    Event(at=BASE + 70 * H, kind="round", text="", data={"round": 3}),
]


def _step(app, step, at):
    kind, hours, pick = step
    told = at - hours * H / 4  # when something happened, a little before it was written down
    if kind == "round":
        people = [Interviewer(name=f"P{pick}")] if pick % 2 else []
        return actions.add_round(app, f"R{pick}", at + (hours - 40) * H, people, now=at)
    if kind == "thank":
        person = next(p for r in app.rounds for p in r.interviewers if p.thanked_at is None)
        return actions.set_thanked(app, person.id, now=at, at=told)
    if kind == "reply":
        return correspondence.record_reply(app, now=at, at=told)
    if kind == "letter":
        letter = list(LetterKind)[pick % len(LetterKind)]
        return correspondence.record_letter_sent(app, letter, now=at, to="P1" if pick % 3 else "someone")
    if kind == "contact":
        return correspondence.record_contact(app, "call", now=at, inbound=bool(pick % 2))
    if kind == "close":
        return correspondence.close(app, list(Outcome)[pick % len(Outcome)], now=at, at=told)
    if kind == "move":
        return actions.move(app, STAGES[pick % len(STAGES)], now=at)
    if kind == "catch_up":
        return actions.catch_up(app, at)
    odd = copied(app)
    odd.history.append(ODD_LINES[pick % len(ODD_LINES)])
    return odd


steps = st.lists(st.tuples(st.sampled_from(["round", "thank", "reply", "letter", "contact", "close", "move",
                                            "catch_up", "odd", "undo"]),
                           st.integers(min_value=0, max_value=200), st.integers(min_value=0, max_value=11)),
                 max_size=8)
applications = st.tuples(st.integers(min_value=0, max_value=24 * 30), st.integers(min_value=-48, max_value=48),
                         st.booleans(), steps)


def _build(start_hours, round_offset, with_person, plan):
    at = BASE + start_hours * H
    people = [Interviewer(name="P1")] if with_person else []
    app = actions.new_application("Acme", "Dev", now=at, round_at=at + round_offset * H, interviewers=people)
    earlier = []  # the card before each step, for an "undo" step (as the board's undo stack)
    for step in plan:
        at += step[1] * H
        if step[0] == "undo":
            if earlier:
                app = actions.undo(earlier.pop(), app, "a step", now=at)
            continue
        try:
            changed = _step(app, step, at)
        except (ValidationError, StopIteration):
            continue
        if changed is not app:
            earlier.append(app)
            app = changed
    return app


def _reference(apps, settings, now, since):
    """The figures as the module's definitions state them, one application and one definition at a time."""
    zone, closed = settings.zone, Stage.CLOSED
    chosen = stats.in_period(apps, now, since)
    counted = answered = silent = second = third = on_time = 0
    waits, hours = [], []
    stay_days = {stage: [] for stage in OPEN_STAGES}
    funnel = {stage: 0 for stage in STAGES}
    outcomes = {o.value: 0 for o in Outcome} | {"unrecorded": 0}
    for app in chosen:
        first = history_facts.first_round_at(app, now)
        answer = history_facts.answer_at(app, now)
        waited = stats._wait_over(first, settings.follow_up_business_days, work_calendar(settings), now)
        if answer is not None or waited:
            counted += 1
            answered += answer is not None
            if answer is not None:
                waits.append((answer - first).total_seconds() / stats._DAY)
            is_closed = app.stage is closed
            silent += (is_closed and app.outcome is Outcome.NO_RESPONSE) or (
                not is_closed and answer is None and app.follow_up_count >= settings.follow_up_limit)
        held = sum(1 for r in app.rounds if r.at <= now)
        second += held >= 2
        third += held >= 3
        for note in history_facts.thank_you_notes(app):
            took = max(0.0, (note.sent_at - note.round_at).total_seconds())
            hours.append(took / 3600)
            on_time += took <= settings.thank_you_hours * 3600
        found = history_facts.stays(app)
        for stay in found:
            if stay.start is not None and stay.end is not None and stay.stage is not closed:
                stay_days[stay.stage].append((stay.end - stay.start).total_seconds() / stats._DAY)
        for stage in {stay.stage for stay in found}:
            funnel[stage] += 1
        if app.stage is closed:
            outcomes[app.outcome.value if app.outcome else "unrecorded"] += 1
    starts = stats.week_starts(now, zone)
    ends = starts[1:] + [now + timedelta(microseconds=1)]
    done = [a for app in apps for a in history_facts.activities(app, now)]  # every application's, whatever the period
    weeks = [stats_result.Week(stats.local(start, zone).date(),
                        *(sum(1 for a in done if a.kind in kinds and start <= a.at < end)
                          for kinds in (("round",), ("letter",), ("answer",))))
             for start, end in zip(starts, ends, strict=True)]
    hours.sort()
    return stats_result.Figures(
        since=since, now=now, applications=len(chosen), counted=counted, answered=answered, silent=silent,
        answer_rate=answered / counted if counted else None, silence_rate=silent / counted if counted else None,
        days_to_answer=stats_result.spread(waits),
        thank_you=stats_result.ThankYou(len(hours), on_time, on_time / len(hours) if hours else None,
                                 stats_result.percentile(hours, 0.5)),
        second_round=second, third_round=third,
        stage_days={stage.value: stats_result.percentile(sorted(days), 0.5) for stage, days in stay_days.items()},
        stage_stays={stage.value: len(days) for stage, days in stay_days.items()},
        funnel={stage.value: count for stage, count in funnel.items()}, outcomes=outcomes, weeks=weeks,
        thank_you_hours=settings.thank_you_hours,
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans=st.lists(applications, min_size=1, max_size=6),
       zone=st.sampled_from(["UTC", "Europe/Berlin", "America/New_York", "Pacific/Auckland"]),
       wait_days=st.integers(min_value=1, max_value=10), limit=st.integers(min_value=0, max_value=3),
       window=st.integers(min_value=1, max_value=48), now_hours=st.integers(min_value=0, max_value=24 * 70),
       since_hours=st.none() | st.integers(min_value=0, max_value=24 * 40))
def test_the_one_pass_agrees_with_the_definitions(plans, zone, wait_days, limit, window, now_hours, since_hours):
    apps = [_build(*plan) for plan in plans]
    chosen = Settings(timezone=zone, follow_up_business_days=wait_days, follow_up_limit=limit,
                      thank_you_hours=window)
    now = BASE + now_hours * H
    since = None if since_hours is None else BASE + since_hours * H
    assert stats.figures(apps, chosen, now, since=since) == _reference(apps, chosen, now, since)


def test_a_later_round_arranged_but_not_yet_held_is_an_answer_from_when_it_was_arranged():
    """Held on day 0; on day 3 they invite to an onsite on day 10; on day 5 that invitation is the
    answer, 3 days after the first round (an application with one round held, two in all)."""
    app = actions.new_application("Acme", "Dev", now=BASE, round_at=BASE)
    app = actions.add_round(app, "Onsite", BASE + 240 * H, now=BASE + 72 * H)
    fig = stats.figures([app], Settings(timezone="UTC"), BASE + 120 * H)
    assert (fig.answered, fig.days_to_answer.median, fig.second_round) == (1, 3.0, 0)
    assert fig == _reference([app], Settings(timezone="UTC"), BASE + 120 * H, None)


def test_silence_counts_the_follow_ups_since_the_latest_round_or_reply_even_one_written_down_ahead():
    """Two follow-ups (days 7 and 14), then a reply or a new round on day 20, read on day 18 (a file
    written by a clock that runs ahead): no answer yet by day 18, but the count restarted on day 20,
    so the limit of two is not reached and the application is not silent."""
    day = 24 * H
    app = actions.new_application("Acme", "Dev", now=BASE, round_at=BASE)
    app = correspondence.record_letter_sent(app, "follow-up", now=BASE + 7 * day)
    app = correspondence.record_letter_sent(app, "follow-up", now=BASE + 14 * day)
    for later in (correspondence.record_reply(app, now=BASE + 20 * day),
                  actions.add_round(app, "Onsite", BASE + 20 * day, now=BASE + 20 * day)):
        fig = stats.figures([later], Settings(timezone="UTC"), BASE + 18 * day)
        assert (fig.counted, fig.answered, fig.silent) == (1, 0, 0)
        assert fig == _reference([later], Settings(timezone="UTC"), BASE + 18 * day, None)
    fig = stats.figures([app], Settings(timezone="UTC"), BASE + 18 * day)
    assert (fig.counted, fig.answered, fig.silent) == (1, 0, 1)
