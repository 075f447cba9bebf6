"""Properties of the deadline rules over generated cards, settings and times: no deadline before the
event it follows, none outside working hours on a business day (but the exact thank-you window and the
times that are theirs: interviews, quiet periods), and a snooze never makes a deadline earlier."""

from __future__ import annotations

from datetime import timedelta

import pendulum
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import examples
from tui.core import actions, correspondence, direction_actions, snoozing
from tui.core.deadlines import NOT_SNOOZABLE, DeadlineKind, deadlines_for, work_calendar
from tui.core.parts import Interviewer
from tui.core.settings import Settings

START = pendulum.datetime(2026, 1, 1, tz="UTC")
ZONES = ["UTC", "Europe/London", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Lord_Howe"]

SETTINGS = st.builds(
    lambda zone, hours, holidays, use: Settings(timezone=zone, work_hours=hours, holidays=holidays,
                                                use_thank_you=use),
    st.sampled_from(ZONES),
    st.sampled_from(["09:00-17:00", "08:30-18:00", "02:30-04:00", "07:00-23:59"]),
    st.sampled_from(["", "GB-ENG", "DE-BY"]),
    st.booleans(),
)
HOURS = st.integers(0, 24 * 120)  # within the first four months of 2026: both DST changes nearby


@st.composite
def cards(draw):
    """A card built through the actions, as the board and the command line build them."""
    conf = draw(SETTINGS)
    round_at = START.add(hours=draw(HOURS))
    created = round_at.add(hours=draw(st.integers(-72, 72)))
    app = actions.new_application("Acme", "SRE", now=created, round_at=round_at,
                                  interviewers=[Interviewer("Dana Kim"), Interviewer("Lee Park")],
                                  use_thank_you=conf.use_thank_you)
    clock = max(created, round_at)
    for step in draw(st.lists(st.sampled_from(["thank", "follow-up", "reply", "do-by", "quiet", "round",
                                               "reject", "offer", "decision"]), max_size=5)):
        clock = clock.add(hours=draw(st.integers(1, 24 * 9)))
        held = app.latest_round is not None and app.latest_round.at <= clock  # a note is only after the round
        if step == "thank" and held and app.latest_round and app.latest_round.interviewers:
            person = app.latest_round.interviewers[0]
            app = correspondence.record_letter_sent(app, "thank-you", now=clock, interviewer_id=person.id)
        elif step == "follow-up":
            app = correspondence.record_letter_sent(app, "follow-up", now=clock)
        elif step == "reply":
            at = clock.subtract(hours=draw(st.integers(0, 30)))
            first = min((r.at for r in app.held_rounds(clock)), default=at)  # a reply comes after the first round
            app = correspondence.record_reply(app, now=clock, at=max(at, first))
        elif step == "do-by":
            due = clock.add(hours=draw(st.integers(-48, 24 * 10)))
            app = direction_actions.add_direction(app, "Send references", "do-by", due, now=clock)
        elif step == "quiet":
            app = direction_actions.add_direction(app, "Not before", "not-before",
                                                  clock.add(hours=draw(st.integers(1, 300))), now=clock)
        elif step == "round":
            at = clock.add(hours=draw(st.integers(-48, 200)))
            if any(r.at == at for r in app.rounds):  # two rounds at one time are one: refused (check_time_free)
                continue
            app = actions.add_round(app, "Again", at, [Interviewer("Mia Chen")], now=clock,
                                    use_thank_you=conf.use_thank_you)
        elif step in ("reject", "offer"):
            app = correspondence.close(app, "rejected" if step == "reject" else "offer", now=clock)
        elif step == "decision":
            app = actions.edit(app, decision_by=clock.add(hours=draw(st.integers(1, 200))), now=clock)
    now = clock.add(hours=draw(st.integers(0, 24 * 20)))
    return app, conf, now


def _events(app, deadline):
    """The moments a deadline follows from: it may not fall before any of them."""
    if deadline.kind is DeadlineKind.THANK_YOU:
        return [r.at for r in app.rounds if any(p.id == deadline.ref for p in r.interviewers)]
    if deadline.kind in (DeadlineKind.FOLLOW_UP, DeadlineKind.CLOSE):
        return [c.at for c in app.contacts] + [r.at for r in app.rounds if r.at <= deadline.due]
    if deadline.kind in (DeadlineKind.REJECTION_REPLY, DeadlineKind.OFFER_REPLY):
        return [app.outcome_at]
    return []


@settings(max_examples=examples(250), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cards())
def test_no_deadline_before_its_event(case):
    app, conf, now = case
    for deadline in deadlines_for(app, conf, now):
        for event in _events(app, deadline):
            assert deadline.due > event, (deadline, event)


@settings(max_examples=examples(250), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cards())
def test_every_deadline_but_the_thank_you_falls_inside_working_hours_on_a_business_day(case):
    app, conf, now = case
    work = work_calendar(conf)
    for deadline in deadlines_for(app, conf, now):
        if deadline.kind is DeadlineKind.THANK_YOU or deadline.kind in NOT_SNOOZABLE:
            continue
        wall = deadline.due.astimezone(work.zone)
        assert work.is_business_day(wall.date()), deadline
        # a start skipped by a DST change moves forward by the gap, as every wall time does
        assert work.start <= wall.time() <= work.end or work.next_opening(deadline.due) == deadline.due, deadline


@settings(max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cards(), st.integers(1, 24 * 30))
def test_a_snooze_never_makes_a_deadline_earlier(case, hours):
    app, conf, now = case
    found = [d for d in deadlines_for(app, conf, now) if d.kind not in NOT_SNOOZABLE]
    if not found:
        return
    target = found[0]
    until = target.due + timedelta(hours=hours)
    snoozed = snoozing.snooze(app, target.kind, target.due, until, now=now, ref=target.ref)
    after = [d for d in deadlines_for(snoozed, conf, now) if (d.kind, d.ref) == (target.kind, target.ref)]
    # snoozed while the snooze runs; one put off to a time already past has ended, and is simply due then
    assert len(after) == 1 and after[0].is_snoozed == (after[0].due > now)
    assert after[0].due >= until > target.due and after[0].snoozed_from == target.due
