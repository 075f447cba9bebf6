"""The rules a round's people follow: one person sits once in a round, and a thank-you goes out after it.

They judge what a change ADDS or CHANGES (a new card, a new round, a round edited, a person thanked),
never a record as it is read: a file written before a rule existed (a person listed twice, a note dated
before its round) still opens, exports and imports again, and an edit of one person of such a round is
not refused over another person's old record (review T #9). `Round.__post_init__` checks fields only.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from tui.core.errors import ValidationError
from tui.core.parts import Interviewer, Round
from tui.core.stages import round_phrase
from tui.core.timefmt import show_time
from tui.core.timeutil import UTC, Zone, local, to_utc
from tui.core.when import Reading, parse_when, typed_a_day_alone

if TYPE_CHECKING:
    from tui.core.model import Application


def name_key(name: str) -> str:
    """One person's name as the rules compare it: no case, spaces folded ("ann  LEE" is Ann Lee).
    Two people sharing one address (a team inbox) are two people; only the name tells (review T #4)."""
    return " ".join(name.split()).casefold()


def check_once_each(rnd: Round, only: set[str] | None = None) -> None:
    """One person sits once in a round: the same name twice would owe two thank-you notes, with two
    deadlines of one name and two reminders (review R #9). `only`: the ids of the people a change adds
    or renames, the ones judged (None: everyone, for a round made whole)."""
    seen: dict[str, Interviewer] = {}
    for person in rnd.interviewers:
        first = seen.setdefault(name_key(person.name), person)
        if first is person or (only is not None and person.id not in only and first.id not in only):
            continue
        if only is not None:  # one person added or renamed to someone already there
            raise ValidationError(f"{first.name} is already in round “{rnd.name}”: change their details "
                                  "there rather than adding them again")
        same = "" if first.name == person.name else f" (as {first.name})"
        raise ValidationError(f"round “{rnd.name}” lists {person.name} twice{same}: list each person once")


def check_thanked_at(rnd: Round, at: datetime, *, zone: Zone = UTC, now: datetime | None = None) -> None:
    """A thank-you goes out after the round it thanks for: one dated before it (or for a round still to
    come) is refused, naming the round's time and how to give a later one. Every path that sets
    `thanked_at` comes through here: `set_thanked` (the board's space, `interviewer --thanked`, a letter
    marked sent) and `update_round`."""
    if to_utc(at) < rnd.at:
        held = show_time(rnd.at, zone, now)
        said = f"{show_time(at, zone, now)} is before {round_phrase(rnd.name)} it thanks for ({held})"
        if now is not None and rnd.at > to_utc(now):  # no time would do yet
            raise ValidationError(f"{said}: that round has not taken place yet; thank them once it has")
        raise ValidationError(f"{said}: a thank-you goes out after the round; give the time it went, "
                              f"e.g. {_example_after(rnd, zone, now)!r}")


def _example_after(rnd: Round, zone: Zone, now: datetime | None) -> str:
    """A time after the round, as a person would type it: "yesterday 16:00", "today 16:00", or a date."""
    after = local(rnd.at + timedelta(hours=2), zone).replace(minute=0)
    clock = f"{after.hour:02d}:00"
    if now is not None:
        days = (local(now, zone).date() - after.date()).days
        if days in (0, 1):
            return f"{('today', 'yesterday')[days]} {clock}"
    return f"{after.date().isoformat()} {clock}"


def read_thanked_at(text: str, rnd: Round, *, now: datetime, zone: Zone) -> datetime:
    """When a thank-you for `rnd` went out, as the user typed it (`interviewer --thanked`, a letter's
    "sent at"), in UTC. A day typed without a time reads as 09:00; on the round's own day that is
    before a round held later that morning, yet "I thanked them yesterday" means after it: such a day
    reads as the round's time (never after now). A time the user gave is theirs, and is judged as typed."""
    here = local(now, zone)
    at: datetime = parse_when(text, here, zone, reading=Reading.PAST)
    if at < rnd.at and typed_a_day_alone(text, here, zone, reading=Reading.PAST) \
            and local(at, zone).date() == local(rnd.at, zone).date():
        at = min(rnd.at, to_utc(now))
    return to_utc(at)


def check_new_round(rnd: Round, *, zone: Zone = UTC, now: datetime | None = None) -> None:
    """A round made whole by a change (a new card's round, `add_round`): every person and note judged."""
    check_once_each(rnd)
    for person in rnd.interviewers:
        if person.thanked_at is not None:
            check_thanked_at(rnd, person.thanked_at, zone=zone, now=now)


def check_time_free(app: Application, at: datetime, *, zone: Zone = UTC, now: datetime | None = None) -> None:
    """A new round at the very time of one the card has is that round: two at one time left the second's
    people owed no thank-you (the latest round is picked by time, review X2 #1). Its people join it."""
    ordered = app.rounds_in_time_order  # numbered as `--round N` and the detail list number them
    found = next(((n, r) for n, r in enumerate(ordered, start=1) if r.at == to_utc(at)), None)
    if found is not None:
        number, rnd = found
        raise ValidationError(f"round {number} “{rnd.name}” is already at {show_time(rnd.at, zone, now)}: "
                              f"add the people to it instead (followup interviewer ID NAME --round {number}, "
                              "or p in its row of the detail screen)")


def check_round_edit(before: Round, after: Round, *, zone: Zone = UTC, now: datetime | None = None) -> None:
    """A round edited: the people it adds or renames, and the notes it adds or re-dates, are judged;
    every note when the round's time moves. What it leaves as it was is not (an old record stays)."""
    was = {person.id: person for person in before.interviewers}
    moved = after.at != before.at
    renamed = {p.id for p in after.interviewers if p.id not in was or name_key(was[p.id].name) != name_key(p.name)}
    check_once_each(after, renamed)
    for person in after.interviewers:
        old = was.get(person.id)
        redated = old is None or old.thanked_at != person.thanked_at
        if person.thanked_at is not None and (moved or redated):
            check_thanked_at(after, person.thanked_at, zone=zone, now=now)
