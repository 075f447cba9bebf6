"""Usage errors worded one way for every command (review R6 5): a word a subcommand does not know is
refused by that command, pointing at its own --help, and a word outside a fixed list is refused in the
project's words ("use one of …"), not argparse's "invalid choice … (choose from …)"."""

from __future__ import annotations

import io
import sys

import pytest

from cli_helpers import run_captured
from tui import cli


@pytest.mark.parametrize("argv, command", [
    (["list", "--foo"], "list"),
    (["due", "--within", "2", "stray"], "due"),
    (["report", "--from", "mon", "--to", "today", "--bogus"], "report"),
])
def test_an_unknown_word_after_a_command_is_refused_by_that_command(cli_home, capsys, argv, command):
    code, out, err = run_captured(capsys, *argv)
    assert code == 2 and out == ""
    stray = argv[-1]
    assert err == (f"followup {command}: unrecognized arguments: {stray} "
                   f"(see 'followup {command} --help')\n")


def test_an_unknown_word_before_any_command_still_points_at_the_top_level_help(cli_home, capsys):
    code, _, err = run_captured(capsys, "--foo")
    assert code == 2 and err == "followup: unrecognized arguments: --foo (see 'followup --help')\n"


@pytest.mark.parametrize("argv, said", [
    (["report", "--from", "mon", "--to", "today", "--format", "txt"],
     "followup report: argument --format: unknown report format 'txt': use one of md, csv "
     "(see 'followup report --help')"),
    (["completion", "tcsh"],
     "followup completion: argument SHELL: unknown shell 'tcsh': use one of bash, zsh, fish "
     "(see 'followup completion --help')"),
    (["reply", "acme", "--via", "fax"],
     "followup reply: argument --via: unknown way of replying 'fax': use one of email, call, other "
     "(see 'followup reply --help')"),
])
def test_a_word_outside_its_list_is_refused_saying_which_to_use(cli_home, capsys, argv, said):
    code, out, err = run_captured(capsys, *argv)
    assert code == 2 and out == "" and err == said + "\n"
    assert "invalid choice" not in err and "choose from" not in err


def test_report_help_names_the_format_in_words(cli_home, capsys):
    code, out, _ = run_captured(capsys, "report", "--help")
    assert code == 0 and "[--format FORMAT]" in out and "{md,csv}" not in out


def test_a_word_of_the_list_is_read_in_any_case(cli_home, capsys):
    code, out, _ = run_captured(capsys, "completion", "BASH")
    assert code == 0 and "_ARGCOMPLETE" in out


@pytest.mark.parametrize("line, offered", [
    ("followup report --format ", ["md", "csv"]),
    ("followup completion ", ["bash", "zsh", "fish"]),
    ("followup reply acme --via ", ["email", "call", "other"]),
    # the words the core checks itself (review S6 1: only the options' lists were offered)
    ("followup move acme ", ["interviewed", "thanked", "awaiting", "followed-up"]),
    ("followup close acme ", ["offer", "accepted", "rejected", "withdrawn", "no-response"]),
    ("followup letter acme ", ["thank-you", "follow-up", "rejection-reply", "offer-reply"]),
    ("followup export ", ["json", "csv", "ics", "md"]),
    ("followup config follow_up_", ["follow_up_business_days", "follow_up_limit"]),
    ("followup list --stage ", ["interviewed", "awaiting", "closed"]),  # review T2 9: file names were offered
    ("followup letter acme offer-reply --variant ", ["accept", "ask-for-time", "decline"]),
])
def test_completion_still_offers_the_list(cli_home, monkeypatch, line, offered):
    import argcomplete
    from argcomplete import io as completion_io

    class Finder(argcomplete.CompletionFinder):
        def _init_debug_stream(self):  # not fd 9, which may be one of pytest's own: it would be closed
            pass

    monkeypatch.setattr(completion_io, "debug_stream", io.StringIO())
    monkeypatch.setenv("_ARGCOMPLETE", "1")
    monkeypatch.setenv("COMP_LINE", line)
    monkeypatch.setenv("COMP_POINT", str(len(line)))
    out = io.StringIO()
    with pytest.raises(SystemExit):
        Finder()(cli.build_parser(), output_stream=out, exit_method=sys.exit)
    words = out.getvalue().split()
    assert set(offered) <= set(words) and not any(word in words for word in ("txt", "tcsh", "fax"))


def test_help_as_a_word_is_the_help_it_means(capsys):
    """Review R7 7: `followup help` was refused as an unknown command."""
    from tui.cli import main

    assert main(["help"]) == 0
    assert capsys.readouterr().out.startswith("usage: followup ")
    assert main(["help", "add"]) == 0
    assert capsys.readouterr().out.startswith("usage: followup add ")
