"""Editing a note in the user's own editor ($VISUAL, then $EDITOR, else vi).

The app hands the terminal over (App.suspend) and takes it back when the
editor exits. Without a terminal to hand over (headless tests) it just runs.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path

from textual.app import App, SuspendNotSupported

from tui.core.errors import FollowupError


def editor_command() -> list[str]:
    raw = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    try:
        parts = shlex.split(raw)
    except ValueError as exc:
        raise FollowupError(f"$EDITOR is {raw!r}, which cannot be read as a command: {exc}") from exc
    if not parts:
        raise FollowupError("$EDITOR is empty: set it to your editor, e.g. EDITOR=vim")
    return parts


def edit_text(app: App, text: str, *, name: str = "notes", suffix: str = ".md", what: str = "note") -> str:
    """The text after editing; FollowupError (the `what` untouched) when the editor fails."""
    command = editor_command()
    handle, raw_path = tempfile.mkstemp(prefix=f"followup-{name}-", suffix=suffix)
    path = Path(raw_path)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        code = _run(app, command + [str(path)], what)
        if code != 0:
            raise FollowupError(f"{command[0]} exited with code {code}; the {what} was left as it was")
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise FollowupError(f"cannot run {command[0]!r}: not found; set $EDITOR to an installed editor") from exc
    except UnicodeDecodeError as exc:
        raise FollowupError(f"the edited {what} is not UTF-8 text; the {what} was left as it was") from exc
    finally:
        path.unlink(missing_ok=True)


def _run(app: App, argv: list[str], what: str) -> int:
    if app.is_headless:  # tests: no terminal to hand over
        return subprocess.call(argv)
    try:
        with app.suspend():
            return subprocess.call(argv)
    except SuspendNotSupported as exc:
        raise FollowupError(f"this terminal cannot hand over to another program; edit the {what} here") from exc
