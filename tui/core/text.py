"""Text that is safe to store and to print: no terminal controls, nothing that is not Unicode."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

# C0 and C1 (less tab and newline), and the bidirectional embeddings, overrides and isolates: they
# reorder what the terminal shows after them (a company name could reverse the rest of its line).
# The marks that right-to-left text needs (U+200E, U+200F) stay.
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LONE_SURROGATES = re.compile(r"[\ud800-\udfff]")  # what undecodable bytes become in Python


def clean_text(text: str) -> str:
    """`text` with control characters dropped and undecodable bytes shown as U+FFFD."""
    return CONTROLS.sub("", _LONE_SURROGATES.sub("\ufffd", text))


def is_clean(text: str) -> bool:
    return not (CONTROLS.search(text) or _LONE_SURROGATES.search(text))


def first_unclean(value: Any, path: str = "") -> str | None:
    """Where in plain data (dicts, lists, texts) the first text that is not clean sits ("rounds[0].name";
    "" for `value` itself), or None when every text is clean."""
    if isinstance(value, str):
        return None if is_clean(value) else path
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        found = first_unclean(item, f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}" if path else str(key))
        if found is not None:
            return found
    return None


def cell_width(text: str) -> int:
    """How many terminal cells `text` takes: a wide character (CJK, most emoji) takes two, a
    combining mark none. The board and the command line both measure with this, so their
    columns agree; rich's table is the one the board's widgets use, and plain ASCII skips it."""
    if text.isascii():
        return len(text)
    from rich.cells import cell_len  # rich, not Textual: 14 ms, paid only for non-ASCII text

    return cell_len(text)


def fit_cells(text: str, width: int) -> str:
    """`text` on one line, exactly `width` cells: cut with an ellipsis, or padded. The one place
    text is cut to a width for the terminal (board cards, sidebar rows, CLI tables), so a wide
    character is never cut in half and columns line up."""
    if width <= 0:
        return ""
    line = str(text).replace("\r", " ").replace("\n", " ").replace("\t", " ")
    if line.isascii():
        if len(line) > width:
            line = line[: width - 1] + "…"
        return line + " " * (width - len(line))
    if cell_width(line) > width:
        kept, used = [], 0
        for char in line:
            size = cell_width(char)
            if used + size > width - 1:
                break
            kept.append(char)
            used += size
        line = "".join(kept) + "…"
    return line + " " * max(0, width - cell_width(line))


def plural(count: int, noun: str, plural_form: str = "") -> str:
    """`noun` in the number `count` asks for: 'application' for 1, else 'applications' (or `plural_form`,
    for a noun that does not just take an s). The one plural rule for what the app prints."""
    return noun if count == 1 else plural_form or noun + "s"


def counted(count: int, noun: str, plural_form: str = "") -> str:
    """'1 application', '3 applications', '0 applications' ("wrote 1 applications" was a copy that
    forgot the rule)."""
    return f"{count} {plural(count, noun, plural_form)}"


def folded(text: str) -> str:
    """`text` for matching what a person types: case and accents dropped ("José" and "jose" are one
    name on a keyboard without é). The one fold of the board's filter and of a typed interviewer."""
    if text.isascii():
        return text.lower()
    return "".join(ch for ch in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(ch))
