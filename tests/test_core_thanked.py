"""Marking and unmarking "thanked": unmarking undoes what marking did (the stage the rule gave, the
thank-you deadline), and leaves alone what the user decided by hand."""

from __future__ import annotations

import pendulum
from hypothesis import given
from hypothesis import strategies as st

from tui.core import actions
from tui.core.deadlines import DeadlineKind, deadlines_for
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.core.stages import Stage

NOW = pendulum.datetime(2026, 11, 27, 14, 0, tz="UTC")
NAMES = ("Ann", "Bob", "Cy")


def card(names=NAMES[:2]):
    return actions.new_application("Acme", "Dev", now=NOW.subtract(hours=3), round_at=NOW.subtract(hours=4),
                                   interviewers=[Interviewer(n) for n in names])


def thank_you_people(app, now=NOW):
    return sorted(d.person for d in deadlines_for(app, Settings(), now) if d.kind is DeadlineKind.THANK_YOU)


def test_unmarking_after_the_rule_moved_the_card_puts_it_back_with_its_deadline():
    app = actions.set_thanked(card(), "Bob", now=NOW.subtract(hours=1))
    app = actions.set_thanked(app, "Ann", now=NOW)
    assert app.stage is Stage.THANKED and thank_you_people(app) == []
    undone = actions.set_thanked(app, "Ann", False, now=NOW.add(minutes=1))
    assert undone.stage is Stage.INTERVIEWED
    assert thank_you_people(undone) == ["Ann"]
    assert [e.text for e in undone.history[-2:]] == [
        "Unmarked thank-you to Ann", "Thanked → Interviewed (thank-you to Ann unmarked)"]
    again = actions.set_thanked(undone, "Ann", now=NOW.add(minutes=2))  # and marking moves it on again
    assert again.stage is Stage.THANKED and thank_you_people(again) == []


def test_a_card_moved_to_thanked_by_hand_stays_there():
    app = actions.move(actions.set_thanked(card(), "Ann", now=NOW), Stage.THANKED, now=NOW.add(minutes=1))
    undone = actions.set_thanked(app, "Ann", False, now=NOW.add(minutes=2))
    assert undone.stage is Stage.THANKED  # the user skipped the notes: their call, not the rule's


def test_a_card_that_moved_on_since_stays_where_it_is():
    app = actions.set_thanked(actions.set_thanked(card(), "Ann", now=NOW), "Bob", now=NOW)
    app = actions.move(app, Stage.AWAITING, now=NOW.add(minutes=1))
    assert actions.set_thanked(app, "Ann", False, now=NOW.add(minutes=2)).stage is Stage.AWAITING


def test_unmarking_someone_of_an_earlier_round_does_not_move_the_card():
    app = actions.set_thanked(card(), "Ann", now=NOW.subtract(hours=2))
    app = actions.add_round(app, "Onsite", NOW.subtract(hours=1), [Interviewer("Dee")], now=NOW.subtract(hours=1))
    app = actions.set_thanked(app, "Dee", now=NOW)
    assert app.stage is Stage.THANKED
    assert actions.set_thanked(app, "Ann", False, now=NOW.add(minutes=1)).stage is Stage.THANKED


@given(st.lists(st.tuples(st.sampled_from(NAMES), st.booleans()), max_size=12))
def test_any_sequence_of_ticks_leaves_the_stage_and_deadlines_as_the_ticks_say(ticks):
    """Stage and owed notes depend only on who is ticked now, never on the order of the ticking."""
    app = card(NAMES)
    now = NOW
    for name, thanked in ticks:
        now = now.add(minutes=1)
        app = actions.set_thanked(app, name, thanked, now=now)
    ticked = {p.name for p in app.latest_round.interviewers if p.thanked_at is not None}
    assert app.stage is (Stage.THANKED if ticked == set(NAMES) else Stage.INTERVIEWED)
    assert thank_you_people(app, now) == sorted(set(NAMES) - ticked)


def people(app):
    return list(app.rounds[0].interviewers)


def test_someone_added_to_the_round_after_every_note_went_out_is_owed_one():
    """Review P: adding Lucius Fox to the round of a card the rule had put in *thanked* left the card
    there with no thank-you deadline for him: the person just added was never chased."""
    app = actions.set_thanked(card(["Ann"]), "Ann", now=NOW.subtract(hours=1))
    assert app.stage is Stage.THANKED
    rnd = app.rounds[0]
    added = actions.update_round(app, rnd.id, now=NOW, interviewers=[*people(app), Interviewer("Lucius Fox")])
    assert added.stage is Stage.INTERVIEWED
    assert thank_you_people(added) == ["Lucius Fox"]
    assert added.history[-1].text == "Thanked → Interviewed (Lucius Fox not thanked yet)"
    thanked = actions.set_thanked(added, "Lucius", now=NOW.add(minutes=5))  # and his note moves it on again
    assert thanked.stage is Stage.THANKED and thank_you_people(thanked) == []


def test_someone_added_already_thanked_or_to_a_card_thanked_by_hand_moves_nothing():
    app = actions.set_thanked(card(["Ann"]), "Ann", now=NOW.subtract(hours=1))
    rnd = app.rounds[0]
    done = Interviewer("Bo", thanked_at=NOW.subtract(minutes=30))
    assert actions.update_round(app, rnd.id, now=NOW, interviewers=[*people(app), done]).stage is Stage.THANKED
    by_hand = actions.move(card(["Ann"]), "thanked", now=NOW.subtract(hours=1))
    added = actions.update_round(by_hand, by_hand.rounds[0].id, now=NOW,
                                 interviewers=[*people(by_hand), Interviewer("Cy")])
    assert added.stage is Stage.THANKED  # the user's word: a later stage says more than a new name


def test_taking_off_the_last_person_owed_a_note_moves_the_card_on_as_thanking_them_would():
    app = actions.set_thanked(card(["Ann", "Bob"]), "Ann", now=NOW.subtract(hours=1))
    assert app.stage is Stage.INTERVIEWED and thank_you_people(app) == ["Bob"]
    rnd = app.rounds[0]
    ann_only = [p for p in people(app) if p.name == "Ann"]
    fewer = actions.update_round(app, rnd.id, now=NOW, interviewers=ann_only)
    assert fewer.stage is Stage.THANKED and thank_you_people(fewer) == []
    assert actions.update_round(fewer, rnd.id, now=NOW, interviewers=[]).stage is Stage.THANKED  # nobody: stays


def test_someone_added_after_they_replied_or_a_follow_up_went_out_is_owed_a_note_too():
    """Review Q: after a reply (the card in *awaiting*) an interviewer added to the round had no
    thank-you deadline at all: the fix had looked only at a card the thank-you rule put in *thanked*."""
    from tui.core import correspondence

    thanked = actions.set_thanked(card(["Ann"]), "Ann", now=NOW.subtract(hours=2))
    for moved_on in (correspondence.record_reply(thanked, now=NOW.subtract(hours=1)),
                     correspondence.record_letter_sent(thanked, "follow-up", now=NOW.subtract(hours=1))):
        assert moved_on.stage in (Stage.AWAITING, Stage.FOLLOWED_UP)
        rnd = moved_on.rounds[0]
        added = actions.update_round(moved_on, rnd.id, now=NOW, interviewers=[*people(moved_on), Interviewer("Lu")])
        assert added.stage is Stage.INTERVIEWED and thank_you_people(added) == ["Lu"]


def test_a_round_only_edited_moves_no_card_though_someone_in_it_was_never_thanked():
    """Someone the user chose not to thank (the card moved on by a rule later) is not newly owed: renaming
    or re-timing the round leaves the card where it is."""
    from tui.core import correspondence

    app = correspondence.record_reply(card(["Ann", "Bob"]), now=NOW.subtract(hours=1))  # Ann, Bob unthanked
    assert app.stage is Stage.AWAITING
    rnd = app.rounds[0]
    edited = actions.update_round(app, rnd.id, now=NOW, name="Onsite", interviewers=people(app))
    assert edited.stage is Stage.AWAITING


def test_with_thank_you_notes_off_someone_added_moves_no_card():
    from tui.core import correspondence

    app = correspondence.record_reply(card(["Ann"]), now=NOW.subtract(hours=1))
    rnd = app.rounds[0]
    added = actions.update_round(app, rnd.id, now=NOW, interviewers=[*people(app), Interviewer("Lu")],
                                 use_thank_you=False)
    assert added.stage is Stage.AWAITING
