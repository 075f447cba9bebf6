"""The detail screen's lists answer to the board's keys (PRODUCT: the same key means the same thing on
every screen): `n` adds (as `n` is a new application), `d` deletes after asking (as the board's
delete), `space` toggles (as it marks an interviewer thanked). Keys are sent one by one and in one
burst."""

from __future__ import annotations

from conftest import WAYS, send_keys
from tui.ui.board.screen import BoardScreen
from tui.ui.detail.directions import DirectionsList
from tui.ui.detail.rounds import RoundsList
from tui.ui.detail.screen import DetailScreen
from tui.ui.screens.confirm import ConfirmScreen
from ui_detail_helpers import acme, board, make_db, on_disk, open_card, wait_until


def keys_of(cls, action: str) -> set[str]:
    return {key.strip() for b in cls.BINDINGS if b.action == action for key in b.key.split(",")}


def test_the_lists_use_the_boards_keys_for_new_and_delete():
    new, delete = keys_of(BoardScreen, "new"), keys_of(BoardScreen, "delete")
    assert keys_of(RoundsList, "add_round") == new == keys_of(DirectionsList, "add") == {"n"}
    assert keys_of(RoundsList, "remove") == delete == keys_of(DirectionsList, "remove") == {"d"}
    assert keys_of(RoundsList, "toggle_thanked") == keys_of(DirectionsList, "toggle_done") == {"space"}
    # no priority key of the detail screen itself takes them first, but `e` (write notes) and `enter`
    # (into the section shown), which DetailScreen.check_action leaves to a focused list
    yielding = {"e", "enter"}
    for cls in (RoundsList, DirectionsList):
        lists = {key for b in cls.BINDINGS for key in b.key.split(",")}
        screen = {key for b in DetailScreen.BINDINGS if b.priority for key in b.key.split(",")}
        assert lists & screen <= yielding


@WAYS
async def test_n_adds_a_direction_space_marks_it_done_d_removes_it(tmp_path, frozen, burst):
    card = acme(frozen)
    db = make_db(tmp_path, card)
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await open_card(pilot)
        await pilot.press("3")
        await send_keys(followup, pilot, burst, "n", "send refs", "tab", "tab", "fri 17:00", "enter")
        await wait_until(pilot, lambda: isinstance(followup.screen, DetailScreen))
        assert [d.text for d in (await on_disk(pilot, db, card.id)).directions] == ["send refs"]
        await send_keys(followup, pilot, burst, "home", "space")
        assert (await on_disk(pilot, db, card.id)).directions[0].done_at is not None
        assert followup.screen.section_bar.labels["directions"] == "3 Directions (0 open, 1 done)"
        await send_keys(followup, pilot, burst, "space")  # again: open once more
        assert (await on_disk(pilot, db, card.id)).directions[0].done_at is None
        await send_keys(followup, pilot, burst, "d")
        assert isinstance(followup.screen, ConfirmScreen)  # asks first
        await send_keys(followup, pilot, burst, "y")
        await wait_until(pilot, lambda: isinstance(followup.screen, DetailScreen))
        assert (await on_disk(pilot, db, card.id)).directions == []


@WAYS
async def test_n_adds_a_round_and_d_removes_one_after_asking(tmp_path, frozen, burst):
    card = acme(frozen)
    db = make_db(tmp_path, card)
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await open_card(pilot)
        await pilot.press("2")
        await send_keys(followup, pilot, burst, "n", "Final", "tab", "yesterday 15:00", "tab", "Bo Chan", "enter")
        await wait_until(pilot, lambda: isinstance(followup.screen, DetailScreen))
        assert [r.name for r in (await on_disk(pilot, db, card.id)).rounds] == ["Phone screen", "Onsite", "Final"]
        await send_keys(followup, pilot, burst, "home", "d", "n")  # asked, and kept
        await wait_until(pilot, lambda: isinstance(followup.screen, DetailScreen))
        assert len((await on_disk(pilot, db, card.id)).rounds) == 3
        await send_keys(followup, pilot, burst, "home", "d", "y")
        await wait_until(pilot, lambda: isinstance(followup.screen, DetailScreen))
        assert [r.name for r in (await on_disk(pilot, db, card.id)).rounds] == ["Onsite", "Final"]
