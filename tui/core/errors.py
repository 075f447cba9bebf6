"""One error type for everything a user can fix by giving other input."""


class FollowupError(Exception):
    """Base of every error the app reports to the user in one line."""


class ValidationError(FollowupError, ValueError):
    """A value the user gave cannot be used; the message says what is accepted."""
