"""The calendar warns of an upcoming interview as `followup remind` does, and names it once (review W 5)."""

from __future__ import annotations

import pendulum
from icalendar import Calendar

from tui.core import actions
from tui.core.ics import to_ics
from tui.core.parts import Interviewer
from tui.core.settings import Settings

NOW = pendulum.datetime(2026, 11, 28, 6, 50, tz="UTC")
KOLKATA = Settings(timezone="Asia/Kolkata", remind_before="1d")


def interviews(*names: str) -> dict[str, Calendar]:
    """The interview events of cards each with one upcoming round named as given, by summary."""
    apps = [actions.new_application(f"Up{n}", "Dev", now=NOW, round_at=NOW.add(days=1), round_name=name,
                                    interviewers=[Interviewer("Ravi Rao")]) for n, name in enumerate(names)]
    events = Calendar.from_ical(to_ics(apps, KOLKATA, NOW)).walk("VEVENT")
    return {str(e["summary"]): e for e in events if str(e["categories"].cats[1]) == "interview"}


def test_an_upcoming_interview_has_the_alarm_every_deadline_has():
    (event,) = interviews("Interview").values()
    (alarm,) = event.subcomponents
    assert alarm.name == "VALARM" and alarm.decoded("trigger") == -pendulum.duration(days=1)


def test_the_default_round_name_is_not_said_twice():
    assert set(interviews("Interview", "Onsite")) == {"Interview — Up0", "Interview: Onsite — Up1"}
