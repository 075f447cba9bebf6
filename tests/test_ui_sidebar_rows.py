"""A sidebar row says what it is before why it waits: a snoozed row keeps its action and company, the reason
is what gets cut."""

from __future__ import annotations

import msgspec
import pendulum
import pytest

from conftest import WAYS, send_keys
from tui.core.deadlines import Deadline, DeadlineKind
from tui.core.text import cell_width
from tui.ui.sidebar.sidebar import first_line
from ui_board_helpers import WIDE, make_app, small_apps, store_with, stored
from ui_detail_helpers import wait_until

pytestmark = pytest.mark.usefixtures("freeze_clock")  # Wed 25 Nov 2026, 10:30 in London

DUE = pendulum.datetime(2026, 11, 25, 10, 32)


def deadline(action: str, reason: str = "", snoozed: bool = True) -> Deadline:
    return Deadline("id", "Cy Corp", DeadlineKind.THANK_YOU, DUE, f"{action} — Cy Corp",
                    snoozed_from=DUE if snoozed else None, reason=reason, snoozed=snoozed)


@pytest.mark.parametrize("action, reason, width, line", [
    ("Thank Cy Two", "waiting for Cy email address", 60, "Thank Cy Two · snoozed: waiting for Cy email address"),
    ("Thank Cy Two", "waiting for Cy email address", 30, "Thank Cy Two · snoozed: waiti…"),
    ("Thank Cy Two", "waiting for Cy email address", 27, "Thank Cy Two · snoozed"),  # not 3 letters of it
    ("Thank Cy Two", "", 30, "Thank Cy Two · snoozed"),
    ("Follow up with Rita Recruiter", "soon", 24, "Follow up wit… · snoozed"),
])
def test_the_reason_comes_after_the_action_and_snoozed_stays_in_sight(action, reason, width, line):
    assert first_line(deadline(action, reason), width) == line


def test_a_row_that_is_not_snoozed_is_its_action():
    assert first_line(deadline("Thank Cy Two", snoozed=False), 30) == "Thank Cy Two"


def row_lines(app) -> list[str]:
    sidebar = app.screen.sidebar
    return [strip.text for strip in (sidebar.render_line(y) for y in range(sidebar.size.height))]


@WAYS
async def test_a_snoozed_row_at_120_columns_shows_its_action_and_company_before_the_reason(tmp_path, burst):
    initech = msgspec.structs.replace(small_apps()[2], company="Cy Two Ltd")
    store = store_with(tmp_path, [initech])
    app = make_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await send_keys(app, pilot, burst, "z", "in 2 minutes", "tab", "waiting for Cy email address", "enter")
        await wait_until(pilot, lambda: stored(store)["Cy Two Ltd"]["snoozes"])
        await pilot.pause()
        lines = row_lines(app)
        at = next((n for n, line in enumerate(lines) if "snoozed" in line), lines)
        assert lines[at].strip() == "Follow up · snoozed: waiting …"  # 30 cells: the reason is what is cut
        assert lines[at + 1].strip() == "in 2 min · Cy Two Ltd"
        assert cell_width(lines[at]) == app.screen.sidebar.size.width
