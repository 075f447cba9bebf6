"""Several processes on one data file: kills, concurrent writers, stale edits, change detection."""

from __future__ import annotations

import os
import random
import signal
import time

import pytest

from store_helpers import Worker, make_app
from tui.store import StaleEditError, Store
from tui.store.atomic import is_our_temp

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and signals")

KILLS_PER_FILE = 50
FILES = 4  # 200 kills in all; a fresh file every 50 keeps each write small and quick


def kill_writers(db, kills: int, sig: int, rng: random.Random) -> tuple[int, int]:
    """Start `kills` writers on `db`, each stopped by `sig` at a random moment.

    After each kill the file must load and hold every id a writer printed (an
    add() that returned). Returns (adds that returned, kills inside a write).
    """
    Store(db).open()
    returned: list[str] = []
    mid_write = 0
    server = Worker("fork-writer", str(db))
    try:
        server.wait_for("ready")
        for kill in range(1, kills + 1):
            server.send("spawn")
            pid = int(server.wait_for("pid", returned).split()[1])
            if rng.random() < 0.5:  # half the time, once the writer is surely under way
                returned.append(server.wait_for("id ", returned))
            time.sleep(rng.uniform(0, 0.02))  # the random moment of the kill
            os.kill(pid, sig)
            server.send(f"reap {pid}")
            server.wait_for(f"reaped {pid}", returned)
            if any(is_our_temp(db, name) for name in os.listdir(db.parent)):
                mid_write += 1  # stopped between creating its temporary file and the rename
            printed = {line.split()[1] for line in returned if line.startswith("id ")}
            stored = {app.id for app in Store(db).load_all()}  # the file must load
            lost = printed - stored
            assert not lost, f"{len(lost)} returned writes lost after kill {kill} of {db.name}"
    finally:
        server.finish()
    # The next write clears what killed writers left behind.
    Store(db).add(make_app())
    assert not [n for n in os.listdir(db.parent) if is_our_temp(db, n)]
    return len(returned), mid_write


@pytest.mark.slow  # a soak: 200 writers killed at random moments
def test_a_writer_killed_at_random_moments_never_loses_a_write_that_returned(tmp_path):
    seed = 20261125  # seeded: which kills wait for a returned add is the same every run, so a failure repeats
    rng = random.Random(seed)
    returned = mid_write = 0
    for number in range(FILES):
        done, inside = kill_writers(tmp_path / f"killed-{number}.json", KILLS_PER_FILE, signal.SIGKILL, rng)
        returned, mid_write = returned + done, mid_write + inside
    kills = FILES * KILLS_PER_FILE
    print(f"{kills} kills, {mid_write} inside a write, {returned} adds returned, seed {seed}")
    assert kills >= 200
    assert returned >= kills // 4, f"seed {seed}: the writers hardly wrote ({returned} adds)"
    assert mid_write >= 5, f"seed {seed}: only {mid_write} kills landed inside a write"


@pytest.mark.slow  # a soak: 25 writers killed by the signal, one at a time
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_sigterm_and_sighup_lose_no_write_that_returned(tmp_path, sig):
    """A closed terminal or SSH link sends SIGHUP; a shutdown sends SIGTERM."""
    # seeded: the writers the test waits for (about half of 25) return every run, whatever the timing
    returned, _ = kill_writers(tmp_path / "followup.json", 25, sig, random.Random(f"kill-{sig.name}"))
    assert returned >= 5


@pytest.mark.slow  # a soak: two processes, 400 writes racing
def test_two_processes_adding_200_each_at_the_same_time_keep_all_400(tmp_path):
    db = tmp_path / "shared.json"
    Store(db).open()
    workers = [Worker("add", str(db), "200", tag) for tag in ("North", "South")]
    try:
        for worker in workers:
            worker.wait_for("ready")
        for worker in workers:
            worker.send("go")
        for worker in workers:
            worker.wait_for("done")
    finally:
        for worker in workers:
            worker.finish()
    companies = sorted(app.company for app in Store(db).load_all())
    expected = sorted(f"{tag} {n}" for tag in ("North", "South") for n in range(200))
    assert companies == expected


def test_an_edit_made_stale_by_another_process_is_refused_and_theirs_is_kept(tmp_path):
    db = tmp_path / "followup.json"
    store = Store(db).open()
    app = store.add(make_app("Acme"))
    mine = store.get(app.id)
    other = Worker("edit", str(db), app.id, "Acme Renamed Elsewhere")
    try:
        other.wait_for("saved")
    finally:
        other.finish()
    mine.notes = "typed on the board"
    with pytest.raises(StaleEditError, match="changed by another Followup process"):
        store.save(mine)
    assert mine.revision == 1, "a refused save must not bump the caller's revision"
    kept = store.get(app.id)
    assert kept.company == "Acme Renamed Elsewhere"
    assert kept.notes == ""


def test_the_fingerprint_changes_when_another_process_writes(tmp_path):
    db = tmp_path / "followup.json"
    store = Store(db).open()
    store.add(make_app())
    before = store.fingerprint()
    assert not store.changed_since(before), "nothing was written: no change may be reported"
    other = Worker("add", str(db), "1", "Elsewhere")
    try:
        other.wait_for("ready")
        assert not store.changed_since(before)
        other.send("go")
        other.wait_for("done")
    finally:
        other.finish()
    assert store.changed_since(before)
    assert "Elsewhere 0" in {app.company for app in store.load_all()}
