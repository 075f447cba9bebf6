"""The file dialog is not hidden by a toast about the letter from before (review R5 8).

At 80x24 an old "Not copied" toast stayed over the save dialog's hint line. The toasts so far are
cleared when the dialog opens; what saving does, the dialog and its own toast say.
"""

from __future__ import annotations

from conftest import WAYS, send_keys
from tui.ui.letters.dialogs import PathPrompt
from ui_letters_helpers import DANA, LetterHarness, frozen_now, interviewed, make_db, notices


@WAYS
async def test_ctrl_s_opens_the_file_dialog_without_the_earlier_toasts(tmp_path, letter_env, burst):
    card = interviewed(frozen_now(), DANA)
    host = LetterHarness(make_db(tmp_path, card), card.id, "thank-you")
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await send_keys(host, pilot, burst, "ctrl+t")
        assert notices(host) and notices(host)[-1].startswith("Copied")
        await send_keys(host, pilot, burst, "ctrl+s")
        assert isinstance(host.screen, PathPrompt)
        assert notices(host) == []
        await send_keys(host, pilot, burst, "enter", pauses=2)
        assert notices(host)[-1].startswith("Saved to ")
