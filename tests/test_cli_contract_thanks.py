"""A change that takes a card out of *interviewed* while thank-you notes are owed says they are no longer
tracked, and how to record them (review Q 4)."""

from datetime import datetime, timezone

from cli_helpers import run
from tui.core import actions, correspondence
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.core.thanks_owed import untracked_thanks

NOW = datetime(2026, 11, 25, 13, 0, tzinfo=timezone.utc)


def line(db, capsys, *argv) -> str:
    assert run(db, *argv) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1, out
    return out.rstrip("\n")


def test_a_reply_while_a_note_is_owed_says_it_is_no_longer_tracked(cli_db, capsys):
    short = line(cli_db, capsys, "add", "Ro", "--role", "r", "--at", "today 06:00",
                 "--interviewer", "Ida Ng").split()[0]
    said = line(cli_db, capsys, "reply", short, "--at", "today 07:00", "--note", "thanks for coming")
    assert said.endswith(f'; the thank-you to Ida Ng is no longer tracked: followup interviewer {short} "Ida Ng" '
                         "--thanked records it"), said
    assert "no longer tracked" not in line(cli_db, capsys, "interviewer", short, "Ida Ng", "--thanked")


def test_several_owed_are_named_together_and_a_note_sent_is_not_among_them(cli_db, capsys):
    short = line(cli_db, capsys, "add", "Mo", "--role", "r", "--at", "today 06:00",
                 "--interviewer", "Ida Ng; Bo; Cy").split()[0]
    line(cli_db, capsys, "interviewer", short, "Cy", "--thanked")
    said = line(cli_db, capsys, "move", short, "awaiting")
    assert said.endswith(f"; the thank-yous to Ida Ng and Bo are no longer tracked: followup interviewer {short} "
                         "NAME --thanked records each"), said


def test_the_rule_names_only_notes_owed_and_dropped():
    settings = Settings(timezone="UTC")
    app = actions.new_application("Ro", "r", now=NOW, round_at=NOW.replace(hour=6),
                                  interviewers=[Interviewer(name="Ida Ng")])
    replied = correspondence.record_reply(app, at=NOW.replace(hour=7), now=NOW)
    assert [d.person for d in untracked_thanks(app, replied, settings, NOW)] == ["Ida Ng"]
    assert untracked_thanks(app, app, settings, NOW) == []
