"""Letters drafted from a card: what fills them (whom they go to: `tui.core.recipients`).

The template syntax (placeholders, optional parts, gaps) lives in
`tui.core.templates`; its names are re-exported here for callers. Nothing here
reads the clock or touches files other than the templates: callers pass `now`,
the settings and the template folder. Whether a letter fits the moment, the
checks before sending and marking it sent are in `tui.core.letter_checks`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from tui.core import stages, timefmt
from tui.core.deadlines import direction_default_time, quiet_until, work_calendar
from tui.core.errors import ValidationError
from tui.core.greeting import greeting_name, is_title_only
from tui.core.model import Application
from tui.core.parts import Interviewer, Round
from tui.core.recipients import recipient, thank_you_target
from tui.core.settings import Settings
from tui.core.stages import DirectionKind, LetterKind
from tui.core.templates import (  # noqa: F401  (re-exported: the letters' one public face)
    FOLLOW_UP_AGAIN,
    PLACEHOLDERS,
    VARIANTS,
    LeftOut,
    Template,
    all_template_names,
    escaped_placeholders,
    fill,
    load_template,
    marker,
    missing_placeholders,
    parse_template,
    placeholders_in,
    render,
    template_name,
    word_count,
    words,
)
from tui.core.text import shell_word
from tui.core.timeutil import Zone, local
from tui.core.when import WrongWeekday, parse_when

# What two interviewers' notes must not share: what was discussed with each. Left out of a letter's
# frame, so it counts as the note's own words. A link and its note stay in the frame: a link added
# to one of two notes on the same topic leaves them the same note (letter_checks.near_duplicates).
PERSONAL = ("topic",)
_HOLE = "\x00"  # stands for a personal value in the frame: a non-empty value that is no word


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


@dataclass
class Letter:
    kind: LetterKind
    subject: str
    body: str
    to: str  # display form: 'Dana Kim <dana@acme.example>'
    recipient_name: str
    app_id: str
    recipient_why: str = ""  # why the letter goes to them, when nobody was asked for (recipients.recipient)
    interviewer_id: str | None = None
    round_id: str | None = None
    template: str = ""  # where the template came from
    missing: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)  # optional lines not used, and what would add them
    frame: str = ""  # the body with what was discussed (PERSONAL) taken out: see own_words
    warnings: list[str] = field(default_factory=list)  # what to know before sending it: a quiet period
    variant: str | None = None  # an offer reply's answer ("accept", "ask-for-time", "decline"): what sending it says
    answer_by: datetime | None = None  # the day the letter promises an answer by ({answer_by}), as a do-by's due
    # `{name}`s the template wrote as literal text ({{name}}): no gap while the text still holds them
    escaped: tuple[str, ...] = ()

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
                       missing=missing_placeholders(subject + "\n" + body, escaped=self.escaped))


def quiet_period_warning(app: Application, now: datetime, zone: Zone,
                         kind: LetterKind | None = None) -> str | None:
    """When they asked not to be contacted yet: which date, and their words. The one text of the warning
    every letter drafted inside a quiet period carries (`Letter.warnings`; PRODUCT: the app warns when
    the user drafts a letter to that company inside it), and of what holds a follow-up back from being
    marked sent (letter_checks.send_blockers). A thank-you's says why its deadline still runs: the
    sidebar asks for the note inside the period, and the bare warning read as a contradiction (review R2 2)."""
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
    if kind is LetterKind.THANK_YOU:
        return (f"{app.company} asked not to be contacted before {when}{said}: a thank-you for the interview "
                "is the usual exception, so its deadline still runs; send it unless their words rule it out.")
    return f"{app.company} asked not to be contacted before {when}{said}."


def _last_held_round(app: Application, now: datetime) -> Round | None:
    """The latest round that has taken place: what a letter recalls ("our onsite on Tuesday"), never one
    still to come; the latest round of all when none has taken place yet."""
    held = app.held_rounds(now)
    return max(held, key=lambda r: r.at) if held else app.latest_round


def _focus(app: Application, recipient: str, now: datetime) -> tuple[Round | None, Interviewer | None]:
    """For letters to the company: the latest round held, and the interviewer in it whose
    topic the letter recalls (the recipient when they were there)."""
    rnd = _last_held_round(app, now)
    if rnd is None:
        return None, None
    for person in rnd.interviewers:
        if recipient and person.name.lower() == recipient.lower():
            return rnd, person
    with_topic = [p for p in rnd.interviewers if p.topic]
    people = with_topic or rnd.interviewers
    return rnd, (people[0] if people else None)


def round_phrase(name: str) -> str:
    """The round as a letter to the people met names it: 'our interview' for a plain one, 'our phone
    interview', 'the Onsite round' (stages.round_phrase, the one rule for every text)."""
    return stages.round_phrase(name, ours=True)


def _greeting(name: str) -> str:
    """Whom a letter greets (greeting.greeting_name), or '' for a name that is a title alone ("Dr."): the
    letter then shows its [name?] gap to fill rather than open with "Hi Dr.," (review W 7)."""
    greeted = greeting_name(name)
    return "" if is_title_only(greeted) else greeted


def _we_spoke(person: Interviewer | None, recipient: str) -> str:
    """Who discussed {topic} with the user, as the reader knows it: "we spoke" to that interviewer, "I
    spoke with Lena Fox" to anyone else, so a recruiter is not told of a conversation they never had
    (review W 1)."""
    if person is None:
        return ""
    if recipient.casefold() == person.name.casefold():
        return "we spoke"
    return f"I spoke with {person.name}"


def _values(app: Application, settings: Settings, now: datetime, rnd: Round | None, person: Interviewer | None,
            recipient: str) -> dict[str, str]:
    """Every placeholder's value but {answer_by}, which `draft` fills from the day it tracks (_promised)."""
    zone = settings.zone
    signature = settings.signature.strip() or settings.name.strip()
    earlier = last_follow_up_at(app)
    return {
        "my_name": settings.name.strip() or first_line(settings.signature),
        "signature": signature,
        "company": app.company,
        "role": app.role,
        "round_name": rnd.name if rnd else "",
        "round_date": in_words(rnd.at, zone, now) if rnd else "",
        "round_phrase": round_phrase(rnd.name) if rnd else "",
        "interviewer_name": person.name if person else "",
        "interviewer_first_name": _greeting(person.name) if person else "",
        "topic": person.topic if person else "",
        "we_spoke": _we_spoke(person, recipient),
        "link": person.link if person else "",
        "link_note": person.link_note if person else "",
        "pitch": app.pitch.strip() or settings.pitch.strip(),
        "recipient_name": recipient,
        "recipient_first_name": _greeting(recipient),
        "last_follow_up_date": in_words(earlier, zone, now) if earlier else "",
    }


ANSWER_BUSINESS_DAYS = 3  # how long asking for time asks for


def promised_answer_day(settings: Settings, now: datetime) -> datetime:
    """When asking for time promises the answer: three business days on, counted as every deadline is
    (weekends and the `holidays` calendar are not business days), due as working hours end that day."""
    work = work_calendar(settings)
    day = local(work.add_business_days(now, ANSWER_BUSINESS_DAYS), settings.zone).date()
    return work.end_of_day(day)


def _promised(template: Template, by_hand: dict[str, str], settings: Settings, sent: datetime) -> datetime | None:
    """The answer date a letter sent at `sent` promises, for the deadline marking it sent sets: None when
    the template promises none. A date given by hand is read as any time is (read_answer_by)."""
    if "answer_by" not in placeholders_in(template.subject + "\n" + template.body):
        return None
    typed = (by_hand.get("answer_by") or "").strip()
    if not typed:
        return promised_answer_day(settings, sent)
    return read_answer_by(typed, settings, sent)


def read_answer_by(typed: str, settings: Settings, now: datetime) -> datetime:
    """The day typed for {answer_by}, read forward by the one time reader (a day alone is due as working
    hours end), also in the letter's own wording ("Monday 30 November"): the weekday before a date must
    agree with it. A ValidationError says how to write it, so no letter promises a day nobody tracks."""
    zone = settings.zone
    end = direction_default_time(settings, DirectionKind.DO_BY)
    how = (f'cannot read the answer date {typed!r}: write it as the letter does, e.g. --set answer_by="'
           f'{in_words(promised_answer_day(settings, now), zone, now)}", or "4 Dec", "2026-12-04"')
    try:  # the one time reader: it reads the letter's own wording too ("Monday 30 November")
        return parse_when(typed, local(now, zone), zone, default_time=end)
    except WrongWeekday:  # its message says which day the date is
        raise
    except ValidationError:
        raise ValidationError(how) from None


def last_follow_up_at(app: Application) -> datetime | None:
    """When the latest of the follow-ups that count (`Application.follow_ups_that_count`) went out
    (None: none yet)."""
    return max((c.at for c in app.follow_ups_that_count()), default=None)


# The placeholders a setting fills in every letter: placeholder -> the setting (`followup config KEY`).
# A letter's own value is given by the placeholder's name (`followup letter --set my_name=…`).
SETTING_OF = {"my_name": "name", "signature": "name", "pitch": "pitch"}


def fill_hint(missing: list[str], card: str = "ID", person: str = "") -> str:
    """How to fill a letter's gaps from the command line: the `--set` key of each, then per gap what fills
    it for good: the card's interviewer for [topic?], a setting for the name (review V 12: `config name`
    was offered for a [topic?] it cannot fill), e.g. 'fill them with --set topic="…" --set signature="…",
    or on the card with: followup interviewer 3f2a "Dana Kim" --topic "…" and for every letter with:
    followup config name "…"'."""
    hint = "fill them with " + " ".join(f'--set {gap}="…"' for gap in missing)
    sources = []
    if "topic" in missing:
        sources.append(f'on the card with: followup interviewer {card} {shell_word(person) if person else "NAME"} '
                       '--topic "…"')
    keys = list(dict.fromkeys(SETTING_OF[gap] for gap in missing if gap in SETTING_OF))
    if keys:
        sources.append("for every letter with: " + " and ".join(f'followup config {key} "…"' for key in keys))
    return hint + (", or " + " and ".join(sources) if sources else "")


def _why(needs: tuple[str, ...], person: str) -> str:
    """What the user would add to get an optional line: 'add a link for Dana Kim'."""
    who = person or "the interviewer"
    hints = {
        "link": f"add a link for {who}",
        "link_note": f"add a few words on what {who}'s link is",
        "topic": f"add the topic you discussed with {who}",
        "pitch": "set a pitch (this card's, or pitch in the settings)",
        "my_name": "set your name in the settings",
        "signature": "set your name in the settings",
        "round_name": "add a round",
        "round_date": "add a round",
        "round_phrase": "add a round",
        "recipient_name": "add a recruiter",
        "recipient_first_name": "add a recruiter",
        "last_follow_up_date": "record an earlier follow-up",
    }
    said: list[str] = []
    for name in needs:
        hint = hints.get(name, f"fill {{{name}}}")
        if hint not in said:
            said.append(hint)
    # "add the topic … and a link …", not "add the topic … and add a link …"
    joined = said[:1] + [hint.removeprefix("add ") if said[0].startswith("add ") else hint for hint in said[1:]]
    return " and ".join(joined)


def _recorded(gaps: tuple[str, ...]) -> str:
    """Where the values a left-out line waits for are kept: the line is drafted from the card and the
    settings, so filling `[topic?]` in the letter's text does not bring it back (review V 7). Short: at
    80 columns the letters screen shows one line of it; the command line names each gap's command."""
    where = {
        "topic": "their topic is on the card",
        "my_name": "your name is in the settings",
        "signature": "your name is in the settings",
    }
    said = list(dict.fromkeys(where.get(name, f"{marker(name)} is filled") for name in gaps))
    return " and ".join(said)


def left_out_line(item: LeftOut, person: str) -> str:
    """'“Here is the article on … I mentioned: …”: to use it, add a link for Dana Kim' (the line first,
    then what it takes)."""
    instead = " (a shorter line stands in)" if item.fallback else ""
    if not item.needs:  # the letter's own gaps are all it waits for
        return f"“{item.text}”{instead}: it comes back once {_recorded(item.with_gaps)}"
    once = f", once {_recorded(item.with_gaps)}" if item.with_gaps else ""
    return f"“{item.text}”{instead}: to use it, {_why(item.needs, person)}{once}"


def first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def draft(
    app: Application, kind: LetterKind | str, settings: Settings, now: datetime, *,
    interviewer_id: str | None = None, templates_dir: Path | str | None = None,
    variant: str | None = None, values: dict[str, str] | None = None, sent_at: datetime | None = None,
) -> Letter:
    """Fill the template for `kind` from the card.

    A thank-you note is for one interviewer (by id or name; when absent, the only
    one still waiting). Other letters go to that interviewer when one is named,
    else to whom `recipient` picks (the recruiter first). A follow-up after an earlier one (since the process
    last moved) uses the shorter `follow-up-again` template, which names the
    earlier letter's date. `values` fills or replaces placeholders by hand.
    `sent_at`: when the letter went out, for one recorded afterwards: the answer
    date asking for time promises counts from then, not from `now`.
    """
    kind = LetterKind.parse(kind)
    name = template_name(kind, variant)
    if kind is LetterKind.FOLLOW_UP and app.follow_up_count > 0:
        name = FOLLOW_UP_AGAIN
    template = load_template(name, templates_dir)
    if kind is LetterKind.THANK_YOU:
        rnd, person = thank_you_target(app, interviewer_id, now)
    elif interviewer_id:
        rnd, person = app.find_interviewer(interviewer_id)
    else:
        rnd, person = None, None
    to_whom = recipient(app, now, person)
    if person is None:
        rnd, person = _focus(app, to_whom.name, now)
    sent = now if sent_at is None else sent_at
    filled = _values(app, settings, now, rnd, person, to_whom.name)
    extra = {k: str(v) for k, v in (values or {}).items()}
    unknown = sorted(set(extra) - set(PLACEHOLDERS))
    if unknown:
        raise ValidationError(f"unknown placeholder {', '.join(unknown)}: known are {', '.join(sorted(PLACEHOLDERS))}")
    promised = _promised(template, extra, settings, sent)
    if promised is not None:  # the day the deadline tracks, typed or not, in the letter's own words
        extra = {**extra, "answer_by": in_words(promised, settings.zone, now)}
    filled.update({k: v for k, v in extra.items() if v.strip()})
    if not filled["signature"].strip():  # as in the settings, the signature falls back to the name
        filled["signature"] = filled["my_name"]
    subject, gaps, subject_left = render(template.subject, filled, sentences=False)
    body, body_gaps, body_left = render(template.body, filled)
    missing = gaps + [g for g in body_gaps if g not in gaps]
    person_name = person.name if person else ""
    holes = {name: (_HOLE if (filled.get(name) or "").strip() else "") for name in PERSONAL}
    frame = render(template.body, {**filled, **holes})[0]
    return Letter(
        kind=kind, subject=subject, body=body, to=to_whom.display, recipient_name=to_whom.name, app_id=app.id,
        recipient_why=to_whom.why,
        interviewer_id=person.id if (person and kind is LetterKind.THANK_YOU) else None,
        round_id=rnd.id if rnd else None, template=template.source, missing=missing,
        left_out=[left_out_line(item, person_name) for item in subject_left + body_left], frame=frame,
        warnings=[w for w in (quiet_period_warning(app, now, settings.zone, kind),) if w],
        variant=name.removeprefix(f"{kind.value}-") if kind in VARIANTS else None,
        answer_by=promised,
        escaped=tuple(escaped_placeholders(subject + "\n" + body)),
    )
