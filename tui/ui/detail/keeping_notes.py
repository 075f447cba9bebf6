"""The notes of the card's screen saved on every way out, and kept in a rescue file when they cannot be.

A mixin of DetailScreen (tui/ui/detail/screen.py), which holds the notes panel
(`notes`, made in compose), `app_id`, `_stored_notes` (the notes as last seen in
the data), `_gone` and `company`. Apart from it so that the screen is about
showing the card and moving between its sections, and the ways the typed notes
are kept (quit, a signal, another screen over it, closing it, a refused save, the
card deleted by another process) read together.
"""

from __future__ import annotations

from textual import events

from tui.core.errors import FollowupError
from tui.ui.card_gone import close_card_screens, said_kept
from tui.ui.rescue import Unsaved, keep_rescued


class KeepingNotes:
    def flush_pending(self) -> None:
        """Write typed-but-unsaved notes now, not through the message queue (quit, signals, switches).

        Goes through the app's `apply_change` (or a bare ChangeLog); if that is
        refused, the text goes to a rescue file and the user is told where.
        """
        if not hasattr(self, "notes"):
            return
        try:
            self.notes.flush_direct()
        except FollowupError as exc:
            self._rescue(exc)

    def unsaved_texts(self) -> list[Unsaved]:
        """What the board must keep if it closes now (see FollowupApp.action_quit)."""
        if not hasattr(self, "notes") or not self.notes.unsaved:
            return []
        return [Unsaved(self.app_id, f"the notes of {self.notes.label}", self.notes.text)]

    def leave_if_gone(self) -> None:
        """The card was deleted by another process: keep the typed notes, close this screen and the forms
        over it, and put up the notice that takes only escape (tui/ui/card_gone.py says why)."""
        if self._gone or self.app_id in self.app.changelog.apps:
            return  # said and rescued already (the reload and a refused save both tell us), or still there
        self._gone = True
        kept: list[tuple[str, str]] = []  # (what was typed in, where it went)
        if hasattr(self, "notes") and self.notes.text != self._stored_notes:
            kept.append(self._rescue(FollowupError("the application was deleted while its notes were open"),
                                     say=False))
        if not (self.is_attached and self in self.app.screen_stack):
            self.notify(f"This application was deleted by another Followup process. {said_kept(kept)}",
                        severity="warning", timeout=30)
            return
        name = getattr(self, "company", "") or (self.notes.label if hasattr(self, "notes") else "")
        close_card_screens(self, self.app_id, name, kept, rescue_own=False)  # named as every screen names it

    def _rescue(self, why: Exception, *, say: bool = True) -> tuple[str, str]:
        """Notes that cannot be saved go to a rescue file, and the user is told where (`say`: in a toast;
        else the caller says it). What they are and where they went."""
        text = Unsaved(self.app_id, f"the notes of {self.notes.label}", self.notes.text)
        where = keep_rescued(self.app.rescued, text, str(why))  # also said as the board closes, which exits 1
        self.notes.mark_kept()
        if say:
            self.notify(f"Notes not saved ({why}); {where}", severity="error", timeout=30)
        return text.what, where

    def on_screen_suspend(self, event: events.ScreenSuspend) -> None:
        self.notes.request_save()

    def on_unmount(self) -> None:
        if self.notes.unsaved:
            self.flush_pending()
