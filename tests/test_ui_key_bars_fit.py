"""The key bar shows the keys that matter where they fit (review R5 6).

The letters screen left `^l` (write to someone else: the only way to answer the person who sent the
rejection) to the help while half the line at 120 columns was empty, and showed no help key; the
detail's rounds tab showed none of `space`, `p` and `d` where the directions tab shows its `space` and
`d`; and the bar kept two columns free that the last key never uses.
"""

from __future__ import annotations

import pytest

from tui.ui.keybar import KeyBar
from ui_detail_helpers import acme, board, make_db, open_card
from ui_letters_helpers import LetterHarness, frozen_now
from ui_letters_helpers import make_db as letters_db


def bar(screen) -> str:
    return str(screen.query_one(KeyBar).render())


def follow_up_card():
    from tui.core import actions
    from tui.core.parts import Interviewer

    now = frozen_now()
    return actions.new_application(
        "Acme", "Site Reliability Engineer", now=now.subtract(days=9), round_at=now.subtract(days=9),
        interviewers=[Interviewer("José Núñez-García"), Interviewer("Dana Kim", email="dana@acme.example")])


@pytest.mark.parametrize(("width", "line"), [
    (80, "esc Back  ^t Copy  ^s Save  ^r Sent  ^l Write to…  f1 Help  ^p palette"),
    (120, "esc Back  ^t Copy  ^s Save  ^r Sent  ^l Write to…  ^b Sent at…  ^o Editor  f1 Help  ^p palette"),
])
async def test_the_letters_bar_shows_write_to_and_the_help_key(tmp_path, letter_env, width, line):
    card = follow_up_card()
    host = LetterHarness(letters_db(tmp_path, card), card.id, "follow-up")
    async with host.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        assert bar(host.screen) == line


@pytest.mark.parametrize(("width", "line"), [
    (80, "esc Back  ⏎ Edit  n New  t Thank  space Thanked  p Person  ? Help  ^p Palette"),
    (120, "esc Back  ⏎ Edit  n New  t Thank  space Thanked  p Person  d Delete  e Write  1-4 Sections  ? Help"
          "  ^p Palette"),
])
async def test_the_rounds_tab_shows_its_own_keys_first(tmp_path, frozen, width, line):
    followup = board(make_db(tmp_path, acme(frozen)))
    async with followup.run_test(size=(width, 30)) as pilot:
        screen = await open_card(pilot)
        for key in ("2", "j"):  # on a round's line, then on an interviewer's: the same keys
            await pilot.press(key)
            await pilot.pause()
            assert bar(screen) == line, key


async def test_the_directions_tab_keeps_its_keys(tmp_path, frozen):
    followup = board(make_db(tmp_path, acme(frozen)))
    async with followup.run_test(size=(80, 24)) as pilot:
        screen = await open_card(pilot)
        await pilot.press("3")
        await pilot.pause()
        assert bar(screen).startswith("esc Back  n New  space Done  d Delete")
