"""The data path: typed records decoded in one pass, TinyDB on our storage, damage read but never written."""

from __future__ import annotations

import json
import os
from datetime import datetime

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store_helpers import folder_bytes, make_app
from tui.core.errors import ValidationError
from tui.core.model import Application
from tui.core.parts import Event
from tui.store import SCHEMA_VERSION, Store, UnreadableFileError, codec
from tui.store.storage import FileStorage

NOW = pendulum.datetime(2026, 11, 25, 10, tz="UTC")


@pytest.fixture
def filled(tmp_path):
    store = Store(tmp_path / "followup.json").open()
    store.add_many([make_app("Acme"), make_app("Globex"), make_app("Initech")])
    return store


def _edit_file(store: Store, change) -> bytes:
    data = json.loads(store.path.read_bytes())
    change(data["applications"])
    store.path.write_text(json.dumps(data))
    return store.path.read_bytes()


def test_the_typed_reading_equals_the_plain_one(filled):
    raw = filled.path.read_bytes()
    typed = codec.decode_typed(filled.path, raw)
    plain = codec.from_plain(filled.path, json.loads(raw))
    assert typed[:3] == plain[:3] and [a.company for a in typed.applications] == ["Acme", "Globex", "Initech"]
    assert typed.schema == SCHEMA_VERSION and typed.problems == []


def test_stored_times_come_back_as_utc_datetimes(filled):
    app = filled.load_all()[0]
    assert type(app.rounds[0].at) is datetime and app.rounds[0].at.utcoffset().total_seconds() == 0
    assert app.rounds[0].at == pendulum.datetime(2026, 11, 23, 14, tz="UTC")


def test_a_damaged_record_leaves_the_others_readable_and_the_file_unwritable(filled):
    before = _edit_file(filled, lambda apps: apps["2"].update(stage="nowhere"))
    apps, _, problems = filled.snapshot()
    assert [a.company for a in apps] == ["Acme", "Initech"]
    assert len(problems) == 1 and "record 2 (Globex)" in problems[0] and "stage" in problems[0]
    with pytest.raises(UnreadableFileError, match="damaged"):
        filled.load_all()
    for write in (lambda: filled.add(make_app("Hooli")), lambda: filled.save(apps[0]),
                  lambda: filled.delete(apps[0].id), lambda: Store(filled.path).open()):
        with pytest.raises(UnreadableFileError, match="damaged.*nothing was changed"):
            write()
    assert filled.path.read_bytes() == before


@pytest.mark.parametrize("damage, said", [
    (lambda apps: apps["2"].update(id=apps["1"]["id"]), "appears twice"),
    (lambda apps: apps["2"].pop("id"), "record 2: it has no id"),
    (lambda apps: apps["3"].update(company=""), "company is empty"),
], ids=["duplicate id", "no id", "empty company"])
def test_duplicate_and_missing_ids_count_as_damage(filled, damage, said):
    before = _edit_file(filled, damage)
    _, _, problems = filled.snapshot()
    assert any(said in p for p in problems), problems
    with pytest.raises(UnreadableFileError, match="damaged"):
        filled.add(make_app("Hooli"))
    assert filled.path.read_bytes() == before


def test_a_missing_id_is_still_made_for_a_new_record_on_another_thread_meanwhile():
    assert len(Application(company="Acme", role="SRE").id) == 36


def test_the_storage_sees_an_edit_that_keeps_size_and_mtime(filled):
    """What the storage keeps between operations is reused only for the very same bytes."""
    filled.add(make_app("Hooli"))  # the storage now keeps this file's bytes and data
    raw = filled.path.read_bytes()
    stat = os.stat(filled.path)
    edited = raw.replace(b'"Acme"', b'"Acmf"', 1)
    assert len(edited) == len(raw)
    with open(filled.path, "r+b") as handle:  # in place: same inode, same size
        handle.write(edited)
    os.utime(filled.path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    filled.add(make_app("Umbrella"))
    companies = [a.company for a in Store(filled.path).load_all()]
    assert "Acmf" in companies and "Acme" not in companies and "Umbrella" in companies


def test_a_failed_write_leaves_nothing_kept_that_the_file_does_not_hold(filled, monkeypatch):
    from tui.store import atomic

    apps = filled.load_all()
    real = atomic.atomic_write_bytes

    def full_disk(path, payload):
        raise atomic.write_error(path, OSError(28, "No space left on device"))

    monkeypatch.setattr(atomic, "atomic_write_bytes", full_disk)
    with pytest.raises(Exception, match="disk is full"):
        filled.delete(apps[0].id)
    monkeypatch.setattr(atomic, "atomic_write_bytes", real)
    filled.add(make_app("Hooli"))
    assert [a.company for a in Store(filled.path).load_all()] == ["Acme", "Globex", "Initech", "Hooli"]


def test_tinydb_is_given_our_storage(filled):
    from tinydb import TinyDB

    db = TinyDB(filled.real_path, storage=FileStorage)
    assert len(db.table("applications")) == 3
    with pytest.raises(RuntimeError, match="only inside"):
        db.table("applications").truncate()
    assert len(filled.load_all()) == 3


def test_a_version_one_file_with_bad_text_is_cleaned_by_the_migration_with_a_backup(tmp_path):
    """Followup 0.1 stored a script's Latin-1 byte as a lone surrogate and passed control characters through."""
    path = tmp_path / "followup.json"
    doc = dict(make_app("Caf\udce9").to_dict(), revision=1)
    doc["notes"] = "line one\n\x1b[31mred\x1b[0m\tand a tab"
    original = json.dumps({"_meta": {"1": {"app": "followup", "schema": 1, "writes": 3}},
                           "applications": {"1": doc}}).encode("ascii")
    path.write_bytes(original)
    store = Store(path).open()
    (app,) = store.load_all()
    assert app.company == "Caf\ufffd" and app.notes == "line one\n[31mred[0m\tand a tab"
    backups = [p for p in tmp_path.iterdir() if ".bak-v1-" in p.name]
    assert len(backups) == 1 and backups[0].read_bytes() == original
    assert json.loads(path.read_bytes())["_meta"]["1"]["schema"] == SCHEMA_VERSION


def test_a_version_two_file_gains_the_schema_3_fields_and_the_reminders_table_with_a_backup(tmp_path):
    path = tmp_path / "followup.json"
    doc = dict(make_app("Acme").to_dict(), revision=1)
    for key in ("pitch", "posting", "snoozes"):
        doc.pop(key)
    for rnd in doc["rounds"]:
        for person in rnd["interviewers"]:
            person.pop("link"), person.pop("link_note")
    original = json.dumps({"_meta": {"1": {"app": "followup", "schema": 2, "writes": 3}},
                           "applications": {"1": doc}}).encode()
    path.write_bytes(original)
    store = Store(path).open()
    (app,) = store.load_all()
    assert (app.pitch, app.posting, app.snoozes) == ("", "", [])
    assert app.company == "Acme" and app.revision == 1
    written = json.loads(path.read_bytes())
    assert written["_meta"]["1"]["schema"] == SCHEMA_VERSION
    assert written["reminders"] == {} and written["applications"]["1"]["snoozes"] == []
    assert all(p["link"] == "" for r in written["applications"]["1"]["rounds"] for p in r["interviewers"])
    backups = [p for p in tmp_path.iterdir() if ".bak-v2-" in p.name]
    assert len(backups) == 1 and backups[0].read_bytes() == original


def test_a_version_three_file_gains_what_each_direction_line_did_with_a_backup(tmp_path):
    """Up to schema 3 only the line's words said whether an instruction was added, done, reopened or removed."""
    path = tmp_path / "followup.json"
    doc = dict(make_app("Acme").to_dict(), revision=2)
    lines = [("Direction (do-by): send references by 2026-11-20T17:00:00+00:00", "added"),
             ("Done: send references", "done"), ("Reopened: send references", "reopened"),
             ("Removed direction: send references", "removed"), ("Direction noted by hand", None)]
    doc["history"] = [{"at": "2026-11-19T10:00:00Z", "kind": "direction", "text": text, "data": {"direction": "d1"}}
                      for text, _ in lines]
    doc["history"].append({"at": "2026-11-19T11:00:00Z", "kind": "edit", "text": "Done: nothing to do", "data": {}})
    original = json.dumps({"_meta": {"1": {"app": "followup", "schema": 3, "writes": 3}},
                           "applications": {"1": doc}, "reminders": {}}).encode()
    path.write_bytes(original)
    (app,) = Store(path).open().load_all()
    assert [e.data.get("change") for e in app.history] == [change for _, change in lines] + [None]
    assert app.history[0].data["direction"] == "d1" and app.revision == 2
    assert json.loads(path.read_bytes())["_meta"]["1"]["schema"] == SCHEMA_VERSION
    backups = [p for p in tmp_path.iterdir() if ".bak-v3-" in p.name]
    assert len(backups) == 1 and backups[0].read_bytes() == original


@pytest.mark.parametrize("content", [b'{"_meta": {"1": {"app": "followup", "schema": 2}}, "applications": {"1": {"comp',
                                     b'{"theme": "dark"}', b"[]"])
def test_a_file_it_cannot_read_is_left_byte_for_byte(tmp_path, content):
    path = tmp_path / "followup.json"
    path.write_bytes(content)
    with pytest.raises(UnreadableFileError) as caught:
        Store(path).add(make_app())
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)
    assert folder_bytes(tmp_path) == {"followup.json": content, "followup.json.lock": b""}


def test_an_event_needs_a_zone_when_decoded():
    with pytest.raises(ValidationError, match="history"):
        Application.from_dict({"company": "Acme", "role": "SRE",
                               "history": [{"at": "2026-11-25T10:00:00", "kind": "edit", "text": "x"}]})
    assert Event(NOW, "edit", "x").at == NOW


texts = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30).filter(str.strip)


@settings(max_examples=40, deadline=None)
@given(company=texts, role=texts, notes=st.text(max_size=80))
def test_any_record_round_trips_through_the_file_format(company, role, notes):
    app = Application(company=company, role=role, notes=notes, created_at=NOW)
    raw = codec.encode({"applications": {"1": app}})
    assert json.loads(raw)["applications"]["1"]["company"] == app.company
    again = Application.from_dict(json.loads(raw)["applications"]["1"])
    assert again == app


def _far(apps, where: str, time: str) -> None:
    card = apps["2"]
    if where == "direction due":
        card["directions"] = [{"id": "d1", "text": "Send references", "kind": "do-by", "due": time}]
    elif where == "contact":
        card["contacts"] = [{"id": "c1", "at": time, "kind": "follow-up"}]
    elif where == "history":
        card["history"] = [{"at": time, "kind": "edit", "text": "x", "data": {}}]
    elif where == "round":
        card["rounds"][0]["at"] = time
    else:
        card[where] = time


@pytest.mark.parametrize("where", ["direction due", "contact", "history", "round", "created_at", "decision_by"])
@pytest.mark.parametrize("time", ["9999-12-31T23:59:59Z", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00",
                                  "2200-12-31T23:00:00-12:00", "1900-01-01T05:00:00+14:00", "1899-12-31T23:59:59Z"])
def test_a_time_out_of_the_years_is_a_damaged_record_named_and_never_written(filled, where, time):
    """At datetime's ends, the rules' arithmetic and the zone's offset overflowed: every read of the card
    crashed, and a write saved, then crashed (fuzz fz1 D3, D9)."""
    before = _edit_file(filled, lambda apps: _far(apps, where, time))
    apps, _, problems = filled.snapshot()
    assert [a.company for a in apps] == ["Acme", "Initech"]
    assert len(problems) == 1 and "record 2 (Globex)" in problems[0] and "out of the years 1900–2200" in problems[0]
    with pytest.raises(UnreadableFileError, match="damaged.*out of the years"):
        filled.add(make_app("Hooli"))
    assert filled.path.read_bytes() == before


@pytest.mark.parametrize("time", ["1900-01-01T14:00:00+14:00", "1901-01-01T00:00:00+14:00",
                                  "2200-12-31T11:59:59-12:00", "2199-12-31T23:00:00-12:00"])
def test_a_time_at_the_edge_of_the_years_reads_and_writes(filled, time):
    _edit_file(filled, lambda apps: _far(apps, "round", time))
    assert filled.snapshot()[2] == []
    filled.add(make_app("Hooli"))
    assert len(filled.load_all()) == 4


def _time_fields(kind=Application, path=""):
    """Where a record of the model holds a time, found from its types: "rounds[0].at", …"""
    import msgspec.inspect as mi

    found = []

    def walk(info, where):
        if isinstance(info, mi.DateTimeType):
            found.append(where)
        elif isinstance(info, mi.UnionType):
            for option in info.types:
                walk(option, where)
        elif isinstance(info, mi.ListType):
            walk(info.item_type, where + "[0]")
        elif isinstance(info, mi.StructType):
            for field in info.fields:
                walk(field.type, f"{where}.{field.encode_name}" if where else field.encode_name)

    walk(mi.type_info(kind), path)
    return found


def _set(data, where: str, value: str) -> None:
    steps = [int(s) if s.isdigit() else s for s in where.replace("[", ".").replace("]", "").split(".")]
    for step in steps[:-1]:
        data = data[step]
    data[steps[-1]] = value


@pytest.mark.parametrize("where", _time_fields())
def test_every_stored_time_is_checked_for_its_years_on_the_fast_reading(filled, where):
    """The typed reading checks the years with a walk that names each field (model.times_in_years)."""
    def far(apps):
        card = apps["2"]
        card["rounds"][0]["interviewers"][0]["thanked_at"] = "2026-11-24T10:00:00Z"
        card["directions"] = [{"id": "d1", "text": "Call", "due": "2026-11-26T10:00:00Z",
                               "done_at": "2026-11-25T10:00:00Z"}]
        card["contacts"] = [{"id": "c1", "at": "2026-11-24T10:00:00Z", "kind": "follow-up"}]
        card["history"] = [{"at": "2026-11-24T10:00:00Z", "kind": "edit", "text": "x", "data": {}}]
        card["snoozes"] = [{"id": "s1", "kind": "follow-up", "due": "2026-11-26T10:00:00Z",
                            "until": "2026-11-28T10:00:00Z", "at": "2026-11-24T10:00:00Z"}]
        _set(card, where, "9999-12-31T23:59:59Z")

    _edit_file(filled, far)
    raw = filled.path.read_bytes()
    assert not codec.maybe_unclean(raw)
    found = codec.decode_typed(filled.path, raw)
    assert len(found.problems) == 1 and "out of the years" in found.problems[0], found.problems


def test_a_card_with_an_int_beyond_64_bits_in_its_history_data_is_written_with_it_as_it_was(filled):
    """Read fine, but the copy a change starts from (model.copied, msgpack: ints of up to 64 bits) crashed every
    change of the card (fuzz fz1 D7); the JSON written keeps the number."""
    from tui.core.model import copied

    big = 10**40
    _edit_file(filled, lambda apps: apps["2"].update(
        history=[{"at": "2026-11-24T10:00:00Z", "kind": "stage", "text": "x", "data": {"from": big, "n": [-big]}}]))
    app = next(a for a in filled.load_all() if a.company == "Globex")
    changed = copied(app)
    changed.notes = "called back"
    filled.save(changed)
    again = json.loads(filled.path.read_bytes())["applications"]["2"]
    assert again["notes"] == "called back" and again["history"][0]["data"] == {"from": big, "n": [-big]}
