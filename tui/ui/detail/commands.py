"""The detail screen's actions for the command palette (tui/ui/palette.py shows their keys)."""

from __future__ import annotations

import inspect
from typing import Awaitable, Callable, Iterator

from tui.ui.palette import Command


def detail_commands(screen) -> Iterator[Command]:
    rounds, directions = screen.rounds_list, screen.directions_list

    def on(section: str, action: Callable[[], object]) -> Callable[[], Awaitable[None]]:
        async def run() -> None:
            screen.show_section(section)
            result = action()
            if inspect.isawaitable(result):  # actions that open a form await it (keys after them land there)
                await result

        return run

    yield Command("Write notes", lambda: screen.show_section("notes"), "The Markdown notes editor",
                  ("detail.write", "detail.notes"))
    yield Command("Edit notes in $EDITOR", screen.action_external_editor, "Your own editor, e.g. vim",
                  ("detail.editor",))
    yield Command("Show rounds", lambda: screen.show_section("rounds"), "Rounds and interviewers",
                  ("detail.rounds",))
    yield Command("Add a round", on("rounds", rounds.action_add_round),
                  "Once held, a round after the latest moves the card to Interviewed",  # README, Upcoming rounds
                  ("detail.rounds", "rounds.add"))
    yield Command("Add an interviewer", on("rounds", rounds.action_add_person), "To the highlighted round",
                  ("detail.rounds", "rounds.person"))
    yield Command("Edit the round or interviewer", on("rounds", rounds.action_edit), "The highlighted one",
                  ("detail.rounds", "rounds.open"))
    yield Command("Delete the round or interviewer", on("rounds", rounds.action_remove),
                  "The highlighted one, after asking", ("detail.rounds", "rounds.remove"))
    yield Command("Thank-you note to the interviewer", on("rounds", rounds.action_thank), "Draft it",
                  ("detail.rounds", "rounds.thank"))
    yield Command("Thank-you notes", lambda: screen.action_letters("thank-you"),
                  "Draft them for the latest round, as t on the board", ("detail.thank",))
    yield Command("Follow-up letter", lambda: screen.action_letters("follow-up"),
                  "Draft it (on a closed card, the reply it needs)", ("detail.follow_up",))
    yield Command("Mark interviewer thanked", on("rounds", rounds.action_toggle_thanked),
                  "Without a letter, or not", ("detail.rounds", "rounds.thanked"))
    yield Command("Show directions", lambda: screen.show_section("directions"), "What the recruiter asked",
                  ("detail.directions",))
    yield Command("Add a direction", on("directions", directions.action_add), "Do-by, quiet period or info",
                  ("detail.directions", "directions.add"))
    yield Command("Mark direction done", on("directions", directions.action_toggle_done), "Or open again",
                  ("detail.directions", "directions.done"))
    yield Command("Delete the direction", on("directions", directions.action_remove),
                  "The highlighted one, after asking", ("detail.directions", "directions.remove"))
    yield Command("Show history", lambda: screen.show_section("history"), "Everything that happened",
                  ("detail.history",))
    yield Command("Record the outcome", screen.action_outcome, "Offer, accepted, rejected, withdrawn, no response",
                  ("detail.outcome",))
    # the fields in the name: the palette searches names, and "pitch" or "posting" must find this
    yield Command("Edit the card: company, role, recruiter, posting, pitch", screen.action_details,
                  "And the decision and keep-in-touch dates", ("detail.card",))
    # the board's card keys, for this card (board_keys.py)
    yield Command("They replied…", screen.action_reply, "They answered: when, how, a note", ("detail.reply",))
    yield Command("Snooze…", screen.action_snooze, "Put this card's next deadline off until later",
                  ("detail.snooze",))
    yield Command("Move card to the next stage", lambda: screen.action_move_card(1), "As on the board",
                  ("detail.move_right",))
    yield Command("Move card to the previous stage", lambda: screen.action_move_card(-1), "As on the board",
                  ("detail.move_left",))
    yield Command("Undo", screen.action_undo, "The last change, when it was to this card", ("detail.undo",))
    yield Command("Redo", screen.action_redo, "Make again what undo took back", ("detail.redo",))
    yield Command("Statistics", screen.action_stats, "How the search is going", ("detail.stats",))
    yield Command("Deadline sidebar", screen.action_sidebar, "It is on the board: escape, then s",
                  ("detail.sidebar",))
    yield Command("Back to the board", screen.action_back, "Notes are saved", ("detail.back",))
