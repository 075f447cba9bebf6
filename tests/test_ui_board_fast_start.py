"""Starting from the index: the same board at once, the applications behind it, nothing lost or stale."""

from __future__ import annotations

import gc

import pytest

from test_ui_board_support import (
    SETTINGS,
    WIDE,
    async_test,
    board_of,
    demo_store,
    freeze_clock,  # noqa: F401  (autouse)
    stored,
)
from tui.core.stages import Stage
from tui.core.summary import rules_key
from tui.store.board_index import index_path, read_index
from tui.ui.app import FollowupApp
from tui.ui.launch import start_board


@pytest.fixture(autouse=True)
def collector_restored():
    """start_board freezes what is loaded (once per process in real use); give tests a clean collector."""
    yield
    gc.unfreeze()
    gc.enable()


def board_app(store):
    return start_board(store, SETTINGS, poll_seconds=0, write_settle=0, save_in_child=False)


def what_is_shown(app: FollowupApp) -> tuple:
    """Every column's cards (company, action, due) in order, and the sidebar's rows."""
    board = board_of(app)
    columns = tuple(
        tuple((c.company, c.action, c.due_ts, c.closing) for c in board.list_of(stage).cards) for stage in Stage
    )
    sidebar = tuple((group, d.company, d.action, d.due) for group, d in app.board_screen.sidebar.rows if d)
    return columns, sidebar, app.board_screen.title_bar.render().plain


async def run_and_quit(app: FollowupApp, keys=()) -> tuple:
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        shown = what_is_shown(app)
        for key in keys:
            await pilot.press(key)
        await pilot.press("q")
        await pilot.pause()
    return shown


@async_test
async def test_quitting_leaves_an_index_and_the_next_start_draws_the_same_board_from_it(tmp_path):
    store = demo_store(tmp_path)
    first = board_app(store)
    assert first.start_summaries is None  # nothing to start from yet
    shown_before = await run_and_quit(first)
    assert index_path(store.real_path).exists()

    second = board_app(store)
    assert second.start_summaries is not None
    async with second.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert what_is_shown(second) == shown_before
        await pilot.pause()
        second.changelog.finish_loading()
        assert second.changelog.pending is None
        assert set(second.changelog.apps) == set(board_of(second).cards)
        assert what_is_shown(second) == shown_before


@async_test
async def test_a_move_pressed_before_the_applications_are_in_waits_for_them_and_is_saved(tmp_path, monkeypatch):
    store = demo_store(tmp_path)
    await run_and_quit(board_app(store))
    monkeypatch.setattr(FollowupApp, "load_applications", lambda self: None)  # keep the load from starting
    app = board_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert app.changelog.pending is not None
        moving = board_of(app).current_id
        company = board_of(app).cards[moving].company
        await pilot.press("L")
        await app.wait_for_writes()
        assert app.changelog.pending is None
        assert board_of(app).current_id == moving and board_of(app).stage is Stage.THANKED
        doc = stored(store)[company]
        assert doc["stage"] == "thanked"
        assert doc["history"][-1]["text"] == "Interviewed → Thanked (moved by hand)"


@async_test
async def test_the_filter_waits_for_the_applications_and_then_finds_their_notes(tmp_path, monkeypatch):
    store = demo_store(tmp_path)
    await run_and_quit(board_app(store))
    monkeypatch.setattr(FollowupApp, "load_applications", lambda self: None)
    app = board_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert app.changelog.pending is not None
        await pilot.press("/", *"kafka")  # only in Acme's interviewer's topic
        await pilot.pause()
        board = board_of(app)
        assert [c.company for c in board.cards.values() if board.visible(c)] == ["Acme Robotics"]
        assert app.changelog.pending is None


@async_test
async def test_a_file_another_program_changed_is_read_afresh(tmp_path):
    store = demo_store(tmp_path)
    await run_and_quit(board_app(store))
    app_record = next(a for a in store.load_all() if a.company == "Acme Robotics")
    app_record.company = "Acme Robotics (renamed)"
    store.save(app_record)  # `followup` commands write the file without the index
    app = board_app(store)
    assert app.start_summaries is None
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert "Acme Robotics (renamed)" in {c.company for c in board_of(app).cards.values()}


@async_test
async def test_a_change_between_reading_the_index_and_loading_shows_once_loaded(tmp_path):
    store = demo_store(tmp_path)
    await run_and_quit(board_app(store))
    app = board_app(store)
    assert app.start_summaries is not None
    app_record = next(a for a in store.load_all() if a.company == "Acme Robotics")
    app_record.company = "Acme Robotics (renamed)"
    store.save(app_record)  # lands after the index was read, before the applications load
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        app.changelog.finish_loading()
        await pilot.pause()
        companies = {c.company for c in board_of(app).cards.values()}
        assert "Acme Robotics (renamed)" in companies and "Acme Robotics" not in companies


@async_test
async def test_a_file_broken_after_the_index_was_read_ends_the_board_with_the_reason(tmp_path):
    store = demo_store(tmp_path)
    await run_and_quit(board_app(store))
    app = board_app(store)
    store.real_path.write_text("{ this is not JSON")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        app.changelog.finish_loading()
        await pilot.pause()
    assert app.return_code == 2  # as the command line exits for a file it cannot read
    assert store.real_path.read_text() == "{ this is not JSON"  # never overwritten


@async_test
async def test_quitting_with_no_change_leaves_the_index_as_it_was(tmp_path):
    store = demo_store(tmp_path)
    await run_and_quit(board_app(store))
    before = index_path(store.real_path).stat().st_mtime_ns
    await run_and_quit(board_app(store), keys=["j", "l"])
    assert index_path(store.real_path).stat().st_mtime_ns == before
    assert read_index(store.real_path, rules_key(SETTINGS)) is not None


@async_test
async def test_changes_made_after_a_fast_start_are_in_the_next_index(tmp_path):
    store = demo_store(tmp_path)
    await run_and_quit(board_app(store))
    shown = await run_and_quit(board_app(store), keys=["L"])
    summaries, _ = read_index(store.real_path, rules_key(SETTINGS))
    moved = shown[0][0][0][0]  # the first card of the first column, which L moved
    assert {s.company: s.stage for s in summaries}[moved] == "thanked"
    third = board_app(store)
    assert third.start_summaries is not None


@async_test
async def test_a_card_the_index_got_wrong_is_put_right_once_the_applications_are_in(tmp_path):
    """Belt and braces: a summary of another revision than the file's is redrawn from the file."""
    from tui.store.board_index import write_index

    store = demo_store(tmp_path)
    await run_and_quit(board_app(store))
    summaries, fingerprint = read_index(store.real_path, rules_key(SETTINGS))
    wrong = summaries[0]._replace(company="Not what the file says", revision=summaries[0].revision - 1)
    write_index(store.real_path, fingerprint, rules_key(SETTINGS), [wrong, *summaries[1:]])
    app = board_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert board_of(app).cards[wrong.app_id].company == "Not what the file says"  # drawn from the index
        app.changelog.finish_loading()
        await pilot.pause()
        assert board_of(app).cards[wrong.app_id].company == app.changelog.apps[wrong.app_id].company
