"""A TinyDB storage that never leaves a half-written file.

TinyDB's JSONStorage truncates and rewrites the file in place, so a crash or
a full disk can leave broken JSON. This one writes a temporary file in the
same folder, fsyncs it, renames it over the old one and fsyncs the folder:
a reader sees the old file or the new one, never a mix.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from tinydb.storages import Storage

from tui.store.errors import UnreadableFileError


def atomic_write_bytes(path: Path, payload: bytes) -> None:
    path = Path(path)
    folder = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            try:
                os.chmod(tmp_name, path.stat().st_mode & 0o777)
            except OSError:
                pass
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        raise
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def read_json_file(path: Path) -> dict | None:
    """None for a missing or empty file; UnreadableFileError for anything not JSON."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise UnreadableFileError(f"{path}: cannot be read ({exc.strerror}); check its permissions") from exc
    if not raw.strip():
        return None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UnreadableFileError(
            f"{path}: not valid JSON ({exc}). The file was left as it is. "
            f"Restore a backup (e.g. a {path.name}.bak-* file beside it), "
            f"or move it away to start afresh."
        ) from exc
    if not isinstance(data, dict):
        raise UnreadableFileError(
            f"{path}: holds JSON but not a Followup database (top level is not an object). "
            "The file was left as it is; pass another file with --db or move it away."
        )
    return data


class AtomicJSONStorage(Storage):
    """TinyDB storage over read_json_file / atomic_write_bytes."""

    def __init__(self, path: str | Path, **_ignored) -> None:
        self.path = Path(path)

    def read(self):
        return read_json_file(self.path)

    def write(self, data) -> None:
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        atomic_write_bytes(self.path, payload)

    def close(self) -> None:
        pass
