"""When the operating system refuses a write: the old file stays, the message says what to do."""

from __future__ import annotations

import errno
import json
import os
from types import SimpleNamespace

import pytest
from filelock import FileLock

from store_helpers import folder_bytes, make_app
from tui.store import LockTimeoutError, Store, StoreError, WriteFailedError, atomic


def refuse(code: int):
    def failing(*_args, **_kwargs):
        raise OSError(code, os.strerror(code))

    return failing


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "followup.json").open()
    store.add(make_app("Acme"))
    return store


@pytest.mark.parametrize("call", ["write", "fsync"])
def test_a_full_disk_keeps_the_previous_file_and_says_so(store, monkeypatch, call):
    mine = store.load_all()[0]
    mine.notes = "typed while the disk was full"
    before = folder_bytes(store.path.parent)
    monkeypatch.setattr(atomic.os, call, refuse(errno.ENOSPC))
    with pytest.raises(StoreError) as caught:
        store.save(mine)
    monkeypatch.undo()
    message = str(caught.value)
    assert isinstance(caught.value, WriteFailedError)
    assert "disk is full" in message and str(store.path) in message and "\n" not in message
    assert folder_bytes(store.path.parent) == before  # same bytes, and no temporary file left
    assert mine.revision == 1, "a failed save must not bump the revision"
    store.save(mine)  # once there is space again, the same copy saves
    assert store.load_all()[0].notes == "typed while the disk was full"


def test_a_full_disk_during_a_migration_leaves_the_old_file_and_no_backup(tmp_path, monkeypatch):
    path = tmp_path / "followup.json"
    path.write_text(json.dumps({"_default": {"1": {"company": "Acme", "role": "Dev", "status": "awaiting"}}}))
    before = folder_bytes(tmp_path)
    monkeypatch.setattr(atomic.os, "write", refuse(errno.ENOSPC))
    with pytest.raises(WriteFailedError, match="disk is full"):
        Store(path).open()
    monkeypatch.undo()
    after = folder_bytes(tmp_path)
    after.pop("followup.json.lock", None)
    assert after == before


@pytest.mark.parametrize(
    ("code", "advice"),
    [(errno.EACCES, "permission denied"), (errno.EROFS, "read-only file system"), (errno.EIO, "Check the disk")],
)
def test_other_refusals_become_one_line_store_errors(store, monkeypatch, code, advice):
    before = store.path.read_bytes()
    monkeypatch.setattr(atomic.os, "replace", refuse(code))
    with pytest.raises(WriteFailedError) as caught:
        store.add(make_app("Globex"))
    monkeypatch.undo()
    assert advice in str(caught.value) and "\n" not in str(caught.value)
    assert store.path.read_bytes() == before
    assert not [n for n in os.listdir(store.path.parent) if atomic.is_our_temp(store.path, n)]


def test_a_temporary_file_that_cannot_be_created_is_reported(store, monkeypatch):
    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse(errno.EACCES))
    with pytest.raises(WriteFailedError, match="permission denied in"):
        store.add(make_app("Globex"))


def test_a_read_only_folder_is_refused_before_anything_is_tried(store, monkeypatch):
    monkeypatch.setattr(os, "access", lambda *_a, **_k: False)
    monkeypatch.setattr(os, "statvfs", lambda _p: SimpleNamespace(f_flag=os.ST_RDONLY))
    with pytest.raises(WriteFailedError, match="read-only"):
        store.add(make_app("Globex"))


def test_a_read_only_file_system_is_refused_and_reading_still_works(tmpfs):
    store = Store(tmpfs.path / "followup.json").open()
    store.add(make_app("Acme"))
    tmpfs.read_only()
    with pytest.raises(WriteFailedError, match="read-only"):
        store.add(make_app("Globex"))
    assert [app.company for app in store.load_all()] == ["Acme"]  # reading still works


def test_a_lock_held_too_long_gives_up_with_a_clear_message(store):
    before = store.path.read_bytes()
    holder = FileLock(str(store.lock_path))
    with holder:
        with pytest.raises(LockTimeoutError, match="kept it locked"):
            Store(store.path, lock_timeout=0.05).add(make_app("Globex"))
    assert store.path.read_bytes() == before


def test_an_unreadable_file_is_reported_with_its_name(tmp_path):
    folder = tmp_path / "followup.json"
    folder.mkdir()  # a folder where the file should be
    with pytest.raises(StoreError, match=rf"{folder}: cannot be read"):
        Store(folder).load_all()
