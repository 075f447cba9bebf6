"""TinyDB inside one write transaction: its storage, and quick lookups in its copy.

TinyDB itself is imported only where a transaction builds one (Store._transaction):
reading the file never needs it, and a board starts faster without it.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import TYPE_CHECKING, Callable, Iterator, NamedTuple

from tui.store.migrations import APPS_TABLE

if TYPE_CHECKING:
    from tinydb import TinyDB


@contextmanager
def gc_paused() -> Iterator[None]:
    """Building thousands of small objects triggers needless full collections; skip them."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class TransactionStorage:
    """TinyDB storage over the copy read under the lock; the store writes it once, at the end.

    It has the three methods of TinyDB's storage interface (tinydb.storages.Storage),
    without subclassing it so that this module loads without TinyDB. Not a cache:
    it lives for one transaction, while the lock is held.
    """

    def __init__(self, data: dict) -> None:
        self.data = data
        self.changed = False

    def read(self) -> dict:
        return self.data

    def write(self, data: dict) -> None:
        self.data = data
        self.changed = True

    def close(self) -> None:
        """Nothing to release: the store writes the data itself."""


class Stored(NamedTuple):
    doc_id: int
    doc: dict


def index_by_id(db: TinyDB) -> dict[str, Stored]:
    """Applications in the transaction's copy by application id (no per-document copies)."""
    docs = db.storage.read().get(APPS_TABLE, {})
    return {doc.get("id"): Stored(int(doc_id), doc) for doc_id, doc in docs.items()}


def revision_of(doc: dict) -> int:
    try:
        return int(doc.get("revision") or 0)
    except (TypeError, ValueError):
        return 0


def set_next_revisions(docs: dict[str, dict], known: dict[str, Stored]) -> dict[str, int]:
    """Give each new document the revision after its stored one (1 if new); those revisions by id."""
    revisions = {}
    for app_id, doc in docs.items():
        stored = known.get(app_id)
        doc["revision"] = revisions[app_id] = revision_of(stored.doc) + 1 if stored else 1
    return revisions


def replace_with(new_docs: dict[str, dict]) -> Callable[[dict], None]:
    """A TinyDB update that swaps each document for its new version, dropping stale keys."""

    def replace(doc: dict) -> None:
        new = new_docs[doc["id"]]
        doc.clear()
        doc.update(new)

    return replace
