"""The card rules of review R on the board: a thank-you before its round is refused in the user's zone, and a
change that leaves a snooze behind says so, as the command line's line does."""

from __future__ import annotations

import pytest

from tui.core import actions, snoozing
from tui.core.deadlines import DeadlineKind, deadlines_for
from tui.core.parts import Interviewer
from ui_detail_helpers import SETTINGS, board, frozen_now, make_db, on_disk, open_card

pytestmark = pytest.mark.usefixtures("frozen")


async def test_space_on_someone_of_a_round_still_to_come_is_refused_in_the_users_zone(tmp_path):
    now = frozen_now()
    app = actions.new_application("Globex", "Dev", now=now, round_at=now.add(days=6).replace(hour=13, minute=0),
                                  interviewers=[Interviewer(name="Zed Zane")])
    db = make_db(tmp_path, app)
    followup = board(db)
    async with followup.run_test(size=(120, 40)) as pilot:
        await open_card(pilot)
        await pilot.press("2", "end", "space")
        await pilot.pause()
        said = [n.message for n in followup._notifications]
        # no time would do yet, so the refusal says so rather than asking for a time (review U #5)
        (refused,) = [m for m in said if "that round has not taken place yet; thank them once it has" in m]
        assert "13:00" not in refused and "14:00" in refused  # 13:00 UTC, shown in the user's zone (Berlin)
        assert (await on_disk(pilot, db, app.id)).rounds[0].interviewers[0].thanked_at is None


async def test_a_change_that_leaves_a_snooze_behind_is_named_in_a_toast(tmp_path):
    now = frozen_now()
    app = actions.new_application("Beta", "Dev", now=now, round_at=now.subtract(days=2))  # nobody to thank
    (follow_up,) = deadlines_for(app, SETTINGS, now)
    assert follow_up.kind is DeadlineKind.FOLLOW_UP
    app = snoozing.snooze_deadline(app, follow_up, now.add(days=15), now=now)
    followup = board(make_db(tmp_path, app))
    async with followup.run_test(size=(120, 40)) as pilot:
        followup.apply_change(app.id, lambda a: actions.set_notes(a, "a note", now=now), "Notes")
        assert not any("no longer applies" in n.message for n in followup._notifications)
        followup.apply_change(app.id, lambda a: actions.edit(a, decision_by=now.add(days=9), now=now), "Edit")
        await pilot.pause()
        said = [n.message for n in followup._notifications if "no longer applies" in n.message]
        assert len(said) == 1 and said[0].startswith("The snooze of “Follow up") and "Beta" in said[0]
