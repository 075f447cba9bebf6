"""The last resort for typed text the board could not save: a plain file the user can copy from.

PRODUCT.md: rescue files live in the user's state folder (the temp folder if
that cannot be written), never beside the data file, and are named on screen
and on standard error.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import NamedTuple


class Unsaved(NamedTuple):
    """Text a screen holds that the file may not have: what it is, for whom, and the text."""

    app_id: str
    what: str  # "the notes of Acme", "the thank-you note to Dana Kim (Acme)"
    text: str
    stored: bool = True  # the data file takes it (notes); False: only a rescue file keeps it (a letter, a form)
    why_not_stored: str = ""  # said with a text that is not stored: "letters live until they are sent"


def rescue_folder_candidates() -> list[Path]:
    import platformdirs

    return [Path(platformdirs.user_state_dir("followup", appauthor=False)), Path(tempfile.gettempdir())]


def rescue_text(unsaved: Unsaved, reason: str = "") -> Path:
    """Write the text to a new rescue file and return its path; OSError when no folder would take it.

    Several texts of one card are often rescued in the same second (a card deleted elsewhere under its
    notes, a letter and a form; a quit with three letters open): a name already taken gets a number
    (`…-2.md`), never another folder, and no file is ever overwritten."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    stem = f"followup-rescue-{stamp}-{unsaved.app_id[:8]}"
    header = f"<!-- {unsaved.what}: not saved{': ' + reason if reason else ''} -->\n"
    errors = []
    for folder in rescue_folder_candidates():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for number in range(1, 1000):
                target = folder / (f"{stem}.md" if number == 1 else f"{stem}-{number}.md")
                try:
                    handle = open(target, "x", encoding="utf-8")
                except FileExistsError:
                    continue
                with handle:
                    handle.write(header + unsaved.text)
                os.chmod(target, 0o600)
                return target
            raise FileExistsError(f"{folder / stem}-*.md: a thousand taken")
        except OSError as exc:
            errors.append(f"{folder}: {exc.strerror or exc}")
    raise OSError("could not write a rescue file (" + "; ".join(errors) + ")")


def keep_rescued(rescued: list[str], unsaved: Unsaved, why: str) -> str:
    """Put `unsaved` in a rescue file and its line for standard error in `rescued`; where it is, to show.

    `rescued` is the board's list (FollowupApp.rescued): printed as the board
    closes, and the board then exits 1, whenever in the session the file was
    written (PRODUCT: named on screen and on standard error).
    """
    try:
        where = f"it is in {rescue_text(unsaved, why)}"
    except OSError as exc:
        where = f"and no rescue file could be written: {exc}"
    failed = "could not be saved" if unsaved.stored else "was not saved"  # a letter is never stored: no failure
    rescued.append(f"followup: {unsaved.what} {failed} ({why}); {where}")
    return where
