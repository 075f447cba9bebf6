"""What can go wrong with the data file, each with a message that says how to recover."""

from tui.core.errors import FollowupError


class StoreError(FollowupError):
    """The data file cannot be used as asked."""


class UnreadableFileError(StoreError):
    """The file is not valid JSON, not a Followup file, or damaged; it is left untouched."""


class NewerSchemaError(UnreadableFileError):
    """The file was written by a newer Followup; this one must not touch it."""


class WriteFailedError(StoreError):
    """The operating system refused the write (disk full, no permission, read-only disk).

    The previous file is still in place and nothing was changed.
    """


class StaleEditError(StoreError):
    """Someone else changed this application since it was loaded."""


class NotFoundError(StoreError):
    """No application with that id (or the prefix matches several)."""


class LockTimeoutError(StoreError):
    """Another process held the lock too long."""
