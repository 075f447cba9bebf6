"""The real program, `python -m tui`, in fresh processes: what a login script or cron job sees."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cli_helpers import ROOT, process_env
from cli_helpers import followup_process as followup


@pytest.fixture
def env(tmp_path):
    return process_env(tmp_path, FOLLOWUP_DB=str(tmp_path / "followup.json"))


def test_add_list_move_due_from_a_fresh_install(env):
    added = followup(env, "add", "Acme", "--role", "SRE", "--at", "2026-11-24 10:00",
                     "--interviewer", "Dana Kim <dana@acme.example>")
    assert added.returncode == 0, added.stderr
    short = added.stdout.split()[0]
    assert Path(env["FOLLOWUP_DB"]).exists()

    due = followup(env, "due", "--exit-code")
    assert due.returncode == 1  # the thank-you was due at 09:00 UTC, four hours ago
    assert due.stdout == "! 4 h overdue  Thank Dana Kim — Acme\n"

    moved = followup(env, "move", short[:4], "thanked")
    assert moved.returncode == 0, moved.stderr
    listed = json.loads(followup(env, "list", "--json").stdout)
    assert [(r["short_id"], r["stage"]) for r in listed] == [(short, "thanked")]
    assert followup(env, "due", "--exit-code").returncode == 0


def test_errors_reach_stderr_as_one_line_with_exit_2(env):
    result = followup(env, "move", "nothing", "thanked")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "no application id or company starts with 'nothing'" in result.stderr


def test_version_and_help(env):
    assert followup(env, "--version").stdout.strip() == "followup 0.1.0"
    helped = followup(env, "--help")
    assert helped.returncode == 0 and "followup due" in helped.stdout


@pytest.mark.parametrize("argv", [
    ["due"], ["due", "--summary"], ["list"], ["list", "--json"], ["export", "json"],
    ["add", "Acme", "--role", "SRE", "--at", "now"],
])
def test_headless_commands_never_load_textual(env, argv):
    code = (
        "import sys; from tui.cli import main; rc = main(sys.argv[1:]);"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'icalendar')"
        " or m.startswith('tui.ui'));"
        "print('LOADED', bad, file=sys.stderr); sys.exit(rc)"
    )
    result = subprocess.run([sys.executable, "-c", code, *argv], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "LOADED []" in result.stderr
