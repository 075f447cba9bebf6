"""The demo data must show every stage and every kind of deadline, whatever day it is run."""

import pendulum
import pytest

from tui.core import deadline_words, deadlines
from tui.core.demo import at_offset, demo_applications
from tui.core.errors import ValidationError
from tui.core.settings import Settings
from tui.core.stages import STAGES

SETTINGS = Settings(timezone="Europe/London")


@pytest.mark.parametrize("day", range(7))  # every weekday, so weekends are covered
def test_demo_has_every_stage_and_overdue_today_and_later(day):
    now = pendulum.datetime(2026, 11, 23 + day, 10, 30, tz="UTC")
    apps = demo_applications(now, SETTINGS.zone)
    assert 10 <= len(apps) <= 15
    assert {a.stage for a in apps} == set(STAGES)
    frame = deadline_words.TimeFrame(now, SETTINGS.zone)
    groups = {frame.group_of(d) for d in deadlines.all_deadlines(apps, SETTINGS, now)}
    assert deadline_words.Group.OVERDUE in groups, "no overdue deadline"
    assert deadline_words.Group.TODAY in groups, "no deadline today"
    assert groups & {deadline_words.Group.WEEK, deadline_words.Group.LATER}, "no future deadline"
    assert any(d.is_quiet for d in deadlines.all_deadlines(apps, SETTINGS, now)), "no quiet period"


def test_demo_round_trips_through_the_serialised_form():
    now = pendulum.datetime(2026, 11, 25, 10, tz="UTC")
    from tui.core.model import Application

    for app in demo_applications(now):
        assert Application.from_dict(app.to_dict()).to_dict() == app.to_dict()


def test_offsets():
    now = pendulum.datetime(2026, 11, 27, 10, tz="UTC")  # a Friday
    assert at_offset("-20h", now) == now.subtract(hours=20)
    assert at_offset("+1bd", now) == pendulum.datetime(2026, 11, 30, 10, tz="UTC")
    assert at_offset("-1d+2h", now) == now.subtract(hours=22)
    with pytest.raises(ValidationError):
        at_offset("yesterday", now)


def test_demo_cards_carry_the_stage_moves_that_brought_them_there():
    """The demo's statistics (days in each stage, the funnel) read these moves."""
    now = pendulum.datetime(2026, 11, 25, 10, 30, tz="UTC")
    for app in demo_applications(now):
        moves = [e for e in app.history if e.kind == "stage"]
        path = ["interviewed"] + [e.data["to"] for e in moves]
        assert path[-1] == app.stage.value, app.company
        assert [e.data["from"] for e in moves] == path[:-1]
        assert all(e.at <= now for e in moves) and [e.at for e in moves] == sorted(e.at for e in moves)
