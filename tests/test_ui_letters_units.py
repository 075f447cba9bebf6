"""The letter screen's plain parts: gap highlighting, the notes `t` goes through, redrafting, file names."""

from __future__ import annotations

import pytest

from tui.core import actions, correspondence
from tui.core.errors import ValidationError
from tui.core.letters import draft
from tui.ui.letters.body import gap_spans
from tui.ui.letters.drafts import LetterDrafts
from tui.ui.letters.files import default_path, slug
from ui_letters_helpers import DANA, LUIS, SETTINGS, frozen_now, interviewed


def test_gap_spans_are_utf8_byte_columns_and_only_known_placeholders():
    line = "Schön: [topic?] and {role}, not [nope?] nor {whatever}"
    start = len("Schön: ".encode("utf-8"))
    assert gap_spans(line)[0] == (start, start + len("[topic?]"))
    role = len(line[: line.index("{role}")].encode("utf-8"))
    assert gap_spans(line) == [(start, start + 8), (role, role + 6)]


def test_t_goes_through_those_still_waiting_and_all_of_them_again_once_everyone_is_thanked():
    now = frozen_now()
    app = interviewed(now, DANA, LUIS)
    dana, luis = app.rounds[0].interviewers
    assert LetterDrafts(app, "thank-you", SETTINGS, now, None).targets == [dana.id, luis.id]
    app = actions.set_thanked(app, dana.id, now=now)
    assert LetterDrafts(app, "thank-you", SETTINGS, now, None).targets == [luis.id]
    app = actions.set_thanked(app, luis.id, now=now)
    assert LetterDrafts(app, "thank-you", SETTINGS, now, None).targets == [dana.id, luis.id]
    assert LetterDrafts(app, "thank-you", SETTINGS, now, None, ["Luis"]).targets == [luis.id]


def test_edits_survive_a_redraft_and_a_removed_interviewer_drops_out():
    now = frozen_now()
    app = interviewed(now, DANA, LUIS)
    dana, luis = app.rounds[0].interviewers
    drafts = LetterDrafts(app, "thank-you", SETTINGS, now, None)
    drafts.step(1)
    edited = drafts.revise("Thanks, Luis", drafts.current.body)
    assert drafts.edited and edited.subject == "Thanks, Luis"
    assert drafts.revise(drafts.fresh().subject, drafts.fresh().body) is drafts.fresh()  # typed back: not edited
    assert not drafts.edited
    drafts.revise("Thanks, Luis", drafts.current.body)

    fewer = actions.update_round(app, app.rounds[0].id, interviewers=[luis], now=now)
    drafts.refresh(fewer, now)
    assert drafts.targets == [luis.id] and drafts.current.subject == "Thanks, Luis"
    with pytest.raises(ValidationError, match="no one left"):
        drafts.refresh(actions.update_round(app, app.rounds[0].id, interviewers=[], now=now), now)


def test_a_letter_matches_the_engine_until_edited():
    now = frozen_now()
    app = interviewed(now, DANA)
    drafts = LetterDrafts(app, "follow-up", SETTINGS, now, None)
    assert drafts.current.text == draft(app, "follow-up", SETTINGS, now).text
    assert drafts.current.to == "Sam Reyes <sam@acme.example>"


def test_default_file_names_are_safe_and_name_the_person_for_thank_you_notes():
    now = frozen_now()
    app = interviewed(now, DANA, company="Ünï Corp / R&D, Inc.")
    letter = draft(app, "thank-you", SETTINGS, now)
    path = default_path(letter, app.company)
    assert path.name == "ünï-corp-r-d-inc-thank-you-dana.txt"
    assert path.parent.name == "followup-letters"
    assert slug("!!!") == "letter"


def test_an_offer_reply_counts_as_sent_only_for_the_answer_that_went_out():
    """Asking for time is not the acceptance or the decline that follows it: those are not 'already sent'."""
    from tui.core import letter_checks

    now = frozen_now()
    app = correspondence.close(interviewed(now, DANA), "offer", now=now.subtract(hours=1))
    asking = LetterDrafts(app, "offer-reply", SETTINGS, now, None)
    asking.next_variant()
    app = letter_checks.mark_sent(app, asking.current, now=now, zone=SETTINGS.zone)
    drafts = LetterDrafts(app, "offer-reply", SETTINGS, now, None)
    assert drafts.variant == "accept" and drafts.sent_at() is None
    drafts.next_variant()
    assert drafts.variant == "ask-for-time" and drafts.sent_at() == now
    drafts.next_variant()
    assert drafts.variant == "decline" and drafts.sent_at() is None
