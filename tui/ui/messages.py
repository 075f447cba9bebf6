"""Messages widgets post instead of writing to the store themselves.

One place (the app, through `ChangeLog` in state.py) applies every change,
so undo and history live in one place.
"""

from __future__ import annotations

from typing import Callable

from textual.message import Message

from tui.core.model import Application

Change = Callable[[Application], Application]


class ChangeRequested(Message):
    """Apply `change` to application `app_id`; `label` names it for undo ("Move Acme to Thanked").

    `refused` is told why when the app cannot apply it (a read-only file, the
    card deleted): the sender still holds what was typed and must not say "saved".
    """

    def __init__(self, app_id: str, change: Change, label: str,
                 refused: Callable[[Exception], None] | None = None) -> None:
        super().__init__()
        self.app_id = app_id
        self.change = change
        self.label = label
        self.refused = refused


class ApplicationsChanged(Message):
    """Sent by the app to the active screen after any change (ours or another process's)."""

    def __init__(self, app_ids: frozenset[str] | None = None) -> None:
        super().__init__()
        self.app_ids = app_ids  # None: reload everything


class SaveRefused(Message):
    """Sent by the app to every screen when the store refused a write of these applications.

    Memory is about to be put back in line with the file; a screen holding
    typed text for one of them keeps it and says why it was not saved.
    """

    def __init__(self, app_ids: frozenset[str], error: Exception) -> None:
        super().__init__()
        self.app_ids = app_ids
        self.error = error
