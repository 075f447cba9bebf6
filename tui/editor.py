"""The user's own editor ($VISUAL, then $EDITOR, else vi) run on a text in a temporary file.

The one way Followup runs it: the board's ctrl+o (notes, a letter) and `followup note` differ only in how
the program is started (the board hands its terminal over first), so an editor that cannot be named, run
or read back is one message in both, and the text given is never lost: every failure is a FollowupError
and the caller keeps what it had (fuzz fz6 1, 6). Beside tui.notify, not in tui.core: it runs a program.
"""

from __future__ import annotations

import errno
import os
import shlex
import subprocess
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable

from tui.core.errors import FollowupError, quoted
from tui.core.files import open_regular


def editor_command() -> list[str]:
    """The editor's command line, split as a shell would (`EDITOR="code --wait"`)."""
    raw = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    try:
        parts = shlex.split(raw)
    except ValueError as exc:
        raise FollowupError(f"$EDITOR is {quoted(raw)}, which cannot be read as a command: {exc}") from exc
    if not parts:
        raise FollowupError("$EDITOR is empty: set it to your editor, e.g. EDITOR=vim")
    return parts


def _read_all(handle: BinaryIO) -> bytes:
    return handle.read()


def edit_text(text: str, *, run: Callable[[list[str]], int] = subprocess.call, name: str = "notes",
              suffix: str = ".md", what: str = "note", kept: str = "",
              read: Callable[[BinaryIO], bytes] = _read_all) -> str:
    """`text` as the user left it in their editor. `run` starts the command and gives its exit code;
    `read` reads the result back (the command line caps its size); `kept` ends each refusal ("the note
    was left as it was" when not given). The file sits in a folder of its own, so an editor that
    replaces it (with a folder, or nothing) is told from one that wrote it."""
    kept = kept or f"the {what} was left as it was"
    command = editor_command()
    try:
        holder = tempfile.TemporaryDirectory(prefix=f"followup-{name}-", ignore_cleanup_errors=True)
    except OSError as exc:  # a full or read-only temporary folder
        raise FollowupError(f"cannot make a temporary folder for the editor: {exc.strerror or exc}; {kept}") from exc
    with holder as folder:
        path = Path(folder) / f"{name}{suffix}"
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise FollowupError(f"cannot write the {what} for the editor in {folder}: "
                                f"{exc.strerror or exc}; {kept}") from exc
        try:
            code = run(command + [str(path)])
        except FileNotFoundError as exc:
            raise FollowupError(f"cannot run {quoted(command[0])}: not found; set $EDITOR to an installed "
                                f"editor; {kept}") from exc
        except OSError as exc:  # not executable, a folder (/etc), too many open files…
            raise FollowupError(f"cannot run {quoted(command[0])}: {(exc.strerror or str(exc)).lower()}; "
                                f"set $EDITOR to an editor you can run; {kept}") from exc
        if code != 0:
            raise FollowupError(f"{command[0]} exited with code {code}; {kept}")
        try:
            with open_regular(path) as handle:  # a folder, or a FIFO that would never end, is refused
                data = read(handle)
        except FileNotFoundError as exc:
            raise FollowupError(f"{command[0]} removed the file it was given ({path.name}); {kept}") from exc
        except OSError as exc:
            if exc.errno in (errno.EINVAL, errno.ENXIO):  # open_regular's "not a regular file"; a socket
                raise FollowupError(f"{command[0]} left something that is not a file in place of {path.name}; "
                                    f"{kept}") from exc
            raise FollowupError(f"cannot read back what {command[0]} wrote: {exc.strerror or exc}; {kept}") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FollowupError(f"the edited {what} is not UTF-8 text; {kept}") from exc
