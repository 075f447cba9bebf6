"""Odd text and narrow windows (review S3): card text that looks like Textual markup is shown as typed,
never read as markup; joiners typed are kept; dialogs and toasts fit 60 columns.

A company typed as "[/red]Crash Co" (a closing tag with no opening one) made every toast naming it end
the board with a MarkupError: `H` on it, deleting it (so `u` could not bring it back), or a deadline of
its coming due while a form was being typed, the form lost. The palette read "[red]Red Co" as red, and
left the "[/red]" card out of every search.
"""

from __future__ import annotations

import pytest
from textual.widgets._toast import Toast

from conftest import WAYS, send_keys
from test_ui_palette_keys import palette_lines
from tui.core import actions
from tui.core.parts import Interviewer
from ui_board_helpers import WIDE, focused_company, frozen_now, make_app, store_with

pytestmark = pytest.mark.usefixtures("freeze_clock")

CRASH, RED = "[/red]Crash Co", "[red]Red Co"


def markup_cards():
    now = frozen_now()
    return [actions.new_application(CRASH, "[link](x) SRE", now=now.subtract(hours=2),
                                    round_at=now.subtract(hours=3), interviewers=[Interviewer(name="[/b]Bo")]),
            actions.new_application(RED, "Dev", now=now.subtract(hours=1), round_at=now.subtract(hours=2))]


@WAYS
async def test_toasts_naming_a_card_show_its_text_as_typed_and_the_board_lives_on(tmp_path, burst):
    app = make_app(store_with(tmp_path, markup_cards()))
    async with app.run_test(size=WIDE, notifications=True) as pilot:  # drawn, as for a user
        await pilot.pause()
        assert focused_company(app) == CRASH
        await send_keys(app, pilot, burst, "H")  # "already in Interviewed": the first toast that names it
        assert app.is_running and any(CRASH in str(n.message) for n in app._notifications)
        await send_keys(app, pilot, burst, "d", "y")  # "Deleted [/red]Crash Co. u brings it back."
        assert app.is_running and any(f"Deleted {CRASH}" in str(n.message) for n in app._notifications)
        await send_keys(app, pilot, burst, "u")
        assert app.is_running and CRASH in {a.company for a in app.changelog.apps.values()}
        shown = [str(toast.render()) for toast in app.screen.query(Toast)]
        assert any(f"Deleted {CRASH}. u brings it back." in line for line in shown)


@WAYS
async def test_the_palette_finds_and_shows_a_card_whose_name_looks_like_markup(tmp_path, burst):
    app = make_app(store_with(tmp_path, markup_cards()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        lines = await palette_lines(app, pilot, burst, "crash")
        assert any(line.startswith(f"Jump to {CRASH} — [link](x) SRE") for line in lines)
        await send_keys(app, pilot, burst, "escape")
        lines = await palette_lines(app, pilot, burst, "red co")
        assert any(line.startswith(f"Jump to {RED} — Dev") for line in lines)


@WAYS
async def test_a_zero_width_joiner_or_non_joiner_typed_in_a_field_is_kept(tmp_path, burst):
    """Review S3 3: typed, "👩‍💻" became two emoji and Persian "می‌خواهم" lost its non-joiner: Textual types
    only what Python calls printable. The filter bar and the new-card form are text fields like the rest."""
    app = make_app(store_with(tmp_path, markup_cards()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await send_keys(app, pilot, burst, "/", "👩", "\u200d", "💻")
        assert app.focused.value == "👩\u200d💻"
        await send_keys(app, pilot, burst, "escape", "n", "می", "\u200c", "خواهم")
        assert app.focused.value == "می\u200cخواهم"
        await send_keys(app, pilot, burst, "shift+left", "shift+left", "\u200d")  # over the selected text
        assert app.focused.value == "می\u200cخوا\u200d"  # review S4 2: it went in before the selection


@pytest.mark.parametrize("size", [(60, 15), (80, 24)])
async def test_the_delete_dialog_fits_the_window_down_to_the_smallest_the_board_takes(tmp_path, size):
    """Review S3 4: at 60 columns the dialog (64-cell lines, its padding and border) ran off the right
    edge, without its right border, its words cut ("Metropolitan Are")."""
    now = frozen_now()
    long_name = "Metropolitan Area Transit Authority of the Distinguished Northern Provinces"
    app = make_app(store_with(tmp_path, [actions.new_application(long_name, "Principal Distinguished Engineer",
                                                                 now=now, round_at=now.subtract(hours=1))]))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        dialog = app.screen.query_one("#dialog")
        assert 0 <= dialog.region.x and dialog.region.right <= size[0]
        for line in app.screen.query("#question, .detail, #keys"):
            assert line.region.right <= dialog.region.right - 3  # inside the padding and the border
        assert "Metropolitan" in str(app.screen.query_one("#question").render())


async def test_a_toast_fits_a_window_of_60_columns(tmp_path):
    """Review S3 4: Textual's toast is 60 wide; at 60 columns it ran off the right edge, its words cut."""
    app = make_app(store_with(tmp_path, markup_cards()))
    async with app.run_test(size=(60, 15), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("H")  # "… is already in Interviewed, the first stage."
        await pilot.pause()
        (toast,) = app.screen.query(Toast)
        shown = app.screen.find_widget(toast).clip  # what the rack shows of it (a gutter on its right)
        assert toast.region.width > 40 and toast.region.right <= shown.right <= 60


async def test_a_title_line_too_long_for_the_window_ends_in_an_ellipsis(tmp_path):
    """Review S3 5: cut at the window's edge, "… · 1 due today ·" read as if nothing followed."""
    from ui_detail_helpers import screen_text

    app = make_app(store_with(tmp_path, markup_cards()))
    async with app.run_test(size=(60, 15)) as pilot:
        await pilot.pause()
        await send_keys(app, pilot, True, "/", "red", "enter")
        title = screen_text(app).splitlines()[0].rstrip()
        assert title.startswith(" Followup — 2 applications") and title.endswith("…")


@WAYS
async def test_text_that_looks_like_markup_in_a_forms_error_line_is_shown_as_typed(tmp_path, burst):
    """Fuzz fz3 1: "[/]" typed where the form's error line quotes it ended the app with a MarkupError,
    losing the form (n, a company, a role, "[/]" in the time, tab)."""
    app = make_app(store_with(tmp_path, markup_cards()))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await send_keys(app, pilot, burst, "n", "Globex", "tab", "SRE", "tab", "tab", "[/]", "tab")
        await send_keys(app, pilot, burst, "[red]")  # the shown error changes as the field does
        form = app.screen
        assert app.is_running and form.query_one("#field-company").value == "Globex"
        shown = [str(line.render()) for line in form.query(".form-error.shown")]
        assert any("[/]" in line for line in shown), shown
        await send_keys(app, pilot, burst, "escape", "y", "r")  # reply to "[/red]Crash Co": its form's title
        assert app.is_running
        assert str(app.screen.query_one(".modal-title").render()) == f"{CRASH} replied"
