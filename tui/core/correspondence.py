"""What passes between the user and the company, as pure changes like `actions`' ones: letters sent,
contacts, their replies, and how the process ended (they told us, or we withdrew).

Each change returns a new application and leaves the one it was given as it was (undo keeps it); the
stage rules these bring (a follow-up sent -> followed-up, a reply -> awaiting, an outcome -> closed)
are applied here with the primitives of `actions`, which holds the rest of the rules.
"""

from __future__ import annotations

from datetime import datetime

from tui.core.actions import round_named, set_thanked
from tui.core.changing import FOLLOW_UP_SENT, THEY_REPLIED, changed_copy, log_line, set_stage
from tui.core.direction_actions import settle_promised_answer
from tui.core.errors import ValidationError, quoted
from tui.core.model import Application
from tui.core.parts import Contact
from tui.core.stages import LetterKind, Outcome, Stage
from tui.core.timefmt import show_time, understood
from tui.core.timeutil import UTC, Zone, to_utc

LETTER_KINDS = frozenset(kind.value for kind in LetterKind)


def record_contact(
    app: Application, kind: str, *, now: datetime, at: datetime | None = None, to: str = "", summary: str = "",
    inbound: bool = False,
) -> Application:
    """A contact that took place at `at` (default now), logged then."""
    moment = to_utc(at or now)
    new = changed_copy(app, now)
    contact = Contact(at=moment, kind=kind, to=to, summary=summary, inbound=inbound)
    new.contacts.append(contact)
    who = f" {'from' if inbound else 'to'} {to}" if to else ""
    shown = LetterKind(kind).noun if kind in LETTER_KINDS else kind  # "Offer reply to …", not "Offer-reply"
    log_line(new, moment, "contact", f"{shown[:1].upper()}{shown[1:]}{who}" + (f": {summary}" if summary else ""),
             contact=contact.id)
    return new


_ANSWERS = {  # a reply letter -> the decision it answers, and its name
    LetterKind.REJECTION_REPLY: (Outcome.REJECTED, "rejection"),
    LetterKind.OFFER_REPLY: (Outcome.OFFER, "offer"),
}


def check_reply_sent_at(app: Application, kind: LetterKind | str, at: datetime, *, zone: Zone = UTC,
                        now: datetime | None = None) -> None:
    """A reply to their decision cannot have gone out before they told us it (`outcome_at`): recorded so,
    it would stand as done while its deadline (deadlines: a reply since the outcome) stayed overdue.

    `record_letter_sent` applies it; a form or `--at` that asks when the letter went
    out checks it first, with the user's zone for the wording.
    """
    kind = LetterKind.parse(kind)
    if kind not in _ANSWERS:
        return
    outcome, word = _ANSWERS[kind]
    told = app.outcome_at
    if app.outcome is not outcome or told is None:
        return
    now = now or told
    if to_utc(at) < told.replace(second=0, microsecond=0):  # typed times have no seconds: the same minute is after
        raise ValidationError(f"{show_time(at, zone, now)} is before the {word} it answers "
                              f"({show_time(told, zone, now)}): a reply cannot predate it")
    if kind is not LetterKind.OFFER_REPLY:
        return
    # asking for time, then the answer: the history must read in that order
    earlier = max((c.at for c in app.contacts if c.kind == kind.value and not c.inbound and c.at >= told),
                  default=None)
    if earlier is not None and to_utc(at) < earlier:
        raise ValidationError(f"{show_time(at, zone, now)} is before your earlier reply to this offer "
                              f"({show_time(earlier, zone, now)}): a later answer cannot predate it")


def record_letter_sent(
    app: Application, kind: LetterKind | str, *, now: datetime, at: datetime | None = None,
    interviewer_id: str | None = None, to: str = "", summary: str = "",
) -> Application:
    """A letter went out at `at` (default now): record the contact, then apply the stage rule for its kind,
    all logged at `at` (see `log_line`). A reply dated before the decision it answers is refused
    (`check_reply_sent_at`)."""
    kind = LetterKind.parse(kind)
    moment = to_utc(at or now)
    check_reply_sent_at(app, kind, moment, now=now)
    if kind in _ANSWERS and app.outcome_at is not None and moment < app.outcome_at:
        moment = app.outcome_at  # typed in the decision's own minute (review X4 #3): recorded as answering it
    new = app
    if kind is LetterKind.THANK_YOU:
        if interviewer_id is None:
            raise ValidationError("a thank-you note is sent to one interviewer: name which")
        _, person = app.find_interviewer(interviewer_id)
        to = to or person.display()
        new = set_thanked(app, person.id, True, now=now, at=moment)
    default_summary = f"{kind.noun} sent"
    if kind is LetterKind.FOLLOW_UP:
        default_summary = f"follow-up #{app.follow_up_count + 1} sent"
    new = record_contact(new, kind.value, now=now, at=moment, to=to, summary=summary or default_summary)
    contact = new.contacts[-1]
    next(e for e in reversed(new.history) if e.data.get("contact") == contact.id).kind = "letter"
    if kind is LetterKind.FOLLOW_UP:
        cleared = new.outcome
        if new.outcome is not None:  # following up reopens the process, as moving it by hand does
            new.outcome, new.outcome_at = None, None
        set_stage(new, Stage.FOLLOWED_UP, moment, FOLLOW_UP_SENT.format(new.follow_up_count), cleared=cleared)
    return new


def check_keep_in_touch(when: datetime, *, now: datetime, zone: Zone = UTC) -> datetime:
    """A keep-in-touch time looks ahead (PRODUCT lists it with the forward-looking options): one already
    past would be an overdue deadline from the moment it is saved. Returns it in UTC.

    `close` applies it; the outcome form's "Keep in touch" field and `followup close
    --keep-in-touch` call it first, with the user's zone for the wording.
    """
    moment = to_utc(when)
    if moment <= to_utc(now):
        raise ValidationError(f"{understood(moment, zone, now)} is not ahead: keep in touch is when to get back "
                              "to them, later on; give a time still to come, e.g. \"in 3 months\" or \"mar 1\"")
    return moment


REPLY, OUTCOME = "their reply", "the outcome"  # what `check_after_first_round` names


def check_after_first_round(app: Application, at: datetime, what: str, *, zone: Zone = UTC,
                            now: datetime | None = None) -> None:
    """A reply from them, or how the process ended (`what`: REPLY or OUTCOME), comes after the card's first
    round that has taken place: dated before it, a reply pulled the card out of *interviewed* and an outcome
    brought a reply deadline born weeks overdue (review Q 2), where a thank-you so dated is refused
    (round_rules.check_thanked_at). A card with no round held yet has nothing to be after.

    `record_reply` and `close` apply it; `followup reply/close --at` and the board's forms ask it first,
    with the user's zone for the wording.
    """
    held = app.held_rounds(now)
    if not held:
        return
    first = min(held, key=lambda r: r.at)
    if to_utc(at) < first.at:
        raise ValidationError(f"{show_time(at, zone, now)} is before {round_named(app, first)} "
                              f"({show_time(first.at, zone, now)}): {what} comes after it; give a later time")


def close(
    app: Application, outcome: Outcome | str, *, now: datetime, at: datetime | None = None,
    keep_in_touch: datetime | None = None,
) -> Application:
    """Record how the process ended (`at`: when they told us, default now) and close the card.

    The reply a rejection or an offer needs is derived from `outcome_at`; a
    keep-in-touch date becomes its own deadline, so it must lie ahead (check_keep_in_touch).
    A card already closed with this outcome keeps it, its time and its history unless `at`
    is given: closing it again only to add a keep-in-touch date moved the rejection to now,
    and its reply deadline with it (QA). Nothing new to record gives back `app` itself.
    An `at` before the first round is refused (check_after_first_round).
    """
    outcome = Outcome.parse(outcome)
    if keep_in_touch is not None:
        keep_in_touch = check_keep_in_touch(keep_in_touch, now=now)
    if at is not None:
        check_after_first_round(app, at, OUTCOME, now=now)
    kept = app.outcome_at if app.stage is Stage.CLOSED and app.outcome is outcome and at is None else None
    if kept is not None and (keep_in_touch is None or to_utc(keep_in_touch) == app.keep_in_touch):
        return app
    new = changed_copy(app, now)
    if kept is not None:
        told = kept
    else:
        told = to_utc(at or now)
        new.outcome = outcome
        new.outcome_at = told
        log_line(new, told, "outcome", f"Outcome: {outcome.label}", outcome=outcome.value)
    if keep_in_touch is not None:
        new.keep_in_touch = to_utc(keep_in_touch)
        log_line(new, now, "edit", "Keep in touch from " + new.keep_in_touch.isoformat())
    set_stage(new, Stage.CLOSED, told, outcome.label)
    return settle_promised_answer(new, now=now)


REPLY_VIAS = ("email", "call", "other")


def record_reply(
    app: Application, *, now: datetime, at: datetime | None = None, via: str = "email", note: str = "",
) -> Application:
    """They answered. The follow-up count and wait restart from `at` (model.follow_up_count), and an
    open card moves to *awaiting*: the ball is in their court again until they say what is next. Dated
    before the first round, it is refused (check_after_first_round)."""
    if via not in REPLY_VIAS:
        raise ValidationError(f"unknown way of replying {quoted(via)}: use one of {', '.join(REPLY_VIAS)}")
    moment = to_utc(at or now)
    check_after_first_round(app, moment, REPLY, now=now)
    new = changed_copy(app, now)
    contact = Contact(at=moment, kind="reply", to=via, summary=note, inbound=True)
    new.contacts.append(contact)
    log_line(new, moment, "reply", f"They replied ({via})" + (f": {note}" if note else ""), contact=contact.id,
         via=via, at=moment.isoformat())
    if new.stage is not Stage.CLOSED:
        set_stage(new, Stage.AWAITING, moment, THEY_REPLIED)
    return new
