"""`followup config KEY VALUE` takes a VALUE that starts with '-': the setting's own rule judges it.

QA: `followup config remind_before -1h` said "unrecognized arguments: -1h"
instead of what remind_before accepts.
"""

from __future__ import annotations

import pytest

from cli_helpers import config_file, digest, one_line_error, run, run_captured
from tui.cli_config import value_may_start_with_dash

LEAD = "remind_before = '-1h' is not allowed; use a lead time such as '2h', '30m' or '1d'"


@pytest.mark.parametrize("argv", [
    ["config", "remind_before", "-1h"],
    ["config", "remind_before", "-1h", "--db", "{db}"],
    ["config", "--db", "{db}", "remind_before", "-1h"],
    ["config", "remind_before", "--db={db}", "-1h"],
    ["config", "remind_before", "--", "-1h"],
], ids=["alone", "db-after", "db-before-key", "db-between", "dashes-given"])
def test_a_value_starting_with_a_dash_gets_the_settings_own_message(cli_home, tmp_path, capsys, argv):
    db = str(tmp_path / "other.json")
    before = digest(config_file(tmp_path))
    assert run(tmp_path / "db.json", *[a.replace("{db}", db) for a in argv]) == 2
    one_line_error(capsys, f"followup: {LEAD}", f". Nothing was written to {config_file(tmp_path)}\n")
    assert digest(config_file(tmp_path)) == before


def test_a_good_value_starting_with_a_dash_is_written(cli_home, tmp_path, capsys):
    assert run(tmp_path / "db.json", "config", "name", "-dash-") == 0
    assert capsys.readouterr().out.startswith("name = -dash-   (written to ")
    assert 'name = "-dash-"' in config_file(tmp_path).read_text(encoding="utf-8")
    code, out, _ = run_captured(capsys, "config", "name")
    assert (code, out) == (0, "-dash-\n")


@pytest.mark.parametrize("argv", [
    ["config", "name", "-h"],
    ["config", "name", "-q"],
    ["config", "-1h"],
    ["list", "-1h"],
    ["config", "name", "Alex", "-x"],
    ["--db", "config", "list", "-x"],  # a data file named "config" is not the command
])
def test_options_and_other_commands_are_left_as_they_were(argv):
    assert value_may_start_with_dash(argv) == argv
    assert value_may_start_with_dash(["--db", "config", "config", "name", "-x"]) == [
        "--db", "config", "config", "name", "--", "-x"]


def test_help_and_quiet_keep_their_meaning_after_the_key(cli_home, tmp_path, capsys):
    assert run(tmp_path / "db.json", "config", "name", "-h") == 0
    assert capsys.readouterr().out.startswith("usage: followup config")
    assert run(tmp_path / "db.json", "config", "name", "-q") == 2  # config takes no -q, as before
    assert "-q" in capsys.readouterr().err
