"""The start-up index: the board's card summaries, saved beside the data file.

Rebuilding 10,000 applications from the data file takes most of a second;
reading their summaries back takes a few hundredths. So when the board closes
it leaves `<data file>.board` behind, and the next start draws from it while
the applications load in the background.

It is a cache and never the truth: it names the exact version of the data
file it was made from (the store's fingerprint) and the rules it was made with
(`rules_key`), and is used only when both still hold. Anything odd about it (missing,
unreadable, another version, a foreign shape) means it is ignored; writing it
is skipped quietly when the data file has moved on or the disk refuses.
"""

from __future__ import annotations

import json
from pathlib import Path

from tui.core.summary import Summary, from_plain
from tui.store import atomic

INDEX_SUFFIX = ".board"
_FORMAT = 1


def index_path(data_path: Path) -> Path:
    data_path = Path(data_path)
    return data_path.with_name(data_path.name + INDEX_SUFFIX)


def _plain_fingerprint(fingerprint: tuple) -> list:
    return [part.hex() if isinstance(part, bytes) else part for part in fingerprint]


def read_index(data_path: Path, rules: str) -> tuple[list[Summary], tuple] | None:
    """The summaries and the data file's fingerprint, when the index matches the file as it is now."""
    data_path = Path(data_path)
    fingerprint = atomic.read_fingerprint(data_path)
    if not fingerprint:
        return None
    try:
        raw = index_path(data_path).read_bytes()
        found = json.loads(raw)
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(found, dict) or found.get("format") != _FORMAT or found.get("rules") != rules:
        return None
    if found.get("data") != _plain_fingerprint(fingerprint) or not isinstance(found.get("cards"), list):
        return None
    summaries = []
    for row in found["cards"]:
        summary = from_plain(row)
        if summary is None:
            return None
        summaries.append(summary)
    return summaries, fingerprint


def write_index(data_path: Path, fingerprint: tuple, rules: str, summaries) -> bool:
    """Save the summaries of the data file whose fingerprint is `fingerprint`; False when skipped."""
    data_path = Path(data_path)
    if not fingerprint or atomic.read_fingerprint(data_path) != fingerprint:
        return False  # the file is not the one these summaries describe
    payload = json.dumps(
        {"format": _FORMAT, "rules": rules, "data": _plain_fingerprint(fingerprint),
         "cards": [list(s) for s in summaries]},
        ensure_ascii=False, separators=(",", ":"),
    ).encode("utf-8")
    try:
        atomic.atomic_write_bytes(index_path(data_path), payload)
    except Exception:  # a cache: a full disk or a read-only folder only costs the next start some time
        return False
    return True


def remove_index(data_path: Path) -> None:
    try:
        index_path(data_path).unlink()
    except OSError:
        pass
