"""How fast the board starts and answers a key, at 200, 1,000 and 10,000 applications.

    .venv/bin/python benchmarks/bench_board.py [--sizes 200,1000,10000] [--runs 5]

Each measurement runs in a fresh process, started the same way for the board
and for a bare Textual app (a Header, one Label, a Footer), headless, the two
interleaved so that both see the same machine load:

- first frame: from just before the process is spawned to the first screen
  refresh that shows every card (CLOCK_MONOTONIC is shared by processes),
  started as `run_board` starts it (tui/ui/launch.py). Nothing but the data
  file, its lock and backups is read: there is no cache to warm;
- first key: `L` posted at that first frame, until the moved card is drawn in
  its new column; key: the same, later, median of several presses;
- write: the CPU time the writer thread spends on one save (encoding and
  writing the file), i.e. how long it can hold the interpreter away from
  the keys; and the slowest key pressed while a save was under way;
- peak memory (maximum resident set) of the board's process;
- enter at the first frame, until the detail screen is drawn, beside a bare
  app pushing a screen of Textual's own widgets like the detail screen's (a
  Static, a TextArea, an OptionList, a Footer) at its first frame: the floor
  that opening any such screen costs.

Our own modules are byte-compiled first, as an installed program's are.
Targets (issue 11): first frame within 1.15x the bare app at 200, 1.25x at
1,000, 2.5x and under 1 s at 10,000; the first key within 50 ms at 1,000 and
100 ms at 10,000; a write under 20 ms at 1,000 and 100 ms at 10,000; peak
memory under 200 MiB at 10,000.
"""

from __future__ import annotations

import argparse
import compileall
import copy
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOLIDAYS = ""  # --holidays GB-ENG: the board reads them from a config.toml, as a user's board does
CONFIG_HOME = Path()
KEY_ROUNDS = 7


# --- the child processes -------------------------------------------------
def when_drawn(app, ready, report: dict, sent: float) -> None:
    """Record in report["opened"] the time from `sent` to the first refresh after `ready()` holds, then exit.

    A screen is on the stack before it is composed and mounted: waiting for the stack alone timed the
    push, not the drawing (and the board's enter, now handled after the start-up catch-up, read 65 ms)."""
    def check():
        if not ready():
            app.call_after_refresh(check)
            return
        app.call_after_refresh(done)

    def done():
        report["opened"] = time.monotonic() - sent
        app.set_timer(0.05, app.exit)

    check()


def child_bare() -> None:
    from textual import events
    from textual.app import App
    from textual.binding import Binding
    from textual.containers import Horizontal, Vertical
    from textual.screen import Screen
    from textual.widgets import Footer, Header, Label, OptionList, Static, TextArea

    class Detail(Screen):
        """What the board's detail screen holds, in Textual's own widgets: the floor for `enter`."""

        def compose(self):
            yield Static("Acme Corp — Platform Engineer\ninterviewed · thank Dana by Tue 14:00\nrecruiter: Sam")
            with Horizontal():
                with Vertical():
                    yield Static("1 Notes   2 Rounds (2)   3 Directions   4 History")
                    yield TextArea("Met Dana and Lee.\nAsked about on-call.\n" * 4)
                with Vertical():
                    yield Static("4 History")
                    yield OptionList(*[f"Tue 10:0{i} moved to thanked" for i in range(8)])
            yield Footer()

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
            if os.environ.get("FOLLOWUP_FIRST_KEY") == "enter":  # a screen pushed at the first frame
                self.sent, self.before = time.monotonic(), self.screen
                self.push_screen(Detail())
                self.call_after_refresh(self.opened)
                return
            self.press()

        def opened(self):
            when_drawn(self, lambda: self.screen is not self.before and self.screen.is_mounted, self.report,
                       self.sent)

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


def peak_rss_mib() -> float:
    """This process's peak resident memory. Not getrusage's ru_maxrss: Linux carries that across the
    exec from the forked parent, so it reported the benchmark's own size (with 10,000 records made)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child_board() -> None:
    from textual import events

    import tui.main  # noqa: F401  before tui.core, as the program starts: it defers the date parser pendulum imports
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
                           "keys": [], "key_cpu": [], "writes": [], "busy_keys": [], "write_cpu": []}
            backend = self.writer.backend
            real_write = backend.write

            def timed_write(ops):
                started = time.thread_time()
                try:
                    return real_write(ops)
                finally:
                    self.report["write_cpu"].append(time.thread_time() - started)

            backend.write = timed_write
            first_key = os.environ.get("FOLLOWUP_FIRST_KEY")
            if first_key:  # enter or / at the first frame, until its screen or bar is drawn
                self.sent = time.monotonic()
                self.before = self.screen
                self.post_message(events.Key(first_key, None))
                self.call_after_refresh(self.opened, first_key)
            elif count:  # a key at once, at the first frame
                self.early = True
                self.press()
            else:
                self.finish()

        def opened(self, key):
            bar = self.board_screen.filter_bar
            if key == "enter":
                when_drawn(self, lambda: self.screen is not self.before and self.screen.is_mounted, self.report,
                           self.sent)
            else:
                when_drawn(self, lambda: bar.is_mounted and bar.display, self.report, self.sent)

        def settle(self):
            self.set_timer(0.3, self.press)  # let start-up work settle first

        def finish(self):
            self.report["peak_rss_mib"] = peak_rss_mib()
            self.run_worker(self.action_quit())  # as q does: finish the writes

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
                self.run_worker(self.after_first_write, thread=True)
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

        def after_first_write(self):
            self.writer.drain(60)
            self.call_from_thread(self.settle)

        def after_write(self):
            self.writer.drain(60)
            self.report["writes"].append(time.monotonic() - self.sent)
            self.call_from_thread(self.next_round)

        def next_round(self):
            if len(self.report["keys"]) < KEY_ROUNDS:
                self.press()
            else:
                self.finish()

    if os.environ.get("FOLLOWUP_HOLIDAYS"):  # as the command line reads them: config.toml in XDG_CONFIG_HOME
        from tui.cli_common import user_settings

        settings = user_settings()
    else:
        settings = Settings(timezone="Europe/London")
    app = start_board(Store(os.environ["FOLLOWUP_DB"]), settings, app_class=Measured, poll_seconds=0)
    app.run(headless=True, size=(120, 40))
    print(json.dumps(app.report))


# --- the parent -----------------------------------------------------------
def make_db(folder: Path, count: int) -> Path:
    sys.path.insert(0, str(ROOT))
    import pendulum

    from tui.core.demo import demo_applications
    from tui.core.parts import new_id
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


def run_child(kind: str, db: Path | None, count: int = 0, first_key: str = "") -> tuple[float, dict]:
    env = dict(os.environ)
    env.pop("FOLLOWUP_NOW", None)
    env["FOLLOWUP_FIRST_KEY"] = first_key
    env["FOLLOWUP_COUNT"] = str(count)
    if HOLIDAYS:
        env["FOLLOWUP_HOLIDAYS"] = HOLIDAYS
        env["XDG_CONFIG_HOME"] = str(CONFIG_HOME)
    if db is not None:
        env["FOLLOWUP_DB"] = str(db)
    spawned = time.monotonic()
    out = subprocess.run([sys.executable, __file__, "--child", kind], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    if out.returncode != 0:
        raise SystemExit(f"{kind} child failed:\n{out.stderr[-3000:]}")
    report = json.loads(out.stdout.strip().splitlines()[-1])
    return report["first_frame"] - spawned, report


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.0f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,1000,10000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", choices=["bare", "board"])
    parser.add_argument("--holidays", default="", help="a holiday calendar (GB-ENG), set in config.toml")
    args = parser.parse_args()
    if args.child == "bare":
        child_bare()
        return 0
    if args.child == "board":
        sys.path.insert(0, str(ROOT))
        child_board()
        return 0

    sizes = [int(s) for s in args.sizes.split(",")]
    from machine import probe_ms, said  # beside this file (not in the children: they time their imports)

    probe_before = probe_ms()
    median = statistics.median
    # As installed (pip compiles packages on install; a checkout compiles on its first run):
    # with PYTHONDONTWRITEBYTECODE set, as here, every run would otherwise compile tui/ anew.
    compileall.compile_dir(ROOT / "tui", quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        if args.holidays:
            global HOLIDAYS, CONFIG_HOME
            HOLIDAYS, CONFIG_HOME = args.holidays, Path(folder) / "config"
            (CONFIG_HOME / "followup").mkdir(parents=True)
            (CONFIG_HOME / "followup" / "config.toml").write_text(
                f'timezone = "Europe/London"\nholidays = "{args.holidays}"\n')
            print(f"holidays = {args.holidays!r} (config.toml)")
        dbs = {n: make_db(Path(folder), n) for n in sizes}
        print("medians; wall (CPU) for first frames and keys; first key: board / bare app, pressed at the first")
        print("frame; write: the writer thread's CPU for one save; enter, /: pressed at the first frame, until")
        print("the detail screen or the filter bar is drawn (enter: board / a bare app pushing a screen of")
        print("Textual's own widgets like the detail screen's: a TextArea, an OptionList, a Footer)")
        print(f"{'apps':>6}  {'bare first':>17}  {'board first':>17}  {'ratio':>11}  {'first key':>11}  "
              f"{'key':>15}  {'write':>7}  {'key while saving':>16}  {'peak':>8}  {'enter':>11}  {'/':>8}")
        for n in sizes:
            rows: dict[str, list] = {k: [] for k in ("bare", "bare_cpu", "board", "board_cpu", "keys", "key_cpu",
                                                     "write_cpu", "busy", "early", "rss", "bare_early",
                                                     "enter", "slash", "bare_enter")}
            for _ in range(args.runs):  # alternate, so both see the same machine load
                first, report = run_child("bare", None)
                rows["bare"].append(first)
                rows["bare_cpu"].append(report["cpu"])
                rows["bare_early"].append(report["keys"][0])  # pressed at its first frame
                first, report = run_child("board", dbs[n], n)
                rows["board"].append(first)
                rows["board_cpu"].append(report["cpu"])
                rows["keys"] += report["keys"]
                rows["key_cpu"] += report["key_cpu"]
                rows["write_cpu"] += report["write_cpu"]
                rows["busy"] += report["busy_keys"]
                rows["rss"].append(report["peak_rss_mib"])
                if "early_key" in report:
                    rows["early"].append(report["early_key"])
                for key in ("enter", "slash"):
                    rows[key].append(run_child("board", dbs[n], n, key)[1]["opened"])
                rows["bare_enter"].append(run_child("bare", None, first_key="enter")[1]["opened"])
            m = {k: median(v) if v else None for k, v in rows.items()}

            def pair(wall, cpu):
                return "—" if wall is None else f"{wall * 1000:.0f} ({cpu * 1000:.0f}) ms"

            ratio = f"{m['board'] / m['bare']:.2f} ({m['board_cpu'] / m['bare_cpu']:.2f})"
            early = f"{m['early'] * 1000:.0f}/{m['bare_early'] * 1000:.0f}" if m["early"] is not None else "—"
            write = f"{m['write_cpu'] * 1000:.0f} ms" if m["write_cpu"] is not None else "—"
            busy = f"{max(rows['busy']) * 1000:.0f} ms" if rows["busy"] else "—"
            print(f"{n:>6}  {pair(m['bare'], m['bare_cpu']):>17}  {pair(m['board'], m['board_cpu']):>17}  "
                  f"{ratio:>11}  {early:>11}  {pair(m['keys'], m['key_cpu']):>15}  {write:>7}  {busy:>16}  "
                  f"{m['rss']:5.0f} MiB  {m['enter'] * 1000:4.0f}/{m['bare_enter'] * 1000:.0f} ms  "
                  f"{m['slash'] * 1000:5.0f} ms", flush=True)
    print(said(probe_before, probe_ms()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
