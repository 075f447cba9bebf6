"""Keep in touch reminds only on a closed card (deadlines: a closed card's deadline). On an open or
reopened card the header said "keep in touch …" with no reminder behind it, and the edit-card form
offered the date as if it would remind (review R2 #4)."""

from __future__ import annotations

import msgspec
from textual.widgets import Static

from conftest import WAYS, send_keys
from tui.core import correspondence
from tui.ui.detail.forms import DetailsForm
from tui.ui.detail.summary import summary_content
from ui_detail_helpers import SETTINGS, acme, board, make_db, wait_until


async def keep_in_touch_hint(pilot, form) -> str:
    """The field's hint once it has read what was typed (on a loaded machine a moment after the burst)."""
    def said() -> str:
        return str(form.query_one("#hint-keep_in_touch", Static).render())

    await wait_until(pilot, lambda: said().startswith("✓ "))
    return said()


def test_the_header_says_keep_in_touch_on_a_closed_card_only(frozen):
    later = frozen.add(days=30)
    closed = correspondence.close(acme(frozen), "rejected", now=frozen, keep_in_touch=later)
    assert "keep in touch" in summary_content(closed, SETTINGS, frozen).plain
    open_card = msgspec.structs.replace(acme(frozen), keep_in_touch=later)  # kept from before a reopen, or typed
    assert "keep in touch" not in summary_content(open_card, SETTINGS, frozen).plain


@WAYS
async def test_the_edit_forms_keep_in_touch_on_an_open_card_says_it_reminds_once_closed(tmp_path, frozen, burst):
    followup = board(make_db(tmp_path, acme(frozen)))
    async with followup.run_test(size=(80, 24)) as pilot:
        await send_keys(followup, pilot, burst, "enter", "c")
        form = followup.screen
        assert isinstance(form, DetailsForm)
        await send_keys(followup, pilot, burst, *["tab"] * 6, "in 2 months")
        said = await keep_in_touch_hint(pilot, form)
        assert said.endswith(" · reminds once the process is closed"), said


@WAYS
async def test_on_a_closed_card_it_says_only_when(tmp_path, frozen, burst):
    closed = correspondence.close(acme(frozen), "rejected", now=frozen)
    followup = board(make_db(tmp_path, closed))
    async with followup.run_test(size=(120, 40)) as pilot:
        await pilot.press("end")  # the closed column's card
        await send_keys(followup, pilot, burst, "enter", "c")
        form = followup.screen
        assert isinstance(form, DetailsForm)
        await send_keys(followup, pilot, burst, *["tab"] * 6, "in 2 months")
        said = await keep_in_touch_hint(pilot, form)
        assert "reminds" not in said, said
