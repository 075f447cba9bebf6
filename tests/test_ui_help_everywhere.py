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


async def test_the_notes_editor_says_what_escape_does_and_its_help_names_ctrl_s(tmp_path):
    """Review S5 2, 3: the editor's bar said "esc Back" where escape only leaves the editor, and f1 left out
    the ^s Save the bar shows. Opened with `e` from the board, escape does go back: the bar says so."""
    from tui.ui.keybar import KeyBar

    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("enter", "e")
        await pilot.pause()
        bar = str(app.screen.query_one(KeyBar).render())
        assert bar.startswith("esc Done") and "esc Back" not in bar and "f1 Help" in bar
        await pilot.press("f1")
        await pilot.pause()
        text = help_text(app)
        assert "Save now (also retries a refused save)" in text and "Leave the notes editor" in text
        assert "Anywhere" in text and "Followup app" not in text  # the app's keys, named as on the board
        await pilot.press("escape", "escape", "escape")  # the help, the editor, the card
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        await pilot.press("e")
        await pilot.pause()
        assert str(app.screen.query_one(KeyBar).render()).startswith("esc Back")


@pytest.mark.parametrize("keys", [("n",), ("d",), ("slash",)])
async def test_where_question_mark_is_typed_the_bar_names_f1(tmp_path, keys):
    """Review S5 2: a form's, a dialog's and the filter's bars named no help key; `?` is typed there."""
    from tui.ui.keybar import KeyBar

    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        assert "f1 Help" in str(app.screen.query_one(KeyBar).render())


async def test_n_and_d_on_the_cards_notes_tab_say_where_they_act(tmp_path):
    """Review S5 4: on the notes tab n and d did nothing, silently; in the lists they add and remove rows."""
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("enter", "n", "d")
        await pilot.pause()
        said = " ".join(n.message for n in app._notifications)
        assert "n adds a round in Rounds" in said and "d removes the highlighted round" in said
        assert isinstance(app.screen, DetailScreen) and len(app.changelog.apps) == 3  # nothing else happened
        await pilot.press("2", "n")  # in the Rounds list n is its own: the round form
        await pilot.pause()
        assert not isinstance(app.screen, DetailScreen)
