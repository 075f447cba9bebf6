"""User settings: an optional TOML file in the config dir; every key optional.

A bad value is an error that names the key and what it accepts, so the user
can fix the file; nothing is guessed. A key that is no setting (a typo, a key
from a newer version, a table of one's own) is only warned about: it cannot
change what the app does, and refusing it stopped every command, the
reminders and the status line with it, over a line that meant nothing to them.
"""

from __future__ import annotations

import re
from datetime import time, timedelta
from pathlib import Path
from typing import Any, Callable, NamedTuple

from tui.core.errors import ValidationError, quoted
from tui.core.files import open_regular
from tui.core.parts import LINK_LIMIT, LONG_TEXT_LIMIT, NAME_LIMIT
from tui.core.text import BREAK_NAMES, LINE_BREAKS, MULTI_LINE_SETTINGS, is_clean
from tui.core.timeutil import Zone, local_zone

THEMES = (
    "textual-dark", "textual-light", "ansi-dark", "ansi-light", "nord", "gruvbox",
    "dracula", "tokyo-night", "monokai", "solarized-light", "catppuccin-mocha",
)


class Settings(NamedTuple):
    """Immutable and compared by value. A NamedTuple, not a frozen dataclass: the
    board imports this at every start, and the dataclass took ten times as long to make."""

    name: str = ""
    signature: str = ""
    thank_you_hours: int = 24
    follow_up_business_days: int = 5
    follow_up_limit: int = 2
    reply_hours: int = 48  # answering a rejection or an offer
    use_thank_you: bool = True
    timezone: str = ""  # empty: the system's zone
    theme: str = "textual-dark"
    pitch: str = ""  # what the user brings; the follow-up letter uses it (a card may have its own)
    work_hours: str = "09:00-17:00"  # deadlines (but the thank-you) fall inside these on business days
    holidays: str = ""  # "GB-ENG": that country's (and subdivision's) public holidays are not business days
    remind_before: str = "2h"  # lead time of reminders and of .ics alarms
    remind_hours: str = "08:00-21:00"  # reminders are only sent inside these
    remind_channels: tuple[str, ...] = ()  # empty: every configured channel
    notify_command: str = ""  # gets each reminder on standard input
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_security: str = "starttls"
    smtp_user: str = ""
    smtp_password_command: str = ""  # the password never sits in this file
    mail_from: str = ""
    mail_to: str = ""
    terminal_notify: bool = True  # OSC 9 / bell from a running board when a deadline comes due

    @property
    def zone(self) -> Zone:
        return local_zone(self.timezone or None)

    @property
    def work_window(self) -> tuple[time, time]:
        return read_hours(self.work_hours)

    @property
    def remind_window(self) -> tuple[time, time]:
        return read_hours(self.remind_hours)

    @property
    def remind_lead(self) -> timedelta:
        return read_duration(self.remind_before)


_HOURS = re.compile(r"(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})")
_DURATION = re.compile(r"(\d{1,4})\s*(m|min|h|d)")
CHANNELS = ("desktop", "email", "command")
SMTP_SECURITY = ("starttls", "ssl")


def read_hours(text: str) -> tuple[time, time]:
    """'09:00-17:00' as (start, end); ValueError when it is not such a span with start before end."""
    match = _HOURS.fullmatch(text.strip())
    if not match:
        raise ValueError(text)
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    if h1 > 23 or h2 > 24 or m1 > 59 or m2 > 59 or (h2 == 24 and m2):
        raise ValueError(text)
    start, end = time(h1, m1), (time(23, 59, 59) if h2 == 24 else time(h2, m2))
    if not start < end:
        raise ValueError(text)
    return start, end


def read_duration(text: str) -> timedelta:
    """'2h', '30m', '1d' (one minute to a week); ValueError otherwise."""
    match = _DURATION.fullmatch(text.strip().lower())
    if not match:
        raise ValueError(text)
    amount, unit = int(match.group(1)), match.group(2)
    span = timedelta(days=amount) if unit == "d" else timedelta(hours=amount) if unit == "h" else timedelta(
        minutes=amount)
    if not timedelta(minutes=1) <= span <= timedelta(days=7):
        raise ValueError(text)
    return span


def _holiday_code(text: str) -> bool:
    """The shape only ("GB", "GB-ENG", "US-CA"); the calendar checks the code itself (tui.core.holidays)."""
    return not text or re.fullmatch(r"[A-Za-z]{2}(-[A-Za-z0-9]{1,6})?", text) is not None


def _checked_holidays(code: str, source: str) -> str:
    """The code as the holiday calendar spells it; refused naming the country's subdivisions.

    Only a non-empty setting gets here, so the holiday library is imported only
    for a user who named a calendar (tui.core.holidays).
    """
    from tui.core.holidays import check_code

    try:
        return check_code(code)
    except ValidationError as exc:
        raise ValidationError(f"{source}: {exc}") from None


def _parses(reader: Callable[[str], object]) -> Callable[[Any], bool]:
    def check(value: Any) -> bool:
        try:
            reader(value)
        except ValueError:
            return False
        return True
    return check


_RULES: dict[str, tuple[type, str]] = {
    "name": (str, f"text of at most {NAME_LIMIT} characters"),
    "signature": (str, f"text of at most {LINK_LIMIT} characters"),
    "thank_you_hours": (int, "a whole number of hours from 1 to 168"),
    "follow_up_business_days": (int, "a whole number of business days from 1 to 30"),
    "follow_up_limit": (int, "a whole number of follow-ups from 1 to 10"),
    "reply_hours": (int, "a whole number of hours from 1 to 336"),
    "use_thank_you": (bool, "true or false"),
    "timezone": (str, "an IANA zone name such as 'Europe/Berlin', or empty"),
    "theme": (str, "one of " + ", ".join(THEMES)),
    "pitch": (str, f"one or two sentences of text (at most {LONG_TEXT_LIMIT} characters)"),
    "work_hours": (str, "a span of the day such as '09:00-17:00' (start before end)"),
    "holidays": (str, "a country code with an optional subdivision, such as 'GB-ENG' or 'US', or empty"),
    "remind_before": (str, "a lead time such as '2h', '30m' or '1d' (one minute to a week)"),
    "remind_hours": (str, "a span of the day such as '08:00-21:00' (start before end)"),
    "remind_channels": (list, "a list of " + ", ".join(repr(c) for c in CHANNELS)),
    "notify_command": (str, "a shell command, or empty"),
    "smtp_host": (str, "a host name, or empty"),
    "smtp_port": (int, "a port number from 1 to 65535"),
    "smtp_security": (str, "'starttls' or 'ssl'"),
    "smtp_user": (str, "text"),
    "smtp_password_command": (str, "a command that prints the password (never the password itself)"),
    "mail_from": (str, "an e-mail address"),
    "mail_to": (str, "an e-mail address"),
    "terminal_notify": (bool, "true or false"),
}
_CHECKS: dict[str, Callable[[Any], bool]] = {
    "name": lambda value: len(value) <= NAME_LIMIT,  # the longest a name on a card may be
    "signature": lambda value: len(value) <= LINK_LIMIT,  # a few lines with addresses: generous
    "pitch": lambda value: len(value) <= LONG_TEXT_LIMIT,
    "work_hours": _parses(read_hours),
    "remind_hours": _parses(read_hours),
    "remind_before": _parses(read_duration),
    "holidays": _holiday_code,
    "remind_channels": lambda value: all(isinstance(c, str) and c in CHANNELS for c in value),
    "smtp_security": lambda value: value in SMTP_SECURITY,
    "mail_from": lambda value: not value or ("@" in value and " " not in value.strip()),
    "mail_to": lambda value: not value or ("@" in value and " " not in value.strip()),
}
_RANGES = {
    "thank_you_hours": (1, 168),
    "follow_up_business_days": (1, 30),
    "follow_up_limit": (1, 10),  # 0 advised closing "after 0 follow-ups", before the one the advice asks for
    "reply_hours": (1, 336),
    "smtp_port": (1, 65535),
}


def unknown_key(key: str, source: str, *, ignored: bool = False, typed: bool = False) -> ValidationError:
    """The one message for a key that is no setting: where, and the key it most likely is (a typo), else
    every key there is.

    `ignored`: the words of the warning for such a key found in the file (raised by
    nobody: its text goes to standard error, or to the board as a notification);
    without it, the refusal of `followup config KEY VALUE` for a key that is no setting.
    """
    import difflib

    if typed:  # given to `followup config`: the file is named as where settings live, not as holding it
        head = f"{key!r} is not a setting (the settings file is {source})"
    else:
        head = f"{source}: unknown key {key!r}" + (" ignored" if ignored else "")
    near = difflib.get_close_matches(key, Settings._fields, n=1, cutoff=0.6)
    if near:  # a typo: name the key it most likely is, not all of them
        return ValidationError(f"{head}; did you mean {near[0]}? (followup config lists every key)")
    return ValidationError(f"{head}; known keys are {', '.join(sorted(Settings._fields))}")


def not_allowed(key: str, value: Any, source: str) -> ValidationError:
    """The one message for a bad value, whether the file holds it or `followup config` was given it:
    where (`source`, the file), the key and value, and what the key accepts (PRODUCT: "a bad value is
    reported with its key and what is allowed")."""
    return ValidationError(f"{source}: {key} = {_as_written(value)} is not allowed; use {_RULES[key][1]}")


def _as_written(value: Any) -> str:
    """A value as config.toml writes it, not as Python shows it: `true`, not True; a date as its
    ISO text, not datetime.datetime(1979, 5, 27, …) (fuzz fz6 9)."""
    if isinstance(value, str):
        return quoted(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_as_written(item) for item in value) + "]"
    if isinstance(value, dict):
        return "a table"
    if hasattr(value, "isoformat"):  # the dates and times TOML has
        return str(value.isoformat())
    return str(value)


def unclean_value(key: str, value: Any, source: str) -> ValidationError | None:
    """Why a text setting's value may not be stored or used, as arguments are refused (cli.py): a control
    character in any (it would reach the terminal, a letter or a mail header), a newline or a tab in
    every one but the signature (MULTI_LINE_SETTINGS); None when it is clean."""
    texts = value if isinstance(value, list) else [value]
    for text in texts:
        if not isinstance(text, str):
            continue
        if not is_clean(text):
            return ValidationError(f"{source}: {key} = {quoted(text)} holds a control character; remove it")
        if key not in MULTI_LINE_SETTINGS and (broken := LINE_BREAKS.search(text)):
            kind = BREAK_NAMES[broken.group()]
            return ValidationError(f"{source}: {key} = {quoted(text)} holds {kind}, and {key} is a one-line setting "
                                   f"(only {', '.join(sorted(MULTI_LINE_SETTINGS))} may run over lines); "
                                   "put it on one line")
    return None


def _with_fix(error: ValidationError, key: str, source: str, typed: str) -> ValidationError:
    """A file's bad value stops every command that reads it, `followup config` too: the refusal says the
    one command that rewrites it in place (a value an older Followup accepted meets users who upgrade).
    Not for the value being typed (`typed`: the key `followup config KEY VALUE` is setting)."""
    if source == "settings" or key == typed:  # not a file, or the user is setting it right now
        return error
    return ValidationError(f"{error}; `followup config {key} VALUE` sets it in place")


def settings_from_mapping(data: dict[str, Any], *, source: str = "settings",
                          warnings: list[str] | None = None, typed: str = "") -> Settings:
    """The settings `data` holds; a bad value of a known key raises (not_allowed).

    A key that is no setting is left out, and its warning (unknown_key, ignored)
    added to `warnings` when the caller keeps them.
    """
    known = set(Settings._fields)
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known:
            if warnings is not None:
                warnings.append(str(unknown_key(key, source, ignored=True)))
            continue
        kind, _accepted = _RULES[key]
        if (unclean := unclean_value(key, value, source)) is not None:
            raise _with_fix(unclean, key, source, typed)
        ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
        if ok and key in _RANGES:
            low, high = _RANGES[key]
            ok = low <= value <= high
        if ok and key == "theme":
            ok = value in THEMES
        if ok and key in _CHECKS:
            ok = _CHECKS[key](value)
        if ok and key == "timezone" and value:
            try:
                local_zone(value)
            except ValidationError:
                ok = False
        if not ok:
            raise _with_fix(not_allowed(key, value, source), key, source, typed)
        if key == "holidays" and value:
            try:
                value = _checked_holidays(value, source)
            except ValidationError as exc:  # the one refusal that lacked the way to fix it in place (fz6 9)
                raise _with_fix(exc, key, source, typed) from None
        values[key] = tuple(value) if isinstance(value, list) else value
    return Settings(**values)


CONFIG_LIMIT = 1024 * 1024  # bytes: a settings file is a few lines; one past this is something else


def read_config(path: Path | None) -> str | None:
    """config.toml's text, None when there is none; ValidationError naming the file when it cannot be read.

    The one reading of the file, for the commands, the board's watch and `followup config`. Only a
    regular file is read, opened without blocking: a FIFO at the path hung every command and froze an open
    board for good, and a symlink to /dev/zero was read until memory ran out (fuzz fz6 4). A symlink loop
    is said, not taken for a missing file (which gave the defaults without a word).
    """
    if path is None:
        return None
    try:
        with open_regular(path) as handle:
            data = handle.read(CONFIG_LIMIT + 1)
    except FileNotFoundError:
        return None
    except OSError as exc:  # (open_regular: "not a regular file (a device, FIFO or folder)")
        raise ValidationError(f"{path}: cannot read the settings ({exc.strerror or exc}); the settings are a "
                              "text file: fix or remove it, and `followup config KEY VALUE` makes one") from None
    if len(data) > CONFIG_LIMIT:
        raise ValidationError(f"{path}: over {CONFIG_LIMIT // 1024} KB, not a settings file; fix or remove it")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValidationError(f"{path}: not UTF-8 text ({exc}); save it as UTF-8") from None


def load_settings(path: Path | None, *, warnings: list[str] | None = None) -> Settings:
    """Defaults when the file is absent; a ValidationError naming the file when it is bad.

    Keys that are no setting are ignored; their warnings go to `warnings` if given.
    """
    text = read_config(path)
    if text is None:
        return Settings()
    import tomllib  # only when there is a file: it costs 2 ms to import

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValidationError(f"{path}: not valid TOML ({exc}); fix or remove the file") from exc
    except RecursionError:  # tomllib recurses per level: 600 nested [ ended every command and the board (fz6 2)
        raise ValidationError(f"{path}: not valid TOML (nested too deeply); fix or remove the file") from None
    return settings_from_mapping(data, source=str(path), warnings=warnings)
