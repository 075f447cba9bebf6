"""The statistics screen: `a` and the palette open it, escape leaves it, `p` changes the period, `?` helps."""

from __future__ import annotations

import pytest

from conftest import burst_keys, palette_pick
from tui.core import actions
from tui.ui.board.screen import BoardScreen
from tui.ui.keybar import KeyBar
from tui.ui.screens.help import HelpScreen
from tui.ui.screens.stats import StatsScreen
from ui_board_helpers import NARROW, WIDE, demo_store, focused_company, frozen_now, make_app, store_with
from ui_detail_helpers import wait_until

pytestmark = pytest.mark.usefixtures("freeze_clock")


def shown_text(app) -> str:
    return str(app.screen.query_one("#stats-text").render())


async def test_a_opens_the_figures_and_escape_goes_back_to_the_same_card(tmp_path):
    app = make_app(demo_store(tmp_path))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await pilot.press("j")
        before = focused_company(app)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        text = shown_text(app)
        assert "Applications       13" in text and "Answered" in text and "43%" in text
        assert "What the figures mean" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen) and focused_company(app) == before


async def test_keys_typed_in_a_burst_open_change_the_period_and_leave(tmp_path, monkeypatch):
    """Each key acts in the order typed. The test waits for what the last key does (j moves the board's
    cursor), not for the app to look idle: under load Pilot's pause can return with keys still queued."""
    app = make_app(demo_store(tmp_path))
    periods: list[int] = []  # the period each `p` chose
    step = StatsScreen.action_period
    monkeypatch.setattr(StatsScreen, "action_period", lambda screen: (step(screen), periods.append(screen.period)))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        start = focused_company(app)
        burst_keys(app, "a", "p")
        await wait_until(pilot, lambda: isinstance(app.screen, StatsScreen) and "since Mon 26 Oct" in shown_text(app))
        assert "first round since Mon 26 Oct" in shown_text(app)  # the last 30 days, from local midnight
        burst_keys(app, "escape", "a", "p", "escape", "j")
        await wait_until(pilot, lambda: isinstance(app.screen, BoardScreen) and focused_company(app) != start)
        assert len(app.screen_stack) == 1
        assert periods == [1, 1]  # the second `a` opened the figures again and its `p` was taken there


async def test_period_cycles_back_to_everything(tmp_path):
    old = actions.new_application("Old", "Dev", now=frozen_now().subtract(days=200),
                                  round_at=frozen_now().subtract(days=200))
    app = make_app(store_with(tmp_path, [old]))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        assert "Applications        1" in shown_text(app)
        await pilot.press("p", "p")  # 90 days: the old one is out
        assert "No application has had a round in this period" in shown_text(app)
        await pilot.press("p")  # 365 days
        assert "Applications        1" in shown_text(app)
        await pilot.press("p")
        assert "all applications" in shown_text(app)


async def test_the_palette_opens_statistics_and_help_lists_the_keys(tmp_path):
    app = make_app(demo_store(tmp_path))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await palette_pick(pilot, "Statistic")
        assert isinstance(app.screen, StatsScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        lines = app.console.render_lines(app.screen.renderable, app.console.options.update_width(200))
        help_text = "\n".join("".join(segment.text for segment in line) for line in lines)
        assert "Back to the board" in help_text and "30, 90 or 365 days" in help_text
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)


async def test_the_board_footer_puts_stats_between_sidebar_and_delete(tmp_path):
    app = make_app(demo_store(tmp_path))
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.pause()
        shown, _ = app.screen.query_one(KeyBar).entries()
        keys = [key for key, _ in shown]
        assert keys.index("s") + 1 == keys.index("a") and keys.index("a") + 1 == keys.index("d")


async def test_scrolling_reaches_the_definitions_at_80x24(tmp_path):
    app = make_app(demo_store(tmp_path))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await pilot.press("a")
        scroll = app.screen.query_one("#stats-scroll")
        assert scroll.scroll_y == 0 and scroll.max_scroll_y > 0
        await pilot.press("j")
        assert scroll.scroll_y == 1
        await pilot.press("G")
        assert scroll.scroll_y == scroll.max_scroll_y
        await pilot.press("g")
        assert scroll.scroll_y == 0


@pytest.mark.parametrize("burst", [False, True], ids=["one-by-one", "burst"])
async def test_every_j_and_k_of_a_burst_scrolls_a_line(tmp_path, burst):
    """Review R8 4: ten `j` in one burst moved the figures two lines (each scroll waited for the next refresh
    and started from the same line); one by one they moved ten."""
    from conftest import send_keys

    app = make_app(demo_store(tmp_path))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, StatsScreen))
        await pilot.pause()
        scroll = app.screen.query_one("#stats-scroll")
        assert scroll.max_scroll_y >= 10
        await send_keys(app, pilot, burst, *["j"] * 10)
        assert scroll.scroll_y == 10
        await send_keys(app, pilot, burst, *["k"] * 4)
        assert scroll.scroll_y == 6

