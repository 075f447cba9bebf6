"""The new-direction form points words saying when they decide to the card's "Decision by" (review R8 #1):
read as a quiet period alone, "we'll decide by Friday, please don't contact us before then" made the
follow-up due on the morning of the decision day. The form says where to put the date; it does not set it."""

from __future__ import annotations

from conftest import WAYS, send_keys
from tui.core.stages import DirectionKind
from tui.ui.detail.forms import DirectionForm
from tui.ui.detail.screen import DetailScreen
from ui_detail_helpers import acme, board, make_db, on_disk, open_card, screen_text, wait_until

QUIET = DirectionKind.NOT_BEFORE
WORDS = "we'll decide by Friday, please don't contact us before then"
POINTER = "Decision by (c on the card)"


def _flat(app) -> str:
    """The form's words, its wrapped lines joined: what is inside the box's borders, line after line."""
    inside = [line.split("│")[-2] if line.count("│") >= 2 else line for line in screen_text(app).splitlines()]
    return " ".join(" ".join(inside).split())


@WAYS
async def test_words_saying_when_they_decide_point_to_the_decision_date(tmp_path, frozen, burst):
    card = acme(frozen)
    db = make_db(tmp_path, card)
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await open_card(pilot)
        await send_keys(followup, pilot, burst, "3", "n", WORDS)
        form = followup.screen
        assert isinstance(form, DirectionForm)
        await wait_until(pilot, lambda: form.raw("kind") == QUIET.value)
        await wait_until(pilot, lambda: POINTER in _flat(followup))
        assert "read from the words: no contact before the date" in _flat(followup)
        await send_keys(followup, pilot, burst, "enter", "enter", "fri", "enter")
        await wait_until(pilot, lambda: isinstance(followup.screen, DetailScreen))
        saved = await on_disk(pilot, db, card.id)
        assert [(d.text, d.kind) for d in saved.directions] == [(WORDS, QUIET)]
        assert saved.decision_by is None  # pointed to, never set behind the user's back


@WAYS
async def test_the_pointer_stays_when_the_kind_is_picked_by_hand(tmp_path, frozen, burst):
    card = acme(frozen)
    db = make_db(tmp_path, card)
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await open_card(pilot)
        await send_keys(followup, pilot, burst, "3", "n", "tab", "i", "shift+tab", "decision by the 8th")
        form = followup.screen
        assert isinstance(form, DirectionForm)
        await wait_until(pilot, lambda: POINTER in _flat(followup))
        assert form.raw("kind") == DirectionKind.INFO.value
        assert "read from the words: no contact" not in _flat(followup)
        await send_keys(followup, pilot, burst, "ctrl+u", "send refs by Friday")
        await wait_until(pilot, lambda: form.raw("text") == "send refs by Friday")
        await wait_until(pilot, lambda: POINTER not in _flat(followup))


@WAYS
async def test_no_pointer_for_a_task(tmp_path, frozen, burst):
    card = acme(frozen)
    db = make_db(tmp_path, card)
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await open_card(pilot)
        await send_keys(followup, pilot, burst, "3", "n", "Don't call, email us within two days")
        form = followup.screen
        assert isinstance(form, DirectionForm)
        await wait_until(pilot, lambda: form.raw("text") == "Don't call, email us within two days")
        await pilot.pause()
        assert form.raw("kind") == DirectionKind.DO_BY.value  # review R7 #1: a task, not a quiet period
        assert POINTER not in _flat(followup)
