"""`due --summary` counts in the board's groups and words (deadlines.Group), and `list --stage` on an
empty stage says where the cards are instead of suggesting to add one (review M polish d, e)."""

import pendulum

from cli_helpers import NOW, run
from tui.core import actions
from tui.core.model import Interviewer
from tui.store.store import Store


def held(company, hours_ago):
    now = pendulum.parse(NOW)
    return actions.new_application(company, "Engineer", now=now, round_at=now.subtract(hours=hours_ago),
                                   interviewers=[Interviewer("Dana Kim")])


def test_an_empty_stage_says_where_the_cards_are(cli_db, capsys):
    closed = actions.close(held("Globex", 30), "rejected", now=pendulum.parse(NOW))
    Store(cli_db).open().add_many([held("Acme", 30), held("Initech", 20), closed])
    assert run(cli_db, "list", "--stage", "awaiting") == 0
    out = capsys.readouterr().out
    assert out == "no applications in stage awaiting (of 3: 2 interviewed, 1 closed); 'followup list' shows them all\n"
    assert "followup add" not in out


def test_an_empty_file_still_suggests_adding_one(cli_db, capsys):
    assert run(cli_db, "list", "--stage", "awaiting") == 0
    assert capsys.readouterr().out.startswith("no applications yet; add one with: followup add COMPANY")
