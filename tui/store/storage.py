"""TinyDB's storage for the data file: atomic writes, the lock, the schema, the fast codec.

TinyDB is extended the way its documentation intends: this class is passed to
`TinyDB(path, storage=FileStorage)` and owns every byte that goes to or comes
from the file. Its own JSONStorage rewrites the file in place (a crash or a
full disk leaves broken JSON) and takes no lock; this one

- reads the whole file and hands TinyDB plain values at the current schema
  (an older file is migrated in memory; a foreign, newer or damaged one is
  refused with a message that says how to recover);
- writes only inside `transaction()`: the lock is taken, the file re-read,
  TinyDB's changes collected, and the result written once, atomically (a
  temporary file, fsync, rename), with a backup first when it migrated;
- keeps what the last bytes it read or wrote decoded to, and reuses it only
  while the file holds exactly those bytes (their digest is compared, under
  the lock), so nothing it keeps can go stale. What it keeps is light: each
  application stays its own bytes (codec.StoredDoc) until a write changes
  it, and a file the typed reading just found whole is not checked again.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import msgspec
from tinydb.storages import Storage

from tui.core.errors import shown_path
from tui.store import atomic, codec
from tui.store.errors import LockTimeoutError, WriteFailedError
from tui.store.migrations import (
    APP_NAME,
    META_DOC_ID,
    META_TABLE,
    SCHEMA_VERSION,
    Layout,
    classify,
    fresh_layout,
    meta_record,
    migrate,
    write_backup,
)
from tui.store.paths import lock_path_of

LOCK_POLL_SECONDS = 0.002  # writes hold the lock for milliseconds, so wait in small steps


def _digest(raw: bytes) -> bytes:
    """Identifies the file's content (hashlib lets other threads run meanwhile)."""
    import hashlib  # here: only a write asks, and a command that only reads need not load OpenSSL (5 ms)

    return hashlib.sha1(raw, usedforsecurity=False).digest()


class FileStorage(Storage):
    def __init__(self, path: str | Path, *, lock_timeout: float = 10.0) -> None:
        self.path = Path(path)
        self.lock_path = lock_path_of(self.path)
        self.lock_timeout = lock_timeout
        self.last_backup: Path | None = None  # made by the last migration, if any
        self._guard = threading.RLock()  # the board's writer thread and its UI share one storage
        self._lock: Any = None  # the file lock, made on first write: reading never loads filelock
        self._digest: bytes | None = None  # of the last bytes read or written, and their plain data
        self._data: Layout | None = None
        # The bytes a typed read last found whole and current, with what it read: the next
        # write's check of the same bytes is then a comparison, not a second decoding.
        self._verified: tuple[bytes, codec.Decoded] | None = None
        self._working: Layout | None = None  # inside a transaction: what TinyDB reads and writes
        self._changed = False
        # (file before, file after) of the last write, fingerprinted under the lock: a board
        # knows from it whether anyone else wrote in between
        self.last_write: tuple[atomic.Fingerprint, atomic.Fingerprint] | None = None

    # --- TinyDB's storage interface ----------------------------------------
    def read(self) -> Layout | None:
        with self._guard:
            if self._working is not None:
                return self._working
            data, _ = self._current()
            return data

    def write(self, data: Layout) -> None:
        with self._guard:
            if self._working is None:
                raise RuntimeError("the data file is written only inside FileStorage.transaction()")
            self._working = data
            self._changed = True

    def close(self) -> None:
        """Nothing stays open between calls."""

    # --- reading -------------------------------------------------------------
    def read_bytes(self) -> bytes | None:
        found = atomic.read_bytes(self.path)
        return None if found is None else found[0]

    def _current(self) -> tuple[Layout | None, int | None]:
        """The file's plain data at the current schema (None: nothing stored) and the schema found."""
        raw = self.read_bytes()
        if raw is None or not raw.strip():
            return None, None
        digest = _digest(raw)
        if digest == self._digest and self._data is not None:
            return self._data, SCHEMA_VERSION
        verified, self._verified = self._verified, None
        if verified is not None and verified[0] == raw:
            raw, found = verified  # the same bytes: keep one copy of them
        else:
            found = codec.decode_typed(self.path, raw)
        if found.identities is not None and not found.problems:
            try:
                data = codec.stored_layout(raw, found.identities)
            except msgspec.DecodeError:
                pass  # a table that is not a table: said precisely by the plain reading below
            else:
                self._digest, self._data = digest, data
                return data, SCHEMA_VERSION
        data = codec.decode_plain(self.path, raw)
        schema = classify(self.path, data)
        if schema is None:
            return None, None
        if schema < SCHEMA_VERSION:
            return migrate(self.path, data, schema), schema
        codec.check_whole(self.path, found)  # damage is refused
        self._digest, self._data = digest, data
        return data, schema

    def decoded(self) -> codec.Decoded:
        """The applications as typed records, straight from the file's bytes (no dicts between)."""
        raw = self.read_bytes() or b""
        found = codec.decode_typed(self.path, raw)
        if found.identities is not None and not found.problems:
            with self._guard:
                self._verified = (raw, found)
        return found

    # --- writing -------------------------------------------------------------
    @contextmanager
    def _locked(self) -> Iterator[None]:
        from filelock import FileLock, Timeout

        if self._lock is None:
            self._lock = FileLock(str(self.lock_path), timeout=self.lock_timeout, poll_interval=LOCK_POLL_SECONDS)
        try:
            self._lock.acquire()
        except Timeout as exc:
            raise LockTimeoutError(
                f"{shown_path(self.path)}: another Followup process kept it locked for over "
                f"{self.lock_timeout:g} s, so nothing was saved; try again in a moment"
            ) from exc
        except OSError as exc:
            raise WriteFailedError(
                f"{shown_path(self.path)}: not saved: cannot take the lock {shown_path(self.lock_path)} "
                f"({exc.strerror or exc}); check that its folder is writable"
            ) from exc
        try:
            yield
        finally:
            self._lock.release()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Under the lock, on the file as it is now: TinyDB's writes are collected and written once.

        A new file is created, an older one migrated (its bytes kept in a
        backup first). If the body raises, nothing is written.
        """
        self.last_write = None
        with self._guard, self._locked():
            atomic.remove_stale_temps(self.path)
            before = atomic.read_fingerprint(self.path)
            current, schema = self._current()
            older = schema if schema is not None and schema < SCHEMA_VERSION else None  # to migrate from
            fresh, upgrading = current is None, older is not None
            if upgrading:
                codec.check_whole(self.path, codec.from_plain(self.path, current))
            self._working, self._changed = (fresh_layout() if current is None else current), False
            try:
                yield
                if self._changed or fresh or upgrading:
                    if older is not None:
                        self.last_backup = write_backup(self.path, self.read_bytes() or b"", older)
                    assert self._working is not None  # set above; write() only replaces it
                    self._commit(self._working)
                    self.last_write = (before, atomic.read_fingerprint(self.path))
            except BaseException:
                self._digest = self._data = None  # TinyDB may have changed the kept data in place
                raise
            finally:
                self._working = None

    def _commit(self, data: Layout) -> None:
        """Write `data` with our _meta record first (its write counter bumped)."""
        meta = dict(data.get(META_TABLE) or {})
        key = next((k for k, r in meta.items() if isinstance(r, dict) and r.get("app") == APP_NAME), META_DOC_ID)
        writes = meta.get(key, {}).get("writes") if isinstance(meta.get(key), dict) else None
        writes = writes + 1 if isinstance(writes, int) and not isinstance(writes, bool) else 1
        out = {META_TABLE: {key: meta_record(SCHEMA_VERSION, writes), **{k: v for k, v in meta.items() if k != key}}}
        out.update((name, table) for name, table in data.items() if name != META_TABLE)
        try:
            raw = codec.encode(out)
        except UnicodeEncodeError as exc:  # text from outside that slipped past the checks at the door
            raise WriteFailedError(f"{shown_path(self.path)}: not saved: a text holds characters that are not valid "
                                   f"UTF-8 ({exc.object[exc.start:exc.end]!a}); nothing was changed") from None
        atomic.atomic_write_bytes(self.path, raw)
        self._digest, self._data = _digest(raw), out
