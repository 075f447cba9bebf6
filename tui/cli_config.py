"""`followup config` (read and write settings) and `followup completion` (shell completion scripts).

config.toml is the user's own file: `config KEY VALUE` changes that one key
with tomlkit, which keeps every comment, blank line and key order as it was
(tomllib only reads; a dump from a dict would drop the comments), checks the
whole result with the settings loader's own rules before writing, and writes
atomically through tui.store.atomic (a symlinked dotfile keeps its link).
Completion comes from argcomplete: the shells call `followup` back with the
line typed so far, so the completions always come from this very parser.
"""

from __future__ import annotations

import argparse

from tui.cli_output import print_data
from tui.cli_parsing import add_choice, add_command, command_index, completes

SHELLS = ("bash", "zsh", "fish")


def _typed(key: str, text: str, source: str):
    """VALUE as the type the key takes: a whole number, true/false, a list (comma-separated) or text.
    What does not read as that type gets the loader's own message (settings.not_allowed)."""
    from tui.core.settings import Settings, not_allowed

    default = Settings._field_defaults[key]
    if isinstance(default, bool):
        if text.strip().lower() not in ("true", "false"):
            raise not_allowed(key, text, source)
        return text.strip().lower() == "true"
    if isinstance(default, int):
        try:
            return int(text.strip())
        except ValueError:
            raise not_allowed(key, text, source) from None
    if isinstance(default, tuple):
        return [part.strip() for part in text.split(",") if part.strip()]
    if key == "name":  # nothing visible (only spaces, U+200B…) is empty, as in a card's names (fz2 5)
        from tui.core.text import has_visible

        return text if has_visible(text) else ""
    return text.replace("\\n", "\n") if key == "signature" else text


_TYPED = "typed"  # the source a typed value is checked under: its refusal names no file


def _value_typed(key: str, text: str, path, current: dict):
    """VALUE as the key takes it, checked alone before the file is: a bad one is refused as the value
    typed, with the file untouched. Checked with the file, it was refused as "…/config.toml: key = 'abc'
    is not allowed", the words of a bad value in the file, which read as a broken config.toml (review R6 7)."""
    from tui.core.errors import ValidationError
    from tui.core.settings import settings_from_mapping

    try:
        value = _typed(key, text, _TYPED)
        settings_from_mapping({key: value}, source=_TYPED, typed=key)
    except ValidationError as exc:
        said = str(exc).removeprefix(f"{_TYPED}: ")
        kept = f": {path} keeps {key} = {_shown(current[key])}" if key in current else f" to {path}"
        raise ValidationError(f"{said}. Nothing was written{kept}") from None
    return value


def _shown(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ", ".join(value)
    return str(value)


def _checked(data: dict, source: str, *, typed: str = ""):
    """The settings `data` makes, checked as every command reads them; a key that is no setting is
    named on standard error and left in the file (it is the user's), so a stray line never stops
    `followup config` from writing the key that is wanted."""
    from tui.cli_output import remark
    from tui.core.settings import settings_from_mapping

    warnings: list[str] = []
    settings = settings_from_mapping(data, source=source, warnings=warnings, typed=typed)
    for line in warnings:
        remark(line)
    return settings


def _mark(key: str, current: dict, settings) -> str:
    """How a key not in the file is marked; an empty timezone, in the file or not (`config timezone ""`
    writes it), names the zone it stands for (README)."""
    if key == "timezone" and not settings.timezone:
        return f"   ({'default' if key not in current else 'empty'}: {_system_zone(settings)}, the system's)"
    return "" if key in current else "   (default)"


def _system_zone(settings) -> str:
    """The system's zone's name, or what is wrong with TZ: the listing is where the user looks to fix it."""
    from tui.core.errors import ValidationError

    try:
        return settings.zone.name
    except ValidationError as exc:
        return f"none Followup can read ({exc})"


def cmd_config(args) -> int:
    from tui.core.errors import ValidationError
    from tui.core.settings import Settings, read_config, unknown_key
    from tui.store.store import config_path

    path = config_path()
    text = read_config(path) or ""
    import tomlkit

    try:
        document = tomlkit.parse(text)
    except tomlkit.exceptions.ParseError as exc:
        raise ValidationError(f"{path}: not valid TOML ({exc}); fix or remove the file") from None
    current = document.unwrap()
    if args.key is None:  # every key, as the app reads it
        settings = _checked(current, str(path))
        for key in Settings._fields:
            print(f"{key} = {_shown(getattr(settings, key))}{_mark(key, current, settings)}")
        return 0
    if args.key not in Settings._fields:  # also when only reading it: no traceback for a typo
        raise unknown_key(args.key, str(path), typed=True)
    if args.value is None:
        settings = _checked(current, str(path))
        shown = _shown(current.get(args.key, Settings._field_defaults[args.key]))
        if args.key == "timezone" and not shown:  # not an empty line: the zone the empty value stands for
            state = "empty" if args.key in current else "not set"
            shown = f"{_system_zone(settings)}   (the system's: timezone is {state})"
        print(shown)
        return 0
    value = _value_typed(args.key, args.value, path, current)
    _checked({**current, args.key: value}, str(path), typed=args.key)  # the loader's own checks
    if args.key in current and type(current[args.key]) is type(value) and current[args.key] == value:
        # as `move` to its own stage: nothing written (but `use_thank_you = 1` is no `true`, though 1 == True:
        # the write is the fix the refusal names, read-through rv1 4)
        print(f"{args.key} is already {_shown(value)} in {path}; nothing changed")
        return 0
    document[args.key] = value
    _write(path, _with_final_newline(tomlkit.dumps(document), "\r\n" in text).encode("utf-8"))
    # a board already open takes it on its next poll (ui/settings_watch.py)
    print(f"{args.key} = {_shown(value)}   (written to {path}; a board already open takes it within a second)")
    return 0


def _with_final_newline(text: str, crlf: bool) -> str:
    """tomlkit keeps the file as it was, a missing last newline too, and a key written after it would
    then end the file without one: every write of config.toml ends its last line (POSIX text files,
    `cat`, editors and `>>` appends all expect it). `crlf`: the file's lines end in CRLF, and so do the
    lines tomlkit adds (it wrote LF, and the file's own endings were once all rewritten: fz6)."""
    text = text if text.endswith("\n") else text + "\n"
    return text.replace("\r\n", "\n").replace("\n", "\r\n") if crlf else text


def _write(path, payload: bytes) -> None:
    from tui.core.errors import ValidationError
    from tui.store.atomic import atomic_write_bytes
    from tui.store.errors import StoreError
    from tui.store.paths import check_home

    try:
        if not path.parent.exists():
            check_home("XDG_CONFIG_HOME")
        path.parent.mkdir(parents=True, exist_ok=True)  # Followup's own config folder, on first use
        atomic_write_bytes(path, payload)
    except (OSError, StoreError) as exc:
        raise ValidationError(f"{path}: cannot write the settings ({exc})") from None


# The options the command line knows after `config` (its own, and the top-level ones argparse says
# something about there): never read as a VALUE that starts with '-'.
_CONFIG_OPTIONS = ("--db", "--help", "-h", "-q", "--quiet", "--demo", "--version")


def value_may_start_with_dash(argv: list[str]) -> list[str]:
    """`argv` of `followup config KEY VALUE` with a VALUE that starts with '-' given behind '--', so that
    argparse hands it over as VALUE and the setting's own check says what is wrong with it (QA:
    `config remind_before -1h` gave "unrecognized arguments: -1h"). Any other command line comes
    back as it was; --db, -h and --help keep their meaning, before or after KEY (they are moved
    before it: after '--' argparse reads nothing as an option).
    """
    if "--" in argv:
        return argv
    command = command_index(argv)
    if command is None or argv[command] != "config":
        return argv
    options: list[str] = []
    positionals: list[str] = []
    value = None
    value_next = False
    for arg in argv[command + 1:]:
        name = arg.split("=", 1)[0]
        if value_next:
            options.append(arg)
            value_next = False
        elif arg == "-" or not arg.startswith("-"):
            positionals.append(arg)
        elif name in _CONFIG_OPTIONS or (name.startswith("--") and len(name) > 2
                                         and any(o.startswith(name) for o in _CONFIG_OPTIONS)):
            options.append(arg)
            value_next = "=" not in arg and "--db".startswith(name)
        elif len(positionals) == 1 and value is None:  # KEY given: this is VALUE, not an option
            value = arg
        else:
            return argv  # not ours to read: argparse says what is wrong with it
    if value is None:
        return argv
    return [*argv[:command + 1], *options, positionals[0], "--", value, *positionals[1:]]


def cmd_completion(args) -> int:
    import argcomplete

    print_data(argcomplete.shellcode(["followup"], shell=args.shell))
    return 0


def complete(parser: argparse.ArgumentParser) -> None:
    """When a shell asks for completions (argcomplete's environment is set), answer and exit."""
    import os

    if "_ARGCOMPLETE" in os.environ:
        import argcomplete

        argcomplete.autocomplete(parser)


def _setting_names() -> tuple[str, ...]:
    from tui.core.settings import Settings

    return Settings._fields


def register(subparsers, common) -> None:
    config = add_command(subparsers, common, "config", "show or change a setting in config.toml",
                         'followup config\nfollowup config name "Alex Doe"\n'
                         'followup config signature "Best regards,\\nAlex Doe"\nfollowup config work_hours',
                         cmd_config,
                         "Without KEY: every setting and its value. With KEY: its value. With KEY VALUE: the\n"
                         "value is checked as the app checks it, then written; comments in the file are kept.\n"
                         "Lists (remind_channels) are comma-separated; in signature, \\n starts a new line.")
    completes(config.add_argument("key", metavar="KEY", nargs="?"), _setting_names)
    config.add_argument("value", metavar="VALUE", nargs="?")

    completion = add_command(subparsers, common, "completion",
                             "print the shell completion script for bash, zsh or fish",
                             'eval "$(followup completion bash)"      # in ~/.bashrc\n'
                             'eval "$(followup completion zsh)"       # in ~/.zshrc\n'
                             "followup completion fish > ~/.config/fish/completions/followup.fish",
                             cmd_completion)
    add_choice(completion, "shell", what="shell", choices=SHELLS, metavar="SHELL", help="bash, zsh or fish")
