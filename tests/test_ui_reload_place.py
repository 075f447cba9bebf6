"""A reload (another process wrote the file) leaves the user where they were: the focused card and
scroll of a long column, and the selected deadline of the sidebar (issue 10, "reloads keep the user's place")."""

from __future__ import annotations

import pendulum
import pytest

from tui.core import actions
from tui.core.parts import Interviewer
from tui.core.stages import Stage
from tui.store import Store
from ui_board_helpers import WIDE, board_of, focused_company, frozen_now, make_app, store_with
from ui_detail_helpers import wait_until

pytestmark = pytest.mark.usefixtures("freeze_clock")


async def test_a_reload_keeps_the_focused_card_the_scroll_and_the_sidebar_selection(tmp_path):
    now = frozen_now()
    apps = [actions.new_application(f"Company {i:02}", "Engineer", now=now.subtract(days=1),
                                    round_at=now.subtract(hours=20 - i), interviewers=[Interviewer(name="Dana")])
            for i in range(14)]
    store = store_with(tmp_path, apps)
    app = make_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        column = board_of(app).list_of(Stage.INTERVIEWED)
        await pilot.press("G", "k", "k")  # near the bottom of a column taller than the screen
        await pilot.pause()
        card, scroll = focused_company(app), column.scroll_y
        assert scroll > 0
        await pilot.press("tab", "j", "j", "j")  # to the sidebar, a few deadlines down
        await pilot.pause()
        sidebar = app.board_screen.sidebar
        entry, sidebar_scroll, focused = sidebar.current, sidebar.scroll_y, app.focused
        assert entry is not None

        other = Store(store.path)
        for old in other.load_all():
            if old.company in ("Company 00", "Company 12"):
                other.save(actions.edit(old, now=pendulum.now("UTC"), role="Staff Engineer"))
        app.poll_store()  # what the 1-second timer does
        await wait_until(pilot, lambda: any(c.role == "Staff Engineer" for c in board_of(app).cards.values()))
        await pilot.pause()

        assert app.focused is focused
        assert sidebar.current == entry and sidebar.scroll_y == sidebar_scroll
        assert column.scroll_y == scroll
        await pilot.press("tab")  # back to the board: the same card
        await pilot.pause()
        assert focused_company(app) == card
