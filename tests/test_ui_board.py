"""The board's keys: focus, moving cards, undo, opening, letters, sidebar; checked against the file."""

from __future__ import annotations

import pytest

from conftest import WAYS, send_keys
from tui.core.stages import Stage
from tui.ui.app import FollowupApp
from ui_board_helpers import (
    NARROW,
    SETTINGS,
    WIDE,
    board_of,
    company_of,
    demo_store,
    focused_company,
    make_app,
    shown_ids,
    small_apps,
    store_with,
    stored,
)

pytestmark = pytest.mark.usefixtures("freeze_clock")  # the board's frozen clock, conftest.py


async def test_opens_on_the_first_card_of_the_first_non_empty_column(tmp_path):
    apps = small_apps()
    store = store_with(tmp_path, [apps[2]])  # only Initech, in awaiting
    app = make_app(store)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        assert focused_company(app) == "Initech"
        assert board_of(app).stage is Stage.AWAITING
        assert board_of(app).focused


async def test_the_most_pressing_card_comes_first(tmp_path):
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        # Acme's thank-you is 6 h overdue, Globex's due in 21 h
        assert [company_of(app, i) for i in shown_ids(app, "interviewed")] == ["Acme", "Globex"]
        assert focused_company(app) == "Acme"


@pytest.mark.parametrize("size", [NARROW, WIDE])
async def test_arrows_and_hjkl_move_the_focus(tmp_path, size):
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("j")
        assert focused_company(app) == "Globex"
        await pilot.press("k")
        assert focused_company(app) == "Acme"
        await pilot.press("down")
        assert focused_company(app) == "Globex"
        await pilot.press("up")
        assert focused_company(app) == "Acme"
        await pilot.press("l")  # thanked is empty: skipped
        assert focused_company(app) == "Initech"
        await pilot.press("h")
        assert focused_company(app) == "Acme"
        await pilot.press("right")
        assert focused_company(app) == "Initech"
        await pilot.press("left")
        assert focused_company(app) == "Acme"
        await pilot.press("G")
        assert focused_company(app) == "Globex"
        await pilot.press("g")
        assert focused_company(app) == "Acme"


async def test_L_and_H_move_the_card_keeping_the_focus_and_save_it(tmp_path):
    store = store_with(tmp_path, small_apps())
    app = make_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("L")
        await app.wait_for_writes()
        assert focused_company(app) == "Acme" and board_of(app).stage is Stage.THANKED
        doc = stored(store)["Acme"]
        assert doc["stage"] == "thanked"
        assert doc["history"][-1]["text"] == "Interviewed → Thanked (moved by hand)"
        await pilot.press("shift+right")
        await pilot.press("L")
        await app.wait_for_writes()
        assert stored(store)["Acme"]["stage"] == "followed-up"
        assert focused_company(app) == "Acme" and board_of(app).stage is Stage.FOLLOWED_UP
        await pilot.press("H")
        await pilot.press("shift+left")
        await app.wait_for_writes()
        assert stored(store)["Acme"]["stage"] == "thanked"
        assert focused_company(app) == "Acme"
        headers = {s: board_of(app).list_of(s).header_label for s in (Stage.THANKED, Stage.INTERVIEWED)}
        assert headers == {Stage.THANKED: "Thanked 1", Stage.INTERVIEWED: "Interviewed 1"}


async def test_moving_past_the_last_stage_says_so_and_writes_nothing(tmp_path):
    apps = small_apps()
    store = store_with(tmp_path, apps)
    app = make_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("H")
        await pilot.pause()
        assert stored(store)["Acme"]["revision"] == 1
        assert any("already in Interviewed" in n.message for n in app._notifications)


@WAYS
async def test_the_same_toast_again_while_it_is_up_is_not_stacked_under_it(tmp_path, burst):
    """H three times on the first column, u twice with nothing to undo: each says so once while its toast is
    up, not once a press down the board's right side; another message still shows beside it."""
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await send_keys(app, pilot, burst, "H", "H", "H", "u", "u")
        said = [n.message for n in app._notifications]
        assert sum("already in Interviewed" in m for m in said) == 1
        assert said.count("Nothing to undo.") == 1
        app.clear_notifications()  # taken down early (a save on the letters screen does): said again
        await send_keys(app, pilot, burst, "u")
        assert [n.message for n in app._notifications] == ["Nothing to undo."]


async def test_u_undoes_many_steps_and_the_file_follows(tmp_path):
    store = store_with(tmp_path, small_apps())
    app = make_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("L", "L", "L")
        await app.wait_for_writes()
        assert stored(store)["Acme"]["stage"] == "followed-up"
        await pilot.press("u")
        await app.wait_for_writes()
        assert stored(store)["Acme"]["stage"] == "awaiting"
        assert focused_company(app) == "Acme" and board_of(app).stage is Stage.AWAITING
        await pilot.press("u", "u")
        await app.wait_for_writes()
        doc = stored(store)["Acme"]
        assert doc["stage"] == "interviewed"
        assert [e["text"] for e in doc["history"]][-1] == "Undid: Move Acme to Thanked"
        await pilot.press("u")
        await pilot.pause()
        assert any(n.message == "Nothing to undo." for n in app._notifications)


@WAYS
async def test_shift_u_redoes_what_u_undid_and_follows_the_card(tmp_path, burst):
    store = store_with(tmp_path, small_apps())
    app = make_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await send_keys(app, pilot, burst, "L", "L", "u", "u", "j", "U", "U")
        await app.wait_for_writes()
        assert stored(store)["Acme"]["stage"] == "awaiting"
        assert focused_company(app) == "Acme" and board_of(app).stage is Stage.AWAITING
        await send_keys(app, pilot, burst, "U")
        assert any(n.message.startswith("Nothing to redo") for n in app._notifications)


async def test_changes_are_there_after_a_restart(tmp_path):
    store = store_with(tmp_path, small_apps())
    app = make_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("L")
        await pilot.press("q")
    again = make_app(type(store)(store.path))
    async with again.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert [company_of(again, i) for i in shown_ids(again, "thanked")] == ["Acme"]


async def test_enter_opens_the_card_and_e_opens_its_notes(tmp_path):
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert getattr(app.screen, "app_id", None) == board_of(app).current_id
        assert getattr(app.screen, "section", "") == ""
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.board_screen
        await pilot.press("e")
        await pilot.pause()
        assert getattr(app.screen, "section", None) == "notes"


async def test_t_and_f_ask_for_letters(tmp_path):
    requested = []

    class Recording(FollowupApp):
        async def open_letters(self, app_id, kind):
            requested.append((app_id, kind))

    app = Recording(store_with(tmp_path, small_apps()), SETTINGS, poll_seconds=0)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        acme_id = board_of(app).current_id
        await pilot.press("t")
        await pilot.press("f")
        await pilot.pause()
        assert requested == [(acme_id, "thank-you"), (acme_id, "follow-up")]


async def test_sidebar_starts_hidden_when_narrow_and_s_toggles_it(tmp_path):
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        sidebar = app.board_screen.sidebar
        assert not sidebar.display
        await pilot.press("s")
        assert sidebar.display
        await pilot.press("s")
        assert not sidebar.display


async def test_sidebar_groups_deadlines_and_enter_jumps_to_the_card(tmp_path):
    app = make_app(demo_store(tmp_path))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        sidebar = app.board_screen.sidebar
        assert sidebar.display
        headers = [group.value for group, deadline in sidebar.rows if deadline is None]
        assert headers[0] == "overdue" and "later" in headers
        assert any(deadline is not None and deadline.is_quiet for _, deadline in sidebar.rows)
        await pilot.press("tab")
        assert app.focused is sidebar
        await pilot.press("j", "j")
        wanted = sidebar.current.app_id
        await pilot.press("enter")
        await pilot.pause()
        assert board_of(app).focused
        assert board_of(app).current_id == wanted
        column = board_of(app).list_of(board_of(app).stage)
        assert column.active  # the cursor is drawn as focused, not resting
        await pilot.press("tab", "tab")
        assert board_of(app).focused


async def test_sidebar_updates_when_a_card_moves(tmp_path):
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        sidebar = app.board_screen.sidebar
        actions_before = [d.action for _, d in sidebar.rows if d]
        assert "Thank Dana Kim — Acme" in actions_before
        await pilot.press("L")  # thanked: the thank-you deadline is gone, a follow-up appears
        actions_after = [d.action for _, d in sidebar.rows if d]
        assert "Thank Dana Kim — Acme" not in actions_after
        assert "Follow up — Acme" in actions_after


async def test_a_long_column_shows_where_it_is_scrolled_to(tmp_path):
    """A column too long for the screen draws a thumb in its last cell that follows the cursor down."""
    from tui.core import actions
    from tui.core.parts import Interviewer
    from ui_board_helpers import frozen_now

    now = frozen_now()
    apps = [actions.new_application(f"Company {i:02}", "Engineer", now=now.subtract(days=1),
                                    round_at=now.subtract(hours=20 - i), interviewers=[Interviewer(name="Dana")])
            for i in range(12)]
    app = make_app(store_with(tmp_path, apps))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        column = board_of(app).list_of(Stage.INTERVIEWED)
        rows = column.card_rows

        def edge() -> str:
            return "".join(column.render_line(1 + row).text[-1] for row in range(rows))

        assert set(edge()) == {"┃", "│"} and edge().index("┃") == 0  # at the top
        await pilot.press("G")
        await pilot.pause()
        assert edge()[0] == "│" and edge()[-1] == "┃"  # at the bottom
        short = board_of(app).list_of(Stage.AWAITING)  # empty: nothing to scroll
        assert "┃" not in "".join(short.render_line(1 + row).text for row in range(rows))


async def test_a_long_deadline_list_shows_where_it_is_scrolled_to(tmp_path):
    from tui.core import actions
    from tui.core.parts import Interviewer
    from ui_board_helpers import frozen_now

    now = frozen_now()
    apps = [actions.new_application(f"Company {i:02}", "Engineer", now=now.subtract(days=1),
                                    round_at=now.subtract(hours=20 - i / 2), interviewers=[Interviewer(name="Dana")])
            for i in range(30)]
    app = make_app(store_with(tmp_path, apps))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        sidebar = app.board_screen.sidebar
        rows = sidebar.size.height

        def edge() -> str:
            return "".join(sidebar.render_line(row).text[-1] for row in range(rows))

        assert edge()[0] == "┃" and edge()[-1] == "│"
        await pilot.press("tab", "G")
        await pilot.pause()
        assert edge()[0] == "│" and edge()[-1] == "┃"


async def test_a_cursor_moved_before_the_column_had_a_size_is_scrolled_into_view_once_it_has_one(tmp_path):
    """Review at 1,000 cards: `jjjjjjjjjj` typed before the first frame was replayed (the 11th card
    focused) but the column, still without a size, did not scroll: no focused card in sight."""
    from tui.core import actions
    from ui_board_helpers import frozen_now

    now = frozen_now()
    apps = [actions.new_application(f"Company {n:02}", "Dev", now=now.subtract(hours=n), round_at=now.subtract(hours=n))
            for n in range(1, 25)]
    app = make_app(store_with(tmp_path, apps))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        column = board_of(app).list_of(Stage.INTERVIEWED)
        column.cursor = len(column.cards) - 1  # as a replayed key leaves it, before any scrolling could happen
        assert not 0 <= column.screen_row_of_cursor() < column.card_rows
        await pilot.resize_terminal(120, 41)
        await pilot.pause()
        assert 0 <= column.screen_row_of_cursor() < column.card_rows


@WAYS
async def test_space_marks_the_cards_one_thank_you_sent_without_a_letter_and_u_undoes_it(tmp_path, burst):
    """Review S5 4: PRODUCT's "space toggles thanked without a letter" did nothing on the board."""
    store = store_with(tmp_path, small_apps())
    app = make_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert focused_company(app) == "Acme"  # owes Dana Kim a note, overdue
        await send_keys(app, pilot, burst, "space")
        await app.wait_for_writes()
        acme = stored(store)["Acme"]
        assert acme["rounds"][0]["interviewers"][0]["thanked_at"] and acme["stage"] == "thanked"
        assert any("Marked the note to Dana Kim sent" in n.message for n in app._notifications)
        await send_keys(app, pilot, burst, "u")
        await app.wait_for_writes()
        acme = stored(store)["Acme"]
        assert acme["rounds"][0]["interviewers"][0]["thanked_at"] is None and acme["stage"] == "interviewed"


async def test_tab_with_the_sidebar_hidden_says_how_to_show_it(tmp_path):
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        assert any("The sidebar is hidden: s shows it" in n.message for n in app._notifications)


async def test_space_on_a_sidebar_thank_you_row_marks_that_rows_person(tmp_path):
    """Review S8 2: on the sidebar, space ignored the highlighted row (which names one person) and spoke of
    the card's notes; `z` there acts on the row, and so does space now."""
    from tui.core import actions
    from tui.core.parts import Interviewer
    from ui_board_helpers import frozen_now

    now = frozen_now()
    two = actions.new_application("Duo", "Dev", now=now.subtract(hours=3), round_at=now.subtract(hours=4),
                                  interviewers=[Interviewer(name="Dana Kim"), Interviewer(name="Lee Park")])
    store = store_with(tmp_path, [two])
    app = make_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        row = app.board_screen.sidebar.current
        assert row is not None and row.person in ("Dana Kim", "Lee Park")
        await pilot.press("space")
        await app.wait_for_writes()
        people = {p["name"]: p["thanked_at"] for p in stored(store)["Duo"]["rounds"][0]["interviewers"]}
        assert people[row.person] and not people[({"Dana Kim", "Lee Park"} - {row.person}).pop()]
