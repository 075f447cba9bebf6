"""PRODUCT: ctrl+p opens the command palette, "where every action can also be found".

Every key a screen shows in its key bar (or that a list on it answers to) has a palette entry on
that screen; what is only moving around (arrows, j/k, sections by number) or is the palette, help
or quitting itself is left out.
"""

from __future__ import annotations

from textual.actions import parse
from textual.binding import Binding

from ui_detail_helpers import acme, board, make_db, open_card

# moving around, or what the palette already is / offers itself (help, quit: Textual's own entries)
NOT_ACTIONS = {"app.quit", "app.quit_q", "app.suspend", "app.help", "app.palette", "detail.quit", "detail.help",
               "board.quit", "board.help", "rounds.open", "form.enter", "sections.next", "sections.previous",
               "letters.help", "detail.enter",
               # only saying where they act (the lists' own n and d are listed); the editor saves as it is
               # typed, its ctrl+s is a retry from inside it
               "detail.new_where", "detail.delete_where", "notes.save"}
MOVING = ("left", "right", "up", "down", "first", "last", "page", "cursor", "scroll", "top", "bottom", "home",
          "end", "next", "previous", "move(", "edge", "switch", "choose")


def action_ids(screen) -> set[str]:
    """The ids of the bindings that act (and may act now: check_action) on `screen` and its widgets."""
    found = set()
    for node in (screen, *screen.walk_children()):
        for cls in type(node).__mro__:
            for binding in Binding.make_bindings(cls.__dict__.get("BINDINGS", ())):
                moving = any(word in binding.action for word in MOVING)
                if not binding.id or moving or binding.id in NOT_ACTIONS:
                    continue
                _, name, parameters = parse(binding.action)
                if node.check_action(name, parameters) is not False:
                    found.add(binding.id)
    return found


def listed(screen) -> set[str]:
    return {key for command in screen.palette_commands() for key in command.keys}


async def test_every_action_of_the_board_and_the_detail_screen_is_in_the_palette(tmp_path, frozen):
    async with board(make_db(tmp_path, acme(frozen))).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert action_ids(pilot.app.screen) - listed(pilot.app.screen) == set()
        screen = await open_card(pilot)
        for section in ("rounds", "directions", "history"):
            screen.show_section(section)  # the lists are made when first shown
        await pilot.pause()
        assert action_ids(screen) - listed(screen) == set()


async def test_every_action_of_the_letter_screen_is_in_the_palette(tmp_path, letter_env):
    from tui.ui.letters import LetterScreen
    from ui_letters_helpers import DANA, LetterHarness, frozen_now, interviewed

    app = interviewed(frozen_now(), DANA)
    host = LetterHarness(make_db(tmp_path, app), app.id, "thank-you")
    async with host.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(host.screen, LetterScreen)
        assert action_ids(host.screen) - listed(host.screen) == set()
