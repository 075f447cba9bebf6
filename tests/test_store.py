"""The store's API in one process: what each call writes, refuses and reports."""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone

import pytest

from store_helpers import folder_bytes, make_app
from tui.core.errors import ValidationError
from tui.store import (
    SCHEMA_VERSION,
    NotFoundError,
    StaleEditError,
    Store,
    WriteFailedError,
    atomic,
    default_config_dir,
    default_db_path,
)
from tui.store.atomic import is_our_temp

NOW = datetime(2026, 11, 25, 13, tzinfo=timezone.utc)


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "followup.json").open()


def raw(store: Store) -> dict:
    return json.loads(store.path.read_bytes())


def test_open_creates_the_file_with_our_schema_record_and_only_the_default_folder(tmp_path):
    path = tmp_path / "new" / "folder" / "followup.json"
    with pytest.raises(WriteFailedError, match="does not exist, and Followup does not create folders"):
        Store(path).open()
    assert not (tmp_path / "new").exists(), "a folder the user named is never created"
    Store(path, create_folder=True).open()  # the default data folder, on first run
    data = json.loads(path.read_bytes())
    record = data["_meta"]["1"]
    assert (record["app"], record["schema"]) == ("followup", SCHEMA_VERSION)
    assert data["applications"] == {}


@pytest.mark.parametrize("content", [b"", b"  \n", b"{}"])
def test_open_of_a_file_holding_nothing_makes_it_a_fresh_data_file(tmp_path, content):
    path = tmp_path / "followup.json"
    path.write_bytes(content)
    assert Store(path).load_all() == []
    assert Store(path).open().load_all() == []
    assert raw(Store(path))["_meta"]["1"]["app"] == "followup"


def test_reading_a_missing_file_creates_nothing(tmp_path):
    store = Store(tmp_path / "absent.json")
    assert store.load_all() == []
    assert store.fingerprint() == ()
    assert list(tmp_path.iterdir()) == []


def test_added_applications_come_back_equal_and_in_order(store):
    apps = [make_app("Acme"), make_app("Globex"), make_app("Initech")]
    store.add_many(apps)
    loaded = store.load_all()
    assert [a.to_dict() for a in loaded] == [a.to_dict() for a in apps]
    assert [a.revision for a in loaded] == [1, 1, 1]


def test_add_many_is_all_or_nothing(store):
    first = store.add(make_app("Acme"))
    before = store.path.read_bytes()
    duplicate = make_app("Again", id=first.id)
    with pytest.raises(ValidationError, match="already exists"):
        store.add_many([make_app("Globex"), duplicate])
    assert store.path.read_bytes() == before
    with pytest.raises(ValidationError, match="appears twice"):
        twin = make_app("Twin")
        store.add_many([twin, make_app("Twin", id=twin.id)])


def test_get_and_resolve_by_id_and_prefix(store):
    app = store.add(make_app("Acme"))
    assert store.get(app.id).company == "Acme"
    assert store.resolve(app.id[:6].upper()).id == app.id
    with pytest.raises(NotFoundError, match="no application id or company starts with 'zzz'"):
        store.resolve("zzz")
    with pytest.raises(NotFoundError, match="no id given"):
        store.resolve("  ")
    with pytest.raises(NotFoundError):
        store.get("missing")


def test_resolve_ignores_case_of_imported_ids(store):
    store.add(make_app("Acme", id="ACME-2026"))
    assert store.resolve("acme-2026").company == "Acme"
    assert store.resolve("Acme").id == "ACME-2026"


def test_an_ambiguous_prefix_names_the_candidates(store):
    store.add_many([make_app("Acme", id="abc-1"), make_app("Globex", id="abc-2")])
    with pytest.raises(NotFoundError, match=r"ambiguous.*Acme.*Globex"):
        store.resolve("abc")


def test_a_key_starting_one_cards_id_and_another_cards_company_is_ambiguous(store):
    """`delete c --yes` deleted Mu, whose id starts with c, where c named Cafe's company (review Q 1)."""
    store.add_many([make_app("Mu", id="c0ac7533"), make_app("Cafe", id="fd6793f7")])
    with pytest.raises(NotFoundError, match=r"'c' is ambiguous.*Mu.*Cafe"):
        store.resolve("c")
    assert store.resolve("ca").company == "Cafe" and store.resolve("c0").company == "Mu"


def test_a_company_named_exactly_wins_over_longer_names_it_starts(store):
    store.add_many([make_app("NoTY", id="a-1"), make_app("NoTY2", id="b-2"), make_app("Acme", id="c-3"),
                    make_app("acme", id="d-4")])
    assert store.resolve("noty").id == "a-1"
    assert store.resolve("NOTY2").id == "b-2"
    with pytest.raises(NotFoundError, match=r"'no' is ambiguous.*NoTY.*NoTY2"):
        store.resolve("no")
    with pytest.raises(NotFoundError, match=r"'ACME' is ambiguous.*Acme.*acme"):  # one name, two cards
        store.resolve("ACME")


def test_save_bumps_the_revision_and_a_stale_copy_is_refused(store):
    app = store.add(make_app("Acme"))
    board_one, board_two = store.get(app.id), Store(store.path).get(app.id)
    board_one.notes = "first"
    assert store.save(board_one).revision == 2
    board_two.notes = "second"
    with pytest.raises(StaleEditError, match="Acme — Engineer was changed by another Followup process"):
        Store(store.path).save(board_two)
    assert board_two.revision == 1
    assert store.get(app.id).notes == "first"


def test_save_with_again_applies_the_change_to_the_card_as_another_process_saved_it(store):
    """Review D #1: a command's change is not lost, nor is the board's saved between its read and write."""
    from tui.core import actions

    app = store.add(make_app("Acme"))
    script, board = Store(store.path), Store(store.path)
    read = script.get(app.id)
    now = NOW

    def append(card):
        return actions.set_notes(card, (card.notes + "\n" if card.notes else "") + "script line", now=now)

    mine = append(read)
    theirs = board.get(app.id)
    board.save(actions.set_notes(theirs, "board typed", now=now))
    saved = script.save(mine, again=append)
    assert (saved.notes, saved.revision) == ("board typed\nscript line", 3)
    assert store.get(app.id).notes == "board typed\nscript line" and store.get(app.id).revision == 3
    with pytest.raises(StaleEditError):  # without `again`, a stale copy is still refused
        script.save(append(read))


def test_save_with_again_writes_nothing_when_nothing_is_left_to_do_and_refuses_a_deleted_card(store):
    from tui.core import actions

    app = store.add(make_app("Acme"))
    read = Store(store.path).get(app.id)
    store.save(actions.set_notes(store.get(app.id), "done", now=NOW))
    before = store.path.read_bytes()
    kept = Store(store.path).save(actions.set_notes(read, "done", now=NOW), again=lambda card: None)
    assert (kept.notes, kept.revision) == ("done", 2) and store.path.read_bytes() == before
    with pytest.raises(ValidationError, match="no longer fits"):  # `again` may refuse: nothing written
        Store(store.path).save(read, again=lambda card: (_ for _ in ()).throw(ValidationError("no longer fits")))
    assert store.path.read_bytes() == before
    store.delete(app.id)
    with pytest.raises(NotFoundError, match="was deleted by another Followup process"):
        Store(store.path).save(read, again=lambda card: card)
    assert store.load_all() == []


def test_save_many_writes_none_when_one_is_stale(store):
    a, b = store.add_many([make_app("Acme"), make_app("Globex")])
    stale = store.get(b.id)
    store.save(store.get(b.id))
    a.notes, stale.notes = "new a", "new b"
    before = store.path.read_bytes()
    with pytest.raises(StaleEditError):
        store.save_many([a, stale])
    assert store.path.read_bytes() == before
    assert (a.revision, stale.revision) == (1, 1)


def test_saving_a_deleted_application_is_refused(store):
    app = store.add(make_app("Acme"))
    store.delete(app.id)
    with pytest.raises(NotFoundError, match="deleted by another Followup process"):
        store.save(app)
    assert store.load_all() == []


def test_delete_with_a_stale_revision_is_refused(store):
    app = store.add(make_app("Acme"))
    store.save(store.get(app.id))
    with pytest.raises(StaleEditError, match="not deleted"):
        store.delete(app.id, revision=1)
    store.delete(app.id, revision=2)
    with pytest.raises(NotFoundError):
        store.delete(app.id)


def test_put_overwrites_regardless_of_revision_and_inserts_when_missing(store):
    app = store.add(make_app("Acme"))
    store.save(store.get(app.id))  # now revision 2 in the file
    old = make_app("Acme Restored", id=app.id)
    assert store.put(old).revision == 3
    assert store.get(app.id).company == "Acme Restored"
    store.delete(app.id)
    assert store.put(make_app("Back", id=app.id)).revision == 1


def test_put_many_inserts_and_overwrites_in_one_write(store):
    kept = store.add(make_app("Acme"))
    changed = make_app("Acme Changed", id=kept.id)
    new = make_app("Globex")
    writes = raw(store)["_meta"]["1"]["writes"]
    store.put_many([changed, new])
    assert raw(store)["_meta"]["1"]["writes"] == writes + 1
    assert {a.company: a.revision for a in store.load_all()} == {"Acme Changed": 2, "Globex": 1}


def test_every_write_changes_the_fingerprint_even_when_inode_size_and_time_match(store, monkeypatch):
    app = store.add(make_app("Acme"))
    frozen = os.stat(store.path)  # as if the file system reused the inode within one clock tick
    monkeypatch.setattr(atomic.os, "fstat", lambda _fd: frozen)
    seen = {store.fingerprint()}
    for _ in range(12):  # the same size every time
        store.put(app)
        seen.add(store.fingerprint())
    assert len(seen) == 13


def test_snapshot_fingerprint_is_that_of_the_file_read(store):
    store.add(make_app("Acme"))
    apps, fingerprint, problems = store.snapshot()
    assert problems == []
    assert [a.company for a in apps] == ["Acme"]
    assert fingerprint == store.fingerprint()
    assert not store.changed_since(fingerprint)
    store.add(make_app("Globex"))
    assert store.changed_since(fingerprint)


def test_reads_never_write(store):
    store.add(make_app("Acme"))
    before = folder_bytes(store.path.parent)
    store.load_all(), store.snapshot(), store.fingerprint(), store.resolve(store.load_all()[0].id[:4])
    Store(store.path).open()
    assert folder_bytes(store.path.parent) == before


def test_a_symlinked_data_file_stays_a_symlink(tmp_path):
    real = tmp_path / "dotfiles" / "followup.json"
    real.parent.mkdir()
    link = tmp_path / "followup.json"
    link.symlink_to(real)
    store = Store(link).open()
    store.add(make_app("Acme"))
    assert link.is_symlink()
    assert [a.company for a in Store(real).load_all()] == ["Acme"]


def test_temporary_files_left_by_a_killed_writer_are_cleared_by_the_next_write(store):
    leftover = store.path.parent / f".{store.path.name}.k1ll3d_x.tmp"
    leftover.write_bytes(b'{"half": ')
    unrelated = store.path.parent / f".{store.path.name}.other.k1ll3d_x.tmp"
    unrelated.write_bytes(b"not ours")
    assert is_our_temp(store.path, leftover.name) and not is_our_temp(store.path, unrelated.name)
    store.add(make_app("Acme"))
    assert not leftover.exists()
    assert unrelated.exists()


def test_a_new_file_is_private_and_an_existing_one_keeps_its_mode(tmp_path):
    store = Store(tmp_path / "followup.json").open()
    assert store.path.stat().st_mode & 0o777 == 0o600
    os.chmod(store.path, 0o640)
    store.add(make_app())
    assert store.path.stat().st_mode & 0o777 == 0o640


def test_default_paths_follow_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("FOLLOWUP_DB", str(tmp_path / "mine.json"))  # read by the command line, not here
    assert default_db_path() == tmp_path / "data" / "followup" / "followup.json"
    assert default_config_dir().name == "followup"


def test_a_company_typed_without_its_accents_names_the_card(store):
    """Review Q: `followup show societe` did not find Société Générale, which the board's filter finds."""
    app = store.add(make_app("Société Générale"))
    assert store.resolve("societe").id == app.id
    assert store.resolve("SOCIÉTÉ GÉN").id == app.id


def test_a_save_over_another_processs_write_rereads_a_stored_invisible_name_as_stored(tmp_path):
    """Read-through: the save's re-read of the stored card checked its name as newly typed, so a card named
    before the visible-name rule (only a zero-width space) could not be saved once another process wrote it."""
    from tui.core.model import Application

    path = tmp_path / "x.json"
    Store(path).add(Application(company="Acme", role="Dev", created_at=datetime(2026, 1, 1, tzinfo=timezone.utc)))
    data = json.loads(path.read_text())
    for record in data["applications"].values():
        record["company"] = "\u200b"
    path.write_text(json.dumps(data, ensure_ascii=False))
    (mine,) = Store(path).load_all()
    (other,) = Store(path).load_all()
    other.notes = "other"
    Store(path).save(other)
    mine.notes = "mine"

    def again(stored):
        stored.notes += " and mine"
        return stored

    saved = Store(path).save(mine, again=again)
    assert (saved.company, saved.notes) == ("\u200b", "other and mine")
