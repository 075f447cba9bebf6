"""The focus line under the board says the card the keys act on, in full: at 80 columns a card is 15 cells
wide and cut "Email the take-home solution to Ines" to "Email the tak…" (review R2 7)."""

from __future__ import annotations

import pytest

from conftest import WAYS, send_keys
from ui_board_helpers import NARROW, WIDE, demo_store, focused_company, make_app

pytestmark = pytest.mark.usefixtures("freeze_clock")  # the board's frozen clock, conftest.py


def focus_line(app) -> str:
    return str(app.screen.focus_line.render()).strip()


async def test_at_80_columns_the_focused_card_reads_whole_under_the_board(tmp_path):
    app = make_app(demo_store(tmp_path))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        assert focus_line(app).startswith(f"{focused_company(app)} — ")
        await pilot.press("l")  # Quarry Labs, whose task the card cuts; with its role the line would not fit
        assert focus_line(app) == "Quarry Labs · Email the take-home solution to Ines · 24 h overdue"


@WAYS
async def test_the_line_follows_the_cursor_and_what_a_change_makes_of_the_card(tmp_path, burst):
    app = make_app(demo_store(tmp_path))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await send_keys(app, pilot, burst, "l", "l", "l", "l", "j")  # the closed column's second card
        assert focus_line(app) == ("Saffron Foods — IT Administrator · Reply: thank them, ask for feedback · "
                                   "in 47 h · rejected")
        await send_keys(app, pilot, burst, "H")  # reopened: its task is now a follow-up (review R4 3)
        assert focused_company(app) == "Saffron Foods"
        assert focus_line(app) == "Saffron Foods — IT Administrator · Follow up · 24 h overdue"


async def test_a_shortened_task_reads_in_full(tmp_path):
    """The card says "Thank Grace +1" in its few cells; the line names everyone the notes are owed to."""
    app = make_app(demo_store(tmp_path))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("j", "j")  # Lumen Analytics, two notes owed
        assert focus_line(app) == "Lumen Analytics — Data Engineer · Thank Grace Liu, Omar Haddad · in 22 h"


async def test_on_the_sidebar_the_line_says_the_highlighted_rows_deadline(tmp_path):
    """Review R4 2: on Omar's row the line named Grace's note, the card's first; `z` there snoozes Omar's."""
    app = make_app(demo_store(tmp_path))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("tab")
        for _ in range(10):
            row = app.screen.sidebar.current
            if row.person == "Omar Haddad":
                break
            await pilot.press("j")
        assert focus_line(app) == "Lumen Analytics — Data Engineer · Thank Omar Haddad · in 22 h"
        await pilot.press("tab")  # back on the board: its own card again
        assert focus_line(app).startswith(f"{focused_company(app)} — ")


async def test_where_the_line_has_room_it_names_the_role_too(tmp_path):
    app = make_app(demo_store(tmp_path))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("l")
        assert focus_line(app) == ("Quarry Labs — Frontend Developer · Email the take-home solution to Ines"
                                   " · 24 h overdue")


async def test_a_toast_stays_above_the_focus_line(tmp_path):
    """Review R5 8: at 80x24 a toast covered the line for as long as it showed."""
    app = make_app(demo_store(tmp_path))
    async with app.run_test(size=NARROW, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("u")  # "Nothing to undo."
        await pilot.pause()
        (toast,) = app.screen.query("Toast")
        assert toast.region.bottom <= app.screen.focus_line.region.y
