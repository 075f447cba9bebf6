"""The area under the letter (warnings, then what the template left out) at the sizes people use.

At 80x24 a quiet-period warning stopped at "send it unless", and at 60x20 it was not shown at all while a
"Left out" line was shown cut (review R8 3). Now the warnings come first, the one that weighs most (the
quiet period) at the top, and what does not fit is a tab and a few j away, which the status line says.
"""

from __future__ import annotations

import re

import pytest

from conftest import send_keys
from tui.core import direction_actions
from tui.ui.letters.body import LetterBody
from ui_letters_helpers import (
    LetterHarness,
    frozen_now,
    interviewed,
    letter_screen,
    make_db,
    screen_text,
    warnings_text,
)

QUIET = "asked not to be contacted before Tuesday 17 March"
LAST_WORDS = {  # the end of each fact, as it reads on screen
    "quiet": "rule it out.",
    "gaps": "asks you first.",
    "left out": "topic is on the card",
}


def quiet_note_with_gaps(tmp_path):
    """A thank-you note owed inside a quiet period, with a topic to fill and a link left out."""
    now = frozen_now()
    app = interviewed(now, dict(name="Dana Kim", email="dana@acme.example"))
    app = direction_actions.add_direction(app, "we'll decide by Friday, please don't contact us before then",
                                          "not-before", now.add(days=6).start_of("day"), now=now.subtract(hours=1))
    return LetterHarness(make_db(tmp_path, app), app.id, "thank-you")


def flat(app) -> str:
    """The screen's words on one line, so a sentence wrapped over rows can be found."""
    return " ".join(screen_text(app).split())


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 40)])
async def test_every_fact_under_the_letter_can_be_read_in_full_quiet_period_first(tmp_path, letter_env, size):
    host = quiet_note_with_gaps(tmp_path)
    async with host.run_test(size=size) as pilot:
        await pilot.pause()
        screen = letter_screen(host)
        assert warnings_text(host).startswith(f"! Acme Robotics {QUIET}")  # before the gaps
        assert QUIET in flat(host)
        body = screen.query_one(LetterBody)
        assert body.has_focus and body.region.height >= 9  # the letter is still the thing on screen
        seen = flat(host)
        more = str(screen.query_one("#letter-more").render())
        if not all(words in seen for words in LAST_WORDS.values()):
            assert re.search(r"\d+ more lines? below: tab$", more), seen  # the way to the rest is said
            await pilot.press("tab")
            assert screen.focused is screen.query_one("#letter-facts")
            for _ in range(12):  # a line at a time, noting what comes into view
                await pilot.press("j")
                seen += " " + flat(host)
            await pilot.press("shift+tab")
            assert body.has_focus, screen.focused
        else:
            assert more == ""
        for fact, words in LAST_WORDS.items():
            assert words in seen, f"the end of the {fact} line is never shown at {size}"
        assert seen.index("! Acme Robotics") < seen.index("! Still to fill") < seen.index("Left out:")


async def test_tab_passes_the_facts_by_when_they_all_fit(tmp_path, letter_env):
    """A stop where there is nothing more to read would be a key for nothing."""
    host = quiet_note_with_gaps(tmp_path)
    async with host.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("tab")
        assert letter_screen(host).focused.id == "letter-subject"


async def test_keys_typed_in_one_burst_after_shift_tab_reach_the_letter(tmp_path, letter_env):
    """Over SSH `j shift+tab Dear` comes in one read: the word was lost, the keys after shift+tab being
    the facts area's already."""
    host = quiet_note_with_gaps(tmp_path)
    async with host.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.press("tab")
        facts = letter_screen(host).query_one("#letter-facts")
        assert facts.has_focus
        await send_keys(host, pilot, True, "j", "shift+tab", "D", "e", "a", "r", " ")
        assert letter_screen(host).query_one(LetterBody).text.startswith("Dear Hi Dana,")
        assert facts.scroll_y == 0  # back in the letter, the quiet period is the first line under it again


async def test_a_scroll_letter_typed_after_shift_tab_is_the_letters(tmp_path, letter_env):
    """Read-through: the facts area ran its own binding before handing the key on, so `j` after shift+tab
    scrolled the area it had left ("just" became "ust"); it hands on first, as every text field does."""
    host = quiet_note_with_gaps(tmp_path)
    async with host.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.press("tab")
        assert letter_screen(host).query_one("#letter-facts").has_focus
        await send_keys(host, pilot, True, "shift+tab", "j", "u", "s", "t", " ")
        assert letter_screen(host).query_one(LetterBody).text.startswith("just Hi Dana,")
