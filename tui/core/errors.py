"""One error type for everything a user can fix by giving other input."""

from typing import Callable

QUOTED_LIMIT = 60  # characters of the user's own text a message repeats: one line, whatever was given


PATH_LIMIT = 200  # a path a message names: longer than a value, for a deep folder, but one line still


def quoted(text: str) -> str:
    """`text` as a message repeats what the user gave: quoted, and cut after QUOTED_LIMIT characters (a
    100 KB argument was printed back whole, review T2 7)."""
    return repr(text) if len(text) <= QUOTED_LIMIT else _cut(text, QUOTED_LIMIT, repr)


def shown_path(path: object) -> str:
    """A path the user gave as a message names it: as it is, unquoted, as every message names a file; cut
    after PATH_LIMIT characters (a 10,000-character --db was echoed whole, twice: fz2 6)."""
    text = str(path)
    return text if len(text) <= PATH_LIMIT else _cut(text, PATH_LIMIT, str)


def _cut(text: str, limit: int, show: Callable[[str], str]) -> str:
    """The one way a long text is cut for a message: its start, then how long it was."""
    return show(text[:limit]) + f"… ({len(text)} characters)"


class FollowupError(Exception):
    """Base of every error the app reports to the user in one line."""


class ValidationError(FollowupError, ValueError):
    """A value the user gave cannot be used; the message says what is accepted."""
