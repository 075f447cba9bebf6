"""Pasted text reaches the field the user pasted into, whole, and in its place among the keys typed around it.

A paste is typed text to the user (PRODUCT: keys are queued and replayed in order, never dropped; never lose
a note). Fuzz fz7 sent bracketed pastes as the terminal driver does (`burst_paste`), alone and in the middle
of bursts of keys.
"""

from __future__ import annotations

import pytest

from conftest import burst_paste, taken
from tui.ui.screens.new_application import NewApplicationScreen
from ui_board_helpers import WIDE, make_app, small_apps, store_with
from ui_detail_helpers import wait_until

pytestmark = pytest.mark.usefixtures("freeze_clock")


async def settle(app, pilot) -> None:
    for _ in range(3):
        await pilot.pause()
        await taken(app, pilot)


async def new_application_form(app, pilot) -> NewApplicationScreen:
    await pilot.press("n")
    await wait_until(pilot, lambda: isinstance(app.screen, NewApplicationScreen))
    return app.screen


async def test_every_line_break_in_a_paste_into_a_one_line_field_is_a_space(tmp_path):
    """fz7 4: Textual's Input keeps what comes before the first line break, and str.splitlines() also breaks
    at U+2028 and U+2029 (text copied from a web page or Word): "Acme<U+2028>Robotics" pasted as "Acme"."""
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        form = await new_application_form(app, pilot)
        burst_paste(app, "Acme\u2028Robotics\u2029GmbH\x0bof\x0cthe\x1cnorth\x1dand\x1esouth\x85end\r\nnow\tthen")
        await settle(app, pilot)
        assert form.raw("company") == "Acme Robotics GmbH of the north and south end now then"
