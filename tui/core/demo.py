"""The demo data set: data/demo.json, with times as offsets from `now`.

Offsets are written like "-20h", "+1d", "-7bd" or "-3bd+4h" (business days
skip weekends), so the demo always has overdue, today and future deadlines.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from importlib import resources

from tui.core import actions
from tui.core.businessdays import add_business_days
from tui.core.errors import ValidationError
from tui.core.model import Application
from tui.core.parts import Contact, Direction, Event, Interviewer, Round
from tui.core.timeutil import UTC, Zone, to_utc

_PART = re.compile(r"([+-])(\d+)(bd|d|h)")
_EARLIEST = datetime.min.replace(tzinfo=timezone.utc)


def at_offset(text: str, now: datetime, zone: Zone = UTC) -> datetime:
    """'-3bd+4h' -> three business days before now, plus four hours."""
    parts = _PART.findall(text.replace(" ", ""))
    if not parts or "".join("".join(p) for p in parts) != text.replace(" ", ""):
        raise ValidationError(f"demo offset {text!r}: write e.g. '-20h', '+1d', '-7bd' or '-3bd+4h'")
    moment = to_utc(now)
    for sign, amount, unit in parts:
        n = int(amount) * (1 if sign == "+" else -1)
        if unit == "bd":
            moment = add_business_days(moment, n, zone)
        elif unit == "d":
            moment = moment + timedelta(days=n)
        else:
            moment = moment + timedelta(hours=n)
    return moment


def _when(value: str | None, now: datetime, zone: Zone) -> datetime | None:
    return at_offset(value, now, zone) if value else None


def demo_applications(now: datetime, zone: Zone = UTC) -> list[Application]:
    raw = json.loads(resources.files("tui.data").joinpath("demo.json").read_text(encoding="utf-8"))
    apps = []
    for item in raw["applications"]:
        rounds = [
            Round(
                name=r["name"],
                at=at_offset(r["at"], now, zone),
                interviewers=[
                    Interviewer(
                        name=i["name"], title=i.get("title", ""), email=i.get("email", ""),
                        topic=i.get("topic", ""), thanked_at=_when(i.get("thanked_at"), now, zone),
                    )
                    for i in r.get("interviewers", [])
                ],
            )
            for r in item.get("rounds", [])
        ]
        first = min((r.at for r in rounds), default=to_utc(now))
        app = actions.new_application(item["company"], item["role"], now=first,
                                      notes=item.get("notes", ""), recruiter=item.get("recruiter", ""))
        app.rounds = rounds
        app.directions = [
            Direction(text=d["text"], kind=d.get("kind", "do-by"), due=_when(d.get("due"), now, zone))
            for d in item.get("directions", [])
        ]
        app.contacts = [
            Contact(at=at_offset(c["at"], now, zone), kind=c["kind"], to=c.get("to", ""),
                    summary=c.get("summary", ""))
            for c in item.get("contacts", [])
        ]
        app.decision_by = _when(item.get("decision_by"), now, zone)
        app.keep_in_touch = _when(item.get("keep_in_touch"), now, zone)
        app.stage = item.get("stage", "interviewed")
        if item.get("outcome"):
            app.outcome = item["outcome"]
            app.outcome_at = _when(item.get("outcome_at"), now, zone)
        app.__post_init__()
        _replay_history(app, to_utc(now))
        app.updated_at = max((e.at for e in app.history if e.at is not None), default=first)
        apps.append(app)
    return apps


def _replay_history(app: Application, now: datetime) -> None:
    """Give the demo cards a believable history: rounds, thanks, letters, stage moves."""
    events = []
    for rnd in app.rounds:
        events.append(Event(rnd.at, "round", f"Round “{rnd.name}”"))
        for person in rnd.interviewers:
            if person.thanked_at:
                events.append(Event(person.thanked_at, "thanked", f"Thanked {person.name}"))
    for contact in app.contacts:
        events.append(Event(contact.at, "letter", f"{contact.kind.capitalize()} to {contact.to}"))
    if app.outcome and app.outcome_at:
        events.append(Event(app.outcome_at, "outcome", f"Outcome: {app.outcome.label}"))
    app.history = sorted(app.history + events + _stage_moves(app, now), key=lambda e: e.at or _EARLIEST)


def _stage_moves(app: Application, now: datetime) -> list[Event]:
    """The moves that brought the card to its stage, at the times its own records suggest.

    Without them the demo's statistics (days in each stage, the funnel) would
    have nothing to show.
    """
    from tui.core.stages import Stage

    latest = app.latest_round
    if latest is None:
        return []
    thanked = [p.thanked_at for p in latest.interviewers if p.thanked_at]
    follow_ups = sorted(c.at for c in app.contacts if c.kind == "follow-up" and c.at >= latest.at)
    steps = [
        (Stage.THANKED, max(thanked) if thanked else latest.at + timedelta(hours=20), "every interviewer thanked"),
        (Stage.AWAITING, (max(thanked) if thanked else latest.at) + timedelta(hours=26), "nothing left on our side"),
        (Stage.FOLLOWED_UP, follow_ups[0] if follow_ups else None, "follow-up #1 sent"),
        (Stage.CLOSED, app.outcome_at, app.outcome.label if app.outcome else ""),
    ]
    moves, before, last = [], Stage.INTERVIEWED, latest.at
    for stage, moment, why in steps:
        if stage.index > app.stage.index or moment is None:
            continue
        if stage is not app.stage and stage is Stage.CLOSED:
            continue
        moment = min(max(moment, last + timedelta(minutes=1)), now)
        moves.append(Event(moment, "stage", f"{before.label} → {stage.label} ({why})",
                           {"from": before.value, "to": stage.value, "why": why}))
        before, last = stage, moment
    return moves
