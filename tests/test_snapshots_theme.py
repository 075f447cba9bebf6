"""Modals on the ansi themes: the screen below shows through, no colour forced on it.

On `ansi-dark` the terminal's own colours are the theme, so a dialog must not
paint a backdrop of its own: Textual's ModalScreen leaves it transparent there.
A stylesheet that sets a modal's background (once, an unscoped rule in the
form's CSS_PATH file, which applies app-wide once any form has opened, and a
`Screen` rule in app.tcss) hides the board behind a block of colour. The confirm
dialog is shown after a form has been open, which is when that leak happened.
"""

from __future__ import annotations

from textual.screen import ModalScreen
from textual.widgets import Input

from conftest import steady_cursors
from tui.ui.app import FollowupApp
from tui.ui.screens.confirm import ConfirmScreen
from tui.ui.screens.form import FormScreen
from ui_board_helpers import SETTINGS, demo_store

SIZE = (80, 24)


def themed_app(tmp_path, monkeypatch, theme: str) -> FollowupApp:
    monkeypatch.setenv("FOLLOWUP_NOW", "2026-11-25T10:30:00+00:00")
    return FollowupApp(demo_store(tmp_path), SETTINGS._replace(theme=theme), poll_seconds=0, write_settle=0)


def backdrop_alpha(app: FollowupApp) -> float:
    screen = app.screen
    assert isinstance(screen, ModalScreen), f"expected a dialog on top, found {screen!r}"
    return screen.styles.background.a


async def test_every_dialog_leaves_the_screen_below_visible_on_ansi_dark(tmp_path, monkeypatch):
    app = themed_app(tmp_path, monkeypatch, "ansi-dark")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "2", "n")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert backdrop_alpha(app) == 0
        app.screen.query_one("#field-name", Input).value = "Onsite"
        await pilot.press("escape")  # unsaved: asks before discarding, over the form
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert backdrop_alpha(app) == 0
        await pilot.press("y", "escape")
        await pilot.pause()
        await pilot.press("d")  # the confirm dialog over the board, after a form was loaded
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert backdrop_alpha(app) == 0
        await pilot.press("n", "question_mark")
        await pilot.pause()
        assert backdrop_alpha(app) == 0


async def test_dialogs_dim_the_screen_below_on_a_colour_theme(tmp_path, monkeypatch):
    app = themed_app(tmp_path, monkeypatch, "textual-dark")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")  # before any form has opened
        await pilot.pause()
        before_a_form = backdrop_alpha(app)
        await pilot.press("n")
        await pilot.pause()
        await open_round_form(pilot)
        for key in ("escape", "escape", "d"):  # close the form, back to the board, ask again
            await pilot.press(key)
            await pilot.pause()
        assert 0 < backdrop_alpha(app) < 1
        assert backdrop_alpha(app) == before_a_form


async def open_round_form(pilot) -> None:
    """From the board: open the first card, then its add-a-round form."""
    await pilot.pause()
    for key in ("enter", "2", "n"):
        await pilot.press(key)
        await pilot.pause()
    assert isinstance(pilot.app.screen, FormScreen), f"expected the round form, found {pilot.app.screen!r}"


def test_confirm_over_the_board_on_ansi_dark(snap_compare, tmp_path, monkeypatch):
    async def form_then_delete(pilot):
        await open_round_form(pilot)
        await pilot.press("escape")  # nothing typed: the form just closes
        await pilot.pause()
        await pilot.press("escape")  # back to the board
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen)

    app = themed_app(tmp_path, monkeypatch, "ansi-dark")
    assert snap_compare(app, terminal_size=SIZE, run_before=form_then_delete)


def test_form_and_its_question_on_ansi_dark(snap_compare, tmp_path, monkeypatch):
    async def dirty_form_then_escape(pilot):
        await open_round_form(pilot)
        pilot.app.screen.query_one("#field-name", Input).value = "Onsite"
        await pilot.press("escape")
        await steady_cursors(pilot)
        assert isinstance(pilot.app.screen, ConfirmScreen)

    app = themed_app(tmp_path, monkeypatch, "ansi-dark")
    assert snap_compare(app, terminal_size=SIZE, run_before=dirty_form_then_escape)


def test_every_screen_stylesheet_is_read_with_the_apps():
    """A screen's CSS_PATH file first loaded when the screen is pushed makes Textual parse every
    stylesheet again and restyle every node of every screen (~100 ms of the first `n`, `t`, `enter`).
    So each one is also in the app's CSS_PATH, and a screen's own file is then already known."""
    import importlib
    import inspect
    import pkgutil
    from pathlib import Path

    from textual.screen import Screen

    import tui.ui

    for module in pkgutil.walk_packages(tui.ui.__path__, "tui.ui."):
        importlib.import_module(module.name)
    app_sheets = {Path(p).resolve() for p in FollowupApp.CSS_PATH}
    screens = {cls for cls in _subclasses(Screen) if cls.__module__.startswith("tui.ui.")}
    own = {cls: Path(inspect.getfile(cls)).parent.joinpath(cls.CSS_PATH).resolve()
           for cls in screens if "CSS_PATH" in vars(cls) and isinstance(cls.CSS_PATH, (str, Path))}
    assert own, "no screen with its own stylesheet found"
    missing = {cls.__name__: str(path) for cls, path in own.items() if path not in app_sheets}
    assert not missing, f"not in FollowupApp.CSS_PATH: {missing}"


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)
