"""An unnamed round is called DEFAULT_ROUND_NAME by the core, whoever adds it: `new_application` named it,
`add_round` did not, so the rule lived in each form (review Z 10)."""

from __future__ import annotations

from datetime import UTC, datetime

from cli_helpers import run
from tui.core import actions
from tui.core.stages import DEFAULT_ROUND_NAME

NOW = datetime(2026, 11, 25, 13, 0, tzinfo=UTC)


def test_add_round_names_an_unnamed_round_as_a_new_card_does():
    card = actions.new_application("Acme", "Dev", now=NOW, round_name="", round_at=NOW)
    again = actions.add_round(card, "", NOW.replace(hour=14), now=NOW.replace(hour=14))
    assert [r.name for r in again.rounds] == [DEFAULT_ROUND_NAME, DEFAULT_ROUND_NAME]


def test_followup_round_with_an_empty_name_says_the_name_it_got(cli_db, capsys):
    assert run(cli_db, "add", "Acme", "--role", "Dev", "--at", "yesterday 10:00") == 0
    assert run(cli_db, "round", "acme", "--at", "today 10:00", "--name", "") == 0
    assert f"round “{DEFAULT_ROUND_NAME}” Wed 25 Nov 10:00" in capsys.readouterr().out



def test_a_blank_round_name_is_the_default_and_add_says_the_name_it_got(cli_db, capsys):
    """`add --round ""` printed round “” while storing Interview; "   " was refused (review X2 #6)."""
    assert run(cli_db, "add", "Acme", "--role", "Dev", "--at", "yesterday 10:00", "--round", "") == 0
    assert f"round “{DEFAULT_ROUND_NAME}”" in capsys.readouterr().out
    assert run(cli_db, "add", "Hooli", "--role", "Dev", "--at", "yesterday 10:00", "--round", "   ") == 0
    assert run(cli_db, "round", "hooli", "--at", "today 10:00", "--name", "   ") == 0
    assert f"round “{DEFAULT_ROUND_NAME}”" in capsys.readouterr().out
