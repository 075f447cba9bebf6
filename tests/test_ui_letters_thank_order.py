"""Thank-you notes come in the order of their deadlines (review R7 8).

Demo, Lumen Analytics: the card says "Thank Grace +1", the focus line "Thank Grace Liu, Omar Haddad", the
card's header "Thank Grace Liu in 22 h · Thank Omar Haddad" (deadlines.deadline_order), but the board's `t`
and the round line's `t` opened "Thank-you note 1 of 2 … To Omar Haddad", the round's first interviewer.
"""

from __future__ import annotations

import pytest
from textual.widgets import Static

from tui.ui.detail.screen import DetailScreen
from tui.ui.letters import LetterScreen
from ui_board_helpers import WIDE, demo_store, focused_company, make_app

pytestmark = pytest.mark.usefixtures("freeze_clock")


def opened(app) -> tuple[str, str]:
    screen = app.screen
    assert isinstance(screen, LetterScreen), screen
    return str(screen.query_one("#letter-title", Static).render()), str(screen.query_one("#letter-to").render())


async def to_lumen(pilot) -> None:
    await pilot.pause()
    await pilot.press("j", "j")
    assert focused_company(pilot.app) == "Lumen Analytics"


async def test_the_boards_t_starts_with_the_note_the_card_names_first(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    app = make_app(demo_store(tmp_path))
    async with app.run_test(size=WIDE) as pilot:
        await to_lumen(pilot)
        await pilot.press("t")
        await pilot.pause()
        title, to = opened(app)
        assert title.startswith("Thank-you note 1 of 2") and to.startswith("Grace Liu")
        await pilot.press("ctrl+n")
        assert opened(app)[1].startswith("Omar Haddad")


async def test_a_rounds_t_starts_with_the_note_the_card_names_first(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    app = make_app(demo_store(tmp_path))
    async with app.run_test(size=WIDE) as pilot:
        await to_lumen(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        await pilot.press("2", "t")  # the latest round's line is highlighted first
        await pilot.pause()
        title, to = opened(app)
        assert title.startswith("Thank-you note 1 of 2") and to.startswith("Grace Liu")
