"""The letter screen's actions in the command palette (ctrl+p), each with its key."""

from __future__ import annotations

from functools import partial
from typing import Callable, Iterator

from textual.command import DiscoveryHit, Hit, Hits, Provider


def letter_commands(screen) -> Iterator[tuple[str, Callable[[], object], str]]:
    """(name, what it does, help) for what the letter screen offers right now."""
    yield "Copy the letter", screen.action_copy, "Subject and letter to the clipboard  ·  ctrl+t"
    yield "Save the letter to a file", screen.action_save, "Asks for the path  ·  ctrl+s"
    yield "Edit the letter in $EDITOR", screen.action_edit_external, "Comes back here when you quit  ·  ctrl+o"
    yield "Mark the letter sent", screen.action_mark_sent, "Records it on the card (asks first)  ·  ctrl+r"
    drafts = screen.drafts
    if drafts is not None and drafts.count > 1:
        yield "Next note", partial(screen.action_step, 1), "The next interviewer's note  ·  ctrl+n"
        yield "Previous note", partial(screen.action_step, -1), "The previous interviewer's note  ·  ctrl+g"
    if drafts is not None and drafts.variants:
        yield "Other answer to the offer", screen.action_variant, "Accept, or ask for time  ·  ctrl+f"
    yield "Back to the board", screen.action_leave, "Asks first if you edited a letter  ·  escape"


class LetterCommands(Provider):
    async def discover(self) -> Hits:
        if getattr(self.screen, "drafts", None) is None:
            return
        for name, callback, help_text in letter_commands(self.screen):
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        if getattr(self.screen, "drafts", None) is None:
            return
        matcher = self.matcher(query)
        for name, callback, help_text in letter_commands(self.screen):
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
