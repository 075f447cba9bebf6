"""What the letter checks say, in the project's one wording of a round and with every warning that applies."""

from __future__ import annotations

from datetime import timedelta

import pendulum

from tui.core import actions, direction_actions, letter_checks
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.core.stages import DirectionKind, LetterKind

SETTINGS = Settings(timezone="Europe/London")
NOW = pendulum.datetime(2026, 11, 25, 10, tz="UTC")  # a Wednesday


def test_a_round_still_to_come_is_named_as_letters_name_it():
    """Review R7 4: "the Round 2 round at Acme is still to come"."""
    app = actions.new_application("Acme", "SRE", now=NOW, round_name="Round 2", round_at=NOW + timedelta(days=2),
                                  interviewers=[Interviewer(name="Omar Haddad")])
    said = letter_checks.misfit(app, LetterKind.THANK_YOU, NOW, SETTINGS.zone)
    assert said is not None and said.startswith("round 2 at Acme is still to come") and "round round" not in said


def test_inside_a_quiet_period_a_follow_up_still_says_how_early_it_is():
    """Review R8 2: with their decision date three days after the quiet period, the early warning was left
    out and only the quiet period's end was named."""
    start = NOW - timedelta(days=8)
    app = actions.new_application("Initech", "Dev", now=start, round_at=start)
    app = actions.move(app, "awaiting", now=start)
    app = direction_actions.add_direction(app, "please don't contact us before Friday", DirectionKind.NOT_BEFORE,
                                          pendulum.datetime(2026, 11, 27, 9, tz="Europe/London"), now=NOW)
    app = actions.edit(app, decision_by=pendulum.datetime(2026, 11, 27, 17, tz="Europe/London"), now=NOW)
    timing = letter_checks.follow_up_timing(app, SETTINGS, NOW)
    assert timing is not None and "early" in timing and "Mon 30 Nov" in timing
