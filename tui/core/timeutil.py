"""Time helpers: everything is stored in UTC and shown in the user's zone."""

from __future__ import annotations

import pendulum
from pendulum import DateTime

from tui.core.errors import ValidationError

UTC = pendulum.UTC


def to_utc(value: DateTime) -> DateTime:
    if value.tzinfo is None:
        raise ValidationError("a time without a time zone cannot be stored; give its zone")
    return pendulum.instance(value).in_timezone(UTC)


def dump_time(value: DateTime | None) -> str | None:
    """ISO 8601 in UTC, the one form times take in the data file."""
    if value is None:
        return None
    return to_utc(value).isoformat()


def load_time(text: str | None, *, field: str = "time") -> DateTime | None:
    """Read a stored ISO time; a naive string is taken as UTC, as stored times are."""
    if text in (None, ""):
        return None
    try:
        parsed = pendulum.parse(str(text), tz=UTC)
    except Exception as exc:  # pendulum raises several types
        raise ValidationError(f"{field}: {text!r} is not an ISO 8601 time") from exc
    if not isinstance(parsed, DateTime):
        # a bare date: midnight UTC
        parsed = pendulum.datetime(parsed.year, parsed.month, parsed.day, tz=UTC)
    return parsed.in_timezone(UTC)


def local_zone(name: str | None = None):
    """The user's zone: the setting when given, else the system's."""
    if name:
        try:
            return pendulum.timezone(name)
        except Exception as exc:
            raise ValidationError(
                f"unknown time zone {name!r}: use an IANA name such as 'Europe/Paris'"
            ) from exc
    try:
        return pendulum.local_timezone()
    except Exception:
        return UTC
