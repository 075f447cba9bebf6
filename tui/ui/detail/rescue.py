"""The last resort when notes cannot be saved: a plain file the user can copy from."""

from __future__ import annotations

import tempfile
from pathlib import Path


def rescue_note(db_path: Path, app_id: str, text: str) -> Path:
    """Write `text` beside the data file (or in the temp dir) and say where."""
    name = f"followup-unsaved-notes-{app_id[:8]}.md"
    for folder in (Path(db_path).parent, Path(tempfile.gettempdir())):
        target = folder / name
        try:
            target.write_text(text, encoding="utf-8")
            return target
        except OSError:
            continue
    raise OSError(f"could not write the unsaved notes anywhere (tried {db_path.parent} and the temp dir)")
