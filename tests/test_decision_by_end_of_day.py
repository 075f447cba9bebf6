""""Decision by" typed as a day alone is the end of that working day, as a do-by direction's date is
(deadlines.direction_default_time): "by Friday" read as Friday 09:00 on the card and 17:00 in its
directions (review R2 #6)."""

from __future__ import annotations

from cli_helpers import run
from conftest import WAYS, send_keys
from tui.core.timeutil import local
from tui.store import Store
from tui.ui.detail.forms import DetailsForm
from ui_detail_helpers import acme, board, make_db, on_disk, wait_until


def test_edit_decision_by_a_day_is_read_as_a_do_by_date_is(cli_db):
    assert run(cli_db, "add", "Hooli", "--role", "SRE", "--at", "yesterday 16:30") == 0
    assert run(cli_db, "edit", "hooli", "--decision-by", "friday") == 0
    assert run(cli_db, "direction", "hooli", "send references", "--by", "friday") == 0
    card = Store(cli_db).open().resolve("hooli")
    assert card.decision_by == card.directions[0].due
    assert local(card.decision_by, "Europe/Berlin").format("ddd HH:mm") == "Fri 17:00"


@WAYS
async def test_the_card_forms_decision_by_a_day_is_the_end_of_that_working_day(tmp_path, frozen, burst):
    card = acme(frozen)
    db = make_db(tmp_path, card)
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await send_keys(followup, pilot, burst, "enter", "c")
        assert isinstance(followup.screen, DetailsForm)
        await send_keys(followup, pilot, burst, *["tab"] * 5, "2026-12-04", "ctrl+s")
        await wait_until(pilot, lambda: not isinstance(followup.screen, DetailsForm))
        saved = await on_disk(pilot, db, card.id)
        assert local(saved.decision_by, "Europe/Berlin").format("YYYY-MM-DD HH:mm") == "2026-12-04 17:00"
