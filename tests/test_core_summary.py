"""Card summaries: what a card shows of its application, in plain values."""

from __future__ import annotations

import pendulum

from tui.core import actions
from tui.core.deadlines import deadlines_for
from tui.core.model import Interviewer
from tui.core.settings import Settings
from tui.core.stages import Stage
from tui.core.summary import summarize

SETTINGS = Settings(timezone="Europe/London")
NOW = pendulum.datetime(2026, 11, 25, 10, 30, tz="UTC")


def _interviewed(at, name="Dana"):
    return actions.new_application("Acme", "Engineer", now=at, round_at=at, interviewers=[Interviewer(name=name)])


def test_the_summary_holds_what_a_card_shows():
    app = _interviewed(NOW, "Dana Kim")
    app = actions.close(actions.move(app, Stage.AWAITING, now=NOW), "rejected", now=NOW)
    summary = summarize(app, SETTINGS, NOW)
    assert (summary.app_id, summary.stage, summary.company, summary.role) == (app.id, "closed", "Acme", "Engineer")
    assert summary.closing == "Closed: rejected"


def test_the_summary_keeps_each_deadline_with_its_due_time():
    app = _interviewed(NOW)
    (row,) = summarize(app, SETTINGS, NOW).deadlines
    (deadline,) = deadlines_for(app, SETTINGS, NOW)
    assert row == [deadline.kind.value, NOW.add(hours=24).timestamp(), deadline.action, "Dana", deadline.ref]
