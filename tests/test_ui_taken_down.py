"""A screen a quit took down as it opened mounts quietly (settle.taken_down).

Fuzz fz3 3: ctrl+q handed on the keys kept while the window was too small; one of them opened a screen,
and the quit removed its widgets while they mounted. Textual still sends the screen its Mount, and an
on_mount that looked for its widgets ended the app in NoMatches (with an open form's text unsaved). Seen
for a form, and once for the statistics; the detail, help and letter screens had the same mount.
"""

from __future__ import annotations

import pytest
from textual.compose import compose

from tui.ui.board.screen import BoardScreen
from ui_board_helpers import NARROW, make_app, small_apps, store_with

pytestmark = pytest.mark.usefixtures("freeze_clock")


def detail(app):
    from tui.ui.detail import DetailScreen

    return DetailScreen(app.board_screen.board.current_id)


def help_screen(app):
    from tui.ui.screens.help import HelpScreen

    return HelpScreen([("Keys", [])])


def letters(app):
    from tui.ui.letters import LetterScreen

    return LetterScreen(app.board_screen.board.current_id, "thank-you")


def statistics(app):
    from tui.ui.screens.stats import StatsScreen

    return StatsScreen()


def new_application(app):
    from tui.ui.screens.new_application import NewApplicationScreen

    return NewApplicationScreen(app.board_screen.frame.now.__class__.now, app.settings.zone)


@pytest.mark.parametrize("make", [detail, help_screen, letters, statistics, new_application])
async def test_a_screen_whose_widgets_a_quit_took_away_mounts_and_does_nothing(tmp_path, make):
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        focused = app.focused
        screen = make(app)
        compose(screen)  # composed, its widgets never mounted: how the quit left it
        screen.on_mount()
        assert not screen.children and isinstance(app.screen, BoardScreen) and app.focused is focused
        assert app._exception is None


async def test_scroll_keys_handed_to_a_statistics_screen_without_its_widgets_do_nothing(tmp_path):
    from tui.ui.screens.stats import StatsScreen

    app = make_app(store_with(tmp_path, []))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        stats = StatsScreen()
        compose(stats)
        stats.action_scroll(1)
        stats.action_page(1)
        stats.action_edge(1)
        assert stats.figures is None
