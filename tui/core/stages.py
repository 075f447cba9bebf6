"""The five stages of an application and the outcomes that close it."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Self, cast

from tui.core.errors import ValidationError, quoted

DEFAULT_ROUND_NAME = "Interview"  # the round a card starts with when nobody named it; letters say "our interview"
# Round names that say nothing of their own: the default above and its like, in any case. Every text that
# names a round asks `own_round_name`/`round_phrase`, so none says "Interview: interview" or "the Final round round".
PLAIN_ROUND_NAMES = frozenset({"interview", "interviews", "interview round", "round"})


def round_name_or_default(name: str) -> str:
    """The name a round is stored with: as typed, or DEFAULT_ROUND_NAME when left empty, whoever adds it."""
    return name.strip() or DEFAULT_ROUND_NAME


def own_round_name(name: str) -> str:
    """The round's name when it says something of its own ("Onsite", "Final round"), spaces squeezed;
    '' for a plain one (PLAIN_ROUND_NAMES), which a line then leaves out or words as "interview"."""
    squeezed = " ".join(name.split())
    return "" if squeezed.casefold() in PLAIN_ROUND_NAMES else squeezed


# "Round 2", "Interview 3", "Round B": a round named by its count reads without an article ("since round 2").
_COUNTED = re.compile(r"(?:round|interview)\s+(?:\d+|[ivx]+|[a-z]|one|two|three|four|five|six)", re.IGNORECASE)
_INTERVIEW_WORDS = frozenset({"interview", "interviews"})
_ROUND_WORDS = frozenset({"round", "rounds"})


def _said_plainly(word: str) -> str:
    """A word of a round's name inside a sentence: lower case, but an acronym or a name with capitals of its
    own inside keeps them (HR, McKinsey)."""
    return word if any(c.isupper() for c in word[1:]) else word.lower()


def round_title(name: str) -> str:
    """The round at the start of a line (a reminder's): 'Interview' for a plain one, 'Onsite interview',
    'Final round', 'Round 2', 'Interviews with the team'; the name's own word round or interview, in any
    place and case, is never given another, as in round_phrase."""
    own = own_round_name(name)
    if not own:
        return DEFAULT_ROUND_NAME
    titled = own[0].upper() + own[1:]
    words = {word.casefold() for word in own.split()}
    return titled if words & (_INTERVIEW_WORDS | _ROUND_WORDS) else f"{titled} interview"


def round_phrase(name: str, *, ours: bool = False) -> str:
    """The round as a sentence names it: 'the Onsite round', 'the Final round', 'round 2', 'the phone
    interview' (an acronym such as HR keeps its capitals), and 'the Interview round' for a plain one. A
    name holding the word round or interview, in any case, is never given another ('the Round 2 round',
    'the Onsite interviews round': review R4 #5). `ours`: a letter to the people met, 'our interview', 'our
    phone interview'. '' for ''."""
    own = own_round_name(name)
    if not own:
        return "" if not name.strip() else "our interview" if ours else f"the {DEFAULT_ROUND_NAME} round"
    if _COUNTED.fullmatch(own):
        first, rest = own.split(" ", 1)
        return f"{first.lower()} {rest}"
    words = {word.casefold() for word in own.split()}
    if words & _INTERVIEW_WORDS:
        return f"{'our' if ours else 'the'} {' '.join(_said_plainly(word) for word in own.split())}"
    return f"the {own}" if words & _ROUND_WORDS else f"the {own} round"


class Choice(StrEnum):
    """A StrEnum read from what people and files say: the one `parse` of every such set.

    The stored value itself is found with one dict look-up (loading a big file
    asks this a few times per application); anything else is normalised first:
    case, spaces and underscores do not matter, and `aliases` may add spellings.
    A value that names no member is refused with the accepted ones, naming the
    kind of value after the class ("unknown direction kind 'x': use one of …").
    """

    @classmethod
    def aliases(cls) -> dict[str, str]:
        """Other spellings of a value (after normalising) that mean it."""
        return {}

    @classmethod
    def parse(cls, text: str) -> Self:
        by_value = cls._value2member_map_
        found = by_value.get(text) if isinstance(text, str) else None
        if found is None:
            key = str(text).strip().lower().replace("_", "-").replace(" ", "-")
            found = by_value.get(cls.aliases().get(key, key))
        if found is not None:
            return cast(Self, found)
        what = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", cls.__name__).lower()  # DirectionKind: direction kind
        raise ValidationError(f"unknown {what} {quoted(text)}: use one of {', '.join(m.value for m in cls)}")


class Stage(Choice):
    INTERVIEWED = "interviewed"
    THANKED = "thanked"
    AWAITING = "awaiting"
    FOLLOWED_UP = "followed-up"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return self.value.replace("-", " ").capitalize()

    @property
    def index(self) -> int:  # type: ignore[override]  # the column number; str.index is never wanted on a stage
        return STAGES.index(self)

    @classmethod
    def aliases(cls) -> dict[str, str]:
        return {"followed": "followed-up"}

    def neighbour(self, step: int) -> "Stage":
        """The stage `step` columns away, clamped to the board's ends."""
        return STAGES[max(0, min(len(STAGES) - 1, self.index + step))]


STAGES: tuple[Stage, ...] = tuple(Stage)
OPEN_STAGES: tuple[Stage, ...] = tuple(stage for stage in STAGES if stage is not Stage.CLOSED)


class Outcome(Choice):
    OFFER = "offer"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    NO_RESPONSE = "no-response"

    @property
    def label(self) -> str:
        return self.value.replace("-", " ")


class DirectionKind(Choice):
    DO_BY = "do-by"  # something the user must do by the date
    NOT_BEFORE = "not-before"  # a quiet period: no contact before the date
    INFO = "info"  # worth remembering, no date rule


class DirectionChange(Choice):
    """What a "direction" line of the history records (its `change`, from schema 4 on): the history
    marks a finished or removed instruction differently from one still to do."""

    ADDED = "added"
    DONE = "done"
    REOPENED = "reopened"
    REMOVED = "removed"


class LetterKind(Choice):
    THANK_YOU = "thank-you"
    FOLLOW_UP = "follow-up"
    REJECTION_REPLY = "rejection-reply"
    OFFER_REPLY = "offer-reply"

    @property
    def noun(self) -> str:
        """The letter as a sentence names it: 'thank-you note', 'follow-up letter', 'offer reply'."""
        return _LETTER_NOUNS[self]


_LETTER_NOUNS = {LetterKind.THANK_YOU: "thank-you note", LetterKind.FOLLOW_UP: "follow-up letter",
                 LetterKind.REJECTION_REPLY: "rejection reply", LetterKind.OFFER_REPLY: "offer reply"}

