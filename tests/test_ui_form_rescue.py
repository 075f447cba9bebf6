"""A form closed with the board keeps what was typed: quitting never loses a word (PRODUCT).

A form is saved only on purpose (ctrl+s, or enter on its last field), so what
was typed into one when the board closes goes to a rescue file, named on
standard error, and the board exits 1, as edited letters and refused notes do.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import fill
from ui_board_helpers import NARROW, make_app, small_apps, store_with

pytestmark = pytest.mark.usefixtures("freeze_clock")


def delete_elsewhere(store, company: str) -> str:
    """Another process deletes the card of `company`; its id."""
    from tui.store import Store

    other = Store(store.path)
    gone = next(a for a in other.load_all() if a.company == company)
    other.delete(gone.id)
    return gone.id


def rescued_text(app) -> str:
    (line,) = app.rescued
    return Path(line.rsplit("it is in ", 1)[1]).read_text(encoding="utf-8")


@pytest.mark.parametrize("quit_key", ["ctrl+c", "ctrl+q"])
async def test_a_half_filled_new_application_goes_to_a_rescue_file_on_quit(tmp_path, monkeypatch, quit_key):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    store = store_with(tmp_path, small_apps())
    before = Path(store.path).read_bytes()
    app = make_app(store)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        fill(app.screen, company="Hooli", role="Platform engineer")
        await pilot.press(quit_key)
        await pilot.pause()
    assert app.return_code == 1
    assert "the form “New application”" in app.rescued[0] and "before the form was saved" in app.rescued[0]
    text = rescued_text(app)
    assert "Hooli" in text and "Platform engineer" in text
    assert Path(store.path).read_bytes() == before  # nothing half-made was stored


async def test_a_reply_note_typed_in_the_form_is_kept_and_an_untouched_form_is_not(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        fill(app.screen, note="They will decide by Friday")
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert app.return_code == 1 and "They will decide by Friday" in rescued_text(app)

    untouched = make_app(store_with(tmp_path / "2", small_apps()))
    async with untouched.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert untouched.return_code == 0 and untouched.rescued == []


async def test_a_reply_saved_after_its_card_was_deleted_elsewhere_goes_to_a_rescue_file(tmp_path, monkeypatch):
    """Another process deleted the card while the reply form was open: the note is kept, not dropped. The
    form closes as the re-read finds the card gone, behind the notice that takes only escape
    (test_ui_card_deleted_while_typing.py), so the ctrl+s typed after it saves nothing."""
    from ui_board_helpers import focused_company
    from ui_detail_helpers import wait_until

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    store = store_with(tmp_path, small_apps())
    app = make_app(store)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        fill(app.screen, note="They will decide by Friday")
        gone = delete_elsewhere(store, focused_company(app))
        app.poll_store()  # what the 1-second timer does
        await wait_until(pilot, lambda: gone not in app.changelog.apps)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "They will decide by Friday" in rescued_text(app) and len(app.rescued) == 1
        from tui.ui.screens.confirm import ConfirmScreen

        assert isinstance(app.screen, ConfirmScreen) and app.screen.acknowledge
        assert "followup-rescue-" in " ".join(str(s.render()) for s in app.screen.query(".detail"))


async def test_a_detail_form_open_when_its_card_is_deleted_elsewhere_keeps_what_was_typed(tmp_path, monkeypatch):
    """The card edit form closes with the detail screen when another process deletes the card: its typed
    fields go to a rescue file named after the card, as the notes do."""
    from tui.ui.board.screen import BoardScreen
    from tui.ui.screens.confirm import ConfirmScreen
    from ui_board_helpers import focused_company
    from ui_detail_helpers import wait_until

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    store = store_with(tmp_path, small_apps())
    app = make_app(store)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        company = focused_company(app)
        await pilot.press("enter", "c")
        await pilot.pause()
        fill(app.screen, recruiter="Sam Lee <sam@hooli.example>")
        gone = delete_elsewhere(store, company)
        app.poll_store()
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))  # says where it went
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, BoardScreen))
        assert "sam@hooli.example" in rescued_text(app)
        assert gone[:8] in app.rescued[0]


async def test_a_form_saved_after_the_quit_took_it_off_the_stack_pops_nothing(tmp_path):
    """Fuzz fz4 C: at ctrl+q, keys kept while the window was too small were handed on; an enter reached a
    form already off the stack, and its save dismissed it: the board, the last screen, was popped instead
    (ScreenStackError ended the app)."""
    from tui.ui.screens.new_application import NewApplicationScreen

    app = make_app(store_with(tmp_path, small_apps()))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, NewApplicationScreen)
        fill(form, company="Hooli", role="Dev", when="yesterday 10:00")
        app.pop_screen()  # off the stack at once, its widgets still there: as the quit leaves it
        form._save()
        await pilot.pause()
        assert app.is_running and len(app.screen_stack) == 1 and app._exception is None
