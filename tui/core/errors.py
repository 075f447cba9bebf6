"""One error type for everything a user can fix by giving other input."""


QUOTED_LIMIT = 60  # characters of the user's own text a message repeats: one line, whatever was given


def quoted(text: str) -> str:
    """`text` as a message repeats what the user gave: quoted, and cut after QUOTED_LIMIT characters (a
    100 KB argument was printed back whole, review T2 7)."""
    if len(text) <= QUOTED_LIMIT:
        return repr(text)
    return repr(text[:QUOTED_LIMIT]) + f"… ({len(text)} characters)"


class FollowupError(Exception):
    """Base of every error the app reports to the user in one line."""


class ValidationError(FollowupError, ValueError):
    """A value the user gave cannot be used; the message says what is accepted."""
