"""The letter's file-name form takes a burst: ctrl+s, a path, enter, arriving together, write that file."""

from __future__ import annotations

from conftest import burst_keys
from tui.ui.letters import LetterScreen
from ui_detail_helpers import wait_until
from ui_letters_helpers import DANA, LetterHarness, frozen_now, interviewed, make_db, shown_text


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
