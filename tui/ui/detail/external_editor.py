"""Editing a note or a letter in the user's own editor (tui.core.editor), from the board.

The app hands the terminal over (App.suspend) and takes it back when the
editor exits. Without a terminal to hand over (headless tests) it just runs.
"""

from __future__ import annotations

import subprocess

from textual.app import App, SuspendNotSupported

from tui.core import editor
from tui.core.errors import FollowupError


def edit_text(app: App, text: str, *, name: str = "notes", suffix: str = ".md", what: str = "note") -> str:
    """The text after editing; FollowupError (the `what` untouched) when the editor fails."""
    return editor.edit_text(text, run=lambda argv: _run(app, argv, what), name=name, suffix=suffix, what=what)


def _run(app: App, argv: list[str], what: str) -> int:
    if app.is_headless:  # tests: no terminal to hand over
        return subprocess.call(argv)
    try:
        with app.suspend():
            return subprocess.call(argv)
    except SuspendNotSupported as exc:
        raise FollowupError(f"this terminal cannot hand over to another program; edit the {what} here") from exc
