"""The calendar export: deadlines with alarms, quiet periods and upcoming rounds, as iCalendar.

What a calendar should hold so that the user need not open Followup: each
deadline as a short event at the time the rules placed it, with an alarm
`remind_before` ahead (the same lead as the reminders); each quiet period ("don't
contact them before the 10th") as all-day events that say so; each upcoming
interview round as an event, with the same alarm (`followup remind` warns of it
too). Text is cleaned of control characters, so no calendar can be handed an
escape sequence from the data.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from tui.core.deadlines import DeadlineKind, all_deadlines, upcoming_rounds
from tui.core.model import Application
from tui.core.settings import Settings
from tui.core.stages import DirectionKind, own_round_name
from tui.core.text import clean_text
from tui.core.timefmt import DAY_TIME, at
from tui.core.timeutil import Zone, local, to_utc

DEADLINE_MINUTES = 15
ROUND_MINUTES = 60


def _text(value: str) -> str:
    """Printable text on one line (icalendar escapes the rest), safe for a strict encoder."""
    return clean_text(value.replace("\r", " ").replace("\n", " ")).encode("utf-8", "backslashreplace").decode("utf-8")


def _quiet_start(app: Application, direction_id: str, now: datetime) -> datetime:
    """When the quiet period began: when it was recorded (its history line), else now."""
    for event in app.history:
        if event.data.get("direction") == direction_id and event.at is not None:
            return event.at
    return to_utc(now)


def _day_after_quiet(until: datetime, zone: Zone, work_start: time) -> date:
    """The all-day event's end (exclusive): the day after the last day on which contact is barred. A
    period that ends after that day's working hours begin bars the day too ("not before 15:00" leaves
    the morning closed, and a calendar showing the day free would invite the call); one that ends by
    the start of work ("not before Thu", read as Thu 09:00) leaves that day free, as the user meant."""
    end = local(until, zone)
    barred_that_day = (end.hour, end.minute, end.second, end.microsecond) > (work_start.hour, work_start.minute,
                                                                            work_start.second, 0)
    return end.date() + timedelta(days=1) if barred_that_day else end.date()


def _round_summary(name: str, company: str) -> str:
    """'Interview — Acme', or 'Interview: Onsite — Acme' for a round with a name of its own: never a
    plain name said twice ("Interview: interview — Acme")."""
    own = own_round_name(name)
    return f"Interview: {own} — {company}" if own else f"Interview — {company}"


def to_ics(apps: list[Application], settings: Settings, now: datetime) -> bytes:
    from icalendar import Alarm, Calendar
    from icalendar import Event as CalendarEvent

    from tui import __version__

    now = to_utc(now)
    zone = settings.zone
    by_id = {app.id: app for app in apps}
    calendar = Calendar()
    calendar.add("prodid", f"-//Followup//followup {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Followup deadlines")

    def event(uid: str, summary: str, description: str, categories: list[str]) -> CalendarEvent:
        item = CalendarEvent()
        item.add("uid", f"{uid}@followup")
        item.add("dtstamp", now)
        item.add("summary", _text(summary))
        item.add("description", _text(description))
        item.add("categories", [_text(c) for c in categories])
        calendar.add_component(item)
        return item

    def warn(item: CalendarEvent, text: str) -> None:
        """The alarm `remind_before` ahead: every event but a quiet period's, as `followup remind` warns."""
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", _text(text))
        alarm.add("trigger", -settings.remind_lead)
        item.add_component(alarm)

    for deadline in all_deadlines(apps, settings, now):
        if deadline.is_quiet or deadline.kind is DeadlineKind.INTERVIEW:  # both drawn as periods below
            continue
        app = by_id[deadline.app_id]
        item = event(f"{deadline.app_id}-{deadline.kind.value}-{deadline.ref or 'main'}", deadline.action,
                     f"{app.company} — {app.role} ({app.stage.label}). In Followup: id {app.short_id}.",
                     ["Followup", deadline.kind.value])
        item.add("dtstart", deadline.due)
        item.add("duration", timedelta(minutes=DEADLINE_MINUTES))
        warn(item, deadline.action)

    for app in sorted(apps, key=lambda a: (a.company.lower(), a.id)):
        for direction in app.directions:
            if direction.kind is not DirectionKind.NOT_BEFORE or not direction.is_open or direction.due is None:
                continue
            if direction.due <= now:
                continue
            first: date = local(_quiet_start(app, direction.id, now), zone).date()
            end_day: date = _day_after_quiet(direction.due, zone, settings.work_window[0])
            end_day = max(end_day, first + timedelta(days=1))  # never a zero-length event
            item = event(f"{app.id}-quiet-{direction.id}", f"Don't contact {app.company}",
                         f"Quiet period: {direction.text}. Don't contact {app.company} before "
                         f"{at(direction.due, zone, DAY_TIME)}. In Followup: id {app.short_id}.",
                         ["Followup", "quiet"])
            item.add("dtstart", first)
            item.add("dtend", end_day)
            item.add("transp", "TRANSPARENT")
        for rnd in upcoming_rounds(app, now):  # not those a closed card was closed over
            people = ", ".join(person.name for person in rnd.interviewers)
            summary = _round_summary(rnd.name, app.company)
            item = event(f"{app.id}-round-{rnd.id}", summary,
                         f"{app.company} — {app.role}" + (f", with {people}" if people else "")
                         + f". In Followup: id {app.short_id}.", ["Followup", "interview"])
            item.add("dtstart", rnd.at)
            item.add("duration", timedelta(minutes=ROUND_MINUTES))
            warn(item, summary)
    ical: bytes = calendar.to_ical()
    return ical
