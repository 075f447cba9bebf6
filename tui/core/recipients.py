"""Whom a letter goes to: the interviewer a thank-you note is for, and the one person a letter to the
company (a follow-up, a reply to an offer or a rejection) is addressed to, with the reason shown
beside the name. One rule for the board and the command line, both of which draft through
`letters.draft`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tui.core.errors import ValidationError
from tui.core.model import Application
from tui.core.parts import Interviewer, Round


class ChooseInterviewer(ValidationError):
    """A thank-you note is for one person and the card has several waiting."""

    def __init__(self, message: str, names: list[str]) -> None:
        super().__init__(message)
        self.names = names


NOBODY_TO_THANK = "has no interviewer recorded for a round that has taken place: add one first"


def unthanked_interviewers(app: Application, now: datetime | None = None) -> list[Interviewer]:
    """Who in the round the notes are for (Application.thank_you_round) still waits for a thank-you
    note: what `t` goes through. Pass `now`, so a round still to come is not taken for it."""
    rnd = app.thank_you_round(now)
    return [p for p in rnd.interviewers if p.thanked_at is None] if rnd else []


def thank_you_target(app: Application, interviewer: str | None = None,
                     now: datetime | None = None) -> tuple[Round, Interviewer]:
    """The interviewer named, else the only one still waiting in the round the notes are for."""
    if interviewer:
        return app.find_interviewer(interviewer)
    rnd = app.thank_you_round(now)
    if rnd is None:
        raise ValidationError(f"{app.company} {NOBODY_TO_THANK}")
    waiting = unthanked_interviewers(app, now)
    if len(waiting) == 1:
        return rnd, waiting[0]
    if len(rnd.interviewers) == 1:
        return rnd, rnd.interviewers[0]
    names = [p.name for p in (waiting or rnd.interviewers)]
    state = "are waiting for a thank-you" if waiting else "were all thanked already"
    raise ChooseInterviewer(f"{len(names)} interviewers at {app.company} {state}: {', '.join(names)}", names)


def _parse_person(text: str) -> Interviewer | None:
    try:
        return Interviewer.parse(text) if text.strip() else None
    except ValidationError:  # a free-form 'to' such as 'the hiring team'
        return None


@dataclass(frozen=True)
class Recipient:
    """Whom a letter goes to, and why them: the screen says the reason next to the name."""

    name: str
    display: str  # 'Dana Kim <dana@acme.example>', as the contact records it
    why: str = ""  # 'the recruiter', 'the last one you wrote to', …; '' for the person asked for


NOBODY = Recipient("", "")
WHY_RECRUITER = "the recruiter"
WHY_LAST_WRITTEN = "the last one you wrote to"
WHY_WITH_EMAIL = "the first interviewer with an e-mail address"
WHY_FIRST = "the first interviewer"


def _same_person(a: Interviewer, b: Interviewer) -> bool:
    return (bool(a.email) and a.email.casefold() == b.email.casefold()) or a.name.casefold() == b.name.casefold()


def _last_written_to(app: Application) -> Interviewer | None:
    """The interviewer on the card our latest letter (or other contact of ours) went to; None when it went
    to nobody on the card (or nothing went out yet)."""
    ours = [(c.at, index, c) for index, c in enumerate(app.contacts) if not c.inbound and c.to.strip()]
    if not ours:
        return None
    latest = max(ours, key=lambda item: item[:2])[2]
    sent_to = _parse_person(latest.to)
    if sent_to is None:
        return None
    people = [p for rnd in sorted(app.rounds, key=lambda r: r.at, reverse=True) for p in rnd.interviewers]
    return next((p for p in people if _same_person(p, sent_to)), None)


def recipient(app: Application, now: datetime, person: Interviewer | None = None) -> Recipient:
    """Whom a letter to the company goes to (the follow-up, the replies to an offer or a rejection): the
    person asked for; else the recruiter; else the interviewer our latest letter went to; else the first
    interviewer of the latest round held who has an e-mail address; else its first interviewer. The one
    rule the board and the command line both draft with (via `draft`)."""
    if person is not None:
        return Recipient(person.name, person.display())
    recruiter = _parse_person(app.recruiter)
    if recruiter is not None:
        return Recipient(recruiter.name, recruiter.display(), WHY_RECRUITER)
    written = _last_written_to(app)
    if written is not None:
        return Recipient(written.name, written.display(), WHY_LAST_WRITTEN)
    held = [r for r in app.held_rounds(now) if r.interviewers] or [r for r in app.rounds if r.interviewers]
    if not held:
        return NOBODY
    people = max(held, key=lambda r: r.at).interviewers
    with_email = next((p for p in people if p.email), None)
    if with_email is not None and with_email is not people[0]:
        return Recipient(with_email.name, with_email.display(), WHY_WITH_EMAIL)
    return Recipient(people[0].name, people[0].display(), WHY_FIRST)
