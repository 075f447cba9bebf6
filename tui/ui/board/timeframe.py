"""The board's TimeFrame: the core's (tui.core.deadline_words.TimeFrame, the one grouping of deadlines)
plus the day names the cards and the sidebar write."""

from __future__ import annotations

from datetime import datetime, timezone

from tui.core import timefmt
from tui.core.deadline_words import TimeFrame as CoreTimeFrame


class TimeFrame(CoreTimeFrame):
    def day(self, moment: datetime) -> str:
        """'Tue 1 Dec' in the user's zone."""
        return timefmt.at(moment, self.zone, timefmt.DAY)

    def day_of(self, timestamp: float) -> str:
        return self.day(datetime.fromtimestamp(timestamp, timezone.utc))
