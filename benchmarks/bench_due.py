"""How long `followup due` takes on a database of 1,000 applications.

It runs in login scripts and tmux status lines, so it must stay under 0.3 s
wall. This builds the database in a temporary folder (copies of the demo
applications, each with its own id), then times the real command in fresh
processes and prints the median and the best run.

    .venv/bin/python benchmarks/bench_due.py [--apps 1000] [--runs 7]
"""

from __future__ import annotations

import argparse
import copy
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.core.demo import demo_applications  # noqa: E402
from tui.core.parts import new_id  # noqa: E402
from tui.store.store import Store  # noqa: E402

BUDGET_SECONDS = 0.3
FROZEN_NOW = "2026-11-25T13:00:00Z"


def build_database(path: Path, count: int) -> None:
    import pendulum

    samples = demo_applications(pendulum.parse(FROZEN_NOW))
    apps = []
    for number in range(count):
        app = copy.deepcopy(samples[number % len(samples)])
        app.id = new_id()
        app.company = f"{app.company} {number}"
        apps.append(app)
    Store(path).open().add_many(apps)


def time_command(env: dict, runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU (user + system) seconds per run; CPU shows the cost when the machine is busy."""
    import resource

    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "tui", "due", "--within", "7"],
                                cwd=ROOT, env=env, capture_output=True, text=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if result.returncode != 0:
            raise SystemExit(f"followup due failed: {result.stderr.strip()}")
    return walls, cpus


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--apps", type=int, default=1000)
    options.add_argument("--runs", type=int, default=7)
    given = options.parse_args()
    with tempfile.TemporaryDirectory(prefix="followup-bench-") as folder:
        db = Path(folder) / "followup.json"
        build_database(db, given.apps)
        size_mb = db.stat().st_size / 1e6
        env = dict(os.environ, FOLLOWUP_DB=str(db), FOLLOWUP_NOW=FROZEN_NOW,
                   XDG_CONFIG_HOME=str(Path(folder) / "config"))
        lines = subprocess.run([sys.executable, "-m", "tui", "due", "--within", "7"], cwd=ROOT, env=env,
                               capture_output=True, text=True).stdout.count("\n")
        baseline = min(time_command_python(env) for _ in range(3))
        timings, cpu = time_command(env, given.runs)
    median, best = statistics.median(timings), min(timings)
    verdict = "ok" if median < BUDGET_SECONDS else "TOO SLOW"
    print(f"followup due, {given.apps} applications ({size_mb:.1f} MB), {lines} lines, {given.runs} runs: "
          f"wall median {median:.3f} s, best {best:.3f} s; CPU median {statistics.median(cpu):.3f} s "
          f"(python start-up alone: {baseline:.3f} s; budget {BUDGET_SECONDS} s wall: {verdict}; "
          f"load average {os.getloadavg()[0]:.2f})")
    return 0 if median < BUDGET_SECONDS else 1


def time_command_python(env: dict) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], env=env, check=True)
    return time.perf_counter() - start


if __name__ == "__main__":
    raise SystemExit(main())
