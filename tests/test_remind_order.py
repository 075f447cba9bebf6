"""Reminders come in the one order of deadlines (deadlines.deadline_order), not by their text: by text,
Amy Lee (Beta) came before Zed Young (Acme), the opposite of `followup due` (review R1 #4)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tui.core import actions
from tui.core.deadlines import all_deadlines
from tui.core.parts import Interviewer
from tui.core.remind import due_reminders
from tui.core.settings import Settings

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)  # Tuesday
SETTINGS = Settings(timezone="UTC")


def card(company: str, person: str):
    return actions.new_application(company, "Dev", now=NOW - timedelta(hours=23), round_at=NOW - timedelta(hours=23),
                                   interviewers=[Interviewer(name=person)])


def test_reminders_due_at_once_come_in_the_order_due_lists_them():
    apps = [card("Beta", "Amy Lee"), card("Acme", "Zed Young")]
    reminders = due_reminders(apps, SETTINGS, NOW)
    assert [r.text.split(" — ")[0] for r in reminders] == ["Thank Zed Young (Acme)", "Thank Amy Lee (Beta)"]
    assert [(r.app_id, r.ref) for r in reminders] == [(d.app_id, d.ref) for d in all_deadlines(apps, SETTINGS, NOW)]


def test_a_rounds_reminder_takes_its_place_by_company_too():
    """A thank-you at Acme and an interview at Beta at the same time: Acme's first, as in `due` (by
    text, "Interview at Beta" came first)."""
    beta = actions.new_application("Beta", "Dev", now=NOW, round_at=NOW + timedelta(hours=1))
    acme = card("Acme", "Zed Young")
    [thanks] = [r for r in due_reminders([acme], SETTINGS, NOW)]
    beta.rounds[0].at = thanks.due
    reminders = due_reminders([beta, acme], SETTINGS, NOW)
    assert [r.app_id for r in reminders] == [acme.id, beta.id]
