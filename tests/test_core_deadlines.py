"""The deadline rules with time frozen by passing `now`: thank-yous, directions, follow-ups, closing.

Calendar used throughout (2026): Thu 26 Mar, Fri 27, Sat 28, Sun 29 (Berlin goes
to summer time), Mon 30, Thu 2 Apr, Fri 3, Mon 6.
"""

from datetime import timedelta

import pendulum
import pytest

from tui.core import actions, correspondence, direction_actions
from tui.core.deadlines import DeadlineKind, all_deadlines, deadlines_for, next_deadline, next_follow_up, quiet_until
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.core.stages import Stage
from tui.core.timeutil import local

UTC_SETTINGS = Settings(timezone="UTC")
THU = pendulum.datetime(2026, 3, 26, 10, 0, tz="UTC")


def at(month, day, hour=10, minute=0, tz="UTC"):
    return pendulum.datetime(2026, month, day, hour, minute, tz=tz)


def interviewed(round_at=THU, names=("Dana Kim", "Luis Ortega"), company="Acme"):
    """A card straight after a round, as `followup add` makes it."""
    return actions.new_application(company, "SRE", now=round_at, round_at=round_at,
                                   interviewers=[Interviewer(n) for n in names])


def awaiting(round_at=THU, company="Acme"):
    """Every note sent and nothing left on our side; the last contact is the round itself."""
    return actions.move(interviewed(round_at, company=company), Stage.AWAITING, now=round_at)


def kinds(found):
    return [d.kind for d in found]


def of_kind(found, kind):
    return [d for d in found if d.kind is kind]


# --- thank-you notes -----------------------------------------------------

def test_each_interviewer_is_owed_a_thank_you_24_hours_after_the_round():
    app = interviewed()
    found = deadlines_for(app, UTC_SETTINGS, THU.add(hours=2))
    thanks = of_kind(found, DeadlineKind.THANK_YOU)
    assert [d.person for d in thanks] == ["Dana Kim", "Luis Ortega"]
    assert all(d.due == THU.add(hours=24) and not d.overdue for d in thanks)
    assert thanks[0].action == "Thank Dana Kim — Acme"
    assert thanks[0].ref == app.rounds[0].interviewers[0].id
    assert DeadlineKind.FOLLOW_UP not in kinds(found), "no follow-up before the notes are out"


def test_thank_you_window_comes_from_settings_and_turns_overdue():
    app = interviewed()
    wide = Settings(timezone="UTC", thank_you_hours=48)
    assert {d.due for d in deadlines_for(app, wide, THU)} == {THU.add(hours=48)}
    late = deadlines_for(app, UTC_SETTINGS, THU.add(hours=25))
    assert all(d.overdue for d in late)


def test_only_interviewers_not_yet_thanked_are_listed():
    app = interviewed()
    dana = app.rounds[0].interviewers[0]
    app = actions.set_thanked(app, dana.id, now=THU.add(hours=3))
    thanks = of_kind(deadlines_for(app, UTC_SETTINGS, THU.add(hours=4)), DeadlineKind.THANK_YOU)
    assert [d.person for d in thanks] == ["Luis Ortega"]


def test_thank_yous_are_only_asked_for_in_the_interviewed_stage():
    app = actions.move(interviewed(), Stage.THANKED, now=THU.add(hours=1))
    assert DeadlineKind.THANK_YOU not in kinds(deadlines_for(app, UTC_SETTINGS, THU.add(hours=2)))


def test_only_the_latest_round_is_thanked():
    app = actions.add_round(interviewed(), "Onsite", at(3, 30), [Interviewer("Mia Chen")], now=at(3, 30, 12))
    thanks = of_kind(deadlines_for(app, UTC_SETTINGS, at(3, 30, 12)), DeadlineKind.THANK_YOU)
    assert [(d.person, d.due) for d in thanks] == [("Mia Chen", at(3, 31))]


def test_skipping_thank_yous_removes_them_and_starts_the_follow_up_clock():
    skip = Settings(timezone="UTC", use_thank_you=False)
    found = deadlines_for(interviewed(), skip, THU.add(hours=2))
    assert kinds(found) == [DeadlineKind.FOLLOW_UP]
    assert found[0].due == at(4, 2)


def test_a_round_without_interviewers_still_gets_a_follow_up():
    app = interviewed(names=())
    assert kinds(deadlines_for(app, UTC_SETTINGS, THU)) == [DeadlineKind.FOLLOW_UP]


# --- the follow-up wait --------------------------------------------------

@pytest.mark.parametrize(("start", "expected"), [
    (at(3, 26), at(4, 2)),   # Thu -> next Thu
    (at(3, 27), at(4, 3)),   # Fri -> next Fri
    (at(3, 28), at(4, 6, 9)),   # Sat: counted from Monday's opening -> the Monday after, at 09:00
    (at(3, 29, 23, 59), at(4, 6, 9)),  # Sun late: the same Monday opening, not a day later (review W 2)
    (at(3, 30, 8), at(4, 6, 9)),  # Mon 08:00 -> next Mon, at the start of working hours
], ids=["thu", "fri", "sat", "sun", "mon"])
def test_follow_up_waits_five_business_days_skipping_weekends(start, expected):
    app = awaiting(start)
    assert next_follow_up(app, UTC_SETTINGS, start) == expected
    found = deadlines_for(app, UTC_SETTINGS, start)
    assert [(d.kind, d.due, d.action) for d in found] == [(DeadlineKind.FOLLOW_UP, expected, "Follow up — Acme")]


def test_the_wait_in_business_days_comes_from_settings():
    two = Settings(timezone="UTC", follow_up_business_days=2)
    assert next_follow_up(awaiting(at(3, 27)), two, at(3, 27, 11)) == at(3, 31)


def test_weekends_are_those_of_the_users_calendar():
    """Fri 23:00 UTC is already Saturday noon in Auckland, so the count starts on Monday's opening there."""
    start = at(3, 27, 23)
    assert next_follow_up(awaiting(start), UTC_SETTINGS, start) == at(4, 6, 9)  # Fri 23:00: after hours
    auckland = Settings(timezone="Pacific/Auckland")
    due = next_follow_up(awaiting(start), auckland, start)
    assert local(due, "Pacific/Auckland").format("ddd D MMM HH:mm") == "Mon 6 Apr 09:00"


def test_the_last_contact_restarts_the_wait():
    app = correspondence.record_contact(awaiting(), "call", now=at(3, 31, 15), inbound=True, summary="still deciding")
    assert next_follow_up(app, UTC_SETTINGS, at(3, 31, 16)) == at(4, 7, 15)


def test_a_quiet_period_ending_after_the_wait_wins():
    app = direction_actions.add_direction(awaiting(), "Don't call before next Tuesday", "not-before", at(4, 7, 9),
                                now=THU)
    now = at(3, 27)
    found = deadlines_for(app, UTC_SETTINGS, now)
    assert of_kind(found, DeadlineKind.FOLLOW_UP)[0].due == at(4, 7, 9)
    quiet = of_kind(found, DeadlineKind.QUIET)
    assert len(quiet) == 1 and quiet[0].is_quiet and quiet[0].due == at(4, 7, 9)
    assert quiet[0].action.endswith("before Tue 7 Apr 09:00")  # names the moment (review P, Q)
    assert quiet_until(app, now) == at(4, 7, 9)
    assert next_deadline(app, UTC_SETTINGS, now).kind is DeadlineKind.FOLLOW_UP, "quiet is not a task"


def test_a_quiet_period_ending_before_the_wait_changes_nothing():
    app = direction_actions.add_direction(awaiting(), "Not before Monday", "not-before", at(3, 30, 9), now=THU)
    assert next_follow_up(app, UTC_SETTINGS, at(3, 27)) == at(4, 2)
    assert quiet_until(app, at(3, 31)) is None, "an ended quiet period is no longer shown"


def test_a_dismissed_quiet_period_no_longer_holds_the_follow_up_back():
    app = direction_actions.add_direction(awaiting(), "Not before the 10th", "not-before", at(4, 10), now=THU)
    app = direction_actions.set_direction_done(app, app.directions[0].id, now=at(3, 27))
    assert next_follow_up(app, UTC_SETTINGS, at(3, 27)) == at(4, 2)


@pytest.mark.parametrize(("decision", "expected"), [
    (at(3, 31, 17), at(4, 1, 17)),  # Tue -> Wed, earlier than the usual wait
    (at(4, 3, 12), at(4, 6, 12)),   # Fri -> Mon
    (at(4, 9, 12), at(4, 10, 12)),  # later than the usual wait
], ids=["tue", "fri", "later"])
def test_a_decision_date_gives_the_next_business_day(decision, expected):
    app = actions.edit(awaiting(), decision_by=decision, now=THU)
    assert next_follow_up(app, UTC_SETTINGS, THU) == expected


def test_a_decision_date_before_the_last_contact_is_ignored():
    app = actions.edit(awaiting(), decision_by=at(3, 25), now=THU)
    assert next_follow_up(app, UTC_SETTINGS, THU) == at(4, 2)


def test_after_the_follow_up_limit_the_suggestion_is_to_close_as_no_response():
    app = correspondence.record_letter_sent(awaiting(), "follow-up", now=at(4, 2))
    again = deadlines_for(app, UTC_SETTINGS, at(4, 3))
    assert [(d.kind, d.due) for d in again] == [(DeadlineKind.FOLLOW_UP, at(4, 9))]
    assert "#2" in again[0].action
    app = correspondence.record_letter_sent(app, "follow-up", now=at(4, 9))
    final = deadlines_for(app, UTC_SETTINGS, at(4, 10))
    assert [(d.kind, d.due) for d in final] == [(DeadlineKind.CLOSE, at(4, 16))]
    assert "close Acme as no response" in final[0].action
    patient = Settings(timezone="UTC", follow_up_limit=3)
    assert kinds(deadlines_for(app, patient, at(4, 10))) == [DeadlineKind.FOLLOW_UP]


def test_open_do_by_directions_hold_the_follow_up_back():
    app = direction_actions.add_direction(awaiting(), "Send two references", "do-by", at(3, 28, 12), now=THU)
    found = deadlines_for(app, UTC_SETTINGS, THU.add(hours=1))
    assert [(d.kind, d.due, d.action) for d in found] == [
        (DeadlineKind.DIRECTION, at(3, 30, 9), "Send two references — Acme")]  # Sat noon: Monday morning
    assert found[0].ref == app.directions[0].id
    done = direction_actions.set_direction_done(app, app.directions[0].id, now=THU.add(hours=2))
    assert kinds(deadlines_for(done, UTC_SETTINGS, THU.add(hours=3))) == [DeadlineKind.FOLLOW_UP]


def test_only_dated_open_do_by_directions_are_deadlines():
    app = interviewed()
    app = direction_actions.add_direction(app, "Email Sam in two days", "do-by", at(3, 28), now=THU)
    app = direction_actions.add_direction(app, "They use Go", "info", now=THU)
    app = direction_actions.add_direction(app, "Read their blog", "do-by", now=THU)
    app = direction_actions.add_direction(app, "Send the portfolio", "do-by", at(3, 27), now=THU)
    app = direction_actions.set_direction_done(app, app.directions[-1].id, now=THU.add(hours=1))
    directions = of_kind(deadlines_for(app, UTC_SETTINGS, THU.add(hours=2)), DeadlineKind.DIRECTION)
    assert [d.action for d in directions] == ["Email Sam in two days — Acme"]


# --- after the outcome ---------------------------------------------------

def test_a_rejection_needs_a_reply_within_48_hours_until_one_is_sent():
    app = correspondence.close(awaiting(), "rejected", now=at(4, 1, 9))
    found = deadlines_for(app, UTC_SETTINGS, at(4, 1, 10))
    assert [(d.kind, d.due) for d in found] == [(DeadlineKind.REJECTION_REPLY, at(4, 3, 9))]
    assert "feedback" in found[0].action
    assert deadlines_for(app, UTC_SETTINGS, at(4, 3, 10))[0].overdue
    replied = correspondence.record_letter_sent(app, "rejection-reply", now=at(4, 2))
    assert deadlines_for(replied, UTC_SETTINGS, at(4, 2, 1)) == []


def test_an_offer_has_an_answer_deadline_until_answered():
    app = correspondence.close(awaiting(), "offer", now=at(4, 1, 9))
    slow = Settings(timezone="UTC", reply_hours=72)
    found = deadlines_for(app, slow, at(4, 1, 10))
    assert [(d.kind, d.due, d.action) for d in found] == [
        (DeadlineKind.OFFER_REPLY, at(4, 6, 9), "Answer the offer from Acme")]  # Sat 4 Apr: Monday
    answered = correspondence.record_letter_sent(app, "offer-reply", now=at(4, 2))
    assert deadlines_for(answered, slow, at(4, 2, 1)) == []


@pytest.mark.parametrize("outcome", ["accepted", "withdrawn", "no-response"])
def test_other_outcomes_leave_nothing_to_do(outcome):
    app = correspondence.close(interviewed(), outcome, now=at(4, 1))
    assert deadlines_for(app, UTC_SETTINGS, at(4, 1, 1)) == []


def test_a_keep_in_touch_date_is_a_deadline_on_a_closed_card():
    app = correspondence.close(actions.edit(awaiting(), keep_in_touch=at(9, 1), now=THU), "accepted", now=at(4, 1))
    found = deadlines_for(app, UTC_SETTINGS, at(4, 1, 1))
    assert [(d.kind, d.due) for d in found] == [(DeadlineKind.KEEP_IN_TOUCH, at(9, 1))]


# --- across cards ---------------------------------------------------------

def test_all_deadlines_are_sorted_by_due_time_across_cards():
    apps = [awaiting(at(3, 23), company="Globex"), interviewed(company="Acme"),
            correspondence.close(awaiting(company="Initech"), "rejected", now=at(3, 26, 12))]
    found = all_deadlines(apps, UTC_SETTINGS, THU.add(hours=3))
    assert [d.due for d in found] == sorted(d.due for d in found)
    assert [(d.company, d.kind) for d in found] == [
        ("Acme", DeadlineKind.THANK_YOU), ("Acme", DeadlineKind.THANK_YOU),
        ("Initech", DeadlineKind.REJECTION_REPLY), ("Globex", DeadlineKind.FOLLOW_UP)]
    assert found[-1].due - found[0].due == timedelta(days=3)


def test_a_quiet_period_ending_at_midnight_is_named_by_its_day_and_one_ending_later_by_its_time():
    """Review Q: "before Tue 1 Dec" for a period ending at 14:00 that day let the user write that morning."""
    for ends, said in ((at(4, 7, 0), "before Tue 7 Apr"), (at(4, 7, 14), "before Tue 7 Apr 14:00")):
        app = direction_actions.add_direction(awaiting(), "Quiet", "not-before", ends, now=THU)
        quiet = of_kind(deadlines_for(app, UTC_SETTINGS, at(3, 27)), DeadlineKind.QUIET)
        assert quiet[0].action.endswith(said), quiet[0].action
