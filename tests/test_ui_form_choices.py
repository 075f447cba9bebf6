"""A choice in a form (a Select) is a one-line field like the others: `enter` moves on (or saves on the
last field) and never opens its list, which would take what is typed next as a search in the list and
lose it. `←/→` change the choice in place, `space` opens the list. Keys are sent one by one and in one
burst, as a slow SSH link delivers them."""

from __future__ import annotations

from textual.widgets import Input, Select

from conftest import WAYS, fill, send_keys
from tui.ui.board.screen import BoardScreen
from tui.ui.detail.forms import DirectionForm
from tui.ui.detail.screen import DetailScreen
from tui.ui.keybar import KeyBar
from ui_detail_helpers import acme, board, make_db, on_disk, open_card, wait_until


def no_list_open(app) -> bool:
    return not any(select.expanded for select in app.screen.query(Select))


@WAYS
async def test_enter_on_the_reply_forms_choice_moves_on_and_the_note_is_kept(tmp_path, frozen, burst):
    """The reported case: r, a time, enter, enter, a note, enter left the "How" list open, the note gone."""
    card = acme(frozen)
    db = make_db(tmp_path, card)
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await send_keys(followup, pilot, burst, "r", "yesterday 4pm", "enter", "enter", "they want a 2nd round",
                        "enter")
        await wait_until(pilot, lambda: isinstance(followup.screen, BoardScreen))
        saved = await on_disk(pilot, db, card.id)
        reply = saved.contacts[-1]
        assert (reply.kind, reply.to, reply.summary) == ("reply", "email", "they want a 2nd round")
        assert reply.at.isoformat() == "2026-11-30T15:00:00+00:00"  # Mon 16:00 in Berlin


@WAYS
async def test_enter_on_the_direction_kind_does_not_change_it(tmp_path, frozen, burst):
    """The reported case: `xx` enter enter `m` enter once picked "just information" (now "information
    only") from the open list."""
    db = make_db(tmp_path, acme(frozen))
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await open_card(pilot)
        await pilot.press("3", "n")
        await send_keys(followup, pilot, burst, "xx", "enter", "enter", "m", "enter")
        form = followup.screen
        assert isinstance(form, DirectionForm)
        assert no_list_open(followup)
        assert form.raw("kind") == "do-by"
        assert form.raw("when") == "m"  # the m went into the date field, whose error shows once enter is handled
        await wait_until(pilot, lambda: form.has_error("when"))
        assert isinstance(form.focused, Input)


@WAYS
async def test_left_and_right_change_a_choice_in_place(tmp_path, frozen, burst):
    db = make_db(tmp_path, acme(frozen))
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await open_card(pilot)
        await pilot.press("3", "n")
        # ← from the first wraps round to the last; → twice: back to the first, then the second
        await send_keys(followup, pilot, burst, "send refs", "enter", "left")
        assert followup.screen.raw("kind") == "info" and no_list_open(followup)
        await send_keys(followup, pilot, burst, "right", "right", "enter", "fri 17:00", "enter")
        await wait_until(pilot, lambda: isinstance(followup.screen, DetailScreen))
        direction = (await on_disk(pilot, db, followup.screen.app_id)).directions[-1]
        assert (direction.text, direction.kind.value) == ("send refs", "not-before")
        assert direction.due.isoformat() == "2026-12-04T16:00:00+00:00"  # Fri 17:00 Berlin


async def test_a_date_alone_reads_as_the_kind_means_it_and_the_hint_follows_the_kind(tmp_path, frozen):
    """Review: a quiet period typed as "fri" ended at 17:00 in the form, at 09:00 on the command line."""
    db = make_db(tmp_path, acme(frozen))
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await open_card(pilot)
        await pilot.press("3", "n")
        form = followup.screen
        fill(form, text="send refs", when="fri")
        form.check_field("when", quiet=True)
        await pilot.pause()
        assert "Fri 4 Dec 17:00" in str(form.query_one("#hint-when").render())  # do by: the day's end
        fill(form, kind="not-before")
        await pilot.pause()
        assert "Fri 4 Dec 09:00" in str(form.query_one("#hint-when").render())  # quiet: from the day's start
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(followup.screen, DetailScreen))
        direction = (await on_disk(pilot, db, followup.screen.app_id)).directions[-1]
        assert direction.due.isoformat() == "2026-12-04T08:00:00+00:00"  # Fri 09:00 Berlin


@WAYS
async def test_space_opens_the_list_where_enter_picks(tmp_path, frozen, burst):
    db = make_db(tmp_path, acme(frozen))
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await open_card(pilot)
        await pilot.press("3", "n")
        await send_keys(followup, pilot, burst, "send refs", "enter", "space", "down", "down", "enter")
        form = followup.screen
        assert form.raw("kind") == "info" and no_list_open(followup)
        assert isinstance(form.focused, Select)  # picking leaves the focus on the choice
        await send_keys(followup, pilot, burst, "enter", "enter")  # on to the date, left empty, and save
        await wait_until(pilot, lambda: isinstance(followup.screen, DetailScreen))
        direction = (await on_disk(pilot, db, followup.screen.app_id)).directions[-1]
        assert (direction.text, direction.kind.value, direction.due) == ("send refs", "info", None)


async def test_the_key_bar_shows_how_to_change_a_choice_only_on_one(tmp_path, frozen):
    db = make_db(tmp_path, acme(frozen))
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await open_card(pilot)
        await pilot.press("3", "n")
        bar = followup.screen.query_one(KeyBar)
        on_text = [keys for keys, _ in bar.entries()[0]]
        assert "←/→" not in on_text and "space" not in on_text  # in a text field they are the field's
        await pilot.press("x", "enter")  # enter moves on once the field reads
        await pilot.pause()
        on_choice = bar.entries()[0]
        assert on_choice[:2] == [("←/→", "Change"), ("space", "List")]


@WAYS
async def test_j_and_k_move_in_the_open_list_and_a_closed_choice_takes_no_option_for_a_word_inside(
        tmp_path, frozen, burst):
    """Review S5 1: `j` in the open list did not move it (PRODUCT: j/k move in every list), and on the
    closed Outcome `j` picked "accepted: you took the job" (a word inside it) as a rejection was being
    recorded. A letter still picks an option starting with it."""
    followup = board(make_db(tmp_path, acme(frozen)))
    async with followup.run_test(size=(80, 24)) as pilot:
        await open_card(pilot)
        await send_keys(followup, pilot, burst, "o")  # how did it end: Outcome first, "rejected"
        form = followup.screen
        assert form.raw("outcome") == "rejected" and isinstance(form.focused, Select)
        await send_keys(followup, pilot, burst, "j")
        assert form.raw("outcome") == "rejected"  # no option starts with j: said under the field
        await send_keys(followup, pilot, burst, "space", "j", "j", "k", "enter")
        assert no_list_open(followup)
        labels = [value for _, value in form.query_one(Select).choices]
        assert form.raw("outcome") == labels[labels.index("rejected") + 1]
        await send_keys(followup, pilot, burst, "a")
        assert form.raw("outcome") == "accepted"
