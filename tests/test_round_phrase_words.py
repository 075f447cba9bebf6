"""A round's name that already holds the word round or interview (any case, as a word) is never given
another: 'the Round 2 round', 'the Onsite interviews round', 'the Interview 2 round' (review R4 #5)."""

from datetime import UTC, datetime, timedelta

import pytest

from tui.core import actions, letters
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.core.stages import LetterKind, round_phrase

NOW = datetime(2026, 11, 25, 13, 0, tzinfo=UTC)


@pytest.mark.parametrize(("name", "said", "ours"), [
    ("Round 2", "round 2", "round 2"),
    ("round two", "round two", "round two"),
    ("Interview 2", "interview 2", "interview 2"),
    ("Onsite interviews", "the onsite interviews", "our onsite interviews"),
    ("On-site Interview", "the on-site interview", "our on-site interview"),
    ("Technical Interview", "the technical interview", "our technical interview"),
    ("HR interview", "the HR interview", "our HR interview"),
    ("Second ROUND", "the Second ROUND", "the Second ROUND"),
    ("Onsite", "the Onsite round", "the Onsite round"),  # a name without either word still gets one
    ("Final round", "the Final round", "the Final round"),
])
def test_a_name_holding_round_or_interview_gets_no_second_one(name, said, ours):
    assert round_phrase(name) == said
    assert round_phrase(name, ours=True) == ours
    assert not said.casefold().endswith(("round round", "interview round", "interviews round"))


@pytest.mark.parametrize(("name", "since"), [("Round 2", "Since round 2 I am"),
                                              ("Onsite interviews", "Since our onsite interviews I am")])
def test_the_follow_up_says_the_round_once(name, since):
    app = actions.new_application("Delta", "Dev", now=NOW, round_name=name, round_at=NOW - timedelta(days=8),
                                  interviewers=[Interviewer(name="Ann Lee", email="a@d.com")])
    follow = letters.draft(app, LetterKind.FOLLOW_UP, Settings(name="Alex", timezone="UTC"), NOW)
    assert since in follow.body
    assert " round round" not in follow.body and "interviews round" not in follow.body


@pytest.mark.parametrize(("name", "title"), [
    ("Interview", "Interview"), ("interview", "Interview"), ("Onsite", "Onsite interview"),
    ("Final round", "Final round"), ("Round 2", "Round 2"),
    ("interviews with the team", "Interviews with the team"), ("HR interview", "HR interview"),
])
def test_a_reminder_line_starts_with_the_round_capitalised_and_never_doubled(name, title):
    """Review R7 6: "Round 2 interview at Beta" and "interviews with the team at Acme" (lower case) began
    reminder lines; the rule for a name holding its own word is round_phrase's."""
    from tui.core.stages import round_title

    assert round_title(name) == title
