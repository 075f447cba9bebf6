"""Deadline rules a job seeker can trust, with time frozen by passing `now`: working hours, business
days and public holidays, DST both ways, a user abroad, upcoming rounds, replies, skipped thank-you
notes and snoozes.

Calendar (2026): Wed 23 Dec, Thu 24, Fri 25 (Christmas Day), Sat 26 (Boxing Day), Mon 28 (Boxing Day
observed in England), Tue 29. Fri 28 Aug, Mon 31 Aug (Late Summer Bank Holiday in England), Tue 1 Sep.
Berlin moves to summer time on Sun 29 Mar and back on Sun 25 Oct.
"""

from __future__ import annotations

import subprocess
import sys

import pendulum
import pytest

from tui.core import actions, correspondence, direction_actions, snoozing
from tui.core.deadlines import DeadlineKind, deadlines_for, next_deadline, next_follow_up
from tui.core.errors import ValidationError
from tui.core.holidays import check_code
from tui.core.parts import Interviewer
from tui.core.settings import Settings, settings_from_mapping
from tui.core.stages import Stage
from tui.core.timeutil import local

LONDON = "Europe/London"
BERLIN = "Europe/Berlin"
ENGLAND = Settings(timezone=LONDON, holidays="GB-ENG")
WEEKENDS_ONLY = Settings(timezone=LONDON)


def t(zone, month, day, hour=10, minute=0, year=2026):
    return pendulum.datetime(year, month, day, hour, minute, tz=zone)


def shown(moment, zone):
    return local(moment, zone).format("ddd D MMM HH:mm")


def of_kind(found, kind):
    return [d for d in found if d.kind is kind]


def held(at, *, names=("Dana Kim",), company="Acme", settings=ENGLAND):
    """A card whose round took place at `at`, recorded an hour later."""
    return actions.new_application(company, "SRE", now=at.add(hours=1), round_at=at,
                                   interviewers=[Interviewer(n) for n in names],
                                   use_thank_you=settings.use_thank_you)


def thanked_and_waiting(at, settings=ENGLAND):
    app = held(at, settings=settings)
    person = app.rounds[0].interviewers[0]
    return correspondence.record_letter_sent(app, "thank-you", now=at.add(hours=3), interviewer_id=person.id)


def rejected(at, zone=LONDON):
    return correspondence.close(thanked_and_waiting(t(zone, 1, 5)), "rejected", now=at, at=at)


# --- working hours, business days, holidays -------------------------------------------------

def test_a_rejection_on_the_eve_of_christmas_is_answered_after_the_holidays():
    app = rejected(t(LONDON, 12, 23, 16))  # + 48 h = Christmas Day 16:00
    reply = of_kind(deadlines_for(app, ENGLAND, t(LONDON, 12, 23, 17)), DeadlineKind.REJECTION_REPLY)[0]
    assert shown(reply.due, LONDON) == "Tue 29 Dec 09:00"  # Fri 25, Sat 26, Sun 27, Mon 28 (Boxing Day observed)
    weekend_only = of_kind(deadlines_for(app, WEEKENDS_ONLY, t(LONDON, 12, 23, 17)), DeadlineKind.REJECTION_REPLY)
    assert shown(weekend_only[0].due, LONDON) == "Fri 25 Dec 16:00"  # no calendar: a Friday like any other


def test_a_rejection_on_a_friday_evening_before_a_bank_holiday_monday():
    app = rejected(t(LONDON, 8, 28, 19))  # + 48 h = Sunday 19:00
    reply = of_kind(deadlines_for(app, ENGLAND, t(LONDON, 8, 28, 20)), DeadlineKind.REJECTION_REPLY)[0]
    assert shown(reply.due, LONDON) == "Tue 1 Sep 09:00"
    assert not reply.overdue


def test_the_follow_up_wait_skips_a_bank_holiday():
    app = thanked_and_waiting(t(LONDON, 8, 25, 10))  # Tue; the thank-you went out at 13:00
    due = next_follow_up(app, ENGLAND, t(LONDON, 8, 26))
    assert shown(due, LONDON) == "Wed 2 Sep 13:00"  # five business days, Monday 31 not one of them
    assert shown(next_follow_up(app, WEEKENDS_ONLY, t(LONDON, 8, 26)), LONDON) == "Tue 1 Sep 13:00"


def test_a_late_evening_letter_is_followed_up_the_next_working_morning():
    app = correspondence.record_letter_sent(thanked_and_waiting(t(LONDON, 3, 2)), "follow-up",
                                            now=t(LONDON, 3, 5, 23, 30))
    found = deadlines_for(app, ENGLAND, t(LONDON, 3, 6))
    assert [shown(d.due, LONDON) for d in found] == ["Fri 13 Mar 09:00"]  # Thu 12 Mar 23:30 is after hours


def test_working_hours_come_from_settings():
    early = Settings(timezone=LONDON, work_hours="07:30-15:00")
    app = rejected(t(LONDON, 3, 4, 16))  # Wed 16:00 + 48 h = Fri 16:00, after 15:00
    reply = of_kind(deadlines_for(app, early, t(LONDON, 3, 4, 17)), DeadlineKind.REJECTION_REPLY)[0]
    assert shown(reply.due, LONDON) == "Mon 9 Mar 07:30"


def test_the_thank_you_window_is_exact_at_any_hour():
    app = held(t(LONDON, 12, 24, 20))  # Christmas Eve, 20:00
    thanks = of_kind(deadlines_for(app, ENGLAND, t(LONDON, 12, 24, 21)), DeadlineKind.THANK_YOU)[0]
    assert shown(thanks.due, LONDON) == "Fri 25 Dec 20:00"  # on Christmas Day, at night: as set


def test_a_do_by_without_a_time_is_due_at_the_end_of_working_hours():
    app = thanked_and_waiting(t(LONDON, 3, 2))
    app = direction_actions.add_direction(app, "Send two references", "do-by", t(LONDON, 3, 6, 0), now=t(LONDON, 3, 3))
    app = direction_actions.add_direction(app, "Send the portfolio", "do-by", t(LONDON, 3, 7, 0), now=t(LONDON, 3, 3))
    app = direction_actions.add_direction(app, "Call Sam", "do-by", t(LONDON, 3, 6, 11), now=t(LONDON, 3, 3))
    found = of_kind(deadlines_for(app, ENGLAND, t(LONDON, 3, 3, 12)), DeadlineKind.DIRECTION)
    assert [(d.action.split(" —")[0], shown(d.due, LONDON)) for d in found] == [
        ("Send two references", "Fri 6 Mar 17:00"),  # a date alone: the end of that working day
        ("Send the portfolio", "Mon 9 Mar 09:00"),  # a Saturday: the next opening
        ("Call Sam", "Fri 6 Mar 11:00"),  # a time given: kept
    ]


# --- DST, both ways ---------------------------------------------------------------------------

def test_spring_forward_keeps_wall_clock_times():
    berlin = Settings(timezone=BERLIN)
    app = thanked_and_waiting(t(BERLIN, 3, 26, 10))  # thanked Thu 13:00 CET
    assert shown(next_follow_up(app, berlin, t(BERLIN, 3, 27)), BERLIN) == "Thu 2 Apr 13:00"  # CEST now
    closed = correspondence.close(app, "rejected", now=t(BERLIN, 3, 27, 18), at=t(BERLIN, 3, 27, 18))
    reply = of_kind(deadlines_for(closed, berlin, t(BERLIN, 3, 27, 19)), DeadlineKind.REJECTION_REPLY)[0]
    assert local(reply.due, BERLIN).format("ddd D MMM HH:mm Z") == "Mon 30 Mar 09:00 +02:00"


def test_fall_back_keeps_wall_clock_times_and_the_thank_you_stays_exact():
    berlin = Settings(timezone=BERLIN)
    app = held(t(BERLIN, 10, 24, 10))  # Saturday 10:00 CEST
    thanks = of_kind(deadlines_for(app, berlin, t(BERLIN, 10, 24, 11)), DeadlineKind.THANK_YOU)[0]
    assert local(thanks.due, BERLIN).format("ddd HH:mm Z") == "Sun 09:00 +01:00"  # exactly 24 h later
    closed = correspondence.close(thanked_and_waiting(t(BERLIN, 10, 19), berlin), "offer", now=t(BERLIN, 10, 23, 18),
                           at=t(BERLIN, 10, 23, 18))
    reply = of_kind(deadlines_for(closed, berlin, t(BERLIN, 10, 23, 19)), DeadlineKind.OFFER_REPLY)[0]
    assert local(reply.due, BERLIN).format("ddd D MMM HH:mm Z") == "Mon 26 Oct 09:00 +01:00"


# --- a user abroad ------------------------------------------------------------------------------

def test_a_user_abroad_gets_their_own_working_hours_not_the_systems():
    """The rules read the zone from the settings: in Tokyo, Friday 19:00 UTC+9 is after hours."""
    tokyo = Settings(timezone="Asia/Tokyo")
    app = thanked_and_waiting(pendulum.datetime(2026, 3, 2, 7, 0, tz="UTC"))  # thanked 10:00 UTC, Mon
    due = next_follow_up(app, tokyo, pendulum.datetime(2026, 3, 3, tz="UTC"))
    assert local(due, "Asia/Tokyo").format("ddd D MMM HH:mm") == "Tue 10 Mar 09:00"  # Mon 19:00 there: after hours
    here = next_follow_up(app, Settings(timezone="UTC"), pendulum.datetime(2026, 3, 3, tz="UTC"))
    assert here.isoformat() == "2026-03-09T10:00:00+00:00"
    script = ("import pendulum;from tui.core.settings import Settings;"
              "print(Settings(timezone='Asia/Tokyo').zone.name)")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                         env={"TZ": "America/Chicago", "PATH": ""}).stdout.strip()
    assert out == "Asia/Tokyo"


# --- upcoming rounds ---------------------------------------------------------------------------

def test_an_upcoming_round_waits_shows_as_an_interview_and_moves_the_card_when_held():
    now = t(LONDON, 3, 2, 9)
    app = actions.new_application("Acme", "SRE", now=now, round_name="Onsite", round_at=t(LONDON, 3, 3, 14),
                                  interviewers=[Interviewer("Dana Kim")])
    assert app.stage is Stage.AWAITING  # a new card whose only round is upcoming
    found = deadlines_for(app, ENGLAND, now)
    assert [(d.kind, shown(d.due, LONDON), d.overdue) for d in found] == [
        (DeadlineKind.INTERVIEW, "Tue 3 Mar 14:00", False)]
    assert found[0].action == "interview Tue 14:00 (Onsite) — Acme"
    assert actions.catch_up(app, now) is app  # nothing has happened yet
    after = t(LONDON, 3, 3, 16)
    # the rules read it as held even before the card is caught up
    assert [d.kind for d in deadlines_for(app, ENGLAND, after)] == [DeadlineKind.THANK_YOU]
    moved = actions.catch_up(app, after)
    assert moved.stage is Stage.INTERVIEWED
    line = next(e for e in moved.history if e.kind == "stage")
    assert line.at == t(LONDON, 3, 3, 14) and "took place" in line.text
    assert [e.at for e in moved.history] == sorted(e.at for e in moved.history)
    assert actions.catch_up(moved, after.add(days=1)) is moved  # once only
    thanks = of_kind(deadlines_for(moved, ENGLAND, after), DeadlineKind.THANK_YOU)[0]
    assert shown(thanks.due, LONDON) == "Wed 4 Mar 14:00"


def test_an_upcoming_round_holds_the_follow_up_and_leaves_the_card_where_it_is():
    app = thanked_and_waiting(t(LONDON, 2, 2))
    app = actions.move(app, Stage.AWAITING, now=t(LONDON, 2, 3))
    invited = actions.add_round(app, "Final", t(LONDON, 2, 20, 11), now=t(LONDON, 2, 12))
    assert invited.stage is Stage.AWAITING and "Upcoming round" in invited.history[-1].text
    found = deadlines_for(invited, ENGLAND, t(LONDON, 2, 13))
    assert [d.kind for d in found] == [DeadlineKind.INTERVIEW]
    assert next_deadline(invited, ENGLAND, t(LONDON, 2, 13)).kind is DeadlineKind.INTERVIEW


def test_catching_up_leaves_the_card_it_was_given_as_it_was():
    """catch_up shares the parts it does not change with the old card (undo keeps the old one)."""
    app = actions.new_application("Acme", "SRE", now=t(LONDON, 3, 1))
    app = correspondence.close(app, "rejected", now=t(LONDON, 3, 2, 11))
    # invited back after all: a round recorded after the close reopens the card when it takes place
    app = actions.add_round(app, "Interview", t(LONDON, 3, 3, 14), [Interviewer("Mia Chen")], now=t(LONDON, 3, 2, 12))
    before = app.to_dict()
    moved = actions.catch_up(app, t(LONDON, 3, 4))
    assert (moved.stage, moved.outcome, moved.updated_at) == (Stage.INTERVIEWED, None, t(LONDON, 3, 4))
    assert len(moved.history) == len(app.history) + 1 and app.to_dict() == before
    thanked = actions.set_thanked(moved, moved.rounds[0].interviewers[0].id, now=t(LONDON, 3, 4))
    assert thanked.stage is Stage.THANKED and app.to_dict() == before
    assert moved.rounds[0].interviewers[0].thanked_at is None


def test_moving_the_card_by_hand_after_the_round_settles_it():
    app = actions.new_application("Acme", "SRE", now=t(LONDON, 3, 2), round_at=t(LONDON, 3, 3, 14))
    moved = actions.move(app, Stage.THANKED, now=t(LONDON, 3, 4))
    assert actions.catch_up(moved, t(LONDON, 3, 5)) is moved


# --- the process restarts when they move ------------------------------------------------------

def test_a_new_round_after_two_follow_ups_restarts_the_count():
    app = thanked_and_waiting(t(LONDON, 2, 2))
    app = correspondence.record_letter_sent(app, "follow-up", now=t(LONDON, 2, 9, 10))
    app = correspondence.record_letter_sent(app, "follow-up", now=t(LONDON, 2, 16, 10))
    assert deadlines_for(app, ENGLAND, t(LONDON, 2, 17))[0].kind is DeadlineKind.CLOSE
    app = actions.add_round(app, "Second look", t(LONDON, 2, 20, 11), [Interviewer("Mia Chen")],
                            now=t(LONDON, 2, 20, 13))
    app = correspondence.record_letter_sent(app, "thank-you", now=t(LONDON, 2, 20, 15),
                                     interviewer_id=app.latest_round.interviewers[0].id)
    assert app.follow_up_count == 0 and app.stage is Stage.THANKED
    found = deadlines_for(app, ENGLAND, t(LONDON, 2, 21))
    assert [(d.kind, shown(d.due, LONDON)) for d in found] == [(DeadlineKind.FOLLOW_UP, "Fri 27 Feb 15:00")]
    assert found[0].action == "Follow up — Acme"


def test_a_reply_restarts_the_wait_from_the_latest_move():
    app = correspondence.record_letter_sent(thanked_and_waiting(t(LONDON, 2, 2)), "follow-up", now=t(LONDON, 2, 9, 10))
    app = correspondence.record_reply(app, now=t(LONDON, 2, 12, 9), at=t(LONDON, 2, 11, 16), via="call",
                               note="still deciding")
    assert app.stage is Stage.AWAITING and app.follow_up_count == 0
    found = deadlines_for(app, ENGLAND, t(LONDON, 2, 12, 10))
    assert [(d.kind, shown(d.due, LONDON)) for d in found] == [(DeadlineKind.FOLLOW_UP, "Wed 18 Feb 16:00")]


def test_a_quiet_period_pushes_the_follow_up_to_a_working_hour():
    app = thanked_and_waiting(t(LONDON, 2, 2))
    app = direction_actions.add_direction(app, "Not before Sat 14", "not-before", t(LONDON, 2, 14, 0),
                                          now=t(LONDON, 2, 3))
    assert shown(next_follow_up(app, ENGLAND, t(LONDON, 2, 4)), LONDON) == "Mon 16 Feb 09:00"


# --- skipping thank-you notes ------------------------------------------------------------------

def test_without_thank_you_notes_new_rounds_skip_interviewed():
    skip = Settings(timezone=LONDON, use_thank_you=False)
    app = held(t(LONDON, 3, 2, 10), settings=skip)
    assert app.stage is Stage.AWAITING
    found = deadlines_for(app, skip, t(LONDON, 3, 2, 12))
    assert [d.kind for d in found] == [DeadlineKind.FOLLOW_UP]
    with_task = direction_actions.add_direction(app, "Send references", "do-by", t(LONDON, 3, 4, 12),
                                                now=t(LONDON, 3, 2, 12))
    again = actions.add_round(with_task, "Final", t(LONDON, 3, 5, 10), now=t(LONDON, 3, 5, 12), use_thank_you=False)
    assert again.stage is Stage.THANKED  # a direction is still open on our side
    upcoming = actions.new_application("B", "R", now=t(LONDON, 3, 2), round_at=t(LONDON, 3, 3), use_thank_you=False)
    assert actions.catch_up(upcoming, t(LONDON, 3, 4), use_thank_you=False).stage is Stage.AWAITING


# --- snoozes ----------------------------------------------------------------------------------

def test_a_snooze_moves_its_deadline_says_why_and_ends_when_the_rule_moves_it():
    app = thanked_and_waiting(t(LONDON, 3, 2))
    rule = deadlines_for(app, ENGLAND, t(LONDON, 3, 3))[0]
    snoozed = snoozing.snooze(app, rule.kind, rule.due, t(LONDON, 3, 12, 10), now=t(LONDON, 3, 3),
                             reason="they are at a conference")
    found = deadlines_for(snoozed, ENGLAND, t(LONDON, 3, 3))
    assert [(shown(d.due, LONDON), d.is_snoozed, d.reason) for d in found] == [
        ("Thu 12 Mar 10:00", True, "they are at a conference")]
    assert found[0].snoozed_from == rule.due
    replied = correspondence.record_reply(snoozed, now=t(LONDON, 3, 5), via="email")
    after_reply = deadlines_for(replied, ENGLAND, t(LONDON, 3, 5))[0]
    assert not after_reply.is_snoozed and after_reply.due == next_follow_up(replied, ENGLAND, t(LONDON, 3, 5))


def test_a_deadline_snoozed_twice_keeps_the_second_snooze():
    """Review: the second `followup snooze` was kept against the time the first had put it off to, matched
    nothing, and the deadline fell back to its rule's time."""
    app = thanked_and_waiting(t(LONDON, 3, 2))
    first = deadlines_for(app, ENGLAND, t(LONDON, 3, 3))[0]
    once = snoozing.snooze_deadline(app, first, t(LONDON, 3, 12, 10), now=t(LONDON, 3, 3))
    snoozed = deadlines_for(once, ENGLAND, t(LONDON, 3, 3))[0]
    twice = snoozing.snooze_deadline(once, snoozed, t(LONDON, 3, 13, 10), now=t(LONDON, 3, 4))
    found = deadlines_for(twice, ENGLAND, t(LONDON, 3, 4))[0]
    assert (shown(found.due, LONDON), found.snoozed_from) == ("Fri 13 Mar 10:00", first.due)


def test_a_snooze_into_the_weekend_waits_for_monday_morning():
    app = thanked_and_waiting(t(LONDON, 3, 2))
    rule = deadlines_for(app, ENGLAND, t(LONDON, 3, 3))[0]
    snoozed = snoozing.snooze(app, rule.kind, rule.due, t(LONDON, 3, 14, 11), now=t(LONDON, 3, 3))
    assert shown(deadlines_for(snoozed, ENGLAND, t(LONDON, 3, 3))[0].due, LONDON) == "Mon 16 Mar 09:00"


def test_an_overdue_thank_you_snoozed_is_shown_as_snoozed():
    app = held(t(LONDON, 3, 2, 10))
    rule = deadlines_for(app, ENGLAND, t(LONDON, 3, 4))[0]
    assert rule.kind is DeadlineKind.THANK_YOU and rule.overdue
    snoozed = snoozing.snooze(app, rule.kind, rule.due, t(LONDON, 3, 4, 20), now=t(LONDON, 3, 4), ref=rule.ref)
    found = deadlines_for(snoozed, ENGLAND, t(LONDON, 3, 4, 12))
    assert len(found) == 1 and found[0].is_snoozed and found[0].snoozed_from < t(LONDON, 3, 4, 12)
    assert shown(found[0].due, LONDON) == "Wed 4 Mar 20:00"  # a thank-you keeps any hour


def test_a_snooze_not_after_the_deadline_is_refused():
    app = thanked_and_waiting(t(LONDON, 3, 2))
    rule = deadlines_for(app, ENGLAND, t(LONDON, 3, 3))[0]
    with pytest.raises(ValidationError, match="after the deadline"):
        snoozing.snooze(app, rule.kind, rule.due, rule.due, now=t(LONDON, 3, 3))


# --- the holidays setting ---------------------------------------------------------------------

def test_a_bad_subdivision_is_refused_naming_the_valid_ones():
    with pytest.raises(ValidationError) as info:
        settings_from_mapping({"holidays": "GB-XX"}, source="config.toml")
    message = str(info.value)
    assert message.startswith("config.toml: holidays = 'GB-XX'") and "ENG, NIR, SCT, WLS" in message
    assert "\n" not in message


def test_an_unknown_country_is_refused_and_codes_are_normalised():
    with pytest.raises(ValidationError, match="no public-holiday calendar for the country 'ZZ'"):
        check_code("ZZ")
    assert settings_from_mapping({"holidays": "gb-eng"}).holidays == "GB-ENG"
    assert check_code("US") == "US"


def test_the_holiday_library_is_imported_only_when_a_calendar_is_named():
    script = ("import sys;from tui.core.settings import Settings;from tui.core.deadlines import deadlines_for, "
              "work_calendar;work_calendar(Settings(timezone='UTC'));print('holidays' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
