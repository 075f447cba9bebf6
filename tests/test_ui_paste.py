"""Pasted text reaches the field the user pasted into, whole, and in its place among the keys typed around it.

A paste is typed text to the user (PRODUCT: keys are queued and replayed in order, never dropped; never lose
a note). Fuzz fz7 sent bracketed pastes as the terminal driver does (`burst_paste`), alone and in the middle
of bursts of keys.
"""

from __future__ import annotations

import pytest

from conftest import burst_keys, burst_paste, taken
from tui.ui.board.screen import BoardScreen
from tui.ui.screens.new_application import NewApplicationScreen
from tui.ui.screens.too_small import TooSmallScreen
from tui.ui.settle import ONE_LINE_MOST
from ui_board_helpers import WIDE, make_app, small_apps, store_with, stored
from ui_detail_helpers import notes_typed_then_window_too_small, wait_until

pytestmark = pytest.mark.usefixtures("freeze_clock")


async def settle(app, pilot) -> None:
    for _ in range(3):
        await pilot.pause()
        await taken(app, pilot)


async def new_application_form(app, pilot) -> NewApplicationScreen:
    await pilot.press("n")
    await wait_until(pilot, lambda: isinstance(app.screen, NewApplicationScreen))
    return app.screen


async def test_every_line_break_in_a_paste_into_a_one_line_field_is_a_space(tmp_path):
    """fz7 4: Textual's Input keeps what comes before the first line break, and str.splitlines() also breaks
    at U+2028 and U+2029 (text copied from a web page or Word): "Acme<U+2028>Robotics" pasted as "Acme"."""
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        form = await new_application_form(app, pilot)
        burst_paste(app, "Acme\u2028Robotics\u2029GmbH\x0bof\x0cthe\x1cnorth\x1dand\x1esouth\x85end\r\nnow\tthen")
        await settle(app, pilot)
        assert form.raw("company") == "Acme Robotics GmbH of the north and south end now then"


def message(app) -> str:
    return str(app.screen.query_one("#message").render()).replace("\n", " ")


@pytest.mark.parametrize("burst", [False, True], ids=["alone", "amid-keys"])
async def test_a_paste_while_the_window_is_too_small_is_kept_with_the_keys_for_the_notes(tmp_path, burst):
    """fz7 1: the keys typed around it were kept ("5 keys typed, kept for then") and the paste dropped
    without a word; the notes read "abc typed"."""
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("e", "ctrl+end", *" call")
        await pilot.resize_terminal(40, 24)
        assert isinstance(app.screen, TooSmallScreen)
        if burst:
            burst_keys(app, " 1")
            burst_paste(app, "PASTED\nfrom her")
            burst_keys(app, "2")
        else:
            burst_paste(app, " PASTED\nfrom her")
        await settle(app, pilot)
        kept = "3 keys typed and 1 paste, kept for then" if burst else "1 paste, kept for then"
        assert kept in message(app)
        await pilot.resize_terminal(*WIDE)
        await wait_until(pilot, lambda: not isinstance(app.screen, TooSmallScreen))
        await settle(app, pilot)
        assert app.screen.notes.text.endswith(" call 1PASTED\nfrom her2" if burst else " call PASTED\nfrom her")


async def test_ctrl_q_while_the_window_is_too_small_saves_a_paste_kept_meanwhile(tmp_path):
    store = store_with(tmp_path, small_apps())
    app = make_app(store)
    async with app.run_test(size=WIDE) as pilot:
        await notes_typed_then_window_too_small(pilot)
        burst_keys(app, " and")
        burst_paste(app, " PASTED")
        burst_keys(app, " after", "ctrl+q")
        await wait_until(pilot, lambda: app.return_code is not None)
    assert stored(store)["Acme"]["notes"].endswith(" before and PASTED after")


async def test_a_paste_kept_while_too_small_goes_into_a_one_line_field_on_one_line(tmp_path):
    """Its line breaks become spaces in the field it lands in once the window is larger (settle.TypesInOrder):
    while it was kept no field had the focus."""
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        form = await new_application_form(app, pilot)
        await pilot.resize_terminal(40, 24)
        burst_keys(app, "Ac")
        burst_paste(app, "me\nRobotics")
        burst_keys(app, " GmbH")
        await settle(app, pilot)
        await pilot.resize_terminal(*WIDE)
        await wait_until(pilot, lambda: app.screen is form)
        await settle(app, pilot)
        assert form.raw("company") == "Acme Robotics GmbH"


@pytest.mark.parametrize("after", ["", " typed"], ids=["alone", "amid-keys"])
async def test_a_paste_after_a_palette_command_goes_into_the_form_it_opens(tmp_path, after):
    """fz7 2: ctrl+p, "new app", enter, a paste and " typed" in one read (over SSH): the paste went into the
    closing palette, and the form had Company = " typed"."""
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        burst_keys(app, "ctrl+p", "new application", "enter")
        burst_paste(app, "Globex Pasted")
        burst_keys(app, *([after] if after else []))
        await wait_until(pilot, lambda: isinstance(app.screen, NewApplicationScreen)
                         and app.screen.raw("company") == "Globex Pasted" + after)


async def test_a_paste_typed_ahead_of_the_board_lands_where_the_keys_around_it_do(tmp_path):
    """fz7 2: `n`, a paste and more keys typed while the board started: Company read only the keys."""
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        app._held_keys = []  # as at start-up, before BoardScreen.on_mount says the board can take keys
        burst_keys(app, "n", "Acme ")
        burst_paste(app, "Pasted\nRobotics")
        burst_keys(app, " typed", "tab", "Dev")
        await settle(app, pilot)
        assert isinstance(app.screen, BoardScreen)  # held, not lost
        app.board_ready()
        await wait_until(pilot, lambda: isinstance(app.screen, NewApplicationScreen))
        await settle(app, pilot)
        assert (app.screen.raw("company"), app.screen.raw("role")) == ("Acme Pasted Robotics typed", "Dev")


async def test_a_paste_after_tab_in_the_same_burst_goes_into_the_next_field(tmp_path):
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        form = await new_application_form(app, pilot)
        burst_keys(app, "Acme", "tab")
        burst_paste(app, "Dev\nOps")
        burst_keys(app, " lead")
        await settle(app, pilot)
        assert (form.raw("company"), form.raw("role")) == ("Acme", "Dev Ops lead")


async def test_a_paste_after_tab_in_the_same_burst_goes_where_the_tab_moved_the_focus(tmp_path):
    """In the letter, tab moves from the subject to the body as it is typed (settle.TypesInOrder): the paste
    queued behind it in the subject is handed on to the body, its line breaks kept."""
    from tui.ui.letters import LetterScreen

    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(app.screen, LetterScreen))
        subject = app.screen.query_one("#letter-subject")
        subject.focus()
        await settle(app, pilot)
        before = subject.value
        burst_keys(app, "tab")
        burst_paste(app, "PASTED\nsecond line")
        await settle(app, pilot)
        assert subject.value == before and "PASTED\nsecond line" in app.screen.focused.text


@pytest.mark.parametrize("burst", [False, True], ids=["alone", "amid-keys"])
async def test_a_paste_too_long_for_any_one_line_field_is_refused_and_the_field_kept(tmp_path, burst):
    """fz7 5: 1 MB pasted into Company took seconds, then every key in the field about a second. It is
    refused, saying so; a paste longer than the company may be saved with still goes in whole, to trim."""
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        form = await new_application_form(app, pilot)
        burst_keys(app, "Ac")
        if not burst:
            await settle(app, pilot)
        burst_paste(app, "recruiter e-mail line\n" * 50_000)
        burst_keys(app, "me")
        await settle(app, pilot)
        assert form.raw("company") == "Acme"
        assert any(n.message.startswith("Not pasted: the field would hold 1,100,002 characters, more than a "
                                        f"one-line field takes ({ONE_LINE_MOST:,})") for n in app._notifications)
        burst_paste(app, "x" * (ONE_LINE_MOST - len("Acme")))
        await settle(app, pilot)
        assert len(form.raw("company")) == ONE_LINE_MOST


async def test_the_notes_take_a_large_paste_whole_and_keep_taking_keys(tmp_path):
    """The notes are stored exactly, however long (fz7 5: 1 MB was stored equal), so they are not cut."""
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("e", "ctrl+end")
        await settle(app, pilot)
        before = app.screen.notes.text
        pasted = "recruiter e-mail line [b]x[/b]\n" * 35_000
        burst_paste(app, pasted)
        burst_keys(app, "typed")
        await settle(app, pilot)
        assert app.screen.notes.text == before + pasted + "typed"
