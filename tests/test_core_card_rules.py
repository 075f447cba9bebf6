"""Card rules in the core, with `now` passed in: what a snooze may put off, which round moves a card, when a
thank-you can have gone out, who may sit twice in one round, and a second note to someone thanked already."""

from __future__ import annotations

import pendulum

from tui.core import actions
from tui.core.deadlines import DeadlineKind, deadlines_for, next_snoozable
from tui.core.settings import Settings
from tui.core.stages import DirectionKind

LONDON = "Europe/London"
SETTINGS = Settings(timezone=LONDON, holidays="")
WED = pendulum.datetime(2026, 11, 25, 10, tz=LONDON)


def test_the_next_snoozable_deadline_skips_an_interview_before_it():
    app = actions.new_application("Acme", "Dev", now=WED, round_at=WED.add(days=1))
    (interview,) = deadlines_for(app, SETTINGS, WED)
    assert interview.kind is DeadlineKind.INTERVIEW
    assert next_snoozable(deadlines_for(app, SETTINGS, WED)) is None
    app = actions.add_direction(app, "send refs", DirectionKind.DO_BY, WED.add(days=3), now=WED)
    found = next_snoozable(deadlines_for(app, SETTINGS, WED))
    assert found is not None and found.kind is DeadlineKind.DIRECTION
