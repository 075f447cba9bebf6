"""Card rules in the core, with `now` passed in: what a snooze may put off, which round moves a card, when a
thank-you can have gone out, who may sit twice in one round, and a second note to someone thanked already."""

from __future__ import annotations

import msgspec
import pendulum
import pytest

from tui.core import actions, direction_actions, snoozing
from tui.core.deadlines import DeadlineKind, deadlines_for
from tui.core.errors import ValidationError
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.core.snoozing import next_snoozable
from tui.core.stages import DirectionKind, Stage

LONDON = "Europe/London"
SETTINGS = Settings(timezone=LONDON, holidays="")
WED = pendulum.datetime(2026, 11, 25, 10, tz=LONDON)


def test_the_next_snoozable_deadline_skips_an_interview_before_it():
    app = actions.new_application("Acme", "Dev", now=WED, round_at=WED.add(days=1))
    (interview,) = deadlines_for(app, SETTINGS, WED)
    assert interview.kind is DeadlineKind.INTERVIEW
    assert next_snoozable(deadlines_for(app, SETTINGS, WED)) is None
    app = direction_actions.add_direction(app, "send refs", DirectionKind.DO_BY, WED.add(days=3), now=WED)
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


def test_a_refused_round_edit_names_the_times_in_the_users_zone():
    """Review T #7: update_round gave the thank-you rule's times in UTC (an hour off in Berlin)."""
    berlin = pendulum.timezone("Europe/Berlin")
    held = pendulum.datetime(2026, 11, 26, 15, tz=berlin)
    app = actions.new_application("Tz", "X", now=held.add(hours=1), round_at=held,
                                  interviewers=[Interviewer(name="Ann Lee")])
    app = actions.set_thanked(app, app.rounds[0].interviewers[0].id, now=held.add(days=1), at=held.add(minutes=30))
    with pytest.raises(ValidationError, match=r"^Thu 26 Nov 15:30 is before the Interview round it thanks for "
                                              r"\(Thu 26 Nov 16:00\)"):
        actions.update_round(app, app.rounds[0].id, now=held.add(days=1), at=held.add(hours=1), zone=berlin)


@pytest.mark.parametrize(("typed", "expected"), [
    ("yesterday", pendulum.datetime(2026, 11, 24, 10, tz=LONDON)),  # the round's own day: after the round
    ("tue", pendulum.datetime(2026, 11, 24, 10, tz=LONDON)),
    ("yesterday 16:00", pendulum.datetime(2026, 11, 24, 16, tz=LONDON)),
    ("today", pendulum.datetime(2026, 11, 25, 9, tz=LONDON)),
])
def test_a_day_typed_alone_on_the_rounds_day_reads_as_after_the_round(typed, expected):
    """Review T #3: "thanked yesterday" read as 09:00, before a 10:00 round that day, and was refused."""
    from tui.core.round_rules import read_thanked_at

    app = actions.new_application("Th", "X", now=WED, round_at=WED.subtract(days=1),
                                  interviewers=[Interviewer(name="Ann A")])
    assert read_thanked_at(typed, app.rounds[0], now=WED, zone=SETTINGS.zone) == expected


def test_a_time_given_before_the_round_stays_refused_and_says_to_give_the_time():
    from tui.core.round_rules import check_thanked_at, read_thanked_at

    app = actions.new_application("Th", "X", now=WED, round_at=WED.subtract(days=1),
                                  interviewers=[Interviewer(name="Ann A")])
    rnd = app.rounds[0]
    at = read_thanked_at("yesterday 9:00", rnd, now=WED, zone=SETTINGS.zone)
    with pytest.raises(ValidationError, match=r"a thank-you goes out after the round; give the time it went, "
                                              r"e\.g\. 'yesterday 12:00'$"):
        check_thanked_at(rnd, at, zone=SETTINGS.zone, now=WED)
    with pytest.raises(ValidationError, match="before the Interview round"):  # a day before the round's day
        check_thanked_at(rnd, read_thanked_at("mon", rnd, now=WED, zone=SETTINGS.zone), zone=SETTINGS.zone, now=WED)


# --- records written before the rules (review T #9) ---------------------------------------------------------
def _legacy():
    """A card as a Followup of yesterday wrote it: Ann Lee listed twice, Zed thanked before the round."""
    from tui.core.model import Application

    app = actions.new_application("Two", "X", now=WED, round_at=WED.subtract(days=1),
                                  interviewers=[Interviewer(name="Ann Lee"), Interviewer(name="Zed Z")])
    data = app.to_dict()
    people = data["rounds"][0]["interviewers"]
    people[1]["thanked_at"] = "2026-11-20T10:00:00Z"
    people.append(dict(people[0], id="0" * 32))
    return Application.from_dict(data)  # read as an import reads it: no refusal


def test_a_record_written_before_the_rules_reads_and_its_round_can_still_be_edited():
    app = _legacy()
    assert [p.name for p in app.rounds[0].interviewers] == ["Ann Lee", "Zed Z", "Ann Lee"]
    rnd = app.rounds[0]
    titled = [msgspec.structs.replace(p, title="CTO") if i == 0 else p for i, p in enumerate(rnd.interviewers)]
    edited = actions.update_round(app, rnd.id, now=WED, interviewers=titled)
    assert edited.rounds[0].interviewers[0].title == "CTO"
    assert actions.update_round(app, rnd.id, now=WED, name="Onsite").rounds[0].name == "Onsite"
    more = actions.update_round(app, rnd.id, now=WED, interviewers=[*rnd.interviewers, Interviewer(name="Bo B")])
    assert len(more.rounds[0].interviewers) == 4
    with pytest.raises(ValidationError, match="^Ann Lee is already in round"):  # what an edit adds is judged
        actions.update_round(app, rnd.id, now=WED, interviewers=[*rnd.interviewers, Interviewer(name="ann lee")])
    with pytest.raises(ValidationError, match="^Fri 20 Nov 10:00 is before"):  # the round moved
        actions.update_round(app, rnd.id, now=WED, at=WED.subtract(days=1, hours=1))


# --- one person sits once in a round (review R #9) ---------------------------------------------------------
@pytest.mark.parametrize(("people", "message"), [
    (["Ann Lee", "ann  LEE"], "round “Interview” lists ann  LEE twice (as Ann Lee): list each person once"),
    (["Ann Lee <ann@x.example>", "ANN   lee <ann@y.example>"],
     "round “Interview” lists ANN   lee twice (as Ann Lee): list each person once"),
])
def test_the_same_person_twice_in_a_round_is_refused(people, message):
    twice = [Interviewer.parse(text) for text in people]
    with pytest.raises(ValidationError) as refused:
        actions.new_application("Acme", "Dev", now=WED, round_at=WED, interviewers=twice)
    assert str(refused.value) == message
    app = actions.new_application("Acme", "Dev", now=WED, round_at=WED, interviewers=twice[:1])
    with pytest.raises(ValidationError) as added:  # one person added who is there: said as such (review U #7)
        actions.update_round(app, app.rounds[0].id, now=WED, interviewers=[*app.rounds[0].interviewers, twice[1]])
    assert str(added.value) == ("Ann Lee is already in round “Interview”: change their details there rather "
                                "than adding them again")
    with pytest.raises(ValidationError, match="list each person once"):
        actions.add_round(app, "Final", WED.add(days=2), twice, now=WED)


def test_two_people_who_share_one_address_are_two_people():
    """Review T #4: a panel reached through one team inbox; only the name tells who is who."""
    panel = [Interviewer.parse("Ann Lee <jobs@panel.test>"), Interviewer.parse("Bo Chan <JOBS@panel.test>")]
    app = actions.new_application("Acme", "Dev", now=WED, round_at=WED, interviewers=panel)
    assert [p.email for p in app.rounds[0].interviewers] == ["jobs@panel.test", "JOBS@panel.test"]
    cy = Interviewer.parse("Cy Dee <jobs@panel.test>")
    edited = actions.update_round(app, app.rounds[0].id, now=WED, interviewers=[*app.rounds[0].interviewers, cy])
    assert len(edited.rounds[0].interviewers) == 3
    assert len(actions.add_round(app, "Final", WED.add(days=2), panel, now=WED).rounds[1].interviewers) == 2


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


def test_a_second_letter_back_dated_before_the_first_is_the_thank_you_time_and_each_letter_is_logged():
    """Review T #8: the later time stayed (counted late in stats), and the report listed one letter of two."""
    from tui.core import correspondence, history_facts, stats

    round_at = WED.subtract(days=1)
    app = actions.new_application("Acme", "Dev", now=WED, round_at=round_at,
                                  interviewers=[Interviewer(name="Lee Park")])
    lee = app.rounds[0].interviewers[0].id
    late, early = round_at.add(hours=24, minutes=30), round_at.add(hours=23, minutes=30)
    app = correspondence.record_letter_sent(app, "thank-you", now=WED.add(hours=2), at=late, interviewer_id=lee)
    app = correspondence.record_letter_sent(app, "thank-you", now=WED.add(hours=2), at=early, interviewer_id=lee)
    assert app.rounds[0].interviewers[0].thanked_at == early
    letters = [a for a in history_facts.activities(app, WED.add(hours=2)) if a.kind == "letter"]
    assert [a.at for a in letters] == [early, late]
    figures = stats.figures([app], SETTINGS, WED.add(hours=2))
    assert (figures.thank_you.sent, figures.thank_you.on_time) == (1, 1)
    assert sum(week.letters for week in figures.weeks) == 2


# --- a change that leaves a snooze behind says so (review R #7) --------------------------------------------
def test_a_decision_date_before_the_snooze_end_lifts_it_and_a_new_snooze_does_not():
    from tui.core.snoozing import lifted_snoozes

    app = actions.new_application("Beta", "Dev", now=WED, round_at=WED.subtract(days=2))  # nobody to thank
    (follow_up,) = deadlines_for(app, SETTINGS, WED)
    assert follow_up.kind is DeadlineKind.FOLLOW_UP
    snoozed = snoozing.snooze_deadline(app, follow_up, WED.add(days=15), now=WED)
    decided = actions.edit(snoozed, decision_by=WED.add(days=9), now=WED)
    (lifted,) = lifted_snoozes(snoozed, decided, SETTINGS, WED)
    assert (lifted.kind, lifted.due) == (DeadlineKind.FOLLOW_UP, WED.add(days=15))
    (again,) = deadlines_for(snoozed, SETTINGS, WED)
    longer = snoozing.snooze_deadline(snoozed, again, WED.add(days=20), now=WED)
    assert lifted_snoozes(snoozed, longer, SETTINGS, WED) == []
    assert lifted_snoozes(snoozed, actions.set_notes(snoozed, "x", now=WED), SETTINGS, WED) == []


def test_a_second_round_at_the_very_time_of_one_is_refused_naming_it():
    """Two rounds at one time: the second's people were owed no thank-you, as the latest round is picked by
    time (review X2 #1: `add`'s retry hint led there). Its people join the round that is there."""
    from tui.core import actions
    from tui.core.parts import Interviewer

    at = pendulum.datetime(2026, 11, 28, 6, tz="UTC")
    app = actions.new_application("Cron", "r", now=at, round_at=at, interviewers=[Interviewer("Ann Lee")])
    with pytest.raises(ValidationError, match=r"round 1 “Interview” is already at Sat 28 Nov 06:00: add the people"):
        actions.add_round(app, "", at, [Interviewer("Bo Ek")], now=at.add(hours=1))
    assert len(actions.add_round(app, "", at.add(minutes=1), [Interviewer("Bo Ek")], now=at.add(hours=1)).rounds) == 2


def test_the_round_at_that_time_is_named_by_its_number_in_time_order_as_round_n_takes_it():
    """A round added later but held earlier comes first in `--round N`, `show` and the detail list: the
    refusal names the number those take (it counted in the order rounds were added: 'round 1' led the
    user to `--round 1`, the other round)."""
    at = pendulum.datetime(2026, 11, 20, 10, tz="UTC")
    app = actions.new_application("Order", "r", now=at, round_at=at, interviewers=[Interviewer("Ann Lee")])
    app = actions.add_round(app, "Screen", at.subtract(days=5), [Interviewer("Bo Ek")], now=at.add(hours=1))
    assert [rnd.name for rnd in app.rounds_in_time_order] == ["Screen", "Interview"]
    with pytest.raises(ValidationError, match=r"round 2 “Interview” is already at .*--round 2\b"):
        actions.add_round(app, "", at, [Interviewer("Cy Do")], now=at.add(hours=2))
