"""Every change goes through tui.core.actions: stage rules, history lines, and an untouched input."""

import pendulum
import pytest

from tui.core import actions, correspondence, direction_actions, snoozing
from tui.core.errors import ValidationError
from tui.core.parts import Interviewer
from tui.core.stages import DirectionKind, Outcome, Stage

T0 = pendulum.datetime(2026, 3, 26, 10, 0, tz="UTC")


def later(hours):
    return T0.add(hours=hours)


def card():
    return actions.new_application(
        "Acme", "SRE", now=T0, round_name="Phone screen", round_at=T0,
        interviewers=[Interviewer("Dana Kim", email="dana@acme.example"), Interviewer("Luis Ortega")],
    )


def people(app):
    return app.latest_round.interviewers


def stage_events(app):
    return [(e.data["from"], e.data["to"]) for e in app.history if e.kind == "stage"]


def test_a_new_application_records_its_creation_and_round():
    app = card()
    assert app.stage is Stage.INTERVIEWED and app.created_at == T0 == app.updated_at
    assert [(e.kind, e.text) for e in app.history] == [
        ("created", "Added Acme — SRE"), ("round", "Round “Phone screen” on 2026-03-26T10:00:00+00:00")]
    assert app.history[1].data == {"round": app.rounds[0].id}


def test_thanking_every_interviewer_of_the_latest_round_moves_to_thanked():
    app = card()
    dana, luis = people(app)
    one = actions.set_thanked(app, dana.id, now=later(2))
    assert one.stage is Stage.INTERVIEWED and people(one)[0].thanked_at == later(2)
    both = actions.set_thanked(one, luis.id, now=later(3))
    assert both.stage is Stage.THANKED
    assert stage_events(both) == [("interviewed", "thanked")]
    assert [e.text for e in both.history[-2:]] == [
        "Thanked Luis Ortega", "Interviewed → Thanked (every interviewer thanked)"]
    assert both.history[-1].at == later(3)


def test_thanking_an_earlier_rounds_interviewer_does_not_move_the_card():
    app = card()
    app = actions.add_round(app, "Onsite", later(48), [Interviewer("Mia Chen")], now=later(48))
    for person in app.rounds[0].interviewers:
        app = actions.set_thanked(app, person.id, now=later(50))
    assert app.stage is Stage.INTERVIEWED
    app = actions.set_thanked(app, "mia chen", now=later(51))  # by name, any case
    assert app.stage is Stage.THANKED


def test_unmarking_a_thank_you_clears_it_and_says_so():
    app = actions.set_thanked(card(), "Dana Kim", now=later(1))
    dana = people(app)[0]
    undone = actions.set_thanked(app, dana.id, False, now=later(2))
    assert people(undone)[0].thanked_at is None
    assert undone.history[-1].text == "Unmarked thank-you to Dana Kim"


def thanked_with_tasks():
    app = card()
    for person in people(app):
        app = actions.set_thanked(app, person.id, now=later(2))
    app = direction_actions.add_direction(app, "Send two references", "do-by", later(48), now=later(3))
    app = direction_actions.add_direction(app, "Email Sam in two days", DirectionKind.DO_BY, later(50), now=later(3))
    return direction_actions.add_direction(app, "They use Go", "info", now=later(3))


def test_marking_the_last_do_by_done_in_thanked_moves_to_awaiting():
    app = thanked_with_tasks()
    refs, email, _ = app.directions
    assert app.history[-3].text == "Direction (do-by): Send two references by 2026-03-28T10:00:00+00:00"
    first = direction_actions.set_direction_done(app, refs.id, now=later(4))
    assert first.stage is Stage.THANKED and first.directions[0].done_at == later(4)
    assert first.history[-1].text == "Done: Send two references"
    second = direction_actions.set_direction_done(first, email.id, now=later(5))
    assert second.stage is Stage.AWAITING
    assert second.history[-1].text == "Thanked → Awaiting (nothing left on our side)"
    reopened = direction_actions.set_direction_done(second, email.id, False, now=later(6))
    assert reopened.directions[1].done_at is None and reopened.history[-2].text == "Reopened: Email Sam in two days"
    # the rule's move goes back with it: a do-by open again is ours to do (review X3 #1)
    assert reopened.stage is Stage.THANKED
    assert reopened.history[-1].text == "Awaiting → Thanked (“Email Sam in two days” reopened)"
    by_hand = actions.move(actions.move(second, "followed-up", now=later(6)), "awaiting", now=later(6))
    kept = direction_actions.set_direction_done(by_hand, email.id, False, now=later(7))
    assert kept.stage is Stage.AWAITING  # the user's own move stays


def test_a_direction_already_done_or_open_is_no_change():
    app = thanked_with_tasks()
    refs = app.directions[0]
    assert direction_actions.set_direction_done(app, refs.id, False, now=later(4)) is app
    done = direction_actions.set_direction_done(app, refs.id, now=later(4))
    assert direction_actions.set_direction_done(done, refs.id, now=later(5)) is done
    assert done.directions[0].done_at == later(4)


def test_each_direction_line_says_what_it_did_so_the_history_can_mark_it():
    added = direction_actions.add_direction(card(), "Send the slides", "do-by", later(24), now=later(1))
    done = direction_actions.set_direction_done(added, added.directions[0].id, now=later(2))
    reopened = direction_actions.set_direction_done(done, added.directions[0].id, False, now=later(3))
    removed = direction_actions.remove_direction(reopened, added.directions[0].id, now=later(4))
    lines = [e for e in removed.history if e.kind == "direction"]
    assert [e.data["change"] for e in lines] == ["added", "done", "reopened", "removed"]
    assert {e.data["direction"] for e in lines} == {added.directions[0].id}


def test_a_done_do_by_outside_thanked_does_not_move_the_card():
    app = direction_actions.add_direction(card(), "Send the slides", "do-by", later(24), now=later(1))
    done = direction_actions.set_direction_done(app, app.directions[0].id, now=later(2))
    assert done.stage is Stage.INTERVIEWED


def test_a_follow_up_letter_moves_to_followed_up_and_counts():
    app = actions.move(card(), Stage.AWAITING, now=later(1))
    first = correspondence.record_letter_sent(app, "follow-up", now=later(200), to="Sam Reyes")
    assert first.stage is Stage.FOLLOWED_UP and first.follow_up_count == 1
    assert first.contacts[-1].at == later(200)
    letter, stage = first.history[-2:]
    assert (letter.kind, letter.text) == ("letter", "Follow-up letter to Sam Reyes: follow-up #1 sent")
    assert stage.text == "Awaiting → Followed up (follow-up #1 sent)"
    second = correspondence.record_letter_sent(first, "follow-up", now=later(300))
    assert second.follow_up_count == 2 and second.stage is Stage.FOLLOWED_UP
    assert second.history[-1].text == "Follow-up letter: follow-up #2 sent"


def test_a_follow_up_after_closing_reopens_without_the_old_outcome():
    closed = correspondence.close(card(), "no-response", now=later(400))
    reopened = correspondence.record_letter_sent(closed, "follow-up", now=later(500))
    assert reopened.stage is Stage.FOLLOWED_UP and reopened.outcome is None and reopened.outcome_at is None


def test_a_thank_you_letter_marks_the_interviewer_and_records_the_contact():
    app = card()
    sent = correspondence.record_letter_sent(app, "thank-you", now=later(3), interviewer_id=people(app)[0].id)
    assert people(sent)[0].thanked_at == later(3)
    assert sent.contacts[-1].kind == "thank-you" and sent.contacts[-1].to == "Dana Kim <dana@acme.example>"
    assert sent.history[-1].kind == "letter"
    with pytest.raises(ValidationError, match="name which"):
        correspondence.record_letter_sent(app, "thank-you", now=later(3))


def test_a_new_round_puts_the_card_back_to_interviewed_and_clears_the_outcome():
    closed = correspondence.close(card(), "rejected", now=later(100))
    again = actions.add_round(closed, "Second look", later(300), [Interviewer("Mia Chen")], now=later(310))
    assert again.stage is Stage.INTERVIEWED and again.outcome is None and again.outcome_at is None
    assert again.latest_round.name == "Second look"
    # the move is logged when the round took place, the round's line when it was entered: time order
    assert [(e.at, e.text) for e in again.history[-2:]] == [
        (later(300), "Closed → Interviewed (new round; outcome “rejected” cleared)"),
        (later(310), "Round “Second look” on 2026-04-07T22:00:00+00:00")]


def test_a_round_entered_days_after_it_took_place_ends_the_stay_before_it_at_its_time():
    """Thanked on the 2nd, a second round on the 9th entered on the 25th: seven days in thanked, not 23."""
    from tui.core import stats
    from tui.core.settings import Settings

    start = pendulum.datetime(2026, 11, 2, 9, tz="UTC")
    app = actions.new_application("Kilo", "R", now=start.add(days=23), round_at=start,
                                  interviewers=[Interviewer("K L")])
    app = actions.set_thanked(app, app.rounds[0].interviewers[0].id, now=start.add(days=23), at=start.add(hours=2))
    entered = start.add(days=23, hours=1)
    app = actions.add_round(app, "Second", start.add(days=7), now=entered)
    move = next(e for e in app.history if e.text == "Thanked → Interviewed (new round)")
    assert move.at == start.add(days=7)
    assert [e.at for e in app.history] == sorted(e.at for e in app.history)  # still in time order
    days = stats.figures([app], Settings(timezone="UTC"), entered).stage_days
    assert days["thanked"] == pytest.approx(7 - 2 / 24)


def test_closing_records_the_outcome():
    app = correspondence.close(card(), "Rejected", now=later(100))
    assert app.stage is Stage.CLOSED and app.outcome is Outcome.REJECTED and app.outcome_at == later(100)
    assert [e.text for e in app.history[-2:]] == ["Outcome: rejected", "Interviewed → Closed (rejected)"]
    assert app.history[-2].data == {"outcome": "rejected"}


def test_moving_by_hand_is_logged_and_leaving_closed_drops_the_outcome():
    closed = correspondence.close(card(), "offer", now=later(10))
    moved = actions.move(closed, "awaiting", now=later(11))
    assert moved.stage is Stage.AWAITING and moved.outcome is None
    assert moved.history[-1].data == {"from": "closed", "to": "awaiting", "why": "moved by hand"}
    same = actions.move(moved, Stage.AWAITING, now=later(12))
    assert len(same.history) == len(moved.history), "no line for a move that changes nothing"


def test_edit_changes_plain_fields_and_refuses_others():
    app = actions.edit(card(), role="Staff SRE", decision_by=pendulum.datetime(2026, 4, 1, 17, tz="Europe/Berlin"),
                       now=later(1))
    assert app.role == "Staff SRE" and app.decision_by == pendulum.datetime(2026, 4, 1, 15, tz="UTC")
    assert app.history[-1].text == "Edited role, decision by"
    with pytest.raises(ValidationError, match="cannot edit stage: editable are company, decision_by"):
        actions.edit(app, stage="closed", now=later(2))
    with pytest.raises(ValidationError, match="company is empty"):
        actions.edit(app, company="  ", now=later(2))


def test_notes_typed_in_one_session_make_one_history_line():
    app = actions.set_notes(card(), "a", now=later(1))
    app = actions.set_notes(app, "ab", now=later(1).add(minutes=10))
    assert app.notes == "ab" and [e.kind for e in app.history].count("notes") == 1
    app = actions.set_notes(app, "abc", now=later(2))
    assert [e.kind for e in app.history].count("notes") == 2


def test_a_bad_input_raises_and_names_what_is_accepted():
    with pytest.raises(ValidationError, match="use one of offer, accepted, rejected, withdrawn, no-response"):
        correspondence.close(card(), "hired", now=later(1))
    with pytest.raises(ValidationError, match="known are Dana Kim, Luis Ortega"):
        actions.set_thanked(card(), "Nobody", now=later(1))
    with pytest.raises(ValidationError, match="not-before direction needs a date"):
        direction_actions.add_direction(card(), "Quiet please", "not-before", now=later(1))


EVERY_ACTION = {
    "move": lambda a: actions.move(a, "closed", now=later(9)),
    "edit": lambda a: actions.edit(a, company="Acme Corp", now=later(9)),
    "notes": lambda a: actions.set_notes(a, "new notes", now=later(9)),
    "add_round": lambda a: actions.add_round(a, "Onsite", later(9), [Interviewer("Mia")], now=later(9)),
    "update_round": lambda a: actions.update_round(a, a.rounds[0].id, name="Screen", now=later(9)),
    "remove_round": lambda a: actions.remove_round(a, a.rounds[0].id, now=later(9)),
    "thank": lambda a: actions.set_thanked(a, people(a)[0].id, now=later(9)),
    "direction": lambda a: direction_actions.add_direction(a, "Call Sam", "do-by", later(30), now=later(9)),
    "done": lambda a: direction_actions.set_direction_done(a, a.directions[0].id, now=later(9)),
    "remove_direction": lambda a: direction_actions.remove_direction(a, a.directions[0].id, now=later(9)),
    "contact": lambda a: correspondence.record_contact(a, "call", now=later(9), inbound=True),
    "letter": lambda a: correspondence.record_letter_sent(a, "thank-you", interviewer_id="Luis Ortega", now=later(9)),
    "follow_up": lambda a: correspondence.record_letter_sent(a, "follow-up", now=later(9)),
    "close": lambda a: correspondence.close(a, "withdrawn", now=later(9)),
}


@pytest.mark.parametrize("name", EVERY_ACTION)
def test_no_action_mutates_its_input_so_undo_can_keep_it(name):
    app = actions.set_thanked(thanked_with_tasks(), "Dana Kim", False, now=later(4))
    before = app.to_dict()
    changed = EVERY_ACTION[name](app)
    assert app.to_dict() == before
    assert changed is not app and changed.to_dict() != before
    assert changed.history[-1].at == later(9) and changed.updated_at == later(9)


def test_a_reply_restarts_the_follow_up_count_and_moves_the_card_to_awaiting():
    waiting = actions.move(card(), Stage.AWAITING, now=later(30))
    app = correspondence.record_letter_sent(waiting, "follow-up", now=later(200))
    app = correspondence.record_letter_sent(app, "follow-up", now=later(400))
    assert (app.stage, app.follow_up_count) == (Stage.FOLLOWED_UP, 2)
    replied = correspondence.record_reply(app, now=later(500), at=later(450), via="call", note="next week")
    assert (replied.stage, replied.follow_up_count) == (Stage.AWAITING, 0)
    assert replied.restarted_at() == later(450) and replied.contacts[-1].inbound
    assert replied.history[-2].kind == "reply" and "call" in replied.history[-2].text
    with pytest.raises(ValidationError, match="use one of email, call, other"):
        correspondence.record_reply(app, now=later(500), via="pigeon")


def test_a_new_round_restarts_the_follow_up_count():
    waiting = actions.move(card(), Stage.AWAITING, now=later(30))
    app = correspondence.record_letter_sent(waiting, "follow-up", now=later(200))
    again = actions.add_round(app, "Onsite", later(300), now=later(250))
    assert (app.follow_up_count, again.follow_up_count) == (1, 0)


def test_closing_keeps_when_they_said_it_and_the_keep_in_touch_date():
    app = correspondence.close(card(), "rejected", now=later(50), at=later(40), keep_in_touch=later(2000))
    assert (app.outcome, app.outcome_at, app.keep_in_touch) == (Outcome.REJECTED, later(40), later(2000))
    assert app.stage is Stage.CLOSED


def test_a_snoozed_thank_you_says_whose_in_the_history():
    """With two interviewers, "Snoozed thank-you until …" said neither whose (review V #11)."""
    from tui.core.deadlines import DeadlineKind, deadlines_for
    from tui.core.settings import Settings

    app = card()
    luis = next(d for d in deadlines_for(app, Settings(timezone="UTC"), later(1))
                if d.kind is DeadlineKind.THANK_YOU and d.person == "Luis Ortega")
    snoozed = snoozing.snooze_deadline(app, luis, later(29), now=later(2), reason="on a train")
    assert snoozed.history[-1].text == (
        f"Snoozed “Thank Luis Ortega” until {later(29).isoformat()}: on a train")


def test_a_snooze_replaces_the_older_one_of_its_deadline_and_must_end_after_it():
    app = snoozing.snooze(card(), "follow-up", later(100), later(120), now=later(90), reason="on holiday")
    app = snoozing.snooze(app, "follow-up", later(100), later(140), now=later(91))
    assert [(s.kind, s.until) for s in app.snoozes] == [("follow-up", later(140))]
    assert app.history[-1].kind == "snooze"
    with pytest.raises(ValidationError, match="end after the deadline"):
        snoozing.snooze(app, "follow-up", later(100), later(100), now=later(92))


@pytest.mark.parametrize("link", ["ftp://x.org/a", "example.com/a", "https://", "https://x.org/a b",
                                  "https://x.org/\x1b[31m", "javascript:alert(1)"])
def test_an_interviewer_link_must_be_a_web_address(link):
    with pytest.raises(ValidationError, match="link"):
        Interviewer("Dana Kim", link=link)
    assert Interviewer("Dana Kim", link=" https://x.org/post ").link == "https://x.org/post"


def test_a_quiet_period_is_logged_as_lasting_until_its_date():
    app = direction_actions.add_direction(card(), "Don't call before the 10th", "not-before", later(200), now=later(1))
    assert app.history[-1].text.endswith("Don't call before the 10th until 2026-04-03T18:00:00+00:00")


def test_a_reply_cannot_be_recorded_as_sent_before_the_decision_it_answers():
    """Else it stands as done while the reply deadline (a reply since the outcome) stays overdue."""
    from datetime import datetime, timedelta, timezone

    from tui.core.deadlines import deadlines_for
    from tui.core.settings import Settings

    told = datetime(2026, 11, 20, 10, 0, tzinfo=timezone.utc)  # Fri 20 Nov
    now = told + timedelta(days=3)
    app = actions.new_application("Acme", "Dev", now=told - timedelta(days=5), round_at=told - timedelta(days=5))
    rejected = correspondence.close(app, "rejected", now=told, at=told)
    with pytest.raises(ValidationError, match=r"^Thu 19 Nov 11:00 is before the rejection it answers "
                                              r"\(Fri 20 Nov 11:00\): a reply cannot predate it$"):
        correspondence.check_reply_sent_at(rejected, "rejection-reply", told - timedelta(days=1),
                                    zone=pendulum.timezone("Europe/Berlin"), now=now)
    with pytest.raises(ValidationError, match="before the rejection it answers"):
        correspondence.record_letter_sent(rejected, "rejection-reply", now=now, at=told - timedelta(minutes=1))
    sent = correspondence.record_letter_sent(rejected, "rejection-reply", now=now, at=told)  # the same moment is fine
    assert not [d for d in deadlines_for(sent, Settings(), now) if d.kind.value == "rejection-reply"]
    # told at 10:00:40, a reply typed "10:00" (no seconds) is in its minute: taken, as answering it (review X4 #3)
    late = correspondence.close(app, "rejected", now=told + timedelta(seconds=40), at=told + timedelta(seconds=40))
    correspondence.check_reply_sent_at(late, "rejection-reply", told, now=now)
    answered = correspondence.record_letter_sent(late, "rejection-reply", now=now, at=told)
    assert answered.contacts[-1].at == late.outcome_at
    assert not [d for d in deadlines_for(answered, Settings(), now) if d.kind.value == "rejection-reply"]
    offered = correspondence.close(app, "offer", now=told, at=told)
    with pytest.raises(ValidationError, match="before the offer it answers"):
        correspondence.record_letter_sent(offered, "offer-reply", now=now, at=told - timedelta(hours=1))
    accepted = correspondence.close(app, "accepted", now=told, at=told)  # an acceptance may go out before it is noted
    assert correspondence.record_letter_sent(accepted, "offer-reply", now=now, at=told - timedelta(hours=1)).contacts


def test_a_rejection_is_their_answer_so_a_reopened_card_starts_its_follow_ups_again():
    """Two follow-ups, then rejected, then reopened: no "no reply after 2 follow-ups", the count is 0 again;
    an undone rejection does not count."""
    from tui.core.deadlines import DeadlineKind, deadlines_for
    from tui.core.settings import Settings

    app = actions.move(card(), Stage.AWAITING, now=later(2))
    app = correspondence.record_letter_sent(app, "follow-up", now=later(200))
    app = correspondence.record_letter_sent(app, "follow-up", now=later(400))
    assert app.follow_up_count == 2
    reopened = actions.move(correspondence.close(app, "rejected", now=later(500)), Stage.AWAITING, now=later(501))
    assert reopened.follow_up_count == 0 and reopened.restarted_at() == later(500)
    kinds = [d.kind for d in deadlines_for(reopened, Settings(timezone="UTC"), later(800))]
    assert DeadlineKind.FOLLOW_UP in kinds and DeadlineKind.CLOSE not in kinds
    undone = actions.undo(app, correspondence.close(app, "rejected", now=later(500)), "Close", now=later(501))
    assert undone.follow_up_count == 2  # the rejection was taken back: it is no answer


def test_keep_in_touch_looks_ahead():
    """Review A #6: a past keep-in-touch would be overdue the moment it is saved; the one check
    (check_keep_in_touch) is the one close applies, for the CLI and the outcome form alike."""
    now = later(50)
    assert correspondence.check_keep_in_touch(later(51), now=now) == later(51)
    for past in (later(49), now):
        with pytest.raises(ValidationError, match="is not ahead: keep in touch is when to get back"):
            correspondence.check_keep_in_touch(past, now=now)
        with pytest.raises(ValidationError, match="is not ahead"):
            correspondence.close(card(), "rejected", now=now, keep_in_touch=past)

