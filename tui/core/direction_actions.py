"""The changes to a card's directions (do-bys and quiet periods), and the promise to answer an offer
that an ask-for-time letter leaves among them.

A family of its own: the board's directions tab, `followup direction` and the letters' checks change
directions, and the rest of the actions only need to keep a promise once the offer is answered
(settle_promised_answer).
"""

from __future__ import annotations

from datetime import datetime

from tui.core.changing import NOTHING_LEFT, changed_copy, last_stage_line, log_line, set_stage
from tui.core.errors import ValidationError
from tui.core.model import Application
from tui.core.parts import Direction
from tui.core.stages import DirectionChange, DirectionKind, Outcome, Stage
from tui.core.timefmt import show_time
from tui.core.timeutil import UTC, Zone, to_utc

# The do-by an ask-for-time letter leaves on the card (letter_checks.record_offer_answer): the answer it
# promised, by its date (the sidebar adds the company).
PROMISED_ANSWER = "Give your answer on the offer (promised in your letter)"


def promised_answers(app: Application) -> list[Direction]:
    """The card's open promises to answer its offer (PROMISED_ANSWER do-bys)."""
    return [direction for direction in app.open_tasks() if direction.text == PROMISED_ANSWER]


def settle_promised_answer(app: Application, *, now: datetime) -> Application:
    """The promise to answer the offer is kept once the offer is answered by any path: an outcome other
    than the offer recorded, or the card reopened. Left open, it would come back with the next offer
    (or show on a card that has none)."""
    if app.stage is Stage.CLOSED and app.outcome is Outcome.OFFER:
        return app
    new = app
    for direction in promised_answers(app):
        new = set_direction_done(new, direction.id, now=now)
    return new


def check_quiet_end(until: datetime, *, now: datetime, zone: Zone = UTC) -> None:
    """A quiet period ends ahead of now: one already over asks nothing of anyone (a do-by already past is
    kept, as an overdue task). The board's direction form and `followup direction --not-before` ask this."""
    if to_utc(until) <= to_utc(now):
        raise ValidationError(f"a quiet period ending {show_time(until, zone, now)} is over already: "
                              f"give the first day they may be contacted, still to come")


def add_direction(
    app: Application, text: str, kind: DirectionKind | str = DirectionKind.DO_BY,
    due: datetime | None = None, *, now: datetime, zone: Zone = UTC,
) -> Application:
    direction = Direction(text=text, kind=DirectionKind.parse(kind), due=due)
    if direction.kind is DirectionKind.NOT_BEFORE and direction.due is not None:
        check_quiet_end(direction.due, now=now, zone=zone)
    new = changed_copy(app, now)
    new.directions.append(direction)
    bound = "until" if direction.kind is DirectionKind.NOT_BEFORE else "by"
    when = f" {bound} {direction.due.isoformat()}" if direction.due else ""
    log_line(new, now, "direction", f"Direction ({direction.kind.value}): {direction.text}{when}",
         direction=direction.id, change=DirectionChange.ADDED.value)
    return new


def remove_direction(app: Application, direction_id: str, *, now: datetime) -> Application:
    new = changed_copy(app, now)
    direction = new.find_direction(direction_id)
    new.directions.remove(direction)
    log_line(new, now, "direction", f"Removed direction: {direction.text}", direction=direction.id,
         change=DirectionChange.REMOVED.value)
    return new


def set_direction_done(
    app: Application, direction_id: str, done: bool = True, *, now: datetime
) -> Application:
    """Marking the last open do-by done in *thanked* hands the ball to them: *awaiting*; reopening it
    while the card is there by that rule takes the ball back (review X3 #1: `space` twice left a do-by
    open on a card that said nothing was left on our side). A move by hand since stays.

    A direction already so (done again, reopened while open) is no change: `app` itself comes back,
    with no history line, so a caller can tell by identity that there is nothing to save.
    """
    if (app.find_direction(direction_id).done_at is not None) is done:
        return app
    new = changed_copy(app, now)
    direction = new.find_direction(direction_id)
    direction.done_at = to_utc(now) if done else None
    verb = "Done" if done else "Reopened"
    log_line(new, now, "direction", f"{verb}: {direction.text}", direction=direction.id,
         change=(DirectionChange.DONE if done else DirectionChange.REOPENED).value)
    if done and new.stage is Stage.THANKED and not new.open_tasks():
        set_stage(new, Stage.AWAITING, now, NOTHING_LEFT)
    line = last_stage_line(new)
    if (not done and new.stage is Stage.AWAITING and new.open_tasks() and line is not None
            and line.data.get("why") == NOTHING_LEFT):
        set_stage(new, Stage.THANKED, now, f"“{direction.text}” reopened")
    return new
