"""`t` on a round's line in the rounds tab drafts the notes that round still owes (review R5 6).

Right after `2` the round's line is highlighted; with one person owed a note, `t` asked to highlight
an interviewer instead of drafting that one note. As the board's `t` drafts the latest round's owed
notes one after the other (ctrl+n), a round's line drafts its own; a round that owes none says so.
"""

from __future__ import annotations

import pytest

from conftest import WAYS, send_keys
from tui.core import actions
from tui.core.parts import Interviewer
from tui.ui.detail.screen import DetailScreen
from tui.ui.letters import LetterScreen
from ui_detail_helpers import acme, board, make_db, open_card


@pytest.fixture(autouse=True)
def no_user_templates(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def people(application, round_name: str) -> dict[str, str]:
    rnd = next(r for r in application.rounds if r.name == round_name)
    return {p.id: p.name for p in rnd.interviewers}


@WAYS
async def test_t_on_a_round_owing_one_note_drafts_it(tmp_path, frozen, burst):
    card = acme(frozen)  # Phone screen: Sam thanked; Onsite (the second line down from it): Dana owed
    followup = board(make_db(tmp_path, card))
    async with followup.run_test(size=(100, 30)) as pilot:
        await open_card(pilot)
        await send_keys(followup, pilot, burst, "2", "j", "j", "t", pauses=2)
        screen = followup.screen
        assert isinstance(screen, LetterScreen)
        assert [people(card, "Onsite")[t] for t in screen.drafts.targets] == ["Dana Kim"]


@WAYS
async def test_t_on_a_round_owing_several_drafts_them_one_after_the_other(tmp_path, frozen, burst):
    card = actions.new_application(
        "Globex", "Platform Engineer", now=frozen.subtract(days=2), round_name="Panel",
        round_at=frozen.subtract(hours=20), interviewers=[Interviewer("Ann Lee"), Interviewer("Bo Chan")])
    followup = board(make_db(tmp_path, card))
    async with followup.run_test(size=(100, 30)) as pilot:
        await open_card(pilot)
        await send_keys(followup, pilot, burst, "2", "t", pauses=2)
        screen = followup.screen
        assert isinstance(screen, LetterScreen)
        assert [people(card, "Panel")[t] for t in screen.drafts.targets] == ["Ann Lee", "Bo Chan"]


@WAYS
async def test_t_on_a_round_owing_nothing_says_so(tmp_path, frozen, burst):
    followup = board(make_db(tmp_path, acme(frozen)))
    async with followup.run_test(size=(100, 30)) as pilot:
        await open_card(pilot)
        await send_keys(followup, pilot, burst, "2", "t", pauses=2)  # Phone screen: Sam thanked already
        assert isinstance(followup.screen, DetailScreen)
        said = [n.message for n in followup._notifications]
        assert said[-1] == ("Nobody in “Phone screen” is owed a thank-you note: highlight an interviewer (j/k) "
                            "to draft theirs anyway.")


async def test_t_on_a_round_still_to_come_says_it_is_to_come(tmp_path, frozen):
    """Review R7 3: on an upcoming round's line `t` said "nobody is owed a note: highlight an interviewer
    to draft theirs anyway", and `t` there was then refused as the round being still to come."""
    card = actions.new_application(
        "Globex", "Platform Engineer", now=frozen.subtract(days=2), round_name="Round 2",
        round_at=frozen.add(days=2), interviewers=[Interviewer("Omar Haddad")])
    followup = board(make_db(tmp_path, card))
    async with followup.run_test(size=(100, 30)) as pilot:
        await open_card(pilot)
        await send_keys(followup, pilot, False, "2", "t", pauses=2)
        assert isinstance(followup.screen, DetailScreen)
        said = [str(n.message) for n in followup._notifications]
        assert any("round 2 at Globex is still to come" in line for line in said), said
        assert not any("anyway" in line for line in said)
