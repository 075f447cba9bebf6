"""Reading the data file and replacing it atomically.

TinyDB's JSONStorage truncates and rewrites the file in place, so a crash or a
full disk can leave broken JSON. Here a write goes to a temporary file in the
same folder, is fsynced, renamed over the old file, and the folder is fsynced:
a reader sees the old file or the new one, never a mix. Any OSError on the way
becomes a WriteFailedError whose one-line message says what to do, and the
temporary file is removed.
"""

from __future__ import annotations

import errno
import os
import sys
import tempfile
from pathlib import Path
from typing import TypeAlias

from tui.core.errors import shown_path
from tui.core.files import open_regular
from tui.store.errors import UnreadableFileError, WriteFailedError
from tui.store.paths import check_target

TEMP_SUFFIX = ".tmp"
_TEMP_RANDOM_LEN = 8  # tempfile.mkstemp's random part
FINGERPRINT_HEAD = 128  # bytes; the _meta record (with its write counter) comes first
# (device, inode, size, mtime in ns, first bytes) of one version of the file; () when there is none
Fingerprint: TypeAlias = tuple[int | bytes, ...]


def temp_prefix(path: Path) -> str:
    return f".{path.name}."


def is_our_temp(path: Path, name: str) -> bool:
    """A temporary file that a write of `path` creates (and a killed writer may leave)."""
    prefix = temp_prefix(path)
    if not (name.startswith(prefix) and name.endswith(TEMP_SUFFIX)):
        return False
    middle = name[len(prefix) : -len(TEMP_SUFFIX)]
    return len(middle) == _TEMP_RANDOM_LEN and "." not in middle


def remove_stale_temps(path: Path) -> list[str]:
    """Remove temporary files left by writers that died mid-write.

    Call only while holding the write lock: every live writer holds it for the
    whole life of its temporary file, so any one seen then is stale.
    """
    removed: list[str] = []
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return removed
    for entry in entries:
        if is_our_temp(path, entry.name):
            try:
                os.unlink(entry.path)
                removed.append(entry.name)
            except OSError:
                pass
    return removed


def write_error(path: Path, exc: OSError) -> WriteFailedError:
    """One actionable line for an OSError met while saving `path`."""
    folder = shown_path(path.parent)  # as every path a message names: cut when long (fz2 6)
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        why = "the disk is full (no space left on device). Free some space and try again"
    elif code in (errno.EACCES, errno.EPERM):
        why = (f"permission denied in {folder}. Make the folder and file writable for you "
               "(ls -ld to check), or pick another file with --db")
    elif code == errno.EROFS:
        why = f"{folder} is on a read-only file system. Pick a file on a writable disk with --db"
    elif code == errno.ENOENT:
        why = f"the folder {folder} does not exist (or no longer does). Create it, or pick another file with --db"
    else:
        why = f"{exc.strerror or exc}. Check the disk and try again"
    return WriteFailedError(f"{shown_path(path)}: not saved: {why}; nothing was changed")


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _copy_mode(fd: int, path: Path) -> None:
    """Keep the old file's permissions (a new file stays private: 0600)."""
    try:
        os.fchmod(fd, os.stat(path).st_mode & 0o777)
    except OSError:
        pass


def _flush_to_disk(fd: int) -> None:
    os.fsync(fd)
    if sys.platform == "darwin":  # macOS fsync stops at the drive's cache; F_FULLFSYNC does not
        import fcntl  # on every POSIX system

        try:
            fcntl.fcntl(fd, fcntl.F_FULLFSYNC)
        except (AttributeError, OSError):  # an older macOS, or a file system without it
            pass


_files_written = 0


def files_written() -> int:
    """How many files this process has replaced: a command whose output then fails to print has still
    saved its change, so its exit code says "done but held back" (1), not "nothing changed" (2)."""
    return _files_written


def atomic_write_bytes(path: Path, payload: bytes) -> None:
    """Replace `path` with `payload` so that a crash leaves the old or the new file.

    Only what paths.check_target allows is replaced (a symlink's target, so the
    link stays); a refused path is left untouched and no temporary file is made.
    """
    path = check_target(Path(path))
    folder = path.parent
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=temp_prefix(path), suffix=TEMP_SUFFIX, dir=folder)
    except OSError as exc:
        raise write_error(path, exc) from exc
    try:
        try:
            _write_all(fd, payload)
            _copy_mode(fd, path)
            _flush_to_disk(fd)
        finally:
            os.close(fd)
        os.replace(tmp_name, path)
    except BaseException as exc:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise write_error(path, exc) from exc
        raise
    global _files_written
    _files_written += 1
    fsync_dir(folder)


def fsync_dir(folder: Path) -> None:
    """Make the rename itself durable; quietly skipped where folders cannot be fsynced."""
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


def read_bytes(path: Path) -> tuple[bytes, os.stat_result] | None:
    """The file's bytes and the stat of that very file; None when it does not exist."""
    try:
        with open_regular(path) as handle:
            info = os.fstat(handle.fileno())
            return handle.read(), info
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise UnreadableFileError(
            f"{shown_path(path)}: cannot be read ({exc.strerror or exc}); check that it is a file you may "
            f"read (ls -l {shown_path(path)}), or pick another file with --db"
        ) from exc


def fingerprint_of(info: os.stat_result, head: bytes) -> Fingerprint:
    """Identity of one version of the file: a rename gives a new inode, a write a new counter."""
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, head[:FINGERPRINT_HEAD])


def read_fingerprint(path: Path) -> Fingerprint:
    """fingerprint_of for the file as it is now, reading only its first bytes; () when missing."""
    try:
        with open_regular(path) as handle:
            return fingerprint_of(os.fstat(handle.fileno()), handle.read(FINGERPRINT_HEAD))
    except OSError:
        return ()
