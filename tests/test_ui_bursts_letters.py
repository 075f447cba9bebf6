"""The letter screen takes bursts: ctrl+s and its path, ctrl+t, ctrl+r and its yes, escape and its yes,
ctrl+n/ctrl+g with the text around them: each acts on what was typed before it, in order."""

from __future__ import annotations

import pytest

from conftest import burst_keys
from tui.core.stages import Stage
from tui.ui.letters import LetterScreen
from tui.ui.screens.confirm import ConfirmScreen
from ui_detail_helpers import wait_until
from ui_letters_helpers import DANA, LUIS, LetterHarness, frozen_now, interviewed, make_db, shown_text, stored


async def test_save_path_refused_then_fixed_in_one_burst(tmp_path, letter_env):
    app = interviewed(frozen_now(), DANA)
    host = LetterHarness(make_db(tmp_path, app), app.id, "thank-you")
    target = tmp_path / "dana.txt"
    async with host.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        burst_keys(host, "ctrl+s", "ctrl+u", str(tmp_path / "nowhere" / "x.txt"), "enter",
                   "ctrl+u", str(target), "enter")
        await wait_until(pilot, lambda: isinstance(host.screen, LetterScreen) and target.exists())
        assert target.read_text(encoding="utf-8") == shown_text(host) + "\n"
        assert not (tmp_path / "nowhere").exists()


# The letter screen's own keys act where they were typed: ctrl+t, ctrl+r, escape, ctrl+n arriving in one
# burst with the letter's text and the answer after them do what the same keys typed slowly do.

def letters_of(host) -> dict[str, str]:
    screen = next(s for s in host.screen_stack if isinstance(s, LetterScreen))
    return {letter.recipient_name: letter.body for letter in screen.drafts.edited_letters()}


async def test_copy_takes_the_text_typed_before_it_and_not_after(tmp_path, letter_env):
    app = interviewed(frozen_now(), DANA)
    host = LetterHarness(make_db(tmp_path, app), app.id, "thank-you")
    async with host.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        burst_keys(host, "Yo ", "ctrl+t", "XYZ")
        await wait_until(pilot, lambda: shown_text(host).count("XYZ") == 1 and host.clipboard)
        assert host.clipboard == shown_text(host).replace("XYZ", "")
        assert "\n\nYo " in host.clipboard


async def test_mark_sent_and_its_yes_in_one_burst(tmp_path, letter_env):
    app = interviewed(frozen_now(), DANA)
    db = make_db(tmp_path, app)
    host = LetterHarness(db, app.id, "thank-you")
    async with host.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        burst_keys(host, "ctrl+r", "y")
        await wait_until(pilot, lambda: not any(isinstance(s, LetterScreen) for s in host.screen_stack))
    assert stored(db, app.id).stage is Stage.THANKED


async def test_escape_and_its_yes_in_one_burst_drop_the_edits(tmp_path, letter_env):
    app = interviewed(frozen_now(), DANA)
    db = make_db(tmp_path, app)
    before = db.read_bytes()
    host = LetterHarness(db, app.id, "thank-you")
    async with host.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        burst_keys(host, "Yo ", "escape", "y")
        await wait_until(pilot, lambda: not any(isinstance(s, LetterScreen) for s in host.screen_stack))
        assert not isinstance(host.screen, ConfirmScreen)
    assert db.read_bytes() == before


async def test_next_and_previous_note_take_the_text_typed_around_them(tmp_path, letter_env):
    app = interviewed(frozen_now(), DANA, LUIS)
    host = LetterHarness(make_db(tmp_path, app), app.id, "thank-you")
    async with host.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        burst_keys(host, "A1 ", "ctrl+n", "B2 ", "ctrl+g", "C3 ")
        # the screen takes an edit from the TextArea's Changed message: wait for the drafts, not the field
        await wait_until(pilot, lambda: "C3 " in letters_of(host).get("Dana Kim", ""))
        assert "C3 " in shown_text(host)
        edited = letters_of(host)
        assert "A1 " in edited["Dana Kim"] and "C3 " in edited["Dana Kim"] and "B2" not in edited["Dana Kim"]
        assert edited["Luis Ortega"].startswith("B2 ") and "A1" not in edited["Luis Ortega"]


async def test_backspace_in_a_burst_of_letter_text_deletes_what_was_typed_just_before_it(tmp_path, letter_env):
    app = interviewed(frozen_now(), DANA)
    host = LetterHarness(make_db(tmp_path, app), app.id, "thank-you")
    async with host.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        burst_keys(host, "Yox", "backspace", "!", "ctrl+end", "enter", "Sam", "ctrl+home", "Hi. ", "ctrl+t")
        await wait_until(pilot, lambda: bool(host.clipboard))
        assert "Yo!" in host.clipboard and "Yox" not in host.clipboard
        assert "\n\nHi. Yo!" in host.clipboard and host.clipboard.endswith("\nSam")  # the body's start and end


@pytest.mark.parametrize("burst", [False, True], ids=["one-by-one", "burst"])
async def test_a_key_typed_right_after_tab_goes_where_the_focus_went(tmp_path, letter_env, burst):
    """Review (F7): `tab x` in one burst typed the x into the letter: the tab bubbled up to the app behind
    the keys typed after it, and the focus moved only then."""
    from conftest import send_keys
    from tui.ui.letters.body import LetterBody

    app = interviewed(frozen_now(), DANA)
    host = LetterHarness(make_db(tmp_path, app), app.id, "thank-you")
    async with host.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        body = host.screen.query_one(LetterBody)
        assert host.screen.focused is body
        before = body.text
        await send_keys(host, pilot, burst, "tab", "Q")
        assert body.text == before  # the Q went on, with the focus
        assert host.screen.focused is not body
        await send_keys(host, pilot, burst, "shift+tab", "Z")
        assert host.screen.focused is body and body.text != before and "Z" in body.text
