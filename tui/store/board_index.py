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


def read_index(data_path: Path, rules: str) -> tuple[list[Summary], tuple] | None:
    """The summaries and the data file's fingerprint, when the index matches the file as it is now."""
    data_path = Path(data_path)
    fingerprint = atomic.read_fingerprint(data_path)
    summaries = _read(data_path, rules, fingerprint)
    return None if summaries is None else (summaries, fingerprint)


def carry_index(data_path: Path, before: tuple, after: tuple, rules: str, changed, removed=()) -> bool:
    """The file went from `before` to `after` by changing only these applications: keep the index.

    `changed`: the new summaries of added or changed applications; `removed`:
    ids of deleted ones. A command-line change then costs the next board
    start nothing. False (and the index left to be ignored) when there was no
    index for `before`.
    """
    data_path = Path(data_path)
    summaries = _read(data_path, rules, before)
    if summaries is None:
        return False
    by_id = {s.app_id: s for s in summaries}
    for app_id in removed:
        by_id.pop(app_id, None)
    for summary in changed:
        by_id[summary.app_id] = summary
    return write_index(data_path, after, rules, by_id.values())


def carry_after_write(store, settings, now, apps=(), removed=()) -> bool:
    """`carry_index` for `store`'s last write, which changed `apps` and deleted `removed`.

    `settings`: the Settings, or a callable that reads them (only called when
    there is an index to carry). Best effort: the change is saved already, so
    any trouble here only costs the next board start its speed.
    """
    if store.last_write is None or not index_path(store.real_path).exists():
        return False
    try:
        from tui.core.summary import rules_key, summarize

        settings = settings() if callable(settings) else settings
        return carry_index(store.real_path, *store.last_write, rules_key(settings),
                           [summarize(app, settings, now) for app in apps], removed)
    except Exception:  # noqa: BLE001  (see the docstring)
        return False


def _read(data_path: Path, rules: str, fingerprint: tuple) -> list[Summary] | None:
    """The index's summaries when it was made from the file version `fingerprint` under `rules`."""
    if not fingerprint:
        return None
    try:
        raw = index_path(data_path).read_bytes()
        found = json.loads(raw)
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(found, dict) or found.get("format") != _FORMAT or found.get("rules") != rules:
        return None
    if found.get("data") != atomic.fingerprint_to_json(fingerprint) or not isinstance(found.get("cards"), list):
        return None
    summaries = []
    for row in found["cards"]:
        summary = from_plain(row)
        if summary is None:
            return None
        summaries.append(summary)
    return summaries


def write_index(data_path: Path, fingerprint: tuple, rules: str, summaries) -> bool:
    """Save the summaries of the data file whose fingerprint is `fingerprint`; False when skipped."""
    data_path = Path(data_path)
    if not fingerprint or atomic.read_fingerprint(data_path) != fingerprint:
        return False  # the file is not the one these summaries describe
    payload = json.dumps(
        {"format": _FORMAT, "rules": rules, "data": atomic.fingerprint_to_json(fingerprint),
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
