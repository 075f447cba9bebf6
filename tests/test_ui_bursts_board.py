"""The board's keys act in the order they were typed: a burst ends where slow typing ends.

Cursor keys, tab, `s`, `u`, `escape`, `H`/`L` all change what the next key acts
on. Over a slow SSH link `j⏎` arrives as one burst; if `j` ran after `enter`,
the card opened would be the one the cursor was on before `j`. Each test types
one sequence slowly (Pilot's `press`, which waits for the app after every key)
on one board and as a burst (`burst_keys`) on another, and checks that both end
on the same screen, card, column and focus, and that this is the expected one.
"""

from __future__ import annotations

import pytest

from conftest import send_keys
from tui.ui.detail.screen import DetailScreen
from ui_board_helpers import WIDE, board_of, focused_company, make_app, small_apps, store_with

pytestmark = pytest.mark.usefixtures("freeze_clock")


def where(app) -> tuple:
    """What the user sees at the end: the card opened, or the board's cursor, focus, filter and sidebar."""
    screen = app.screen
    if isinstance(screen, DetailScreen):
        return ("detail", screen.application.company)
    board = board_of(app)
    focus = "board" if board.focused else type(app.focused).__name__
    return ("board", focused_company(app), board.stage.value, focus, board.needle,
            app.board_screen.sidebar.display, sorted((a.company, a.stage.value) for a in app.changelog.apps.values()))


async def ends_at(tmp_path, burst: bool, *keys: str, size=WIDE) -> tuple:
    app = make_app(store_with(tmp_path / ("burst" if burst else "slow"), small_apps()))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await send_keys(app, pilot, burst, *keys, pauses=3)
        return where(app)


async def same_both_ways(tmp_path, *keys: str, size=WIDE) -> tuple:
    slow = await ends_at(tmp_path, False, *keys, size=size)
    fast = await ends_at(tmp_path, True, *keys, size=size)
    assert fast == slow
    return slow


# small_apps(): Interviewed holds Acme (first, overdue) and Globex; Awaiting holds Initech.

async def test_j_then_enter_opens_the_card_below(tmp_path):
    assert await same_both_ways(tmp_path, "j", "enter") == ("detail", "Globex")


async def test_j_j_k_j_then_enter(tmp_path):
    assert await same_both_ways(tmp_path, "j", "j", "k", "j", "enter") == ("detail", "Globex")


async def test_column_keys_then_enter(tmp_path):
    assert await same_both_ways(tmp_path, "l", "enter") == ("detail", "Initech")
    assert await same_both_ways(tmp_path / "2", "right", "left", "down", "enter") == ("detail", "Globex")
    assert await same_both_ways(tmp_path / "3", "G", "g", "end", "enter") == ("detail", "Globex")


async def test_tab_to_the_sidebar_j_then_enter_jumps_and_opens(tmp_path):
    """tab, j picks the second deadline, enter jumps to its card; the next enter opens it."""
    slow = await same_both_ways(tmp_path, "tab", "j", "enter", "enter")
    assert slow[0] == "detail"
    sidebar_second = await same_both_ways(tmp_path / "2", "tab", "j", "enter")
    assert sidebar_second[1] == slow[1] and sidebar_second[3] == "board"


async def test_tab_and_back_then_j(tmp_path):
    assert await same_both_ways(tmp_path, "tab", "tab", "j", "enter") == ("detail", "Globex")


async def test_move_then_h_then_enter(tmp_path):
    """L moves Acme to Thanked (the cursor goes with it); h goes back to Interviewed: Globex."""
    assert await same_both_ways(tmp_path, "L", "h", "enter") == ("detail", "Globex")


async def test_move_undo_then_l_then_enter(tmp_path):
    """L then u puts Acme back (Thanked is empty again), so l goes on to Awaiting."""
    assert await same_both_ways(tmp_path, "L", "u", "l", "enter") == ("detail", "Initech")


async def test_j_move_h_undo_then_enter(tmp_path):
    """u puts the cursor back on the card it undid: Globex, not the Acme h went to."""
    assert await same_both_ways(tmp_path, "j", "L", "h", "u", "enter") == ("detail", "Globex")


async def test_move_undo_j_and_move_again(tmp_path):
    """u brings Acme back and keeps the cursor on it; j then L moves Globex, not Acme."""
    end = await same_both_ways(tmp_path, "L", "u", "j", "L")
    assert end[1:3] == ("Globex", "thanked") and ("Acme", "interviewed") in end[-1]


async def test_s_hides_the_sidebar_before_tab(tmp_path):
    """s hides the sidebar, so tab stays on the board and j moves the board's cursor."""
    assert await same_both_ways(tmp_path, "s", "tab", "j", "enter") == ("detail", "Globex")
    end = await same_both_ways(tmp_path / "2", "tab", "s", "j")
    assert end[1] == "Globex" and end[3] == "board" and end[5] is False


async def test_escape_clears_the_filter_before_the_next_key(tmp_path):
    assert await same_both_ways(tmp_path, "/", "glo", "enter", "escape", "k", "enter") == ("detail", "Acme")


async def test_delete_confirmed_then_enter_opens_the_card_that_took_its_place(tmp_path):
    """The deletion is applied before the `enter` typed after the `y`: it opens Globex, not the deleted Acme."""
    assert await same_both_ways(tmp_path, "d", "y", "enter") == ("detail", "Globex")


async def test_a_new_card_is_in_and_chosen_before_the_key_after_its_form(tmp_path):
    """The form's result is applied before the next key: the `enter` after saving opens the new card."""
    form = ("n", "Hooli", "tab", "Dev", "enter", "enter", "yesterday 10am", "shift+tab", "Onsite", "tab", "tab",
            "Dana Kim", "enter")
    assert await same_both_ways(tmp_path, *form, "enter") == ("detail", "Hooli")


@pytest.mark.parametrize("opener", ["ctrl+p", "?"])
async def test_escape_closes_the_palette_or_the_help_before_the_key_after_it(tmp_path, opener):
    """Review: `escape k` in one burst closed the palette (or the help) and lost the k to it."""
    assert await same_both_ways(tmp_path, "j", opener, "escape", "k", "enter") == ("detail", "Acme")
