"""f1 shows the keys of whatever screen is in front, built from its bindings, and escape goes back to it."""

from __future__ import annotations

import pytest

from tui.ui.board.screen import BoardScreen
from tui.ui.detail.screen import DetailScreen
from tui.ui.letters.screen import LetterScreen
from tui.ui.screens.confirm import ConfirmScreen
from tui.ui.screens.help import HelpScreen, key_rows
from tui.ui.screens.new_application import NewApplicationScreen
from tui.ui.screens.stats import StatsScreen
from ui_board_helpers import WIDE, make_app, small_apps, store_with

pytestmark = pytest.mark.usefixtures("freeze_clock")

SCREENS = {  # what opens it from the board, and the screen
    "board": ((), BoardScreen),
    "detail": (("enter",), DetailScreen),
    "new application form": (("n",), NewApplicationScreen),
    "delete question": (("d",), ConfirmScreen),
    "statistics": (("a",), StatsScreen),
    "letters": (("t",), LetterScreen),
}


def help_text(app) -> str:
    lines = app.console.render_lines(app.screen.renderable, app.console.options.update_width(200))
    return "\n".join("".join(segment.text for segment in line) for line in lines)


@pytest.mark.parametrize("name", list(SCREENS))
async def test_f1_lists_the_keys_of_the_screen_in_front(tmp_path, name, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # no user's templates or settings
    monkeypatch.setenv("HOME", str(tmp_path))
    keys, screen_class = SCREENS[name]
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        front = app.screen
        assert isinstance(front, screen_class)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = help_text(app)
        rows = [words for _, words in key_rows(app, screen_class.BINDINGS)]
        shown = [words for words in rows if words in text]
        assert shown, f"none of the {name}'s own keys is in its help"
        assert len(shown) >= len(rows) // 2, f"the {name}'s help misses {sorted(set(rows) - set(shown))}"
        for textuals_own in ("Copy selected text", "Focus Next", "Scroll Left", "Vertical scroll",
                             "Move cursor left", "Select line", "Field input"):
            assert textuals_own not in text, f"the {name}'s help lists Textual's {textuals_own!r}"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is front
