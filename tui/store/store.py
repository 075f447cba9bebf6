"""The store: applications in one TinyDB JSON file, safe for several processes.

Every write takes a short file lock, re-reads the file, checks the revision of
what it changes, writes atomically and lets go. Nothing is cached between
calls, so a board, a second board and a script can share one file.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

import platformdirs
from filelock import FileLock, Timeout
from tinydb import Query, TinyDB

from tui.core.errors import ValidationError
from tui.core.model import Application
from tui.store.atomic import AtomicJSONStorage, read_json_file
from tui.store.errors import (
    LockTimeoutError,
    NotFoundError,
    StaleEditError,
    UnreadableFileError,
)

SCHEMA_VERSION = 1
APP_NAME = "followup"
META_TABLE = "_meta"
APPS_TABLE = "applications"


def default_db_path() -> Path:
    """$FOLLOWUP_DB, else followup.json in the user's data dir."""
    env = os.environ.get("FOLLOWUP_DB")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "followup.json"


def default_config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


class Store:
    def __init__(self, path: str | Path, *, lock_timeout: float = 10.0) -> None:
        self.path = Path(path).expanduser()
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.lock_timeout = lock_timeout
        self._lock = FileLock(str(self.lock_path), timeout=lock_timeout)

    # --- opening -------------------------------------------------------
    def open(self) -> "Store":
        """Create the file on first run, check it is ours, migrate it if old."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._locked():
            data = read_json_file(self.path)
            if data is None:
                with self._db() as db:
                    db.table(META_TABLE).insert({"app": APP_NAME, "schema": SCHEMA_VERSION})
                return self
            self._check_ours(data)
            from tui.store.migrations import migrate_if_needed

            migrate_if_needed(self.path, data)
        return self

    def _check_ours(self, data: dict) -> int:
        from tui.store.migrations import detect_schema

        return detect_schema(self.path, data)

    @contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            with self._lock:
                yield
        except Timeout as exc:
            raise LockTimeoutError(
                f"{self.path}: another Followup process has held the lock for over "
                f"{self.lock_timeout:.0f} s; try again, or remove {self.lock_path} if no other copy runs"
            ) from exc

    @contextmanager
    def _db(self) -> Iterator[TinyDB]:
        db = TinyDB(self.path, storage=AtomicJSONStorage)
        try:
            yield db
        finally:
            db.close()

    def _checked_data(self) -> dict:
        data = read_json_file(self.path)
        if data is None:
            raise UnreadableFileError(f"{self.path}: the data file is missing or empty; run followup once to create it")
        self._check_ours(data)
        return data

    # --- reading -------------------------------------------------------
    def fingerprint(self) -> tuple:
        """Changes whenever any process replaces the file (atomic renames change the inode)."""
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return ()
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def load_all(self) -> list[Application]:
        data = self._checked_data()
        table = data.get(APPS_TABLE, {})
        return [self._to_app(doc) for doc in table.values()]

    def _to_app(self, doc: dict) -> Application:
        try:
            return Application.from_dict(doc)
        except ValidationError as exc:
            raise UnreadableFileError(f"{self.path}: an application in the file is invalid: {exc}") from exc

    def get(self, app_id: str) -> Application:
        for app in self.load_all():
            if app.id == app_id:
                return app
        raise NotFoundError(f"no application with id {app_id!r}")

    def resolve(self, prefix: str) -> Application:
        """The one application whose id starts with `prefix`."""
        key = prefix.strip().lower()
        if not key:
            raise NotFoundError("no id given: pass an application id or a unique prefix of it")
        apps = self.load_all()
        exact = [a for a in apps if a.id == key]
        if exact:
            return exact[0]
        matches = [a for a in apps if a.id.startswith(key)]
        if not matches:
            raise NotFoundError(f"no application id starts with {prefix!r}; 'followup list' shows the ids")
        if len(matches) > 1:
            shown = ", ".join(f"{a.short_id} ({a.company})" for a in matches[:5])
            raise NotFoundError(f"id prefix {prefix!r} is ambiguous: it matches {shown}; give more characters")
        return matches[0]

    # --- writing -------------------------------------------------------
    def add(self, app: Application) -> Application:
        return self.add_many([app])[0]

    def add_many(self, apps: Iterable[Application]) -> list[Application]:
        """All or nothing: one write for the lot."""
        apps = list(apps)
        with self._locked():
            self._checked_data()
            with self._db() as db:
                table = db.table(APPS_TABLE)
                ids = {doc.get("id") for doc in table.all()}
                out = []
                for app in apps:
                    if app.id in ids:
                        raise ValidationError(f"an application with id {app.id} already exists")
                    ids.add(app.id)
                    app.revision = 1
                    out.append(app)
                table.insert_multiple([a.to_dict() for a in out])
        return out

    def save(self, app: Application) -> Application:
        """Write a changed application; refused if the file holds a newer revision."""
        return self.save_many([app])[0]

    def save_many(self, apps: Iterable[Application]) -> list[Application]:
        apps = list(apps)
        with self._locked():
            self._checked_data()
            with self._db() as db:
                table = db.table(APPS_TABLE)
                current = {doc.get("id"): doc for doc in table.all()}
                for app in apps:
                    doc = current.get(app.id)
                    if doc is None:
                        raise NotFoundError(
                            f"{app.company}: this application was deleted by another Followup process"
                        )
                    if int(doc.get("revision", 0)) != app.revision:
                        raise StaleEditError(
                            f"{app.company} — {app.role} was changed by another Followup process "
                            f"since you opened it; your change was not saved. Reload and try again."
                        )
                payloads = []
                for app in apps:
                    app.revision += 1
                    payloads.append((app.to_dict(), Query().id == app.id))
                table.update_multiple(payloads)
        return apps

    def put(self, app: Application) -> Application:
        """Insert or overwrite regardless of revision (undo of a delete, import)."""
        with self._locked():
            self._checked_data()
            with self._db() as db:
                table = db.table(APPS_TABLE)
                doc = table.get(Query().id == app.id)
                app.revision = (int(doc.get("revision", 0)) if doc else 0) + 1
                table.upsert(app.to_dict(), Query().id == app.id)
        return app

    def delete(self, app_id: str, *, revision: int | None = None) -> None:
        with self._locked():
            self._checked_data()
            with self._db() as db:
                table = db.table(APPS_TABLE)
                doc = table.get(Query().id == app_id)
                if doc is None:
                    raise NotFoundError(f"no application with id {app_id!r}")
                if revision is not None and int(doc.get("revision", 0)) != revision:
                    raise StaleEditError(
                        f"{doc.get('company')} was changed by another Followup process; not deleted. Reload and try again."
                    )
                table.remove(Query().id == app_id)
