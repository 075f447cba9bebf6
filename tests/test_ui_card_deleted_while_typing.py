"""Another process deletes the card being typed in: the letters typed next never act on the board.

Review S, finding 1: the board closed the notes editor (or the card's edit
form) when the command line deleted the card, and the user, still typing,
sent the rest of the sentence to the board's keys: `d` `y` deleted another
card, `n` opened a new-application form. Now what was typed is kept in a
rescue file and a notice says so; it takes only escape, so every key typed
after the close (one by one, or in the same burst as the news) is swallowed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import WAYS, burst_keys, key_names, type_text
from tui.ui.changes import _Reloaded
from tui.ui.screens.confirm import ConfirmScreen
from tui.ui.screens.form import FormScreen
from ui_board_helpers import NARROW, focused_company, make_app, small_apps, store_with
from ui_detail_helpers import wait_until

pytestmark = pytest.mark.usefixtures("freeze_clock")

# what the reviewer's user typed on after the close: `d` `y` deletes, `enter` opens, `n` a new card
TYPED_ON = ("dy", "enter", "n", "amic team")


def delete_elsewhere(store, company: str) -> str:
    """Another process deletes the card of `company`; its id."""
    from tui.store import Store

    other = Store(store.path)
    gone = next(a for a in other.load_all() if a.company == company)
    other.delete(gone.id)
    return gone.id


async def deletion_read(app, pilot) -> _Reloaded:
    """The board's re-read of the file, held back once made: the test posts it just before the keys, so
    that the news and the keys typed on arrive in the order the review saw (in one burst, too)."""
    held = []
    post = app.writer.on_reloaded
    app.writer.on_reloaded = held.append
    app.poll_store()  # what the one-second timer does
    await wait_until(pilot, lambda: held)
    app.writer.on_reloaded = post
    return _Reloaded(held[0])


async def news_then_keys(app, pilot, burst: bool) -> None:
    news = await deletion_read(app, pilot)
    app.post_message(news)
    if burst:
        burst_keys(app, *TYPED_ON)
    else:
        await pilot.pause()
        for key in TYPED_ON:
            await pilot.press(*key_names(key))
    for _ in range(3):
        await pilot.pause()


def rescued_text(app) -> str:
    (line,) = app.rescued
    return Path(line.rsplit("it is in ", 1)[1]).read_text(encoding="utf-8")


def assert_nothing_acted(app, store, others: set[str], said: str = "deleted by another Followup process") -> None:
    from tui.store import Store

    assert isinstance(app.screen, ConfirmScreen) and app.screen.acknowledge, app.screen_stack
    assert not any(isinstance(screen, FormScreen) for screen in app.screen_stack)  # no "New application"
    assert {a.company for a in Store(store.path).load_all()} == others  # no other card deleted
    assert set(a.company for a in app.changelog.apps.values()) == others
    text = " ".join(str(s.render()) for s in app.screen.query("Static"))
    assert said in text and "followup-rescue-" in text
    # the card is named by its company on every path (review U #10: the detail screen said "Victim — V")
    assert str(app.screen.query_one("#question").render()).endswith(".")
    assert " — " not in str(app.screen.query_one("#question").render())


async def back_on_the_board(app, pilot, others: set[str]) -> None:
    from tui.ui.board.screen import BoardScreen

    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(app.screen, BoardScreen) and len(app.screen_stack) == 1
    assert set(a.company for a in app.changelog.apps.values()) == others


@WAYS
async def test_keys_typed_on_after_the_notes_card_is_deleted_never_reach_the_board(tmp_path, monkeypatch, burst):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    store = store_with(tmp_path, small_apps())
    app = make_app(store)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        company = focused_company(app)
        others = {"Acme", "Globex", "Initech"} - {company}
        await pilot.press("e")
        await pilot.pause()
        await type_text(pilot, "notes about a ")
        gone = delete_elsewhere(store, company)
        await news_then_keys(app, pilot, burst)
        assert_nothing_acted(app, store, others)
        assert rescued_text(app).endswith("notes about a ") and gone[:8] in app.rescued[0]
        await back_on_the_board(app, pilot, others)


@WAYS
async def test_keys_typed_on_after_the_edited_card_is_deleted_never_reach_the_board(tmp_path, monkeypatch, burst):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    store = store_with(tmp_path, small_apps())
    app = make_app(store)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        company = focused_company(app)
        others = {"Acme", "Globex", "Initech"} - {company}
        await pilot.press("enter", "c")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        await type_text(pilot, " Inc")
        delete_elsewhere(store, company)
        await news_then_keys(app, pilot, burst)
        assert_nothing_acted(app, store, others)
        assert f"Company: {company} Inc" in rescued_text(app)
        await back_on_the_board(app, pilot, others)


async def test_the_notice_takes_only_escape_not_enter_nor_the_palette(tmp_path, monkeypatch):
    """enter is a newline in the notes being typed, so it must not close the notice either; nor may
    ctrl+p open a palette that would take the letters typed after it as a search for a card."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    store = store_with(tmp_path, small_apps())
    app = make_app(store)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        company = focused_company(app)
        await pilot.press("e")
        await pilot.pause()
        await type_text(pilot, "words")
        delete_elsewhere(store, company)
        app.post_message(await deletion_read(app, pilot))
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        notice = app.screen
        for key in ("enter", "y", "n", "ctrl+p", "f1", "question_mark", "space", "tab"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is notice, key
        assert str(notice.query_one("#keys").render()) == "escape  Back to the board"
        said = " ".join(str(line.render()) for line in notice.query(".detail"))
        assert "Until you press escape, keys typed now do nothing" in said


async def open_letter(app, pilot) -> None:
    await pilot.press("t")


async def open_reply(app, pilot) -> None:
    await pilot.press("r")


async def open_snooze(app, pilot) -> None:
    await pilot.press("z")


async def open_outcome(app, pilot) -> None:
    from tui.ui.board.screen import BoardScreen

    board = app.screen
    assert isinstance(board, BoardScreen)
    await board.record_outcome()  # what moving the card to closed (L, or the palette) opens


# Review T, finding 1: the screens the board opens straight over a card, not over its detail screen. What
# each is, how it opens, and what a rescue file of it holds once "extra words " is typed into it.
OVER_THE_BOARD = [
    pytest.param(open_letter, "extra words ", id="letter-t"),
    pytest.param(open_reply, "When: extra words ", id="reply-form-r"),
    pytest.param(open_snooze, "Until: extra words ", id="snooze-form-z"),
    pytest.param(open_outcome, "Outcome: ", id="outcome-form"),
]


@WAYS
@pytest.mark.parametrize(("opens", "kept"), OVER_THE_BOARD)
async def test_keys_typed_on_after_a_card_opened_from_the_board_is_deleted_never_reach_the_board(
        tmp_path, monkeypatch, burst, opens, kept):
    """`t` on a card, a few words, then the command line deletes the card: the screen closed with a toast
    and `d` `y` typed on deleted another card. Now it goes as the detail screen's do: the typed text in a
    rescue file, the notice in front, every key but escape swallowed."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    store = store_with(tmp_path, small_apps())
    app = make_app(store)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        company = focused_company(app)
        others = {"Acme", "Globex", "Initech"} - {company}
        await opens(app, pilot)
        await pilot.pause()
        over = app.screen
        assert getattr(over, "app_id", "") and len(app.screen_stack) == 2, app.screen_stack
        if kept == "Outcome: ":  # the outcome form's first field is a choice: changed, not typed into
            await pilot.press("right")
        else:
            await type_text(pilot, "extra words ")
        gone = delete_elsewhere(store, company)
        await news_then_keys(app, pilot, burst)
        assert over not in app.screen_stack
        assert_nothing_acted(app, store, others)
        assert company in str(app.screen.query_one("#question").render())
        assert kept in rescued_text(app) and gone[:8] in app.rescued[0]
        await back_on_the_board(app, pilot, others)


@WAYS
async def test_a_letter_left_with_nobody_to_write_to_by_another_process_holds_the_keys_and_keeps_the_text(
        tmp_path, monkeypatch, burst):
    """The card is still there, but another process removed the one person the open thank-you note was
    for: the letter closed with a toast ("Letter closed: …"), the words typed in it were dropped, and the
    keys typed on reached the board. Now it leaves as a deleted card's screens do."""
    from tui.core import actions
    from tui.store import Store

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    store = store_with(tmp_path, small_apps())
    app = make_app(store)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        company = focused_company(app)
        everyone = {"Acme", "Globex", "Initech"}
        await pilot.press("t")
        await pilot.pause()
        letter = app.screen
        assert getattr(letter, "app_id", "") and len(app.screen_stack) == 2, app.screen_stack
        await type_text(pilot, "extra words ")
        other = Store(store.path)
        card = next(a for a in other.load_all() if a.company == company)
        other.save(actions.update_round(card, card.rounds[0].id, interviewers=[], now=card.updated_at))
        await news_then_keys(app, pilot, burst)
        assert letter not in app.screen_stack
        assert_nothing_acted(app, store, everyone, said="was changed by another Followup process")
        assert "extra words " in rescued_text(app)
        await back_on_the_board(app, pilot, everyone)
