"""A closed card stays closed: a round already recorded when the outcome was recorded never moves it and
is not its next item; a round recorded after the close ("invited back after all") shows and, when its
time passes, reopens the card (review M #1). The board, `list`, `due` and `show` read the same
functions (actions.catch_up, model.pending_round, deadlines.deadlines_for), tested here and end to end."""

from __future__ import annotations

import pendulum
import pytest

from cli_helpers import run
from tui.core import actions, correspondence
from tui.core.deadlines import DeadlineKind, deadlines_for, next_deadline
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.core.stages import Stage

LONDON = Settings(timezone="Europe/London")
WED = pendulum.datetime(2026, 11, 18, 10, tz="Europe/London")
FRI = WED.add(days=2)


def held_yesterday():
    return actions.new_application("Gamma", "G", now=WED, round_at=WED.subtract(days=1),
                                   interviewers=[Interviewer("Ann Lee"), Interviewer("Bob Ray")])


def with_final(app, now):
    return actions.add_round(app, "Final", WED.add(days=1, hours=4), [Interviewer("Cy Dee")], now=now)


def interviews(app, now):
    return [d for d in deadlines_for(app, LONDON, now) if d.kind is DeadlineKind.INTERVIEW]


@pytest.mark.parametrize("outcome", ["withdrawn", "rejected", "no-response"])
def test_a_round_recorded_before_the_close_never_moves_the_card(outcome):
    app = correspondence.close(with_final(held_yesterday(), WED), outcome, now=WED)  # the same minute: order decides
    assert interviews(app, WED) == []
    assert app.pending_round(FRI) is None
    assert actions.catch_up(app, FRI) is app
    later = actions.catch_up(app, FRI)
    assert (later.stage, later.outcome.value) == (Stage.CLOSED, outcome)
    nxt = next_deadline(app, LONDON, FRI)
    assert nxt is None or nxt.kind is not DeadlineKind.INTERVIEW and "Thank" not in nxt.action


def test_a_round_recorded_after_the_close_shows_and_reopens_the_card():
    closed = correspondence.close(held_yesterday(), "rejected", now=WED)
    invited = with_final(closed, WED)  # the same minute, written after the close: invited back after all
    assert [d.ref for d in interviews(invited, WED)] == [invited.rounds[-1].id]
    moved = actions.catch_up(invited, FRI)
    assert (moved.stage, moved.outcome) == (Stage.INTERVIEWED, None)
    assert any("Thank Cy Dee" in d.action for d in deadlines_for(moved, LONDON, FRI))


def test_only_the_rounds_recorded_after_the_latest_close_count():
    planned = with_final(held_yesterday(), WED.subtract(hours=1))
    closed = correspondence.close(planned, "withdrawn", now=WED)
    reopened = actions.move(closed, Stage.AWAITING, now=WED.add(minutes=5))
    again = correspondence.close(reopened, "withdrawn", now=WED.add(minutes=10))
    assert interviews(again, WED.add(minutes=10)) == []
    assert actions.catch_up(again, FRI) is again


def test_a_card_reopened_before_the_round_is_moved_by_it_as_any_open_card():
    closed = correspondence.close(with_final(held_yesterday(), WED), "withdrawn", now=WED)
    reopened = actions.move(closed, Stage.AWAITING, now=WED.add(hours=1))
    assert len(interviews(reopened, WED.add(hours=1))) == 1
    assert actions.catch_up(reopened, FRI).stage is Stage.INTERVIEWED


def test_an_undone_close_does_not_count():
    planned = with_final(held_yesterday(), WED)
    closed = correspondence.close(planned, "withdrawn", now=WED.add(minutes=1))
    undone = actions.undo(planned, closed, "close", now=WED.add(minutes=2))
    invited_later = correspondence.close(undone, "rejected", now=WED.add(minutes=3))
    # the close that holds is the one at :03, after the round was recorded: still closed over
    assert actions.catch_up(invited_later, FRI) is invited_later


# --- end to end, as the reviewer ran it ------------------------------------------------------------
def test_list_due_and_show_keep_the_withdrawn_card_closed(cli_db, capsys, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_NOW", "2026-11-18T10:00:00Z")
    assert run(cli_db, "add", "Gamma", "--role", "G", "--at", "yesterday 10:00", "--interviewer", "Ann Lee",
               "--interviewer", "Bob Ray") == 0
    assert run(cli_db, "round", "Gamma", "--at", "tomorrow 14:00", "--name", "Final",
               "--interviewer", "Cy Dee") == 0
    assert run(cli_db, "close", "Gamma", "withdrawn") == 0
    capsys.readouterr()
    assert run(cli_db, "show", "Gamma") == 0
    assert "interview Thu" not in capsys.readouterr().out  # not its next item once closed
    monkeypatch.setenv("FOLLOWUP_NOW", "2026-11-20T10:00:00Z")
    assert run(cli_db, "list") == 0
    listed = capsys.readouterr().out
    assert "closed" in listed and "interviewed" not in listed
    run(cli_db, "due", "--within", "30")
    assert "Cy Dee" not in capsys.readouterr().out
    assert run(cli_db, "show", "Gamma") == 0
    shown = capsys.readouterr().out
    assert "took place" not in shown and "stage          closed, withdrawn" in shown


def test_a_round_added_to_a_closed_card_still_reopens_it_from_the_command_line(cli_db, capsys, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_NOW", "2026-11-18T10:00:00Z")
    assert run(cli_db, "add", "Gamma", "--role", "G", "--at", "yesterday 10:00", "--interviewer", "Ann Lee") == 0
    assert run(cli_db, "close", "Gamma", "rejected") == 0
    monkeypatch.setenv("FOLLOWUP_NOW", "2026-11-18T10:05:00Z")
    assert run(cli_db, "round", "Gamma", "--at", "tomorrow 14:00", "--name", "Final",
               "--interviewer", "Cy Dee") == 0
    assert "next: interview Thu 14:00 (Final)" in capsys.readouterr().out
    monkeypatch.setenv("FOLLOWUP_NOW", "2026-11-20T10:00:00Z")
    assert run(cli_db, "list") == 0
    assert "interviewed" in capsys.readouterr().out


# --- reopening says what it cleared (review M polish) ---------------------------------------------
def test_reopening_by_hand_says_the_outcome_was_cleared_in_its_one_line():
    closed = correspondence.close(held_yesterday(), "rejected", now=WED)
    reopened = actions.move(closed, Stage.AWAITING, now=WED.add(hours=1))
    assert len(reopened.history) == len(closed.history) + 1
    assert reopened.history[-1].text == "Closed → Awaiting (moved by hand; outcome “rejected” cleared)"
    assert reopened.history[-1].data["why"] == "moved by hand"  # what rules and stats read is unchanged
    moved_on = actions.move(reopened, Stage.THANKED, now=WED.add(hours=2))
    assert moved_on.history[-1].text == "Awaiting → Thanked (moved by hand)"  # nothing left to clear


def test_a_follow_up_on_a_closed_card_says_it_too():
    closed = correspondence.close(held_yesterday(), "no-response", now=WED)
    sent = correspondence.record_letter_sent(closed, "follow-up", now=WED.add(hours=1))
    assert sent.history[-1].text == "Closed → Followed up (follow-up #1 sent; outcome “no response” cleared)"


def test_reminders_and_the_calendar_leave_out_a_round_the_card_was_closed_over():
    """Neither a reminder nor a calendar entry for an interview the user withdrew from; an invited-back
    round still gets both."""
    from tui.core.ics import to_ics
    from tui.core.remind import INTERVIEW, due_reminders

    near = WED.add(days=1, hours=3)  # an hour before the Final: a reminder would be due
    closed = correspondence.close(with_final(held_yesterday(), WED), "withdrawn", now=WED)
    assert [r for r in due_reminders([closed], LONDON, near) if r.kind == INTERVIEW] == []
    assert b"Interview: Final" not in to_ics([closed], LONDON, WED)
    invited = with_final(correspondence.close(held_yesterday(), "withdrawn", now=WED), WED)
    assert [r.ref for r in due_reminders([invited], LONDON, near) if r.kind == INTERVIEW] == [invited.rounds[-1].id]
    assert b"Interview: Final" in to_ics([invited], LONDON, WED)


def test_editing_the_time_of_a_round_the_card_was_closed_over_leaves_it_closed():
    """Review N R2: moving the withdrawn-from round into the past through an edit reopened the card."""
    closed = correspondence.close(with_final(held_yesterday(), WED), "withdrawn", now=WED)
    final = closed.rounds[-1]
    edited = actions.update_round(closed, final.id, now=WED, at=WED.subtract(hours=1))
    assert (edited.stage, edited.outcome.value) == (Stage.CLOSED, "withdrawn")
    assert actions.catch_up(edited, FRI).stage is Stage.CLOSED


def test_a_caught_up_round_keeps_its_name_as_written():
    """Review N P3: 'Round “back” took place' for a round named Back (str.capitalize lowered the rest)."""
    app = actions.move(held_yesterday(), Stage.INTERVIEWED, now=WED)
    app = actions.add_round(app, "Back", WED.add(hours=2), [Interviewer("Cy Dee")], now=WED)
    app = actions.move(app, Stage.INTERVIEWED, now=WED.add(minutes=1))  # by hand, so the stage stays
    caught = actions.catch_up(app, FRI)
    assert any("Round “Back” took place" in e.text for e in caught.history), [e.text for e in caught.history]
