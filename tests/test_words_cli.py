"""What the command line says about letters and edits (reviews W 9, V 11, V 12): each hint fits what it is about."""

import pytest

from cli_helpers import run
from tui.store.store import Store


@pytest.fixture
def acme(cli_db, capsys):
    """An application interviewed yesterday by Dana Kim, whose link has a note; returns its short id."""
    assert run(cli_db, "add", "Acme", "--role", "SRE", "--at", "yesterday 10am", "-q",
               "--interviewer", "Dana Kim <dana@acme.example>") == 0
    short = capsys.readouterr().out.strip()
    assert run(cli_db, "interviewer", short, "Dana Kim", "--link", "https://example.com/es",
               "--link-note", "the article") == 0
    capsys.readouterr()
    return short


def dana(db):
    (app,) = Store(db).load_all()
    return app.rounds[0].interviewers[0]


def test_a_link_note_is_cleared_alone_but_not_set_without_a_link(cli_db, acme, capsys):
    assert run(cli_db, "interviewer", acme, "Dana Kim", "--link-note", "") == 0
    assert (dana(cli_db).link, dana(cli_db).link_note) == ("https://example.com/es", "")
    assert "link note cleared" in capsys.readouterr().out  # not "set" (review X #4)
    assert run(cli_db, "interviewer", acme, "Dana Kim", "--link-note", "the talk") == 0  # her link's note
    assert dana(cli_db).link_note == "the talk"
    assert run(cli_db, "interviewer", acme, "Dana Kim", "--link", "", "--link-note", "x") == 2
    assert 'a note about a link needs the link: give --link URL, or clear the note with --link-note ""' in \
        capsys.readouterr().err
    assert run(cli_db, "interviewer", acme, "Dana Kim", "--link", "") == 0  # the note went with its link
    assert (dana(cli_db).link, dana(cli_db).link_note) == ("", "")
    assert "link cleared, link note cleared" in capsys.readouterr().out
    assert run(cli_db, "interviewer", acme, "Dana Kim", "--link-note", "the talk") == 2  # no link to describe


def test_each_gap_is_offered_the_command_that_fills_it_for_good(cli_db, acme, capsys):
    assert run(cli_db, "letter", acme, "thank-you") == 1  # no topic for Dana, no name in the settings
    (gap_line,) = [line for line in capsys.readouterr().err.splitlines() if "gaps" in line]
    assert ('fill them with --set topic="…" --set signature="…", or on the card with: '
            f'followup interviewer {acme} "Dana Kim" --topic "…" and for every letter with: '
            'followup config name "…"; or pass --force') in gap_line
