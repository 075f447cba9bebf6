"""The detail screen's actions in the command palette (ctrl+p), each with its key."""

from __future__ import annotations

from typing import Callable, Iterator

from textual.command import DiscoveryHit, Hit, Hits, Provider


def detail_commands(screen) -> Iterator[tuple[str, Callable[[], object], str]]:
    """(name, what it does, help) for every action of the detail screen."""
    rounds, directions = screen.rounds_list, screen.directions_list

    def on(section: str, action: Callable[[], object]) -> Callable[[], None]:
        def run() -> None:
            screen.action_section(section)
            action()

        return run

    yield "Write notes", lambda: screen.action_section("notes"), "The Markdown notes editor  ·  1"
    yield "Edit notes in $EDITOR", screen.action_external_editor, "Your own editor, e.g. vim  ·  ctrl+o"
    yield "Show rounds", lambda: screen.action_section("rounds"), "Rounds and interviewers  ·  2"
    yield "Add a round", on("rounds", rounds.action_add_round), "Moves the card back to Interviewed  ·  2 a"
    yield "Add an interviewer", on("rounds", rounds.action_add_person), "To the highlighted round  ·  2 p"
    yield "Thank-you note to the interviewer", on("rounds", rounds.action_thank), "Draft it  ·  2 t"
    yield "Mark interviewer thanked", on("rounds", rounds.action_toggle_thanked), "Without a letter, or not  ·  2 space"
    yield "Show directions", lambda: screen.action_section("directions"), "What the recruiter asked  ·  3"
    yield "Add a direction", on("directions", directions.action_add), "Do-by, quiet period or info  ·  3 a"
    yield "Mark direction done", on("directions", directions.action_toggle_done), "Or open again  ·  3 d"
    yield "Show history", lambda: screen.action_section("history"), "Everything that happened  ·  4"
    yield "Record the outcome", screen.action_outcome, "Offer, accepted, rejected, withdrawn, no response  ·  o"
    yield "Edit the card", screen.action_details, "Company, role, recruiter, dates  ·  c"
    yield "Back to the board", screen.action_back, "Notes are saved  ·  escape"


class DetailCommands(Provider):
    async def discover(self) -> Hits:
        for name, callback, help_text in detail_commands(self.screen):
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in detail_commands(self.screen):
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
