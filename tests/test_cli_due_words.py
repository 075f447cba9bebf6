"""`due --summary` counts in the board's groups and words (deadline_words.Group), and `list --stage` on an
empty stage says where the cards are instead of suggesting to add one (review M polish d, e)."""

import pendulum

from cli_helpers import NOW, run
from tui.core import actions, correspondence
from tui.core.deadline_words import Group, TimeFrame
from tui.core.deadlines import deadlines_for
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.store.store import Store


def held(company, hours_ago):
    now = pendulum.parse(NOW)
    return actions.new_application(company, "Engineer", now=now, round_at=now.subtract(hours=hours_ago),
                                   interviewers=[Interviewer("Dana Kim")])


def test_the_summary_says_today_and_this_week_as_the_board_groups_them(cli_db, capsys):
    # NOW is Wed 14:00 in Berlin: Globex's note is due at 18:00 today, Initech's at 02:00 tomorrow
    apps = [held("Acme", 30), held("Globex", 20), held("Initech", 12)]
    Store(cli_db).open().add_many(apps)
    frame = TimeFrame(pendulum.parse(NOW), Settings(timezone="Europe/Berlin").zone)
    groups = [frame.group_of(deadlines_for(app, Settings(timezone="Europe/Berlin"), frame.now)[0]) for app in apps]
    assert groups == [Group.OVERDUE, Group.TODAY, Group.WEEK]  # what the sidebar's headings and header count
    assert run(cli_db, "due", "--summary") == 0
    assert capsys.readouterr().out == "1 overdue, 1 due today, 1 due this week\n"
    assert run(cli_db, "due", "--summary", "--exit-code") == 1
    capsys.readouterr()


def test_the_summary_still_says_nothing_due(cli_db, capsys):
    Store(cli_db).open().add_many([held("Later Inc", -48)])  # its interview is in two days
    assert run(cli_db, "due", "--summary", "--within", "1") == 0
    assert capsys.readouterr().out == "nothing due\n"
    assert run(cli_db, "due", "--summary", "--within", "1", "--quiet", "--exit-code") == 0
    assert capsys.readouterr().out == ""


def test_the_summary_counts_the_boards_this_week_unless_told_otherwise(cli_db, capsys):
    """Review T1 3: counting only the next day, as plain `due` shows it, the summary said "2 due this week"
    beside the board's "This week 5"."""
    Store(cli_db).open().add_many([held("Acme", 12), held("Later Inc", -48), held("Much Later", -24 * 10)])
    assert run(cli_db, "due", "--summary") == 0
    assert capsys.readouterr().out == "2 due this week\n"  # the one in 10 days is the board's "Later"
    assert run(cli_db, "due") == 0
    assert len(capsys.readouterr().out.splitlines()) == 1  # plain `due` still looks a day ahead


def test_an_empty_stage_says_where_the_cards_are(cli_db, capsys):
    closed = correspondence.close(held("Globex", 30), "rejected", now=pendulum.parse(NOW))
    Store(cli_db).open().add_many([held("Acme", 30), held("Initech", 20), closed])
    assert run(cli_db, "list", "--stage", "awaiting") == 0
    out = capsys.readouterr().out
    assert out == "no applications in stage awaiting (of 3: 2 interviewed, 1 closed); 'followup list' shows them all\n"
    assert "followup add" not in out


def test_an_empty_file_still_suggests_adding_one(cli_db, capsys):
    assert run(cli_db, "list", "--stage", "awaiting") == 0
    assert capsys.readouterr().out.startswith("no applications yet; add one with: followup add COMPANY")
