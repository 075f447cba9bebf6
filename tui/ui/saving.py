"""Writing to the store without ever holding up a key press.

`StoreWriter` is one thread that performs the board's writes in the order
they were made, so the disk (fsync, the lock) never waits on the key path.
The store's own work holds the interpreter only briefly: it encodes the file
with msgspec (tens of milliseconds at 10,000 applications) and re-decodes it
only when another process changed it.

Re-reading the file after another process wrote it happens on the same
thread, and only the applications whose revision differs from the board's
are sent back, so the board redraws a handful of cards.
"""

from __future__ import annotations

import queue
import threading
import time
from typing import Callable, Iterable, NamedTuple, Protocol

from tui.core.errors import FollowupError
from tui.core.model import Application
from tui.store import Store


# The records below are NamedTuples rather than dataclasses: they are never
# changed after they are made, and a dataclass costs a few tenths of a
# millisecond to create at every start-up.
class WriteOp(NamedTuple):
    """One write for the store: what to write and which revision the file must hold."""

    kind: str  # "add" | "save" | "delete"
    app_id: str
    app: Application | None  # a private copy to write (add/save)
    base_revision: int | None  # save/delete: the revision the file must still hold
    label: str
    seq: int
    generation: int


class Writer(Protocol):
    def submit(self, op: WriteOp) -> None: ...


def perform(store: Store, op: WriteOp) -> None:
    """Carry out one write; raises the store's error when it is refused."""
    if op.kind == "add":
        store.add(op.app)
    elif op.kind == "save":
        store.save(op.app)
    elif op.kind == "delete":
        store.delete(op.app_id, revision=op.base_revision)
    else:  # pragma: no cover - a programming error
        raise ValueError(f"unknown write {op.kind!r}")


class WriteFailure(NamedTuple):
    seq: int  # the first write that did not happen; every later one was dropped too
    error: Exception
    label: str = ""  # that write's (WriteOp.label: "Undo …" for an undo)


class Reloaded(NamedTuple):
    changed: list[Application] | None  # applications whose revision differs from `known`
    present: set[str] | None  # every id in the file
    fingerprint: tuple
    upto_seq: int  # memory changes after this write are not in the result
    error: Exception | None = None


# --- where the store's work runs ------------------------------------------------
class LocalStore:
    """The store's work in this process (on the writer's thread)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def write(self, ops: list[WriteOp]) -> tuple[tuple, tuple] | None:
        """Returns the file's fingerprints before and after the write (taken under the lock)."""
        if len(ops) == 1:
            perform(self.store, ops[0])
        else:
            self.store.save_many([op.app for op in ops])
        return self.store.last_write

    def changes(self, known: dict[str, int]) -> tuple[list[Application], set[str]]:
        apps = self.store.load_all()
        return [a for a in apps if known.get(a.id) != a.revision], {a.id for a in apps}

    def close(self) -> None:
        pass


# --- the writer thread -----------------------------------------------------------
class _Reload(NamedTuple):
    upto_seq: int
    known: dict[str, int]


_STOP = object()


class StoreWriter:
    """One thread that performs the store's writes in the order they were made.

    Quick successive saves of different cards go to the store as one write
    (saves of one card stay separate: each bumps its revision).
    `on_failed` and `on_reloaded` are called on the writer's thread.
    `known_fingerprint` is the file as this board last saw it; a different
    fingerprint means another process wrote.
    """

    def __init__(
        self,
        store: Store,
        *,
        on_failed: Callable[[WriteFailure], None],
        on_reloaded: Callable[[Reloaded], None],
        settle: float = 0.0,
        fingerprint: tuple | None = None,
    ) -> None:
        self.store = store
        self.on_failed = on_failed
        self.on_reloaded = on_reloaded
        self.settle = settle  # a short wait that lets the screen show a change before its write
        self.backend = LocalStore(store)
        # The file as the caller last read it (default: as it is now).
        self.known_fingerprint: tuple | None = store.fingerprint() if fingerprint is None else fingerprint
        self.writes = 0  # store writes done, for tests and the benchmark
        self.failures: list[WriteFailure] = []  # every refused write, in order
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._cond = threading.Condition()
        self._pending = 0
        self._closed = False
        self._skip_upto_generation = -1
        self._thread = threading.Thread(target=self._run, name="followup-writer", daemon=True)
        self._thread.start()

    # --- called from the app's thread ----------------------------------
    def submit(self, op: WriteOp) -> None:
        self._enqueue(op)

    def request_reload(self, upto_seq: int, known: dict[str, int]) -> None:
        """Read the file again; send back what differs from `known` (id -> revision)."""
        self._enqueue(_Reload(upto_seq, known))

    @property
    def idle(self) -> bool:
        with self._cond:
            return self._pending == 0

    def drain(self, timeout: float | None = None) -> bool:
        """Wait until every write so far is done; False on timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: self._pending == 0, timeout)

    def close(self, timeout: float | None = 10.0) -> bool:
        """Finish every write so far, then stop; later writes are refused. Safe to call twice."""
        done = self.drain(timeout)
        with self._cond:
            self._closed = True
        self._queue.put(_STOP)
        self._thread.join(timeout)
        return done

    def _enqueue(self, item) -> None:
        with self._cond:  # checked and counted together, so nothing slips in behind _STOP
            if self._closed or not self._thread.is_alive():
                raise FollowupError("the board has stopped saving; quit and start it again")
            self._pending += 1
        self._queue.put(item)

    # --- the thread ----------------------------------------------------
    def _finished(self, count: int) -> None:
        with self._cond:
            self._pending -= count
            self._cond.notify_all()

    def _run(self) -> None:
        carry = None
        try:
            while True:
                item = carry if carry is not None else self._queue.get()
                carry = None
                if item is _STOP:
                    return
                if isinstance(item, _Reload):
                    try:
                        self._reload(item)
                    finally:
                        self._finished(1)
                    continue
                if self.settle:
                    time.sleep(self.settle)
                batch, carry = self._batch(item)
                try:
                    self._write(batch)
                finally:
                    self._finished(len(batch))
        finally:
            self.backend.close()

    def _batch(self, first: WriteOp):
        """`first` and the saves of other cards queued right behind it."""
        batch = [first]
        while first.kind == "save":
            try:
                nxt = self._queue.get_nowait()
            except queue.Empty:
                break
            if isinstance(nxt, WriteOp) and nxt.kind == "save" and all(op.app_id != nxt.app_id for op in batch):
                batch.append(nxt)
            else:
                return batch, nxt
        return batch, None

    def _write(self, batch: Iterable[WriteOp]) -> None:
        live = [op for op in batch if op.generation > self._skip_upto_generation]
        if not live:
            return
        try:
            last = self.backend.write(live)
            self.writes += 1
        except Exception as exc:  # any failure: report it, never kill the thread
            failure = WriteFailure(live[0].seq, exc, live[0].label)
            self.failures.append(failure)  # read by a board that is closing
            self._skip_upto_generation = max(op.generation for op in live)
            self.known_fingerprint = None  # the board re-reads the file
            self.on_failed(failure)
            return
        # Only our own write happened since the board last read the file: it still knows all of
        # it. Otherwise (another process wrote first, inside the lock's wait) the fingerprint
        # stays behind, so the next poll re-reads the file and shows their change too.
        if last is not None and last[0] == self.known_fingerprint:
            self.known_fingerprint = last[1]

    def _reload(self, request: _Reload) -> None:
        fingerprint = self.store.fingerprint()
        try:
            changed, present = self.backend.changes(request.known)
            self.on_reloaded(Reloaded(changed, present, fingerprint, request.upto_seq))
        except Exception as exc:
            self.on_reloaded(Reloaded(None, None, fingerprint, request.upto_seq, exc))
