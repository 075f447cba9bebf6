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



async def save_prompt(app, pilot):
    from tui.ui.letters.dialogs import PathPrompt

    await app.push_screen(PathPrompt("Save the letter to", "letter.txt"))


@pytest.mark.parametrize(("open_it", "key"), [
    *[(save_prompt, key) for key in ("escape", "ctrl+s", "enter", "tab", "shift+tab")],
    *[("enter", key) for key in ("1", "2", "e", "escape")],
    *[("t", key) for key in ("escape", "ctrl+s", "ctrl+t", "ctrl+r")],
], ids=lambda value: value if isinstance(value, str) else "save-prompt")
async def test_keys_handed_to_a_screen_a_quit_took_down_do_nothing(tmp_path, open_it, key):
    """Fuzz fz7: keys kept while the window was too small, handed on at the quit, opened the letters' save
    prompt (a form) and then reached it after the quit had taken its fields away: escape looked for them
    (NoMatches '#field-path' on PathPrompt) and ended the app. The detail and letter screens' keys did the
    same with theirs."""
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await (pilot.press(open_it) if isinstance(open_it, str) else open_it(app, pilot))
        await pilot.pause()
        screen = app.screen
        assert not isinstance(screen, BoardScreen)
        await screen.remove_children()  # what the quit left of it
        await pilot.press(key)
        await pilot.pause()
        assert app.screen is screen and app._exception is None
