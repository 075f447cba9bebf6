"""The store: applications in one TinyDB JSON file, shared safely by several processes.

Reads take no lock: a write replaces the file by an atomic rename, so a reader
always sees a whole file, decoded straight into typed records. Every write is
one short transaction of the storage (tui/store/storage.py): take the file
lock, re-read the file, let TinyDB change it, check revisions, write the
result once, atomically, and let go. So a board, a second board and a script
can share one file without losing each other's changes.

A file with a damaged record is read (the records that load, with the damaged
ones named) but never written.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, MutableMapping, NamedTuple

from tinydb import TinyDB
from tinydb.table import Table

from tui.core.errors import ValidationError, quoted
from tui.core.model import Application
from tui.core.text import folded
from tui.store import atomic, codec
from tui.store.errors import NotFoundError, StaleEditError
from tui.store.migrations import APP_NAME, APPS_TABLE, SCHEMA_VERSION, Doc
from tui.store.paths import check_home, check_target
from tui.store.storage import FileStorage


def default_db_path() -> Path:
    """followup.json in the user's data dir: the data file when the user names none (--db or
    $FOLLOWUP_DB, which only tui/cli_common.named_db reads)."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "followup.json"


def default_config_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def config_path() -> Path:
    """config.toml: the file the commands read and `followup config` writes, and the open board watches."""
    return default_config_dir() / "config.toml"


class Snapshot(NamedTuple):
    """The applications that load, the damaged records named, and the file's fingerprint."""

    applications: list[Application]
    fingerprint: atomic.Fingerprint
    problems: list[str] = []


def _unique_list(apps: Iterable[Application]) -> list[Application]:
    """`apps` as a list; ValidationError if an id appears twice."""
    apps = list(apps)
    problems = codec.duplicate_ids(apps)
    if problems:
        raise ValidationError(f"application {problems[0]}: each must be unique")
    return apps


def _revision(doc: Doc) -> int:
    value = doc.get("revision")
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


class Store:
    """One data file. `open()` creates or migrates it; every read sees the file as it is now."""

    def __init__(self, path: str | Path, *, lock_timeout: float = 10.0, create_folder: bool = False) -> None:
        self.path = Path(path).expanduser()
        # A symlinked data file (dotfiles) stays a symlink: we replace its target.
        self.real_path = Path(os.path.realpath(self.path))
        self.create_folder = create_folder  # only for the default data folder, on first run
        self.storage = FileStorage(self.real_path, lock_timeout=lock_timeout)
        self.lock_path = self.storage.lock_path

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    @property
    def last_backup(self) -> Path | None:
        return self.storage.last_backup

    @property
    def last_write(self) -> tuple[atomic.Fingerprint, atomic.Fingerprint] | None:
        """The file's fingerprints just before and after this store's last write."""
        return self.storage.last_write

    # --- opening -------------------------------------------------------
    def open(self) -> "Store":
        """Create the file on first run, check it is ours, migrate it (with a backup) if old.

        A file that is not JSON, not ours, newer or damaged raises
        UnreadableFileError, and nothing is written anywhere.
        """
        self.open_all()
        return self

    def open_all(self) -> list[Application]:
        """`open()` then `load_all()`, from one reading of the file."""
        return self.open_whole().applications

    def open_whole(self) -> Snapshot:
        """`open_snapshot()` for a caller that will write: a damaged file is refused (UnreadableFileError)
        before anything is planned, and the fingerprint says whether another process wrote since."""
        snapshot = self.open_snapshot()
        codec.check_whole(self.real_path, codec.Decoded([], snapshot.problems, None))
        return snapshot

    def open_snapshot(self) -> Snapshot:
        """The file created (first run) or migrated (with a backup) when it must be, then read.

        The file is decoded once when it is already current. A damaged file is
        read but not written: its problems come back with the records that load.
        """
        _remove_old_index(self.real_path)
        snapshot, schema = self._read()
        if schema != SCHEMA_VERSION and not snapshot.problems:
            with self._transaction():
                pass  # writes a fresh file, or the migrated one
            snapshot, _ = self._read()
        return snapshot

    # --- reading -------------------------------------------------------
    def _read(self) -> tuple[Snapshot, int | None]:
        fingerprint = self.fingerprint()
        decoded = self.storage.decoded()
        if self.fingerprint() != fingerprint:  # replaced while we read: read the new one
            return self._read()
        return Snapshot(decoded.applications, fingerprint, decoded.problems), decoded.schema

    def snapshot(self) -> Snapshot:
        """Every application that loads, the damaged records named, and the file's fingerprint."""
        return self._read()[0]

    def load_all(self) -> list[Application]:
        """Every application, in the order they were added; damage refuses (UnreadableFileError)."""
        return codec.check_whole(self.real_path, self.storage.decoded())

    def fingerprint(self) -> atomic.Fingerprint:
        """Changes whenever any process writes the file; () when it does not exist."""
        return atomic.read_fingerprint(self.real_path)

    def changed_since(self, fingerprint: atomic.Fingerprint) -> bool:
        return self.fingerprint() != fingerprint

    def get(self, app_id: str) -> Application:
        for app in self.storage.decoded().applications:
            if app.id == app_id:
                return app
        raise NotFoundError(f"no application with id {app_id!r}; 'followup list' shows the ids")

    def resolve(self, key: str) -> Application:
        """The one application whose id is `key` or starts with it, else whose company starts with it."""
        return resolve_in(self.storage.decoded().applications, key)

    # --- the write transaction -------------------------------------------
    def _check_folder(self) -> None:
        folder = self.real_path.parent
        if self.create_folder and not folder.exists():
            check_home("XDG_DATA_HOME", "or name the file with --db")
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise atomic.write_error(self.real_path, exc) from exc
        check_target(self.real_path)

    @contextmanager
    def _transaction(self, table: str = APPS_TABLE) -> Iterator[Table]:
        """The applications table (or `table`) over the file as it is now, under the lock; written once
        if changed."""
        self._check_folder()
        with self.storage.transaction():
            # A TinyDB per transaction: its tables remember the next document id,
            # which another process may have used since.
            yield TinyDB(storage=lambda: self.storage).table(table, cache_size=0)

    @staticmethod
    def _by_id(table: Table) -> dict[str, tuple[int, Doc]]:
        """The table's documents by application id, as (TinyDB doc id, document)."""
        docs = (table.storage.read() or {}).get(APPS_TABLE, {})  # never None inside a transaction
        return {doc.get("id"): (int(doc_id), doc) for doc_id, doc in docs.items()}

    # --- writing -------------------------------------------------------
    def add(self, app: Application, *, refuse: Callable[[list[Application]], None] | None = None) -> Application:
        return self.add_many([app], refuse=refuse)[0]

    def add_many(self, apps: Iterable[Application], *,
                 refuse: Callable[[list[Application]], None] | None = None) -> list[Application]:
        """All or nothing, in one write; each gets revision 1. `refuse(applications)` raises to refuse
        the add on the file as it is under the lock: two `add` runs started together (a cron retry
        overlapping the first) each checked for the other's card before either had written it."""
        apps = _unique_list(apps)
        if not apps:
            return []
        with self._transaction() as table:
            if refuse is not None:
                refuse(codec.check_whole(self.real_path, self.storage.decoded()))  # the file under the lock
            known = self._by_id(table)
            for app in apps:
                if app.id in known:
                    raise ValidationError(f"an application with id {app.id} already exists ({app.company})")
            table.insert_multiple([dict(app.to_dict(), revision=1) for app in apps])
        for app in apps:
            app.revision = 1
        return apps

    def save(self, app: Application, *,
             again: Callable[[Application], Application | None] | None = None) -> Application:
        """Write a changed application and bump its revision; StaleEditError if the file holds a newer one.

        With `again`, a newer one is not refused: `again(the card as the file holds it)` is written
        instead, under the same lock, so a change that does not rest on what the user saw (a note
        appended, a move, a round added by a command) keeps what the other process wrote. `again`
        may raise to refuse (nothing is written) or give None: nothing left to do, nothing written,
        and the card as stored comes back. A card deleted meanwhile is refused (NotFoundError)."""
        if again is None:
            return self.save_many([app])[0]
        with self._transaction() as table:
            known = self._by_id(table)
            found = known.get(app.id)
            if found is None:
                raise NotFoundError(f"{app.company} — {app.role} was deleted by another Followup process "
                                    "while this change was being made; nothing was saved")
            stored_revision = _revision(found[1])
            if stored_revision != app.revision:
                stored = codec.stored_record(dict(found[1]))
                stored.revision = stored_revision
                redone = again(stored)
                if redone is None:
                    return stored
                app = redone
                app.revision = stored_revision
            self._replace(table, known, {app.id: dict(app.to_dict(), revision=app.revision + 1)})
        app.revision += 1
        return app

    def save_many(self, apps: Iterable[Application]) -> list[Application]:
        """All or nothing: if any one is stale or gone, none is written."""
        apps = _unique_list(apps)
        if not apps:
            return []
        with self._transaction() as table:
            known = self._by_id(table)
            for app in apps:
                found = known.get(app.id)
                if found is None:
                    raise NotFoundError(
                        f"{app.company} — {app.role} was deleted by another Followup process; "
                        "your change was not saved"
                    )
                if _revision(found[1]) != app.revision:
                    raise StaleEditError(
                        f"{app.company} — {app.role} was changed by another Followup process since "
                        "you opened it; your change was not saved; try again on the card as it is now"
                    )
            self._replace(table, known, {app.id: dict(app.to_dict(), revision=app.revision + 1)
                                         for app in apps})
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
        with self._transaction() as table:
            known = self._by_id(table)
            docs = {app.id: dict(app.to_dict(), revision=_revision(known[app.id][1]) + 1
                                 if app.id in known else 1) for app in apps}
            self._replace(table, known, {i: d for i, d in docs.items() if i in known})
            table.insert_multiple([d for i, d in docs.items() if i not in known])
        for app in apps:
            app.revision = docs[app.id]["revision"]
        return apps

    @staticmethod
    def _replace(table: Table, known: dict[str, tuple[int, Doc]], docs: dict[str, Doc]) -> None:
        """Swap each stored document for its new version (keys it no longer has are dropped)."""
        def replace(doc: MutableMapping[str, Any]) -> None:
            new = docs[doc["id"]]
            doc.clear()
            doc.update(new)

        if docs:
            table.update(replace, doc_ids=[known[app_id][0] for app_id in docs])

    def delete(self, app_id: str, *, revision: int | None = None) -> None:
        """Remove one application; with `revision`, refused if it changed since."""
        with self._transaction() as table:
            found = self._by_id(table).get(app_id)
            if found is None:
                raise NotFoundError(f"no application with id {app_id!r}; it may have been deleted already")
            if revision is not None and _revision(found[1]) != revision:
                raise StaleEditError(
                    f"{found[1].get('company')} — {found[1].get('role')} was changed by another "
                    "Followup process since you opened it; it was not deleted; look at it as it is now and try again"
                )
            table.remove(doc_ids=[found[0]])


def _remove_old_index(path: Path) -> None:
    """Followup 0.1 kept a start-up cache, `<file>.board`, beside the data file: it goes, once."""
    try:
        path.with_name(path.name + ".board").unlink()
    except OSError:
        pass


def resolve_in(apps: list[Application], key: str) -> Application:
    """The one application whose id is `key`, else the one whose id starts with it or whose company is
    `key` or starts with it (no case, no accents: text.folded); NotFoundError says what matched when it
    is not exactly one.

    The id's start and the company are read together: "c" starting one card's id and another's company is
    ambiguous, never a guess (`delete c --yes` deleted the card whose id it started, review Q 1). A company
    named exactly wins over the longer names it starts ("NoTY" against "NoTY2"); two cards at that one
    company stay ambiguous. Where a company is named whole, the refusal asks for the id: more characters
    could never pick a company called "86882" from the card whose id starts 86882 (fuzz fz2 5)."""
    want = key.strip().lower()
    if not want:
        raise NotFoundError("no id given: pass an application id or a unique prefix of it")
    matches = [a for a in apps if a.id.lower() == want]
    wanted = folded(key.strip())  # as typed on any keyboard: "societe" names Société Générale
    if not matches:
        by_company = [a for a in apps if folded(a.company).startswith(wanted)]
        by_company = [a for a in by_company if folded(a.company.strip()) == wanted] or by_company
        by_id = [a for a in apps if a.id.lower().startswith(want)]
        matches = list({a.id: a for a in by_id + by_company}.values())
    if not matches:
        raise NotFoundError(f"no application id or company starts with {quoted(key)}; 'followup list' shows them")
    if len(matches) > 1:
        shown = ", ".join(f"{a.short_id} ({a.company})" for a in matches[:5])
        more = f" and {len(matches) - 5} more" if len(matches) > 5 else ""  # never silently fewer
        companies = {folded(a.company.strip()) for a in matches}
        same_company = len(companies) == 1
        by_name = not any(a.id.lower().startswith(want) for a in matches)  # (more of an id they share helps)
        whole_name = wanted in companies  # more characters would miss it
        fix = ("give the id (or its first characters)" if same_company and by_name or whole_name
               else "give more characters")
        raise NotFoundError(f"{quoted(key)} is ambiguous: it matches {shown}{more}; {fix}")
    return matches[0]
