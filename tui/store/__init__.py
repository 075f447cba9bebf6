"""The only code that touches TinyDB and the data file."""

from tui.store.errors import (
    LockTimeoutError,
    NotFoundError,
    StaleEditError,
    StoreError,
    UnreadableFileError,
)
from tui.store.store import SCHEMA_VERSION, Store, default_config_dir, default_db_path

__all__ = [
    "LockTimeoutError", "NotFoundError", "SCHEMA_VERSION", "StaleEditError", "Store",
    "StoreError", "UnreadableFileError", "default_config_dir", "default_db_path",
]
