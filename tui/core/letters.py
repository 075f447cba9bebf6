"""Letters drafted from a card: templates, placeholders and the checks before sending.

A template is a text file whose first line is `Subject: ...`, then the body.
`{placeholder}` names a value taken from the card or the settings (`{{` and
`}}` write a literal brace). A value the card lacks stays in the letter as a
visible `[name?]` marker, so nothing half-filled goes out unnoticed. The
defaults ship in `tui.data/templates/`; a file of the same name in the user's
template folder replaces one. Nothing here reads the clock or touches files
other than the templates: callers pass `now`, the settings and that folder.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from importlib import resources
from itertools import combinations
from pathlib import Path

from tui.core import actions, timefmt
from tui.core.businessdays import add_business_days
from tui.core.deadlines import quiet_until
from tui.core.errors import ValidationError
from tui.core.model import Application, Interviewer, Round
from tui.core.settings import Settings
from tui.core.stages import DirectionKind, LetterKind
from tui.core.timeutil import Zone, local

# Every placeholder a template may use, with what fills it (shown in the help).
PLACEHOLDERS: dict[str, str] = {
    "my_name": "your name (settings: name)",
    "signature": "your sign-off (settings: signature, else name)",
    "company": "the company",
    "role": "the role",
    "round_name": "the interview round's name",
    "round_date": "the day of the round, in words",
    "interviewer_name": "the interviewer's full name",
    "interviewer_first_name": "the interviewer's first name",
    "topic": "what you discussed with that interviewer",
    "recipient_name": "the person the letter is to",
    "recipient_first_name": "that person's first name",
    "answer_by": "three business days from now, in words (for asking for time)",
}

# Offer replies come in two variants; the first is the default.
VARIANTS: dict[LetterKind, tuple[str, ...]] = {LetterKind.OFFER_REPLY: ("accept", "ask-for-time")}

# Two thank-you notes at least this alike (0..1, by words) are flagged as clones.
DUPLICATE_THRESHOLD = 0.8

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}\n]*)\}")
_MARKER = re.compile(r"\[([a-z_]+)\?\]|\{([a-z_]+)\}")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def marker(name: str) -> str:
    """How an unfilled placeholder shows in a letter."""
    return f"[{name}?]"


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


# --- templates ------------------------------------------------------------

@dataclass(frozen=True)
class Template:
    name: str
    subject: str
    body: str
    source: str  # the file it came from, or "built-in"


def template_name(kind: LetterKind | str, variant: str | None = None) -> str:
    """The file stem for a kind (and variant): 'thank-you', 'offer-reply-accept'."""
    kind = LetterKind.parse(kind)
    choices = VARIANTS.get(kind, ())
    if not choices:
        if variant:
            raise ValidationError(f"a {kind.value} letter has no variants; leave out {variant!r}")
        return kind.value
    chosen = (variant or choices[0]).strip().lower()
    if chosen not in choices:
        raise ValidationError(f"unknown {kind.value} variant {variant!r}: use one of {', '.join(choices)}")
    return f"{kind.value}-{chosen}"


def all_template_names() -> list[str]:
    return [template_name(k, v) for k in LetterKind for v in (VARIANTS.get(k) or (None,))]


def placeholders_in(text: str) -> list[str]:
    """The placeholder names a template uses, in order of first use."""
    found: list[str] = []
    for match in _TOKEN.finditer(text):
        name = match.group(1)
        if name is not None and name not in found:
            found.append(name)
    return found


def parse_template(name: str, text: str, source: str = "built-in") -> Template:
    """Check a template's shape and placeholders; a ValidationError names what is wrong."""
    lines = text.replace("\r\n", "\n").lstrip("\ufeff").split("\n")
    first = lines[0]
    if not first.lower().startswith("subject:"):
        raise ValidationError(f"template {source}: the first line must be 'Subject: ...', not {first[:40]!r}")
    subject = first[len("subject:"):].strip()
    body = "\n".join(line.rstrip() for line in lines[1:]).strip("\n")
    if not subject:
        raise ValidationError(f"template {source}: the subject after 'Subject:' is empty")
    if not body.strip():
        raise ValidationError(f"template {source}: there is no letter below the subject line")
    unknown = [p for p in placeholders_in(subject + "\n" + body) if p not in PLACEHOLDERS]
    if unknown:
        listed = ", ".join("{" + p + "}" for p in unknown)
        raise ValidationError(
            f"template {source}: unknown placeholder{'s' if len(unknown) > 1 else ''} {listed}; "
            f"known are {', '.join(sorted(PLACEHOLDERS))}"
        )
    return Template(name, subject, body, source)


def load_template(name: str, templates_dir: Path | str | None = None) -> Template:
    """The user's `<templates_dir>/<name>.txt` when it exists, else the built-in one."""
    if templates_dir is not None:
        override = Path(templates_dir).expanduser() / f"{name}.txt"
        if override.is_file():
            try:
                text = override.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise ValidationError(f"template {override}: cannot be read ({exc}); fix or remove it") from exc
            return parse_template(name, text, str(override))
    builtin = resources.files("tui.data").joinpath("templates", f"{name}.txt")
    if not builtin.is_file():
        raise ValidationError(f"no template named {name!r}: known are {', '.join(all_template_names())}")
    return parse_template(name, builtin.read_text(encoding="utf-8"))


# --- filling ----------------------------------------------------------------

def fill(text: str, values: dict[str, str]) -> tuple[str, list[str]]:
    """Replace placeholders; an empty value leaves its `[name?]` marker and is reported."""
    missing: list[str] = []

    def one(match: re.Match[str]) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        name = match.group(1)
        value = (values.get(name) or "").strip()
        if value:
            return value
        if name not in missing:
            missing.append(name)
        return marker(name)

    return _TOKEN.sub(one, text), missing


def missing_placeholders(text: str) -> list[str]:
    """Gaps still in a (possibly edited) letter: `[name?]` markers or raw `{name}`s."""
    found: list[str] = []
    for match in _MARKER.finditer(text):
        name = match.group(1) or match.group(2)
        if name in PLACEHOLDERS and name not in found:
            found.append(name)
    return found


def in_words(moment: datetime, zone: Zone, now: datetime | None = None) -> str:
    """'Tuesday 1 December' in the user's zone; the year only when it is not this one."""
    shown = local(moment, zone)
    text = shown.format(timefmt.LONG_DAY)
    if now is not None and local(now, zone).year != shown.year:
        text += f" {shown.year}"
    return text


def split_text(text: str, subject: str = "") -> tuple[str, str]:
    """(subject, body) of a letter's text; without a 'Subject:' first line it is all body."""
    first, _, rest = text.partition("\n")
    if first.lower().startswith("subject:"):
        return first[len("subject:"):].strip(), rest.lstrip("\n")
    return subject, text


def first_name(name: str) -> str:
    parts = name.split()
    return parts[0] if parts else ""


@dataclass
class Letter:
    kind: LetterKind
    subject: str
    body: str
    to: str  # display form: 'Dana Kim <dana@acme.example>'
    recipient_name: str
    app_id: str
    interviewer_id: str | None = None
    round_id: str | None = None
    template: str = ""  # where the template came from
    missing: list[str] = field(default_factory=list)

    @property
    def word_count(self) -> int:
        return word_count(self.body)

    @property
    def text(self) -> str:
        """What is printed, copied or saved: the subject line, a blank line, the body."""
        return f"Subject: {self.subject}\n\n{self.body}"

    @property
    def ready(self) -> bool:
        return not self.missing

    def revised(self, *, subject: str | None = None, body: str | None = None,
                text: str | None = None) -> "Letter":
        """The letter after the user's edits (subject and/or body, or the whole text),
        with its gaps counted again."""
        if text is not None:
            subject, body = split_text(text, self.subject)
        subject = self.subject if subject is None else subject
        body = self.body if body is None else body
        return replace(self, subject=subject, body=body,
                       missing=missing_placeholders(subject + "\n" + body))


class ChooseInterviewer(ValidationError):
    """A thank-you note is for one person and the card has several waiting."""

    def __init__(self, message: str, names: list[str]) -> None:
        super().__init__(message)
        self.names = names


def unthanked_interviewers(app: Application) -> list[Interviewer]:
    """Who in the latest round still waits for a thank-you note (what `t` goes through)."""
    rnd = app.latest_round
    return [p for p in rnd.interviewers if p.thanked_at is None] if rnd else []


def thank_you_target(app: Application, interviewer: str | None = None) -> tuple[Round, Interviewer]:
    """The interviewer named, else the only one still waiting in the latest round."""
    if interviewer:
        return app.find_interviewer(interviewer)
    rnd = app.latest_round
    if rnd is None or not rnd.interviewers:
        raise ValidationError(f"{app.company} has no interviewer recorded for its latest round: add one first")
    waiting = unthanked_interviewers(app)
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


def _recipient(app: Application, person: Interviewer | None) -> tuple[str, str]:
    """(name, display): the interviewer chosen, else the recruiter, else whom we last wrote to,
    else the first interviewer of the latest round."""
    if person is not None:
        return person.name, person.display()
    candidates = [app.recruiter] + [c.to for c in reversed(app.contacts) if not c.inbound]
    for text in candidates:
        parsed = _parse_person(text)
        if parsed is not None:
            return parsed.name, parsed.display()
    rnd = app.latest_round
    if rnd and rnd.interviewers:
        return rnd.interviewers[0].name, rnd.interviewers[0].display()
    return "", ""


def _focus(app: Application, recipient: str) -> tuple[Round | None, Interviewer | None]:
    """For letters to the company: the latest round, and the interviewer in it whose
    topic the letter recalls (the recipient when they were there)."""
    rnd = app.latest_round
    if rnd is None:
        return None, None
    for person in rnd.interviewers:
        if recipient and person.name.lower() == recipient.lower():
            return rnd, person
    with_topic = [p for p in rnd.interviewers if p.topic]
    people = with_topic or rnd.interviewers
    return rnd, (people[0] if people else None)


def _values(app: Application, settings: Settings, now: datetime, rnd: Round | None, person: Interviewer | None,
            recipient: str) -> dict[str, str]:
    zone = settings.zone
    signature = settings.signature.strip() or settings.name.strip()
    return {
        "my_name": settings.name.strip() or first_line(settings.signature),
        "signature": signature,
        "company": app.company,
        "role": app.role,
        "round_name": rnd.name if rnd else "",
        "round_date": in_words(rnd.at, zone, now) if rnd else "",
        "interviewer_name": person.name if person else "",
        "interviewer_first_name": first_name(person.name) if person else "",
        "topic": person.topic if person else "",
        "recipient_name": recipient,
        "recipient_first_name": first_name(recipient),
        "answer_by": in_words(add_business_days(now, 3, zone), zone, now),
    }


def first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def draft(
    app: Application, kind: LetterKind | str, settings: Settings, now: datetime, *,
    interviewer_id: str | None = None, templates_dir: Path | str | None = None,
    variant: str | None = None, values: dict[str, str] | None = None,
) -> Letter:
    """Fill the template for `kind` from the card.

    A thank-you note is for one interviewer (by id or name; when absent, the only
    one still waiting). Other letters go to that interviewer when one is named,
    else to the recruiter. `values` fills or replaces placeholders by hand.
    """
    kind = LetterKind.parse(kind)
    template = load_template(template_name(kind, variant), templates_dir)
    if kind is LetterKind.THANK_YOU:
        rnd, person = thank_you_target(app, interviewer_id)
    elif interviewer_id:
        rnd, person = app.find_interviewer(interviewer_id)
    else:
        rnd, person = None, None
    recipient, to = _recipient(app, person)
    if person is None:
        rnd, person = _focus(app, recipient)
    filled = _values(app, settings, now, rnd, person, recipient)
    extra = {k: str(v) for k, v in (values or {}).items()}
    unknown = sorted(set(extra) - set(PLACEHOLDERS))
    if unknown:
        raise ValidationError(f"unknown placeholder {', '.join(unknown)}: known are {', '.join(sorted(PLACEHOLDERS))}")
    filled.update({k: v for k, v in extra.items() if v.strip()})
    subject, gaps = fill(template.subject, filled)
    body, body_gaps = fill(template.body, filled)
    missing = gaps + [g for g in body_gaps if g not in gaps]
    return Letter(
        kind=kind, subject=subject, body=body, to=to, recipient_name=recipient, app_id=app.id,
        interviewer_id=person.id if (person and kind is LetterKind.THANK_YOU) else None,
        round_id=rnd.id if rnd else None, template=template.source, missing=missing,
    )


# --- checks before sending --------------------------------------------------

def similarity(a: str, b: str) -> float:
    """How alike two letters are, 0..1, compared word by word (case ignored)."""
    words_a = [w.lower() for w in _WORD.findall(a)]
    words_b = [w.lower() for w in _WORD.findall(b)]
    return difflib.SequenceMatcher(None, words_a, words_b, autojunk=False).ratio()


def near_duplicates(
    letters: list[Letter], threshold: float = DUPLICATE_THRESHOLD
) -> list[tuple[Letter, Letter, float]]:
    """Pairs of thank-you notes for the same round, to different people, that read nearly alike."""
    notes = [n for n in letters if n.kind is LetterKind.THANK_YOU]
    pairs = []
    for a, b in combinations(notes, 2):
        if a.app_id != b.app_id or a.round_id != b.round_id or a.interviewer_id == b.interviewer_id:
            continue
        ratio = similarity(a.body, b.body)
        if ratio >= threshold:
            pairs.append((a, b, ratio))
    return pairs


def duplicate_warning(a: Letter, b: Letter, ratio: float) -> str:
    return (f"The notes to {a.recipient_name} and {b.recipient_name} are {ratio:.0%} alike: "
            f"make each one about what you discussed with that person.")


def quiet_period_warning(app: Application, now: datetime, zone: Zone) -> str | None:
    """When they asked not to be contacted yet: which date, and their words."""
    until = quiet_until(app, now)
    if until is None:
        return None
    asked = next((d for d in app.directions
                  if d.kind is DirectionKind.NOT_BEFORE and d.is_open and d.due == until), None)
    shown = local(until, zone)
    when = in_words(until, zone, now)
    if (shown.hour, shown.minute) != (0, 0):
        when += f" at {shown.format(timefmt.CLOCK)}"
    said = f" (“{asked.text}”)" if asked is not None else ""
    return f"{app.company} asked not to be contacted before {when}{said}."


def send_blockers(app: Application, letter: Letter, now: datetime, zone: Zone) -> list[str]:
    """Why the letter should not be marked sent yet; empty when it may go."""
    reasons = []
    if letter.missing:
        reasons.append("the letter still has gaps: " + ", ".join(marker(m) for m in letter.missing))
    if letter.kind is LetterKind.FOLLOW_UP:
        quiet = quiet_period_warning(app, now, zone)
        if quiet:
            reasons.append(quiet)
    return reasons


def mark_sent(app: Application, letter: Letter, *, now: datetime, zone: Zone, force: bool = False) -> Application:
    """Record the letter as sent (contact, thanked time or follow-up count, stage)."""
    if letter.app_id != app.id:
        raise ValidationError(f"this letter was drafted for another card, not {app.company}")
    blockers = send_blockers(app, letter, now, zone)
    if blockers and not force:
        raise ValidationError("not marked sent: " + "; ".join(blockers))
    return actions.record_letter_sent(
        app, letter.kind, now=now, interviewer_id=letter.interviewer_id, to=letter.to,
        summary=f"“{letter.subject}”",
    )
