"""The board's in-memory copy of the data, with undo, saved through the store.

Plain Python (no Textual) so it can be tested on its own. Every change goes
through `apply`, `add`, `delete` or `undo`: memory is updated at once, an undo
step is recorded, and a `WriteOp` says what the file must receive.

Without a writer (`ChangeLog(store, settings)`) each write happens before the
call returns and a failure raises with memory untouched. With a writer
(`ChangeLog(..., writer=StoreWriter(...))`, as the running board does) the write
happens on the writer's thread, so key handling never waits for the disk; a
failed write is reported back and `write_failed` puts memory back in line with
the file.

Revisions: the store bumps an application's revision on every write, so memory
predicts the bump (`before.revision + 1`) and each write names the revision the
file must still hold. A write over another process's change is refused by the
store (StaleEditError), and `undo` refuses to undo over one.
"""

from __future__ import annotations

import copy
import queue
import threading
import time
from dataclasses import dataclass
from typing import Callable, Protocol

from tui.core import clock
from tui.core.errors import FollowupError
from tui.core.model import Application, Event
from tui.core.settings import Settings
from tui.core.timeutil import to_utc
from tui.store import Store
from tui.store.errors import NotFoundError

Change = Callable[[Application], Application]


class UndoRefused(FollowupError):
    """Undo would overwrite something another process changed since."""


@dataclass
class UndoStep:
    label: str
    app_id: str
    before: Application | None  # None: the step added it
    after: Application | None  # None: the step deleted it
    seq: int = 0  # the write that made it; a failed write drops its step


@dataclass
class WriteOp:
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


def _for_store(app: Application, revision: int) -> Application:
    """A shallow copy the store may stamp with its own revision number."""
    out = copy.copy(app)
    out.revision = revision
    return out


class ChangeLog:
    """Applications by id, plus the undo stack. One instance per running board."""

    def __init__(
        self,
        store: Store,
        settings: Settings,
        *,
        undo_depth: int = 200,
        writer: Writer | None = None,
        now: Callable = clock.now,
    ) -> None:
        self.store = store
        self.settings = settings
        self.apps: dict[str, Application] = {}
        self.undo_stack: list[UndoStep] = []
        self.undo_depth = undo_depth
        self.writer = writer
        self.now = now
        self.seq = 0  # number of the last write handed out
        self.recent: dict[int, str] = {}  # seq -> app id of the latest writes, for write_failed
        self.generation = 0  # bumped when memory is re-read after a failed write

    # --- reading -------------------------------------------------------
    def reload(self) -> None:
        self.apps = {a.id: a for a in self.store.load_all()}

    def get(self, app_id: str) -> Application:
        return self.apps[app_id]

    def replace_all(self, apps: list[Application]) -> set[str]:
        """Take a fresh copy of the file; returns the ids that differ from memory."""
        fresh = {a.id: a for a in apps}
        changed = {i for i in self.apps.keys() - fresh.keys()}
        for app_id, app in fresh.items():
            old = self.apps.get(app_id)
            if old is None or old.revision != app.revision:
                changed.add(app_id)
        self.apps = fresh
        return changed

    # --- changing ------------------------------------------------------
    def apply(self, app_id: str, change: Change, label: str) -> Application:
        """Run `change` on the current copy and save it; FollowupError leaves everything as it was."""
        before = self.get_or_fail(app_id)
        after = change(before)
        if after is before:
            return before
        after.revision = before.revision + 1
        op = self._op("save", app_id, _for_store(after, before.revision), before.revision, label)
        self._commit(op, after, UndoStep(label, app_id, before, after, op.seq))
        return after

    def add(self, application: Application, label: str) -> Application:
        if application.id in self.apps:
            raise FollowupError(f"{application.company} is already on the board")
        application.revision = 1
        op = self._op("add", application.id, _for_store(application, 0), None, label)
        self._commit(op, application, UndoStep(label, application.id, None, application, op.seq))
        return application

    def delete(self, app_id: str, label: str) -> None:
        before = self.get_or_fail(app_id)
        op = self._op("delete", app_id, None, before.revision, label)
        self._commit(op, None, UndoStep(label, app_id, before, None, op.seq))

    def undo(self) -> UndoStep | None:
        """Reverse the last step; returns it (None when there is nothing to undo).

        The card gets its earlier content back, and its history keeps every line
        plus one saying what was undone. Raises UndoRefused (and drops the step)
        when another process changed the card since.
        """
        if not self.undo_stack:
            return None
        step = self.undo_stack[-1]
        current = self.apps.get(step.app_id)
        problem = self._undo_problem(step, current)
        if problem:
            self.undo_stack.pop()
            raise UndoRefused(f"cannot undo “{step.label}”: {problem}")
        if step.before is None:  # it was added: take it away again
            op = self._op("delete", step.app_id, None, current.revision, f"Undo {step.label}")
            self._commit(op, None, None)
            self.undo_stack.remove(step)
            return step
        now = to_utc(self.now())
        restored = copy.deepcopy(step.before)
        history = (current or step.before).history
        restored.history = copy.deepcopy(history) + [Event(now, "undo", f"Undid: {step.label}")]
        restored.updated_at = now
        if current is None:  # it was deleted: put it back
            restored.revision = 1
            op = self._op("add", step.app_id, _for_store(restored, 0), None, f"Undo {step.label}")
        else:
            restored.revision = current.revision + 1
            op = self._op("save", step.app_id, _for_store(restored, current.revision),
                          current.revision, f"Undo {step.label}")
        self._commit(op, restored, None)
        self.undo_stack.remove(step)
        for earlier in reversed(self.undo_stack):  # the step below now expects the restored copy
            if earlier.app_id == step.app_id:
                earlier.after = restored
                break
        return step

    def _undo_problem(self, step: UndoStep, current: Application | None) -> str:
        name = (step.after or step.before).company
        if step.after is None:
            return f"{name} is back on the board from another Followup process" if current else ""
        if current is None:
            return f"{name} was deleted by another Followup process since"
        if current.revision != step.after.revision:
            return f"{name} was changed by another Followup process since; its newer state is kept"
        return ""

    # --- writes --------------------------------------------------------
    def get_or_fail(self, app_id: str) -> Application:
        try:
            return self.apps[app_id]
        except KeyError:
            raise NotFoundError("that application is no longer on the board") from None

    def _op(self, kind, app_id, app, base, label) -> WriteOp:
        self.seq += 1
        self.recent[self.seq] = app_id
        if len(self.recent) > 1000:
            del self.recent[min(self.recent)]
        return WriteOp(kind, app_id, app, base, label, self.seq, self.generation)

    def _commit(self, op: WriteOp, new_value: Application | None, step: UndoStep | None) -> None:
        if self.writer is None:
            perform(self.store, op)  # raises before memory changes
        old_value = self.apps.get(op.app_id)
        if new_value is None:
            self.apps.pop(op.app_id, None)
        else:
            self.apps[op.app_id] = new_value
        if step is not None:
            self.undo_stack.append(step)
            del self.undo_stack[: -self.undo_depth]
        if self.writer is not None:
            try:
                self.writer.submit(op)
            except Exception:
                self._put_back(op.app_id, old_value, step)
                raise

    def _put_back(self, app_id: str, old_value: Application | None, step: UndoStep | None) -> None:
        if old_value is None:
            self.apps.pop(app_id, None)
        else:
            self.apps[app_id] = old_value
        if step is not None and step in self.undo_stack:
            self.undo_stack.remove(step)

    def write_failed(self, seq: int, fresh: list[Application] | None) -> set[str]:
        """A write (and so every later one) did not happen: forget those steps, re-read memory.

        `fresh` is the file's content read right after the failure (None when it
        could not be read: memory is then kept). Returns the ids that changed.
        """
        self.undo_stack = [s for s in self.undo_stack if s.seq < seq]
        self.generation += 1
        lost = {app_id for number, app_id in self.recent.items() if number >= seq}
        if fresh is None:
            return set()
        return self.replace_all(fresh) | lost


# --- the writer thread ---------------------------------------------------


@dataclass
class WriteFailure:
    seq: int  # the first write that did not happen; every later one was dropped too
    error: Exception
    fresh: list[Application] | None  # the file right after, or None if unreadable
    fingerprint: tuple


@dataclass
class Reloaded:
    apps: list[Application] | None
    fingerprint: tuple
    upto_seq: int  # memory changes after this write are not in `apps`
    error: Exception | None = None


@dataclass
class _Reload:
    upto_seq: int


_STOP = object()


class StoreWriter:
    """One thread that performs the store's writes in the order they were made.

    The board hands it every write so a slow disk or a big file never holds up
    a key press. Quick successive saves of different cards go to the store as
    one write (saves of one card stay separate: each bumps its revision).
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
    ) -> None:
        self.store = store
        self.on_failed = on_failed
        self.on_reloaded = on_reloaded
        self.settle = settle  # a short wait that lets the screen show a change before its write
        self.known_fingerprint: tuple | None = store.fingerprint()
        self.writes = 0  # store writes done, for tests and the benchmark
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._cond = threading.Condition()
        self._pending = 0
        self._skip_upto_generation = -1
        self._thread = threading.Thread(target=self._run, name="followup-writer", daemon=True)
        self._thread.start()

    # --- called from the app's thread ----------------------------------
    def submit(self, op: WriteOp) -> None:
        self._enqueue(op)

    def request_reload(self, upto_seq: int) -> None:
        self._enqueue(_Reload(upto_seq))

    @property
    def idle(self) -> bool:
        with self._cond:
            return self._pending == 0

    def drain(self, timeout: float | None = None) -> bool:
        """Wait until every write so far is done; False on timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: self._pending == 0, timeout)

    def close(self, timeout: float | None = 10.0) -> bool:
        done = self.drain(timeout)
        self._queue.put(_STOP)
        self._thread.join(timeout)
        return done

    def _enqueue(self, item) -> None:
        if not self._thread.is_alive():
            raise FollowupError("the board has stopped saving; quit and start it again")
        with self._cond:
            self._pending += 1
        self._queue.put(item)

    # --- the thread ----------------------------------------------------
    def _finished(self, count: int) -> None:
        with self._cond:
            self._pending -= count
            self._cond.notify_all()

    def _run(self) -> None:
        carry = None
        while True:
            item = carry if carry is not None else self._queue.get()
            carry = None
            if item is _STOP:
                return
            if isinstance(item, _Reload):
                self._reload(item)
                self._finished(1)
                continue
            if self.settle:
                time.sleep(self.settle)
            batch = [item]
            while item.kind == "save":
                try:
                    nxt = self._queue.get_nowait()
                except queue.Empty:
                    break
                if isinstance(nxt, WriteOp) and nxt.kind == "save" and all(
                    op.app_id != nxt.app_id for op in batch
                ):
                    batch.append(nxt)
                else:
                    carry = nxt
                    break
            try:
                self._write(batch)
            finally:
                self._finished(len(batch))

    def _write(self, batch: list[WriteOp]) -> None:
        live = [op for op in batch if op.generation > self._skip_upto_generation]
        if not live:
            return
        before = self.store.fingerprint()
        try:
            if len(live) == 1:
                perform(self.store, live[0])
            else:
                self.store.save_many([op.app for op in live])
            self.writes += 1
        except Exception as exc:  # any failure: report it, never kill the thread
            self._skip_upto_generation = max(op.generation for op in live)
            fingerprint = self.store.fingerprint()
            try:
                fresh = self.store.load_all()
            except Exception:
                fresh = None
            self.known_fingerprint = fingerprint
            self.on_failed(WriteFailure(live[0].seq, exc, fresh, fingerprint))
            return
        if before == self.known_fingerprint:
            self.known_fingerprint = self.store.fingerprint()

    def _reload(self, request: _Reload) -> None:
        fingerprint = self.store.fingerprint()
        try:
            apps, error = self.store.load_all(), None
        except Exception as exc:
            apps, error = None, exc
        self.on_reloaded(Reloaded(apps, fingerprint, request.upto_seq, error))
