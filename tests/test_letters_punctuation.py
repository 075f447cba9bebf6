"""Typed values placed mid-sentence: their punctuation fits the template's, in the one place values go in."""

import pendulum
import pytest

from tui.core import actions, correspondence, letters
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.core.stages import LetterKind
from tui.core.templates import fill, render

NOW = pendulum.datetime(2026, 11, 25, 15, 0, tz="UTC")


@pytest.mark.parametrize(("template", "value", "expected"), [
    # the template's own full stop follows: one, not two
    ("about {topic}. It gave me", "Error budgets.", "about Error budgets. It gave me"),
    ("I am {my_name}. Since", "Alex M.", "I am Alex M. Since"),
    ("about {topic}. It", "Error budgets", "about Error budgets. It"),
    # the template's colon or the rest of the sentence follows: the value's full stop goes
    ("here is {link_note}: {link}", "my talk.", "here is my talk: [link?]"),
    ("the piece on {topic} I had in mind", "Error budgets.", "the piece on Error budgets I had in mind"),
    # ... unless it ends an abbreviation
    ("I am {my_name}; in my", "Alex M.", "I am Alex M.; in my"),
    ("at {company} put", "Acme Inc.", "at Acme Inc. put"),
    # a value closing with ! stands for the template's full stop; a topic's ? does not end the letter's
    # statement mid-sentence (review W 7): it reads as an indirect question
    ("about {topic}. It", "Why SLOs?", "about Why SLOs. It"),
    ("about {topic}. It", "Error budgets...", "about Error budgets... It"),
    # a phrase ending a sentence the template leaves open gets a full stop
    ("bring to the team: {pitch}", "ten years of payments", "bring to the team: ten years of payments."),
    ("bring to the team: {pitch}\nNext", "ten years,", "bring to the team: ten years.\nNext"),
    ("bring to the team: {pitch}", "ten years!", "bring to the team: ten years!"),
    ("bring to the team: {pitch}", "ten years.", "bring to the team: ten years."),
    # nothing is lower-cased, a value alone on its line and a link are left as typed
    ("{signature}", "Alex M.", "Alex M."),
    ("Here: {link}", "https://x.example/a", "Here: https://x.example/a"),
    ("about {topic}. It", "Kafka at Acme", "about Kafka at Acme. It"),
])
def test_a_typed_value_takes_the_punctuation_of_its_place(template, value, expected):
    name = template[template.index("{") + 1:template.index("}")]
    assert fill(template, {name: value})[0] == expected


def test_a_subject_line_gets_no_full_stop():
    assert render("About {topic}", {"topic": "error budgets"}, sentences=False)[0] == "About error budgets"


def test_the_pitch_closing_an_optional_part_gets_its_full_stop():
    text = "I am {my_name}. [[What I bring: {pitch} || Plain {role}.]]"
    assert render(text, {"my_name": "Alex", "pitch": "ten years up", "role": "SRE"})[0] == \
        "I am Alex. What I bring: ten years up."


def card(topic):
    return actions.new_application(
        "Acme", "SRE", now=NOW.subtract(days=8), round_at=NOW.subtract(days=8),
        interviewers=[Interviewer("José Núñez-García", topic=topic, link="https://sre.example/eb")])


def test_thank_you_and_follow_up_read_well_with_a_full_stop_typed_in_the_topic_and_the_name():
    app = card("Error budgets.")
    settings = Settings(signature="Alex M.", timezone="America/New_York")
    note = letters.draft(app, LetterKind.THANK_YOU, settings, NOW, interviewer_id="José")
    assert "our conversation about Error budgets. It gave me" in note.body
    assert "the piece I had in mind on Error budgets: https://sre.example/eb" in note.body
    assert ".." not in note.body
    jose = app.rounds[0].interviewers[0]
    app = correspondence.record_letter_sent(app, LetterKind.THANK_YOU, now=NOW, at=NOW, interviewer_id=jose.id)
    app.pitch = "ten years of keeping payment systems up"
    follow = letters.draft(app, LetterKind.FOLLOW_UP, settings, NOW.add(days=7))
    assert "I am Alex M.; we spoke about Error budgets. What I would bring" in follow.body
    assert "What I would bring to the team: ten years of keeping payment systems up.\n" in follow.body
    assert ".." not in follow.body


@pytest.mark.parametrize(("name", "phrase"), [
    ("Interview", "our interview"),   # the name a card's first round gets by default
    ("interview", "our interview"),
    ("Onsite", "the Onsite round"),
    ("Final round", "the Final round"),
    ("Phone interview", "our phone interview"),  # review Q: not "the Phone interview round"
    ("Technical Interview", "our technical interview"),
    ("HR interview", "our HR interview"),  # an acronym keeps its capitals
    ("", ""),
])
def test_a_round_is_named_in_a_sentence_without_its_default_name(name, phrase):
    assert letters.round_phrase(name) == phrase


def test_a_follow_up_after_a_plainly_named_round_says_our_interview():
    app = card("")  # new_application names the round by default
    follow = letters.draft(app, LetterKind.FOLLOW_UP, Settings(name="Alex"), NOW)
    assert "Since our interview I am even more sure" in follow.body
    assert "Interview round" not in follow.body


def test_the_rejection_reply_thanks_them_for_the_outcome_not_for_telling_about_the_job():
    from tui.core.stages import Outcome

    app = correspondence.close(card(""), Outcome.REJECTED, now=NOW, at=NOW)
    reply = letters.draft(app, LetterKind.REJECTION_REPLY, Settings(name="Alex"), NOW)
    assert "Thank you for telling me how things turned out for the SRE position" in reply.body
    assert "letting me know about" not in reply.body


def test_left_out_asks_for_the_least_beyond_the_letters_own_gaps():
    app = card("")  # no topic, no link note; a link
    app.rounds[0].interviewers[0].link = ""
    note = letters.draft(app, LetterKind.THANK_YOU, Settings(name="Alex"), NOW, interviewer_id="José")
    assert note.missing == ["topic"]
    assert note.left_out == ["“Here is the piece I had in mind on …: …”: to use it, add a link for "
                             "José Núñez-García, once their topic is on the card"]


def test_a_line_that_waits_only_for_a_gap_says_so():
    text = "About {topic}.\n[[See {topic} here.]]"
    _, missing, left = render(text, {})
    assert missing == ["topic"]
    assert letters.left_out_line(left[0], "Dana") == (
        "“See … here.”: it comes back once their topic is on the card")
