"""Another Followup process, for the store's multi-process tests.

    worker.py add DB COUNT TAG       print "ready", wait for a "go" line, add COUNT
                                     applications one write each, print "done"
    worker.py edit DB ID COMPANY     rename one application through the store
    worker.py fork-writer DB         a fork server: "spawn" forks a child that loops
                                     add() and prints "id ID" after each returns;
                                     "reap PID" waits for a (killed) child and
                                     prints "reaped PID"; end of input ends it

The fork server pays the interpreter's start-up once, so a test can kill
hundreds of writers in a few seconds. Lines go out with one os.write each, so
a line is either wholly in the pipe or not at all when a child is killed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tui.core import actions  # noqa: E402
from tui.core.clock import now  # noqa: E402
from tui.core.model import Application  # noqa: E402
from tui.store import Store  # noqa: E402


def say(line: str) -> None:
    os.write(1, (line + "\n").encode())


def add(db: str, count: str, tag: str) -> None:
    store = Store(db)
    say("ready")
    if sys.stdin.readline().strip() != "go":
        return
    for n in range(int(count)):
        store.add(Application(company=f"{tag} {n}", role="Concurrent"))
    say("done")


def edit(db: str, app_id: str, company: str) -> None:
    store = Store(db)
    app = store.get(app_id)
    store.save(actions.edit(app, now=now(), company=company))
    say("saved")


def _write_forever(db: str) -> None:
    store = Store(db)
    n = 0
    while True:
        app = store.add(Application(company=f"Writer {os.getpid()}", role=f"Add {n}"))
        say(f"id {app.id}")
        n += 1


def fork_writer(db: str) -> None:
    say("ready")
    for line in sys.stdin:
        command, _, arg = line.strip().partition(" ")
        if command == "spawn":
            pid = os.fork()
            if pid == 0:
                try:
                    _write_forever(db)
                finally:
                    os._exit(1)
            say(f"pid {pid}")
        elif command == "reap":
            _, status = os.waitpid(int(arg), 0)
            say(f"reaped {arg} {status}")


if __name__ == "__main__":
    {"add": add, "edit": edit, "fork-writer": fork_writer}[sys.argv[1]](*sys.argv[2:])
