"""The letter's text taken out of the letter screen: copied (ctrl+t), saved to a file (ctrl+s), or
edited in $EDITOR (ctrl+o) and brought back.

A mixin of LetterScreen (tui/ui/letters/screen.py), which holds the drafts,
the letter shown, `_copied` (what was last copied of each letter, for its
status line) and `_take_typed_edits`; apart from it, as MarkingSent is, so
that the screen itself is about showing and editing the letter.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tui.core.errors import FollowupError
from tui.ui.letters.dialogs import PathPrompt
from tui.ui.letters.facts import gaps_text
from tui.ui.letters.files import default_path, edit_in_editor, write_letter
from tui.ui.screens.confirm import ConfirmScreen

HELP = "Edits last until you leave"
# Shown once a copy found this tmux dropping copies (clipboard.tmux_drops_copies), never before: outside tmux,
# or in one set up for it, the advice would be noise.
HELP_TMUX = HELP + " · this tmux drops copies: set -g set-clipboard on, then ctrl+t again"


class TextOutside:
    async def action_copy(self) -> None:
        await self._take_typed_edits()
        letter = self.letter
        if not letter.missing:
            self._copy()
            return
        await self.app.push_screen(
            ConfirmScreen("This letter still has gaps. Copy it anyway?",
                          [f"Unfilled: {gaps_text(letter)}. Replace each in the text to copy without this question."],
                          yes="copy it with the gaps"),
            lambda yes: self._copy() if yes else self.notify(
                f"Not copied: fill {gaps_text(self.letter)} first.", severity="warning"),
        )

    def _copy(self) -> None:
        from tui.ui.letters.clipboard import TMUX_FIX, tmux_drops_copies

        letter = self.letter
        if tmux_drops_copies():  # it would say "copied" while tmux throws the text away
            self.query_one("#letter-help", Static).update(HELP_TMUX)
            self.notify(f"Not copied: this tmux drops what applications copy; {TMUX_FIX}, and ctrl+t again. "
                        "ctrl+s saves the letter to a file meanwhile.", severity="warning", timeout=15)
            return
        self.query_one("#letter-help", Static).update(HELP)
        self.app.copy_to_clipboard(letter.text)
        self._copied[self.drafts.key] = letter.text
        self._show_facts()
        self.notify(f"Copied “{letter.subject}” ({letter.word_count} words) to the clipboard "
                    "(through the terminal, so over SSH too).", timeout=6)

    async def action_save(self) -> None:
        await self._take_typed_edits()  # the letter has every key typed before ctrl+s
        letter = self.letter
        path = default_path(letter, self.drafts.application.company)
        try:
            shown = "~/" + str(path.relative_to(Path.home()))
        except ValueError:
            shown = str(path)
        hint = f"The gaps {gaps_text(letter)} are saved as they are." if letter.missing else ""
        # the toasts so far were about this letter before saving it ("Not copied…", "Copied…"): left up, one
        # covered the dialog's hint line at 80x24 (review R5 8); what the dialog does it says itself
        self.app.clear_notifications()
        await self.app.push_screen(PathPrompt("Save the letter to a file", shown, hint), self._save_to)

    def _save_to(self, path: Path | None, replace: bool = False) -> None:
        """Write to the path the form read (PathPrompt: a writable file, never the data file); a file already
        there only after yes."""
        if path is None:
            return
        if path.exists() and not replace:
            self.app.push_screen(
                ConfirmScreen(f"{path} already exists. Replace it with this letter?", yes="replace it"),
                lambda yes: self._save_to(path, True) if yes else self.notify("Not saved; the file is unchanged."),
            )
            return
        try:
            write_letter(path, self.letter.text)
        except FollowupError as exc:
            self.notify(f"Not saved: {exc}", severity="error")
            return
        self.notify(f"Saved to {path}")

    def action_edit_external(self) -> None:
        self._take_edits()
        try:
            text = edit_in_editor(self.app, self.letter.text)
        except FollowupError as exc:
            self.notify(str(exc), severity="error")
            return
        self.drafts.revise_text(text)
        self._show()
