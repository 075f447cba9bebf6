"""Tabbing into the sidebar always shows its highlighted row, wherever filters and jumps left it."""

from __future__ import annotations

import pytest

from conftest import WAYS, send_keys
from tui.core import actions
from ui_board_helpers import WIDE, frozen_now, make_app, store_with

pytestmark = pytest.mark.usefixtures("freeze_clock")


def many_apps(count: int = 300):
    now = frozen_now()
    return [actions.new_application(f"Company {n:03}", "Developer", now=now.subtract(hours=n + 1),
                                    round_at=now.subtract(hours=n + 2)) for n in range(count)]


def highlighted_row_is_on_screen(sidebar) -> bool:
    drawn = [sidebar.render_line(y).text for y in range(sidebar.size.height)]
    return any(line.startswith("▌") for line in drawn)


@WAYS
async def test_tab_after_a_filter_came_and_went_shows_the_highlighted_row(tmp_path, burst):
    app = make_app(store_with(tmp_path, many_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        sidebar = app.screen.sidebar
        await send_keys(app, pilot, burst, "tab", "G")  # the last deadline, far down
        last = sidebar.current
        assert highlighted_row_is_on_screen(sidebar)
        await send_keys(app, pilot, burst, "tab", "/", last.company, "enter", pauses=2)
        assert sidebar.current == last and sidebar.scroll_y == 0  # a short list: its row is near the top
        await send_keys(app, pilot, burst, "escape", "tab", pauses=2)  # the whole list again, then the sidebar
        assert app.screen.focused is sidebar and sidebar.current == last
        assert highlighted_row_is_on_screen(sidebar)


async def test_rows_added_above_the_highlighted_one_while_the_sidebar_has_the_focus_keep_it_in_view(tmp_path):
    store = store_with(tmp_path, many_apps(60))
    app = make_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        sidebar = app.screen.sidebar
        await pilot.press("tab")
        first = sidebar.current
        now = frozen_now()
        earlier = [actions.new_application(f"Earlier {n:02}", "Developer", now=now.subtract(days=9),
                                           round_at=now.subtract(days=10, minutes=n)) for n in range(40)]
        from tui.store import Store

        Store(store.path).open().add_many(earlier)  # another process: forty deadlines due before it
        app.poll_store()
        await pilot.pause()
        await pilot.pause()
        assert app.screen.focused is sidebar and sidebar.current == first
        assert sidebar.scroll_y > 0 and highlighted_row_is_on_screen(sidebar)


def test_a_whole_list_made_anew_keeps_the_highlighted_deadline():
    """A full rebuild (start of a re-read file) makes new entries: the same deadline stays highlighted."""
    from tui.core.deadlines import deadlines_for
    from tui.ui.board.timeframe import TimeFrame
    from tui.ui.sidebar.sidebar import DeadlineSidebar, make_entry
    from ui_board_helpers import SETTINGS

    apps = many_apps(20)

    def entries():
        return {a.id: [make_entry(d) for d in deadlines_for(a, SETTINGS, frozen_now())] for a in apps}

    sidebar = DeadlineSidebar(TimeFrame(frozen_now(), SETTINGS.zone), lambda _: None)
    sidebar.load_entries(entries())
    sidebar.cursor = 7
    chosen = sidebar.current
    sidebar.load_entries(entries())
    assert sidebar.cursor == 7 and sidebar.current == chosen
    apps.append(actions.new_application("Earliest", "Developer", now=frozen_now().subtract(days=9),
                                        round_at=frozen_now().subtract(days=10)))
    sidebar.load_entries(entries())
    assert sidebar.current == chosen and sidebar.cursor == 8


@WAYS
async def test_a_sidebar_shown_by_keys_typed_in_a_narrow_window_scrolls_only_as_far_as_its_row_needs(
        tmp_path, burst):
    """Review (helper-147): below 100 columns the sidebar starts hidden and has never been laid out; `s tab j j`
    moved its row while it had no height, and with no height all its lines counted as overflow, so it was
    left scrolled past its header (ThumbView.allow_vertical_scroll)."""
    app = make_app(store_with(tmp_path, many_apps()))
    async with app.run_test(size=(90, 24)) as pilot:
        await pilot.pause()
        sidebar = app.screen.sidebar
        assert not sidebar.display
        await send_keys(app, pilot, burst, "s", "tab", "j", "j", pauses=3)
        assert app.screen.focused is sidebar and sidebar.scroll_y == 0  # its third row fits below the header
        assert highlighted_row_is_on_screen(sidebar)
