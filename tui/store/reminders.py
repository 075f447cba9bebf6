"""The reminders `followup remind` sent, kept in their own table of the data file.

Apart from the cards on purpose: recording a reminder never changes an
application's record or revision, so a board that has the file open sees a
new fingerprint, re-reads it, and finds every card as it was (nothing stale).

Reading takes no lock and decodes only this table (a stored record that does
not read is skipped: at worst a reminder is sent again). Writing happens only
when something was sent, in one transaction of the store (the lock, the file
re-read, one atomic write), and drops records too old to matter.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Iterable

import msgspec

from tui.core.remind import KEEP_SENT, SentKey
from tui.core.timeutil import dump_time, to_utc
from tui.store import atomic
from tui.store.migrations import REMINDERS_TABLE
from tui.store.store import Store


class _Sent(msgspec.Struct, gc=False):
    app: str
    kind: str
    ref: str
    due: datetime
    stage: str
    channel: str
    at: datetime | None = None


class _OnlyReminders(msgspec.Struct, gc=False):
    reminders: dict[str, msgspec.Raw] = msgspec.field(default_factory=dict)


_DECODER = msgspec.json.Decoder(_OnlyReminders)
_RECORD = msgspec.json.Decoder(_Sent)


def read_sent(store: Store) -> set[SentKey]:
    """Every reminder recorded as sent (none when the file is missing, empty or has no such table)."""
    found = atomic.read_bytes(store.real_path)
    raw = found[0] if found is not None else b""
    if not raw.strip():
        return set()
    try:
        table = _DECODER.decode(raw).reminders
    except (msgspec.ValidationError, msgspec.DecodeError):
        return set()  # not this table's fault: reading the applications says what is wrong
    keys = set()
    for record in table.values():
        try:
            sent = _RECORD.decode(record)
        except (msgspec.ValidationError, msgspec.DecodeError):
            continue
        key = _key(sent)
        if key is not None:
            keys.add(key)
    return keys


def _key(sent: _Sent) -> SentKey | None:
    """What a stored record says was sent; None for one without a time zone (not ours to trust)."""
    if sent.due.tzinfo is None:
        return None
    return SentKey(sent.app, sent.kind, sent.ref, to_utc(sent.due), sent.stage, sent.channel)


def _record(key: SentKey, at: datetime) -> dict[str, Any]:
    return {"app": key.app_id, "kind": key.kind, "ref": key.ref, "due": dump_time(key.due),
            "stage": key.stage, "channel": key.channel, "at": dump_time(at)}


def record_sent(store: Store, keys: Iterable[SentKey], *, now: datetime) -> int:
    """Add these records under the store's lock (nothing is written when there are none);
    records of deadlines past by more than KEEP_SENT go. Returns how many were added."""
    wanted = list(dict.fromkeys(keys))
    if not wanted:
        return 0
    cutoff = to_utc(now) - KEEP_SENT
    with store._transaction(REMINDERS_TABLE) as table:
        stored = (table.storage.read() or {}).get(REMINDERS_TABLE, {})
        present, old = set(), []
        for doc_id, doc in stored.items():
            try:
                sent = msgspec.convert(doc, _Sent, strict=False)
            except msgspec.ValidationError:
                continue  # left as it is: not ours to judge
            key = _key(sent)
            if key is None:
                continue
            if key.due < cutoff:
                old.append(int(doc_id))
            else:
                present.add(key)
        if old:
            table.remove(doc_ids=old)
        new = [key for key in wanted if key not in present]
        table.insert_multiple([_record(key, now) for key in new])
    return len(new)
