"""Text that is safe to store and to print: no terminal controls, nothing that is not Unicode."""

from __future__ import annotations

import re

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0 and C1, less tab and newline
_LONE_SURROGATES = re.compile(r"[\ud800-\udfff]")  # what undecodable bytes become in Python


def clean_text(text: str) -> str:
    """`text` with control characters dropped and undecodable bytes shown as U+FFFD."""
    return _CONTROLS.sub("", _LONE_SURROGATES.sub("\ufffd", text))


def is_clean(text: str) -> bool:
    return not (_CONTROLS.search(text) or _LONE_SURROGATES.search(text))
