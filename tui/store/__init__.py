"""The only code that touches TinyDB and the data file."""

from tui.store.errors import (
    LockTimeoutError,
    NewerSchemaError,
    NotFoundError,
    StaleEditError,
    StoreError,
    UnreadableFileError,
    WriteFailedError,
)
from tui.store.migrations import SCHEMA_VERSION
from tui.store.store import Snapshot, Store, default_config_dir, default_db_path

__all__ = [
    "LockTimeoutError", "NewerSchemaError", "NotFoundError", "SCHEMA_VERSION", "Snapshot",
    "StaleEditError", "Store", "StoreError", "UnreadableFileError", "WriteFailedError",
    "default_config_dir", "default_db_path",
]
