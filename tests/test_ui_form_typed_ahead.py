"""A form takes typed-ahead keys safely: `enter` stays on a field that does not read, and a choice
takes typed letters.

Review M #6: in the reply form, `tomorrow 10:00` then `enter` showed the error under When but moved
on to How; what was typed next went to the choice, which ignored the letters, and its space opened
the list over the Note field. Now `enter` on a field that does not read stays there with its error
(a valid field still moves on, PRODUCT), and a letter on a choice picks the first option starting
with it (again: the next one), or says under it that none does.
"""

from __future__ import annotations

from textual.app import App
from textual.widgets import Input, Select

from conftest import WAYS, send_keys
from tui.ui.board.screen import BoardScreen
from tui.ui.detail.process_forms import CloseForm, ReplyForm
from tui.ui.screens.form import Field, FormScreen
from tui.ui.screens.new_application import NewApplicationScreen
from ui_detail_helpers import acme, board, make_db, on_disk, wait_until


def focused_field(app) -> str:
    return (app.focused.id or "").removeprefix("field-")


@WAYS
async def test_enter_on_a_future_reply_time_stays_with_its_error(tmp_path, frozen, burst):
    db = make_db(tmp_path, acme(frozen))
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await send_keys(followup, pilot, burst, "r", "tomorrow 10:00", "enter", pauses=2)
        form = followup.screen
        assert isinstance(form, ReplyForm)
        assert focused_field(followup) == "at" and isinstance(followup.focused, Input)
        assert form.has_error("at") and "future" in str(form.query_one("#error-at").render())
        assert form.raw("via") == "email"


@WAYS
async def test_the_reviewers_burst_fixes_the_time_and_keeps_the_note(tmp_path, frozen, burst):
    """`tomorrow 10:00` enter, then ctrl+u, `today 09:40`, enter, →, enter, the note, enter: saved as meant."""
    card = acme(frozen)
    db = make_db(tmp_path, card)
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await send_keys(followup, pilot, burst, "r", "tomorrow 10:00", "enter", "ctrl+u", "today 09:40", "enter",
                        "right", "enter", 'Recruiter Jo: "we will decide by Friday"', "enter")
        await wait_until(pilot, lambda: isinstance(followup.screen, BoardScreen))
        reply = (await on_disk(pilot, db, card.id)).contacts[-1]
        assert (reply.kind, reply.to) == ("reply", "call")
        assert reply.summary == 'Recruiter Jo: "we will decide by Friday"'
        assert reply.at.isoformat() == "2026-12-01T08:40:00+00:00"  # 09:40 in Berlin


@WAYS
async def test_a_valid_field_still_moves_on_with_enter(tmp_path, frozen, burst):
    db = make_db(tmp_path, acme(frozen))
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await send_keys(followup, pilot, burst, "r", "yesterday 16:00", "enter", pauses=2)
        assert focused_field(followup) == "via" and not followup.screen.has_error("at")
        await send_keys(followup, pilot, burst, "enter", "ok", pauses=2)
        assert focused_field(followup) == "note" and followup.screen.raw("note") == "ok"


@WAYS
async def test_enter_on_an_empty_required_field_stays(tmp_path, frozen, burst):
    db = make_db(tmp_path, acme(frozen))
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await send_keys(followup, pilot, burst, "n", "enter", "Initech", pauses=2)
        form = followup.screen
        assert isinstance(form, NewApplicationScreen)
        first = next(iter(form._fields))
        assert focused_field(followup) == first and form.raw(first) == "Initech"
        assert not form.has_error(first)  # fixed as it was typed


@WAYS
async def test_a_letter_on_a_choice_picks_the_first_option_starting_with_it(tmp_path, frozen, burst):
    db = make_db(tmp_path, acme(frozen))
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await send_keys(followup, pilot, burst, "r", "enter", "c", pauses=2)
        form = followup.screen
        assert focused_field(followup) == "via" and form.raw("via") == "call"
        assert not any(select.expanded for select in form.query(Select))
        await send_keys(followup, pilot, burst, "O", "e", pauses=2)
        assert form.raw("via") == "email"  # O picked other, e email: letters act in order, any case


class ThreeWays(FormScreen):
    """Two options share their first letter."""

    form_title = "How"

    def fields(self) -> list[Field]:
        return [Field("via", "How", "email", options=[("email", "email"), ("call", "call"), ("chat", "chat")]),
                Field("note", "Note", "")]


class FormHost(App):
    async def on_mount(self) -> None:
        await self.push_screen(ThreeWays())


@WAYS
async def test_the_same_letter_again_picks_the_next_option_starting_with_it(burst):
    app = FormHost()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await send_keys(app, pilot, burst, "c", pauses=2)
        assert app.screen.raw("via") == "call"
        await send_keys(app, pilot, burst, "c", pauses=2)
        assert app.screen.raw("via") == "chat"
        await send_keys(app, pilot, burst, "c", "c", "e", "C", pauses=2)
        assert app.screen.raw("via") == "call"  # round to the first, e, then the first c again


@WAYS
async def test_n_on_the_outcome_picks_no_response(tmp_path, frozen, burst):
    db = make_db(tmp_path, acme(frozen))
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await followup.record_outcome(followup.board_screen.board.current_id)
        await pilot.pause()
        form = followup.screen
        assert isinstance(form, CloseForm)
        await send_keys(followup, pilot, burst, "n", pauses=2)
        assert form.raw("outcome") == "no-response"
        await send_keys(followup, pilot, burst, "w", "o", pauses=2)
        assert form.raw("outcome") == "offer"


@WAYS
async def test_a_letter_no_option_starts_with_is_said_under_the_choice(tmp_path, frozen, burst):
    db = make_db(tmp_path, acme(frozen))
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await send_keys(followup, pilot, burst, "r", "enter", "x", pauses=2)
        form = followup.screen
        assert form.raw("via") == "email"
        assert form.has_error("via")
        said = str(form.query_one("#error-via").render())
        assert "x" in said and "space" in said
        await send_keys(followup, pilot, burst, "c", pauses=2)
        assert form.raw("via") == "call" and not form.has_error("via")


def test_a_letter_picks_by_the_start_of_the_options_value_or_label():
    """Review N P1: the direction kinds read "quiet: not before a date", so `n` (the command line's
    --not-before) matched nothing. A word inside a label is no match (review S5 1, S8 3: `j`, typed to go
    down, picked "accepted: you took the job" and "just information")."""
    from tui.ui.detail.forms import KIND_CHOICES
    from tui.ui.screens.form_controls import Choice

    kinds = Choice(KIND_CHOICES, value="do-by", allow_blank=False)
    assert kinds.starting_with("n") == "not-before"  # the value
    assert kinds.starting_with("i") == "info"  # the value and the label
    assert kinds.starting_with("j") is None and kinds.starting_with("k") is None
    assert kinds.starting_with("q") == "not-before"  # the label
    assert kinds.starting_with("d") == "do-by"  # label and value first: not "… a date"
    assert kinds.starting_with("x") is None
