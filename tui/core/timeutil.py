"""Time helpers: everything is stored in UTC and shown in the user's zone."""

from __future__ import annotations

import os
from datetime import date, datetime, timezone
from functools import lru_cache
from typing import TypeAlias

import pendulum
from pendulum import DateTime, FixedTimezone, Timezone
from pendulum.tz.local_timezone import get_local_timezone

from tui.core.errors import ValidationError, quoted

UTC = pendulum.UTC
Zone: TypeAlias = Timezone | FixedTimezone  # the user's zone; both are datetime.tzinfo

# The years a time may be typed, imported or stored in (in UTC): far inside datetime's 1..9999, so no zone's
# offset and nothing the rules add to a time (days, weeks, a year of keeping in touch) can leave the range
# datetime and pendulum hold. A stored "9999-12-31T23:59:59Z" crashed every command that read the card.
FIRST_YEAR, LAST_YEAR = 1900, 2200


def to_utc(value: datetime) -> datetime:
    """The same instant as a standard datetime in UTC, the one form the model holds.

    A naive time is refused. Stored times are already in this form and come
    back unchanged: the model checks every time it decodes.
    """
    tz = value.tzinfo
    if tz is timezone.utc and type(value) is datetime:
        return value
    offset = value.utcoffset()
    if offset is None:
        raise ValidationError("a time without a time zone cannot be stored; give its zone")
    wall = datetime(value.year, value.month, value.day, value.hour, value.minute, value.second,
                    value.microsecond)
    return (wall - offset).replace(tzinfo=timezone.utc)


def checked_time(value: datetime, field: str = "time") -> datetime:
    """`value` in UTC (`to_utc`) when it falls in the years FIRST_YEAR..LAST_YEAR; ValidationError otherwise.
    The one check of a time that is typed, imported or read from the data file."""
    try:
        moment = to_utc(value)
    except OverflowError:  # "0001-01-01T00:00:00+14:00" is before year 1 in UTC
        moment = None
    if moment is None or not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise ValidationError(f"{field}: {value.isoformat()} is out of the years {FIRST_YEAR}–{LAST_YEAR}")
    return moment


def local(moment: datetime, zone: Zone | str) -> DateTime:
    """`moment` in `zone` as a pendulum DateTime: for showing and formatting it."""
    return pendulum.instance(to_utc(moment), tz=UTC).in_timezone(zone)


def dump_time(value: datetime | None) -> str | None:
    """ISO 8601 in UTC, the form times take in exports."""
    if value is None:
        return None
    return to_utc(value).isoformat()


def load_time(text: str | None, *, field: str = "time") -> datetime | None:
    """Read an ISO time; a naive one is taken as UTC, as stored times are."""
    if text is None or text == "":
        return None
    raw = text if type(text) is str else str(text)
    try:
        parsed: object = datetime.fromisoformat(raw)
    except ValueError:
        parsed = _lenient_parse(raw, field)
    if isinstance(parsed, datetime):
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=timezone.utc)
        return checked_time(parsed, field)
    if isinstance(parsed, date):  # a bare date: midnight UTC
        return checked_time(datetime(parsed.year, parsed.month, parsed.day, tzinfo=timezone.utc), field)
    raise ValidationError(f"{field}: {text!r} is not a date and time; write it as ISO 8601")


def _lenient_parse(raw: str, field: str) -> object:
    try:
        return pendulum.parse(raw, tz=UTC)
    except Exception as exc:  # pendulum raises several types
        raise ValidationError(f"{field}: {raw!r} is not an ISO 8601 time") from exc


def local_zone(name: str | None = None) -> Zone:
    """The user's zone: the setting when given, else the system's."""
    if name:
        return named_zone(name)
    tz = os.environ.get("TZ")
    _check_tz(tz)
    try:
        # pendulum.local_timezone is this function, but mypy resolves the name to its module
        zone: Zone = get_local_timezone()
    except Exception:
        return UTC
    if zone.name:
        return zone
    name = _zone_file_name(tz)
    return named_zone(name) if name else zone


@lru_cache(maxsize=8)
def _check_tz(tz: str | None) -> None:
    """ValidationError when TZ is set to what is neither a zone's name nor a zone file: a POSIX rule such
    as "EST5EDT,M3.2.0,M11.1.0" or "UTC+3", which `date` reads and pendulum silently replaces with
    /etc/localtime, so every deadline was worked out hours off the user's clock (fuzz fz6 3). Once per TZ."""
    given = (tz or "").lstrip(":")
    if not given:  # unset: the system's zone file
        return
    if given.startswith("/"):
        if os.path.isfile(given):
            return
    else:
        try:
            named_zone(given)
            return
        except ValidationError:
            pass
    raise ValidationError(
        f"TZ is {quoted(tz or '')}, which Followup cannot read as a time zone (it reads IANA names such as "
        "'America/New_York'): set the zone with `followup config timezone NAME`, or TZ to a zone's name")


@lru_cache(maxsize=8)
def _zone_file_name(tz: str | None) -> str:
    """The zone's name when TZ gives its file (TZ=":/usr/share/zoneinfo/Asia/Tokyo", or /etc/localtime, a
    link to one): pendulum reads the file but leaves the zone unnamed, so `config timezone` said "None"
    and an export's `timezone` column was empty (review T2 5). The path below the zoneinfo folder (its
    posix/ or right/ copies named as the zone itself); "" when that is no zone's name. Once per TZ: the
    rules ask for the zone once per card."""
    path = os.path.realpath((tz or "").lstrip(":") or "/etc/localtime")
    _, found, below = path.partition("/zoneinfo/")
    for copy in ("posix/", "right/"):
        below = below.removeprefix(copy)
    try:
        return below if found and below and named_zone(below) else ""
    except ValidationError:
        return ""


@lru_cache(maxsize=64)
def named_zone(name: str) -> Zone:
    """Looking a zone up costs tens of microseconds; the deadline rules ask once per card."""
    try:
        return pendulum.timezone(name)
    except Exception as exc:
        raise ValidationError(
            f"unknown time zone {quoted(name)}: use an IANA name such as 'Europe/Paris'"
        ) from exc
