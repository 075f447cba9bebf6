"""The question before marking a letter sent says what will happen: the card moves now, later, or not."""

from __future__ import annotations

import pendulum

from tui.core import actions, correspondence, letter_checks, letters
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.core.stages import LetterKind, Outcome
from tui.ui.screens.confirm import ConfirmScreen
from ui_letters_helpers import DANA, LUIS, LetterHarness, frozen_now, interviewed, make_db, wait_until

NOW = pendulum.datetime(2026, 11, 25, 15, 0, tz="UTC")
SETTINGS = Settings(name="Alex Morgan", timezone="America/New_York")
ZONE = SETTINGS.zone


def card(*names):
    return actions.new_application("Acme", "SRE", now=NOW.subtract(hours=20), round_at=NOW.subtract(hours=24),
                                   interviewers=[Interviewer(n) for n in names])


def note(app, who):
    return letters.draft(app, LetterKind.THANK_YOU, SETTINGS, NOW, interviewer_id=who)


def sent(app, who):
    return letter_checks.mark_sent(app, note(app, who), now=NOW, zone=ZONE, force=True)


def test_the_last_note_of_the_round_moves_the_card_now():
    app = sent(card("Dana Kim", "José Núñez-García"), "Dana")
    said = letter_checks.thank_you_consequence(app, note(app, "José"), now=NOW, zone=ZONE)
    assert said == "José Núñez-García is marked thanked and the card moves to Thanked."


def test_an_earlier_note_names_who_is_still_to_thank():
    app = card("Dana Kim", "José Núñez-García", "Zoë Ångström")
    said = letter_checks.thank_you_consequence(app, note(app, "Dana"), now=NOW, zone=ZONE)
    assert said == "Dana Kim is marked thanked; once the 2 others are too, the card moves to Thanked."
    app = sent(app, "Dana")
    said = letter_checks.thank_you_consequence(app, note(app, "José"), now=NOW, zone=ZONE)
    assert said == "José Núñez-García is marked thanked; once Zoë Ångström is too, the card moves to Thanked."


def test_a_card_past_the_thank_you_stays_where_it_is():
    app = actions.move(card("Dana Kim", "José Núñez-García"), "awaiting", now=NOW)
    said = letter_checks.thank_you_consequence(app, note(app, "Dana"), now=NOW, zone=ZONE)
    assert said == "Dana Kim is marked thanked; the card stays in Awaiting."


async def test_the_board_asks_with_what_will_happen_for_the_last_note(tmp_path, letter_env):
    now = frozen_now()
    app = interviewed(now, DANA, LUIS)
    app = actions.set_thanked(app, app.rounds[0].interviewers[0].id, now=now)
    host = LetterHarness(make_db(tmp_path, app), app.id, "thank-you")
    async with host.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: isinstance(host.screen, ConfirmScreen))
        assert host.screen.question == "Record the thank-you note to Luis Ortega as sent now?"
        assert "Luis Ortega is marked thanked and the card moves to Thanked." in host.screen.details


async def test_the_offer_reply_question_has_one_to(tmp_path, letter_env):
    now = frozen_now()
    app = correspondence.close(interviewed(now, DANA), Outcome.OFFER, now=now)
    host = LetterHarness(make_db(tmp_path, app), app.id, "offer-reply")
    async with host.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: isinstance(host.screen, ConfirmScreen))
        assert host.screen.question == "Record the offer reply to Sam Reyes as sent now?"


def test_the_follow_up_question_says_where_the_card_goes_and_when_the_limit_is_reached():
    """"moves to Followed up; the next one falls due after the usual wait" was asked for the last follow-up
    of a card already in Followed up, which then stayed there and suggested closing (review X3 #2)."""
    from tui.ui.letters.drafts import LetterDrafts
    from tui.ui.letters.facts import consequence

    app = actions.move(card("Dana Kim"), "awaiting", now=NOW)
    first = LetterDrafts(app, LetterKind.FOLLOW_UP, SETTINGS, NOW, None)
    assert consequence(first, LetterKind.FOLLOW_UP, first.current) == (
        "It counts as follow-up #1 and the card moves to Followed up; the next one falls due after the usual wait.")
    once = correspondence.record_letter_sent(app, "follow-up", now=NOW)
    last = LetterDrafts(once, LetterKind.FOLLOW_UP, SETTINGS, NOW, None)
    assert consequence(last, LetterKind.FOLLOW_UP, last.current) == (
        "It counts as follow-up #2 and the card stays in Followed up; that is the last of your limit: without an "
        "answer, the card then suggests closing.")
