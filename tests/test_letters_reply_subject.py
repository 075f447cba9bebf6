"""The reply to a rejection says in its subject which process it answers, as the other letters' subjects do:
"Thank you, and a small request" alone named neither role nor company (review R5 #7)."""

from datetime import UTC, datetime, timedelta

from tui.core import actions, correspondence, letters
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.core.stages import LetterKind

NOW = datetime(2026, 11, 25, 13, 0, tzinfo=UTC)


def test_the_rejection_reply_subject_names_the_role_and_the_company():
    app = actions.new_application("Globex", "Platform Engineer", now=NOW, round_at=NOW - timedelta(days=3),
                                  interviewers=[Interviewer(name="Marcus O'Neill")])
    rejected = correspondence.close(app, "rejected", now=NOW)
    letter = letters.draft(rejected, LetterKind.REJECTION_REPLY, Settings(name="Alex", timezone="UTC"), NOW)
    assert letter.subject == "Thank you, and a small request: Platform Engineer at Globex"
    assert letter.text.startswith(f"Subject: {letter.subject}\n\n")
