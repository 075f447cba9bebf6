"""The follow-up letter says how early it is in the card's own rounding (review R5 #5: "in 9 d" on the card,
"8 days early" in the letter for 8 d 23 h: one rounded, the other truncated)."""

from datetime import timedelta

import pendulum
import pytest

from tui.core import actions
from tui.core.deadline_words import relative
from tui.core.deadlines import next_follow_up
from tui.core.letter_checks import follow_up_timing
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.core.stages import Stage

SETTINGS = Settings(timezone="UTC", follow_up_business_days=10)
ROUND = pendulum.datetime(2026, 3, 26, 10, 0, tz="UTC")


@pytest.mark.parametrize("ahead, said", [
    (timedelta(days=8, hours=23), "9 days"),
    (timedelta(days=1, hours=6), "30 hours"),
    (timedelta(hours=2, minutes=40), "3 hours"),
    (timedelta(days=1), "24 hours"),
])
def test_the_letter_and_the_card_say_the_same_distance(ahead, said):
    app = actions.new_application("Acme", "SRE", now=ROUND, round_at=ROUND, interviewers=[Interviewer("Dana")])
    app = actions.move(app, Stage.AWAITING, now=ROUND)
    due = next_follow_up(app, SETTINGS, ROUND)
    now = due - ahead
    warning = follow_up_timing(app, SETTINGS, now)
    assert warning is not None and warning.startswith(f"This follow-up is {said} early: ")
    amount = said.split()[0]
    assert relative(due, now).startswith(f"in {amount} ")  # what the card and the sidebar say
