"""A letter leaves the screen as a file: saved where the user says, or edited in $EDITOR.

Saving goes through the store's atomic write, so a crash leaves the old file or
the new one; whether an existing file may be replaced is the screen's question.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from textual.app import App

from tui.core.errors import ValidationError
from tui.core.greeting import greeting_name
from tui.core.letters import Letter
from tui.core.stages import LetterKind
from tui.store.atomic import atomic_write_bytes
from tui.ui.detail.external_editor import edit_text

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
        parts.append(slug(greeting_name(letter.recipient_name)))
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


def check_path(raw: str) -> Path:
    """A typed path the letter can be written to, or the one-line reason why not (the form shows it
    under the field, before anything is written)."""
    path = resolve_path(raw)
    _check_folder(path.parent)
    return path


def _check_folder(folder: Path) -> None:
    if not folder.is_dir():
        if folder != default_folder():
            raise ValidationError(f"the folder {folder} does not exist: create it, or pick another path")
    elif not os.access(folder, os.W_OK):
        raise ValidationError(f"{folder} is not writable for you: pick another path")


def write_letter(path: Path, text: str) -> None:
    """Write the letter's text; the default folder is created when missing, other folders must exist and be
    writable (_check_folder, as the form checked them)."""
    folder = path.parent
    _check_folder(folder)
    if not folder.is_dir():
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ValidationError(f"cannot create {folder}: {exc.strerror or exc}; pick another path") from exc
    atomic_write_bytes(path, (text.rstrip("\n") + "\n").encode("utf-8"))


def edit_in_editor(app: App, text: str) -> str:
    """The text after the user's editor has run on it; FollowupError (letter untouched) if it failed."""
    edited = edit_text(app, text.rstrip("\n") + "\n", name="letter", suffix=".txt", what="letter")
    return edited.rstrip("\n")
