"""The board's `/` filter and the palette's search take a backspace where it was typed, in a burst too.

Review M: `wonk`, then `backspace k a` in one burst gave `wonkk` in both: Textual's Input runs its
backspace binding only once the key has bubbled up to the app, behind the keys typed after it. The
forms and the notes editor already type in order (tui/ui/settle.py `TypesInOrder`); these two fields
now do the same.
"""

from __future__ import annotations

import pytest
from textual.command import CommandInput, CommandPalette

from conftest import WAYS, send_keys
from tui.ui.screens.filter_bar import FilterBar
from ui_board_helpers import WIDE, focused_company, make_app, small_apps, store_with

pytestmark = pytest.mark.usefixtures("freeze_clock")

# (typed slowly first, then the keys of the test, one by one or in one burst) -> what the field reads
CORRECTIONS = [
    (("wonk",), ("backspace", "ka"), "wonka"),
    (("wonka",), ("backspace", "backspace", "backspace", "backspace", "backspace", "tyr"), "tyr"),
    (("w",), ("backspace", "wonka"), "wonka"),
    (("acme",), ("left", "left", "backspace", "x", "end", "!"), "axme!"),
]


@WAYS
@pytest.mark.parametrize(("first", "keys", "reads"), CORRECTIONS)
async def test_the_filter_bar_types_in_order(tmp_path, burst, first, keys, reads):
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await send_keys(app, pilot, False, *first)
        await send_keys(app, pilot, burst, *keys)
        bar = app.screen.query_one(FilterBar)
        assert app.focused is bar
        assert bar.value == reads


@WAYS
@pytest.mark.parametrize(("first", "keys", "reads"), CORRECTIONS)
async def test_the_palette_search_types_in_order(tmp_path, burst, first, keys, reads):
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        for _ in range(50):  # the palette opens on a worker-free path, but give a busy machine its time
            if isinstance(app.focused, CommandInput):
                break
            await pilot.pause()
        await send_keys(app, pilot, False, *first)
        await send_keys(app, pilot, burst, *keys)
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(CommandInput).value == reads
        # the search the last key started ends before the app does: under load, a search still running
        # when the test closed the app found the palette's list gone (Textual's worker, not ours)
        searching = [w for w in app.workers if w.group == CommandPalette._GATHER_COMMANDS_GROUP]
        await app.workers.wait_for_complete(searching)


@WAYS
async def test_the_jump_palette_search_types_in_order_and_finds_the_card(tmp_path, burst):
    """The palette's "Jump to application…" (its own palette) corrected in a burst still finds Globex."""
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        app.board_screen.choose_application()
        await pilot.pause()
        await send_keys(app, pilot, False, "glox")
        await send_keys(app, pilot, burst, "backspace", "bex")
        assert app.screen.query_one(CommandInput).value == "globex"
        searches = [w for w in app.workers if w.group == CommandPalette._GATHER_COMMANDS_GROUP]
        await app.workers.wait_for_complete(searches)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)
        assert focused_company(app) == "Globex"


@WAYS
async def test_the_filter_bar_takes_the_focus_lines_place_and_leaves_the_board_its_height(tmp_path, burst):
    """`/` shows the bar where the focus line was: the columns keep their size (opening it redraws the bar,
    not every card), and the line is back once the filter is kept or cleared."""
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        screen = app.board_screen
        column = screen.board.list_of(screen.board.stage)  # the board itself only places its columns
        column_height = column.region.height  # (a filter may make it wider)
        await send_keys(app, pilot, burst, "/", "acme")
        bar = screen.query_one(FilterBar)
        assert bar.display and not screen.focus_line.display
        assert bar.region.height == 1 and column.region.height == column_height
        assert bar.region.y == column.region.bottom  # right under the board, where the line was
        await send_keys(app, pilot, burst, "enter", "j")
        assert not bar.display and screen.focus_line.display
        assert screen.board.needle == "acme" and column.region.height == column_height
        await send_keys(app, pilot, burst, "/", "escape")
        assert not bar.display and screen.focus_line.display and screen.board.needle == ""
