"""The sent-reminders table: kept apart from the cards, written only when something was sent."""

import hashlib
import json

import pendulum
import pytest

from tui.core import actions
from tui.core.parts import Interviewer
from tui.core.remind import KEEP_SENT, OVERDUE, SOON, SentKey
from tui.store import Store, UnreadableFileError
from tui.store.codec import decode_plain, decode_typed, encode
from tui.store.reminders import read_sent, record_sent

NOW = pendulum.datetime(2026, 11, 26, 9, 0, tz="UTC")
SOON_DUE = NOW.add(hours=1)


def checksum(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "followup.json").open()
    store.add(actions.new_application("Acme", "SRE", now=NOW, round_at=NOW.subtract(hours=23),
                                      interviewers=[Interviewer("Dana Kim")]))
    return store


def key(store, stage=SOON, channel="email", due=SOON_DUE):
    app = store.load_all()[0]
    return SentKey(app.id, "thank-you", app.rounds[0].interviewers[0].id, due, stage, channel)


def test_recorded_reminders_read_back(store):
    assert read_sent(store) == set()
    keys = {key(store), key(store, OVERDUE), key(store, channel="command")}
    assert record_sent(store, keys, now=NOW) == 3
    assert read_sent(store) == keys
    assert record_sent(store, keys, now=NOW) == 0  # already there (another run recorded them)
    assert len(json.loads(store.path.read_text())["reminders"]) == 3


def test_recording_never_touches_a_card(store):
    before = store.load_all()[0]
    record_sent(store, [key(store)], now=NOW)
    after = store.load_all()[0]
    assert after.revision == before.revision and after.to_dict() == before.to_dict()


def test_nothing_sent_nothing_written(store):
    before = checksum(store.path)
    assert record_sent(store, [], now=NOW) == 0
    assert checksum(store.path) == before


def test_card_writes_keep_the_table_and_the_typed_path_ignores_it(store):
    record_sent(store, [key(store)], now=NOW)
    app = store.load_all()[0]
    store.save(actions.set_notes(app, "after the reminder", now=NOW))
    assert read_sent(store) == {key(store)}
    raw = store.path.read_bytes()
    decoded = decode_typed(store.path, raw)
    assert decoded.problems == [] and decoded.applications[0].notes == "after the reminder"
    plain = decode_plain(store.path, raw)
    assert decode_plain(store.path, encode(plain))["reminders"] == plain["reminders"]  # plain round trip


def test_old_records_are_dropped_when_writing(store):
    old = key(store, due=NOW - KEEP_SENT - pendulum.duration(hours=1))
    record_sent(store, [old], now=NOW.subtract(days=40))
    record_sent(store, [key(store)], now=NOW)
    assert read_sent(store) == {key(store)}


def test_a_bad_record_is_skipped_not_fatal(store):
    record_sent(store, [key(store)], now=NOW)
    data = json.loads(store.path.read_text())
    data["reminders"]["99"] = {"app": 3}
    store.path.write_text(json.dumps(data))
    assert read_sent(store) == {key(store)}


def test_a_damaged_file_is_never_written(store):
    sent = key(store)
    data = json.loads(store.path.read_text())
    data["applications"]["1"]["stage"] = "nowhere"
    store.path.write_text(json.dumps(data))
    before = checksum(store.path)
    with pytest.raises(UnreadableFileError):
        record_sent(store, [sent], now=NOW)
    assert checksum(store.path) == before
