"""The start-up index is a cache: used only for the exact file and rules it was made from, never trusted blindly."""

from __future__ import annotations

import json
import os

import pendulum
import pytest

from tui.core.demo import demo_applications
from tui.core.settings import Settings
from tui.core.summary import rules_key, summarize
from tui.store import Store
from tui.store.board_index import carry_index, index_path, read_index, write_index

SETTINGS = Settings(timezone="Europe/London")
NOW = pendulum.datetime(2026, 11, 25, 10, 30, tz="UTC")
RULES = rules_key(SETTINGS)


@pytest.fixture
def indexed(tmp_path):
    """A store of demo applications and a matching index; (store, summaries)."""
    store = Store(tmp_path / "followup.json").open()
    store.add_many(demo_applications(NOW, SETTINGS.zone))
    apps, fingerprint = store.snapshot()
    summaries = [summarize(a, SETTINGS, NOW) for a in apps]
    assert write_index(store.real_path, fingerprint, RULES, summaries)
    return store, summaries


def test_what_is_written_is_read_back(indexed):
    store, summaries = indexed
    found = read_index(store.real_path, RULES)
    assert found is not None
    read, fingerprint = found
    assert read == summaries
    assert fingerprint == store.fingerprint()


def test_an_index_is_ignored_once_the_data_file_changes(indexed):
    store, _ = indexed
    app = store.load_all()[0]
    app.company = "Renamed"
    store.save(app)  # another process, say `followup move`
    assert read_index(store.real_path, RULES) is None


def test_an_index_is_ignored_under_other_rules(indexed):
    store, _ = indexed
    assert read_index(store.real_path, rules_key(Settings(timezone="Asia/Tokyo"))) is None


@pytest.mark.parametrize("content", [b"", b"{not json", b"[]", b'{"format": 99}', b"\xff\xfe"])
def test_a_damaged_or_foreign_index_is_ignored(indexed, content):
    store, _ = indexed
    index_path(store.real_path).write_bytes(content)
    assert read_index(store.real_path, RULES) is None


def test_a_row_of_the_wrong_shape_spoils_the_whole_index(indexed):
    store, _ = indexed
    path = index_path(store.real_path)
    data = json.loads(path.read_bytes())
    data["cards"][3] = ["half", "a", "row"]
    path.write_text(json.dumps(data))
    assert read_index(store.real_path, RULES) is None


def test_no_index_and_no_data_file_mean_no_fast_start(tmp_path):
    assert read_index(tmp_path / "followup.json", RULES) is None
    Store(tmp_path / "followup.json").open()
    assert read_index(tmp_path / "followup.json", RULES) is None


def test_summaries_of_an_older_version_of_the_file_are_not_written(indexed):
    store, summaries = indexed
    before = index_path(store.real_path).read_bytes()
    old_fingerprint = store.fingerprint()
    store.save(store.load_all()[0])
    assert not write_index(store.real_path, old_fingerprint, RULES, summaries[:1])
    assert index_path(store.real_path).read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_a_folder_that_refuses_the_write_costs_nothing_but_the_index(indexed):
    store, summaries = indexed
    index_path(store.real_path).unlink()
    folder = store.real_path.parent
    folder.chmod(0o500)
    try:
        assert not write_index(store.real_path, store.fingerprint(), RULES, summaries)
    finally:
        folder.chmod(0o700)
    assert not index_path(store.real_path).exists()


def test_a_write_error_is_swallowed(indexed, monkeypatch):
    """A full disk while leaving the index must not turn quitting into an error."""
    from tui.store import atomic
    from tui.store.errors import WriteFailedError

    store, summaries = indexed

    def full_disk(path, payload):
        raise WriteFailedError("disk full")

    monkeypatch.setattr(atomic, "atomic_write_bytes", full_disk)
    assert not write_index(store.real_path, store.fingerprint(), RULES, summaries)


def test_a_write_records_the_file_before_and_after_it(indexed):
    store, _ = indexed
    before = store.fingerprint()
    saved = store.save(store.load_all()[0])
    assert store.last_write == (before, store.fingerprint())
    assert saved.revision >= 2


def test_carry_after_a_single_write(indexed):
    store, summaries = indexed
    apps = store.load_all()
    apps[0].company = "Renamed"
    saved = store.save(apps[0])
    assert carry_index(store.real_path, *store.last_write, RULES, [summarize(saved, SETTINGS, NOW)],
                       removed=[apps[1].id])
    read, fingerprint = read_index(store.real_path, RULES)
    assert fingerprint == store.fingerprint()
    by_id = {s.app_id: s for s in read}
    assert by_id[apps[0].id].company == "Renamed"
    assert apps[1].id not in by_id
    assert len(read) == len(summaries) - 1


def test_an_index_is_not_carried_over_someone_elses_write(indexed):
    store, _ = indexed
    other = Store(store.path)  # another process writes first
    app = other.load_all()[0]
    other.save(app)
    app = store.load_all()[1]
    store.save(app)  # our write starts from the other process's version, which has no index
    assert not carry_index(store.real_path, *store.last_write, RULES, [summarize(app, SETTINGS, NOW)])
    assert read_index(store.real_path, RULES) is None
