"""Files that are not ours, broken, newer or older: refused untouched, or migrated with a backup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store_helpers import folder_bytes, make_app
from tui.core.stages import Stage
from tui.store import SCHEMA_VERSION, NewerSchemaError, Store, UnreadableFileError
from tui.store.migrations import MIGRATIONS

CORRUPT = b'{"_meta": {"1": {"app": "followup", "schema": 1}}, "applications": {"1": {"comp'

FOREIGN = {
    "a JSON list": [1, 2, 3],
    "a JSON string": "hello",
    "JSON null": None,
    "another program's settings": {"theme": "dark", "volume": 3},
    "another program's TinyDB": {"_default": {"1": {"name": "milk", "qty": 2}}},
    "an early file with one odd record": {"_default": {
        "1": {"company": "Acme", "role": "Dev", "status": "thanked"},
        "2": {"company": "Globex", "role": "Ops"},
    }},
    "an unknown status": {"_default": {"1": {"company": "Acme", "role": "Dev", "status": "pending"}}},
    "an early layout plus another table": {
        "_default": {"1": {"company": "Acme", "role": "Dev", "status": "thanked"}}, "other": {},
    },
    "another program's _meta": {"_meta": {"1": {"app": "shopping", "schema": 1}}},
}


def attempts(path):
    """Every way the app touches a file; each must raise and leave it alone."""
    return [
        lambda: Store(path).open(),
        lambda: Store(path).load_all(),
        lambda: Store(path).add(make_app()),
        lambda: Store(path).put(make_app()),
        lambda: Store(path).get("x"),
    ]


def assert_refused_untouched(path, expected_error, *words):
    before = folder_bytes(path.parent)
    for attempt in attempts(path):
        with pytest.raises(expected_error) as caught:
            attempt()
        message = str(caught.value)
        assert str(path) in message and "\n" not in message
        for word in words:
            assert word in message
    after = folder_bytes(path.parent)
    after.pop(path.name + ".lock", None)  # the one file a write attempt may create
    assert after == before


def test_a_corrupt_file_is_reported_and_left_byte_for_byte(tmp_path):
    path = tmp_path / "followup.json"
    path.write_bytes(CORRUPT)
    assert_refused_untouched(path, UnreadableFileError, "not valid JSON", "restore a backup")


def test_a_file_that_is_not_text_is_reported_and_left_alone(tmp_path):
    path = tmp_path / "followup.json"
    path.write_bytes(bytes(range(256)))
    assert_refused_untouched(path, UnreadableFileError, "not valid JSON")


def _ours_with(tmp_path, change) -> Path:
    path = tmp_path / "followup.json"
    Store(path).open().add(make_app("Acme"))
    (tmp_path / "followup.json.lock").unlink()  # made by the add: the check allows only a new one
    path.write_bytes(change(path.read_bytes()))
    return path


def _nested(depth: int, inner: str) -> bytes:
    return ("[" * depth + inner + "]" * depth).encode()


@pytest.mark.parametrize("change, said", [
    (lambda raw: raw.replace(b'"Acme"', b'"A\xffcme"'), "not valid JSON (a byte that is not UTF-8, 0xff)"),
    (lambda raw: raw.replace(b'"notes":""', b'"notes":' + _nested(1000, "1")), "nested too deeply"),
    (lambda raw: raw.replace(b'"pitch":""', b'"pitch":' + _nested(500, '"\\u001b"')), "nested too deeply"),
], ids=["a byte that is not UTF-8", "1000 levels deep", "500 levels deep, with a text to clean"])
def test_a_file_that_cannot_be_read_is_refused_with_the_unreadable_message_not_a_traceback(tmp_path, change, said):
    """A UnicodeDecodeError or a RecursionError came out of every command and the board (fuzz fz1 D4, D5)."""
    path = _ours_with(tmp_path, change)
    assert_refused_untouched(path, UnreadableFileError, said, "restore a backup")
    with pytest.raises(UnreadableFileError, match=said.replace("(", r"\(").replace(")", r"\)")):
        Store(path).snapshot()


@pytest.mark.parametrize("content", FOREIGN.values(), ids=FOREIGN.keys())
def test_foreign_json_is_reported_and_left_byte_for_byte(tmp_path, content):
    path = tmp_path / "followup.json"
    path.write_text(json.dumps(content))
    assert_refused_untouched(path, UnreadableFileError, "not a Followup data file", "--db")


def test_a_file_from_a_newer_followup_is_refused_untouched(tmp_path):
    path = tmp_path / "followup.json"
    newer = {"_meta": {"1": {"app": "followup", "schema": SCHEMA_VERSION + 1}}, "applications": {},
             "reminders": {"1": {"text": "a table we do not know"}}}
    path.write_text(json.dumps(newer))
    assert_refused_untouched(path, NewerSchemaError, "newer Followup", "Upgrade Followup")


@pytest.mark.parametrize("meta", [{"app": "followup", "schema": "1"}, {"app": "followup"}])
def test_our_file_with_a_broken_schema_record_is_called_damaged_and_left_alone(tmp_path, meta):
    path = tmp_path / "followup.json"
    path.write_text(json.dumps({"_meta": {"1": meta}, "applications": {}}))
    assert_refused_untouched(path, UnreadableFileError, "damaged", "restore a backup")


def test_a_current_file_whose_meta_says_schema_0_is_damaged_not_migrated_to_empty(tmp_path):
    """Schema 0 had no _meta record: read as one, the cards in `applications` were dropped by the first write
    (fuzz fz1 D1)."""
    path = tmp_path / "followup.json"
    store = Store(path).open()
    store.add(make_app("Acme"))
    data = json.loads(path.read_bytes())
    data["_meta"]["1"]["schema"] = 0
    path.write_text(json.dumps(data))
    (tmp_path / "followup.json.lock").unlink()  # made by the add: the check below allows only a new one
    assert_refused_untouched(path, UnreadableFileError, "damaged", "schema 0", "restore a backup")


def test_opening_a_bad_file_creates_nothing_beside_it(tmp_path):
    path = tmp_path / "followup.json"
    path.write_bytes(CORRUPT)
    with pytest.raises(UnreadableFileError):
        Store(path).open()
    assert [p.name for p in tmp_path.iterdir()] == ["followup.json"]


def test_a_damaged_application_is_named_and_nothing_is_written(tmp_path):
    store = Store(tmp_path / "followup.json").open()
    store.add(make_app("Acme"))
    data = json.loads(store.path.read_bytes())
    data["applications"]["1"]["rounds"][0]["at"] = "next tuesday-ish"
    store.path.write_text(json.dumps(data))
    before = store.path.read_bytes()
    damaged = r"damaged \(record 1 \(Acme\).*rounds\[0\]\.at: invalid RFC3339.*bak-"
    with pytest.raises(UnreadableFileError, match=damaged):
        store.load_all()
    assert store.path.read_bytes() == before


# --- schema 0: the pre-release layout ----------------------------------------------

SCHEMA_0 = {"_default": {
    "1": {"id": "0d1c-acme", "company": "Acme", "role": "Platform engineer", "status": "thanked",
          "created_at": "2026-11-20T09:00:00",
          "rounds": [{"name": "Onsite", "at": "2026-11-19T14:30:00",
                      "interviewers": [{"name": "Dana Kim", "thanked_at": "2026-11-19T20:00:00"}]}],
          "directions": [{"text": "Send references", "kind": "do-by", "due": "2026-11-24T17:00:00"}],
          "history": [{"at": "2026-11-20T09:00:00", "kind": "created", "text": "added"}]},
    "2": {"company": "Globex", "role": "SRE", "status": "followed-up",
          "contacts": [{"at": "2026-11-10T08:00:00+01:00", "kind": "follow-up"}]},
}}


def write_schema_0(path, content=SCHEMA_0) -> bytes:
    original = json.dumps(content, indent=2).encode()
    path.write_bytes(original)
    return original


def test_a_schema_0_file_is_backed_up_then_migrated_and_loads(tmp_path):
    path = tmp_path / "followup.json"
    original = write_schema_0(path)
    store = Store(path).open()
    backups = list(tmp_path.glob("followup.json.bak-v0-*"))
    assert backups == [store.last_backup]
    assert backups[0].read_bytes() == original
    data = json.loads(path.read_bytes())
    assert data["_meta"]["1"]["schema"] == SCHEMA_VERSION and "_default" not in data
    acme, globex = store.load_all()
    assert (acme.id, acme.company, acme.stage) == ("0d1c-acme", "Acme", Stage.THANKED)
    assert acme.rounds[0].at.isoformat() == "2026-11-19T14:30:00+00:00"  # naive meant UTC
    assert acme.rounds[0].interviewers[0].thanked_at.hour == 20
    assert acme.directions[0].due.isoformat() == "2026-11-24T17:00:00+00:00"
    assert globex.stage is Stage.FOLLOWED_UP
    assert globex.contacts[0].at.isoformat() == "2026-11-10T07:00:00+00:00"
    assert Store(path).load_all()[1].id == globex.id, "an id given by the migration must be stable"
    assert (acme.revision, globex.revision) == (1, 1)


def test_a_schema_0_file_reads_without_being_written_and_migrates_on_first_write(tmp_path):
    path = tmp_path / "followup.json"
    original = write_schema_0(path)
    assert [a.company for a in Store(path).load_all()] == ["Acme", "Globex"]
    assert path.read_bytes() == original
    Store(path).add(make_app("Initech"))
    assert [a.company for a in Store(path).load_all()] == ["Acme", "Globex", "Initech"]
    assert next(tmp_path.glob("followup.json.bak-v0-*")).read_bytes() == original


def test_a_schema_0_file_with_a_bad_time_is_refused_without_a_backup(tmp_path):
    path = tmp_path / "followup.json"
    broken = json.loads(json.dumps(SCHEMA_0))
    broken["_default"]["2"]["contacts"][0]["at"] = "the other day"
    original = write_schema_0(path, broken)
    with pytest.raises(UnreadableFileError, match=r"application 2 \(Globex\).*the other day"):
        Store(path).open()
    assert path.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["followup.json"]


@pytest.mark.parametrize("where, time", [("contact", "0001-01-01T00:00:00+14:00"),
                                         ("created_at", "9999-12-31T23:59:59-12:00")])
def test_a_schema_0_file_with_a_time_out_of_the_years_is_refused_not_a_traceback(tmp_path, where, time):
    path = tmp_path / "followup.json"
    broken = json.loads(json.dumps(SCHEMA_0))
    if where == "contact":
        broken["_default"]["2"]["contacts"][0]["at"] = time
    else:
        broken["_default"]["2"][where] = time
    original = write_schema_0(path, broken)
    for attempt in (lambda: Store(path).open(), lambda: Store(path).snapshot(), lambda: Store(path).add(make_app())):
        with pytest.raises(UnreadableFileError, match=r"damaged \(application 2 \(Globex\).*out of the years"):
            attempt()
    assert path.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir() if ".bak-" in p.name] == []


@pytest.mark.parametrize("token", ["Infinity", "-Infinity", "NaN", "1e400"])
def test_a_schema_0_revision_that_is_no_number_counts_as_none_not_a_traceback(tmp_path, token):
    """json.loads reads the bare tokens (Followup 0.1's files go through it), and int(inf) overflowed (fz1 D8)."""
    path = tmp_path / "followup.json"
    path.write_bytes(json.dumps(SCHEMA_0).replace('"status": "thanked"', f'"status": "thanked", "revision": {token}')
                     .encode())
    acme = next(a for a in Store(path).load_all() if a.company == "Acme")
    assert acme.revision == 1


def test_an_empty_early_file_is_migrated_too(tmp_path):
    path = tmp_path / "followup.json"
    write_schema_0(path, {"_default": {}})
    assert Store(path).open().load_all() == []
    assert json.loads(path.read_bytes())["_meta"]["1"]["schema"] == SCHEMA_VERSION


def test_there_is_one_migration_per_older_schema():
    assert sorted(MIGRATIONS) == list(range(SCHEMA_VERSION))


def test_a_schema_0_record_without_ids_reads_with_the_same_ids_every_time_and_keeps_them(tmp_path):
    """Read-only commands migrate in memory and never write: ids made from the record itself stay put."""
    path = tmp_path / "followup.json"
    original = write_schema_0(path)

    def ids():
        globex = Store(path).load_all()[1]
        return globex.id, [c.id for c in globex.contacts]

    first = ids()
    assert ids() == first and path.read_bytes() == original
    Store(path).add(make_app("Initech"))  # the first write migrates the file
    assert ids() == first
    other = json.loads(json.dumps(SCHEMA_0))
    other["_default"]["2"]["role"] = "Platform"  # another record: another id
    write_schema_0(path, other)
    assert ids()[0] != first[0]


def test_schema_0_rounds_and_interviewers_get_stable_ids_too(tmp_path):
    path = tmp_path / "followup.json"
    content = json.loads(json.dumps(SCHEMA_0))
    del content["_default"]["1"]["id"]
    write_schema_0(path, content)

    def ids():
        acme = Store(path).load_all()[0]
        return acme.id, acme.rounds[0].id, acme.rounds[0].interviewers[0].id, acme.directions[0].id

    assert ids() == ids() and len(set(ids())) == 4
