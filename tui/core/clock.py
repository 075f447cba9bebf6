"""The one place that reads the wall clock.

Core functions take `now` as an argument; the app and the command line get it
from here. FOLLOWUP_NOW (an ISO time) freezes it, for screenshots and tests
that run the real program.
"""

from __future__ import annotations

import os

import pendulum
from pendulum import DateTime


def now() -> DateTime:
    frozen = os.environ.get("FOLLOWUP_NOW")
    if frozen:
        return pendulum.parse(frozen, tz="UTC").in_timezone("UTC")
    return pendulum.now("UTC")
