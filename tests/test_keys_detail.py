"""The detail screen's keys mean what they mean on the board (PRODUCT: the same key means the same thing
on every screen; review V 4, V 5). Keys are sent one by one and in one burst."""

from __future__ import annotations

from conftest import WAYS, send_keys
from tui.core import actions
from tui.core.stages import Stage
from tui.ui.board.screen import BoardScreen
from tui.ui.detail.notes import NotesEditor
from tui.ui.detail.process_forms import CloseForm, SnoozeForm
from tui.ui.detail.screen import DetailScreen
from tui.ui.screens.form import FormScreen
from tui.ui.screens.stats import StatsScreen
from ui_detail_helpers import acme, board, make_db, on_disk, open_card, screen_text, wait_until

SIZE = (80, 24)


@WAYS
async def test_e_writes_in_the_notes_from_every_section(tmp_path, frozen, burst):
    """`e` on the rounds tab opened "Edit round", and the notes typed went into the round's name."""
    card = acme(frozen)
    db = make_db(tmp_path, card)
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        for section in ("2", "3", "4"):
            await send_keys(followup, pilot, burst, section, "e", f" typed after {section}", "escape")
            assert isinstance(followup.screen, DetailScreen)
        stored = await on_disk(pilot, db, card.id)
        assert [r.name for r in stored.rounds] == ["Phone screen", "Onsite"]
        assert stored.notes.endswith(" typed after 2 typed after 3 typed after 4")


@WAYS
async def test_enter_edits_the_highlighted_round_and_the_bar_says_so(tmp_path, frozen, burst):
    card = acme(frozen)
    db = make_db(tmp_path, card)
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await send_keys(followup, pilot, burst, "2")
        footer = screen_text(followup).splitlines()[-1]
        assert "⏎ Edit" in footer  # the list edits its row with enter (e writes in the notes)
        await send_keys(followup, pilot, burst, "e")
        assert isinstance(followup.focused, NotesEditor)
        await send_keys(followup, pilot, burst, "escape", "2", "enter")
        await wait_until(pilot, lambda: isinstance(followup.screen, FormScreen))
        assert "Edit round" in screen_text(followup)


# --- the board's card keys act on this card (review V 5) -------------------------------------------------


@WAYS
async def test_r_records_their_reply_from_the_detail_screen(tmp_path, frozen, burst):
    card = acme(frozen)
    db = make_db(tmp_path, card)
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await send_keys(followup, pilot, burst, "3", "r", "today 11:00", "tab", "tab", "next week", "enter")
        await wait_until(pilot, lambda: isinstance(followup.screen, DetailScreen))
        stored = await on_disk(pilot, db, card.id)
        reply = stored.contacts[-1]
        assert (reply.inbound, reply.summary) == (True, "next week")
        assert stored.stage.value == "awaiting"


@WAYS
async def test_z_snoozes_this_cards_next_deadline(tmp_path, frozen, burst):
    card = acme(frozen)
    db = make_db(tmp_path, card)
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await send_keys(followup, pilot, burst, "2", "z")
        await wait_until(pilot, lambda: isinstance(followup.screen, SnoozeForm))
        assert "Dana Kim" in followup.screen.deadline.action  # the card's next task: the thank-you
        await send_keys(followup, pilot, burst, "wed 12:00", "tab", "travelling", "enter")
        await wait_until(pilot, lambda: isinstance(followup.screen, DetailScreen))
        assert [s.reason for s in (await on_disk(pilot, db, card.id)).snoozes] == ["travelling"]


@WAYS
async def test_h_and_l_move_this_card_and_u_undoes_only_its_own_change(tmp_path, frozen, burst):
    card = acme(frozen)
    other = actions.new_application("Globex", "SRE", now=frozen.subtract(days=1), round_name="Call",
                                    round_at=frozen.subtract(days=1))
    db = make_db(tmp_path, card, other)
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await send_keys(followup, pilot, burst, "L")
        assert (await on_disk(pilot, db, card.id)).stage.value == "thanked"
        await send_keys(followup, pilot, burst, "L", "H")
        assert (await on_disk(pilot, db, card.id)).stage.value == "thanked"
        await send_keys(followup, pilot, burst, "u")
        assert (await on_disk(pilot, db, card.id)).stage.value == "awaiting"  # the H taken back
        assert isinstance(followup.screen, DetailScreen)
        # the board's last change is to another card: u here says so and leaves it
        followup.apply_change(other.id, lambda a: actions.set_notes(a, "x", now=frozen), "Edit Globex")
        await send_keys(followup, pilot, burst, "u")
        assert (await on_disk(pilot, db, other.id)).notes == "x"
        assert "another card (Edit Globex)" in notices(followup)


@WAYS
async def test_l_into_closed_asks_how_it_ended(tmp_path, frozen, burst):
    card = actions.move(acme(frozen), Stage.FOLLOWED_UP, now=frozen)
    db = make_db(tmp_path, card)
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await send_keys(followup, pilot, burst, "L")
        await wait_until(pilot, lambda: isinstance(followup.screen, CloseForm))


@WAYS
async def test_a_opens_the_statistics_and_s_says_where_the_sidebar_is(tmp_path, frozen, burst):
    db = make_db(tmp_path, acme(frozen))
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await send_keys(followup, pilot, burst, "s")
        assert "sidebar is on the board" in notices(followup)
        await send_keys(followup, pilot, burst, "a")
        await wait_until(pilot, lambda: isinstance(followup.screen, StatsScreen))
        await send_keys(followup, pilot, burst, "escape")
        await wait_until(pilot, lambda: isinstance(followup.screen, DetailScreen))


@WAYS
async def test_the_notes_editor_types_the_board_keys_as_text(tmp_path, frozen, burst):
    card = acme(frozen)
    db = make_db(tmp_path, card)
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await send_keys(followup, pilot, burst, "e", " rzuHLasU", "escape")
        stored = await on_disk(pilot, db, card.id)
        assert stored.notes.endswith(" rzuHLasU") and stored.stage is card.stage


def test_the_board_keys_mean_the_same_in_the_detail_screen():
    def keys(cls, action: str) -> set[str]:
        return {key.strip() for b in cls.BINDINGS if b.action == action for key in b.key.split(",")}

    for action in ("reply", "snooze", "move_card(1)", "move_card(-1)", "undo", "redo", "stats"):
        assert keys(DetailScreen, action) == keys(BoardScreen, action), action
    assert keys(DetailScreen, "sidebar") == keys(BoardScreen, "toggle_sidebar")


def notices(app) -> str:
    return " | ".join(n.message for n in app._notifications)


@WAYS
async def test_u_brings_back_a_round_removed_here_as_the_dialog_says(tmp_path, frozen, burst):
    card = acme(frozen)
    db = make_db(tmp_path, card)
    followup = board(db)
    async with followup.run_test(size=SIZE) as pilot:
        await open_card(pilot)
        await send_keys(followup, pilot, burst, "2", "d")
        assert "u brings it back" in screen_text(followup)
        await send_keys(followup, pilot, burst, "y")
        assert len((await on_disk(pilot, db, card.id)).rounds) == 1
        await send_keys(followup, pilot, burst, "u")
        assert len((await on_disk(pilot, db, card.id)).rounds) == 2
        assert isinstance(followup.screen, DetailScreen)
