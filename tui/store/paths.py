"""Which files Followup may replace: the one check before every write of a file the user named.

An atomic write renames a new file over the old one. Done blindly, that rename
would turn /dev/null into a plain file (as root), swallow a FIFO, replace a file
the user made read-only, or, with a folder created on the way, write where a
typo pointed. So a write first asks check_target, which allows only a regular
file (or none yet) in a folder that already exists, and returns the path to
replace: a symlink's target, so that the link stays a link.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from tui.core.errors import shown_path
from tui.store.errors import WriteFailedError

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
)


_NOTHING_WRITTEN = "; nothing was written"
BACKUP_INFIX = ".bak-v"  # NAME.bak-v{schema}-{stamp}: the backups migrations.write_backup makes


def lock_path_of(path: Path) -> Path:
    """The data file's lock, beside it: NAME.lock."""
    return path.with_name(f"{path.name}.lock")


def _refused(path: Path | str, why: str) -> WriteFailedError:
    return WriteFailedError(f"{path}: refused: {why}{_NOTHING_WRITTEN}")


def _shown(path: Path | str, real: Path) -> str:
    """The path the user gave, and what it resolves to when that is elsewhere (a symlink), each cut as every
    path a message names is (errors.shown_path: a 10,000-character --db was echoed whole, fz2 6)."""
    if real == Path(path).absolute():
        return shown_path(path)
    return f"{shown_path(path)} (→ {shown_path(real)})"


def refusal(exc: WriteFailedError) -> str:
    """A refusal's words without "; nothing was written": for a banner or a field that says it before
    anything was tried."""
    return str(exc).removesuffix(_NOTHING_WRITTEN)


def check_not_ours(path: Path, data_file: Path) -> None:
    """WriteFailedError when `path` is the data file, its lock or one of its backups: what an export, a
    report or a letter must never replace (`report -o` given the data file's own name wrote the report
    over every card). Compared as real paths, so a symlink or another spelling is caught too."""
    real = Path(os.path.realpath(path))
    data = Path(os.path.realpath(data_file))
    if real == data:
        what = "Followup's data file"
    elif real == lock_path_of(data):
        what = "the data file's lock"
    elif real.parent == data.parent and real.name.startswith(f"{data.name}{BACKUP_INFIX}"):
        what = "a backup of the data file"
    else:
        return
    shown = _shown(path, real)
    raise _refused(shown, f"it is {what}; name another file")


def check_target(path: Path) -> Path:
    """The real path to write for `path` (symlinks resolved); WriteFailedError when it must not be written.

    Refused: anything but a regular file (device, FIFO, folder, socket); a file
    nobody may write (no write bit at all: checked on the mode, so it holds for
    root too) or that this user may not write; a path whose folder is missing
    (never created here) or is not a folder.
    """
    path = Path(path)
    real = Path(os.path.realpath(path))
    shown = _shown(path, real)
    try:
        info = os.stat(real)
    except (FileNotFoundError, NotADirectoryError):  # the folder is checked below
        info = None
    except OSError as exc:
        raise _refused(shown, f"cannot check it ({exc.strerror or exc}); name another file") from None
    if info is not None:
        if not stat.S_ISREG(info.st_mode):
            kind = next((name for test, name in _KINDS if test(info.st_mode)), "not a regular file")
            raise _refused(shown, f"it is {kind}, and Followup replaces only regular files; name another file")
        if info.st_mode & 0o222 == 0:
            raise _refused(shown, f"the file is read-only; make it writable (chmod u+w {shown_path(real)}) "
                                  "or name another file")
        if not os.access(real, os.W_OK):  # its mode allows writing, yet this user may not: chmod would not help
            raise _refused(shown, "the file cannot be written by you although its mode allows it (owned by "
                                  f"another user, marked immutable: lsattr {shown_path(real)}, or on a read-only "
                                  "disk); name another file")
        return real
    folder = real.parent
    if os.path.lexists(folder) and not folder.is_dir():
        raise _refused(shown, f"{shown_path(folder)} is not a folder; name another path")
    if not folder.is_dir():
        raise _refused(shown, f"the folder {shown_path(folder)} does not exist, and Followup does not create folders; "
                              f"create it (mkdir -p {shown_path(folder)}) or name another path")
    return real


def check_home(xdg_variable: str, otherwise: str = "") -> None:
    """WriteFailedError when Followup's own folder would be made under a HOME that does not exist
    ($`xdg_variable` unset): HOME=/nonexistent made all of /nonexistent/.local/share/followup, as root,
    for a store that then looked empty (fuzz fz6 9). An XDG folder that is set is made as the XDG spec
    asks; only a missing home is refused. `otherwise`: another way out ("or name the file with --db")."""
    if os.environ.get(xdg_variable):
        return
    home = Path(os.path.expanduser("~"))
    if not home.is_dir():
        raise _refused(shown_path(home), f"it is HOME, and it does not exist; set HOME or {xdg_variable}"
                                         + (f", {otherwise}" if otherwise else ""))
