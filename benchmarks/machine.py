"""How fast this machine is running right now, for reading the benchmarks' figures.

On a shared VM the same code runs two to three times slower at busy moments, and
a wall-clock target read at such a moment says more about the neighbours than about
Followup. Each benchmark prints this probe before and after its runs: the CPU time of
a fixed pure-Python loop (about 0.4 s on this project's 2-core VM when it is quiet).
Figures taken at a probe of 1.2 s are about three times what a quiet machine gives.
"""

from __future__ import annotations

import time

LOOP = 10_000_000


def probe_ms() -> float:
    """CPU milliseconds of summing LOOP integers in a Python loop (best of three)."""
    best = float("inf")
    for _ in range(3):
        started, total = time.process_time(), 0
        for number in range(LOOP):
            total += number
        best = min(best, time.process_time() - started)
    return best * 1000


def said(before: float, after: float) -> str:
    return (f"machine probe {before:,.0f} ms before, {after:,.0f} ms after "
            f"(quiet: about 425 ms; see benchmarks/machine.py)")
