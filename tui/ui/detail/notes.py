"""The notes editor: Markdown in a TextArea, saved as it is typed and on every way out.

Normal saves go to the app as a `ChangeRequested` (so they can be undone);
`flush_direct` writes through the ChangeLog at once, for quit and signals,
when queued messages may never be handled.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static, TextArea
from textual.widgets.text_area import Selection

from tui.core import clock, templates
from tui.core.errors import FollowupError
from tui.core.merge import carry_offset, merge3
from tui.core.text import counted
from tui.store.errors import NotFoundError, StaleEditError
from tui.ui.detail.context import apply_now
from tui.ui.detail.markdown_highlight import markdown_highlights
from tui.ui.editor import Editor
from tui.ui.messages import ChangeRequested

SAVE_AFTER_SECONDS = 0.6


def notes_change(text: str):
    """A change that sets the notes; it returns the card unchanged when they already match."""

    def change(app):
        from tui.core import actions  # the first save, not the detail screen's first frame, imports it

        return app if app.notes == text else actions.set_notes(app, text, now=clock.now())

    return change


class NotesEditor(Editor):
    """A TextArea that highlights Markdown without tree-sitter and hands `escape` to the screen."""

    BINDINGS = [
        Binding("escape", "leave", "Done", tooltip="Leave the editor; what you typed is kept"),
        Binding("ctrl+s", "save_now", "Save", id="notes.save", tooltip="Save now (also retries a refused save)"),
    ]

    # The empty editor says how to start while the focus is elsewhere: there, letters are the screen's keys.
    WAITING = "Press e to write here: who you met, what they asked, what to send."
    TYPING = "Write anything: who you met, what they asked, what to send. Markdown works."

    def on_focus(self) -> None:
        self.placeholder = self.TYPING

    def on_blur(self) -> None:
        self.placeholder = self.WAITING

    class Left(Message):
        """The user pressed escape in the editor."""

    class SaveNow(Message):
        """The user pressed ctrl+s in the editor."""

    def action_leave(self) -> None:
        self.post_message(self.Left())

    def action_save_now(self) -> None:
        self.post_message(self.SaveNow())

    _known_lines: dict | None = None  # each line's highlights by its text (markdown_highlights)

    def _build_highlight_map(self) -> None:
        # Replaces TextArea's tree-sitter query (textual 8.2.8 calls this after every edit);
        # a test checks the editor really carries these highlights.
        self._line_cache.clear()
        self._highlights.clear()
        if self._known_lines is None:
            self._known_lines = {}
        self._highlights.update(markdown_highlights(list(self.document.lines), self._known_lines))


class NotesPanel(Vertical):
    """The editor plus a status line (saved or not, word count)."""

    def __init__(self, app_id: str, text: str, label: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.app_id = app_id
        self.label = label  # "Acme": names the undo step
        self.editor = NotesEditor(text, soft_wrap=True, tab_behavior="focus", id="notes-editor",
                                  placeholder=NotesEditor.WAITING)
        # what the editor held when it last matched a save (or a load); None after a refused save
        self._baseline: str | None = text
        self._awaiting: str | None = None  # a save posted to the app, not yet seen in the store
        self._stored = text  # the notes as the file holds them, as far as we know: the merge's base
        self._stored_before_save = text
        self._refused = ""  # why the last save was refused, until one succeeds
        self._retry_after_reload = False  # refused over another process's change: try again on its version
        self._timer: Timer | None = None

    def compose(self):
        yield self.editor
        yield Static("", id="notes-status")

    def on_mount(self) -> None:
        self._show_status()

    # --- state ------------------------------------------------------------
    @property
    def text(self) -> str:
        return self.editor.text

    @property
    def unsaved(self) -> bool:
        return self._baseline is None or self.editor.text != self._baseline

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _show_status(self) -> None:
        status = self.query("#notes-status").first() if self.is_mounted and self.query("#notes-status") else None
        if status is None:  # not drawn yet, or already taken down (the screen is closing)
            return
        words = templates.word_count(self.editor.text)  # the letters screen's count (review Z 13)
        if self._refused:
            state = f"not saved: {self._refused} (ctrl+s retries)"
        else:
            state = "not saved yet" if self.unsaved else "saved"
        assert isinstance(status, Static)
        status.update(f"Markdown · {counted(words, 'word')} · {state}", layout=False)  # one line, always

    def on_notes_editor_save_now(self, event: NotesEditor.SaveNow) -> None:
        event.stop()
        if self._refused:
            self._baseline = None  # try again even if nothing was typed since
        self.request_save()

    def refused(self, error: Exception) -> None:
        """The store refused our save: keep the text, say why, and never take the stored text over it.

        (Also when the refused write was a change to the card's other fields:
        the notes then merge with the stored ones against what the file last
        had, `_stored_before_save`, which sync_from_store keeps current.)
        """
        self._refused = str(error).split(": not saved: ")[-1]
        self._retry_after_reload = isinstance(error, (StaleEditError,))
        self._baseline = None
        self._awaiting = None
        self._stored = self._stored_before_save  # the file never took our save
        self._show_status()
        if isinstance(error, NotFoundError):  # deleted elsewhere: the screen keeps the text in a rescue file
            self.post_message(self.CardGone())

    class CardGone(Message):
        """The card these notes are for was deleted by another process while they were being typed."""

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._cancel_timer()
        if self.unsaved:
            self._timer = self.set_timer(SAVE_AFTER_SECONDS, self.request_save)
        self._show_status()

    # --- saving -----------------------------------------------------------
    def request_save(self) -> None:
        """Hand typed text to the app, which applies and records it (undoable)."""
        self._cancel_timer()
        if not self.unsaved:
            return
        text = self.editor.text
        self.app.post_message(ChangeRequested(self.app_id, notes_change(text), f"Edit notes of {self.label}",
                                              refused=self.refused))
        self._stored_before_save = self._stored
        self._baseline = self._awaiting = text
        if self.is_mounted:
            self._show_status()

    def flush_direct(self) -> None:
        """Write the editor's text through the ChangeLog now, without the message queue."""
        self._cancel_timer()
        text = self.editor.text
        changes = self.app.changelog
        try:
            stored = changes.get(self.app_id).notes
        except KeyError:
            raise FollowupError("the application was deleted while its notes were open") from None
        if text == stored:
            return
        label = f"Edit notes of {self.label}"
        try:
            apply_now(self.app, self.app_id, notes_change(text), label)
        except StaleEditError:
            # another process saved this card meanwhile: keep their change, put our notes on top
            changes.reload()
            apply_now(self.app, self.app_id, notes_change(text), label)
        self._baseline = self._stored = text
        self._awaiting = None

    def mark_kept(self) -> None:
        """The text is safe elsewhere (a rescue file): stop trying to save it."""
        self._cancel_timer()
        self._baseline = self.editor.text
        self._awaiting = None

    def sync_from_store(self, stored_notes: str) -> None:
        """After a change: take the stored notes; if the user typed meanwhile, merge the two.

        Nothing typed is ever replaced: notes changed both here and elsewhere
        are merged line by line (tui/core/merge.py), conflicting lines kept
        from both sides between markers, and the result saved.
        """
        if self._awaiting is not None:
            if stored_notes != self._awaiting:
                return  # our save is still on its way
            self._awaiting = None
            self._refused = ""
            self._stored = stored_notes
        if stored_notes != self._stored:  # changed elsewhere
            if self.unsaved:
                merged, conflicted = merge3(self._stored, self.editor.text, stored_notes)
                self._stored = stored_notes
                self._replace_keeping_place(merged)
                if conflicted:
                    self.notify("The notes were changed elsewhere too: both versions are kept between "
                                "<<<<<<< and >>>>>>> lines.", severity="warning", timeout=10)
                self._retry_after_reload = False
                self.call_later(self.request_save)
            else:  # nothing of ours pending: theirs is also what a refused write falls back to (review:
                # a refused thank-you mark merged the notes against the ones the screen opened with)
                self._stored = self._baseline = self._stored_before_save = stored_notes
                self._replace_keeping_place(stored_notes)
        elif self._retry_after_reload and self.unsaved:  # their version is in memory now: ours goes on top
            self._retry_after_reload = False
            self.call_later(self.request_save)
        self._show_status()

    def _replace_keeping_place(self, text: str) -> None:
        """Load `text` (changed elsewhere) without moving the reader off their words.

        The cursor and selection are carried through the change
        (`merge.carry_offset`): lines added above move them on, so the next
        key lands where it was going, never inside another line or a conflict
        marker; the view scrolls by as much as the cursor moved, so the line
        being typed stays on the same screen row.
        """
        editor = self.editor
        old_text = editor.text
        if text == old_text:
            return
        indexes = [editor.document.get_index_from_location(place) for place in editor.selection]
        screen_row = editor.wrapped_document.location_to_offset(editor.cursor_location).y - editor.scroll_offset.y
        scroll_x = editor.scroll_offset.x
        editor.load_text(text)
        anchor, cursor = (editor.document.get_location_from_index(carry_offset(old_text, text, index))
                          for index in indexes)
        editor.selection = Selection(anchor, cursor)
        cursor_y = editor.wrapped_document.location_to_offset(cursor).y
        editor.scroll_to(scroll_x, max(0, cursor_y - screen_row), animate=False)
        editor.scroll_cursor_visible()

    def replace_text(self, text: str) -> None:
        """Take text edited elsewhere ($EDITOR) and save it at once."""
        self.editor.load_text(text)
        self.request_save()

