"""The store: applications in one TinyDB JSON file, shared safely by several processes.

Reads take no lock: a write replaces the file by an atomic rename, so a reader
always sees a whole file. Every write is one short transaction: take the file
lock, re-read the file, check it is ours (migrating an older layout in memory),
let TinyDB change that in-memory copy, check revisions, write the result once,
atomically, and let go. Nothing is cached between calls, so a board, a second
board and a script can share one file without losing each other's changes.
"""

from __future__ import annotations

import errno
import os
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, NamedTuple

from tui.core.errors import ValidationError
from tui.core.model import Application
from tui.store import atomic
from tui.store.errors import LockTimeoutError, NotFoundError, StaleEditError, WriteFailedError
from tui.store.migrations import (
    APP_NAME,
    APPS_TABLE,
    META_DOC_ID,
    META_TABLE,
    SCHEMA_VERSION,
    classify,
    damaged,
    fresh_layout,
    migrate,
    meta_record,
    write_backup,
)
from tui.store.tables import (
    TransactionStorage,
    gc_paused,
    index_by_id,
    replace_with,
    revision_of,
    set_next_revisions,
)

if TYPE_CHECKING:  # imported where first needed: reading the file needs neither
    from filelock import FileLock
    from tinydb import TinyDB

LOCK_POLL_SECONDS = 0.002  # writes hold the lock for milliseconds, so wait in small steps
_MAKING_LOCK = threading.Lock()


def default_db_path() -> Path:
    """$FOLLOWUP_DB, else followup.json in the user's data dir."""
    env = os.environ.get("FOLLOWUP_DB")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "followup.json"


def default_config_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


class Snapshot(NamedTuple):
    """Every application, and the fingerprint of the very file they were read from."""

    applications: list[Application]
    fingerprint: tuple


class _Loaded(NamedTuple):  # a NamedTuple: a dataclass would add 2 ms to every start-up
    data: dict | None  # at SCHEMA_VERSION (migrated in memory if older); None: nothing stored
    raw: bytes
    schema: int | None  # as found in the file
    fingerprint: tuple


def _unique_list(apps: Iterable[Application]) -> list[Application]:
    """`apps` as a list; ValidationError if an id appears twice."""
    apps = list(apps)
    seen: set[str] = set()
    for app in apps:
        if app.id in seen:
            raise ValidationError(f"application id {app.id} appears twice: each must be unique")
        seen.add(app.id)
    return apps


class Store:
    """One data file. Call open() first; every method re-reads the file."""

    def __init__(self, path: str | Path, *, lock_timeout: float = 10.0) -> None:
        self.path = Path(path).expanduser()
        # A symlinked data file (dotfiles) stays a symlink: we replace its target.
        self.real_path = Path(os.path.realpath(self.path))
        self.lock_path = self.real_path.with_name(self.real_path.name + ".lock")
        self.lock_timeout = lock_timeout
        self._lock: FileLock | None = None  # made by the first write (see _file_lock)
        self.last_backup: Path | None = None  # the backup made by the last migration, if any
        # (file before, file after) for this store's last write, taken under the lock: what the
        # start-up index needs to know that nothing else changed in between (board_index.carry_index)
        self.last_write: tuple[tuple, tuple] | None = None

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    @property
    def schema(self) -> int:
        """The schema this store reads and writes (a file is brought to it on open)."""
        return SCHEMA_VERSION

    # --- opening -------------------------------------------------------
    def open(self) -> "Store":
        """Create the file on first run, check it is ours, migrate it (with a backup) if old.

        A file that is not JSON, not ours or newer raises UnreadableFileError and
        nothing is written anywhere.
        """
        self._settle(self._load())
        return self

    def open_snapshot(self) -> Snapshot:
        """open() then snapshot(), reading and parsing the file once (a board's start-up).

        Same errors and guarantees as open(). Only a file that must first be
        created or migrated is read again, after that write.
        """
        with gc_paused():
            loaded = self._load()
            if self._settle(loaded):
                loaded = self._load()
            return self._snapshot_of(loaded)

    def _settle(self, loaded: _Loaded) -> bool:
        """Write a fresh file, or the migrated one, unless `loaded` is already current; True if written."""
        if loaded.schema == SCHEMA_VERSION:
            return False
        with self._transaction():
            pass  # the transaction writes a fresh file or the migrated one
        return True

    # --- reading -------------------------------------------------------
    def _load(self) -> _Loaded:
        path = self.real_path
        found = atomic.read_bytes(path)
        if found is None:
            return _Loaded(None, b"", None, ())
        raw, stat = found
        with gc_paused():
            data = atomic.parse_json(path, raw)
            schema = classify(path, data)
            if schema is not None and schema < SCHEMA_VERSION:
                data = migrate(path, data, schema)
        return _Loaded(data if schema is not None else None, raw, schema, atomic.fingerprint_of(stat, raw))

    def _docs(self, loaded: _Loaded) -> dict[str, dict]:
        return {} if loaded.data is None else loaded.data.get(APPS_TABLE, {})

    def _to_app(self, doc_id: str, doc: dict) -> Application:
        try:
            return Application.from_dict(doc)
        except (ValidationError, ValueError, TypeError, AttributeError, KeyError) as exc:
            name = doc.get("id", doc_id) if isinstance(doc, dict) else doc_id
            raise damaged(self.real_path, f"application {name!r}: {exc}") from exc

    def _to_apps(self, docs: dict[str, dict]) -> list[Application]:
        with gc_paused():
            return [self._to_app(doc_id, doc) for doc_id, doc in docs.items()]

    def _snapshot_of(self, loaded: _Loaded) -> Snapshot:
        return Snapshot(self._to_apps(self._docs(loaded)), loaded.fingerprint)

    def snapshot(self) -> Snapshot:
        """All applications plus the fingerprint of the file they came from (for changed_since)."""
        with gc_paused():  # one pause for parsing and building: no collection over the parsed JSON between
            return self._snapshot_of(self._load())

    def load_all(self) -> list[Application]:
        """Every application, in the order they were added; [] when the file does not exist yet."""
        return self.snapshot().applications

    def fingerprint(self) -> tuple:
        """Changes whenever any process writes the file; () when it does not exist."""
        return atomic.read_fingerprint(self.real_path)

    def changed_since(self, fingerprint: tuple) -> bool:
        """True when the file is no longer the one `fingerprint` was taken from."""
        return self.fingerprint() != fingerprint

    def get(self, app_id: str) -> Application:
        for doc_id, doc in self._docs(self._load()).items():
            if doc.get("id") == app_id:
                return self._to_app(doc_id, doc)
        raise NotFoundError(f"no application with id {app_id!r}; 'followup list' shows the ids")

    def resolve(self, prefix: str) -> Application:
        """The one application whose id is `prefix` or starts with it."""
        key = prefix.strip().lower()
        if not key:
            raise NotFoundError("no id given: pass an application id or a unique prefix of it")
        docs = self._docs(self._load())
        ids = {doc_id: str(doc.get("id", "")).lower() for doc_id, doc in docs.items()}
        exact = [(i, docs[i]) for i, app_id in ids.items() if app_id == key]
        matches = exact or [(i, docs[i]) for i, app_id in ids.items() if app_id.startswith(key)]
        if not matches:
            raise NotFoundError(f"no application id starts with {prefix!r}; 'followup list' shows the ids")
        if len(matches) > 1:
            shown = ", ".join(f"{str(d.get('id'))[:8]} ({d.get('company')})" for _, d in matches[:5])
            raise NotFoundError(f"id prefix {prefix!r} is ambiguous: it matches {shown}; give more characters")
        return self._to_app(*matches[0])

    # --- the write transaction -------------------------------------------
    def _check_folder_writable(self) -> None:
        folder = self.real_path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise atomic.write_error(self.real_path, exc) from exc
        if not os.access(folder, os.W_OK):
            code = errno.EACCES
            try:
                if os.statvfs(folder).f_flag & os.ST_RDONLY:
                    code = errno.EROFS
            except (OSError, AttributeError):
                pass
            raise atomic.write_error(self.real_path, OSError(code, os.strerror(code)))

    def _file_lock(self) -> FileLock:
        """This store's lock on its file, made on first use: a store that only reads never loads filelock."""
        with _MAKING_LOCK:  # a board's writer thread and its UI may both write first
            if self._lock is None:
                from filelock import FileLock

                self._lock = FileLock(str(self.lock_path), timeout=self.lock_timeout,
                                      poll_interval=LOCK_POLL_SECONDS)
            return self._lock

    @contextmanager
    def _locked(self) -> Iterator[None]:
        from filelock import Timeout

        lock = self._file_lock()
        try:
            lock.acquire()
        except Timeout as exc:
            raise LockTimeoutError(
                f"{self.real_path}: another Followup process kept it locked for over "
                f"{self.lock_timeout:g} s, so nothing was saved; try again in a moment"
            ) from exc
        except OSError as exc:
            raise WriteFailedError(
                f"{self.real_path}: not saved: cannot take the lock {self.lock_path} "
                f"({exc.strerror or exc}); check that its folder is writable"
            ) from exc
        try:
            yield
        finally:
            lock.release()

    @contextmanager
    def _transaction(self) -> Iterator[TinyDB]:
        """A TinyDB over the file as it is now, under the lock; written once if changed.

        If the body raises, nothing is written.
        """
        from tinydb import TinyDB

        self.last_write = None
        self._check_folder_writable()
        with self._locked(), gc_paused():
            atomic.remove_stale_temps(self.real_path)
            loaded = self._load()
            fresh = loaded.schema is None
            upgrading = not fresh and loaded.schema < SCHEMA_VERSION
            data = fresh_layout() if fresh else loaded.data
            if upgrading:
                self._to_apps(self._docs(loaded))  # a migrated file must load: check before writing
            storage = TransactionStorage(data)
            yield TinyDB(storage=lambda: storage)
            if storage.changed or fresh or upgrading:
                if upgrading:
                    self.last_backup = write_backup(self.real_path, loaded.raw, loaded.schema)
                self._commit(storage.data)
                self.last_write = (loaded.fingerprint, atomic.read_fingerprint(self.real_path))

    def _commit(self, data: dict) -> None:
        """Write `data` with our _meta record first and its write counter bumped."""
        meta = dict(data.get(META_TABLE) or {})
        key = next((k for k, r in meta.items() if isinstance(r, dict) and r.get("app") == APP_NAME), META_DOC_ID)
        record = meta.get(key)
        writes = record.get("writes") if isinstance(record, dict) else None
        writes = writes + 1 if isinstance(writes, int) and not isinstance(writes, bool) else 1
        meta[key] = meta_record(SCHEMA_VERSION, writes)
        out = {META_TABLE: {key: meta[key], **{k: v for k, v in meta.items() if k != key}}}
        out.update((name, table) for name, table in data.items() if name != META_TABLE)
        atomic.atomic_write_bytes(self.real_path, atomic.dump_json(out))

    # --- writing -------------------------------------------------------
    def add(self, app: Application) -> Application:
        return self.add_many([app])[0]

    def add_many(self, apps: Iterable[Application]) -> list[Application]:
        """All or nothing, in one write; each gets revision 1."""
        apps = _unique_list(apps)
        if not apps:
            return []
        docs = [dict(app.to_dict(), revision=1) for app in apps]
        with self._transaction() as db:
            table = db.table(APPS_TABLE)
            known = index_by_id(db)
            for app in apps:
                if app.id in known:
                    raise ValidationError(f"an application with id {app.id} already exists ({app.company})")
            table.insert_multiple(docs)
        for app in apps:
            app.revision = 1
        return apps

    def save(self, app: Application) -> Application:
        """Write a changed application and bump its revision; StaleEditError if the file holds a newer one."""
        return self.save_many([app])[0]

    def save_many(self, apps: Iterable[Application]) -> list[Application]:
        """All or nothing: if any one is stale or gone, none is written."""
        apps = _unique_list(apps)
        if not apps:
            return []
        new_docs = {app.id: dict(app.to_dict(), revision=app.revision + 1) for app in apps}
        with self._transaction() as db:
            table = db.table(APPS_TABLE)
            known = index_by_id(db)
            for app in apps:
                doc = known.get(app.id)
                if doc is None:
                    raise NotFoundError(
                        f"{app.company} — {app.role} was deleted by another Followup process; "
                        "your change was not saved"
                    )
                if revision_of(doc.doc) != app.revision:
                    raise StaleEditError(
                        f"{app.company} — {app.role} was changed by another Followup process since "
                        "you opened it; your change was not saved. Reload and try again"
                    )
            table.update(replace_with(new_docs), doc_ids=[known[app.id].doc_id for app in apps])
        for app in apps:
            app.revision += 1
        return apps

    def put(self, app: Application) -> Application:
        """Insert or overwrite regardless of revision (undo of a delete, import)."""
        return self.put_many([app])[0]

    def put_many(self, apps: Iterable[Application]) -> list[Application]:
        """Insert or overwrite each, regardless of revision, in one write."""
        apps = _unique_list(apps)
        if not apps:
            return []
        dicts = {app.id: app.to_dict() for app in apps}
        with self._transaction() as db:
            table = db.table(APPS_TABLE)
            known = index_by_id(db)
            revisions = set_next_revisions(dicts, known)
            old = [a.id for a in apps if a.id in known]
            table.update(replace_with(dicts), doc_ids=[known[i].doc_id for i in old])
            table.insert_multiple([dicts[a.id] for a in apps if a.id not in known])
        for app in apps:
            app.revision = revisions[app.id]
        return apps

    def replace_all(self, apps: Iterable[Application]) -> list[Application]:
        """Make `apps` the whole content of the file, in one write (an import that replaces).

        An application that was already there gets a higher revision, so a board
        still holding the old copy is refused rather than overwriting the import.
        """
        apps = _unique_list(apps)
        dicts = {app.id: app.to_dict() for app in apps}
        with self._transaction() as db:
            table = db.table(APPS_TABLE)
            known = index_by_id(db)
            revisions = set_next_revisions(dicts, known)
            table.truncate()
            table.insert_multiple(list(dicts.values()))
        for app in apps:
            app.revision = revisions[app.id]
        return apps

    def delete(self, app_id: str, *, revision: int | None = None) -> None:
        """Remove one application; with `revision`, refused if it changed since."""
        with self._transaction() as db:
            table = db.table(APPS_TABLE)
            stored = index_by_id(db).get(app_id)
            if stored is None:
                raise NotFoundError(f"no application with id {app_id!r}; it may have been deleted already")
            if revision is not None and revision_of(stored.doc) != revision:
                raise StaleEditError(
                    f"{stored.doc.get('company')} — {stored.doc.get('role')} was changed by another "
                    "Followup process since you opened it; it was not deleted. Reload and try again"
                )
            table.remove(doc_ids=[stored.doc_id])
