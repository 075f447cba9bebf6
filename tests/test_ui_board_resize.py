"""The sidebar follows the window's width live, as it does at start; `s` is kept while the width allows."""

from __future__ import annotations

import pytest

from ui_board_helpers import NARROW, WIDE, demo_store, make_app

pytestmark = pytest.mark.usefixtures("freeze_clock")  # the board's frozen clock, conftest.py


def screen_text(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def resize(pilot, size) -> None:
    await pilot.resize_terminal(*size)
    await pilot.pause()
    await pilot.pause()


async def test_shrinking_to_80_columns_looks_as_a_start_at_80_and_growing_back_shows_the_sidebar(tmp_path):
    store = demo_store(tmp_path)
    fresh = make_app(store)
    async with fresh.run_test(size=NARROW) as pilot:
        await pilot.pause()
        started_narrow = screen_text(fresh)
    app = make_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert app.board_screen.sidebar.display
        await resize(pilot, NARROW)
        assert not app.board_screen.sidebar.display
        assert screen_text(app) == started_narrow
        await resize(pilot, WIDE)
        assert app.board_screen.sidebar.display


async def test_s_is_kept_while_the_width_allows_and_given_up_when_the_window_crosses_100_columns(tmp_path):
    app = make_app(demo_store(tmp_path))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        sidebar = app.board_screen.sidebar
        await pilot.press("tab")
        assert app.screen.focused is sidebar
        await pilot.press("s")  # hidden by hand at 120 columns
        assert not sidebar.display and app.screen.focused is not sidebar
        await resize(pilot, (110, 40))
        assert not sidebar.display
        await resize(pilot, NARROW)
        await resize(pilot, WIDE)
        assert sidebar.display  # crossing the width: the rule again
        await resize(pilot, NARROW)
        await pilot.press("s")  # shown by hand at 80 columns
        await resize(pilot, (90, 24))
        assert sidebar.display
        await resize(pilot, NARROW)
        assert sidebar.display


async def test_a_resize_under_another_screen_is_seen_when_the_board_comes_back(tmp_path):
    app = make_app(demo_store(tmp_path))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is not app.board_screen
        await resize(pilot, NARROW)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.board_screen and not app.board_screen.sidebar.display
