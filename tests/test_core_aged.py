"""`aged_between`: which cards the board must work out again when only the clock moved."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import examples
from tui.core import actions, direction_actions
from tui.core.deadlines import aged_between, deadlines_for
from tui.core.demo import demo_applications
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.core.stages import DirectionKind

NOW = datetime(2026, 11, 25, 10, 30, tzinfo=timezone.utc)
SETTINGS = Settings(timezone="Europe/London")
DEMO = demo_applications(NOW, SETTINGS.zone)


def card(round_in: timedelta):
    return actions.new_application("Hooli", "SRE", now=NOW - timedelta(days=2), round_at=NOW + round_in,
                                   interviewers=[Interviewer(name="Uma Rao")])


@pytest.mark.parametrize(("what", "make", "aged"), [
    ("a round in the minute", lambda: card(timedelta(seconds=30)), True),
    ("a round tomorrow", lambda: card(timedelta(days=1)), False),
    ("a round held yesterday", lambda: card(timedelta(days=-1)), False),
    ("a quiet period ending in the minute", lambda: direction_actions.add_direction(
        card(timedelta(days=-1)), "don't call", DirectionKind.NOT_BEFORE, NOW + timedelta(seconds=20), now=NOW),
     True),
    ("a do-by direction due in the minute", lambda: direction_actions.add_direction(
        card(timedelta(days=-1)), "send references", DirectionKind.DO_BY, NOW + timedelta(seconds=20), now=NOW),
     False),  # due is due: the frame moves it to overdue, the deadline itself stays
])
def test_only_a_boundary_passed_in_between_ages_a_card(what, make, aged):
    assert aged_between(make(), NOW, NOW + timedelta(minutes=1)) is aged, what


def test_a_card_that_did_not_age_has_the_same_deadlines_a_minute_later():
    """What the board relies on when it leaves a card's deadlines as they were."""
    app = card(timedelta(days=1))
    later = NOW + timedelta(minutes=1)
    assert not aged_between(app, NOW, later)
    assert [(d.kind, d.due) for d in deadlines_for(app, SETTINGS, NOW)] == [
        (d.kind, d.due) for d in deadlines_for(app, SETTINGS, later)]


@given(minutes=st.integers(min_value=-60 * 24 * 30, max_value=60 * 24 * 60), step=st.integers(1, 90))
@settings(max_examples=examples(200), deadline=None)
def test_deadlines_change_with_the_clock_only_for_cards_that_aged(minutes, step):
    """Every demo card, at a random moment and a random later one: unless aged_between says so, its
    deadlines (what, when, for whom) are the same; the board redraws only those that aged."""
    start = NOW + timedelta(minutes=minutes)
    end = start + timedelta(minutes=step)
    for app in DEMO:
        if not aged_between(app, start, end):
            before = [(d.kind, d.due, d.ref, d.person) for d in deadlines_for(app, SETTINGS, start)]
            after = [(d.kind, d.due, d.ref, d.person) for d in deadlines_for(app, SETTINGS, end)]
            assert before == after, app.company
