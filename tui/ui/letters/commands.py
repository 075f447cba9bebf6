"""The letter screen's actions for the command palette (tui/ui/palette.py shows their keys)."""

from __future__ import annotations

from functools import partial
from typing import Iterator

from tui.ui.palette import Command


def letter_commands(screen) -> Iterator[Command]:
    """What the letter screen offers right now."""
    drafts = screen.drafts
    if drafts is None:
        return
    yield Command("Copy the letter", screen.action_copy, "Subject and letter to the clipboard", ("letters.copy",))
    yield Command("Save the letter to a file", screen.action_save, "Asks for the path", ("letters.save",))
    yield Command("Edit the letter in $EDITOR", screen.action_edit_external, "Comes back here when you quit",
                  ("letters.editor",))
    yield Command("Mark the letter sent", screen.action_mark_sent, "Records it on the card (asks first)",
                  ("letters.sent",))
    yield Command("Mark the letter sent at…", screen.action_mark_sent_at, "It went out earlier: asks when",
                  ("letters.sent_at",))
    if drafts.count > 1:
        yield Command("Next note", partial(screen.action_step, 1), "The next interviewer's note", ("letters.next",))
        yield Command("Previous note", partial(screen.action_step, -1), "The previous interviewer's note",
                      ("letters.previous",))
    if drafts.variants:
        yield Command("Other answer to the offer", screen.action_variant, "Accept, ask for time, or decline",
                      ("letters.variant",))
    yield Command("Back to the board", screen.action_leave, "Asks first if you edited a letter", ("letters.back",))
