"""Letter templates: their syntax, the check made when one is loaded, and filling one in.

A template is a text file whose first line is `Subject: ...`, then the body.
`{placeholder}` names a value taken from the card or the settings (`{{` and
`}}` write a literal brace). A required value the card lacks stays in the
letter as a visible `[name?]` marker, so nothing half-filled goes out unnoticed.

An optional part is written `[[ ... ]]` on one line: it is kept when every
placeholder in it has a value and disappears cleanly otherwise (the line too,
when nothing else was on it). `||` inside one gives alternatives, the first
whose values are all known wins, so the last may be a plain fallback with no
placeholder at all: `[[Here is {link_note}: {link} || The article: {link}]]`.
What was left out is reported with the placeholders it waited for, so a
screen can say what adding them would add; so is a first alternative whose
stand-in carries none of its values (a plain line instead of your pitch),
but not one that merely reads more plainly (a link without its note).

The defaults ship in `tui.data/templates/`; a file of the same name in the
user's template folder replaces one.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from tui.core.errors import ValidationError, quoted
from tui.core.files import open_regular
from tui.core.stages import LetterKind
from tui.core.text import CONTROLS, line_feeds, plural, unclean_words

# Every placeholder a template may use, with what fills it (shown in the help).
PLACEHOLDERS: dict[str, str] = {
    "my_name": "your name (settings: name)",
    "signature": "your sign-off (settings: signature, else name)",
    "company": "the company",
    "role": "the role",
    "round_name": "the interview round's name",
    "round_date": "the day of the round, in words",
    "round_phrase": ("the round in a few words: \"the Onsite round\", \"round 2\", or \"our interview\" for "
                     "one named plainly"),
    "interviewer_name": "the interviewer's full name",
    "interviewer_first_name": "the interviewer's first name",
    "topic": "what you discussed with that interviewer",
    "we_spoke": "\"we spoke\" in a letter to that interviewer, else \"I spoke with\" and their name: whom {topic} "
                "was discussed with, in words true for the reader (a follow-up to the recruiter)",
    "link": "the web address kept with that interviewer (an article, a talk, a repository)",
    "link_note": "what that link is, in a few words",
    "pitch": "what you bring: the card's pitch, else settings: pitch",
    "recipient_name": "the person the letter is to",
    "recipient_first_name": "that person's first name",
    "answer_by": "three business days after the letter goes out, in words (for asking for time; "
                 "holidays are not business days)",
    "last_follow_up_date": "the day your last follow-up went out, in words",
}

# Offer replies come in three variants (the answer they give); the first is the default.
VARIANTS: dict[LetterKind, tuple[str, ...]] = {LetterKind.OFFER_REPLY: ("accept", "ask-for-time", "decline")}
# Templates that are not a kind's own name: a second or later follow-up uses its own.
FOLLOW_UP_AGAIN = "follow-up-again"

OPEN, CLOSE, OR = "[[", "]]", "||"
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}\n]*)\}")
_MARKER = re.compile(r"\[([a-z_]+)\?\]|\{([a-z_]+)\}")
_OPTIONAL = re.compile(r"\[\[(.*?)\]\]")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def marker(name: str) -> str:
    """How an unfilled required placeholder shows in a letter."""
    return f"[{name}?]"


def word_count(text: str) -> int:
    """Words as `wc -w` counts them, separated by white space: what a mail tool or a reader counts, so a
    link is one word, not each part of its address (review W 8). The one count the letters screen shows."""
    return len(text.split())


def words(text: str) -> list[str]:
    """The words of a text, lower-cased: what letters are compared by."""
    return [w.lower() for w in _WORD.findall(text)]


@dataclass(frozen=True)
class Template:
    name: str
    subject: str
    body: str
    source: str  # the file it came from, or "built-in"


@dataclass(frozen=True)
class LeftOut:
    """An optional part not used as written: the placeholders it lacked and its text with `…` for them."""

    needs: tuple[str, ...]
    text: str
    fallback: bool = False  # a later alternative stood in for it
    # values it also lacks that the letter needs anyway (each already a `[name?]` gap): filling them is
    # not extra work for this line, so they do not count against it and the hint only mentions them
    with_gaps: tuple[str, ...] = ()


def template_name(kind: LetterKind | str, variant: str | None = None) -> str:
    """The file stem for a kind (and variant): 'thank-you', 'offer-reply-accept'."""
    kind = LetterKind.parse(kind)
    choices = VARIANTS.get(kind, ())
    if not choices:
        if variant:
            raise ValidationError(f"a {kind.value} letter has no variants; leave out {quoted(variant)}")
        return kind.value
    chosen = (variant or choices[0]).strip().lower()
    if chosen not in choices:
        raise ValidationError(f"unknown {kind.value} variant {quoted(variant or '')}: use one of {', '.join(choices)}")
    return f"{kind.value}-{chosen}"


def all_template_names() -> list[str]:
    names = [template_name(k, v) for k in LetterKind for v in (VARIANTS.get(k) or (None,))]
    names.insert(names.index(LetterKind.FOLLOW_UP.value) + 1, FOLLOW_UP_AGAIN)
    return names


def placeholders_in(text: str) -> list[str]:
    """The placeholder names a template uses, in order of first use."""
    found: list[str] = []
    for match in _TOKEN.finditer(text):
        name = match.group(1)
        if name is not None and name not in found:
            found.append(name)
    return found


def _check_braces(text: str, source: str) -> None:
    """Every `{` opens a placeholder closed on its line, every `}` closes one: a stray brace would go out
    as literal text ("Hi {interviewer_first_name"), so it is refused with its line."""
    for number, line in enumerate(text.split("\n"), start=1):
        rest = _TOKEN.sub(lambda m: " " * len(m.group(0)), line)
        for brace in ("{", "}"):
            at = rest.find(brace)
            if at < 0:
                continue
            where = f"template {source}, line {number}"
            if brace == "{":
                raise ValidationError(f"{where}: the placeholder “{line[at:at + 30].strip()}” is not closed with }} "
                                      "on the same line (write {{ for a brace itself)")
            raise ValidationError(f"{where}: a }} after “{line[max(0, at - 30):at + 1].strip()}” closes no "
                                  "placeholder (write }} for a brace itself)")


def _check_optional_parts(text: str, source: str) -> None:
    """`[[ ... ]]` closed on its own line, not nested, each with something that can be missing."""
    for number, line in enumerate(text.split("\n"), start=1):
        rest = _OPTIONAL.sub("", line)
        where = f"template {source}, line {number}"
        if OPEN in rest:
            raise ValidationError(f"{where}: an optional part opened with [[ is not closed with ]] on the same line")
        if CLOSE in rest:
            raise ValidationError(f"{where}: ]] closes no optional part (open one with [[)")
        for match in _OPTIONAL.finditer(line):
            inner = match.group(1)
            if "[[" in inner:
                raise ValidationError(f"{where}: optional parts cannot be nested")
            choices = inner.split(OR)
            for index, choice in enumerate(choices):
                if not choice.strip():
                    raise ValidationError(f"{where}: an optional part has an empty alternative")
                if not placeholders_in(choice) and index < len(choices) - 1:
                    raise ValidationError(
                        f"{where}: only the last alternative of [[ ... ]] may do without a placeholder "
                        f"(the ones after {choice.strip()[:30]!r} would never be used)")
            if len(choices) == 1 and not placeholders_in(inner):
                raise ValidationError(
                    f"{where}: the optional part [[{inner[:30]}]] has no placeholder, so it would never be left out")


def _check_controls(lines: list[str], source: str) -> None:
    """No terminal controls (ESC, BEL, NUL, C1, the bidi overrides): a template's text is printed by
    `followup letter` and shown on the board, and an ESC[2J or an OSC 52 clipboard write would reach the
    terminal (fz6 5), where typed text and settings holding one are refused. Tabs and line breaks are text."""
    for number, line in enumerate(lines, start=1):
        found = CONTROLS.search(line)
        if found:
            raise ValidationError(f"template {source}, line {number}: {unclean_words(line)} "
                                  f"(U+{ord(found.group()):04X}) is not letter text; remove it")


def parse_template(name: str, text: str, source: str = "built-in") -> Template:
    """Check a template's shape and placeholders; a ValidationError names what is wrong."""
    lines = line_feeds(text).lstrip("\ufeff").split("\n")
    _check_controls(lines, source)
    first = lines[0]
    if not first.lower().startswith("subject:"):
        raise ValidationError(f"template {source}: the first line must be 'Subject: ...', not {first[:40]!r}")
    subject = first[len("subject:"):].strip()
    body = "\n".join(line.rstrip() for line in lines[1:]).strip("\n")
    if not subject:
        raise ValidationError(f"template {source}: the subject after 'Subject:' is empty")
    if not body.strip():
        raise ValidationError(f"template {source}: there is no letter below the subject line")
    _check_braces("\n".join(lines), source)  # the file's own lines, so the line number is the file's
    unknown = [p for p in placeholders_in(subject + "\n" + body) if p not in PLACEHOLDERS]
    if unknown:
        listed = ", ".join("{" + p + "}" for p in unknown)
        raise ValidationError(
            f"template {source}: unknown {plural(len(unknown), 'placeholder')} {listed}; "
            f"known are {', '.join(sorted(PLACEHOLDERS))}"
        )
    _check_optional_parts("\n".join(lines), source)
    return Template(name, subject, body, source)


def load_template(name: str, templates_dir: Path | str | None = None) -> Template:
    """The user's `<templates_dir>/<name>.txt` when it exists, else the built-in one. Anything at that
    path that is not a readable file (a folder, a FIFO, a device, a link to nothing or a loop) is refused
    as an unreadable file is: skipped for the built-in one, the user's edits seemed to do nothing (fz6 5);
    read without blocking, so a FIFO cannot hang the letter."""
    if templates_dir is not None:
        override = Path(templates_dir).expanduser() / f"{name}.txt"
        if os.path.lexists(override):
            try:
                with open_regular(override) as handle:
                    text = handle.read().decode("utf-8")
            except OSError as exc:
                reason = exc.strerror or str(exc)
                if isinstance(exc, FileNotFoundError):  # there, yet not found: a link to nothing
                    reason = "a link to a file that does not exist"
                raise ValidationError(f"template {override}: cannot be read ({reason}); fix or remove it") from exc
            except UnicodeDecodeError as exc:
                raise ValidationError(f"template {override}: cannot be read ({exc}); fix or remove it") from exc
            return parse_template(name, text, str(override))
    builtin = resources.files("tui.data").joinpath("templates", f"{name}.txt")
    if not builtin.is_file():
        raise ValidationError(f"no template named {name!r}: known are {', '.join(all_template_names())}")
    return parse_template(name, builtin.read_text(encoding="utf-8"))


# --- filling ----------------------------------------------------------------

def _known(values: dict[str, str], name: str) -> bool:
    return bool((values.get(name) or "").strip())


# Values people type as phrases: one that ends a line of the letter after other words ends a sentence the
# template leaves open ("What I would bring: {pitch}"), so it gets a full stop when it has no closing mark.
PROSE = frozenset({"pitch", "topic", "link_note"})
_CLOSING = (".", "!", "?", "…")
_ABBREVIATION = re.compile(  # a value whose last full stop is part of its last word: "Alex M.", "Acme Inc."
    r"(?:^|\s)(?:[^\W\d_]\.|(?:[^\W\d_]+\.){2,}|(?:jr|sr|inc|ltd|co|corp|etc|st|vs|no|dr|mr|mrs|ms|prof)\.)$",
    re.IGNORECASE)


def _placed(name: str, value: str, line_so_far: str, after: str, *, sentences: bool) -> tuple[str, int]:
    """A typed value as it reads where the template puts it, and how many of the template's own characters
    after it to leave out: its own full stop goes when the template's punctuation follows ("Error budgets."
    before "." or ":") or the sentence goes on ("the piece on Error budgets. I had in mind"), unless it
    belongs to an abbreviation ("I am Alex M.;"); one ending in ! takes the place of the template's full
    stop, and so does one closed after its full stop ("tests.)"); a trailing , ; or : never meets the
    template's punctuation ("about a; b."), and a phrase (PROSE) ending in ? loses it where the letter's
    sentence states it ("we spoke about why Kafka."); a phrase ending a line that the template leaves open
    gets a full stop. Runs of spaces fold to one. Nothing is lower-cased: a topic may start with a proper
    noun."""
    rest = after.split("\n", 1)[0]
    if sentences:
        value = "\n".join(re.sub(r"[ \t]{2,}", " ", line) for line in value.split("\n"))
    else:  # a subject stays one line: a two-line signature in it is joined, as a mail client's field joins it
        value = re.sub(r"[ \t]*\n[ \t]*|[ \t]{2,}", " ", value).strip()  # (a no-break space in a name stays)
    if rest.strip():  # the template's sentence goes on: a dangling , ; or : of the value's would meet it
        value = value.rstrip(",;: ")
        if name in PROSE and value.endswith("?") and not value.endswith("??"):
            value = value[:-1].rstrip()  # an indirect question inside the letter's statement
    if value.endswith(".") and not value.endswith(".."):
        if rest.startswith(".") or (rest.strip() and not _ABBREVIATION.search(value)):
            return value[:-1].rstrip(), 0
        return value, 0
    if value.endswith(_CLOSING) and rest.startswith("."):
        return value, 1
    if re.search(r"[.!?…][)\]”’\"']+$", value) and rest.startswith("."):  # closed after its own full stop
        return value, 1
    if sentences and name in PROSE and not rest.strip() and line_so_far.strip() and not value.endswith(_CLOSING):
        return value.rstrip(",;:") + ".", 0
    return value, 0


def fill(text: str, values: dict[str, str], *, sentences: bool = True) -> tuple[str, list[str]]:
    """Replace placeholders; an empty value leaves its `[name?]` marker and is reported.

    The one place typed values go into a letter, so their punctuation is fitted here (_placed);
    `sentences=False` for a subject line, which ends with no full stop and stays one line (a value's line
    breaks become spaces: "Subject: From Alex" then "Phone 123 re Engineer" gave a mail tool the wrong
    subject, fz6 8)."""
    missing: list[str] = []
    out: list[str] = []
    at = 0
    for match in _TOKEN.finditer(text):
        if match.start() < at:  # a character the value before took the place of
            continue
        out.append(text[at:match.start()])
        at = match.end()
        token = match.group(0)
        if token in ("{{", "}}"):
            out.append(token[0])
            continue
        name = match.group(1)
        value = (values.get(name) or "").strip()
        if not value:
            if name not in missing:
                missing.append(name)
            out.append(marker(name))
            continue
        line_so_far = "".join(out).rsplit("\n", 1)[-1]
        placed, skip = _placed(name, value, line_so_far, text[at:], sentences=sentences)
        out.append(placed)
        at += skip
    out.append(text[at:])
    return "".join(out), missing


def _preview(choice: str, values: dict[str, str]) -> str:
    """An alternative as it would read, `…` standing for what is not known."""
    shown = {name: (values.get(name) or "").strip() or "…" for name in placeholders_in(choice)}
    return " ".join(fill(choice, shown)[0].split()).lstrip(",;:— ")  # a clause reads on its own


def _choose(inner: str, values: dict[str, str], left_out: list[LeftOut], gaps: frozenset[str] = frozenset()) -> str:
    """The first alternative whose placeholders are all known ('' when none is). When none is, what is
    reported is the one that asks for the least beyond the letter's own gaps (`gaps`)."""
    choices = inner.split(OR)
    for index, choice in enumerate(choices):
        if all(_known(values, name) for name in placeholders_in(choice)):
            first = choices[0]
            if index and not set(placeholders_in(first)) & set(placeholders_in(choice)):
                # a stand-in that carries none of the first's values: say what the first would have said
                needs = tuple(n for n in placeholders_in(first) if not _known(values, n))
                left_out.append(LeftOut(needs, _preview(first, values), fallback=True))
            return choice.strip()
    def lacking(choice: str) -> tuple[str, ...]:
        return tuple(n for n in placeholders_in(choice) if not _known(values, n))

    def extra(choice: str) -> tuple[str, ...]:
        return tuple(n for n in lacking(choice) if n not in gaps)

    nearest = min(reversed(choices), key=lambda choice: len(extra(choice)))  # the least to add; the plainest on a tie
    left_out.append(LeftOut(extra(nearest), _preview(nearest, values),
                            with_gaps=tuple(n for n in lacking(nearest) if n in gaps)))
    return ""


def render(text: str, values: dict[str, str], *, sentences: bool = True) -> tuple[str, list[str], list[LeftOut]]:
    """Fill a template's text: optional parts kept or dropped, required gaps marked.

    Returns (text, required placeholders still missing, optional parts left out).
    A line that held only dropped parts goes, and blank lines never double.
    """
    left_out: list[LeftOut] = []
    lines: list[str] = []
    gaps = frozenset(n for n in placeholders_in(_OPTIONAL.sub("", text)) if not _known(values, n))
    for line in text.split("\n"):
        if OPEN not in line:
            lines.append(line)
            continue
        kept = _OPTIONAL.sub(lambda m: " " + _choose(m.group(1), values, left_out, gaps) + " ", line)
        kept = " ".join(kept.split())
        if kept:
            lines.append(re.sub(r" (?=[.,;:!?])", "", kept))
    joined = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    filled, missing = fill(joined, values, sentences=sentences)
    return filled, missing, left_out


def escaped_placeholders(text: str) -> list[str]:
    """The `{name}`s in a freshly filled letter: each one the template wrote as `{{name}}`, a literal
    (filling replaced every real placeholder), one entry per occurrence."""
    return [match.group(0) for match in _MARKER.finditer(text)
            if match.group(2) in PLACEHOLDERS]


def missing_placeholders(text: str, escaped: tuple[str, ...] | list[str] = ()) -> list[str]:
    """Gaps still in a (possibly edited) letter: `[name?]` markers or raw `{name}`s.

    `escaped`: the literal `{name}`s the template wrote ({{name}}, see escaped_placeholders). The edited
    text cannot tell them from a placeholder pasted in, only count them: as many `{name}`s as the template
    escaped are its literals; one more is a gap."""
    found: list[str] = []
    literals = list(escaped)
    for match in _MARKER.finditer(text):
        name = match.group(1) or match.group(2)
        if match.group(2) is not None and match.group(0) in literals:
            literals.remove(match.group(0))
            continue
        if name in PLACEHOLDERS and name not in found:
            found.append(name)
    return found
