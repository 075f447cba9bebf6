"""Small texts that said something untrue (review R2 #5, #8): each hint or message matches what the keys
it names then do."""

from __future__ import annotations

from datetime import UTC

import pendulum
import pytest
from textual.widgets import Static

from conftest import WAYS, burst_keys, send_keys
from tui.core.deadlines import Deadline, DeadlineKind
from tui.ui.detail.process_forms import SnoozeForm
from tui.ui.letters.dialogs import SentAtForm
from tui.ui.screens.confirm import ConfirmScreen
from ui_detail_helpers import acme, board, make_db, wait_until
from ui_letters_helpers import DANA, LetterHarness, frozen_now, interviewed

NOW = pendulum.datetime(2026, 11, 28, 9, 10, tz="UTC")  # Saturday, as in the review


@pytest.mark.parametrize("due", [
    NOW.subtract(days=2),  # overdue
    NOW.at(17),  # today
    pendulum.datetime(2026, 12, 4, 17, tz="UTC"),  # Friday next week: "mon 9:00" came before it
    NOW.add(weeks=3),
], ids=["overdue", "today", "next-friday", "in-3-weeks"])
def test_the_snooze_forms_examples_are_ends_it_takes(due):
    form = SnoozeForm(Deadline("x", "Hooli", DeadlineKind.DIRECTION, due, "send references"), NOW, UTC)
    until = next(field for field in form.fields() if field.name == "until")
    examples = until.placeholder.removeprefix("e.g. ").split(", ")
    assert len(examples) >= 2
    for example in examples:
        assert form._until(example) > due, example  # refused examples raise here


@WAYS
async def test_the_stale_edit_message_does_not_promise_escape_keeps_their_value(tmp_path, frozen, burst):
    """Escape asks to discard the whole form; the message said "escape to keep it" (their value)."""
    from test_ui_stale_forms import card_form_then_role_changed_elsewhere

    app = acme(frozen)
    db = make_db(tmp_path, app)
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        form = await card_form_then_role_changed_elsewhere(pilot, db, app.id, frozen)
        await send_keys(followup, pilot, burst, "tab", "ctrl+u", "Principal Engineer", "ctrl+s")
        said = str(form.query_one("#error-role", Static).render())
        assert "Staff Engineer" in said and "save again" in said
        assert "escape" not in said.replace("\n", " ")
        await send_keys(followup, pilot, burst, "escape")
        assert isinstance(followup.screen, ConfirmScreen)  # escape is about the whole form


async def test_the_palette_keeps_theme_and_quit_but_not_textuals_screenshot(tmp_path, frozen):
    followup = board(make_db(tmp_path, acme(frozen)))
    async with followup.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        titles = {command.title for command in followup.get_system_commands(followup.screen)}
        assert "Screenshot" not in titles
        assert {"Theme", "Quit"} <= titles


async def test_undo_refused_starts_with_a_capital(tmp_path, frozen):
    from tui.core import actions
    from tui.store import Store

    card = acme(frozen)
    db = make_db(tmp_path, card)
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await pilot.press("L")  # a change the board can undo
        await followup.wait_for_writes()
        other = Store(db).open()
        other.put(actions.edit(other.get(card.id), role="Staff", now=frozen))
        followup.poll_store()
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        said = [n.message for n in followup._notifications if "undo" in n.message]
        assert said and said[-1].startswith("Cannot undo “"), said


@WAYS
async def test_sent_at_says_a_time_it_refuses_as_it_is_typed(tmp_path, letter_env, burst):
    """A time read but refused (before the round) showed neither its refusal nor a ✓ until enter."""
    now = frozen_now()
    app = interviewed(now, DANA)
    rnd = app.rounds[-1].at
    host = LetterHarness(make_db(tmp_path, app), app.id, "thank-you")
    before = pendulum.instance(rnd).in_timezone("Europe/London").subtract(hours=3).format("YYYY-MM-DD HH:mm")
    async with host.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        if burst:
            burst_keys(host, "ctrl+b", before)
        else:
            await pilot.press("ctrl+b", *before)
        # (query, not query_one: the form is on the stack a moment before its fields are composed)
        await wait_until(pilot, lambda: isinstance(host.screen, SentAtForm)
                         and any(field.value == before for field in host.screen.query("#field-when")))
        await pilot.pause()
        form = host.screen
        assert "before the" in str(form.query_one("#error-when", Static).render())  # no enter pressed
        assert not form.query_one("#hint-when", Static).has_class("shown")  # and no ✓ for it
