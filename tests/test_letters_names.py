"""The name a letter greets someone by: a title stays with the surname, never alone ("Hi Dr.,")."""

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core import actions, correspondence, letters
from tui.core.greeting import SUFFIXES, TITLES, greeting_name
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.core.stages import LetterKind, Outcome

NOW = pendulum.datetime(2026, 11, 25, 15, 0, tz="UTC")
SETTINGS = Settings(name="Alex Morgan", timezone="America/New_York")


@pytest.mark.parametrize(("name", "greeted"), [
    ("Ada Wong", "Ada"),
    ("Dr. Ada Wong", "Dr. Wong"),
    ("Dr Ada Wong", "Dr Wong"),
    ("dr. ada wong", "dr. wong"),
    ("DR. ADA WONG", "DR. WONG"),
    ("Dr. Wong", "Dr. Wong"),
    ("Mr. Tony Stark", "Mr. Stark"),
    ("Ms. Priya O'Brien-Smith", "Ms. O'Brien-Smith"),
    ("Mrs Li Na", "Mrs Na"),
    ("Mx. Sam Lee", "Mx. Lee"),
    ("Miss Zoë Ångström", "Miss Ångström"),
    ("Prof. Jan van der Berg", "Prof. van der Berg"),
    ("Professor Ada Lovelace", "Professor Lovelace"),
    ("Prof. Dr. Ada Wong", "Prof. Dr. Wong"),
    ("Dr. Martin Luther King Jr.", "Dr. King"),
    ("Sir Tim Berners-Lee", "Sir Tim"),
    ("Dame Judi Dench", "Dame Judi"),
    ("José Núñez-García", "José"),
    ("Zoë Ångström", "Zoë"),
    ("李小龍", "李小龍"),
    ("Dr. 李小龍", "Dr. 李小龍"),
    ("Drew Barrymore", "Drew"),  # starts like "Dr", is no title
    ("Ms. Ólafsdóttir", "Ms. Ólafsdóttir"),
    ("", ""),
])
def test_a_title_goes_with_the_surname(name, greeted):
    assert greeting_name(name) == greeted


GIVEN = st.text(st.characters(categories=("Lu", "Ll", "Lo")), min_size=1, max_size=8)
CAPITALISED = GIVEN.map(lambda word: word[:1].upper() + word[1:]).filter(lambda w: not w[:1].islower())


SURNAME = CAPITALISED.filter(lambda w: w.casefold() not in SUFFIXES)  # "Dr A MD": MD is a degree, not her name


GIVEN_NAME = CAPITALISED.filter(lambda w: w.casefold().rstrip(".") not in TITLES)  # "Dr Mr A": two titles


@given(st.sampled_from(sorted(TITLES - {"sir", "dame"})), st.booleans(), GIVEN_NAME, SURNAME)
def test_any_title_any_alphabet_is_never_greeted_alone(title, dot, given_name, surname):
    shown = title.capitalize() + ("." if dot else "")
    greeted = greeting_name(f"{shown} {given_name} {surname}")
    assert greeted == f"{shown} {surname}"


@given(CAPITALISED, CAPITALISED)
def test_without_a_title_the_first_word_is_the_name(given_name, surname):
    if given_name.strip(".").casefold() in TITLES:
        return
    assert greeting_name(f"{given_name} {surname}") == given_name


def titled_card():
    app = actions.new_application(
        "Stark", "SRE", now=NOW.subtract(hours=20), round_at=NOW.subtract(hours=24),
        interviewers=[Interviewer("Dr. Ada Wong", email="ada@stark.example", topic="chaos"),
                      Interviewer("Mr. Tony Stark", topic="suits")],
        recruiter="Ms. Priya O'Brien-Smith <priya@stark.example>")
    return app


@pytest.mark.parametrize(("who", "greeted"), [("Ada", "Dr. Wong"), ("Tony", "Mr. Stark")])
def test_thank_you_notes_greet_a_titled_interviewer_by_title_and_surname(who, greeted):
    letter = letters.draft(titled_card(), LetterKind.THANK_YOU, SETTINGS, NOW, interviewer_id=who)
    assert letter.subject == f"Thank you for your time, {greeted}"
    assert f"Hi {greeted}," in letter.body
    assert "Hi Dr.," not in letter.body and "Hi Mr.," not in letter.body


def test_letters_to_a_titled_recruiter_greet_them_by_title_and_surname():
    app = titled_card()
    follow = letters.draft(app, LetterKind.FOLLOW_UP, SETTINGS, NOW.add(days=8))
    assert "Hi Ms. O'Brien-Smith," in follow.body
    rejected = correspondence.close(app, Outcome.REJECTED, now=NOW, at=NOW)
    reply = letters.draft(rejected, LetterKind.REJECTION_REPLY, SETTINGS, NOW)
    assert "Hi Ms. O'Brien-Smith," in reply.body
    offered = correspondence.close(app, Outcome.OFFER, now=NOW, at=NOW)
    offer = letters.draft(offered, LetterKind.OFFER_REPLY, SETTINGS, NOW, variant="ask-for-time",
                          interviewer_id="Ada")
    assert "Hi Dr. Wong," in offer.body


def test_a_recruiter_written_as_a_team_is_greeted_as_the_team():
    """The helper's left-out: "the hiring team" was greeted "Hi the,"."""
    assert greeting_name("the hiring team") == "hiring team"
    assert greeting_name("an engineering manager") == "engineering manager"
