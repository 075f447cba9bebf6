"""Public holidays, from the maintained `holidays` package (a calendar for each country and
subdivision, kept up to date by its maintainers: moving feasts, substitute days, one-off bank
holidays), rather than a table of our own that would go stale.

The package takes about a tenth of a second to import, so it is imported only
here, and only when the `holidays` setting names a calendar: a board with the
setting empty never loads it.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any, Callable

from tui.core.errors import ValidationError


def split_code(code: str) -> tuple[str, str | None]:
    """'gb-eng' -> ('GB', 'ENG'); 'US' -> ('US', None)."""
    country, _, subdivision = code.strip().upper().partition("-")
    return country, subdivision or None


def check_code(code: str) -> str:
    """The code as the calendar spells it ('GB-ENG'); ValidationError naming what is valid otherwise:
    the country's subdivisions when the subdivision is wrong."""
    country, subdivision = split_code(code)
    import holidays as library

    supported: dict[str, list[str]] = library.list_supported_countries()
    if country not in supported:
        raise ValidationError(
            f"holidays = {code!r}: no public-holiday calendar for the country {country!r};"
            " use a two-letter country code such as GB, US, DE or FR"
        )
    valid = supported[country]
    if subdivision is not None and subdivision not in valid:
        choices = ", ".join(valid) if valid else f"none: write just {country!r}"
        raise ValidationError(
            f"holidays = {code!r}: {country} has no subdivision {subdivision!r}; its subdivisions are {choices}"
        )
    return country if subdivision is None else f"{country}-{subdivision}"


@lru_cache(maxsize=8)
def calendar(code: str) -> Callable[[date], bool]:
    """Whether a day is a public holiday under `code` (checked first: ValidationError when unknown)."""
    country, subdivision = split_code(check_code(code))
    import holidays as library

    found: Any = library.country_holidays(country, subdiv=subdivision)

    @lru_cache(maxsize=4096)
    def is_holiday(day: date) -> bool:
        # remembered: the package's lookup costs ~3 µs, and the deadlines of 10,000 cards ask ~30,000
        # times about a few dozen days (100 ms of the first frame at 10,000 cards)
        return day in found

    return is_holiday

