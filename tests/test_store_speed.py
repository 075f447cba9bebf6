"""Start-up cost of reading the store: one parse of the file, fast stored forms, no write-only imports."""

from __future__ import annotations

import json
import subprocess
import sys

import pendulum
import pytest
from store_helpers import folder_bytes, make_app

from tui.core.errors import ValidationError
from tui.core.model import Application, Direction
from tui.core.stages import DirectionKind, LetterKind, Outcome, Stage
from tui.core.timeutil import UTC, load_time
from tui.store import NewerSchemaError, Store, UnreadableFileError, atomic

# An early (schema 0) file whose every record has an id, so that migrating two copies gives equal results.
SCHEMA_0 = {"_default": {
    "1": {"id": "early-acme", "company": "Acme", "role": "Platform engineer", "status": "thanked",
          "created_at": "2026-11-20T09:00:00",
          "rounds": [{"id": "r1", "name": "Onsite", "at": "2026-11-19T14:30:00",
                      "interviewers": [{"id": "i1", "name": "Dana Kim", "thanked_at": "2026-11-19T20:00:00"}]}],
          "history": [{"at": "2026-11-20T09:00:00", "kind": "created", "text": "added"}]},
    "2": {"id": "early-globex", "company": "Globex", "role": "SRE", "status": "followed-up",
          "contacts": [{"id": "c1", "at": "2026-11-10T08:00:00+01:00", "kind": "follow-up"}]},
}}


@pytest.fixture
def filled(tmp_path):
    """A current-schema file with a few applications, one of them closed with an outcome."""
    store = Store(tmp_path / "followup.json").open()
    store.add_many([make_app("Acme"), make_app("Globex", stage=Stage.CLOSED, outcome=Outcome.REJECTED),
                    make_app("Initech", directions=[Direction("Send references", due=pendulum.now(UTC))])])
    return store.path


@pytest.fixture
def parses(monkeypatch):
    """How many times the store parses JSON from here on."""
    calls = []
    real = atomic.parse_json

    def counting(path, raw):
        calls.append(path)
        return real(path, raw)

    monkeypatch.setattr(atomic, "parse_json", counting)
    return calls


# --- open_snapshot: open() and snapshot() in one read -----------------------------------

def test_open_snapshot_of_a_new_path_creates_the_file_like_open(tmp_path):
    path = tmp_path / "new" / "followup.json"
    apps, fingerprint = Store(path).open_snapshot()
    assert apps == [] and path.exists()
    assert fingerprint == Store(path).fingerprint() != ()
    assert Store(path).open().snapshot() == (apps, fingerprint)  # open() finds nothing left to write


def test_open_snapshot_of_a_normal_file_equals_open_then_snapshot(filled):
    before = filled.read_bytes()
    snapshot = Store(filled).open_snapshot()
    assert [a.company for a in snapshot.applications] == ["Acme", "Globex", "Initech"]
    assert snapshot == Store(filled).open().snapshot()
    assert snapshot.fingerprint == Store(filled).fingerprint()
    assert filled.read_bytes() == before, "a current file is only read"


def test_open_snapshot_parses_a_normal_file_once(filled, parses):
    Store(filled).open_snapshot()
    assert len(parses) == 1
    Store(filled).open().snapshot()
    assert len(parses) == 3, "the old way parses twice: this test must see each parse"


def test_open_snapshot_migrates_an_early_file_with_a_backup_like_open(tmp_path):
    original = json.dumps(SCHEMA_0, indent=2).encode()
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    path_a, path_b = tmp_path / "a" / "followup.json", tmp_path / "b" / "followup.json"
    path_a.write_bytes(original), path_b.write_bytes(original)
    store = Store(path_a)
    apps, fingerprint = store.open_snapshot()
    assert apps == Store(path_b).open().snapshot().applications
    assert [(a.id, a.stage, a.revision) for a in apps] == [
        ("early-acme", Stage.THANKED, 1), ("early-globex", Stage.FOLLOWED_UP, 1)]
    assert apps[1].contacts[0].at.isoformat() == "2026-11-10T07:00:00+00:00"
    assert list((tmp_path / "a").glob("followup.json.bak-v0-*")) == [store.last_backup]
    assert store.last_backup.read_bytes() == original
    assert json.loads(path_a.read_bytes())["_meta"]["1"]["schema"] == 1
    assert fingerprint == Store(path_a).fingerprint(), "the snapshot is of the migrated file"
    assert Store(path_a).snapshot() == (apps, fingerprint)


@pytest.mark.parametrize("content, error", [
    (b'{"_meta": {"1": {"app": "followup", "schema": 1}}, "applications": {"1": {"comp', UnreadableFileError),
    (b'{"theme": "dark"}', UnreadableFileError),
    (b'{"_meta": {"1": {"app": "followup", "schema": 99}}, "applications": {}}', NewerSchemaError),
    (b'{"_meta": {"1": {"app": "followup", "schema": 1}}, "applications": {"1": {"company": "Acme"}}}',
     UnreadableFileError),
], ids=["broken JSON", "foreign", "newer", "damaged application"])
def test_open_snapshot_refuses_a_bad_file_and_writes_nothing(tmp_path, content, error):
    path = tmp_path / "followup.json"
    path.write_bytes(content)
    with pytest.raises(error) as caught:
        Store(path).open_snapshot()
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)
    assert folder_bytes(tmp_path) == {"followup.json": content}


# --- the stored forms take the short path, with the same results ----------------------

@pytest.mark.parametrize("enum", [Stage, Outcome, DirectionKind, LetterKind])
def test_enum_parse_reads_stored_values_members_and_loose_spellings(enum):
    for member in enum:
        assert enum.parse(member.value) is member
        assert enum.parse(member) is member
        assert enum.parse(f"  {member.value.upper().replace('-', '_')} ") is member
        assert enum.parse(member.value.replace("-", " ")) is member
    assert Stage.parse("followed") is Stage.FOLLOWED_UP


@pytest.mark.parametrize("enum, text, message", [
    (Stage, "pending", "unknown stage 'pending': use one of interviewed, thanked, awaiting, followed-up, closed"),
    (Stage, ["closed"], "unknown stage ['closed']: use one of"),
    (Stage, "offer", "unknown stage 'offer'"),
    (Outcome, "hired", "unknown outcome 'hired': use one of offer, accepted, rejected, withdrawn, no-response"),
    (Outcome, None, "unknown outcome None"),
    (DirectionKind, "soon", "unknown direction kind 'soon': use one of do-by, not-before, info"),
    (LetterKind, "memo", "unknown letter kind 'memo': use one of thank-you, follow-up"),
])
def test_enum_parse_still_names_the_bad_value_and_the_choices(enum, text, message):
    with pytest.raises(ValidationError) as caught:
        enum.parse(text)
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize("text", [
    "2026-03-01T09:30:00+00:00", "2026-03-01T09:30:00.123456+00:00", "2026-03-01T09:30+00:00",
    "2026-03-01 09:30:00+00:00", "2026-03-01T09:30:00-00:00", "2026-03-01T10:30:00+01:00",
    "2026-03-01T09:30:00Z", "2026-03-01T09:30:00", "2026-03-01",
])
def test_load_time_gives_the_same_utc_instant_for_every_iso_form(text):
    loaded = load_time(text)
    assert type(loaded) is pendulum.DateTime and loaded.tzinfo is UTC
    expected = pendulum.parse(text, tz=UTC).in_timezone(UTC)
    assert loaded == expected and loaded.isoformat() == expected.isoformat()


@pytest.mark.parametrize("text", ["not a time+00:00", "2026-13-01T09:30:00+00:00", "+00:00"])
def test_load_time_refuses_bad_text_in_the_stored_shape_with_the_usual_message(text):
    with pytest.raises(ValidationError) as caught:
        load_time(text, field="due")
    assert str(caught.value) == f"due: {text!r} is not an ISO 8601 time"


def test_an_application_survives_the_round_trip_unchanged(filled):
    for app in Store(filled).load_all():
        again = Application.from_dict(app.to_dict())
        assert again == app and again.to_dict() == app.to_dict()


# --- reading loads no write-only library ------------------------------------------------

READ_ONLY_RUN = """
import sys
from tui.store import Store
apps, _ = Store(sys.argv[1]).open_snapshot()
assert [a.company for a in apps] == ["Acme", "Globex", "Initech"], apps
print(sorted(m for m in ("filelock", "tinydb", "platformdirs") if m in sys.modules))
if len(sys.argv) > 2:
    Store(sys.argv[1]).add_many([])  # nothing to write: still no lock
    Store(sys.argv[1]).put(apps[0])
    print(sorted(m for m in ("filelock", "tinydb") if m in sys.modules))
"""


def run_python(*args: str) -> list[str]:
    result = subprocess.run([sys.executable, "-c", READ_ONLY_RUN, *args], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_reading_the_store_imports_neither_filelock_nor_tinydb_nor_platformdirs(filled):
    assert run_python(str(filled)) == ["[]"]


def test_the_first_write_imports_what_it_needs(filled):
    assert run_python(str(filled), "write") == ["[]", "['filelock', 'tinydb']"]
