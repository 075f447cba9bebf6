"""The five stages of an application and the outcomes that close it."""

from __future__ import annotations

from enum import StrEnum

from tui.core.errors import ValidationError


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
        key = str(text).strip().lower().replace("_", "-").replace(" ", "-")
        if key == "followed":
            key = "followed-up"
        for stage in cls:
            if stage.value == key:
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
        key = str(text).strip().lower().replace("_", "-").replace(" ", "-")
        for outcome in cls:
            if outcome.value == key:
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
        key = str(text).strip().lower().replace("_", "-").replace(" ", "-")
        for kind in cls:
            if kind.value == key:
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
        key = str(text).strip().lower().replace("_", "-").replace(" ", "-")
        for kind in cls:
            if kind.value == key:
                return kind
        raise ValidationError(
            f"unknown letter kind {text!r}: use one of {', '.join(k.value for k in cls)}"
        )
