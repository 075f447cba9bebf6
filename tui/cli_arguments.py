"""Arguments that must never be stored: refused before any command runs, naming the argument.

A byte that is not UTF-8 (a Latin-1 name from a script) would be stored as a lone surrogate and break
every later print and write of it; a control character would reach the terminal as an escape sequence;
a line break or a tab would break the one line a one-line field prints on. Apart from the command line's
entry (tui/cli.py) so that its parser-building and dispatch read in one place.
"""

from __future__ import annotations

import argparse
import re

from tui.core.errors import QUOTED_LIMIT
from tui.core.text import (
    CONTROLS,
    LINE_BREAKS,
    LINE_SEPARATORS,
    MULTI_LINE_SETTINGS,
    ONE_LINE_BREAKS,
    has_visible,
    is_clean,
    line_feeds,
)

# --- text refused at the door ------------------------------------------------------
# The arguments whose text may run over lines, as `_argument_name` names them: a card's notes
# (tui.core.text.MULTI_LINE_FIELDS) and a letter's filled-in values; a config VALUE only for a
# setting in tui.core.text.MULTI_LINE_SETTINGS (the signature).
NOTE_TEXT = "TEXT of note"  # a CRLF in it is a line break (tui.core.text.line_feeds), as in an imported note
MULTI_LINE_ARGUMENTS = frozenset({NOTE_TEXT, "the value of --set"})
_CONFIG_VALUE = "VALUE of config"
# The options an empty value means something for: it clears the field (`edit --pitch ""`, `interviewer
# … --link ""`), or is the default round name (`round --name ""`). Any other given empty is a mistake,
# mostly a script's unset variable: `--db "$DB"` wrote to the user's own data file, `close --at ""`
# recorded now, `--by ""` an undated do-by (review T2 4).
EMPTY_MEANS_SOMETHING = frozenset({"--recruiter", "--posting", "--pitch", "--name", "--round",
                                   "--email", "--title", "--topic", "--link", "--link-note"})


def blank_as_empty(args: argparse.Namespace) -> None:
    """An option of EMPTY_MEANS_SOMETHING given only spaces is given empty: it clears the field, and the
    command says "cleared" (`edit --pitch '   '` cleared the pitch, as stored text is stripped, but said
    "set pitch “   ”": fz2 2). Any other option given only spaces is refused as empty (refuse_bad_arguments)."""
    for option in EMPTY_MEANS_SOMETHING:
        dest = option[2:].replace("-", "_")
        value = getattr(args, dest, None)
        if isinstance(value, str) and _blank(value):
            setattr(args, dest, "")


def _blank(value: str) -> bool:
    """Whether an argument is as good as empty: only spaces, or only zero-width or format characters
    (U+200B, U+FEFF…), which a stored field is cleaned to nothing of (parts.clean_field, fz2 5). One with
    a control character is not: that is refused as such, naming it."""
    return not value.strip() or (is_clean(value) and not has_visible(value))


_NOT_UTF8 = re.compile("[\ud800-\udfff]")  # how Python hands over bytes that are not UTF-8 (surrogateescape)
# what a message may not print as it is: every character CONTROLS refuses (the bidirectional overrides
# too: a refused U+202E was printed raw, reversing the line, review T2 8) and a byte that was not UTF-8
_UNPRINTABLE = re.compile(f"{ONE_LINE_BREAKS.pattern}|{CONTROLS.pattern}|{_NOT_UTF8.pattern}")


def _shown(text: str) -> str:
    """`text` safe to print on one line: a byte that was not UTF-8 as \\xNN, a control as \\uNNNN."""
    def escape(match):
        code = ord(match.group())
        return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"

    return _UNPRINTABLE.sub(escape, text[:QUOTED_LIMIT]) + ("…" if len(text) > QUOTED_LIMIT else "")


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
        if value_of and not arg.startswith("--"):  # an option with an optional value (--thanked) given none
            name, value_of = f"the value of {value_of}", ""
        elif arg.startswith("-") and arg != "-":
            option, inline, _ = arg.partition("=")
            name = f"the value of {value_option(current, option) or option}" if inline else option
            value_of = "" if inline else value_option(current, option)
        elif current is parser and arg in commands:
            name, current, positional = "the command", commands[arg], 0
        else:
            slots = [a for a in current._actions if not a.option_strings and a.nargs != argparse.PARSER]
            slot = slots[positional] if positional < len(slots) else None
            name = f"{slot.metavar or slot.dest} of {current.prog.split()[-1]}" if slot else ""
            positional += 1
    return name


def _option_of(name: str) -> str:
    """'--db' for 'the value of --db' (what _argument_name says of an option's value), else ''."""
    prefix = "the value of "
    return name[len(prefix):] if name.startswith(prefix + "-") else ""


def _config_key(parser: argparse.ArgumentParser, argv: list[str]) -> str:
    """The KEY of `followup config KEY VALUE` when the last of `argv` is its VALUE ('' if none)."""
    keys = [arg for number, arg in enumerate(argv[:-1], start=1)
            if _argument_name(parser, argv[:number]) == "KEY of config"]
    return keys[-1] if keys else ""


def _may_run_over_lines(parser: argparse.ArgumentParser, argv: list[str]) -> bool:
    """Whether the last of `argv` may hold a newline or a tab: a card's notes, a letter's value, and a
    config VALUE of a setting that may (the signature; every other is one line, as its file check says)."""
    name = _argument_name(parser, argv)
    if name == _CONFIG_VALUE:
        return _config_key(parser, argv) in MULTI_LINE_SETTINGS
    return name in MULTI_LINE_ARGUMENTS


def refuse_bad_arguments(parser: argparse.ArgumentParser, argv: list[str]) -> None:
    """Refuse an argument that is not UTF-8 or holds a control character, before anything is done.

    Stored, such text would break every later print and write of it, or reach
    the terminal as an escape sequence; the message names the argument.
    """
    from tui.core.errors import ValidationError

    for number, arg in enumerate(argv, start=1):
        value = arg.partition("=")[2] if arg.startswith("--") and "=" in arg else arg  # --by=VALUE
        option = _option_of(_argument_name(parser, argv[:number])) if _blank(value) else ""
        if option and option not in EMPTY_MEANS_SOMETHING:  # (one that may be empty still gets the checks below)
            raise ValidationError(f"{option} is given an empty value: give one, or leave {option} out "
                                  "(an unset variable in a script?); nothing was done")
        if _NOT_UTF8.search(arg):
            why, fix = "is not valid UTF-8 text", "re-encode it as UTF-8 (e.g. iconv -f latin1 -t utf-8)"
        elif control := CONTROLS.search(line_feeds(arg) if "\r" in arg and _argument_name(parser, argv[:number])
                                        == NOTE_TEXT else arg):  # the one list of what text may not hold
            why, fix = f"holds a control character (U+{ord(control.group()):04X})", "remove it"
        elif (broken := LINE_BREAKS.search(arg) or LINE_SEPARATORS.search(arg)) and not _may_run_over_lines(
                parser, argv[:number]):
            kind = "a tab" if broken.group() == "\t" else "a line break"
            field = "it is a one-line field"
            if _argument_name(parser, argv[:number]) == _CONFIG_VALUE:
                field = (f"{_shown(_config_key(parser, argv[:number]))} is a one-line setting "
                         f"(only {', '.join(sorted(MULTI_LINE_SETTINGS))} may run over lines)")
            why, fix = f"holds {kind} (U+{ord(broken.group()):04X}), and {field}", "put it on one line"
        else:
            continue
        name = _argument_name(parser, argv[:number])
        label = f"argument {number}" + (f" ({_shown(name)})" if name else "")
        raise ValidationError(f'{label} {why}: "{_shown(arg)}"; {fix} and try again')
