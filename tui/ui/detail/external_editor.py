"""Editing a note or a letter in the user's own editor (tui.editor), from the board.

The app hands the terminal over (App.suspend) and takes it back when the
editor exits. Without a terminal to hand over (headless tests) it just runs.
"""

from __future__ import annotations

import subprocess

from textual.app import App, SuspendNotSupported

from tui import editor
from tui.core.errors import FollowupError


def edit_text(app: App, text: str, *, what: str = "note", **options: str) -> str:
    """The text after editing; FollowupError (the `what` untouched) when the editor fails. `options`: the
    file's `name` and `suffix` (tui.editor.edit_text's)."""
    return editor.edit_text(text, run=lambda argv: _run(app, argv, what), what=what, **options)


def _run(app: App, argv: list[str], what: str) -> int:
    """The editor's exit code. An editor that cannot start is raised only once the app has its terminal
    back: App.suspend resumes only when its block ends normally, and the board stayed blank and deaf
    to keys behind the error (fz6 1)."""
    if app.is_headless:  # tests: no terminal to hand over
        return subprocess.call(argv)
    failed: OSError | None = None
    try:
        with app.suspend():
            try:
                code = subprocess.call(argv)
            except OSError as exc:
                failed = exc
    except SuspendNotSupported as exc:
        raise FollowupError(f"this terminal cannot hand over to another program; edit the {what} here") from exc
    if failed is not None:
        raise failed
    return code
