"""Where and how wide the command line prints: standard output laid out for a terminal's width or whole
for a pipe, remarks on standard error, `-o FILE`, and the files and standard input a command reads.

Every command prints through these, so a narrow pane and a script reading a pipe each get the one
layout; the data file, settings and card helpers of cli_common have nothing to do with it. Only the
standard library is imported up front.
"""

from __future__ import annotations

import sys
from pathlib import Path

# The most a command reads of a file or standard input it is given (`import FILE`, `import -`, `note -`):
# an export of thousands of cards is a few MB, so this is far above any real file, yet bounded: unbounded,
# `import /dev/zero` or `note ID - </dev/zero` read until the machine ran out of memory (fz2 1).
INPUT_LIMIT = 64 * 1024 * 1024  # bytes
TABLE_WIDTH = 80  # to a pipe or a file: the same on every machine
NARROWEST, WIDEST = 40, 160


def on_terminal() -> bool:
    """Whether standard output is a terminal someone reads (not a pipe or a file a script reads)."""
    isatty = getattr(sys.stdout, "isatty", None)
    return bool(isatty and isatty())


def table_width() -> int:
    """The width every command lays its text out for, the one place it is chosen: 80 columns to a
    pipe or a file (the same on every machine; `--json` has every field whole), else the terminal's
    width between 40 and 160, so a narrow tmux pane gets lines that fit instead of lines the
    terminal breaks mid-word (PRODUCT: the commands work anywhere)."""
    return terminal_width() if on_terminal() else TABLE_WIDTH


def terminal_width() -> int:
    """The terminal's width, kept between 40 and 160 (table_width's choice for a terminal)."""
    import shutil

    return max(NARROWEST, min(WIDEST, shutil.get_terminal_size((TABLE_WIDTH, 24)).columns))


def print_fitted(line: str, indent: int = 2, *, flush: bool = False) -> None:
    """Print `line`: in a terminal wrapped between words to its width (further lines `indent` cells in,
    tui.core.text.wrap_cells); to a pipe or a file whole, as scripts read it."""
    if on_terminal():
        from tui.core.text import wrap_cells

        line = "\n".join(wrap_cells(line, table_width(), indent))
    print(line, flush=flush)


def remark(text: str) -> None:
    """A line for the user on standard error, where standard output may carry data (a letter, an export);
    wrapped between words to a terminal's width as print_fitted wraps standard output (review Q: a
    40-column pane cut "notify_command", the very key the remark names)."""
    line = f"followup: {text}"
    isatty = getattr(sys.stderr, "isatty", None)
    if isatty and isatty():
        from tui.core.text import wrap_cells

        line = "\n".join(wrap_cells(line, terminal_width(), 2))
    print(line, file=sys.stderr)


def print_data(text: str) -> None:
    """A letter or JSON on standard output, as UTF-8 whatever the locale (write_data)."""
    write_data(text.encode("utf-8", "backslashreplace"))


def write_output(name: str | None, payload: bytes, what: str, data_file: Path) -> Path | None:
    """Every `-o FILE`: None or '-' is standard output; a file is replaced atomically,
    and only where paths.check_target allows (never a device, a FIFO or a read-only
    file, never into a missing folder) and never over `data_file`, its lock or its backups
    (paths.check_not_ours). Returns the file written, None for stdout."""
    if name in (None, "-"):
        write_data(payload)
        return None
    from tui.core.errors import ValidationError, shown_path
    from tui.store.atomic import atomic_write_bytes
    from tui.store.errors import StoreError
    from tui.store.paths import check_not_ours

    target = Path(name).expanduser()
    try:
        check_not_ours(target, data_file)
        atomic_write_bytes(target, payload)
    except (OSError, StoreError) as exc:  # the store words its OS errors for the data file; reword
        cause = exc if isinstance(exc, OSError) else exc.__cause__
        if not isinstance(cause, OSError):  # refused by check_target: its message says what to do
            raise ValidationError(f"cannot write {what}: {exc}") from None
        why = cause.strerror or "the disk refused it"
        raise ValidationError(f"{shown_path(target)}: cannot write {what} ({why}); pick another file with -o") from None
    return target


def write_data(payload: bytes) -> None:
    """Data (an export, JSON, a letter) on standard output as the UTF-8 bytes it is, flushed, so that an
    error writing it (a full disk) is raised here, while the command can still say so. Written through
    the locale's encoding instead, a backup taken in an ISO-8859 locale held Latin-1 bytes and \\U escapes
    that no import could read back (review T2 1). A table for the eye (`list`, `due`) stays in the
    locale's encoding, as the terminal shows it."""
    sys.stdout.flush()  # what was printed before goes first
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (a test capturing the output)
        sys.stdout.write(payload.decode("utf-8", "backslashreplace"))
        sys.stdout.flush()
        return
    buffer.write(payload)
    buffer.flush()


def drop_output() -> None:
    """Point standard output at /dev/null once a write to it has failed (a full disk, a reader gone):
    the bytes still in its buffer then go nowhere, quietly, where Python's flush at exit would fail
    again and end the process with its own message and exit 120."""
    import os

    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (a test's capture): nothing to drop
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def read_limited(stream, what: str) -> bytes:
    """All of `stream` (a file, a pipe, standard input), refused once it is over INPUT_LIMIT bytes: what
    a command reads as its input. `what` names it in the message ("standard input", a file's path)."""
    from tui.core.errors import ValidationError

    data = stream.read(INPUT_LIMIT + 1)
    if len(data) > INPUT_LIMIT:
        raise ValidationError(f"{what} is over {INPUT_LIMIT // (1024 * 1024)} MB, the most Followup reads "
                              "(far more than any export); nothing was done")
    return data


def read_input(name: str, advice: str) -> bytes:
    """The bytes of the file `name` a command reads as its input: a regular file or a pipe (`<(…)`), never a
    device or a folder (core.files.open_regular, the check --db has), and at most INPUT_LIMIT bytes.
    `advice` ends the message when it cannot be read ("give a CSV or JSON file …")."""
    from tui.core.errors import ValidationError, shown_path
    from tui.core.files import open_regular

    try:
        with open_regular(Path(name), pipe=True) as handle:
            return read_limited(handle, shown_path(name))
    except OSError as exc:
        raise ValidationError(f"{shown_path(name)}: cannot be read ({exc.strerror or exc}); {advice}") from None
