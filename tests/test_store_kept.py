"""What the storage keeps between a read and a write: records written back byte for byte, one decoding."""

from __future__ import annotations

import json

import msgspec
import pytest

from store_helpers import make_app
from tui.store import StaleEditError, Store, codec


@pytest.fixture
def filled(tmp_path):
    store = Store(tmp_path / "followup.json").open()
    store.add_many([make_app("Acme"), make_app("Globex"), make_app("Initech")])
    return store


def _escape_globex(store: Store) -> bytes:
    """Rewrite Globex's company as another JSON writer might (a space after the colon); the meaning is the same.

    (Not a `\\u` escape: one makes the file look edited by hand, read the slow, cleaning way.)"""
    raw = store.path.read_bytes().replace(b'"company":"Globex"', b'"company": "Globex"')
    assert b'"company": "Globex"' in raw
    store.path.write_bytes(raw)
    return raw


def test_a_write_leaves_the_records_it_did_not_change_byte_for_byte(filled):
    _escape_globex(filled)
    acme = next(a for a in filled.load_all() if a.company == "Acme")
    acme.role = "Staff Engineer"
    filled.save(acme)
    raw = filled.path.read_bytes()
    assert b'"company": "Globex"' in raw  # untouched: not decoded and encoded again
    by_company = {a.company: a for a in filled.load_all()}
    assert by_company["Acme"].role == "Staff Engineer" and by_company["Acme"].revision == 2
    assert by_company["Globex"].revision == 1 and set(by_company) == {"Acme", "Globex", "Initech"}


def test_a_changed_record_is_written_whole_and_anew(filled):
    _escape_globex(filled)
    globex = next(a for a in filled.load_all() if a.company == "Globex")
    globex.role = "Lead"
    filled.save(globex)
    raw = filled.path.read_bytes()
    assert b'"company": "Globex"' not in raw and b'"company":"Globex"' in raw
    doc = next(d for d in json.loads(raw)["applications"].values() if d["company"] == "Globex")
    assert doc["role"] == "Lead" and doc["revision"] == 2 and doc["rounds"][0]["name"] == "Onsite"


def test_a_write_after_a_read_of_the_same_bytes_decodes_them_once(filled, monkeypatch):
    calls = []
    real = codec.decode_typed
    monkeypatch.setattr(codec, "decode_typed", lambda path, raw: calls.append(1) or real(path, raw))
    store = Store(filled.path)
    apps = store.snapshot().applications
    calls.clear()
    apps[0].role = "Changed"
    store.save(apps[0])
    assert calls == []  # the read already found these bytes whole
    apps[1].role = "Changed too"
    store.save(apps[1])
    assert calls == []  # its own write: kept, nothing to decode


def test_a_file_changed_since_the_read_is_read_again_and_a_stale_edit_refused(filled, monkeypatch):
    store = Store(filled.path)
    apps = store.snapshot().applications
    other = Store(filled.path).load_all()
    other[0].role = "Elsewhere"
    Store(filled.path).save(other[0])  # another process writes between our read and our write
    apps[0].role = "Here"
    with pytest.raises(StaleEditError):
        store.save(apps[0])
    assert Store(filled.path).load_all()[0].role == "Elsewhere"


def test_a_stored_doc_answers_id_and_revision_without_decoding_and_decodes_on_change():
    doc = codec.StoredDoc(msgspec.Raw(b'{"id":"a1","revision":3,"company":"Acme"}'), "a1", 3)
    assert doc.get("id") == "a1" and doc["revision"] == 3 and doc.encodable() == msgspec.Raw(
        b'{"id":"a1","revision":3,"company":"Acme"}')
    assert doc["company"] == "Acme" and dict(doc) == {"id": "a1", "revision": 3, "company": "Acme"}
    doc.clear()
    doc.update({"id": "a1", "revision": 4})
    assert codec.encode({"x": doc}) == b'{"x":{"id":"a1","revision":4}}'
    assert doc.get("company", "none") == "none"
