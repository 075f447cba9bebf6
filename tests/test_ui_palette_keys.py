"""The palette names, beside each action, the one key that does it: "Move card to the next stage" is
`L`, the previous stage `H`, not the key bar's "H/L" that speaks for both. Its search is typed one key
at a time and in one burst."""

from __future__ import annotations

import pytest
from textual.command import CommandList, CommandPalette
from textual.widgets import Input

from conftest import WAYS, burst_keys
from tui.ui.palette import binding_keys
from ui_board_helpers import WIDE, make_app, small_apps, store_with
from ui_detail_helpers import acme, board, make_db, open_card

pytestmark = pytest.mark.usefixtures("freeze_clock")


async def palette_lines(app, pilot, burst: bool, query: str) -> list[str]:
    """ctrl+p, then `query` typed into it; the hits' lines as the palette shows them."""
    if burst:
        burst_keys(app, "ctrl+p", query)
    else:
        await pilot.press("ctrl+p", *query)
    await pilot.pause()
    palette = app.screen
    assert isinstance(palette, CommandPalette)
    searches = [w for w in app.workers if w.group == CommandPalette._GATHER_COMMANDS_GROUP]
    await app.workers.wait_for_complete(searches)
    await pilot.pause()
    hits = palette.query_one(CommandList)
    return [str(hits.get_option_at_index(i).prompt) for i in range(hits.option_count)]


@WAYS
async def test_the_palette_shows_L_for_the_next_stage_and_H_for_the_previous(tmp_path, burst):
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        lines = await palette_lines(app, pilot, burst, "stage")
        by_name = {line.splitlines()[0]: line for line in lines}
        assert by_name["Move card to the next stage"].rstrip().endswith("·  L")
        assert by_name["Move card to the previous stage"].rstrip().endswith("·  H")
        assert not any("H/L" in line for line in lines)


@WAYS
async def test_what_is_typed_after_ctrl_p_is_the_palettes_search_not_board_keys(tmp_path, burst):
    """Review: in one burst, the `t` of a search went to the board and opened the letters."""
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        if burst:
            burst_keys(app, "ctrl+p", "thank")
        else:
            await pilot.press("ctrl+p", *"thank")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(Input).value == "thank"
        assert len(app.screen_stack) == 2  # the board, then the palette: no letter screen between


async def test_palette_keys_are_the_bindings_first_keys_not_their_key_bar_labels(tmp_path, frozen):
    async with board(make_db(tmp_path, acme(frozen))).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        keys = binding_keys(pilot.app.screen)
        assert (keys["board.move_right"], keys["board.move_left"], keys["board.new"]) == ("L", "H", "n")
        await open_card(pilot)
        keys = binding_keys(pilot.app.screen)
        assert (keys["detail.notes"], keys["detail.rounds"]) == ("1", "2")  # the key bar's "1-4" is all four


async def test_quit_in_the_palette_says_what_it_does_and_its_key(tmp_path):
    """Review: Textual's own entry said 'Quit the application as soon as possible', with no key."""
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        lines = await palette_lines(app, pilot, False, "quit")
        (quit_line,) = [line for line in lines if line.startswith("Quit")]
        assert "Save anything pending and quit" in quit_line and quit_line.rstrip().endswith("·  q")
