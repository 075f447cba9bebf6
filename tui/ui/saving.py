"""Writing to the store without ever holding up a key press.

`StoreWriter` is one thread that performs the board's writes in the order
they were made. The store's work itself (reading, checking and rewriting the
whole JSON file) runs in a small helper process (`ChildStore`): the JSON
encoder and decoder hold Python's interpreter lock for as long as a big file
takes, which in a thread would stall the board's key handling; in another
process it only uses the other core. Where the helper cannot run, the same
work happens in the thread (`LocalStore`).

Re-reading the file after another process wrote it is done the same way, and
only the applications whose revision differs from the board's are sent back,
so the board converts a handful of records rather than the whole file.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Callable, Iterable, NamedTuple, Protocol

from tui.core.errors import FollowupError, ValidationError
from tui.core.model import Application
from tui.store import Store
from tui.store import errors as store_errors
from tui.store.atomic import fingerprint_from_json, fingerprint_to_json


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

    def warm_up(self) -> None:
        pass

    def close(self) -> None:
        pass


_ERRORS = {cls.__name__: cls for cls in (
    store_errors.StoreError, store_errors.UnreadableFileError, store_errors.StaleEditError,
    store_errors.NotFoundError, store_errors.LockTimeoutError, ValidationError, FollowupError,
)}


class ChildStore:
    """The store's work in a helper process, spoken to in JSON lines over a pipe.

    Started on first use; if it cannot start or stops, the work falls back to
    this process so nothing is ever left unwritten.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.local = LocalStore(store)
        self.proc: subprocess.Popen | None = None
        self.broken = False

    def _ensure(self) -> bool:
        if self.proc is not None and self.proc.poll() is None:
            return True
        if self.broken:
            return False
        root = str(Path(__file__).resolve().parent.parent.parent)
        env = dict(os.environ)
        env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-c", "from tui.ui.saving import serve; serve()",
                 str(self.store.path), str(self.store.lock_timeout)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                env=env, text=True, encoding="utf-8", bufsize=1,
            )
        except OSError:
            self.broken = True
            return False
        return True

    def _ask(self, request: dict) -> dict | None:
        """The child's answer, or None when the child is gone (the caller then works locally)."""
        if not self._ensure():
            return None
        try:
            self.proc.stdin.write(json.dumps(request) + "\n")
            self.proc.stdin.flush()
            line = self.proc.stdout.readline()
        except (OSError, ValueError):
            line = ""
        if not line:
            self.broken = True
            self.close()
            return None
        return json.loads(line)

    @staticmethod
    def _raise(answer: dict) -> None:
        if answer.get("error"):
            cls = _ERRORS.get(answer["error"], FollowupError)
            raise cls(answer["message"])

    def write(self, ops: list[WriteOp]) -> tuple[tuple, tuple] | None:
        request = {"do": "write", "ops": [
            {"kind": op.kind, "id": op.app_id, "base": op.base_revision,
             "app": op.app.to_dict() if op.app is not None else None}
            for op in ops
        ]}
        answer = self._ask(request)
        if answer is None:
            return self.local.write(ops)
        self._raise(answer)
        last = answer.get("last_write")
        return None if last is None else (fingerprint_from_json(last[0]), fingerprint_from_json(last[1]))

    def changes(self, known: dict[str, int]) -> tuple[list[Application], set[str]]:
        answer = self._ask({"do": "changes", "known": known})
        if answer is None:
            return self.local.changes(known)
        self._raise(answer)
        return [Application.from_dict(doc) for doc in answer["changed"]], set(answer["present"])

    def warm_up(self) -> None:
        self._ensure()

    def close(self) -> None:
        if self.proc is not None:
            try:
                self.proc.stdin.close()
                self.proc.wait(timeout=5)
            except (OSError, ValueError, subprocess.TimeoutExpired):
                self.proc.kill()
            self.proc = None


def serve() -> None:
    """The helper process: one request per line on stdin, one answer per line on stdout."""
    path, lock_timeout = sys.argv[1], float(sys.argv[2])
    store = Store(path, lock_timeout=lock_timeout)
    local = LocalStore(store)
    for line in sys.stdin:
        request = json.loads(line)
        try:
            if request["do"] == "write":
                ops = []
                for item in request["ops"]:
                    app = Application.from_dict(item["app"]) if item["app"] is not None else None
                    if app is not None and item["base"] is not None:
                        app.revision = item["base"]
                    ops.append(WriteOp(item["kind"], item["id"], app, item["base"], "", 0, 0))
                last = local.write(ops)
                answer = {"ok": True, "last_write": None if last is None else [fingerprint_to_json(f) for f in last]}
            else:
                changed, present = local.changes(request["known"])
                answer = {"changed": [a.to_dict() for a in changed], "present": sorted(present)}
        except Exception as exc:  # every failure goes back as an answer
            name = type(exc).__name__ if type(exc).__name__ in _ERRORS else "FollowupError"
            answer = {"error": name, "message": str(exc) or repr(exc)}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


# --- the writer thread -----------------------------------------------------------
class _Reload(NamedTuple):
    upto_seq: int
    known: dict[str, int]


_STOP = object()
_WARM_UP = object()


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
        in_child: bool = False,
        fingerprint: tuple | None = None,
    ) -> None:
        self.store = store
        self.on_failed = on_failed
        self.on_reloaded = on_reloaded
        self.settle = settle  # a short wait that lets the screen show a change before its write
        self.backend = ChildStore(store) if in_child else LocalStore(store)
        # The file as the caller last read it (default: as it is now).
        self.known_fingerprint: tuple | None = store.fingerprint() if fingerprint is None else fingerprint
        self.writes = 0  # store writes done, for tests and the benchmark
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

    def warm_up(self) -> None:
        """Start the helper process now (after the first frame), not on the first key.

        Quietly nothing once closed: the timer that asks for it can fire while
        the board is already leaving.
        """
        self._enqueue(_WARM_UP, refused_quietly=True)

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

    def _enqueue(self, item, *, refused_quietly: bool = False) -> None:
        with self._cond:  # checked and counted together, so nothing slips in behind _STOP
            if self._closed or not self._thread.is_alive():
                if refused_quietly:
                    return
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
                if item is _WARM_UP:
                    try:
                        self.backend.warm_up()
                    finally:
                        self._finished(1)
                    continue
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
            self._skip_upto_generation = max(op.generation for op in live)
            self.known_fingerprint = None  # the board re-reads the file
            self.on_failed(WriteFailure(live[0].seq, exc))
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
