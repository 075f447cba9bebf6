"""Removing a round takes back the move its time made (review T1 1): a round recorded by mistake moved an
*awaiting* card to *interviewed*, and removing it left the card there with no thank-you owed."""

from __future__ import annotations

import pendulum

from tui.core import actions, correspondence
from tui.core.parts import Interviewer
from tui.core.stages import Outcome, Stage

DAY_ONE = pendulum.datetime(2026, 10, 19, 13, 0, tz="UTC")
NOW = pendulum.datetime(2026, 10, 27, 11, 0, tz="UTC")


def awaiting_card():
    app = actions.new_application("Acme", "SRE", now=DAY_ONE, round_at=DAY_ONE, interviewers=[Interviewer("Dana Kim")])
    app = actions.set_thanked(app, app.rounds[0].interviewers[0].id, now=DAY_ONE.add(hours=3))
    app = correspondence.record_reply(app, now=NOW.subtract(hours=1), at=NOW.subtract(hours=1))
    assert app.stage is Stage.AWAITING
    return app


def test_removing_the_round_that_moved_the_card_moves_it_back():
    app = awaiting_card()
    mistaken = actions.add_round(app, "Final", NOW.subtract(days=5), now=NOW, interviewers=[Interviewer("Zoe Ng")])
    assert mistaken.stage is Stage.INTERVIEWED
    removed = actions.remove_round(mistaken, mistaken.rounds[-1].id, now=NOW.add(minutes=1))
    assert removed.stage is Stage.AWAITING
    assert [e.text for e in removed.history[-2:]] == ["Interviewed → Awaiting (round “Final” removed)",
                                                      "Removed round “Final”"]


def test_a_card_moved_since_the_round_stays_where_it_was_moved():
    app = awaiting_card()
    app = actions.add_round(app, "Final", NOW.subtract(days=5), now=NOW, interviewers=[Interviewer("Zoe Ng")])
    moved = actions.move(app, Stage.FOLLOWED_UP, now=NOW.add(minutes=1))
    removed = actions.remove_round(moved, moved.rounds[-1].id, now=NOW.add(minutes=2))
    assert removed.stage is Stage.FOLLOWED_UP


def test_a_card_the_round_reopened_stays_open():
    app = awaiting_card()
    app = correspondence.close(app, Outcome.REJECTED, now=NOW.subtract(minutes=30))
    reopened = actions.add_round(app, "Final", NOW.subtract(days=5), now=NOW, interviewers=[Interviewer("Zoe Ng")])
    assert reopened.stage is Stage.INTERVIEWED
    removed = actions.remove_round(reopened, reopened.rounds[-1].id, now=NOW.add(minutes=1))
    assert removed.stage is Stage.INTERVIEWED  # its outcome is not kept to give back
