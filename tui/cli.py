"""The command line: its arguments, and the headless commands for scripts and login shells.

Only argparse (and cli_arguments.py, cli_letter.py, cli_common.py, cli_parsing.py and cli_output.py,
which import little more: re and tui.core's errors, text and stages) are imported up front; each
command imports what it needs, so
`followup due` stays fast in a login script. Nothing here imports Textual: the
board is opened by tui/main.py (the `followup` entry point), which hands main()
its launcher for a command line without a command.
Conventions for command handlers (also the `letter` command in cli_letter.py):
handler(args) -> int exit code; a user error is raised as FollowupError and
main() prints it as one line, `followup: <message>`, with exit code 2.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from contextlib import contextmanager
from typing import Any, Callable, Iterator

from tui import (
    __version__,
    cli_config,
    cli_edit,
    cli_exchange,
    cli_letter,
    cli_list,
    cli_record,
    cli_remind,
    cli_show,
    cli_snooze,
    cli_stats,
)
from tui.cli_arguments import blank_as_empty, refuse_bad_arguments
from tui.cli_common import EVENT, card_title, change_card, confirm, now, open_card, read_when, store_at, user_settings
from tui.cli_output import drop_output, remark
from tui.cli_parsing import add_command, add_db_option, add_id_argument, add_quiet_option, command_index, completes
from tui.core.errors import quoted
from tui.core.stages import DEFAULT_ROUND_NAME

EXIT_USER_ERROR = 2


class _Parser(argparse.ArgumentParser):
    """Usage errors in one line, like every other error, naming the command and its own --help."""

    def error(self, message: str):
        self.exit(EXIT_USER_ERROR, f"{self.prog}: {message} (see '{self.prog} --help')\n")

    def _check_value(self, action, value):  # type: ignore[no-untyped-def]
        """argparse's own "invalid choice", with the value cut as every message cuts it (errors.quoted):
        a 10,000-character command was printed back whole (fz2 7)."""
        if action.choices is not None and value not in action.choices:
            choices = ", ".join(map(repr, action.choices))
            raise argparse.ArgumentError(action, f"invalid choice: {quoted(value)} (choose from {choices})")

    def parse_known_args(self, args=None, namespace=None):  # type: ignore[override]
        """A command's parser refuses what it does not know itself: argparse hands it to the top-level
        parser, whose message named no command and pointed at `followup --help` ("followup list --foo")."""
        parsed, extras = super().parse_known_args(args, namespace)
        if extras and " " in self.prog:  # a command's parser: its prog is "followup list"
            self.error(f"unrecognized arguments: {' '.join(extras)}")
        return parsed, extras


# --- add, move ---------------------------------------------------------------
def cmd_add(args) -> int:
    from tui.core import actions
    from tui.core.timefmt import understood

    settings, moment = user_settings(), now()
    people = cli_record.read_interviewers(args.interviewer)  # the forms' splitter: "Dana Kim; Lee Park" is two
    at = read_when(args.at, EVENT, settings, moment, "--at")
    app = actions.new_application(
        args.company, args.role, now=moment, round_name=args.round, round_at=at, interviewers=people,
        use_thank_you=settings.use_thank_you,
    )
    def refuse_added_before(apps) -> None:
        """`add` run again (a cron job's retry) is refused, naming the card it already made."""
        from tui.core.errors import ValidationError
        from tui.core.import_match import added_before, added_before_words

        there = added_before(apps, app.company, app.role, at)
        if there is not None:
            raise ValidationError(f"{added_before_words(there, at, settings, moment)} (someone else met in that "
                                  f"round: followup interviewer {there.short_id} NAME; another round: "
                                  f"followup round {there.short_id} --at WHEN)")

    store = store_at(args)
    refuse_added_before(store.load_all())  # read only: a refused retry leaves an older file as it is
    store.open()
    store.add(app, refuse=refuse_added_before)  # and again under the lock, for a retry running alongside
    upcoming = " (upcoming)" if at > moment else ""
    return confirm(args, None, app, f"{app.role}, round “{app.rounds[0].name}” "
                   f"{understood(at, settings.zone, moment)}{upcoming}", settings, moment)


def cmd_move(args) -> int:
    """PRODUCT's line for a change: the id, the move, the first deadline it created or moved (the
    thank-you a move to thanked settles becomes the follow-up), and an outcome a reopened card lost."""
    from tui.core import actions
    from tui.core.errors import ValidationError
    from tui.core.stages import Outcome, Stage
    from tui.core.thanks_owed import cleared_outcome

    stage = Stage.parse(args.stage)
    store, app = open_card(args)
    if app.stage is stage:
        print(app.short_id if args.quiet else f"{card_title(app)} is already in {stage.value}; nothing changed")
        return 0
    if stage is Stage.CLOSED:  # PRODUCT: closing by any path asks for the outcome; a script cannot be asked
        outcomes = "|".join(outcome.value for outcome in Outcome)
        raise ValidationError(f"closing needs an outcome: use followup close {app.short_id} OUTCOME "
                              f"({outcomes}) [--at WHEN]; nothing changed")

    def change(card, settings, moment):
        if card.stage is stage:  # another process moved it there meanwhile
            return card, f"already in {stage.value}; nothing changed"
        new = actions.move(card, stage, now=moment)
        cleared = cleared_outcome(card, new)  # the board's toast says it in the same words
        return new, f"{card.stage.value} → {stage.value}" + (f"; {cleared}" if cleared else "")

    return change_card(args, change, card=(store, app))


# --- the parser --------------------------------------------------------------------
class _OneCommand:
    """The commands' registry when the command line names its command: only that one is built.

    argparse builds every command's parser up front (each a formatter, a terminal size and a
    translation lookup per argument): ~10 ms of `followup due` or `stats`, for parsers that a
    command line naming its command never uses. The others get a stand-in that takes their
    arguments and builds nothing. `followup --help`, a mistyped command and shell completion
    still get every command (main builds the whole parser when no command is named).
    """

    def __init__(self, subparsers, name: str) -> None:
        self.subparsers, self.name, self.built = subparsers, name, False

    def add_parser(self, name: str, **kwargs):
        if name != self.name:
            return _Unbuilt()
        self.built = True
        return self.subparsers.add_parser(name, **kwargs)


class _Unbuilt:
    """A command's parser that is not needed for this command line: its arguments are dropped."""

    def add_argument(self, *args, **kwargs) -> None:
        return None

    def set_defaults(self, **kwargs) -> None:
        return None

    def add_mutually_exclusive_group(self, **kwargs) -> "_Unbuilt":
        return self

    def add_argument_group(self, *args, **kwargs) -> "_Unbuilt":
        return self


def _help_as_a_word(argv: list[str]) -> list[str]:
    """`followup help` and `followup help COMMAND`, as many tools take them: the --help they mean
    (argparse refused "help" as an unknown command, review R7 7)."""
    index = command_index(argv)
    if index is None or argv[index] != "help":
        return argv
    rest = argv[index + 1:]
    return [*argv[:index], *rest[:1], "--help"]


def named_command(argv: list[str]) -> str | None:
    """The word of `argv` that argparse will take as the command, or None (cli_parsing.command_index)."""
    index = command_index(argv)
    return None if index is None else argv[index]


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; with `only`, that command's parser alone is built (see _OneCommand)."""
    parser = _Parser(
        prog="followup",
        description="Followup: thank-you notes, recruiter directions and follow-ups after an interview. "
                    "With no command, opens the board.",
        epilog="examples:\n  followup                      open the board\n"
               "  followup --demo               try it on a throw-away copy of the demo data\n"
               "  followup due --exit-code      what is due, for a login script\n"
               "Each command has its own --help.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"followup {__version__}")
    add_db_option(parser)
    parser.add_argument("--demo", action="store_true", help="open the board on a throw-away copy of the demo data")
    add_quiet_option(parser, "with a command that changes a card: print its id alone (also after the command)",
                     top_level=True)
    common = argparse.ArgumentParser(add_help=False)  # what every command takes: --db
    add_db_option(common)
    subparsers: Any = parser.add_subparsers(title="commands", metavar="COMMAND")
    if only is not None:
        subparsers = _OneCommand(subparsers, only)

    add = add_command(subparsers, common, "add", "add an application after an interview round",
                   'followup add Acme --role "Platform engineer" --at "yesterday 10am" \\\n'
                   '    --interviewer "Dana Kim <dana@acme.example>" --interviewer "Lee Park" --round Onsite',
                   cmd_add,
                   'WHEN is in your time zone: "2026-12-01 14:00", "today 15:30", "yesterday 10am",\n'
                   '"tomorrow" (09:00), "mon 9:00" (the latest Monday), "last fri", "dec 1", "in 2 days", "now".')
    add.add_argument("company", metavar="COMPANY")
    add.add_argument("--role", required=True, help="the role applied for")
    add.add_argument("--at", required=True, metavar="WHEN", help="when the interview round took place")
    add.add_argument("--interviewer", action="append", metavar='"NAME <EMAIL>"',
                     help="someone you met (repeat, or several in one: \"Dana Kim; Lee Park\"); the email is optional")
    add.add_argument("--round", default=DEFAULT_ROUND_NAME, metavar="NAME",
                     help=f"name of the round (default: {DEFAULT_ROUND_NAME})")
    add_quiet_option(add)

    cli_list.register_list(subparsers, common)

    move = add_command(subparsers, common, "move", "move an application to another stage (kept in its history)",
                    "followup move 3f2a awaiting", cmd_move,
                    "ID is the id or any unique prefix of it ('followup list' shows them).\n"
                    "Closing needs an outcome: use 'followup close ID OUTCOME' for that.")
    add_id_argument(move)
    completes(move.add_argument("stage", metavar="STAGE",
                                help="interviewed, thanked, awaiting or followed-up (closed: see 'followup close')"),
              _stages_to_move_to)
    add_quiet_option(move)

    cli_list.register_due(subparsers, common)

    cli_letter.register(subparsers, common)
    for module in (cli_show, cli_record, cli_snooze, cli_edit, cli_exchange, cli_config, cli_stats, cli_remind):
        module.register(subparsers, common)
    if isinstance(subparsers, _OneCommand) and not subparsers.built:  # not a command: say so with every one
        return build_parser()
    return parser


@contextmanager
def collector_paused() -> Iterator[None]:
    """A command runs for a moment and makes its objects at once (10,000 applications are about a
    million); the cycle collector would walk them over and over while they are made and free
    nothing, so it waits until the command is done. (The board has its own rule: tui/ui/launch.py.)"""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _stages_to_move_to() -> list[str]:
    from tui.core.stages import OPEN_STAGES

    return [stage.value for stage in OPEN_STAGES]  # closing asks the outcome: `followup close`


def main(argv: list[str] | None = None, *, board: Callable[[argparse.Namespace], int] | None = None) -> int:
    """Run the command in `argv`; without one, `board(args)` (tui/main.py passes the board's launcher).

    The arguments are checked first either way, and every way it ends is an exit code.
    """
    from tui.core.errors import FollowupError

    argv = sys.argv[1:] if argv is None else list(argv)
    argv = _help_as_a_word(argv)
    if sys.stderr is None:  # 2>&-: the remarks go nowhere, as asked; the command still runs
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115  (lives as long as the process)
    if sys.stdout is None:  # >&-: what the command prints would be lost, its id or its export
        remark("standard output is closed (>&-): nothing was done; give it a file or a pipe")
        return EXIT_USER_ERROR
    if sys.stdin is None:  # <&-: reading it finds nothing, and the command says so (`note -`, `import -`)
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115  (lives as long as the process)
    try:  # text from an older file that is not UTF-8 is printed escaped, never as a traceback
        sys.stdout.reconfigure(errors="backslashreplace")
    except (AttributeError, ValueError):
        pass
    completing = "_ARGCOMPLETE" in os.environ  # a shell asking for completions needs every command
    parser = build_parser(None if completing else named_command(argv))
    cli_config.complete(parser)  # a shell asking for completions gets them, and nothing else runs
    try:
        refuse_bad_arguments(parser, argv)
    except FollowupError as exc:
        remark(str(exc))
        return EXIT_USER_ERROR
    argv = cli_config.value_may_start_with_dash(argv)  # `config remind_before -1h`: -1h is the VALUE
    try:
        args = parser.parse_args(argv)
        blank_as_empty(args)
        handler = getattr(args, "handler", None)
        if handler is not None and args.demo:
            parser.error("--demo opens the board on the demo data: give it without a command")
        if handler is None and board is None:
            parser.error("no command given")
        if args.quiet and not getattr(args, "takes_quiet", False):  # given before a command without it
            parser.error("-q goes with a command that changes a card (add, move, round, …), not with "
                         + (f"{named_command(argv)}" if handler is not None else "the board"))
    except SystemExit as exc:  # --help, --version, usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_USER_ERROR
    try:
        from tui.store.atomic import files_written

        args.files_before = files_written()  # what this command saves is what it adds to the count
        if handler is None:
            return int(board(args) or 0)  # type: ignore[misc]  # checked above
        with collector_paused():
            code = int(handler(args) or 0)
        return _flushed(code, args)
    except FollowupError as exc:
        remark(str(exc))
        return EXIT_USER_ERROR
    except OSError as exc:
        try:  # what was printed before goes out; what cannot be written is dropped, or the flush at
            sys.stdout.flush()  # exit fails again
        except OSError:
            drop_output()
        if isinstance(exc, BrokenPipeError):  # e.g. `followup list | head -1`: the reader had enough
            return _reader_gone(args)
        where = f"{exc.filename}: " if exc.filename else ""
        remark(f"{where}{exc.strerror or exc}")
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130


def _flushed(code: int, args: argparse.Namespace) -> int:
    """`code`, once what was printed is out. A write that fails (a full disk) fails here, while it can be
    said: a command that would have ended well exits 2, or 1 when it saved a change (one that says why it
    ends otherwise keeps its code); what could not be written is dropped (drop_output), or Python's own
    flush at exit failed again, with its message and exit 120 (read-through B 2)."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped reading (`| head -1`)
        drop_output()
        return code if code else _reader_gone(args)
    except OSError as exc:
        drop_output()
        if code == 0 and _saved(args):  # `delete … --yes >/dev/full`: the card is gone all the same
            remark(f"done and saved, but its output could not be written ({exc.strerror or exc})")
            return 1
        if code == 0:
            remark(exc.strerror or str(exc))
            return EXIT_USER_ERROR
    return code


def _saved(args: argparse.Namespace) -> bool:
    """Whether the command has saved a file (its change, a config, an export) since it started."""
    from tui.store.atomic import files_written

    return files_written() > args.files_before


def _reader_gone(args: argparse.Namespace) -> int:
    """The exit code when standard output's reader stopped reading: 0 for a listing (`| head -1` had what
    it wanted) or a change already saved; 2 for a change not made yet (`letter --mark-sent` into a closed
    pipe recorded nothing, and said 0)."""
    changes = getattr(args, "takes_quiet", False) and getattr(args, "mark_sent", True)  # (a letter: if marked)
    if _saved(args) or not changes:
        return 0
    remark("standard output's reader stopped reading before the command was done; nothing was changed")
    return EXIT_USER_ERROR


if __name__ == "__main__":
    sys.exit(main())
