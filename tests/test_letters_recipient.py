"""Whom a letter to the company goes to when nobody is named: one rule, said with its reason."""

import pendulum
import pytest

from tui.core import actions, correspondence, letters, recipients
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.core.stages import LetterKind, Outcome

NOW = pendulum.datetime(2026, 12, 2, 15, 30, tz="UTC")
HELD = NOW.subtract(days=8)
SETTINGS = Settings(name="Alex Morgan", timezone="America/New_York")
DANA = Interviewer("Dana Kim", email="dana@acme.example", topic="error budgets")
JOSE = Interviewer("José Núñez-García", topic="on-call")


def card(*people, recruiter=""):
    return actions.new_application("Acme", "SRE", now=HELD, round_at=HELD, interviewers=list(people),
                                   recruiter=recruiter)


def thank(app, name, at):
    _, person = app.find_interviewer(name)
    return correspondence.record_letter_sent(app, LetterKind.THANK_YOU, now=at, at=at, interviewer_id=person.id,
                                      to=person.display())


def test_the_recruiter_comes_first():
    app = thank(card(DANA, JOSE, recruiter="Sam Lee <sam@acme.example>"), "Dana", HELD.add(hours=3))
    assert recipients.recipient(app, NOW) == recipients.Recipient("Sam Lee", "Sam Lee <sam@acme.example>",
                                                            recipients.WHY_RECRUITER)


def test_then_the_person_our_latest_letter_went_to_by_when_it_went_not_when_it_was_recorded():
    app = card(DANA, JOSE)
    app = thank(app, "Dana", HELD.add(hours=3))   # recorded first, sent later
    app = thank(app, "José", HELD.add(hours=2))
    chosen = recipients.recipient(app, NOW)
    assert (chosen.name, chosen.why) == ("Dana Kim", recipients.WHY_LAST_WRITTEN)
    app = thank(card(DANA, JOSE), "José", HELD.add(hours=3))
    chosen = recipients.recipient(app, NOW)
    assert (chosen.display, chosen.why) == ("José Núñez-García", recipients.WHY_LAST_WRITTEN)


def test_a_letter_to_someone_no_longer_on_the_card_is_passed_over():
    app = thank(card(DANA, JOSE), "José", HELD.add(hours=3))
    app.rounds[0].interviewers = [p for p in app.rounds[0].interviewers if p.name != JOSE.name]
    chosen = recipients.recipient(app, NOW)
    assert (chosen.name, chosen.why) == ("Dana Kim", recipients.WHY_FIRST)


@pytest.mark.parametrize(("people", "name", "why"), [
    ((JOSE, DANA), "Dana Kim", recipients.WHY_WITH_EMAIL),  # an address beats being listed first
    ((DANA, JOSE), "Dana Kim", recipients.WHY_FIRST),
    ((JOSE, Interviewer("Zoë Ångström")), "José Núñez-García", recipients.WHY_FIRST),  # nobody has one
])
def test_with_no_letter_yet_the_first_of_the_latest_round_with_an_address(people, name, why):
    chosen = recipients.recipient(card(*people), NOW)
    assert (chosen.name, chosen.why) == (name, why)


def test_the_latest_round_held_counts_not_one_still_to_come():
    app = actions.add_round(card(JOSE), "Final", NOW.add(days=2), [DANA], now=NOW)
    assert recipients.recipient(app, NOW).name == "José Núñez-García"


def test_every_letter_to_the_company_uses_the_rule_and_carries_the_reason():
    app = card(JOSE, DANA)
    follow = letters.draft(app, LetterKind.FOLLOW_UP, SETTINGS, NOW)
    assert (follow.to, follow.recipient_why) == ("Dana Kim <dana@acme.example>", recipients.WHY_WITH_EMAIL)
    assert follow.body.startswith("Hi Dana,")
    offered = correspondence.close(app, Outcome.OFFER, now=NOW, at=NOW)
    offer = letters.draft(offered, LetterKind.OFFER_REPLY, SETTINGS, NOW)
    assert offer.to == "Dana Kim <dana@acme.example>"
    named = letters.draft(app, LetterKind.FOLLOW_UP, SETTINGS, NOW, interviewer_id="José")
    assert (named.recipient_name, named.recipient_why) == ("José Núñez-García", "")
