"""The palette in one burst over SSH: `ctrl+p`, what to search, `enter` and the keys for the screen it opens.

Review R10 1: `enter` picked from the list the empty search had shown (Quit is first) before the search for
the typed words answered, so the app quit; or it opened the right form, and the keys typed after `enter`
went into the closing palette (lost), a second `enter` closing it twice (a crash).
"""

from __future__ import annotations

import pytest
from textual.command import CommandList

from conftest import WAYS, send_keys, taken
from tui.ui.palette import Palette, SearchInput
from tui.ui.screens.form import FormScreen
from tui.ui.settle import settled
from ui_board_helpers import NARROW, demo_store, make_app
from ui_detail_helpers import wait_until

pytestmark = pytest.mark.usefixtures("freeze_clock")


@WAYS
async def test_the_command_searched_for_runs_and_the_keys_after_it_reach_its_form(tmp_path, burst):
    app = make_app(demo_store(tmp_path))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await send_keys(app, pilot, burst, "ctrl+p", "new application", "enter", "Foo", "tab", "Bar", pauses=3)
        await wait_until(pilot, lambda: isinstance(app.screen, FormScreen)
                         and bool(app.screen.query("#field-company")))
        await taken(app, pilot)
        form = app.screen
        assert app.return_code is None  # not quit
        assert (form.query_one("#field-company").value, form.query_one("#field-role").value) == ("Foo", "Bar")


async def test_enter_typed_with_the_search_never_picks_from_the_empty_searchs_list(tmp_path):
    app = make_app(demo_store(tmp_path))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await send_keys(app, pilot, True, "snooze", "enter", pauses=3)  # the palette already open
        await wait_until(pilot, lambda: isinstance(app.screen, FormScreen))
        assert app.return_code is None
        assert type(app.screen).__name__ == "SnoozeForm"


async def test_a_snooze_picked_and_filled_in_one_burst_is_stored(tmp_path):
    """Review R10 1 d: the time and the second enter went into the closing palette, which was closed twice
    (ScreenStackError): the app died and nothing was stored."""
    store = demo_store(tmp_path)
    app = make_app(store)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        company = app.screen.board.current.company
        await send_keys(app, pilot, True, "ctrl+p", "snooze", "enter", "tomorrow 9:00", "enter", "enter", pauses=3)
        await wait_until(pilot, lambda: not isinstance(app.screen, FormScreen) and app.screen.is_current)
        await app.wait_for_writes()
        assert app.return_code is None
    (card,) = [a for a in store.load_all() if a.company == company]
    assert card.snoozes


async def test_enter_searches_for_what_was_typed_when_its_search_ran_without_the_providers(tmp_path):
    """Under load, the letters of `ctrl+p new application enter` reached the search field before the
    palette had its providers: their search found nothing, the empty search's list followed, and enter
    picked from it (the statistics opened). Here the same happens in that order: enter searches again."""
    app = make_app(demo_store(tmp_path))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, Palette) and not searching(app))
        palette = app.screen
        commands = palette.query_one(CommandList)
        providers, palette._providers = palette._providers, []
        field = palette.query_one(SearchInput)
        field.value = "new application"
        await settled(field)  # its change is on its way to the palette
        await settled(palette)  # and its search has started, with no providers
        await wait_until(pilot, lambda: not searching(app))
        palette._providers = providers
        palette._stop_no_matches_countdown()  # (the empty search's, which found nothing)
        palette._gather_commands("")  # the empty search's list, as the palette's mount shows it
        await wait_until(pilot, lambda: not searching(app) and commands.option_count > 1)
        commands.highlighted = next(i for i in range(commands.option_count)
                                    if str(commands.get_option_at_index(i).prompt).startswith("Statistics"))
        await send_keys(app, pilot, True, "enter", "Foo", pauses=3)
        await wait_until(pilot, lambda: isinstance(app.screen, FormScreen) and bool(app.screen.query("#field-company")))
        await taken(app, pilot)
        assert app.return_code is None
        assert app.screen.query_one("#field-company").value == "Foo"


def searching(app) -> bool:
    return any(w.is_running and isinstance(w.node, Palette) for w in app.workers)
