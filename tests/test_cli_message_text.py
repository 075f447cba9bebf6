"""What a refusal repeats of the user's own text (review T2 7, 8): one line, never 100 KB of it, and never
a control character printed raw (a refused U+202E reversed the rest of the line)."""

from __future__ import annotations

import pytest

from cli_helpers import config_file, digest, run

BIG = "x" * 100_000


@pytest.fixture
def card(cli_db, capsys):
    assert run(cli_db, "add", "Kay", "--role", "Dev", "--at", "yesterday 10:00") == 0
    capsys.readouterr()
    return cli_db


@pytest.mark.parametrize("argv", [
    ["add", "B", "--role", "R", "--at", BIG],
    ["show", BIG],
    ["edit", "kay", "--posting", BIG],
    ["list", "--stage", BIG],  # fz2 7: each of these printed the value back whole
    ["move", "kay", BIG],
    ["letter", "kay", BIG],
    ["letter", "kay", "offer-reply", "--variant", BIG],
    ["interviewer", "kay", "Ida", "--email", BIG],
    ["interviewer", "kay", "Ida", "--round", BIG],
    ["snooze", "kay", "--until", "tomorrow", "--deadline", BIG],
    ["reply", "kay", "--via", BIG],
    ["completion", BIG],
    ["export", BIG],
    [BIG],  # argparse's own "invalid choice"
])
def test_a_huge_argument_is_not_repeated_whole(card, capsys, argv):
    before = digest(card)
    assert run(card, *argv) == 2
    err = capsys.readouterr().err
    assert len(err) < 400 and err.count("\n") == 1
    assert digest(card) == before


def test_a_name_setting_is_held_to_the_limit_of_a_name(cli_home, capsys):
    before = config_file(cli_home).read_text()
    assert run(cli_home / "db.json", "config", "name", BIG) == 2
    err = capsys.readouterr().err
    assert "at most 200 characters" in err and "(100000 characters)" in err and len(err) < 400
    assert config_file(cli_home).read_text() == before


def test_a_refused_bidirectional_override_is_shown_escaped(cli_db, capsys):
    assert run(cli_db, "add", "Bidi\u202eCo", "--role", "R", "--at", "yesterday 10:00") == 2
    err = capsys.readouterr().err
    assert "\u202e" not in err and "\\u202e" in err
