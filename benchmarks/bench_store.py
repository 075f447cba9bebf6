"""How fast the store is with many applications.

    .venv/bin/python benchmarks/bench_store.py [COUNT]

Builds COUNT applications (default 10,000) from the demo data, writes them to a
throw-away file and times the operations a board and the command line use, with
the standard library's JSON beside msgspec's for comparison.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pendulum

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tui.core.demo import demo_applications  # noqa: E402
from tui.core.model import Application  # noqa: E402
from tui.core.parts import new_id  # noqa: E402
from tui.store import Store, codec  # noqa: E402


def timed(label: str, action, runs: int = 1):
    """Run `action` `runs` times; print best and median; return the last result."""
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    print(f"  {label:<48} best {min(times) * 1000:8.1f} ms   median {statistics.median(times) * 1000:8.1f} ms")
    return result


def build(count: int) -> list[Application]:
    now = pendulum.datetime(2026, 11, 25, 10, tz="UTC")
    demo = [a.to_dict() for a in demo_applications(now)]
    return [Application.from_dict(dict(demo[n % len(demo)], id=new_id())) for n in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", nargs="?", type=int, default=10_000)
    args = parser.parse_args()
    apps = build(args.count)
    with tempfile.TemporaryDirectory(prefix="followup-bench-") as folder:
        path = Path(folder) / "followup.json"
        store = Store(path).open()
        print(f"{args.count} applications (collector on, as in a command; the board reads with it off)")
        timed("add_many (one write of everything)", lambda: store.add_many(apps))
        raw = path.read_bytes()
        print(f"  file size {len(raw) / 1e6:.1f} MB, {len(raw) / args.count:.0f} bytes per application")
        timed("json.loads (no records)", lambda: json.loads(raw), runs=3)
        timed("msgspec, plain values (no records)", lambda: codec.decode_plain(path, raw), runs=3)
        timed("msgspec, straight into records", lambda: codec.decode_typed(path, raw), runs=3)
        gc.disable()
        timed("  the same, collector off", lambda: codec.decode_typed(path, raw), runs=3)
        gc.enable()
        loaded = timed("snapshot()", store.snapshot, runs=3).applications
        target = loaded[len(loaded) // 2]
        timed("resolve(8-character prefix)", lambda: store.resolve(target.id[:8]), runs=3)
        timed("save() of one application (file unchanged since)", lambda: store.save(target), runs=5)
        extra = build(5)
        timed("add() of one application", lambda: store.add(extra.pop()), runs=5)
        data = json.loads(raw)
        timed("json.dumps of the file", lambda: json.dumps(data).encode(), runs=3)
        timed("msgspec encode of the file", lambda: codec.encode(data), runs=3)
        timed("fingerprint()", store.fingerprint, runs=50)


if __name__ == "__main__":
    main()
