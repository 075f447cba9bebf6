"""The new-direction form takes the kind from the recruiter's words until the user picks one: "don't call
before Monday" is a quiet period, not a task due Monday (review R2 #1: left at *do by*, the ban became a
to-do and no quiet period existed). A kind picked by hand is never overridden."""

from __future__ import annotations

import pytest

from conftest import WAYS, send_keys
from tui.core.direction_words import kind_in_words
from tui.core.stages import DirectionKind
from tui.ui.detail.forms import DirectionForm
from tui.ui.detail.screen import DetailScreen
from ui_detail_helpers import acme, board, make_db, on_disk, open_card, screen_text, wait_until

QUIET = DirectionKind.NOT_BEFORE


@pytest.mark.parametrize("text", [
    "don't call before Monday", "Do not contact before the 8th", "not before Friday", "no contact until the 3rd",
    "wait until Monday", "Don’t email them until Friday", "no calls before the 8th", "only call after Monday",
])
def test_a_ban_on_contact_reads_as_a_quiet_period(text):
    assert kind_in_words(text) is QUIET


@pytest.mark.parametrize("text", [
    "send two references by Friday", "don't forget to send refs before Friday", "don't wait until Friday",
    "send the portfolio before the call", "call back before Monday", "",
])
def test_a_task_reads_as_a_do_by(text):
    assert kind_in_words(text) is DirectionKind.DO_BY


@WAYS
async def test_the_words_pick_the_quiet_kind_as_they_are_typed(tmp_path, frozen, burst):
    card = acme(frozen)
    db = make_db(tmp_path, card)
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await open_card(pilot)
        await send_keys(followup, pilot, burst, "3", "n", "don't call before Monday")
        form = followup.screen
        assert isinstance(form, DirectionForm)
        await wait_until(pilot, lambda: form.raw("kind") == QUIET.value)
        assert "quiet: not before a date" in screen_text(followup)  # seen as it is typed
        await send_keys(followup, pilot, burst, "enter", "enter", "Monday", "enter")
        await wait_until(pilot, lambda: isinstance(followup.screen, DetailScreen))
        saved = (await on_disk(pilot, db, card.id)).directions
        assert [(d.text, d.kind) for d in saved] == [("don't call before Monday", QUIET)]


@WAYS
async def test_a_kind_picked_by_hand_is_kept_whatever_is_typed(tmp_path, frozen, burst):
    card = acme(frozen)
    db = make_db(tmp_path, card)
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await open_card(pilot)
        # "i" picks "information only"; the words typed after it (shift+tab back to the text) read as a ban
        await send_keys(followup, pilot, burst, "3", "n", "recruiter", "tab", "i", "shift+tab",
                        "end", " said not before Friday", "ctrl+s")
        await wait_until(pilot, lambda: isinstance(followup.screen, DetailScreen))
        saved = (await on_disk(pilot, db, card.id)).directions
        assert [(d.text, d.kind) for d in saved] == [("recruiter said not before Friday", DirectionKind.INFO)]


@WAYS
async def test_do_by_picked_back_by_hand_after_the_form_chose_quiet_is_kept(tmp_path, frozen, burst):
    card = acme(frozen)
    db = make_db(tmp_path, card)
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await open_card(pilot)
        await send_keys(followup, pilot, burst, "3", "n", "not before", "tab")
        await wait_until(pilot, lambda: followup.screen.raw("kind") == QUIET.value)
        await send_keys(followup, pilot, burst, "d", "shift+tab", "end", " friday: send refs", "tab", "tab",
                        "friday", "enter")
        await wait_until(pilot, lambda: isinstance(followup.screen, DetailScreen))
        saved = (await on_disk(pilot, db, card.id)).directions
        assert [(d.text, d.kind) for d in saved] == [("not before friday: send refs", DirectionKind.DO_BY)]
