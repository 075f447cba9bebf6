"""A letter leaves the screen as a file: saved where the user says, or edited in $EDITOR.

Saving goes through the store's atomic write, so a crash leaves the old file or
the new one; whether an existing file may be replaced is the screen's question.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from pathlib import Path

from textual.app import App, SuspendNotSupported

from tui.core.errors import FollowupError, ValidationError
from tui.core.letters import Letter, first_name
from tui.core.stages import LetterKind
from tui.store.atomic import atomic_write_bytes
from tui.ui.detail.external_editor import editor_command

FOLDER_NAME = "followup-letters"


def default_folder() -> Path:
    return Path.home() / FOLDER_NAME


def slug(text: str) -> str:
    """'Acme Robotics, Inc.' -> 'acme-robotics-inc': letters and digits only, safe in a file name."""
    return re.sub(r"[\W_]+", "-", text.lower()).strip("-")[:40] or "letter"


def default_path(letter: Letter, company: str) -> Path:
    """~/followup-letters/<company>-<kind>[-<first name>].txt"""
    parts = [slug(company), letter.kind.value]
    if letter.kind is LetterKind.THANK_YOU and letter.recipient_name:
        parts.append(slug(first_name(letter.recipient_name)))
    return default_folder() / ("-".join(parts) + ".txt")


def resolve_path(raw: str) -> Path:
    """The file a typed path names (~ expanded, relative to the current folder)."""
    text = raw.strip()
    if not text:
        raise ValidationError("no file name given: type a path such as ~/letters/acme.txt")
    path = Path(text).expanduser()
    path = path if path.is_absolute() else Path.cwd() / path
    if path.is_dir():
        raise ValidationError(f"{path} is a folder: add a file name, e.g. {path / 'letter.txt'}")
    return path


def write_letter(path: Path, text: str) -> None:
    """Write the letter's text; the default folder is created when missing, other folders must exist."""
    folder = path.parent
    if not folder.is_dir():
        if folder != default_folder():
            raise ValidationError(f"the folder {folder} does not exist: create it, or pick another path")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ValidationError(f"cannot create {folder}: {exc.strerror or exc}; pick another path") from exc
    if not os.access(folder, os.W_OK):
        raise ValidationError(f"{folder} is not writable for you: pick another path")
    atomic_write_bytes(path, (text.rstrip("\n") + "\n").encode("utf-8"))


def edit_in_editor(app: App, text: str) -> str:
    """The text after the user's editor has run on it; FollowupError (letter untouched) if it failed."""
    command = editor_command()
    handle, raw_path = tempfile.mkstemp(prefix="followup-letter-", suffix=".txt")
    path = Path(raw_path)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text.rstrip("\n") + "\n")
        code = _run(app, command + [str(path)])
        if code != 0:
            raise FollowupError(f"{command[0]} exited with code {code}; the letter was left as it was")
        return path.read_text(encoding="utf-8").rstrip("\n")
    except FileNotFoundError as exc:
        raise FollowupError(f"cannot run {command[0]!r}: not found; set $EDITOR to an installed editor") from exc
    except UnicodeDecodeError as exc:
        raise FollowupError("the edited letter is not UTF-8 text; the letter was left as it was") from exc
    finally:
        path.unlink(missing_ok=True)


def _run(app: App, argv: list[str]) -> int:
    if app.is_headless:  # tests: no terminal to hand over
        return subprocess.call(argv)
    try:
        with app.suspend():
            return subprocess.call(argv)
    except SuspendNotSupported as exc:
        raise FollowupError("this terminal cannot hand over to another program; edit the letter here") from exc
