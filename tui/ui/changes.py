"""The board's one place that changes data, and how it keeps up with other processes (a mixin of FollowupApp).

Widgets and screens post messages (tui/ui/messages.py); the app applies them
through its `ChangeLog`, so undo, redo and history live in one place. Memory
is updated first and the board redrawn; the store write happens on a single
ordered writer thread (`StoreWriter`), so a slow disk never holds up a key. A
write the store refuses (another process changed the card: StaleEditError) is
undone in memory, the file re-read, and the one-line reason shown; notes in it
that no open screen still holds go to a rescue file.

Other processes: every second the app compares the file's fingerprint (a
cheap stat) with what it last saw and, when it changed, re-reads it and
updates only the cards that differ, keeping the focus on the same card.
"""

from __future__ import annotations

from typing import Any, Callable

from textual.message import Message

from tui.core.errors import FollowupError
from tui.core.model import Application
from tui.ui.messages import ApplicationsChanged, ChangeRequested, SaveRefused
from tui.ui.saving import Reloaded, WriteFailure
from tui.ui.state import UndoRefused


class _WriteFailed(Message):
    def __init__(self, failure: WriteFailure) -> None:
        super().__init__()
        self.failure = failure


class _Reloaded(Message):
    def __init__(self, result: Reloaded) -> None:
        super().__init__()
        self.result = result


class Changes:
    """FollowupApp's changes to the data and its re-reads of the file; the writer posts `_WriteFailed`
    and `_Reloaded` here."""

    def apply_change(self, app_id: str, change: Callable[[Application], Application], label: str,
                     refused: Callable[[Exception], None] | None = None) -> bool:
        """Apply one change now (memory at once, the file by the writer); False if refused (and `refused`
        is told why)."""
        before = self.changelog.apps.get(app_id)
        try:
            self.changelog.apply(app_id, change, label)
        except FollowupError as exc:
            self.notify(str(exc), severity="error")
            if refused is not None:
                refused(exc)
            return False
        self.changed({app_id})
        if before is not None:
            after = self.changelog.apps.get(app_id)
            self._say_lifted_snoozes(before, after)
            self._say_left_behind(before, after)
        return True

    def _say_lifted_snoozes(self, before: Application, after: Application | None) -> None:
        """A snooze the change left behind (a decision date that brings the follow-up forward, say) is
        named, as the command line's line names it: dropped without a word, it looked like a deadline
        come early."""
        from tui.core import clock
        from tui.core.snoozing import lifted_snoozes
        from tui.core.timefmt import show_time

        if after is None:
            return
        settings, now = self.settings, clock.now()
        for deadline in lifted_snoozes(before, after, settings, now):
            self.notify(f"The snooze of “{deadline.action}” until {show_time(deadline.due, settings.zone, now)} "
                        f"no longer applies: the change gives it a new time.", severity="warning")

    def _say_left_behind(self, before: Application, after: Application | None) -> None:
        """Thank-you notes the change stopped tracking (a reply, a move or a close out of *interviewed*) and
        an outcome it cleared, in the command line's words (core/thanks_owed.py), in one warning: the board
        dropped them without a word, so a lost thank-you deadline went unnoticed (review X2 4)."""
        from tui.core import clock
        from tui.core.stages import Stage
        from tui.core.thanks_owed import cleared_outcome, untracked_sentence, untracked_thanks

        if after is None or (before.stage is not Stage.INTERVIEWED and before.outcome is None):
            return  # only interviewed owes thank-yous, only a closed card has an outcome: no work per keystroke
        said = []
        names = [d.person for d in untracked_thanks(before, after, self.settings, clock.now())]
        if names:
            them = "each" if len(names) > 1 else "it"
            said.append(f"{untracked_sentence(names)} (space on the person in the card's rounds, 2, records {them})")
        if cleared := cleared_outcome(before, after):
            said.append(cleared)
        if said:
            self.notify(f"{after.company}: {'; '.join(said)}.", severity="warning")

    def changed(self, app_ids: set[str] | None) -> None:
        """Redraw what changed: the board's cards, and any other screen that listens."""
        board = self.board_screen
        if board is not None:
            if app_ids is None:
                board.show_all()
            else:
                board.show_changes(app_ids)
        for screen in list(self.screen_stack):  # bottom first: a card's screen closes the ones over it
            if screen not in self.screen_stack:
                continue
            leave_if_gone = getattr(screen, "leave_if_gone", None)
            if callable(leave_if_gone):  # now, not by message: the next key must not reach a screen it closes
                leave_if_gone()
        message_ids = None if app_ids is None else frozenset(app_ids)
        for screen in self.screen_stack:
            if screen is not board:
                screen.post_message(ApplicationsChanged(message_ids))

    def on_change_requested(self, message: ChangeRequested) -> None:
        self.apply_change(message.app_id, message.change, message.label, message.refused)

    def add_application(self, application: Application, label: str = "",
                        refused: Callable[[Exception], None] | None = None) -> None:
        """Add it and put the cursor on it (the new-application form's result); `refused` as apply_change's."""
        try:
            added = self.changelog.add(application, label or f"Add {application.company}")
        except FollowupError as exc:
            self.notify(str(exc), severity="error")
            if refused is not None:
                refused(exc)
            return
        self.changed({added.id})
        board = self.board_screen
        if board is not None:
            board.jump_to(added.id)
        self.notify(f"Added {added.company}. Everything is saved as you go.")

    def delete_application(self, app_id: str) -> None:
        """Delete it (the caller has asked the user); u brings it back."""
        application = self.changelog.apps.get(app_id)
        if application is None:
            return
        try:
            self.changelog.delete(app_id, f"Delete {application.company}")
        except FollowupError as exc:
            self.notify(str(exc), severity="error")
            return
        self.changed({app_id})
        self.notify(f"Deleted {application.company}. u brings it back.")

    def undo(self) -> None:
        self._step(self.changelog.undo, "Undid", "Nothing to undo.")

    def redo(self) -> None:
        self._step(self.changelog.redo, "Redid", "Nothing to redo: U makes again what u undid, until the next change.")

    def _step(self, take: Callable[[], Any], done: str, nothing: str) -> None:
        """u or U: take the step (ChangeLog.undo or redo), say what was done, keep the focus on its card."""
        try:
            step = take()
        except UndoRefused as exc:
            self.notify(str(exc), severity="warning")
            return
        if step is None:
            self.notify(nothing)
            return
        self.changed({step.app_id})
        board = self.board_screen
        if board is not None and step.app_id in self.changelog.apps:
            board.board.focus_card(step.app_id)
        self.notify(f"{done}: {step.label}")

    def on__write_failed(self, message: _WriteFailed) -> None:
        failure = message.failure
        lost = self.changelog.notes_not_written(failure.seq)
        open_on = {getattr(screen, "app_id", None) for screen in self.screen_stack if hasattr(screen, "notes")}
        self._rescue_notes_left_behind(lost, open_on, failure.error)
        merged_by_editor = self._notes_merged_again(failure, lost, open_on)
        undo_refused = self.changelog.refused_undo(failure)
        refused = self.changelog.write_failed(failure.seq)
        self._stale |= refused
        if merged_by_editor:  # "not saved; try again" had the user type the notes again: twice in the file
            self.notify(f"The notes of {merged_by_editor} were changed elsewhere meanwhile: yours are merged "
                        "with theirs and saved again.", timeout=8)
        elif undo_refused:
            self.notify(undo_refused, severity="warning")
        else:
            self.notify(f"Not saved: {failure.error}", severity="error", timeout=10)
        for screen in self.screen_stack:  # before the re-read, so typed text is kept through it
            screen.post_message(SaveRefused(frozenset(refused), failure.error))
        self._ask_reload()

    def _notes_merged_again(self, failure, lost: dict[str, tuple[str, str]], open_on: set) -> str:
        """The company whose notes an open editor will merge and save again (review R3 4), when that is all
        the refused write held: the notes alone, refused because another process changed the card; "" else."""
        from tui.store.errors import StaleEditError

        if not isinstance(failure.error, StaleEditError) or not self.changelog.only_notes_from(failure.seq):
            return ""
        if len(lost) != 1 or not set(lost) <= open_on:
            return ""
        ((company, _notes),) = lost.values()
        return company

    def _rescue_notes_left_behind(self, lost: dict[str, tuple[str, str]], open_on: set, error: Exception) -> None:
        """Notes whose write failed after their screen was closed (escape right after typing, on a full
        disk) are only in memory, which the re-read replaces: they go to a rescue file, as on quitting.
        A detail screen still open on the card keeps them in its editor and tries again itself."""
        from tui.ui.rescue import Unsaved, keep_rescued

        for app_id, (company, notes) in lost.items():
            if app_id in open_on:
                continue
            where = keep_rescued(self.rescued, Unsaved(app_id, f"the notes of {company}", notes), str(error))
            self.notify(f"The notes of {company} were not saved; {where}", severity="error", timeout=30)

    # --- other processes -----------------------------------------------
    def behind_the_file(self) -> bool:
        """Another process wrote the file since the board last read it (a stat), and a re-read is asked.

        A form over a card uses it before it saves: what it would compare its
        fields with is a moment old, and its write would be refused as stale
        with what was typed gone with the form.
        """
        if self.writer is None or not self.writer.idle:  # our own write under way: the writer keeps order
            return False
        if self._reload_asked:
            return True
        behind = self._file_is_newer()
        if behind:
            self._ask_reload()
        return behind

    def _file_is_newer(self) -> bool:
        """Cheap: a stat. A write of ours refused, or another process wrote the file since we read it."""
        return self._stale or self.store.fingerprint() != self.writer.known_fingerprint

    def poll_store(self) -> None:
        """Re-read the file only when another process wrote it."""
        if self.writer is None or self._reload_asked or not self.writer.idle:
            return
        if self._file_is_newer():
            self._ask_reload()

    def _ask_reload(self) -> None:
        if self._leaving:  # the writer is closing or closed: close_writes sees to any refusal
            return
        if self.writer is not None and not self._reload_asked:
            self._reload_asked = True
            self.writer.request_reload(self.changelog.seq, self.changelog.known_revisions(self._stale))

    def on__reloaded(self, message: _Reloaded) -> None:
        self._reload_asked = False
        result = message.result
        if result.error is not None:
            text = str(result.error)
            if text != self._last_reload_error:  # say it once, not every second
                self.notify(f"Cannot re-read the data file: {text}", severity="error", timeout=15)
                self._last_reload_error = text
            return
        self._last_reload_error = ""
        if self.changelog.seq > result.upto_seq:  # we changed something meanwhile: read again later
            self.writer.known_fingerprint = None
            self._ask_reload()  # queued behind those writes, so it will include them
            return
        self.writer.known_fingerprint = result.fingerprint
        self._stale.clear()
        changed = self.changelog.apply_reload(result.changed, result.present)
        if changed:
            self.changed(changed)
