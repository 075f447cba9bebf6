"""Which card here an imported record or row is: by company and role when it has no id (folded: case,
accents and spacing do not matter), told apart by a round they share or the round's day a sheet gives, and
when it is a second process rather than the same one. `followup add` and the board's new-card form ask the
same question of a card about to be added (added_before). Kept apart from planning the import
(tui/core/importing.py), which applies what it finds.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tui.core.errors import ValidationError
from tui.core.exchange import export_time
from tui.core.import_read import JSON_FILE, Incoming
from tui.core.model import Application
from tui.core.settings import Settings
from tui.core.stages import Stage
from tui.core.text import folded
from tui.core.timefmt import show_time
from tui.core.timeutil import to_utc


def job_key(text: str) -> str:
    """A company or role as a person types it: no case, no accents, spaces as one (text.folded)."""
    return folded(" ".join(text.split()))


def same_job(cards: list[Application], company: str, role: str) -> list[Application]:
    """The cards of `company` and `role`, however the case, accents and spaces are typed: the one rule of
    "never added twice", for an imported row (which_card, through jobs_of) and for `followup add` (`added_before`)."""
    key = (job_key(company), job_key(role))
    return [a for a in cards if (job_key(a.company), job_key(a.role)) == key]


def jobs_of(cards: list[Application]) -> dict[tuple[str, str], list[Application]]:
    """The cards by job (same_job's key), worked out once for an import: asked for every row, same_job
    folded every card's company and role again."""
    jobs: dict[tuple[str, str], list[Application]] = {}
    for card in cards:
        jobs.setdefault((job_key(card.company), job_key(card.role)), []).append(card)
    return jobs


def added_before(cards: list[Application], company: str, role: str, *round_ats: datetime) -> Application | None:
    """The open card of `company` and `role` that already has a round at one of `round_ats`, else None.

    `followup add` run twice (a cron job's retry) would make a second card with the same deadlines;
    a second process at the same company (another round time, or the old card closed) is a new card.
    An import asks it of a record's every round (the same card added on two machines)."""
    times = {to_utc(at) for at in round_ats}  # the rounds' times first: folding every name (same_job) is dear
    held_then = [a for a in cards if a.stage is not Stage.CLOSED and any(r.at in times for r in a.rounds)]
    return next(iter(same_job(held_then, company, role)), None)


def added_before_words(there: Application, round_at: datetime, settings: Settings, now: datetime) -> str:
    """Why a card is not added again (`added_before` found `there`): 'a1b2c3d4 Acme — Dev already has a
    round at Sat 28 Nov 06:00; nothing added', said alike by `followup add` and the board's new-card form
    (review X2 5); each adds how it makes another round, which is its own."""
    return (f"{there.short_id} {there.company} — {there.role} already has a round at "
            f"{show_time(round_at, settings.zone, now)}; nothing added")


def _sharing_a_round(item: Incoming, same: list[Application]) -> Application | None:
    """The one card of the record's job with a round at a time the record also has: the same process,
    exported and edited. A record whose rounds are none of theirs is another process (a second try at the
    company, or one from another file), added as its own card rather than left as 'changed here'. A record
    without rounds cannot be told apart by them: it is the one card of its job without rounds either, so
    importing it twice never adds it twice (review R9 2)."""
    times = {r.get("at") for r in (item.data or {}).get("rounds", ()) if isinstance(r, dict)}
    if not times:
        sharing = [a for a in same if not a.rounds]
    else:
        sharing = [a for a in same if any(export_time(r.at) in times for r in a.rounds)]  # as record() writes
    return _one(item, sharing) if sharing else None


def which_card(item: Incoming, jobs: dict[tuple[str, str], list[Application]], by_id: dict[str, Application],
               settings: Settings,
           now: datetime) -> tuple[Application | None, str]:
    """The card here a row is, and, when it is none though cards of its company and role are here,
    why it is a second process ('' otherwise).

    A hand-made row is the card of its company and role whose round falls on the row's day; else the
    OPEN one (a round_at that is none of its rounds is then refused: a sheet re-imported after a round
    column was added, or after its last_round was moved on, never adds the card twice); else, when all
    of them are closed, a row whose round is later than every one of theirs is a new process after the
    old one ended, added and said so; without a round it is the closed card, and with an earlier round
    it is refused."""
    key = item.key or str((item.data or {}).get("id") or "")
    if key:
        return by_id.get(key), ""
    same = jobs.get((job_key(item.company), job_key(item.role)), [])  # same_job, for this row
    if not same:
        return None, ""
    if item.source is JSON_FILE:  # a whole record without an id: the card of its job that shares a round
        return _sharing_a_round(item, same), ""  # with it; none, a process of its own (review R7 2)
    if item.round_span is not None:  # the sheet gives a round's day: it tells the processes apart
        on_the_day = _on_the_day(same, item.round_span)
        if on_the_day:
            return _one(item, on_the_day), ""
    open_cards = [a for a in same if a.stage is not Stage.CLOSED]
    if item.round is None:
        if len(same) == 1:
            return same[0], ""
        # several processes and no round to tell them apart: the one of them in the row's state (a closed
        # row, the closed one), so a sheet listing both comes back unchanged and never closes the new one
        closed_row = (item.columns.get("stage") or "").strip().lower() == Stage.CLOSED.value
        alike = [a for a in same if (a.stage is Stage.CLOSED) == closed_row]
        return _one(item, alike if len(alike) == 1 else same), ""
    if open_cards:
        return _one(item, open_cards), ""
    ended, what = max(_ended(a) for a in same)
    ids = ", ".join(a.short_id for a in same)
    if item.round.at > ended:
        earlier = f"the earlier one ({ids}) is" if len(same) == 1 else f"the earlier ones ({ids}) are"
        return None, f"a second {item.company} — {item.role}, as {earlier} closed"
    column, cell, _day = item.round_given
    raise ValidationError(f"{column} {cell!r} is not a round of {item.company} — {item.role} ({ids}, closed): "
                          "a row adds a new process at the same company and role only after the closed one "
                          f"ended ({what}, {show_time(ended, settings.zone, now)}); to record an earlier "
                          f"process, add it with 'followup add', or put back what the cell said")


def _one(item: Incoming, cards: list[Application]) -> Application:
    if len(cards) > 1:
        ids = ", ".join(a.short_id for a in cards)
        raise ValidationError(f"{item.company} — {item.role} matches several applications ({ids}); give "
                              "the row its first round's day (a round_at column) or the card's id to say which")
    return cards[0]


def _ended(card: Application) -> tuple[datetime, str]:
    """When a closed process was last under way, and what that was: its latest round; without rounds,
    when it was closed (the import's time for a card a sheet made closed), so a round column added to
    that sheet later never reads as a new process."""
    if card.rounds:
        return max(r.at for r in card.rounds), "its last round"
    closed = card.outcome_at or card.created_at or card.updated_at or datetime.min.replace(tzinfo=timezone.utc)
    return closed, "closed"


def _on_the_day(cards: list[Application], span: tuple[datetime, datetime]) -> list[Application]:
    """The cards whose first round falls on the row's day (`span`, that day in the row's zone): a second
    process at the same company and role is another card, told apart by it (PRODUCT). When none does,
    those with any round that day (a sheet's last_round, as export writes it, names the latest round);
    else none, and the row is matched by the rule in `_match`."""
    start, end = span
    first = [a for a in cards if a.rounds and start <= min(r.at for r in a.rounds) <= end]
    return first or [a for a in cards if any(start <= r.at <= end for r in a.rounds)]


def check_round_given(item: Incoming, existing: Application | None) -> None:
    """A round_at (or a hand-made last_round) makes the first round of a NEW card; on a row that is a
    card already (its data cell, or the card here it matches) it must name one of that card's rounds
    (a hand-made row's on its day, as it is matched by it; an exported row's at its time, or on its
    day for a date alone), so a sheet imports again unchanged. Any other time was silently dropped: it is refused
    as an edit of a column shown for reading is, saying where rounds are added."""
    card = Application.from_dict(item.data) if item.data is not None else existing
    if item.round is None or card is None:
        return
    start = item.round.at.replace(second=0, microsecond=0)  # a sheet shows the minute: a round stored with
    end = start + timedelta(minutes=1, microseconds=-1)  # seconds (`add --at now`) is that minute's (review T2 2)
    if (item.data is None or item.round_given[2]) and item.round_span is not None:
        start, end = item.round_span  # a hand-made row names its round by the day, as it is matched
    if any(start <= rnd.at <= end for rnd in card.rounds):
        return
    column, cell, _day = item.round_given
    raise ValidationError(f"{column} {cell!r} is not a round of {item.company} — {item.role}: {column} only "
                          "gives the first round of a card the row adds; rounds of an existing card are added "
                          "with 'followup round' or in the app: clear the cell or put back what it said")
