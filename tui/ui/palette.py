"""Command palette (ctrl+p) providers: every board action by name, and every card by company.

The providers only call the board screen's public methods, so the palette,
the keys and the help screen all do exactly the same thing.
"""

from __future__ import annotations

from functools import partial
from typing import Callable, Iterator

from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider

from tui.core.stages import STAGES


def board_commands(screen) -> Iterator[tuple[str, Callable[[], object], str]]:
    """(name, what it does, help) for every board action, with its key in the help."""
    yield "New application", screen.action_new, "Add an application after an interview  ·  n"
    yield "Open card", screen.action_open, "Open the focused card  ·  enter"
    yield "Open notes", screen.action_open_notes, "Open the focused card straight into its notes  ·  e"
    yield "Move card to the next stage", partial(screen.action_move_card, 1), "Move the focused card right  ·  L"
    yield "Move card to the previous stage", partial(screen.action_move_card, -1), "Move the focused card left  ·  H"
    yield "Move to stage…", screen.choose_stage, "Move the focused card to any stage"
    yield "Jump to application…", screen.choose_application, "Find a card by company or role"
    yield "Delete card", screen.action_delete, "Delete the focused card (asks first)  ·  d"
    yield "Undo", screen.action_undo, "Undo the last change  ·  u"
    yield "Filter cards", screen.action_filter, "Show only cards matching some text  ·  /"
    yield "Clear the filter", screen.action_clear_filter, "Show every card again  ·  escape"
    yield "Thank-you letters", partial(screen.action_letters, "thank-you"), "Draft thank-you notes  ·  t"
    yield ("Follow-up letter", partial(screen.action_letters, "follow-up"),
           "Draft a follow-up, or the reply a closed card needs  ·  f")
    yield "Toggle the deadline sidebar", screen.action_toggle_sidebar, "Show or hide the deadlines  ·  s"
    yield "Keys and help", screen.action_help, "Every key on one screen  ·  ?"


class BoardCommands(Provider):
    async def discover(self) -> Hits:
        for name, callback, help_text in board_commands(self.screen):
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in board_commands(self.screen):
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)


class JumpCommands(Provider):
    """'Jump to <company> — <role>' for cards whose company or role contain every typed word."""

    LIMIT = 40
    DISCOVER = 0  # how many of the most pressing cards to list before anything is typed

    def _cards(self):
        board = getattr(self.screen, "board", None)
        if board is None:
            return []
        return board.cards.values()

    async def discover(self) -> Hits:
        if not self.DISCOVER:
            return
        cards = sorted(self._cards(), key=lambda c: c.sort_key)[: self.DISCOVER]
        for card in cards:
            title = f"Jump to {card.company} — {card.role}"
            yield DiscoveryHit(title, partial(self.screen.jump_to, card.app_id), help=card.stage.label)

    async def search(self, query: str) -> Hits:
        words = query.lower().split()
        if not words:
            return
        matcher = self.matcher(query)
        found = 0
        for card in self._cards():
            haystack = f"{card.company} {card.role}".lower()
            if all(word in haystack for word in words):
                title = f"Jump to {card.company} — {card.role}"
                score = matcher.match(title) or 0.1
                yield Hit(score, matcher.highlight(title), partial(self.screen.jump_to, card.app_id),
                          help=f"{card.stage.label}" + (f"  ·  {card.action}" if card.action else ""))
                found += 1
                if found >= self.LIMIT:
                    return


class JumpPalette(JumpCommands):
    DISCOVER = 30


def stage_commands(screen, application):
    """One command per stage the card is not in."""
    return [
        (f"Move {application.company} to {stage.label}",
         partial(screen.move_to_stage, application.id, stage), None)
        for stage in STAGES
        if stage is not application.stage
    ]


def open_jump_palette(app) -> None:
    app.push_screen(CommandPalette(providers=[JumpPalette], placeholder="Jump to application…"))
