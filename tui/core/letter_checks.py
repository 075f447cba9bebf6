"""Whether a letter fits the moment, how it compares with its siblings, and marking it sent.

Pure functions of the card, the letter and `now`: the command line and the
letter screen ask the same questions and get the same words back.
"""

from __future__ import annotations

import difflib
from collections import Counter
from datetime import datetime
from itertools import combinations

from tui.core import correspondence, direction_actions, timefmt
from tui.core.deadline_words import short_action
from tui.core.deadlines import DeadlineKind, deadline_order, deadlines_for
from tui.core.errors import ValidationError
from tui.core.letters import Letter, in_words, quiet_period_warning
from tui.core.model import Application
from tui.core.parts import Round
from tui.core.recipients import NOBODY_TO_THANK, unthanked_interviewers
from tui.core.round_rules import check_thanked_at, read_thanked_at
from tui.core.settings import Settings
from tui.core.stages import DirectionKind, LetterKind, Outcome, Stage, round_phrase
from tui.core.templates import marker, template_name, words
from tui.core.text import counted, sentence
from tui.core.timeutil import Zone, local, to_utc
from tui.core.when import Reading, parse_when

# Two thank-you notes whose own words (see own_words) are at least this alike (0..1) are flagged as clones.
DUPLICATE_THRESHOLD = 0.8


# --- does it fit the moment -------------------------------------------------

def misfit(app: Application, kind: LetterKind | str, now: datetime, zone: Zone, *,
           interviewer_id: str | None = None, variant: str | None = None) -> str | None:
    """Why a letter of this kind does not fit the card as it stands (None: it fits).

    An offer reply answers an offer, a rejection reply a rejection; a closed
    card gets no follow-up and no thank-you; a thank-you needs someone to
    thank, after the round. The command line's --force writes one anyway.
    """
    kind = LetterKind.parse(kind)
    company, outcome = app.company, app.outcome
    closed = app.stage is Stage.CLOSED
    ended = f"{company} is closed ({outcome.label if outcome else 'no outcome recorded'})"
    if kind is LetterKind.REJECTION_REPLY and outcome is not Outcome.REJECTED:
        return f"a rejection reply answers a rejection, and {_outcome_said(app)}: record the rejection first"
    if kind is LetterKind.OFFER_REPLY:
        accepting = template_name(kind, variant).endswith("-accept")
        fits = (Outcome.OFFER, Outcome.ACCEPTED) if accepting else (Outcome.OFFER,)
        if outcome not in fits:
            answered = _offer_answered(app, zone, now)
            if answered:
                return f"{app.company} already answered the offer: {answered}"
            return f"an offer reply answers an offer, and {_outcome_said(app)}: record the offer first"
    if kind is LetterKind.FOLLOW_UP:
        if closed:
            instead = {Outcome.REJECTED: "; reply to the rejection instead (rejection-reply)",
                       Outcome.OFFER: "; answer the offer instead (offer-reply)"}
            return f"{ended}: there is nothing to follow up{instead.get(outcome, '') if outcome else ''}"
        if not any(r.at <= now for r in app.rounds) and not any(c.at <= now for c in app.contacts):
            return f"nothing to follow up at {company} yet: no interview has taken place"
    if kind is LetterKind.THANK_YOU:
        if closed:
            return f"{ended}: the thank-you notes are behind you"
        rnd: Round | None = app.thank_you_round(now)
        if interviewer_id:
            rnd, _person = app.find_interviewer(interviewer_id)  # not on the card: bad input, not a misfit
        elif rnd is None:  # nobody to thank yet: a round with people in it still to come says so
            rnd = min((r for r in app.rounds if r.interviewers and r.at > now), key=lambda r: r.at, default=None)
            if rnd is None:
                return f"{company} {NOBODY_TO_THANK}"
        if rnd.at > now:
            when = timefmt.show_time(rnd.at, zone, now)
            return f"{round_phrase(rnd.name)} at {company} is still to come ({when}): thank them after it"
    return None


def _offer_answered(app: Application, zone: Zone, now: datetime) -> str | None:
    """'accepted on Wed 25 Nov 10:30' when the card's outcome is the user's answer to an offer it recorded."""
    said = {Outcome.ACCEPTED: "accepted", Outcome.WITHDRAWN: "declined"}.get(app.outcome) if app.outcome else None
    offer_recorded = any(e.kind == "outcome" and e.data.get("outcome") == Outcome.OFFER.value for e in app.history)
    if said is None or not offer_recorded or app.outcome_at is None:
        return None
    return f"{said} on {timefmt.show_day(app.outcome_at, zone, now)}"


def _outcome_said(app: Application) -> str:
    if app.outcome is None:
        where = "is closed" if app.stage is Stage.CLOSED else f"is in {app.stage.label.lower()}"
        return f"{app.company} {where} with no outcome recorded"
    return f"{app.company}'s outcome is {app.outcome.label}"


def follow_up_timing(app: Application, settings: Settings, now: datetime) -> str | None:
    """How early a follow-up drafted now is, or what comes before it; None when it is due.

    Read from the deadline rules, so it says what the sidebar says. Inside a
    quiet period too, beside quiet_period_warning: the follow-up may fall due
    days after the period ends (a day after the date they decide by), and the
    quiet warning alone named the earlier date (review R8 2).
    """
    if app.stage is Stage.CLOSED:
        return None
    zone = settings.zone
    tasks = [d for d in deadlines_for(app, settings, now) if not d.is_quiet]
    follow = next((d for d in tasks if d.kind in (DeadlineKind.FOLLOW_UP, DeadlineKind.CLOSE)), None)
    if follow is None:
        first = min(tasks, key=deadline_order) if tasks else None
        if first is None:
            return None
        return (f"No follow-up is due yet at {app.company}: first “{short_action(first)}”, "
                f"due {timefmt.show_time(first.due, zone, now)}.")
    if follow.kind is DeadlineKind.CLOSE:
        return (f"{app.follow_up_count} follow-ups have gone without a reply: "
                f"the usual next step is to close {app.company} as no response.")
    if follow.due <= now:
        return None
    return (f"This follow-up is {timefmt.span_words((follow.due - now).total_seconds())} early: "
            f"it falls due {timefmt.show_time(follow.due, zone, now)}.")


# --- checks before sending --------------------------------------------------

# Word comparisons past which a SequenceMatcher gives way to counting words: it is quadratic on a repeated
# word (a template body of one word 16,000 times took 100 s to check, fz6 9). A letter of a few hundred
# words costs a few thousand, far below, so real letters are compared as they always were.
DIFF_BUDGET = 200_000


def _diff_cost(a: list[str], b: list[str]) -> int:
    """The pairs of equal words a SequenceMatcher looks at in one pass over `a` and `b`."""
    counts = Counter(b)
    return sum(counts[word] for word in a)


def _not_in(frame: list[str], body: list[str]) -> list[str]:
    """The words of `body` that `frame` does not account for, in order, in linear time: past the common
    start and end, each word of the frame's middle cancels one equal word of the body's."""
    shortest = min(len(frame), len(body))
    start = 0
    while start < shortest and frame[start] == body[start]:
        start += 1
    end = 0
    while end < shortest - start and frame[-1 - end] == body[-1 - end]:
        end += 1
    left = Counter(frame[start:len(frame) - end])
    own = []
    for word in body[start:len(body) - end]:
        if left[word] > 0:
            left[word] -= 1
        else:
            own.append(word)
    return own


def own_words(letter: Letter) -> list[str]:
    """The words that are this letter's own: what was discussed with that interviewer (the topic)
    and whatever the user wrote, without the template's text and the values filled into it."""
    body = words(letter.body)
    if not letter.frame:
        return body
    frame = words(letter.frame)
    if _diff_cost(frame, body) > DIFF_BUDGET:
        return _not_in(frame, body)
    matcher = difflib.SequenceMatcher(None, frame, body, autojunk=False)
    return [w for tag, _i1, _i2, j1, j2 in matcher.get_opcodes() if tag in ("replace", "insert")
            for w in body[j1:j2]]


def similarity(a: str | list[str], b: str | list[str]) -> float:
    """How alike two texts (or word lists) are, 0..1, compared word by word (case ignored); past
    DIFF_BUDGET, by the words they share whatever their order."""
    words_a = words(a) if isinstance(a, str) else a
    words_b = words(b) if isinstance(b, str) else b
    if _diff_cost(words_a, words_b) > DIFF_BUDGET:
        return 2 * sum((Counter(words_a) & Counter(words_b)).values()) / (len(words_a) + len(words_b))
    return difflib.SequenceMatcher(None, words_a, words_b, autojunk=False).ratio()


def near_duplicates(
    letters: list[Letter], threshold: float = DUPLICATE_THRESHOLD
) -> list[tuple[Letter, Letter, float]]:
    """Pairs of thank-you notes for the same round, to different people, whose own words
    read nearly alike: the same topic, or the same text pasted to both."""
    notes = [n for n in letters if n.kind is LetterKind.THANK_YOU]
    own = {id(n): own_words(n) for n in notes}
    pairs = []
    for a, b in combinations(notes, 2):
        if a.app_id != b.app_id or a.round_id != b.round_id or a.interviewer_id == b.interviewer_id:
            continue
        if not own[id(a)] or not own[id(b)]:
            continue
        ratio = similarity(own[id(a)], own[id(b)])
        if ratio >= threshold:
            pairs.append((a, b, ratio))
    return pairs


def duplicate_warning(a: Letter, b: Letter, ratio: float) -> str:
    return (f"The notes to {a.recipient_name} and {b.recipient_name} say the same thing "
            f"({ratio:.0%} alike where they should differ): "
            f"make each one about what you discussed with that person.")


def send_blockers(app: Application, letter: Letter, now: datetime, zone: Zone) -> list[str]:
    """Why the letter should not be marked sent yet (`now`: when it went out); empty when it may go."""
    reasons = []
    if letter.missing:
        reasons.append("the letter still has gaps: " + ", ".join(marker(m) for m in letter.missing))
    if letter.kind is LetterKind.FOLLOW_UP:
        quiet = quiet_period_warning(app, now, zone)
        if quiet:
            reasons.append(quiet)
    return reasons


def check_sent_at(app: Application, letter: Letter, at: datetime, now: datetime, zone: Zone) -> datetime:
    """When the user says the letter went out, in UTC: never in the future, never before its round."""
    at = to_utc(at)
    if at > to_utc(now):
        raise ValidationError(
            f"{timefmt.understood(at, zone, now)} is in the future: a letter is marked sent once it has gone; "
            "give the moment it went, e.g. \"yesterday 16:00\" or \"last fri 9:30\"")
    rnd = next((r for r in app.rounds if r.id == letter.round_id), None)
    if letter.kind is LetterKind.THANK_YOU and rnd is not None:
        check_thanked_at(rnd, at, zone=zone, now=now)  # the one rule (and wording) for every path
    return at


def mark_sent(app: Application, letter: Letter, *, now: datetime, zone: Zone, force: bool = False,
              at: datetime | None = None) -> Application:
    """Record the letter as sent at `at` (default now): contact, thanked time or follow-up count, stage."""
    if letter.app_id != app.id:
        raise ValidationError(f"this letter was drafted for another card, not {app.company}")
    sent = now if at is None else check_sent_at(app, letter, at, now, zone)
    if letter.kind is LetterKind.OFFER_REPLY:  # checked again here: the board may switch the answer after drafting
        answered = misfit(app, letter.kind, now, zone, variant=letter.variant)
        if answered:
            raise ValidationError(f"not marked sent: {answered}")
        if letter.answer_by is not None and letter.answer_by < sent:
            raise ValidationError(f"not marked sent: the letter promises an answer by "
                                  f"{timefmt.show_time(letter.answer_by, zone, now)}, before it went out "
                                  f"({timefmt.show_time(sent, zone, now)}): promise a later day")
    blockers = send_blockers(app, letter, sent, zone)
    if blockers and not force:
        raise ValidationError("not marked sent: " + "; ".join(blockers))
    new = correspondence.record_letter_sent(
        app, letter.kind, now=now, at=sent, interviewer_id=letter.interviewer_id, to=letter.to,
        summary=f"“{letter.subject}”",
    )
    if letter.kind is LetterKind.OFFER_REPLY:
        new = record_offer_answer(new, letter, now=now, at=sent)
    return new


def already_thanked(app: Application, letter: Letter, *, now: datetime, zone: Zone,
                    at: datetime | None = None) -> str:
    """What to tell the user marking a thank-you sent (at `at`, default now) to someone thanked already
    ('' when nobody is): the letter is recorded as the contact it is, and the earliest note's time is
    their thank-you time (actions.set_thanked)."""
    if letter.kind is not LetterKind.THANK_YOU or letter.interviewer_id is None:
        return ""
    person = next((p for r in app.rounds for p in r.interviewers if p.id == letter.interviewer_id), None)
    if person is None or person.thanked_at is None:
        return ""
    before = timefmt.show_time(person.thanked_at, zone, now)
    if to_utc(at or now) < person.thanked_at:
        return (f"{person.name} was already thanked {before}: this letter is recorded too, and as it went out "
                f"earlier, {timefmt.show_time(to_utc(at or now), zone, now)} becomes their thank-you time")
    return (f"{person.name} was already thanked {before}: this letter is recorded too, "
            "and that first thank-you time stays")


def thank_you_consequence(app: Application, letter: Letter, *, now: datetime, zone: Zone,
                          at: datetime | None = None) -> str:
    """What marking this thank-you note sent does to the card, for the question before it: worked out by
    marking it (mark_sent is pure), so the words say what the stage rules will do: the last note of the
    round moves the card at once, an earlier one names who is still to thank."""
    who = letter.recipient_name
    again = already_thanked(app, letter, now=now, zone=zone, at=at)
    if again:
        return sentence(again)
    try:
        after = mark_sent(app, letter, now=now, zone=zone, force=True, at=at)
    except ValidationError:  # the question says nothing it cannot know; recording it says why not
        return f"{who} is marked thanked."
    if after.stage is not app.stage:
        return f"{who} is marked thanked and the card moves to {after.stage.label}."
    waiting = [p.name for p in unthanked_interviewers(after, now)]
    if app.stage is Stage.INTERVIEWED and waiting:
        others = f"{waiting[0]} is" if len(waiting) == 1 else f"the {counted(len(waiting), 'other')} are"
        return f"{who} is marked thanked; once {others} too, the card moves to {Stage.THANKED.label}."
    return f"{who} is marked thanked; the card stays in {app.stage.label}."


# What sending each offer reply says: the outcome it records, as the user's own word. Declining is the
# user stepping out of the process (Outcome.WITHDRAWN); the offer itself stays in the history, where
# the statistics count it as their answer (history_facts.received).
ANSWER_OUTCOME = {"accept": Outcome.ACCEPTED, "decline": Outcome.WITHDRAWN}


def offer_reply_consequence(letter: Letter, zone: Zone, now: datetime) -> str:
    """What marking this offer reply sent records (record_offer_answer), for the question before it."""
    outcome = ANSWER_OUTCOME.get(letter.variant or "")
    if outcome is Outcome.ACCEPTED:
        return "It goes into the card's history, and the outcome becomes accepted: your answer."
    if outcome is not None:
        return (f"It goes into the card's history, and the outcome becomes {outcome.label}: you stepped "
                "out, and the offer stays in the history.")
    if letter.answer_by is not None:
        day = in_words(letter.answer_by, zone, now)
        said = f"It goes into the card's history, and a deadline to give your answer by {day} replaces the reply's."
        if day not in letter.text:  # edited, or sent earlier than the text was drafted: say which day counts
            said += (f" Your letter does not say {day}: the reminder uses that day all the same; "
                     "change it on the card once recorded if you promised another.")
        return said
    return "It goes into the card's history as a contact, and its reply deadline is done."


def record_offer_answer(app: Application, letter: Letter, *, now: datetime, at: datetime) -> Application:
    """What an offer reply sent at `at` settles: accepting or declining records the outcome then (the
    promise of an earlier ask-for-time is kept, so its do-by is done); asking for time leaves a do-by
    to answer by the day the letter named, in place of one an earlier request promised."""
    promised = direction_actions.promised_answers(app)  # kept by settle_promised_answer on any other answer
    outcome = ANSWER_OUTCOME.get(letter.variant or "")
    if outcome is not None:
        new = app
        for direction in promised:
            new = direction_actions.set_direction_done(new, direction.id, now=now)
        if new.outcome is not outcome or new.stage is not Stage.CLOSED:
            new = correspondence.close(new, outcome, now=now, at=at)
        return new
    if letter.answer_by is None:
        return app
    new = app
    for direction in promised:
        new = direction_actions.remove_direction(new, direction.id, now=now)
    return direction_actions.add_direction(new, direction_actions.PROMISED_ANSWER, DirectionKind.DO_BY,
                                           letter.answer_by, now=now)


def read_sent_at(text: str, app: Application, letter: Letter, now: datetime, zone: Zone) -> datetime:
    """A typed 'when did it go out' (`--mark-sent --at`, the letter screen's "Sent at…"), checked.

    Read as a past moment: "wed 16:00" on a Friday is two days ago, not next week. A thank-you's day
    typed alone, on its round's day, is after the round (round_rules.read_thanked_at)."""
    rnd = next((r for r in app.rounds if r.id == letter.round_id), None)
    if letter.kind is LetterKind.THANK_YOU and rnd is not None:
        at = read_thanked_at(text, rnd, now=now, zone=zone)
    else:
        at = parse_when(text, local(now, zone), zone, reading=Reading.PAST)
    return check_sent_at(app, letter, at, now, zone)
