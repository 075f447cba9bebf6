"""How fast the board starts and answers a key, at 0, 1,000 and 10,000 applications.

    .venv/bin/python benchmarks/bench_board.py [--sizes 0,1000,10000] [--runs 3]

Each measurement runs in a fresh process, started the same way for the board
and for a bare Textual app (a Header, one Label, a Footer), headless:

- first frame: from just before the process is spawned to the first screen
  refresh that shows every card (CLOCK_MONOTONIC is shared by processes),
  started as `run_board` starts it. The everyday start reads the start-up
  index the previous session left (tui/store/board_index.py), so the first
  run of each size, on a file no board has closed yet, is reported apart
  ("no index"); "ready" is when the applications behind the cards are in;
- key to screen: from posting the key `L` to the refresh that shows the moved
  card in its new column (for the bare app: the key updates its label); "first
  key" is one pressed the moment the board appears, which waits for the
  applications still loading behind the cards; and,
  from 1,000 cards on, the slowest key pressed while the previous move is
  still being written on the writer thread ("while saving").

The board's process turns off the garbage collector until its cards are
loaded, as `followup` does (tui/cli.py); the bare app keeps Textual's defaults.
Our own modules are byte-compiled first, as an installed program's are (the
bare app's Textual is compiled in the virtualenv too).

Both are reported as wall-clock time and as CPU time (the process's CPU up to
the first frame; the main thread's CPU from key to screen), since wall-clock
figures on a busy machine mostly measure the other processes.

Targets (issue 4): first frame at 1,000 applications within 1.3x the bare app,
at 10,000 within 2x; key to screen under 50 ms at 10,000.
"""

from __future__ import annotations

import argparse
import compileall
import copy
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEY_ROUNDS = 7


# --- the child processes -------------------------------------------------
def child_bare() -> None:
    from textual import events
    from textual.app import App
    from textual.binding import Binding
    from textual.widgets import Footer, Header, Label

    class Bare(App):
        BINDINGS = [Binding("L", "bump", "Bump")]

        def compose(self):
            yield Header()
            yield Label("ready", id="label")
            yield Footer()

        def on_mount(self):
            self.call_after_refresh(self.first_frame)

        def first_frame(self):
            self.report = {"first_frame": time.monotonic(), "cpu": time.process_time(), "keys": [], "key_cpu": []}
            self.count = 0
            self.press()

        def press(self):
            self.sent, self.sent_cpu = time.monotonic(), time.thread_time()
            self.post_message(events.Key("L", "L"))

        def action_bump(self):
            self.count += 1
            self.query_one("#label", Label).update(f"pressed {self.count}")
            self.call_after_refresh(self.drawn)

        def drawn(self):
            self.report["keys"].append(time.monotonic() - self.sent)
            self.report["key_cpu"].append(time.thread_time() - self.sent_cpu)
            if len(self.report["keys"]) < KEY_ROUNDS:
                self.press()
            else:
                self.exit()

    app = Bare()
    app.run(headless=True, size=(120, 40))
    print(json.dumps(app.report))


def child_board() -> None:
    gc.disable()  # as `followup` does before it imports the board (tui/cli.py)
    from textual import events

    from tui.core.settings import Settings
    from tui.core.stages import Stage
    from tui.store import Store
    from tui.ui.app import FollowupApp
    from tui.ui.launch import start_board

    count = int(os.environ["FOLLOWUP_COUNT"])

    class Measured(FollowupApp):
        def on_mount(self):
            super().on_mount()
            self.call_after_refresh(self.wait_for_board)

        def wait_for_board(self):
            board = self.board_screen.board if self.board_screen else None
            if board is None or len(board.cards) != count:
                self.call_after_refresh(self.wait_for_board)
                return
            self.report = {"first_frame": time.monotonic(), "cpu": time.process_time(),
                           "from_index": self.start_summaries is not None,
                           "keys": [], "key_cpu": [], "writes": [], "busy_keys": []}
            if count:  # a key at once, before the applications behind the cards are in
                self.early = True
                self.press()
            else:
                self.wait_for_load()

        def wait_for_load(self):
            if self.changelog.pending is not None:  # a fast start: the applications are still loading
                self.set_timer(0.005, self.wait_for_load)
                return
            self.report["ready"] = time.monotonic()
            if count:
                self.set_timer(0.3, self.press)  # let start-up work settle first
            else:
                self.finish()

        def finish(self):
            self.run_worker(self.action_quit())  # as q does: finish the writes, leave the start-up index

        def press(self, busy: bool = False):
            self.busy = busy
            board = self.board_screen.board
            self.moving = board.current_id
            self.target = Stage.THANKED if board.stage is Stage.INTERVIEWED else Stage.INTERVIEWED
            self.sent, self.sent_cpu = time.monotonic(), time.thread_time()
            self.post_message(events.Key("L" if self.target is Stage.THANKED else "H", None))
            self.call_after_refresh(self.check)

        def check(self):
            column = self.board_screen.board.list_of(self.target)
            if self.moving not in column.index:
                self.call_after_refresh(self.check)
                return
            if getattr(self, "early", False):
                self.early = False
                self.report["early_key"] = time.monotonic() - self.sent
                self.wait_for_load()
                return
            if self.busy:  # pressed while the previous move was still being written
                self.report["busy_keys"].append(time.monotonic() - self.sent)
                self.run_worker(self.after_write, thread=True)
                return
            self.report["keys"].append(time.monotonic() - self.sent)
            self.report["key_cpu"].append(time.thread_time() - self.sent_cpu)
            if count >= 1000:  # the write takes a while: press again in the middle of it
                self.set_timer(0.02, lambda: self.press(busy=not self.writer.idle))
            else:
                self.run_worker(self.after_write, thread=True)

        def after_write(self):
            self.writer.drain(60)
            self.report["writes"].append(time.monotonic() - self.sent)
            self.call_from_thread(self.next_round)

        def next_round(self):
            if len(self.report["keys"]) < KEY_ROUNDS:
                self.press()
            else:
                self.finish()

    settings = Settings(timezone="Europe/London")
    app = start_board(Store(os.environ["FOLLOWUP_DB"]), settings, app_class=Measured, poll_seconds=0)
    app.run(headless=True, size=(120, 40))
    print(json.dumps(app.report))


# --- the parent -----------------------------------------------------------
def make_db(folder: Path, count: int) -> Path:
    sys.path.insert(0, str(ROOT))
    import pendulum

    from tui.core.demo import demo_applications
    from tui.core.model import new_id
    from tui.store import Store

    path = folder / f"board-{count}.json"
    store = Store(path).open()
    templates = demo_applications(pendulum.now("UTC"))
    apps = []
    for i in range(count):
        app = copy.deepcopy(templates[i % len(templates)])
        app.id = new_id()
        app.company = f"{app.company} {i}"
        for rnd in app.rounds:
            rnd.id = new_id()
            for person in rnd.interviewers:
                person.id = new_id()
        apps.append(app)
    if apps:
        store.add_many(apps)
    return path


def run_child(kind: str, db: Path | None, count: int = 0) -> tuple[float, dict]:
    env = dict(os.environ)
    env.pop("FOLLOWUP_NOW", None)
    env["FOLLOWUP_COUNT"] = str(count)
    if db is not None:
        env["FOLLOWUP_DB"] = str(db)
    spawned = time.monotonic()
    out = subprocess.run([sys.executable, __file__, "--child", kind], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    if out.returncode != 0:
        raise SystemExit(f"{kind} child failed:\n{out.stderr[-3000:]}")
    report = json.loads(out.stdout.strip().splitlines()[-1])
    if "ready" in report:
        report["ready"] -= spawned
    return report["first_frame"] - spawned, report


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.0f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0,1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", choices=["bare", "board"])
    args = parser.parse_args()
    if args.child == "bare":
        child_bare()
        return 0
    if args.child == "board":
        sys.path.insert(0, str(ROOT))
        child_board()
        return 0

    sizes = [int(s) for s in args.sizes.split(",")]
    median = statistics.median
    # As installed (pip compiles packages on install; a checkout compiles on its first run):
    # with PYTHONDONTWRITEBYTECODE set, as here, every run would otherwise compile tui/ anew.
    compileall.compile_dir(ROOT / "tui", quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        dbs = {n: make_db(Path(folder), n) for n in sizes}
        print("first frame: wall (CPU) for the bare app and the board (started from its index); ready: until")
        print("the applications are loaded behind it; no index: the board's first frame without the index")
        print("(first start, or after another program changed the file); key to screen: main-thread wall (CPU);")
        print("while saving: median / slowest key pressed while the previous move was being written")
        print(f"{'apps':>6}  {'bare first':>17}  {'board first':>17}  {'ratio':>11}  {'ready':>7}  {'no index':>8}  "
              f"{'bare key':>15}  {'board key':>15}  {'first key':>9}  {'while saving':>15}  {'write done':>10}")
        for n in sizes:
            rows: dict[str, list] = {k: [] for k in ("bare", "bare_cpu", "board", "board_cpu", "bare_keys",
                                                     "bare_key_cpu", "keys", "key_cpu", "ready", "writes", "busy", "early")}
            cold, report = run_child("board", dbs[n], n)  # no index yet; on quitting it leaves one
            assert not report["from_index"], "a fresh file should have no start-up index"
            for _ in range(args.runs):  # alternate, so both see the same machine load
                first, report = run_child("bare", None)
                rows["bare"].append(first)
                rows["bare_cpu"].append(report["cpu"])
                rows["bare_keys"] += report["keys"]
                rows["bare_key_cpu"] += report["key_cpu"]
                first, report = run_child("board", dbs[n], n)
                if not report["from_index"]:
                    raise SystemExit("the board did not start from its index: see tui/store/board_index.py")
                rows["board"].append(first)
                rows["board_cpu"].append(report["cpu"])
                rows["keys"] += report["keys"]
                rows["key_cpu"] += report["key_cpu"]
                rows["ready"].append(report["ready"])
                if "early_key" in report:
                    rows["early"].append(report["early_key"])
                rows["writes"] += report["writes"]
                rows["busy"] += report["busy_keys"]
            m = {k: median(v) if v else None for k, v in rows.items()}

            def pair(wall, cpu):
                return "—" if wall is None else f"{wall * 1000:.0f} ({cpu * 1000:.0f}) ms"

            ratio = f"{m['board'] / m['bare']:.2f} ({m['board_cpu'] / m['bare_cpu']:.2f})"
            write = ms(m["writes"]) if m["writes"] is not None else "—"
            early = f"{m['early'] * 1000:.0f} ms" if m["early"] is not None else "—"
            busy = (f"{median(rows['busy']) * 1000:.0f} / {max(rows['busy']) * 1000:.0f} ms"
                    if rows["busy"] else "—")
            print(f"{n:>6}  {pair(m['bare'], m['bare_cpu']):>17}  {pair(m['board'], m['board_cpu']):>17}  "
                  f"{ratio:>11}  {m['ready'] * 1000:4.0f} ms  {cold * 1000:5.0f} ms  "
                  f"{pair(m['bare_keys'], m['bare_key_cpu']):>15}  "
                  f"{pair(m['keys'], m['key_cpu']):>15}  {early:>9}  {busy:>15}  {write:>10}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
