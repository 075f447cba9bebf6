"""How fast the store is with many applications.

    .venv/bin/python benchmarks/bench_store.py [COUNT] [--fast-times]

Builds COUNT applications (default 10,000) from the demo data, writes them to a
throw-away file and times the operations a board and the command line use.
--fast-times swaps in, for this run only, a time parsing built on
datetime.fromisoformat (and no re-conversion of times already in pendulum UTC)
in place of tui/core/timeutil.py's own, to compare the two.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pendulum

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tui.core import model, timeutil  # noqa: E402
from tui.core.demo import demo_applications  # noqa: E402
from tui.core.model import Application, new_id  # noqa: E402
from tui.store import Store  # noqa: E402
from tui.store.atomic import read_bytes  # noqa: E402


def fast_load_time(text, *, field="time"):
    """load_time with an ISO fast path, pendulum for the rest."""
    if text in (None, ""):
        return None
    try:
        parsed = dt.datetime.fromisoformat(str(text))
    except ValueError:
        return ORIGINAL_LOAD_TIME(text, field=field)
    if parsed.tzinfo is not None and parsed.utcoffset():
        parsed = parsed.astimezone(dt.timezone.utc)
    return pendulum.DateTime(parsed.year, parsed.month, parsed.day, parsed.hour, parsed.minute,
                             parsed.second, parsed.microsecond, tzinfo=timeutil.UTC)


def fast_to_utc(value):
    """to_utc that returns a pendulum UTC time as it is."""
    if isinstance(value, pendulum.DateTime) and value.tzinfo is timeutil.UTC:
        return value
    return ORIGINAL_TO_UTC(value)


ORIGINAL_LOAD_TIME = timeutil.load_time
ORIGINAL_TO_UTC = timeutil.to_utc


def timed(label: str, action, runs: int = 1):
    """Run `action` `runs` times; print best and median; return the last result."""
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    print(f"  {label:<44} best {min(times) * 1000:8.1f} ms   median {statistics.median(times) * 1000:8.1f} ms")
    return result


def build(count: int) -> list[Application]:
    now = pendulum.datetime(2026, 11, 25, 10, tz="UTC")
    demo = [a.to_dict() for a in demo_applications(now)]
    apps = []
    for n in range(count):
        doc = dict(demo[n % len(demo)], id=new_id())
        apps.append(Application.from_dict(doc))
    return apps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", nargs="?", type=int, default=10_000)
    parser.add_argument("--fast-times", action="store_true", help="use the proposed faster time parsing")
    args = parser.parse_args()
    if args.fast_times:
        model.load_time, model.to_utc = fast_load_time, fast_to_utc
    apps = build(args.count)
    with tempfile.TemporaryDirectory(prefix="followup-bench-") as folder:
        path = Path(folder) / "followup.json"
        store = Store(path).open()
        print(f"{args.count} applications{' (fast times)' if args.fast_times else ''}")
        timed("add_many (one write of everything)", lambda: store.add_many(apps))
        size = path.stat().st_size
        print(f"  file size {size / 1e6:.1f} MB, {size / args.count:.0f} bytes per application")
        raw, _ = read_bytes(path)
        timed("read + parse + check the file (no objects)", store._load, runs=5)
        docs = list(json.loads(raw)["applications"].values())
        timed("Application.from_dict for every one", lambda: [Application.from_dict(d) for d in docs], runs=3)
        loaded = timed("load_all()", store.load_all, runs=5)
        target = loaded[len(loaded) // 2]
        timed("get(id)", lambda: store.get(target.id), runs=5)
        timed("resolve(8-character prefix)", lambda: store.resolve(target.id[:8]), runs=5)
        timed("save() of one application", lambda: store.save(target), runs=5)
        extra = build(5)
        timed("add() of one application", lambda: store.add(extra.pop()), runs=5)
        timed("fingerprint()", store.fingerprint, runs=50)


if __name__ == "__main__":
    main()
