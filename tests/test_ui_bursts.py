"""Every form and dialog takes a burst of keys as it takes the same keys typed one by one.

Over a slow SSH link keys arrive together; each test sends one key sequence
both ways (Pilot's `press`, which waits for the app after every key, and
`burst_keys`, which posts them all at once) and checks the same fields and the
same saved record. The reply, snooze and outcome forms are covered the same way
in test_ui_board_process.py, `d`+`y` / `d`+`enter` in test_ui_board_forms.py.

Some tests here open the form or bar with Pilot and send what is typed in it
as a burst; test_ui_bursts_detail.py sends the detail screen's keys, `/` and
the confirm dialog's answers in the same burst as what follows them.
"""

from __future__ import annotations

from conftest import WAYS, send_keys
from tui.ui.board.screen import BoardScreen
from tui.ui.detail.screen import DetailScreen
from tui.ui.screens.new_application import NewApplicationScreen
from ui_board_helpers import NARROW, WIDE, board_of, focused_company, make_app, small_apps, store_with, stored
from ui_detail_helpers import acme, board, make_db, on_disk, open_card, wait_until


@WAYS
async def test_new_application_with_tab_backspace_and_enter(tmp_path, burst, freeze_clock):
    store = store_with(tmp_path, [])
    app = make_app(store)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await send_keys(app, pilot, burst, "n", "Acmex", "backspace", "tab", "Dev", "enter", "enter",
                   "yesterday 10am", "shift+tab", "Onsite", "tab", "tab", "Dana Kim; Lee Park", "enter")
        await wait_until(pilot, lambda: "Acme" in stored(store))
        await app.wait_for_writes()
        doc = stored(store)["Acme"]
        assert (doc["role"], doc["rounds"][0]["name"]) == ("Dev", "Onsite")
        assert doc["rounds"][0]["at"] == "2026-11-24T10:00:00Z"
        assert [i["name"] for i in doc["rounds"][0]["interviewers"]] == ["Dana Kim", "Lee Park"]
        assert isinstance(app.screen, BoardScreen)


@WAYS
async def test_escape_then_y_drops_a_typed_form_and_escape_then_n_keeps_it(tmp_path, burst, freeze_clock):
    store = store_with(tmp_path, [])
    app = make_app(store)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await send_keys(app, pilot, burst, "n", "Hooli", "escape", "n")  # the confirm dialog: keep editing
        await wait_until(pilot, lambda: isinstance(app.screen, NewApplicationScreen))
        assert app.screen.raw("company") == "Hooli"
        await send_keys(app, pilot, burst, "tab", "SRE", "escape", "y")  # throw it away
        await wait_until(pilot, lambda: isinstance(app.screen, BoardScreen))
        await app.wait_for_writes()
        assert stored(store) == {}


@WAYS
async def test_enter_on_the_confirm_dialog_declines(tmp_path, burst, freeze_clock):
    app = make_app(store_with(tmp_path, []))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await send_keys(app, pilot, burst, "n", "Hooli", "escape", "enter")
        await send_keys(app, pilot, burst, "Co")
        # back in the form, nothing dropped, and typing goes on there. Waited for, not looked at after a
        # pause: on a loaded machine a pause can return with keys of the burst still queued.
        await wait_until(pilot, lambda: isinstance(app.screen, NewApplicationScreen)
                         and app.screen.raw("company") == "HooliCo")
        assert len(app.screen_stack) == 2  # the board and the form: the question is gone


@WAYS
async def test_filter_bar_keeps_or_clears_the_typed_filter(tmp_path, burst, freeze_clock):
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await send_keys(app, pilot, burst, "lumb", "enter")  # a key after enter would still land in the bar
        board_widget = board_of(app)
        await wait_until(pilot, lambda: board_widget.needle == "lumb" and board_widget.focused)
        assert focused_company(app) == "Initech" and isinstance(app.screen, BoardScreen)
        await pilot.press("slash")
        await send_keys(app, pilot, burst, "escape")
        await wait_until(pilot, lambda: board_widget.needle == "")


@WAYS
async def test_round_form(tmp_path, frozen, burst):
    db = make_db(tmp_path, acme(frozen))
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await open_card(pilot)
        await pilot.press("2", "n")
        await send_keys(followup, pilot, burst, "Final", "tab", "yesterday 15:00", "tab",
                   "Ann Lee <ann@acme.com>; Bo Chan", "enter")
        await wait_until(pilot, lambda: isinstance(followup.screen, DetailScreen))
        saved = await on_disk(pilot, db, followup.screen.app_id)
        final = saved.rounds[-1]
        assert final.name == "Final" and final.at.isoformat() == "2026-11-30T14:00:00+00:00"  # 15:00 Berlin
        assert [(p.name, p.email) for p in final.interviewers] == [("Ann Lee", "ann@acme.com"), ("Bo Chan", "")]


@WAYS
async def test_interviewer_form_with_its_link_fields(tmp_path, frozen, burst):
    """The reported case: `tab` between fields in a burst once put every word into the first field."""
    db = make_db(tmp_path, acme(frozen))
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await open_card(pilot)
        await pilot.press("2", "end", "p")
        await send_keys(followup, pilot, burst, "Bo", "tab", "Staff Engineer", "tab", "bo@acme.com",
                   "tab", "log compaction", "tab", "https://example.com/talk", "tab", "the talk", "enter")
        await wait_until(pilot, lambda: isinstance(followup.screen, DetailScreen))
        saved = await on_disk(pilot, db, followup.screen.app_id)
        bo = saved.latest_round.interviewers[-1]
        assert (bo.name, bo.title, bo.email, bo.topic, bo.link, bo.link_note) == (
            "Bo", "Staff Engineer", "bo@acme.com", "log compaction", "https://example.com/talk", "the talk")


@WAYS
async def test_direction_form_across_its_select(tmp_path, frozen, burst):
    db = make_db(tmp_path, acme(frozen))
    followup = board(db)
    async with followup.run_test(size=(80, 24)) as pilot:
        await open_card(pilot)
        await pilot.press("3", "n")
        await send_keys(followup, pilot, burst, "send refs", "tab", "tab", "fri 17:00", "enter")
        await wait_until(pilot, lambda: isinstance(followup.screen, DetailScreen))
        saved = await on_disk(pilot, db, followup.screen.app_id)
        direction = saved.directions[-1]
        assert (direction.text, direction.kind.value) == ("send refs", "do-by")
        assert direction.due.isoformat() == "2026-12-04T16:00:00+00:00"  # Fri 17:00 Berlin


@WAYS
async def test_sent_at_form(tmp_path, letter_env, burst):
    from ui_letters_helpers import DANA, LetterHarness, frozen_now, interviewed
    from ui_letters_helpers import stored as letter_stored

    now = frozen_now()
    app = interviewed(now, DANA)
    db = make_db(tmp_path, app)
    host = LetterHarness(db, app.id, "thank-you")
    async with host.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await send_keys(host, pilot, burst, "ctrl+b", "today 9:30", "enter", "y")
        await wait_until(pilot, lambda: letter_stored(db, app.id).interviewers()[0].thanked_at is not None)
    assert letter_stored(db, app.id).contacts[-1].at == now.replace(hour=9, minute=30)
