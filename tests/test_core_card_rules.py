"""Card rules in the core, with `now` passed in: what a snooze may put off, which round moves a card, when a
thank-you can have gone out, who may sit twice in one round, and a second note to someone thanked already."""

from __future__ import annotations

import pendulum
import pytest

from tui.core import actions
from tui.core.deadlines import DeadlineKind, deadlines_for, next_snoozable
from tui.core.errors import ValidationError
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.core.stages import DirectionKind, Stage

LONDON = "Europe/London"
SETTINGS = Settings(timezone=LONDON, holidays="")
WED = pendulum.datetime(2026, 11, 25, 10, tz=LONDON)


def test_the_next_snoozable_deadline_skips_an_interview_before_it():
    app = actions.new_application("Acme", "Dev", now=WED, round_at=WED.add(days=1))
    (interview,) = deadlines_for(app, SETTINGS, WED)
    assert interview.kind is DeadlineKind.INTERVIEW
    assert next_snoozable(deadlines_for(app, SETTINGS, WED)) is None
    app = actions.add_direction(app, "send refs", DirectionKind.DO_BY, WED.add(days=3), now=WED)
    found = next_snoozable(deadlines_for(app, SETTINGS, WED))
    assert found is not None and found.kind is DeadlineKind.DIRECTION


# --- a round backfilled before the latest one held is a record, not news (review R #3) -------------------
def _thanked_onsite():
    """Acme: an onsite on Monday, recorded then, its one interviewer thanked: the card is in *thanked*."""
    onsite = WED.subtract(days=2)
    app = actions.new_application("Acme", "Dev", now=onsite.add(hours=1), round_at=onsite,
                                  interviewers=[Interviewer(name="Ann Lee")])
    app = actions.set_thanked(app, app.rounds[0].interviewers[0].id, now=onsite.add(hours=5))
    assert app.stage is Stage.THANKED
    return app


def test_a_round_older_than_the_latest_held_leaves_the_card_where_it_is():
    app = _thanked_onsite()
    app = actions.move(app, Stage.AWAITING, now=WED)
    phone = actions.add_round(app, "Phone screen", WED.subtract(days=7), [Interviewer(name="Bo B")], now=WED)
    assert phone.stage is Stage.AWAITING
    assert [r.name for r in phone.rounds] == ["Interview", "Phone screen"]


def test_a_round_later_than_every_held_one_still_moves_the_card():
    app = _thanked_onsite()
    later = actions.add_round(app, "Final", WED.subtract(hours=2), [Interviewer(name="Cy D")], now=WED)
    assert later.stage is Stage.INTERVIEWED
    assert [d.kind for d in deadlines_for(later, SETTINGS, WED)] == [DeadlineKind.THANK_YOU]


def test_catching_up_an_upcoming_round_still_moves_the_card_after_an_older_one_was_backfilled():
    app = _thanked_onsite()
    app = actions.add_round(app, "Final", WED.add(days=1), now=WED)  # upcoming, recorded ahead
    friday = WED.add(days=2)
    app = actions.add_round(app, "Phone screen", WED.subtract(days=7), now=friday)  # older than both
    assert app.stage is Stage.THANKED
    caught = actions.catch_up(app, friday)
    assert caught.stage is Stage.INTERVIEWED


def test_an_upcoming_round_whose_time_came_is_not_news_once_a_later_one_was_recorded():
    app = _thanked_onsite()
    app = actions.add_round(app, "Second", WED.add(days=1), now=WED)  # upcoming, recorded ahead
    app = actions.move(app, Stage.INTERVIEWED, now=WED)  # the card sits where the later round puts it
    friday = WED.add(days=2)
    app = actions.add_round(app, "Final", WED.add(days=1, hours=5), now=friday)  # held after "Second"
    assert app.pending_round(friday) is None
    assert actions.catch_up(app, friday) is app


# --- a thank-you goes out after the round (review R #4) --------------------------------------------------
def test_a_thank_you_before_the_round_or_for_one_still_to_come_is_refused():
    app = actions.new_application("Acme", "Dev", now=WED, round_at=WED.add(days=6),
                                  interviewers=[Interviewer(name="Zed Z")])
    zed = app.rounds[0].interviewers[0].id
    with pytest.raises(ValidationError, match=r"^Tue 24 Nov 10:00 is before the Interview round it thanks for "
                                              r"\(Tue 1 Dec 10:00\)"):
        actions.set_thanked(app, zed, now=WED, at=WED.subtract(days=1), zone=SETTINGS.zone)
    with pytest.raises(ValidationError, match="before the Interview round"):
        actions.set_thanked(app, zed, now=WED)  # now, for a round still to come
    later = WED.add(days=7)
    assert actions.set_thanked(app, zed, now=later).rounds[0].interviewers[0].thanked_at == later


def test_moving_a_round_after_a_thank_you_already_sent_is_refused():
    app = actions.new_application("Acme", "Dev", now=WED, round_at=WED.subtract(days=1),
                                  interviewers=[Interviewer(name="Ann Lee")])
    app = actions.set_thanked(app, app.rounds[0].interviewers[0].id, now=WED)
    with pytest.raises(ValidationError, match="before the Interview round it thanks for"):
        actions.update_round(app, app.rounds[0].id, now=WED, at=WED.add(hours=1))
    assert actions.update_round(app, app.rounds[0].id, now=WED, name="Onsite").rounds[0].name == "Onsite"


# --- one person sits once in a round (review R #9) ---------------------------------------------------------
@pytest.mark.parametrize(("people", "message"), [
    (["Ann Lee", "ann  LEE"], "round “Interview” lists ann  LEE twice (as Ann Lee): list each person once"),
    (["Ann Lee <ann@x.example>", "A. Lee <ANN@x.example>"],
     "round “Interview” gives Ann Lee and A. Lee the same address ANN@x.example: list each person once"),
])
def test_the_same_person_twice_in_a_round_is_refused(people, message):
    twice = [Interviewer.parse(text) for text in people]
    with pytest.raises(ValidationError) as refused:
        actions.new_application("Acme", "Dev", now=WED, round_at=WED, interviewers=twice)
    assert str(refused.value) == message
    app = actions.new_application("Acme", "Dev", now=WED, round_at=WED, interviewers=twice[:1])
    with pytest.raises(ValidationError, match="list each person once"):
        actions.update_round(app, app.rounds[0].id, now=WED, interviewers=[*app.rounds[0].interviewers, twice[1]])
    with pytest.raises(ValidationError, match="list each person once"):
        actions.add_round(app, "Final", WED.add(days=2), twice, now=WED)


def test_two_people_of_one_name_in_different_rounds_are_fine():
    app = actions.new_application("Acme", "Dev", now=WED, round_at=WED, interviewers=[Interviewer(name="Ann Lee")])
    app = actions.add_round(app, "Final", WED.add(days=2), [Interviewer(name="Ann Lee")], now=WED)
    assert [len(r.interviewers) for r in app.rounds] == [1, 1]


# --- a second note to someone thanked already (review R #8) ------------------------------------------------
def test_a_second_thank_you_keeps_the_first_time_and_records_the_letter():
    from tui.core import correspondence

    app = actions.new_application("Acme", "Dev", now=WED, round_at=WED.subtract(days=1),
                                  interviewers=[Interviewer(name="Lee Park"), Interviewer(name="Dana Kim")])
    lee = app.rounds[0].interviewers[0].id
    first = WED.subtract(hours=19)
    app = correspondence.record_letter_sent(app, "thank-you", now=WED, at=first, interviewer_id=lee)
    assert actions.set_thanked(app, lee, now=WED) is app
    again = correspondence.record_letter_sent(app, "thank-you", now=WED, interviewer_id=lee)
    assert again.rounds[0].interviewers[0].thanked_at == first
    assert [c.at for c in again.contacts] == [first, WED]
    assert sum(e.text == "Thanked Lee Park" for e in again.history) == 1


# --- a change that leaves a snooze behind says so (review R #7) --------------------------------------------
def test_a_decision_date_before_the_snooze_end_lifts_it_and_a_new_snooze_does_not():
    from tui.core.deadlines import lifted_snoozes

    app = actions.new_application("Beta", "Dev", now=WED, round_at=WED.subtract(days=2))  # nobody to thank
    (follow_up,) = deadlines_for(app, SETTINGS, WED)
    assert follow_up.kind is DeadlineKind.FOLLOW_UP
    snoozed = actions.snooze_deadline(app, follow_up, WED.add(days=15), now=WED)
    decided = actions.edit(snoozed, decision_by=WED.add(days=9), now=WED)
    (lifted,) = lifted_snoozes(snoozed, decided, SETTINGS, WED)
    assert (lifted.kind, lifted.due) == (DeadlineKind.FOLLOW_UP, WED.add(days=15))
    (again,) = deadlines_for(snoozed, SETTINGS, WED)
    longer = actions.snooze_deadline(snoozed, again, WED.add(days=20), now=WED)
    assert lifted_snoozes(snoozed, longer, SETTINGS, WED) == []
    assert lifted_snoozes(snoozed, actions.set_notes(snoozed, "x", now=WED), SETTINGS, WED) == []
