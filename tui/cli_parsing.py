"""How every command's parser is built: --db declared once, the ID argument, one-word choices in our
words, -q, the layout of each command's --help; and where in argv the command is.

Apart from cli_common (the clock, the settings, the data file) so that each holds one thing. Only
argparse and tui.core's error words are imported up front.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable

from tui.core.errors import quoted


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """--db, declared once: on the top-level parser and on the parent every command is made with.

    Given both before and after the command, the one after wins; not given, it
    is absent from the arguments, and the store comes from $FOLLOWUP_DB or the
    user data dir.
    """
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="data file (default: $FOLLOWUP_DB, else the user data dir)")


def add_id_argument(parser: argparse.ArgumentParser) -> None:
    """The card a command acts on, as `resolve` reads it: an id, a unique start of one, or of a company."""
    parser.add_argument("id", metavar="ID",
                        help="the application's id or a unique start of it, or of its company's name")


def add_choice(parser: argparse.ArgumentParser, *names: str, what: str, choices, **kwargs) -> None:
    """An argument that takes one word of a fixed list, in any case: a word not on it is refused in the
    project's words ("unknown report format 'txt': use one of md, csv", as the core's enums and `export`
    refuse theirs), not argparse's "invalid choice: 'txt' (choose from 'md', 'csv')"; the shell's
    completion still offers the list. `choices` is the list, or a function that gives it (a list the core
    holds, so the core is imported only when the word is read)."""
    def known() -> tuple[str, ...]:
        return tuple(choices() if callable(choices) else choices)

    def read(text: str) -> str:
        word = text.strip().lower()
        if word not in known():
            raise argparse.ArgumentTypeError(f"unknown {what} {quoted(text)}: use one of {', '.join(known())}")
        return word

    completes(parser.add_argument(*names, type=read, **kwargs), known)


def completes(action: argparse.Action | None, choices: Callable[[], Iterable[str]]) -> None:
    """The shell's completion offers `choices()` for this argument (argcomplete reads `completer`): for one
    whose word the core checks itself, in its own words (a stage, an outcome, a letter kind)."""
    if action is not None:  # None: a command this command line does not run (cli._Unbuilt)
        action.completer = lambda **_: tuple(choices())  # type: ignore[attr-defined]


def add_quiet_option(parser: argparse.ArgumentParser, help_text: str = "print the id alone", *,
                     top_level: bool = False) -> None:
    """-q on every command that changes a card (PRODUCT: the id alone instead of the confirmation line),
    so that a script reads the id the same way from each: `id=$(followup add … -q)`.

    PRODUCT gives -q as an output rule of the whole command line, so it is also declared (here, with
    `top_level`) on the top-level parser: `followup -q add …` works as `followup add … -q` does. A
    command's own -q is absent from the arguments when not given (SUPPRESS), so it leaves the one given
    before the command in place; `takes_quiet` lets cli.main refuse -q before a command without it.
    """
    if top_level:
        parser.add_argument("-q", "--quiet", action="store_true", help=help_text)
        return
    parser.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS, help=help_text)
    parser.set_defaults(takes_quiet=True)


def command_index(argv: list[str]) -> int | None:
    """Where in `argv` argparse will find the command: the first word after the top-level options
    (--db takes the next word as its value); None when there is none, or after a bare '--'."""
    value_next = False
    for index, arg in enumerate(argv):
        if value_next:
            value_next = False
        elif arg == "--":
            return None
        elif arg.startswith("-") and arg != "-":
            value_next = arg == "--db"
        else:
            return index
    return None


def add_command(subparsers, common, name: str, help_text: str, example: str, handler, extra: str = "",
                description: str = ""):
    """A command's parser: its one-line help, a description (the help as a sentence unless given),
    the notes in `extra` and an example, so that every command's --help reads the same way."""
    from tui.core.text import sentence

    epilog = (extra + "\n\n" if extra else "") + "example:\n  " + example.replace("\n", "\n  ")
    parser = subparsers.add_parser(
        name, help=help_text, description=description or sentence(help_text),
        epilog=epilog, parents=[common], formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(handler=handler)
    return parser
