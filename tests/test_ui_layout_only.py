"""Containers that only lay out (class `layout-only`, tui/ui/app.tcss) are not drawn; what is in them is.

Hiding such a container is safe only while it draws nothing of its own: a
background or border given to it later would silently disappear (padding with
no background draws nothing: its cells show what is behind the container). The
first test walks the main screens and refuses that; the second checks the
board's containers are left out of the compositor while its columns, sidebar
and key holder (which takes the focus) are in.
"""

from __future__ import annotations

import pytest

from conftest import send_keys
from ui_board_helpers import WIDE, board_of, make_app, small_apps, store_with

pytestmark = pytest.mark.usefixtures("freeze_clock")


def layout_only_widgets(screen) -> list:
    return [w for w in screen.walk_children(with_self=False) if w.has_class("layout-only")]


def draws_something(widget) -> list[str]:
    styles = widget.styles
    found = []
    if styles.background.a:
        found.append(f"background {styles.background}")
    if any(edge[0] not in ("", "none", "hidden") for edge in styles.border):
        found.append("a border")
    return found


@pytest.mark.parametrize(("keys", "screen"), [((), "BoardScreen"), (("enter",), "DetailScreen"),
                                             (("t",), "LetterScreen")])
async def test_a_layout_only_container_draws_nothing_of_its_own(tmp_path, keys, screen):
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await send_keys(app, pilot, False, *keys)
        assert type(app.screen).__name__ == screen
        containers = layout_only_widgets(app.screen)
        assert containers, f"no layout-only container on {type(app.screen).__name__}"
        for widget in containers:
            assert not widget.visible
            assert not draws_something(widget), (
                f"{widget!r} is layout-only (hidden) but has {', '.join(draws_something(widget))}: "
                "that would not be drawn; take the class off or move the style to a child")
            for child in widget.children:
                assert child.visible or child.has_class("layout-only"), f"{child!r} inside {widget!r} is hidden"


async def test_the_board_draws_its_columns_and_sidebar_but_not_their_containers(tmp_path):
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        drawn = app.screen._compositor.visible_widgets
        board = board_of(app)
        assert board not in drawn and board.parent not in drawn
        assert all(column in drawn for column in board.query("CardList"))
        assert app.board_screen.sidebar in drawn
        assert board.keys.has_focus  # the key holder inside the hidden board still takes the focus
