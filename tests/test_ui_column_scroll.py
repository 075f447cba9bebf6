"""After a card leaves a column, the column shows whole cards from its top line.

Review M polish: a card closed from the bottom of a long column left that column scrolled so that its
first visible line was the middle of a card ("25 h overdue …").
"""

from __future__ import annotations

import pytest

from conftest import WAYS, send_keys
from tui.core import actions
from tui.core.parts import Interviewer
from tui.core.stages import Stage
from tui.ui.board.cards import CARD_HEIGHT
from ui_board_helpers import NARROW, WIDE, board_of, focused_company, frozen_now, make_app, store_with

pytestmark = pytest.mark.usefixtures("freeze_clock")


def many_interviewed(count: int = 9):
    now = frozen_now()
    return [actions.new_application(f"Co{n:02}", "Engineer", now=now.subtract(hours=n + 1),
                                    round_at=now.subtract(hours=n + 2), interviewers=[Interviewer(name="Ann Lee")])
            for n in range(count)]


@WAYS
async def test_the_column_a_card_left_shows_whole_cards(tmp_path, burst):
    app = make_app(store_with(tmp_path, many_interviewed()))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        cards = board_of(app).list_of(Stage.INTERVIEWED)
        await send_keys(app, pilot, burst, "end", pauses=2)
        assert cards.scroll_y > 0
        last = focused_company(app)
        await send_keys(app, pilot, burst, "L", pauses=3)
        assert app.changelog.apps[board_of(app).current_id].company == last  # the cursor went with it
        assert cards.scroll_y % CARD_HEIGHT == 0, cards.scroll_y
        assert cards.scroll_y <= cards.max_scroll_y


async def test_the_wheel_scrolls_a_long_column_and_the_sidebar_without_a_scrollbar_widget(tmp_path):
    """The columns and the sidebar draw their own thumb (ThumbView): no Textual ScrollBar is made, as its
    mount laid the whole screen out a second time after the first frame; the wheel still scrolls both."""
    from textual import events

    from tui.ui.board.column import CardList

    def wheel(view, kind) -> None:  # as a terminal reports it: at a place on the screen, to the app
        x, y = view.region.center
        app.post_message(kind(None, x, y, 0, 1, 0, False, False, False, screen_x=x, screen_y=y))

    app = make_app(store_with(tmp_path, many_interviewed(30)))
    async with app.run_test(size=WIDE) as pilot:  # the sidebar shows beside the board
        await pilot.pause()
        cards = board_of(app).list_of(Stage.INTERVIEWED)
        sidebar = app.board_screen.sidebar
        assert cards.max_scroll_y > 0 and sidebar.max_scroll_y > 0
        assert not [view for view in (*board_of(app).query(CardList), sidebar)
                    if view._vertical_scrollbar is not None]  # Textual's own: made outside the DOM
        for view in (cards, sidebar):
            wheel(view, events.MouseScrollDown)
            await pilot.pause()
            assert view.scroll_y > 0, view
        wheel(cards, events.MouseScrollUp)
        await pilot.pause()
        assert cards.scroll_y == 0
