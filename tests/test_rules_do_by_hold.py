"""Which open do-bys hold the follow-up back, and which a closed card keeps (review R5 #1, #2).

A do-by with a date holds the follow-up back until it is done; one without a date gives no time to wait
for, so it holds nothing back (it hid the follow-up for good). A card closed as an offer or as accepted
keeps its do-bys (references, a start-date call are owed after accepting too); the other outcomes end them.
"""

import pendulum
import pytest

from cli_helpers import NOW, run
from tui.core import actions, correspondence, direction_actions
from tui.core.deadlines import DeadlineKind, deadlines_for
from tui.core.letter_checks import follow_up_timing
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.core.stages import Outcome, Stage
from tui.store.store import Store

SETTINGS = Settings(timezone="UTC")
THU = pendulum.datetime(2026, 3, 26, 10, 0, tz="UTC")


def awaiting(company="Acme"):
    app = actions.new_application(company, "SRE", now=THU, round_at=THU, interviewers=[Interviewer("Dana Kim")])
    return actions.move(app, Stage.AWAITING, now=THU)


def kinds(app, now):
    return [d.kind for d in deadlines_for(app, SETTINGS, now)]


def test_a_do_by_without_a_date_leaves_the_follow_up_due():
    app = direction_actions.add_direction(awaiting(), "send your references by Tuesday", "do-by", now=THU)
    later = THU.add(weeks=6)
    assert kinds(app, later) == [DeadlineKind.FOLLOW_UP]
    assert follow_up_timing(app, SETTINGS, later) is None  # the letter agrees: due, not "first …"


def test_a_do_by_with_a_date_still_holds_it_back_until_done():
    app = direction_actions.add_direction(awaiting(), "send your references", "do-by", THU.add(days=5), now=THU)
    app = direction_actions.add_direction(app, "read their blog", "do-by", now=THU)
    assert kinds(app, THU.add(hours=1)) == [DeadlineKind.DIRECTION]
    done = direction_actions.set_direction_done(app, app.directions[0].id, now=THU.add(hours=2))
    assert kinds(done, THU.add(hours=3)) == [DeadlineKind.FOLLOW_UP]


def test_list_and_due_name_the_follow_up_of_a_card_with_a_dateless_do_by(cli_db, capsys):
    now = pendulum.parse(NOW)
    app = actions.new_application("Initech", "DevOps", now=now.subtract(weeks=6),
                                  round_at=now.subtract(weeks=6), interviewers=[Interviewer("Ada Wong")])
    app = actions.move(app, Stage.THANKED, now=now.subtract(weeks=6))
    app = direction_actions.add_direction(app, "send your references by Tuesday", "do-by",
                                          now=now.subtract(weeks=6))
    Store(cli_db).open().add_many([app])
    assert run(cli_db, "due", "--within", "60") == 0
    assert "Follow up — Initech" in capsys.readouterr().out
    assert run(cli_db, "list", "--json") == 0
    assert "Follow up" in capsys.readouterr().out


def closed(outcome):
    app = direction_actions.add_direction(awaiting(), "send your references", "do-by", THU.add(days=5), now=THU)
    return correspondence.close(app, outcome, now=THU.add(hours=1))


@pytest.mark.parametrize("outcome", [Outcome.OFFER, Outcome.ACCEPTED])
def test_an_offer_or_an_acceptance_keeps_the_do_bys(outcome):
    found = deadlines_for(closed(outcome), SETTINGS, THU.add(hours=2))
    assert [d.action for d in found if d.kind is DeadlineKind.DIRECTION] == ["send your references — Acme"]


@pytest.mark.parametrize("outcome", [Outcome.REJECTED, Outcome.WITHDRAWN, Outcome.NO_RESPONSE])
def test_other_outcomes_end_them(outcome):
    assert DeadlineKind.DIRECTION not in kinds(closed(outcome), THU.add(hours=2))
