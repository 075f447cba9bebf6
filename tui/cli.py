"""The command line: its arguments, and the headless commands for scripts and login shells.

Only argparse and re (and cli_letter.py and cli_common.py, which import no more)
are imported up front; each command imports what it needs, so
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
import re
import sys
from contextlib import contextmanager
from typing import Any, Callable, Iterator

from tui import __version__, cli_config, cli_edit, cli_exchange, cli_letter, cli_record, cli_remind, cli_show, cli_stats
from tui.cli_common import (
    EVENT,
    TABLE_WIDTH,
    add_command,
    add_db_option,
    add_id_argument,
    add_quiet_option,
    card_title,
    command_index,
    confirm,
    now,
    on_terminal,
    open_card,
    open_store,
    print_fitted,
    read_apps,
    read_when,
    remark,
    store_at,
    table_width,
    user_settings,
)
from tui.core.text import CONTROLS

EXIT_USER_ERROR = 2
STACKED_BELOW = 70  # a narrower terminal lists each application on two lines (see _stacked)
_STACK_MARGIN = " " * 9  # under the stage, past the id


class _Parser(argparse.ArgumentParser):
    """Usage errors in one line, like every other error."""

    def error(self, message: str):
        self.exit(EXIT_USER_ERROR, f"{self.prog}: {message} (see '{self.prog} --help')\n")


# --- add, list, move, close ---------------------------------------------------
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
    store = open_store(args)
    store.add(app)  # only after everything above was accepted
    upcoming = " (upcoming)" if at > moment else ""
    return confirm(args, None, app, f"{app.role}, round “{args.round}” "
                   f"{understood(at, settings.zone, moment)}{upcoming}", settings, moment)


def _listed(apps, settings, moment, stage=None) -> list[tuple]:
    """(application, its most pressing deadline or None), in board order."""
    from tui.core.deadlines import next_deadline

    pairs = [(app, next_deadline(app, settings, moment)) for app in apps
             if stage is None or app.stage is stage]
    far = moment.add(years=1000)
    pairs.sort(key=lambda pair: (pair[0].stage.index, pair[1].due if pair[1] else far, pair[0].company.lower()))
    return pairs


def list_rows(apps, settings, moment, stage=None) -> list[dict]:
    """The documented `list --json` objects (see LIST_JSON_SHAPE)."""
    from tui.core.timeutil import dump_time

    return [{
        "id": app.id,
        "short_id": app.short_id,
        "company": app.company,
        "role": app.role,
        "stage": app.stage.value,
        "outcome": app.outcome.value if app.outcome else None,
        "next_deadline": dump_time(upcoming.due) if upcoming else None,
        "next_action": upcoming.action if upcoming else None,
        "overdue": bool(upcoming and upcoming.overdue),
        "updated_at": dump_time(app.updated_at),
    } for app, upcoming in _listed(apps, settings, moment, stage)]


def cmd_list(args) -> int:
    import json

    from tui.core.stages import Stage

    stage = Stage.parse(args.stage) if args.stage else None
    settings, moment = user_settings(), now()
    apps, code = read_apps(store_at(args), settings, moment)
    if args.json:
        print(json.dumps(list_rows(apps, settings, moment, stage), ensure_ascii=False, indent=2))
        return code
    pairs = _listed(apps, settings, moment, stage)
    if not pairs:
        print_fitted(_nothing_listed(apps, stage))
        return code
    from tui.core.deadlines import relative

    total = table_width()
    rows = [(app.short_id, app.company, app.role, app.stage.value, relative(upcoming.due, moment) if upcoming else "—")
            for app, upcoming in pairs]
    print("\n".join(_table(rows, total) if total >= STACKED_BELOW else _stacked(rows, total)))
    return code


def _table(rows: list[tuple], total: int) -> list[str]:
    """The list as a table of `total` columns, each cell cut with an ellipsis where it is too long: a
    wider terminal shows more of the company and the role, a slightly narrower one a little less."""
    extra = total - TABLE_WIDTH
    widths = (8, 20 + extra // 2, 22 + extra - extra // 2, 11)
    return [_row(cells, widths, total) for cells in [("ID", "COMPANY", "ROLE", "STAGE", "NEXT"), *rows]]


def _stacked(rows: list[tuple], total: int) -> list[str]:
    """The list in a terminal too narrow for the table's five columns (a tmux pane): the id, stage and
    next deadline on one line, and under them the company and the role whole, wrapped between words,
    where the table would cut both to a few letters."""
    from tui.core.text import wrap_cells

    lines = [_row(("ID", "STAGE", "NEXT"), (8, 11), total), _STACK_MARGIN + "COMPANY — ROLE"]
    for short_id, company, role, stage, due in rows:
        lines.append(_row((short_id, stage, due), (8, 11), total))
        lines += wrap_cells(f"{_STACK_MARGIN}{company} — {role}", total, len(_STACK_MARGIN) + 2, separator=" — ")
    return lines


def _nothing_listed(apps, stage) -> str:
    """What an empty list says: with a stage filter and cards elsewhere, where they are (the hint to add
    one fits only a file with none)."""
    if stage is None or not apps:
        return "no applications yet; add one with: followup add COMPANY --role ROLE --at WHEN"
    from collections import Counter

    from tui.core.stages import STAGES

    counts = Counter(app.stage for app in apps)
    where = ", ".join(f"{counts[each]} {each.value}" for each in STAGES if counts[each])
    return f"no applications in stage {stage.value} (of {len(apps)}: {where}); 'followup list' shows them all"


def _row(cells, widths, total: int = TABLE_WIDTH) -> str:
    last = total - sum(widths) - len(widths)
    from tui.core.text import fit_cells

    parts = [fit_cells(cell, width) for cell, width in zip(cells, widths, strict=False)]
    return " ".join(parts + [fit_cells(cells[-1], last)]).rstrip()


def cmd_move(args) -> int:
    from tui.core import actions
    from tui.core.errors import ValidationError
    from tui.core.stages import Outcome, Stage

    stage = Stage.parse(args.stage)
    store, app = open_card(args)
    if app.stage is stage:
        print(app.short_id if args.quiet else f"{card_title(app)} is already in {stage.value}; nothing changed")
        return 0
    if stage is Stage.CLOSED:  # PRODUCT: closing by any path asks for the outcome; a script cannot be asked
        outcomes = "|".join(outcome.value for outcome in Outcome)
        raise ValidationError(f"closing needs an outcome: use followup close {app.short_id} OUTCOME "
                              f"({outcomes}) [--at WHEN]; nothing changed")
    moment, was = now(), app.stage

    def again(stored):  # the card was saved by another process meanwhile: move it as it is now
        nonlocal was
        was = stored.stage
        return None if stored.stage is stage else actions.move(stored, stage, now=moment)

    store.save(actions.move(app, stage, now=moment), again=again)
    if was is stage:
        print(app.short_id if args.quiet else f"{card_title(app)} is already in {stage.value}; nothing changed")
    else:
        print(app.short_id if args.quiet else f"{card_title(app)}: {was.value} → {stage.value}")
    return 0


# --- due -------------------------------------------------------------------------
def _due_within(apps, settings, moment, within_days: float) -> list:
    """The deadlines `due` shows: every task overdue or due within `within_days`, in deadline order."""
    from datetime import timedelta

    from tui.core.deadlines import all_deadlines

    horizon = moment + timedelta(days=within_days)
    return [d for d in all_deadlines(apps, settings, moment) if not d.is_quiet and d.due <= horizon]


def due_lines(apps, settings, moment, within_days: float) -> tuple[list[str], bool]:
    """One short line per overdue or soon deadline, and whether any is overdue. To a pipe each is one
    line cut at 80 columns (a login script's `| head`, a grep); in a terminal the action is wrapped
    between words to its width, under its column, so "Reply to Acme: thank them, ask for feedback"
    never loses its words to a narrow pane."""
    from tui.core.deadlines import marked_action, relative
    from tui.core.text import fit_cells, wrap_cells

    shown = _due_within(apps, settings, moment, within_days)
    when = [relative(d.due, moment) for d in shown]
    width = max(map(len, when), default=0)
    total, wrapped = table_width(), on_terminal()
    lines: list[str] = []
    for d, w in zip(shown, when, strict=True):
        line = f"{'!' if d.overdue else ' '} {w:<{width}}  {marked_action(d)}"
        if wrapped:
            lines += wrap_cells(line, total, width + 4, separator=" — ")
        else:
            lines.append(fit_cells(line, total).rstrip())
    return lines, any(d.overdue for d in shown)


def cmd_due(args) -> int:
    settings, moment = user_settings(), now()
    apps, code = read_apps(store_at(args), settings, moment)
    if args.summary:
        overdue = print_due_summary(apps, settings, moment, args)
    else:
        overdue = print_due_lines(apps, settings, moment, args)
    return 1 if args.exit_code and overdue else code


def print_due_lines(apps, settings, moment, args) -> bool:
    """`due`: a line per deadline; whether any is overdue."""
    lines, overdue = due_lines(apps, settings, moment, args.within)
    if lines:
        print("\n".join(lines))
    elif not args.quiet:
        print("nothing due")
    return overdue


def print_due_summary(apps, settings, moment, args) -> bool:
    """`due --summary`: the counts in the board's groups and words ("1 overdue, 2 due today"), so a
    status bar and the board's header say the same of the same deadline."""
    from collections import Counter

    from tui.core.deadlines import Group, TimeFrame

    frame = TimeFrame(moment, settings.zone)
    counts = Counter(frame.group_of(d) for d in _due_within(apps, settings, moment, args.within))
    parts = [f"{counts[group]} {group.counted}" for group in Group if counts[group]]
    if parts or not args.quiet:
        print("followup: " + (", ".join(parts) or "nothing due"))
    return bool(counts[Group.OVERDUE])


def _days(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 3650:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of days: use e.g. 1, 7 or 0.5")
    return value


# --- the parser --------------------------------------------------------------------
LIST_JSON_SHAPE = """\
--json prints a list of objects, one per application, in board order:
  id             the full id (string); any unique prefix works as ID
  short_id       its first 8 characters, as the table shows
  company, role  strings
  stage          interviewed | thanked | awaiting | followed-up | closed
  outcome        offer | accepted | rejected | withdrawn | no-response | null
  next_deadline  ISO 8601 time in UTC of the most pressing task, or null
  next_action    that task in words ("Thank Dana Kim — Acme"), or null
  overdue        true when next_deadline has passed
  updated_at     ISO 8601 time in UTC of the last change
New keys may be added; existing ones keep their meaning."""


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


def named_command(argv: list[str]) -> str | None:
    """The word of `argv` that argparse will take as the command, or None (cli_common.command_index)."""
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
    add.add_argument("--round", default="Interview", metavar="NAME", help="name of the round (default: Interview)")
    add_quiet_option(add)

    lst = add_command(subparsers, common, "list", "list applications with their next deadline",
                   "followup list --stage awaiting\nfollowup list --json | jq -r '.[] | select(.overdue) | .company'",
                   cmd_list, LIST_JSON_SHAPE)
    lst.add_argument("--stage", metavar="STAGE",
                     help="only this stage: interviewed, thanked, awaiting, followed-up, closed")
    lst.add_argument("--json", action="store_true", help="machine-readable output (shape below)")

    move = add_command(subparsers, common, "move", "move an application to another stage (kept in its history)",
                    "followup move 3f2a awaiting", cmd_move,
                    "ID is the id or any unique prefix of it ('followup list' shows them).\n"
                    "Closing needs an outcome: use 'followup close ID OUTCOME' for that.")
    add_id_argument(move)
    move.add_argument("stage", metavar="STAGE",
                      help="interviewed, thanked, awaiting or followed-up (closed: see 'followup close')")
    add_quiet_option(move)

    due = add_command(subparsers, common, "due", "print what is overdue or due soon, one short line each",
                   'followup due --within 2\n# in ~/.profile:   followup due --quiet\n'
                   "# in ~/.tmux.conf: set -g status-right '#(followup due --summary --quiet)'",
                   cmd_due, "Overdue lines start with '!'.")
    due.add_argument("--within", type=_days, default=1.0, metavar="DAYS",
                     help="also show what falls due in the next DAYS days (default: 1)")
    due.add_argument("--exit-code", action="store_true", help="exit with status 1 when something is overdue")
    due.add_argument("--summary", action="store_true", help="one line with counts, for a status bar")
    add_quiet_option(due, "print nothing when nothing is due")

    cli_letter.register(subparsers, common)
    for module in (cli_show, cli_record, cli_edit, cli_exchange, cli_config, cli_stats, cli_remind):
        module.register(subparsers, common)
    if isinstance(subparsers, _OneCommand) and not subparsers.built:  # not a command: say so with every one
        return build_parser()
    return parser


# --- text refused at the door ------------------------------------------------------
_NOT_UTF8 = re.compile("[\ud800-\udfff]")  # how Python hands over bytes that are not UTF-8 (surrogateescape)
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _shown(text: str) -> str:
    """`text` safe to print on one line: a byte that was not UTF-8 as \\xNN, a control as \\uNNNN."""
    def escape(match):
        code = ord(match.group())
        return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"

    return _UNPRINTABLE.sub(escape, text[:60]) + ("…" if len(text) > 60 else "")


def _argument_name(parser: argparse.ArgumentParser, argv: list[str]) -> str:
    """What the last of `argv` is, for a message: 'the value of --role', 'COMPANY of add', '' if unknown."""
    def value_option(p, option: str) -> str:  # argparse also takes a unique prefix of a long option
        found = {o: a.nargs != 0 for a in p._actions for o in a.option_strings}
        named = [o for o in found if o == option or (option.startswith("--") and o.startswith(option))]
        name = option if option in found else named[0] if len(named) == 1 else ""
        return name if found.get(name) else ""

    commands = next((a.choices for a in parser._actions if isinstance(a, argparse._SubParsersAction)), {})
    name, current, positional, value_of = "", parser, 0, ""
    for arg in argv:
        if value_of:
            name, value_of = f"the value of {value_of}", ""
        elif arg.startswith("-") and arg != "-":
            option, inline, _ = arg.partition("=")
            name = f"the value of {option}" if inline else option
            value_of = "" if inline else value_option(current, option)
        elif current is parser and arg in commands:
            name, current, positional = "the command", commands[arg], 0
        else:
            slots = [a for a in current._actions if not a.option_strings and a.nargs != argparse.PARSER]
            slot = slots[positional] if positional < len(slots) else None
            name = f"{slot.metavar or slot.dest} of {current.prog.split()[-1]}" if slot else ""
            positional += 1
    return name


def refuse_bad_arguments(parser: argparse.ArgumentParser, argv: list[str]) -> None:
    """Refuse an argument that is not UTF-8 or holds a control character, before anything is done.

    Stored, such text would break every later print and write of it, or reach
    the terminal as an escape sequence; the message names the argument.
    """
    from tui.core.errors import ValidationError

    for number, arg in enumerate(argv, start=1):
        if _NOT_UTF8.search(arg):
            why, fix = "is not valid UTF-8 text", "re-encode it as UTF-8 (e.g. iconv -f latin1 -t utf-8)"
        elif control := CONTROLS.search(arg):  # the one list of what text may not hold (tui.core.text)
            why, fix = f"holds a control character (U+{ord(control.group()):04X})", "remove it"
        else:
            continue
        name = _argument_name(parser, argv[:number])
        label = f"argument {number}" + (f" ({_shown(name)})" if name else "")
        raise ValidationError(f'{label} {why}: "{_shown(arg)}"; {fix} and try again')


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


def main(argv: list[str] | None = None, *, board: Callable[[argparse.Namespace], int] | None = None) -> int:
    """Run the command in `argv`; without one, `board(args)` (tui/main.py passes the board's launcher).

    The arguments are checked first either way, and every way it ends is an exit code.
    """
    from tui.core.errors import FollowupError

    argv = sys.argv[1:] if argv is None else list(argv)
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
        if handler is None:
            return int(board(args) or 0)  # type: ignore[misc]  # checked above
        with collector_paused():
            return int(handler(args) or 0)
    except FollowupError as exc:
        remark(str(exc))
        return EXIT_USER_ERROR
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):  # e.g. `followup list | head -1`
            return 0
        where = f"{exc.filename}: " if exc.filename else ""
        remark(f"{where}{exc.strerror or exc}")
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
