"""Schema detection and ordered migrations, each after a backup copy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pendulum

from tui.store.errors import UnreadableFileError

SCHEMA_VERSION = 1


def detect_schema(path: Path, data: dict) -> int:
    """The file's schema version; UnreadableFileError when the file is not ours."""
    meta = data.get("_meta")
    if isinstance(meta, dict) and meta:
        record = next(iter(meta.values()))
        if isinstance(record, dict) and record.get("app") == "followup":
            schema = record.get("schema")
            if isinstance(schema, int) and 0 <= schema <= SCHEMA_VERSION:
                return schema
            raise UnreadableFileError(
                f"{path}: written by a newer Followup (schema {schema}, this one reads up to "
                f"{SCHEMA_VERSION}); upgrade Followup. The file was left as it is."
            )
    raise UnreadableFileError(
        f"{path}: valid JSON but not a Followup database. The file was left as it is; "
        "pass another file with --db, or move this one away."
    )


def backup(path: Path, schema: int) -> Path:
    stamp = pendulum.now("UTC").format("YYYYMMDDTHHmmss")
    target = path.with_name(f"{path.name}.bak-v{schema}-{stamp}")
    shutil.copy2(path, target)
    return target


def migrate_if_needed(path: Path, data: dict) -> Path | None:
    """Bring an older file to SCHEMA_VERSION; returns the backup made, if any."""
    schema = detect_schema(path, data)
    if schema == SCHEMA_VERSION:
        return None
    raise UnreadableFileError(f"{path}: no migration from schema {schema}")
