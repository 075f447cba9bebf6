"""The board's in-memory copy of the data, with undo, saved through the store.

Plain Python (no Textual) so it can be tested on its own. Every change goes
through `apply`, `add`, `delete` or `undo`: memory is updated at once, an undo
step is recorded, and a `WriteOp` says what the file must receive.

Without a writer (`ChangeLog(store, settings)`) each write happens before the
call returns and a failure raises with memory untouched. With a writer
(`ChangeLog(..., writer=StoreWriter(...))` from saving.py, as the running board
does) the write happens on the writer's thread, so key handling never waits
for the disk; a failed write is reported back, `write_failed` forgets its undo
steps, and re-reading the file (`known_revisions` / `apply_reload`) puts memory
back in line with it.

Revisions: the store bumps an application's revision on every write, so memory
predicts the bump (`before.revision + 1`) and each write names the revision the
file must still hold. A write over another process's change is refused by the
store (StaleEditError), and `undo` refuses to undo over one.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Callable

import msgspec

from tui.core import clock
from tui.core.errors import FollowupError
from tui.core.model import Application
from tui.core.settings import Settings
from tui.store import Store
from tui.store.errors import NotFoundError, StaleEditError
from tui.ui.saving import WriteFailure, WriteOp, Writer, perform

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
class RedoStep:
    """An undone step that `redo` can make again, while the card is as the undo left it."""

    label: str
    app_id: str
    after: Application | None  # what the step made (None: it deleted the card)
    undone: Application | None  # what the undo made (None: it took the card away)


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
        self.read_only = ""  # why nothing may be changed (a damaged file), or "" when all is well
        self.undo_stack: list[UndoStep] = []
        self.redo_stack: list[RedoStep] = []  # emptied by every new change
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
        self.redo_stack.clear()
        return after

    def add(self, application: Application, label: str) -> Application:
        if application.id in self.apps:
            raise FollowupError(f"{application.company} is already on the board")
        application.revision = 1
        op = self._op("add", application.id, _for_store(application, 0), None, label)
        self._commit(op, application, UndoStep(label, application.id, None, application, op.seq))
        self.redo_stack.clear()
        return application

    def delete(self, app_id: str, label: str) -> None:
        before = self.get_or_fail(app_id)
        op = self._op("delete", app_id, None, before.revision, label)
        self._commit(op, None, UndoStep(label, app_id, before, None, op.seq))
        self.redo_stack.clear()

    def undo(self) -> UndoStep | None:
        """Reverse the last step; returns it (None when there is nothing to undo).

        The card gets its earlier content back, and its history keeps every line,
        the step's own marked undone (nothing counts them), plus one saying what
        was undone (actions.undo). Raises UndoRefused (and drops the step)
        when another process changed the card since.
        """
        if not self.undo_stack:
            return None
        step = self.undo_stack[-1]
        current = self.apps.get(step.app_id)
        problem = self._undo_problem(step, current)
        if problem:
            self.undo_stack.pop()
            raise UndoRefused(f"Cannot undo “{step.label}”: {problem}")
        if step.before is None:  # it was added: take it away again
            op = self._op("delete", step.app_id, None, current.revision, f"Undo {step.label}")
            self._commit(op, None, None)
            self.undo_stack.remove(step)
            self.redo_stack.append(RedoStep(step.label, step.app_id, step.after, None))
            return step
        from tui.core import actions  # loaded at the first change, not at start-up

        restored = actions.undo(step.before, current, step.label, now=self.now())
        self._put(step.app_id, restored, current, f"Undo {step.label}")  # put back, if it was deleted
        self.undo_stack.remove(step)
        for earlier in reversed(self.undo_stack):  # the step below now expects the restored copy,
            if earlier.app_id == step.app_id:  # unless another process changed the card between the two:
                if earlier.after is not None and step.before.revision == earlier.after.revision:
                    earlier.after = restored  # then undoing it would drop that change (review X #1)
                break
        self.redo_stack.append(RedoStep(step.label, step.app_id, step.after, restored))
        return step

    def redo(self) -> RedoStep | None:
        """Make the last undone step again (None when there is none), as a step `undo` can take back.

        The card gets what the step had made, its history keeping every line
        (the step's own holding again) plus one saying it was redone
        (actions.redo). Raises UndoRefused (and drops the step) when the card
        changed since the undo, here or in another process.
        """
        if not self.redo_stack:
            return None
        step = self.redo_stack[-1]
        current = self.apps.get(step.app_id)
        problem = self._redo_problem(step, current)
        if problem:
            self.redo_stack.pop()
            raise UndoRefused(f"Cannot redo “{step.label}”: {problem}")
        if step.after is None:  # the step deleted it: delete it again
            assert current is not None
            op = self._op("delete", step.app_id, None, current.revision, f"Redo {step.label}")
            self._commit(op, None, UndoStep(step.label, step.app_id, current, None, op.seq))
            self.redo_stack.pop()
            self._expect_next_redo(step.app_id, None)
            return step
        from tui.core import actions

        restored = actions.redo(step.after, current, step.label, now=self.now())
        # added again when the undo took it away; a step `undo` can take back
        self._put(step.app_id, restored, current, f"Redo {step.label}",
                  lambda seq: UndoStep(step.label, step.app_id, current, restored, seq))
        self.redo_stack.pop()
        self._expect_next_redo(step.app_id, restored)
        return step

    def _expect_next_redo(self, app_id: str, card: Application | None) -> None:
        """The next step to redo on this card (undone before the one just redone) now starts from `card`."""
        for later in reversed(self.redo_stack):
            if later.app_id == app_id:
                later.undone = card
                break

    def _put(self, app_id: str, card: Application, current: Application | None, label: str,
             step: Callable[[int], UndoStep] | None = None) -> None:
        """Write `card` over `current`, or add it when there is none (an undo or a redo puts a card
        back); `step` makes the undo step of this write from its number, when it is to have one."""
        if current is None:
            card.revision = 1
            op = self._op("add", app_id, _for_store(card, 0), None, label)
        else:
            card.revision = current.revision + 1
            op = self._op("save", app_id, _for_store(card, current.revision), current.revision, label)
        self._commit(op, card, step(op.seq) if step is not None else None)

    def _redo_problem(self, step: RedoStep, current: Application | None) -> str:
        name = (step.after or step.undone or current)
        company = name.company if name is not None else "the card"
        if step.undone is None:
            return f"{company} is back on the board from another Followup process" if current else ""
        if current is None:
            return f"{company} was deleted by another Followup process since the undo"
        if current.revision != step.undone.revision:
            return f"{company} was changed since the undo; its newer state is kept"
        return ""

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
        if self.read_only:
            raise FollowupError(self.read_only)
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

    def notes_not_written(self, seq: int) -> dict[str, tuple[str, str]]:
        """The notes typed in the steps from write `seq` on, which the file did not take: app id ->
        (company, notes), the latest step's. Asked before `write_failed` forgets those steps, so that
        notes no open screen holds any more can go to a rescue file."""
        lost: dict[str, tuple[str, str]] = {}
        for step in self.undo_stack:
            after = step.after
            if step.seq >= seq and after is not None and (step.before is None or after.notes != step.before.notes):
                lost[step.app_id] = (after.company, after.notes)
        return lost

    def only_notes_from(self, seq: int) -> bool:
        """Whether every step from write `seq` on changed nothing but notes (and the history line and
        times that come with them): what an open notes editor merges and saves again by itself."""
        steps = [s for s in self.undo_stack if s.seq >= seq]
        return bool(steps) and all(
            s.before is not None and s.after is not None
            and msgspec.structs.replace(s.after, notes=s.before.notes, history=s.before.history,
                                        updated_at=s.before.updated_at, revision=s.before.revision) == s.before
            for s in steps)

    def refused_undo(self, failure: WriteFailure) -> str:
        """What to say when the failed write was an undo or a redo (its label, "Undo …") refused because
        another process changed the card before it was written (the poll had not seen it yet): as `undo`
        says it when it has seen it (_undo_problem). "" for any other write. "Not saved … try again" had
        the user press u again, which undid another card's change (review S1 3)."""
        verb, _, what = failure.label.partition(" ")
        if verb not in ("Undo", "Redo") or not isinstance(failure.error, StaleEditError):
            return ""
        card = self.apps.get(self.recent.get(failure.seq, ""))
        return (f"Cannot {verb.lower()} “{what}”: {card.company if card else 'the card'} was changed by another "
                "Followup process since; its newer state is kept")

    def write_failed(self, seq: int) -> set[str]:
        """A write (and so every later one) did not happen: forget their undo steps.

        Returns the ids those writes were for: memory still shows them as
        written, so the caller re-reads them from the file (`known_revisions`
        with them forced, then `apply_reload`).
        """
        self.undo_stack = [s for s in self.undo_stack if s.seq < seq]
        self.redo_stack.clear()  # memory is re-read: what an undo left may not be what the file has
        self.generation += 1
        return {app_id for number, app_id in self.recent.items() if number >= seq}

    def known_revisions(self, force: set[str] = frozenset()) -> dict[str, int]:
        """id -> revision as memory has it; ids in `force` are re-read whatever their revision."""
        known = {app_id: app.revision for app_id, app in self.apps.items()}
        for app_id in force:
            known[app_id] = -1
        return known

    def apply_reload(self, changed: list[Application], present: set[str]) -> set[str]:
        """Take what the file holds now (only what differs from memory); returns the ids that changed."""
        gone = self.apps.keys() - present
        for app_id in gone:
            del self.apps[app_id]
        for app in changed:
            self.apps[app.id] = app
        return set(gone) | {a.id for a in changed}
