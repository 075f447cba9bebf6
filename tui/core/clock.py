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
        moment = pendulum.parse(frozen, tz="UTC")
        if not isinstance(moment, DateTime):  # a bare date or a duration is no moment
            raise ValueError(f"FOLLOWUP_NOW={frozen!r} is not a date and time")
        return moment.in_timezone("UTC")
    return pendulum.now("UTC")
