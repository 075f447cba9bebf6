"""A command line that names its command builds that command's parser alone (cli._OneCommand):
the command must parse, help and refuse exactly as with the whole parser."""

from __future__ import annotations

import argparse

import pytest

from tui import cli


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    return next(a.choices for a in parser._actions if isinstance(a, argparse._SubParsersAction))


WHOLE = _commands(cli.build_parser())


def test_there_are_commands_to_check():
    assert {"add", "list", "due", "stats", "report", "letter", "remind", "config"} <= set(WHOLE)


@pytest.mark.parametrize("name", sorted(WHOLE))
def test_each_command_alone_is_the_same_parser_as_in_the_whole(name):
    alone = cli.build_parser(only=name)
    assert list(_commands(alone)) == [name]
    assert _commands(alone)[name].format_help() == WHOLE[name].format_help()
    assert alone.format_usage() == cli.build_parser().format_usage()


def test_a_word_that_is_no_command_gets_the_whole_parser():
    assert set(_commands(cli.build_parser(only="statz"))) == set(WHOLE)


@pytest.mark.parametrize(("argv", "named"), [
    (["stats"], "stats"),
    (["--db", "stats", "list"], "list"),  # the value of --db is not the command
    (["--db=x.json", "due", "--within", "2"], "due"),
    (["--demo"], None),
    ([], None),
    (["--", "stats"], None),
    (["-", "stats"], "-"),
])
def test_the_command_is_the_first_word_after_the_top_level_options(argv, named):
    assert cli.named_command(argv) == named


@pytest.mark.parametrize("argv", [
    ["stats", "--since", "2026-11-01", "--json"],
    ["--db", "/tmp/x.json", "report", "--from", "mon", "--to", "today", "--format", "csv"],
    ["due", "--within", "2", "--exit-code"],
    ["remind", "--dry-run"],
])
def test_a_command_line_parses_to_the_same_arguments(argv):
    assert cli.build_parser(only=cli.named_command(argv)).parse_args(argv) == cli.build_parser().parse_args(argv)


def test_a_mistyped_option_of_a_named_command_is_refused_as_before(capsys):
    assert cli.main(["stats", "--jsn"]) == cli.EXIT_USER_ERROR
    alone = capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli.build_parser().parse_args(["stats", "--jsn"])
    assert alone == capsys.readouterr().err and "--jsn" in alone
