"""What letters say with odd inputs and to whom (reviews W 1, 7, 8; V 7, 12): each sentence is true for its reader."""

import pendulum
import pytest

from tui.core import actions, correspondence, letters
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.core.stages import LetterKind

NOW = pendulum.datetime(2026, 11, 28, 7, 0, tz="UTC")
HELD = NOW.subtract(days=8)
SETTINGS = Settings(name="Alex Morgan", timezone="Europe/London")


def card(*people, recruiter=""):
    return actions.new_application("Rec", "Backend Engineer", now=HELD, round_at=HELD, interviewers=list(people),
                                   recruiter=recruiter)


def placing(letter):
    return next(line for line in letter.body.splitlines() if "place me" in line)


def test_a_follow_up_to_the_recruiter_names_whom_the_topic_was_discussed_with():
    app = card(Interviewer("Lena Fox", topic="team rituals"), Interviewer("Omar Ali", topic="incident response"),
               recruiter="Jo Smith <jo@rec.io>")
    to_recruiter = letters.draft(app, LetterKind.FOLLOW_UP, SETTINGS, NOW)
    assert "I am Alex Morgan; I spoke with Lena Fox about team rituals." in placing(to_recruiter)
    assert "we spoke" not in to_recruiter.body
    to_omar = letters.draft(app, LetterKind.FOLLOW_UP, SETTINGS, NOW, interviewer_id="Omar")
    assert "I am Alex Morgan; we spoke about incident response." in placing(to_omar)


def test_a_follow_up_with_no_topic_anywhere_leaves_the_clause_out_and_says_who_to_ask_about():
    app = card(Interviewer("Lena Fox"), recruiter="Jo Smith <jo@rec.io>")
    letter = letters.draft(app, LetterKind.FOLLOW_UP, SETTINGS, NOW)
    assert "I am Alex Morgan. " in placing(letter)
    assert any("add the topic you discussed with Lena Fox" in line for line in letter.left_out)


@pytest.mark.parametrize(("template", "value", "expected"), [
    ("about {topic}. It gave", "a; b;", "about a; b. It gave"),
    ("about {topic}. It gave", "a, b,", "about a, b. It gave"),
    ("about {topic}: {link}", "budgets:", "about budgets: [link?]"),
    ("about {topic}. It gave", "tests.)", "about tests.) It gave"),
    ("about {topic}. It gave", "  spaced  topic  ", "about spaced topic. It gave"),
    ("I am Alex; {we_spoke} about {topic}. Since", "why Kafka?", "I am Alex; we spoke about why Kafka. Since"),
    ("Kind regards,\n{signature}", "Alex  Morgan\nAcme   Inc.", "Kind regards,\nAlex Morgan\nAcme Inc."),
])
def test_a_typed_values_trailing_marks_and_spaces_fit_the_letters_own(template, value, expected):
    values = {"topic": value, "signature": value, "we_spoke": "we spoke"}
    assert letters.fill(template, values)[0] == expected


def test_a_question_for_a_topic_reads_as_a_statement_in_the_shipped_follow_up():
    app = card(Interviewer("Ann Lee", topic="why Kafka?"))
    letter = letters.draft(app, LetterKind.FOLLOW_UP, SETTINGS, NOW, interviewer_id="Ann")
    assert "I am Alex Morgan; we spoke about why Kafka. Since" in placing(letter)


@pytest.mark.parametrize(("name", "greeted"), [
    ("'t Hooft", "Hi 't Hooft,"),  # the surname with its particle, never the particle alone
    ("van Rossum", "Hi van Rossum,"),
    ("Gerard 't Hooft", "Hi Gerard,"),
    ("Dr. Ada Wong", "Hi Dr. Wong,"),
    ("Dr.", "Hi [interviewer_first_name?],"),  # a title alone names nobody: a gap to fill, not "Hi Dr.,"
])
def test_a_thank_you_greets_by_a_name_not_a_particle_or_a_title_alone(name, greeted):
    letter = letters.draft(card(Interviewer(name, topic="tests")), LetterKind.THANK_YOU, SETTINGS, NOW)
    assert letter.body.splitlines()[0] == greeted
    assert ("interviewer_first_name" in letter.missing) is (name == "Dr.")


def test_the_second_follow_up_restates_interest_in_the_tone_of_the_first():
    app = correspondence.record_letter_sent(card(Interviewer("Ann Lee")), LetterKind.FOLLOW_UP,
                                            now=NOW.subtract(days=3), at=NOW.subtract(days=3), to="Ann Lee")
    letter = letters.draft(app, LetterKind.FOLLOW_UP, SETTINGS, NOW)
    assert "I am still very interested in the Backend Engineer position at Rec" in letter.body
    assert "the one I want" not in letter.body


def test_the_word_count_is_a_plain_word_count():
    body = "Hi Dana,\n\nHere it is: https://sre.google/sre-book/embracing-risk/ — it's short.\n\nAlex"
    assert letters.word_count(body) == 10  # as `wc -w`: the address is one word
    letter = letters.draft(card(Interviewer("Ann Lee", topic="tests", link="https://sre.google/sre-book/embracing-risk/")),
                           LetterKind.THANK_YOU, SETTINGS, NOW)
    assert letter.word_count == len(letter.body.split())


def test_a_left_out_line_says_the_topic_it_waits_for_is_the_cards_not_the_letters_gap():
    app = card(Interviewer("Priya Shah", link="https://example.com/talk"))
    note = letters.draft(app, LetterKind.THANK_YOU, SETTINGS, NOW)
    (line,) = note.left_out
    assert "[topic?]" not in line  # filling the gap in the text does not bring the line back
    assert line.endswith("once their topic is on the card")
