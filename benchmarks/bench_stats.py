"""How long `followup stats` takes at 10,000 applications (target: under 0.5 s wall).

    .venv/bin/python benchmarks/bench_stats.py [--apps 10000] [--runs 5]

The data set is the demo's applications plus a few built with the real
actions (a reply, a reopened process, follow-ups, outcomes: histories with
stage lines, as real files have), copied with fresh ids and shifted back by
0–83 days so that the twelve weeks are all filled. Each run is a fresh
process, as a user or a script runs the command, with our modules byte-compiled
first as an installed program's are; the time to work the figures
out in-process is printed too, to tell it from start-up and loading.
"""

from __future__ import annotations

import argparse
import compileall
import copy
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.core import actions, correspondence  # noqa: E402
from tui.core.demo import demo_applications  # noqa: E402
from tui.core.model import Application  # noqa: E402
from tui.core.parts import Interviewer, new_id  # noqa: E402
from tui.store.store import Store  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import probe_ms, said  # noqa: E402

BUDGET_SECONDS = 0.5
FROZEN_NOW = "2026-11-25T13:00:00Z"


def lived(now) -> list[Application]:
    """Processes with a history written by the actions themselves."""
    start = now - timedelta(days=20)
    person = [Interviewer(name="Dana Kim", email="dana@example.com")]
    replied = actions.new_application("Replied", "Dev", now=start, round_at=start, interviewers=person)
    replied = actions.set_thanked(replied, replied.rounds[0].interviewers[0].id, now=start + timedelta(hours=5))
    replied = correspondence.record_reply(replied, now=start + timedelta(days=4))
    replied = actions.add_round(replied, "Onsite", start + timedelta(days=9), now=start + timedelta(days=5))
    silent = actions.new_application("Silent", "Ops", now=start, round_at=start)
    silent = correspondence.record_letter_sent(silent, "follow-up", now=start + timedelta(days=7))
    silent = correspondence.record_letter_sent(silent, "follow-up", now=start + timedelta(days=14))
    reopened = correspondence.close(actions.new_application("Reopened", "SRE", now=start, round_at=start), "rejected",
                             now=start + timedelta(days=3))
    reopened = actions.move(reopened, "awaiting", now=start + timedelta(days=6))
    return [replied, silent, reopened]


def shifted(app: Application, days: int) -> Application:
    """A copy with a fresh id, every time moved `days` earlier."""
    back = timedelta(days=days)
    new = copy.deepcopy(app)
    new.id = new_id()
    new.company = f"{app.company} {days}-{new.id[:4]}"
    for rnd in new.rounds:
        rnd.at -= back
        for person in rnd.interviewers:
            person.thanked_at = person.thanked_at - back if person.thanked_at else None
    for contact in new.contacts:
        contact.at -= back
    for event in new.history:
        event.at = event.at - back if event.at else None
    for name in ("outcome_at", "created_at", "updated_at"):
        value = getattr(new, name)
        if value is not None:
            setattr(new, name, value - back)
    return new


def build_database(path: Path, count: int) -> None:
    import pendulum

    now = pendulum.parse(FROZEN_NOW)
    samples = demo_applications(now) + lived(now)
    Store(path).open().add_many([shifted(samples[n % len(samples)], n % 84) for n in range(count)])


def time_command(env: dict, argv: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU (user + system) seconds per run; CPU tells the cost apart from a busy machine's waits."""
    import resource

    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "tui", *argv], cwd=ROOT, env=env, capture_output=True,
                                text=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if result.returncode != 0:
            raise SystemExit(f"followup {' '.join(argv)} failed: {result.stderr.strip()}")
    return walls, cpus


def in_process(db: Path) -> tuple[float, float, float]:
    """CPU seconds of the command's three steps (reading the file, catching the cards up, the figures),
    the best of three, to tell where the time goes from start-up and freeing."""
    import gc

    import pendulum

    from tui.core import stats
    from tui.core.actions import catch_up
    from tui.core.settings import Settings
    from tui.core.timeutil import to_utc

    now = to_utc(pendulum.parse(FROZEN_NOW))
    best = [float("inf")] * 3
    gc.disable()  # as the command runs (cli.collector_paused)
    try:
        for _ in range(3):
            marks = [time.process_time()]
            apps = Store(db).snapshot().applications
            marks.append(time.process_time())
            apps = [catch_up(app, now) for app in apps]
            marks.append(time.process_time())
            stats.figures(apps, Settings(timezone="UTC"), now)
            marks.append(time.process_time())
            best = [min(b, after - before) for b, before, after in zip(best, marks[:-1], marks[1:], strict=True)]
            del apps
    finally:
        gc.enable()
    return best[0], best[1], best[2]


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--apps", type=int, default=10000)
    options.add_argument("--runs", type=int, default=5)
    given = options.parse_args()
    # As installed (pip compiles packages on install): with PYTHONDONTWRITEBYTECODE set, as in this
    # sandbox, a module changed since its last compile was compiled again in every run (~70 ms here).
    compileall.compile_dir(ROOT / "tui", quiet=1)
    probe_before = probe_ms()
    with tempfile.TemporaryDirectory(prefix="followup-bench-") as folder:
        db = Path(folder) / "followup.json"
        build_database(db, given.apps)
        env = dict(os.environ, FOLLOWUP_DB=str(db), FOLLOWUP_NOW=FROZEN_NOW,
                   XDG_CONFIG_HOME=str(Path(folder) / "config"))
        text, cpu = time_command(env, ["stats"], given.runs)
        as_json, _ = time_command(env, ["stats", "--json"], given.runs)
        listing, _ = time_command(env, ["list", "--json"], given.runs)
        load, caught_up, figures = in_process(db)
        size_mb = db.stat().st_size / 1e6
    median = statistics.median(text)
    verdict = "ok" if median < BUDGET_SECONDS else "TOO SLOW"
    print(f"followup stats, {given.apps} applications ({size_mb:.1f} MB), {given.runs} runs: wall median "
          f"{median:.3f} s (best {min(text):.3f} s, CPU median {statistics.median(cpu):.3f} s), --json median "
          f"{statistics.median(as_json):.3f} s, list --json (loading alone) {statistics.median(listing):.3f} s; "
          f"in-process CPU: load {load * 1000:.0f} ms, catch_up {caught_up * 1000:.0f} ms, figures "
          f"{figures * 1000:.0f} ms; budget {BUDGET_SECONDS} s: {verdict} "
          f"(load average {os.getloadavg()[0]:.2f}); {said(probe_before, probe_ms())}")
    return 0 if median < BUDGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
