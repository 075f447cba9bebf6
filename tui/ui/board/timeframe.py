"""`now` and the user's day boundaries, for quick overdue / today / this week / later checks.

The sidebar and the cards classify thousands of deadlines each minute;
comparing plain timestamps against boundaries worked out once is much cheaper
than converting every deadline into the user's zone. `group` agrees with
`tui.core.deadlines.group_of` (a test checks it).
"""

from __future__ import annotations

from datetime import datetime, timezone

from tui.core import timefmt
from tui.core.deadlines import Group
from tui.core.timeutil import local, to_utc


class TimeFrame:
    def __init__(self, now: datetime, zone) -> None:
        self.now = to_utc(now)
        self.zone = zone
        local_now = local(self.now, zone)
        self.now_ts = self.now.timestamp()
        self.today_end_ts = local_now.add(days=1).start_of("day").timestamp()
        self.week_end_ts = local_now.add(days=7).timestamp()

    def group(self, due_ts: float, *, quiet: bool = False) -> Group:
        if due_ts < self.now_ts and not quiet:
            return Group.OVERDUE
        if due_ts < self.today_end_ts:
            return Group.TODAY
        if due_ts < self.week_end_ts:
            return Group.WEEK
        return Group.LATER

    def day(self, moment: datetime) -> str:
        """'Tue 1 Dec' in the user's zone."""
        return timefmt.at(moment, self.zone, timefmt.DAY)

    def day_of(self, timestamp: float) -> str:
        return self.day(datetime.fromtimestamp(timestamp, timezone.utc))
