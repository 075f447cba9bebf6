"""What can go wrong with the data file, each with a message that says how to recover."""

from tui.core.errors import FollowupError


class StoreError(FollowupError):
    """The data file cannot be used as asked."""


class UnreadableFileError(StoreError):
    """The file is not valid JSON or not a Followup file; it is left untouched."""


class StaleEditError(StoreError):
    """Someone else changed this application since it was loaded."""


class NotFoundError(StoreError):
    """No application with that id (or the prefix matches several)."""


class LockTimeoutError(StoreError):
    """Another process held the lock too long."""
