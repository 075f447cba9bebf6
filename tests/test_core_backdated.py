"""A fact typed in after it happened (a note sent this morning, a reply yesterday, an outcome on Monday)
is logged at the time it happened, in time order; `updated_at` is when the record changed."""

from __future__ import annotations

import pendulum
from hypothesis import given
from hypothesis import strategies as st

from tui.core import actions, correspondence
from tui.core.parts import Interviewer
from tui.core.stages import Stage

NOW = pendulum.datetime(2026, 11, 27, 14, 0, tz="UTC")
ROUND = NOW.subtract(days=1, hours=4)  # yesterday 10:00


CREATED = NOW.add(minutes=13)  # typed in after the 14:00 notes were sent


def card(created=CREATED):
    return actions.new_application("Late", "Dev", now=created, round_at=ROUND,
                                   interviewers=[Interviewer("Ann", email="ann@x.io"), Interviewer("Bob")])


def in_order(app):
    times = [e.at for e in app.history]
    return times == sorted(times)


def test_a_thank_you_marked_later_is_logged_when_it_was_sent():
    app = card()
    thanked = actions.set_thanked(app, "Bob", now=NOW.add(minutes=20), at=NOW.subtract(hours=3))
    line = next(e for e in thanked.history if e.text == "Thanked Bob")
    assert line.at == NOW.subtract(hours=3) and in_order(thanked)
    assert thanked.updated_at == NOW.add(minutes=20) >= thanked.created_at


def test_a_letter_marked_sent_later_logs_its_contact_and_move_when_it_went_out():
    app = actions.set_thanked(card(), "Bob", now=NOW.add(minutes=20), at=NOW.subtract(hours=3))
    sent = correspondence.record_letter_sent(app, "thank-you", interviewer_id="Ann", now=NOW.add(minutes=30),
                                      at=NOW.subtract(hours=2))
    assert sent.stage is Stage.THANKED and in_order(sent)
    assert sent.updated_at == NOW.add(minutes=30)  # never before created_at (14:13), as 'show' prints it
    assert sent.contacts[-1].at == NOW.subtract(hours=2)
    back = [(e.kind, e.at) for e in sent.history if e.at == NOW.subtract(hours=2)]
    assert back == [("thanked", NOW.subtract(hours=2)), ("stage", NOW.subtract(hours=2)),
                    ("letter", NOW.subtract(hours=2))]


def test_a_move_is_never_logged_before_the_cards_latest_stage_line():
    """Moved by hand to interviewed at 13:00, then a note dated 11:00: the stay in interviewed cannot end
    before it began, so the move to thanked is logged at 13:00."""
    app = actions.move(card(created=NOW.subtract(hours=5)), Stage.AWAITING, now=NOW.subtract(hours=2))
    app = actions.move(app, Stage.INTERVIEWED, now=NOW.subtract(hours=1))
    app = actions.set_thanked(app, "Ann", now=NOW, at=NOW.subtract(hours=3))
    app = actions.set_thanked(app, "Bob", now=NOW, at=NOW.subtract(hours=3))
    moves = [(e.data["to"], e.at) for e in app.history if e.kind == "stage"]
    assert moves[-1] == ("thanked", NOW.subtract(hours=1)) and in_order(app)


def test_a_reply_and_an_outcome_are_logged_when_they_came():
    app = correspondence.record_reply(card(), now=NOW, at=NOW.subtract(hours=2), via="call")
    app = correspondence.close(app, "rejected", now=NOW.add(hours=1), at=NOW.subtract(hours=1))
    kinds = {e.kind: e.at for e in app.history}
    assert kinds["reply"] == NOW.subtract(hours=2) and kinds["outcome"] == NOW.subtract(hours=1)
    assert in_order(app) and app.updated_at == NOW.add(hours=1)


STEPS = st.lists(st.tuples(st.sampled_from(["thank", "unthank", "letter", "follow-up", "reply", "close", "move"]),
                           st.integers(0, 30 * 60), st.integers(0, 26 * 60)), max_size=10)


@given(STEPS)
def test_whatever_is_back_dated_the_history_stays_in_time_order(steps):
    """Each step happens `minutes` after the last and is dated up to `back` minutes (not before the round)."""
    app = card(created=ROUND.add(hours=1))
    now = ROUND.add(hours=1)
    for step, minutes, back in steps:
        now = now.add(minutes=minutes)
        at = max(ROUND, now.subtract(minutes=back))
        if step == "thank":
            thanked_already = app.find_interviewer("Ann")[1].thanked_at
            before, app = app, actions.set_thanked(app, "Ann", now=now, at=at)
            if thanked_already is not None and at >= thanked_already:  # the earliest note's time stands
                assert app is before
                continue
            assert app.find_interviewer("Ann")[1].thanked_at == at  # the first, or one back-dated before it
        elif step == "unthank":
            app = actions.set_thanked(app, "Ann", False, now=now)
        elif step == "letter":
            app = correspondence.record_letter_sent(app, "thank-you", interviewer_id="Bob", now=now, at=at)
        elif step == "follow-up":
            app = correspondence.record_letter_sent(app, "follow-up", now=now, at=at)
        elif step == "reply":
            app = correspondence.record_reply(app, now=now, at=at)
        elif step == "close":
            app = correspondence.close(app, "rejected", now=now, at=at)
        else:
            app = actions.move(app, Stage.AWAITING, now=now)
        assert in_order(app)
        assert app.updated_at == now >= app.created_at
