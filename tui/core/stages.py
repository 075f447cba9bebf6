"""The five stages of an application and the outcomes that close it."""

from __future__ import annotations

from enum import StrEnum

from tui.core.errors import ValidationError


def _member(cls: type[StrEnum], text: object, aliases: dict[str, str] | None = None) -> StrEnum | None:
    """The member of `cls` that `text` names, or None.

    The stored value itself is found with one dict look-up (loading a big file
    asks this a few times per application); anything else is normalised first:
    case, spaces and underscores do not matter.
    """
    by_value = cls._value2member_map_
    if isinstance(text, str):
        found = by_value.get(text)
        if found is not None:
            return found
    key = str(text).strip().lower().replace("_", "-").replace(" ", "-")
    if aliases:
        key = aliases.get(key, key)
    return by_value.get(key)


class Stage(StrEnum):
    INTERVIEWED = "interviewed"
    THANKED = "thanked"
    AWAITING = "awaiting"
    FOLLOWED_UP = "followed-up"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return self.value.replace("-", " ").capitalize()

    @property
    def index(self) -> int:
        return STAGES.index(self)

    @classmethod
    def parse(cls, text: str) -> "Stage":
        stage = _member(cls, text, {"followed": "followed-up"})
        if stage is not None:
            return stage
        raise ValidationError(
            f"unknown stage {text!r}: use one of {', '.join(s.value for s in cls)}"
        )

    def neighbour(self, step: int) -> "Stage":
        """The stage `step` columns away, clamped to the board's ends."""
        return STAGES[max(0, min(len(STAGES) - 1, self.index + step))]


STAGES: tuple[Stage, ...] = tuple(Stage)


class Outcome(StrEnum):
    OFFER = "offer"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    NO_RESPONSE = "no-response"

    @property
    def label(self) -> str:
        return self.value.replace("-", " ")

    @classmethod
    def parse(cls, text: str) -> "Outcome":
        outcome = _member(cls, text)
        if outcome is not None:
            return outcome
        raise ValidationError(
            f"unknown outcome {text!r}: use one of {', '.join(o.value for o in cls)}"
        )


class DirectionKind(StrEnum):
    DO_BY = "do-by"  # something the user must do by the date
    NOT_BEFORE = "not-before"  # a quiet period: no contact before the date
    INFO = "info"  # worth remembering, no date rule

    @classmethod
    def parse(cls, text: str) -> "DirectionKind":
        kind = _member(cls, text)
        if kind is not None:
            return kind
        raise ValidationError(
            f"unknown direction kind {text!r}: use one of {', '.join(k.value for k in cls)}"
        )


class LetterKind(StrEnum):
    THANK_YOU = "thank-you"
    FOLLOW_UP = "follow-up"
    REJECTION_REPLY = "rejection-reply"
    OFFER_REPLY = "offer-reply"

    @classmethod
    def parse(cls, text: str) -> "LetterKind":
        kind = _member(cls, text)
        if kind is not None:
            return kind
        raise ValidationError(
            f"unknown letter kind {text!r}: use one of {', '.join(k.value for k in cls)}"
        )
