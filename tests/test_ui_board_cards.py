"""What a card says about its next deadline, in the few cells a column gives it."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tui.core import actions, snoozing
from tui.core.deadlines import deadlines_for
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.ui.board.cards import card_texts, card_view
from tui.ui.board.timeframe import TimeFrame
from tui.ui.sidebar.sidebar import make_entry

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc)
SETTINGS = Settings(timezone="Europe/London")


def card_lines(app):
    frame = TimeFrame(NOW, SETTINGS.zone)
    entries = [make_entry(d) for d in deadlines_for(app, SETTINGS, NOW)]
    return card_texts(card_view(app, entries, frame), frame)


def test_a_snoozed_card_says_so_first_where_a_narrow_column_cannot_cut_it():
    app = actions.new_application("Northwind Health", "Platform Engineer", now=NOW - timedelta(hours=30),
                                  round_at=NOW - timedelta(hours=30),
                                  interviewers=[Interviewer(name="Priya Natarajan")])
    (thank,) = deadlines_for(app, SETTINGS, NOW)
    snoozed = snoozing.snooze_deadline(app, thank, NOW + timedelta(hours=2), now=NOW, reason="away")
    action = card_lines(snoozed)[2]
    assert action.startswith("snoozed · Thank Priya Natarajan")
    assert action[:15].startswith("snoozed")  # what a 15-cell card keeps
    assert not card_lines(app)[2].startswith("snoozed")
