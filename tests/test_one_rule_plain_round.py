"""One rule for a round's name in a sentence: a plain name ("Interview", "interview", "Interviews",
"interview round", "round", any case) is not a name of its own, any other is. Six places had four rules
between them: `ics` and the sidebar said "Interview: interview", the thank-you check "the Final round
round", a reminder "Final round interview" (review R1 #2)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tui.core import actions, letters
from tui.core.deadlines import DeadlineKind, deadlines_for
from tui.core.errors import ValidationError
from tui.core.ics import to_ics
from tui.core.parts import Interviewer
from tui.core.remind import due_reminders
from tui.core.round_rules import check_thanked_at
from tui.core.settings import Settings
from tui.ui.board.cards import interview_text
from tui.ui.board.timeframe import TimeFrame

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)  # Tuesday
SETTINGS = Settings(timezone="UTC")
PLAIN = ["Interview", "interview", "INTERVIEWS", "interview round", "Interview  Round", "round"]


def upcoming(name: str):
    """A card whose one round, called `name`, is this afternoon: the card, its interview deadline."""
    app = actions.new_application("Acme", "Dev", now=NOW, round_name=name, round_at=NOW + timedelta(hours=5))
    [deadline] = [d for d in deadlines_for(app, SETTINGS, NOW) if d.kind is DeadlineKind.INTERVIEW]
    return app, deadline


@pytest.mark.parametrize("name", PLAIN)
def test_a_plain_round_name_is_never_said_as_a_name(name):
    app, deadline = upcoming(name)
    assert deadline.action == "interview Tue 14:00 — Acme"
    assert interview_text(app, deadline, TimeFrame(NOW, SETTINGS.zone)) == "Tue 14:00 interview"
    assert b"SUMMARY:Interview \xe2\x80\x94 Acme" in to_ics([app], SETTINGS, NOW)
    [reminder] = due_reminders([app], SETTINGS, NOW + timedelta(hours=4))
    assert reminder.text.startswith("Interview at Acme — ")
    assert letters.round_phrase(name) == "our interview"


def test_a_round_with_a_name_of_its_own_is_named_once_everywhere():
    app, deadline = upcoming("Final round")
    assert deadline.action == "interview Tue 14:00 (Final round) — Acme"
    assert interview_text(app, deadline, TimeFrame(NOW, SETTINGS.zone)) == "Tue 14:00 Final round"
    assert b"SUMMARY:Interview: Final round \xe2\x80\x94 Acme" in to_ics([app], SETTINGS, NOW)
    [reminder] = due_reminders([app], SETTINGS, NOW + timedelta(hours=4))
    assert reminder.text.startswith("Final round at Acme — ")  # not "Final round interview"
    assert letters.round_phrase("Final round") == "the Final round"


@pytest.mark.parametrize(("name", "said"), [
    ("Final round", "the Final round"),  # was "the Final round round"
    ("interview round", "the Interview round"),  # was "the interview round round"
    ("Interview", "the Interview round"),
    ("Onsite", "the Onsite round"),
    ("Phone interview", "the phone interview"),
])
def test_a_thank_you_before_its_round_names_the_round_once(name, said):
    app = actions.new_application("Acme", "Dev", now=NOW, round_name=name, round_at=NOW - timedelta(hours=5),
                                  interviewers=[Interviewer(name="Dana Kim")])
    with pytest.raises(ValidationError, match=f"^Tue 24 Nov 03:00 is before {said} it thanks for "):
        check_thanked_at(app.rounds[0], NOW - timedelta(hours=6), now=NOW)
