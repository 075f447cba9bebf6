"""How fast the board starts and answers a key, at 200, 1,000 and 10,000 applications.

    .venv/bin/python benchmarks/bench_board.py [--sizes 200,1000,10000] [--runs 5] [--tmux]

Each measurement runs in a fresh process (benchmarks/board_children.py),
started the same way for the board and for a bare Textual app (a Header, one
Label, a Footer), the two interleaved so that both see the same machine load;
headless, or with --tmux each in a new tmux session of 120x40, drawing to a real
terminal as a user's board does. A key or a first frame counts as drawn at the
end of the first frame Textual writes that shows it (App._display):

- first frame: from just before the process is spawned to the first frame
  that shows every card (CLOCK_MONOTONIC is shared by processes),
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
CHILDREN = Path(__file__).with_name("board_children.py")
IN_TMUX = False  # --tmux


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
    if IN_TMUX:
        return in_tmux(kind, env)
    spawned = time.monotonic()
    out = subprocess.run([sys.executable, str(CHILDREN), kind], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    if out.returncode != 0:
        raise SystemExit(f"{kind} child failed:\n{out.stderr[-3000:]}")
    report = json.loads(out.stdout.strip().splitlines()[-1])
    return report["first_frame"] - spawned, report


def in_tmux(kind: str, env: dict[str, str]) -> tuple[float, dict]:
    """Run a child in a new detached tmux session of 120x40, drawing to tmux's terminal; its report
    comes back in a file. The session's shell is not in the way: tmux runs the command itself."""
    with tempfile.TemporaryDirectory() as folder:
        report_path = Path(folder) / "report.json"
        env = {**env, "FOLLOWUP_TERMINAL": "1", "FOLLOWUP_REPORT": str(report_path), "TERM": "tmux-256color"}
        session = f"bench-{os.getpid()}"
        passed = ("FOLLOWUP_", "XDG_", "TERM", "PYTHON", "LANG", "LC_")  # over the tmux server's environment
        command = ["env", *(f"{k}={v}" for k, v in env.items() if k.startswith(passed)), sys.executable,
                   str(CHILDREN), kind]
        spawned = time.monotonic()
        subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40", "-c", str(ROOT),
                        *command], check=True)
        deadline = spawned + 300
        while subprocess.run(["tmux", "has-session", "-t", session], capture_output=True).returncode == 0:
            if time.monotonic() > deadline:
                subprocess.run(["tmux", "kill-session", "-t", session])
                raise SystemExit(f"{kind} child in tmux took over 300 s")
            time.sleep(0.05)
        if not report_path.exists():
            raise SystemExit(f"{kind} child in tmux wrote no report")
        report = json.loads(report_path.read_text(encoding="utf-8"))
    return report["first_frame"] - spawned, report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,1000,10000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tmux", action="store_true",
                        help="run each process in a tmux session of its own, not headless")
    parser.add_argument("--holidays", default="", help="a holiday calendar (GB-ENG), set in config.toml")
    args = parser.parse_args()
    global IN_TMUX
    IN_TMUX = args.tmux

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
