"""Other processes, failed writes, quitting with pending input, signals, tiny terminals, the clock."""

from __future__ import annotations

import json
import signal

import pendulum
import pytest
from textual.screen import Screen

from conftest import WAYS, send_keys
from tui.core import actions
from tui.store import Store
from tui.ui.board.screen import BoardScreen
from tui.ui.screens.too_small import TooSmallScreen
from ui_board_helpers import (
    NARROW,
    SETTINGS,
    WIDE,
    board_of,
    company_of,
    focused_company,
    make_app,
    shown_ids,
    small_apps,
    store_with,
    stored,
)
from ui_detail_helpers import notes_typed_then_window_too_small, wait_until

pytestmark = pytest.mark.usefixtures("freeze_clock")  # the board's frozen clock, conftest.py


def other_process_moves(store: Store, company: str, stage: str) -> None:
    other = Store(store.path)
    app = next(a for a in other.load_all() if a.company == company)
    other.save(actions.move(app, stage, now=pendulum.now("UTC")))


async def test_the_board_picks_up_another_process_and_keeps_the_focus(tmp_path):
    store = store_with(tmp_path, small_apps())
    app = make_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("j")
        assert focused_company(app) == "Globex"
        other_process_moves(store, "Globex", "awaiting")
        Store(store.path).add(actions.new_application("Hooli", "SRE", now=pendulum.now("UTC")))
        app.poll_store()  # what the 1-second timer does
        await wait_until(pilot, lambda: len(board_of(app).cards) == 4)
        assert sorted(company_of(app, i) for i in shown_ids(app, "awaiting")) == ["Globex", "Initech"]
        assert focused_company(app) == "Globex"
        app.poll_store()  # nothing new: no reload asked
        assert not app._reload_asked


async def test_our_own_writes_do_not_trigger_a_reload(tmp_path):
    store = store_with(tmp_path, small_apps())
    app = make_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("L")
        await app.wait_for_writes()
        app.poll_store()
        assert not app._reload_asked


async def test_a_refused_write_is_undone_on_screen_and_explained(tmp_path):
    store = store_with(tmp_path, small_apps())
    app = make_app(store, write_settle=1.5)  # time enough to see the move before the refusal, even on a busy CI
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        other_process_moves(store, "Acme", "closed")  # the board has not polled yet
        await pilot.press("L")
        assert board_of(app).stage.value == "thanked"  # shown at once...
        await app.wait_for_writes()
        await wait_until(pilot, lambda: any("Not saved" in n.message for n in app._notifications))
        message = next(n.message for n in app._notifications if "Not saved" in n.message)
        assert "changed by another Followup process" in message
        await wait_until(pilot, lambda: shown_ids(app, "thanked") == [])
        assert stored(store)["Acme"]["stage"] == "closed"  # theirs is kept
        assert [company_of(app, i) for i in shown_ids(app, "closed")] == ["Acme"]
        assert app.changelog.undo_stack == []


async def test_undo_refuses_over_another_process(tmp_path):
    store = store_with(tmp_path, small_apps())
    app = make_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("L")
        await app.wait_for_writes()
        other_process_moves(store, "Acme", "closed")
        app.poll_store()
        await wait_until(pilot, lambda: shown_ids(app, "thanked") == [])
        await pilot.press("u")
        await pilot.pause()
        assert any("Cannot undo" in n.message for n in app._notifications)
        assert stored(store)["Acme"]["stage"] == "closed"


async def test_an_undo_written_after_another_process_changed_the_card_says_it_cannot_undo(tmp_path):
    """Review S1 3: the other process wrote before the board's poll saw it, so the undo was refused at the
    write: "Not saved … try again" had the user press u again, which undid another card's change."""
    store = store_with(tmp_path, small_apps())
    app = make_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("L")  # Acme to Thanked
        await app.wait_for_writes()
        other_process_moves(store, "Acme", "closed")  # the board has not polled yet
        await pilot.press("u")
        await app.wait_for_writes()
        await wait_until(pilot, lambda: any("Cannot undo" in n.message for n in app._notifications))
        message = next(n.message for n in app._notifications if "Cannot undo" in n.message)
        assert "changed by another Followup process" in message and "its newer state is kept" in message
        assert not any("Not saved" in n.message or "try again" in n.message for n in app._notifications)
        assert stored(store)["Acme"]["stage"] == "closed"  # theirs is kept


class PendingInput(Screen):
    """Stands in for the detail screen: holds typed text until flushed."""

    def __init__(self, app_id: str) -> None:
        super().__init__()
        self.app_id = app_id
        self.flushed = 0

    def flush_pending(self) -> None:
        self.flushed += 1
        self.app.apply_change(self.app_id, lambda a: actions.set_notes(a, "typed", now=pendulum.now("UTC")),
                              "Edit notes")


async def test_quitting_flushes_pending_input_and_writes(tmp_path):
    for key in ("q", "ctrl+c"):
        store = store_with(tmp_path / key, small_apps())
        app = make_app(store, write_settle=0.2)  # a slow writer: quitting must still wait for it
        async with app.run_test(size=WIDE) as pilot:
            await pilot.pause()
            await pilot.press("L")
            acme_id = board_of(app).current_id
            if key == "q":
                await pilot.press("q")
            else:
                pending = PendingInput(acme_id)
                await app.push_screen(pending)
                await pilot.press("ctrl+c")
            await wait_until(pilot, lambda app=app: app.return_code is not None)  # the quit waits for the writer
        assert app.return_code == 0
        doc = stored(store)["Acme"]
        assert doc["stage"] == "thanked"
        if key == "ctrl+c":
            assert pending.flushed == 1 and doc["notes"] == "typed"


async def test_sigterm_saves_and_exits(tmp_path):
    store = store_with(tmp_path, small_apps())
    app = make_app(store, write_settle=0.2)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        pending = PendingInput(board_of(app).current_id)
        await app.push_screen(pending)
        app.on_signal(signal.SIGTERM)
        await wait_until(pilot, lambda: app.return_code is not None)  # it leaves by itself
    assert app.return_code == 0
    assert pending.flushed == 1
    assert stored(store)["Acme"]["notes"] == "typed"


async def test_a_tiny_terminal_asks_for_a_larger_window(tmp_path):
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=(50, 12)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        assert "Make the window larger" in str(app.screen.query_one("#message").render())
        await pilot.resize_terminal(*NARROW)
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        assert focused_company(app) == "Acme"


@WAYS
async def test_what_is_typed_while_the_window_is_too_small_goes_on_in_the_notes(tmp_path, burst):
    """A tmux pane narrowed mid-sentence: the keys are kept (a `q` among them quits nothing) and land in
    the notes once the window is wide enough again."""
    store = store_with(tmp_path, small_apps())
    app = make_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await send_keys(app, pilot, burst, "e", "ctrl+end", " call")
        await pilot.resize_terminal(40, 24)
        assert isinstance(app.screen, TooSmallScreen)
        await send_keys(app, pilot, burst, " a quick note")
        assert "13 keys typed, kept for then" in str(app.screen.query_one("#message").render())
        await pilot.resize_terminal(*WIDE)
        await wait_until(pilot, lambda: app.screen.notes.text.endswith("note"))
        assert app.screen.notes.text.endswith(" call a quick note") and app.return_code is None


async def test_ctrl_q_while_the_window_is_too_small_saves_what_was_typed_meanwhile(tmp_path):
    """The kept keys go in before quitting; f1 and ctrl+p open nothing over the 'larger' screen (the
    screen they open would take the text typed after them): the screen says where they work."""
    store = store_with(tmp_path, small_apps())
    app = make_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await notes_typed_then_window_too_small(pilot)
        await pilot.press("f1", "ctrl+p")
        assert isinstance(app.screen, TooSmallScreen) and len(app.screen_stack) == 3
        # review O: f1 was dropped without a word; it is answered (a larger window), not kept
        assert "f1 (help) and ctrl+p (palette) are not kept: press them again once the window is larger" in str(
            app.screen.query_one("#message").render()).replace("\n", " ")
        await pilot.press(*" while small", "ctrl+q")
        await wait_until(pilot, lambda: app.return_code is not None)
    assert stored(store)["Acme"]["notes"].endswith(" before while small")



@pytest.mark.parametrize("typed", [("enter",), ("n", "enter"), ("n", "ctrl+j")], ids=["enter", "n-enter", "n-ctrl+j"])
@WAYS
async def test_quitting_hands_keys_kept_while_small_to_an_open_palette_and_still_quits(tmp_path, typed, burst):
    """Fuzz fz3 2: the palette open, the window narrowed, then enter and escapes typed and ctrl+q: the kept
    keys went to the palette at the quit, its enter waited for the palette the escape was closing, and the
    app never ended (deaf to every key and to SIGTERM)."""
    store = store_with(tmp_path, small_apps())
    app = make_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *typed[:-1])
        await pilot.resize_terminal(40, 12)
        await send_keys(app, pilot, burst, typed[-1], "escape", "escape", "escape", "escape")
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: app.return_code is not None)
    assert app.return_code == 0


@WAYS
async def test_an_escape_kept_while_small_after_a_palette_pick_closes_it_without_a_search(tmp_path, burst):
    """Fuzz fz4 A: `1`, ctrl+j (enter) and escape kept while the window was too small, then the window
    made larger: the escape closed the palette while its enter was on the way, the enter started a search on
    the closing palette, and the search, finding no list there, ended the app (NoMatches 'CommandList')."""
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.resize_terminal(40, 12)
        await send_keys(app, pilot, burst, "1", "ctrl+j", "escape")
        await pilot.resize_terminal(*WIDE)
        await wait_until(pilot, lambda: isinstance(app.screen, BoardScreen))
        for _ in range(5):
            await pilot.pause()
        assert app.is_running and app._exception is None and isinstance(app.screen, BoardScreen)

async def test_relative_times_move_on_with_the_clock(tmp_path, monkeypatch):
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        column = board_of(app).list_of(board_of(app).stage)
        # below the header: Acme's thank-you, due 24 h after the round
        assert "6 h overdue" in column.render_line(1 + 3).text
        assert app.board_screen.sidebar.counts["overdue"] == 2  # Acme's thank-you, Initech's follow-up
        monkeypatch.setenv("FOLLOWUP_NOW", "2026-11-27T10:30:00+00:00")
        app.tick()
        await pilot.pause()
        assert "2 d overdue" in column.render_line(1 + 3).text
        assert app.board_screen.sidebar.counts["overdue"] == 3  # ... and now Globex's thank-you


async def test_a_round_that_takes_place_while_the_board_is_open_gives_way_to_its_thank_you(tmp_path, monkeypatch):
    """Review: the card moved to interviewed, but the card and the sidebar kept 'interview … 1 min
    overdue' (worked out with the minute before) until a restart."""
    from tui.core.parts import Interviewer

    soon = pendulum.parse("2026-11-25T10:32:00Z")  # two minutes after the board's frozen clock
    hooli = actions.new_application("Hooli", "SRE", now=soon.subtract(days=1), round_at=soon,
                                    interviewers=[Interviewer(name="Uma Rao")])
    app = make_app(store_with(tmp_path, [hooli]))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert [e[-1].kind.value for e in app.board_screen.sidebar.ordered] == ["interview"]
        monkeypatch.setenv("FOLLOWUP_NOW", "2026-11-25T10:33:00+00:00")
        app.tick()
        await pilot.pause()
        assert app.changelog.apps[hooli.id].stage.value == "interviewed"
        kinds = [e[-1].kind.value for e in app.board_screen.sidebar.ordered]
        assert kinds == ["thank-you"] and app.board_screen.sidebar.counts.get("overdue", 0) == 0
        assert "interview" not in board_of(app).list_of(board_of(app).stage).render_line(1 + 2).text


async def test_sighup_saves_and_leaves_without_the_terminal(tmp_path):
    store = store_with(tmp_path, small_apps())
    app = make_app(store, write_settle=0.2)
    exits = []
    async with app.run_test(size=WIDE) as pilot:
        app._hard_exit = exits.append
        await pilot.pause()
        await pilot.press("L")
        pending = PendingInput(board_of(app).current_id)
        await app.push_screen(pending)
        app.on_signal(signal.SIGHUP)
        assert exits == [0]  # the writes were finished before leaving
        doc = stored(store)["Acme"]
        assert doc["stage"] == "thanked" and doc["notes"] == "typed"


async def test_a_hang_up_on_the_demo_deletes_its_throw_away_copy(tmp_path):
    """Review: /tmp/followup-demo-* folders were left behind by every dropped SSH session."""
    folder = tmp_path / "followup-demo-x"
    app = make_app(store_with(folder, small_apps()), demo=True)
    exits = []
    async with app.run_test(size=WIDE) as pilot:
        app._hard_exit = exits.append
        await pilot.pause()
        app.on_signal(signal.SIGHUP)
        assert exits == [0] and not folder.exists()


async def test_the_read_only_banner_and_toast_count_damaged_records_in_the_plural(tmp_path):
    from tui.ui.launch import start_board

    store = store_with(tmp_path, small_apps())
    data = json.loads(store.path.read_bytes())
    for doc in list(data["applications"].values())[:2]:
        doc["stage"] = "nowhere"
    store.path.write_text(json.dumps(data))
    app = start_board(store, SETTINGS, poll_seconds=0, write_settle=0)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert "READ-ONLY: 2 damaged records left out" in str(app.board_screen.title_bar.render())
        assert any("has 2 damaged records, so nothing" in n.message for n in app._notifications)


async def test_a_damaged_file_opens_read_only_with_a_banner_and_is_never_written(tmp_path):
    from tui.ui.launch import start_board

    store = store_with(tmp_path, small_apps())
    data = json.loads(store.path.read_bytes())
    next(iter(data["applications"].values()))["stage"] = "nowhere"  # Acme, damaged by hand
    store.path.write_text(json.dumps(data))
    before = store.path.read_bytes()
    app = start_board(store, SETTINGS, poll_seconds=0, write_settle=0)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        title = str(app.board_screen.title_bar.render())
        assert "READ-ONLY: 1 damaged record left out" in title  # review R: not "record(s)"
        assert any("has 1 damaged record, so nothing" in n.message for n in app._notifications)
        assert sorted(a.company for a in app.changelog.apps.values()) == ["Globex", "Initech"]
        moving = board_of(app).current_id
        await pilot.press("L", "d", "y", "u")
        await app.wait_for_writes()
        assert app.changelog.apps[moving].stage.value == "interviewed"
        assert len(app.changelog.apps) == 2
    assert store.path.read_bytes() == before


async def test_a_data_file_that_cannot_be_written_is_said_at_start_and_nothing_is_typed_in_vain(tmp_path):
    import os

    from tui.ui.launch import start_board

    store = store_with(tmp_path, small_apps())
    before = store.path.read_bytes()
    os.chmod(store.path, 0o444)  # no write bit: refused by mode, so this holds as root too
    try:
        app = start_board(store, SETTINGS, poll_seconds=0, write_settle=0)
        async with app.run_test(size=WIDE) as pilot:
            await pilot.pause()
            assert "READ-ONLY" in str(app.board_screen.title_bar.render())
            assert "read-only" in app.changelog.read_only
            await pilot.press("L")
            await app.wait_for_writes()
            assert all(a.stage.value != "thanked" or a.company == "Initech" for a in app.changelog.apps.values())
    finally:
        os.chmod(store.path, 0o644)
    assert store.path.read_bytes() == before
