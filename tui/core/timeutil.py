"""Time helpers: everything is stored in UTC and shown in the user's zone."""

from __future__ import annotations

from datetime import date, datetime, timezone
from functools import lru_cache

import pendulum
from pendulum import DateTime

from tui.core.errors import ValidationError

UTC = pendulum.UTC
STORED_UTC_SUFFIX = "+00:00"  # datetime.isoformat of a UTC time ends so
_from_iso = datetime.fromisoformat


def to_utc(value: datetime) -> DateTime:
    """The same instant as a pendulum DateTime in UTC; a naive time is refused."""
    if value.tzinfo is None:
        raise ValidationError("a time without a time zone cannot be stored; give its zone")
    if value.tzinfo is UTC and isinstance(value, DateTime):
        return value  # already in the stored form (DateTime is immutable)
    return pendulum.instance(value).in_timezone(UTC)


def dump_time(value: DateTime | None) -> str | None:
    """ISO 8601 in UTC, the one form times take in the data file."""
    if value is None:
        return None
    return to_utc(value).isoformat()


def load_time(text: str | None, *, field: str = "time") -> DateTime | None:
    """Read a stored ISO time; a naive string is taken as UTC, as stored times are.

    Loading a big file reads about ten times per application, so the stored
    form ('+00:00') takes the shortest path, other ISO forms the standard
    library's fast parser, and only odd ones pendulum's slower, lenient one.
    """
    if text is None or text == "":
        return None
    if type(text) is str and text.endswith(STORED_UTC_SUFFIX):  # how dump_time writes every time
        try:
            stored = _from_iso(text)
        except ValueError:
            stored = None  # not ISO after all: the general path below says why
        if stored is not None and stored.tzinfo is timezone.utc:
            return DateTime(stored.year, stored.month, stored.day, stored.hour, stored.minute,
                            stored.second, stored.microsecond, UTC)
    raw = text if type(text) is str else str(text)
    try:
        parsed: object = datetime.fromisoformat(raw)
    except ValueError:
        parsed = _lenient_parse(raw, field)
    if isinstance(parsed, datetime):
        tz = parsed.tzinfo
        if tz is not None and tz is not timezone.utc:  # the stored form, '+00:00', needs no conversion
            if tz is UTC and isinstance(parsed, DateTime):
                return parsed
            parsed = parsed.astimezone(timezone.utc)
        return DateTime(parsed.year, parsed.month, parsed.day, parsed.hour, parsed.minute,
                        parsed.second, parsed.microsecond, tzinfo=UTC)
    if isinstance(parsed, date):  # a bare date: midnight UTC
        return DateTime(parsed.year, parsed.month, parsed.day, tzinfo=UTC)
    raise ValidationError(f"{field}: {text!r} is not a date and time; write it as ISO 8601")


def _lenient_parse(raw: str, field: str) -> object:
    try:
        return pendulum.parse(raw, tz=UTC)
    except Exception as exc:  # pendulum raises several types
        raise ValidationError(f"{field}: {raw!r} is not an ISO 8601 time") from exc


def local_zone(name: str | None = None):
    """The user's zone: the setting when given, else the system's."""
    if name:
        return named_zone(name)
    try:
        return pendulum.local_timezone()
    except Exception:
        return UTC


@lru_cache(maxsize=64)
def named_zone(name: str):
    """Looking a zone up costs tens of microseconds; the deadline rules ask once per card."""
    try:
        return pendulum.timezone(name)
    except Exception as exc:
        raise ValidationError(
            f"unknown time zone {name!r}: use an IANA name such as 'Europe/Paris'"
        ) from exc
