"""User settings: an optional TOML file in the config dir; every key optional.

A bad value is an error that names the key and what it accepts, so the user
can fix the file; nothing is guessed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from tui.core.errors import ValidationError
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

    @property
    def zone(self) -> Zone:
        return local_zone(self.timezone or None)


_RULES: dict[str, tuple[type, str]] = {
    "name": (str, "text"),
    "signature": (str, "text"),
    "thank_you_hours": (int, "a whole number of hours from 1 to 168"),
    "follow_up_business_days": (int, "a whole number of business days from 1 to 30"),
    "follow_up_limit": (int, "a whole number from 0 to 10"),
    "reply_hours": (int, "a whole number of hours from 1 to 336"),
    "use_thank_you": (bool, "true or false"),
    "timezone": (str, "an IANA zone name such as 'Europe/Berlin', or empty"),
    "theme": (str, "one of " + ", ".join(THEMES)),
}
_RANGES = {
    "thank_you_hours": (1, 168),
    "follow_up_business_days": (1, 30),
    "follow_up_limit": (0, 10),
    "reply_hours": (1, 336),
}


def settings_from_mapping(data: dict[str, Any], *, source: str = "settings") -> Settings:
    known = set(Settings._fields)
    values = {}
    for key, value in data.items():
        if key not in known:
            raise ValidationError(
                f"{source}: unknown key {key!r}; known keys are {', '.join(sorted(known))}"
            )
        kind, accepted = _RULES[key]
        ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
        if ok and key in _RANGES:
            low, high = _RANGES[key]
            ok = low <= value <= high
        if ok and key == "theme":
            ok = value in THEMES
        if ok and key == "timezone" and value:
            try:
                local_zone(value)
            except ValidationError:
                ok = False
        if not ok:
            raise ValidationError(f"{source}: {key} = {value!r} is not allowed; use {accepted}")
        values[key] = value
    return Settings(**values)


def load_settings(path: Path | None) -> Settings:
    """Defaults when the file is absent; a ValidationError naming the file when it is bad."""
    if path is None or not Path(path).exists():
        return Settings()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ValidationError(f"{path}: not UTF-8 text ({exc}); save it as UTF-8") from exc
    except OSError as exc:
        raise ValidationError(f"{path}: cannot read the settings ({exc.strerror or exc})") from exc
    import tomllib  # only when there is a file: it costs 2 ms to import

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValidationError(f"{path}: not valid TOML ({exc}); fix or remove the file") from exc
    return settings_from_mapping(data, source=str(path))
