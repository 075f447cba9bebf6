"""The outcome form offers first the outcome the app itself suggests.

Review M #8: on a card past the follow-up limit (the sidebar and the CLI say "close it as no
response"), "Record outcome…" opened on "rejected", so a fast enter enter enter recorded a rejection
and a reply-to-rejection deadline. The form now opens on "no response" there; on a card already
closed, on its own outcome; otherwise on "rejected", as before.
"""

from __future__ import annotations

import pytest

from conftest import WAYS, send_keys
from tui.core import actions, correspondence
from tui.core.deadlines import DeadlineKind, deadlines_for
from tui.core.stages import Stage
from tui.ui.board.screen import BoardScreen
from tui.ui.detail.process_forms import CloseForm
from ui_detail_helpers import SETTINGS, acme, board, make_db, on_disk, open_card, wait_until


def past_the_limit(now):
    """Acme, two follow-ups sent and no answer: the app suggests closing it as no response."""
    app = actions.move(acme(now.subtract(days=40)), Stage.AWAITING, now=now.subtract(days=39))
    app = correspondence.record_letter_sent(app, "follow-up", now=now.subtract(days=30))
    app = correspondence.record_letter_sent(app, "follow-up", now=now.subtract(days=20))
    assert DeadlineKind.CLOSE in [d.kind for d in deadlines_for(app, SETTINGS, now)]
    return app


async def outcome_form(followup, pilot, how: str) -> CloseForm:
    if how == "palette":
        await followup.board_screen.record_outcome()
    elif how == "move":  # L into closed asks for the outcome
        await pilot.press("L")
    else:
        await open_card(pilot)
        await pilot.press("o")
    await pilot.pause()
    form = followup.screen
    assert isinstance(form, CloseForm)
    return form


@WAYS
@pytest.mark.parametrize("how", ["palette", "move", "detail"])
async def test_past_the_follow_up_limit_the_form_opens_on_no_response(tmp_path, frozen, burst, how):
    card = past_the_limit(frozen)
    assert card.stage is Stage.FOLLOWED_UP
    db = make_db(tmp_path, card)
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        form = await outcome_form(followup, pilot, how)
        assert form.raw("outcome") == "no-response"
        await send_keys(followup, pilot, burst, "enter", "enter", "enter", pauses=2)
        await wait_until(pilot, lambda: not isinstance(followup.screen, CloseForm))
        saved = await on_disk(pilot, db, card.id)
        assert saved.stage is Stage.CLOSED and saved.outcome.value == "no-response"


async def test_an_ordinary_card_still_opens_on_rejected(tmp_path, frozen):
    db = make_db(tmp_path, acme(frozen))
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        form = await outcome_form(followup, pilot, "palette")
        assert form.raw("outcome") == "rejected"


async def test_a_closed_card_opens_on_its_own_outcome(tmp_path, frozen):
    card = correspondence.close(acme(frozen), "offer", now=frozen.subtract(hours=1))
    db = make_db(tmp_path, card)
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(followup.screen, BoardScreen)
        form = await outcome_form(followup, pilot, "palette")
        assert form.raw("outcome") == "offer"
