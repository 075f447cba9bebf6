"""Command-line wordings that read oddly (review Q 9)."""

from __future__ import annotations

from cli_helpers import one_line_error, run


def test_done_on_a_card_without_directions_says_it_has_none(cli_db, capsys):
    """"Zeta's directions are none yet" (review Q 9)."""
    assert run(cli_db, "add", "Zeta", "--role", "Dev", "--at", "yesterday 10:00", "-q") == 0
    short = capsys.readouterr().out.strip()
    assert run(cli_db, "direction", "zeta", "--done", "1") == 2
    one_line_error(capsys, f"--done 1: Zeta has no directions yet: add one with 'followup direction {short} TEXT'")
