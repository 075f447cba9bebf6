"""Board flows for what happens to a process: r (they replied), z (snooze), and closing by any path
asks how it ended. Keys are sent one by one and in one burst (as a slow SSH link delivers them)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from conftest import fill, palette_pick, send_keys
from tui.ui.board.screen import BoardScreen
from tui.ui.detail.process_forms import CloseForm, ReplyForm, SnoozeForm
from ui_board_helpers import (
    WIDE,
    focused_company,
    make_app,
    small_apps,
    store_with,
    stored,
)
from ui_detail_helpers import wait_until

pytestmark = pytest.mark.usefixtures("freeze_clock")  # Wed 25 Nov 2026, 10:30 in London


def initech_only(tmp_path):
    """Initech alone, in *awaiting*: its follow-up was due Tue 24 Nov 10:30, a day ago."""
    return store_with(tmp_path, [small_apps()[2]])


def hint(app, name: str) -> str:
    return str(app.screen.query_one(f"#hint-{name}", Static).render())


@pytest.mark.parametrize("burst", [False, True], ids=["one-by-one", "burst"])
async def test_r_records_their_reply_when_and_how_and_restarts_the_wait(tmp_path, burst):
    store = initech_only(tmp_path)
    app = make_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await send_keys(app, pilot, burst, "r", "mon 16:00", "tab", "tab", "said next week", "enter")
        await wait_until(pilot, lambda: stored(store)["Initech"]["contacts"])  # a burst is handled after `send`
        await app.wait_for_writes()
        assert isinstance(app.screen, BoardScreen)
        doc = stored(store)["Initech"]
        reply = doc["contacts"][-1]
        assert (reply["kind"], reply["inbound"], reply["at"], reply["summary"]) == (
            "reply", True, "2026-11-23T16:00:00Z", "said next week")  # Monday just gone, not next Monday
        assert doc["stage"] == "awaiting"
        sidebar = app.screen.sidebar
        follow = [d for _, d in sidebar.rows if d is not None and d.app_id == doc["id"]]
        assert [d.due.isoformat() for d in follow] == ["2026-11-30T16:00:00+00:00"]  # reply + 5 business days


async def test_the_reply_form_says_what_it_understood_and_refuses_the_future(tmp_path):
    app = make_app(initech_only(tmp_path))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        assert isinstance(app.screen, ReplyForm)
        fill(app.screen, at="yesterday 16:00")  # typing into this form: the one-by-one test above
        await pilot.pause()
        assert hint(app, "at") == "✓ Tue 24 Nov 16:00 · 19 hours ago"  # 18.5 h, to the nearest hour
        app.screen.query_one("#field-at").value = "tomorrow"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReplyForm)  # not saved
        error = str(app.screen.query_one("#error-at", Static).render())
        assert "in the future" in error and "tomorrow" in error


@pytest.mark.parametrize("burst", [False, True], ids=["one-by-one", "burst"])
async def test_z_snoozes_the_cards_next_deadline_with_a_reason(tmp_path, burst):
    store = initech_only(tmp_path)
    app = make_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await send_keys(app, pilot, burst, "z", "mon 10:00", "tab", "they are away", "enter")
        await wait_until(pilot, lambda: stored(store)["Initech"]["snoozes"])
        await app.wait_for_writes()
        assert isinstance(app.screen, BoardScreen)
        snooze = stored(store)["Initech"]["snoozes"][0]
        assert (snooze["kind"], snooze["until"], snooze["reason"]) == (
            "follow-up", "2026-11-30T10:00:00Z", "they are away")
        rows = [d for _, d in app.screen.sidebar.rows if d is not None]
        assert rows[0].is_snoozed and rows[0].reason == "they are away"
        assert any("snoozed: they are" in line for line in screen_lines(app)), screen_lines(app)


async def test_z_on_a_card_snoozes_the_next_task_its_sidebar_rows_show(tmp_path):
    store = store_with(tmp_path, small_apps())
    app = make_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        from tui.core.deadlines import NOT_SNOOZABLE

        card = app.screen.current_app_id()
        shown = [d for _, d in app.screen.sidebar.rows
                 if d is not None and d.app_id == card and d.kind not in NOT_SNOOZABLE]
        await pilot.press("z")
        await pilot.pause()
        assert isinstance(app.screen, SnoozeForm)
        assert app.screen.deadline is min(shown, key=lambda d: d.due)  # the row itself, not a second reckoning


def screen_lines(app) -> list[str]:
    sidebar = app.screen.sidebar
    return ["".join(s.text for s in sidebar.render_line(y)) for y in range(sidebar.size.height)]


async def test_a_snooze_not_after_the_deadline_is_refused(tmp_path):
    store = initech_only(tmp_path)
    app = make_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("z")
        fill(app.screen, until="last mon 9:00")
        await pilot.pause()
        assert not app.screen.query_one("#hint-until", Static).has_class("shown")  # no ✓ for a time refused
        refusal = "Mon 23 Nov 09:00 is before the deadline, Tue 24 Nov 10:30: pick a later time"  # how it was read
        assert refusal in str(app.screen.query_one("#error-until", Static).render())  # said as it is typed
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SnoozeForm)
        assert refusal in str(app.screen.query_one("#error-until", Static).render())
        fill(app.screen, until="yesterday 23:00")  # after the deadline, but already past
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Tue 24 Nov 23:00 has passed: pick a time still to come" in str(
            app.screen.query_one("#error-until", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        if not isinstance(app.screen, BoardScreen):
            await pilot.press("y")  # drop the typed edits
            await pilot.pause()
        await app.wait_for_writes()
        assert stored(store)["Initech"]["snoozes"] == []


async def test_z_on_a_sidebar_row_snoozes_that_row(tmp_path):
    store = store_with(tmp_path, small_apps())
    app = make_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("tab")  # to the sidebar
        sidebar = app.screen.sidebar
        rows = [d for _, d in sidebar.rows if d is not None]
        await pilot.press("j")  # the second deadline
        await pilot.pause()
        target = rows[1]
        await pilot.press("z")
        await pilot.pause()
        assert isinstance(app.screen, SnoozeForm) and app.screen.deadline == target


@pytest.mark.parametrize("burst", [False, True], ids=["one-by-one", "burst"])
async def test_moving_a_card_into_closed_asks_how_it_ended(tmp_path, burst):
    store = initech_only(tmp_path)
    app = make_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await send_keys(app, pilot, burst, "L")  # awaiting -> followed up: no question
        await app.wait_for_writes()
        assert stored(store)["Initech"]["stage"] == "followed-up"
        await send_keys(app, pilot, burst, "L", "tab", "yesterday 17:00", "enter", "enter")  # the last enter saves
        await wait_until(pilot, lambda: stored(store)["Initech"]["stage"] == "closed")
        await app.wait_for_writes()
        assert isinstance(app.screen, BoardScreen)
        doc = stored(store)["Initech"]
        assert (doc["stage"], doc["outcome"], doc["outcome_at"]) == ("closed", "rejected", "2026-11-24T17:00:00Z")
        rows = [d for _, d in app.screen.sidebar.rows if d is not None]
        assert [d.kind.value for d in rows] == ["rejection-reply"]
        assert rows[0].due.isoformat() == "2026-11-26T17:00:00+00:00"  # 48 h later, inside working hours
        assert focused_company(app) == "Initech"


async def test_escape_on_the_outcome_form_leaves_the_card_where_it_was(tmp_path):
    store = initech_only(tmp_path)
    app = make_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await palette_pick(pilot, "Record outcome")
        assert isinstance(app.screen, CloseForm)
        await pilot.press("escape")
        await pilot.pause()
        await app.wait_for_writes()
        assert isinstance(app.screen, BoardScreen) and stored(store)["Initech"]["stage"] == "awaiting"


async def test_the_outcome_form_refuses_a_keep_in_touch_time_already_past(tmp_path):
    """Review: `yesterday 10am` was shown with a ✓; keep in touch looks ahead, as `followup close` says."""
    store = initech_only(tmp_path)
    before = Path(store.path).read_bytes()
    app = make_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await palette_pick(pilot, "Record outcome")
        fill(app.screen, keep_in_touch="yesterday 10am")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CloseForm)
        assert "is not ahead" in str(app.screen.query_one("#error-keep_in_touch", Static).render())
    assert Path(store.path).read_bytes() == before


async def test_r_and_z_are_in_the_footer_in_product_order(tmp_path):
    app = make_app(initech_only(tmp_path))
    async with app.run_test(size=(200, 40)) as pilot:
        await pilot.pause()
        from tui.ui.keybar import KeyBar

        bar = app.screen.query_one(KeyBar)
        shown = [key for key, _ in bar.entries()[0]]
        assert shown.index("u") < shown.index("r") < shown.index("z") < shown.index("e")


async def test_z_on_a_card_with_only_an_interview_says_what_the_command_line_says(tmp_path):
    """Review T #14: the board and `followup snooze` worded "nothing to snooze" differently; both take the
    core's one wording now (snoozing.nothing_to_snooze), on a card and on a sidebar interview row."""
    import pendulum

    from tui.core import actions

    now = pendulum.datetime(2026, 11, 25, 10, 30, tz="Europe/London")
    glob = actions.new_application("Glob", "Dev", now=now, round_at=now.add(days=5))
    store = store_with(tmp_path, [glob])
    app = make_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("z")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        said = [n.message for n in app._notifications]
        assert said[-1] == "Nothing of yours to snooze on Glob (an interview happens at a fixed time)."
        await pilot.press("tab")  # to the sidebar: the interview's row
        await pilot.press("z")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        said = [n.message for n in app._notifications]
        assert said[-1].startswith("Interview ") and said[-1].endswith(
            "— Glob is not yours to snooze: an interview happens at a fixed time."), said
