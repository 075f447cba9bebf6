"""Small texts on the board: what a key says when the filter hides every card, and interview times on cards."""

from __future__ import annotations

import pytest

from conftest import WAYS, send_keys
from tui.core import actions
from tui.core.deadlines import deadlines_for
from ui_board_helpers import NARROW, SETTINGS, WIDE, frozen_now, make_app, small_apps, store_with

pytestmark = pytest.mark.usefixtures("freeze_clock")  # Wed 25 Nov 2026, 10:30 in London


def screen_lines(app) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


@WAYS
@pytest.mark.parametrize("key", ["L", "d", "e"])
async def test_a_key_on_a_board_the_filter_emptied_says_so_and_how_to_clear_it(tmp_path, key, burst):
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await send_keys(app, pilot, burst, "/", "no such words", "enter", key, pauses=2)
        messages = [n.message for n in app._notifications]
        assert "No card matches the filter “no such words”: escape clears it." in messages
        assert not any("press n" in message for message in messages)
        assert app.screen is app.board_screen


async def test_an_empty_board_still_says_to_add_an_application(tmp_path):
    app = make_app(store_with(tmp_path, []))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        assert any("press n to add" in n.message for n in app._notifications)


def upcoming(name: str = "Interview"):
    now = frozen_now()
    return actions.new_application("Umbrella", "Platform Engineer", now=now, round_name=name,
                                   round_at=now.add(days=2).set(hour=14, minute=0))


@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["120x40", "80x24"])
@pytest.mark.parametrize("name, shown", [("Interview", "Fri 14:00 int"), ("Onsite", "Fri 14:00 Ons")])
async def test_an_upcoming_interview_on_a_card_keeps_its_time(tmp_path, size, name, shown):
    app = make_app(store_with(tmp_path, [upcoming(name)]))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert any(shown in line for line in screen_lines(app)), screen_lines(app)


def test_the_card_and_the_sidebar_use_the_same_words_for_an_interview():
    from tui.ui.board.cards import interview_text
    from tui.ui.board.timeframe import TimeFrame

    application = upcoming()
    (found,) = deadlines_for(application, SETTINGS, frozen_now())
    assert found.action == "interview Fri 14:00 — Umbrella"
    assert interview_text(application, found, TimeFrame(frozen_now(), SETTINGS.zone)) == "Fri 14:00 interview"
