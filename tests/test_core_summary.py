"""Card summaries: what the start-up index keeps must give the deadlines the rules give, at any later time."""

from __future__ import annotations

import json

import pendulum
import pytest

from tui.core import actions
from tui.core.deadlines import DeadlineKind, deadlines_for
from tui.core.demo import demo_applications
from tui.core.model import Interviewer
from tui.core.settings import Settings
from tui.core.stages import DirectionKind, Stage
from tui.core.summary import Summary, from_plain, rules_key, summarize, summary_deadlines

SETTINGS = Settings(timezone="Europe/London")
NOW = pendulum.datetime(2026, 11, 25, 10, 30, tz="UTC")


def _interviewed(at, name="Dana"):
    return actions.new_application("Acme", "Engineer", now=at, round_at=at, interviewers=[Interviewer(name=name)])


def _round_trip(summary: Summary) -> Summary:
    """Through JSON and back, as the index file does."""
    return from_plain(json.loads(json.dumps(list(summary))))


@pytest.mark.parametrize("later", [pendulum.duration(), pendulum.duration(hours=5), pendulum.duration(days=3),
                                   pendulum.duration(days=40)])
def test_a_stored_summary_gives_the_rules_deadlines_at_a_later_time(later):
    """Made at NOW, read back at NOW + later: the same deadlines as working them out then."""
    apps = demo_applications(NOW, SETTINGS.zone)
    then = NOW + later
    for app in apps:
        stored = _round_trip(summarize(app, SETTINGS, NOW))
        assert stored is not None
        assert summary_deadlines(stored, then.timestamp()) == deadlines_for(app, SETTINGS, then), app.company


def test_a_quiet_period_that_ends_is_dropped_and_a_running_one_kept():
    app = _interviewed(NOW.subtract(days=1))
    app = actions.add_direction(app, "Wait for the panel", DirectionKind.NOT_BEFORE, NOW.add(days=2), now=NOW)
    stored = _round_trip(summarize(app, SETTINGS, NOW))
    kinds = [d.kind for d in summary_deadlines(stored, NOW.timestamp())]
    assert DeadlineKind.QUIET in kinds
    kinds = [d.kind for d in summary_deadlines(stored, NOW.add(days=3).timestamp())]
    assert DeadlineKind.QUIET not in kinds


def test_overdue_is_judged_when_read_not_when_made():
    app = _interviewed(NOW)
    stored = summarize(app, SETTINGS, NOW)
    (fresh,) = summary_deadlines(stored, NOW.timestamp())
    (late,) = summary_deadlines(stored, NOW.add(days=2).timestamp())
    assert not fresh.overdue and late.overdue
    assert late.due == fresh.due == NOW.add(hours=24)


def test_the_summary_holds_what_a_card_shows():
    app = _interviewed(NOW, "Dana Kim")
    app = actions.close(actions.move(app, Stage.AWAITING, now=NOW), "rejected", now=NOW)
    summary = summarize(app, SETTINGS, NOW)
    assert (summary.app_id, summary.stage, summary.company, summary.role) == (app.id, "closed", "Acme", "Engineer")
    assert summary.closing == "Closed: rejected"


def test_rules_key_follows_every_setting_that_shapes_deadlines():
    base = rules_key(SETTINGS)
    assert rules_key(Settings(timezone="Europe/London")) == base
    for changed in (Settings(timezone="America/New_York"), Settings(timezone="Europe/London", thank_you_hours=12),
                    Settings(timezone="Europe/London", follow_up_business_days=3),
                    Settings(timezone="Europe/London", use_thank_you=False),
                    Settings(timezone="Europe/London", follow_up_limit=4),
                    Settings(timezone="Europe/London", reply_hours=24)):
        assert rules_key(changed) != base, changed
    assert rules_key(Settings(timezone="Europe/London", theme="nord")) == base  # looks, not rules


@pytest.mark.parametrize("row", [
    None, "text", [], ["id"] * 7,
    ["id", "nowhere", "Acme", "Eng", 1, 0, "", []],  # unknown stage
    [1, "awaiting", "Acme", "Eng", 1, 0, "", []],  # id not text
    ["id", "awaiting", "Acme", "Eng", 1, 0, "", [["follow-up", "soon", "x", "", ""]]],  # time not a number
    ["id", "awaiting", "Acme", "Eng", 1, 0, "", [["lunch", 1.0, "x", "", ""]]],  # unknown kind
    ["id", "awaiting", "Acme", "Eng", 1, 0, "", [["follow-up", 1.0]]],  # short
    ["id", "awaiting", 7, "Eng", 1, 0, "", []],  # company not text
    ["id", ["awaiting"], "Acme", "Eng", 1, 0, "", []],  # stage not text (and not hashable)
    ["id", "awaiting", "Acme", "Eng", "1", 0, "", []],  # revision not a number
    ["id", "awaiting", "Acme", "Eng", 1, 0, None, []],  # closing text missing
    ["id", "awaiting", "Acme", "Eng", 1, 0, "", [["follow-up", float("nan"), "x", "", ""]]],  # no time at all
    ["id", "awaiting", "Acme", "Eng", 1, 0, "", [[["follow-up"], 1.0, "x", "", ""]]],  # kind not text
    ["id", "awaiting", "Acme", "Eng", 1, 0, "", [["follow-up", 1.0, None, "", ""]]],  # action missing
])
def test_a_row_that_is_not_a_summary_is_refused(row):
    assert from_plain(row) is None
