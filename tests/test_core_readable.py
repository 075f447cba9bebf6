"""History lines keep exact times; `readable` shows them in the reader's zone (timefmt, the one formatter)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from tui.core import actions
from tui.core.timefmt import readable
from tui.core.timeutil import named_zone

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(("zone", "text", "shown"), [
    ("Europe/London", "Snoozed follow-up until 2026-12-04T12:00:00+00:00", "Snoozed follow-up until Fri 4 Dec 12:00"),
    ("Asia/Tokyo", "Round “Final” on 2026-12-01T22:30:00+00:00", "Round “Final” on Wed 2 Dec 07:30"),  # next day there
    ("America/New_York", "until 2027-01-05T15:00:00Z", "until Tue 5 Jan 2027 10:00"),
    ("Europe/London", "Moved Interviewed → Thanked", "Moved Interviewed → Thanked"),
    ("Europe/London", "Notes: T-shirt size 2026-11-04", "Notes: T-shirt size 2026-11-04"),  # a date alone stays
])
def test_exact_times_in_a_line_are_shown_in_the_readers_zone(zone, text, shown):
    assert readable(text, named_zone(zone), NOW) == shown


def test_a_rounds_history_line_reads_as_the_day_it_was_where_the_user_is():
    """Written as the UTC date, a round at 07:30 in Tokyo was logged as the day before."""
    tokyo = named_zone("Asia/Tokyo")
    app = actions.new_application("Acme", "SRE", now=NOW, round_at=datetime(2026, 11, 25, 22, 30, tzinfo=timezone.utc))
    assert readable(app.history[-1].text, tokyo, NOW) == "Round “Interview” on Thu 26 Nov 07:30"


@pytest.mark.parametrize("written", [
    "2026-02-29T10:00:00Z",  # no such day: the user's own words, copied into a direction's line
    "2026-13-01T10:00Z",  # no such month
    "9999-12-31T23:59:59-12:00",  # past the last year in UTC
    "0001-01-01T00:00:00+14:00",  # before the first
])
def test_a_time_in_the_users_own_words_that_is_no_time_is_left_as_written(written):
    """`direction ID "recall the 2026-02-29T10:00:00Z mixup"` made `show`, `export csv` and the board's
    detail screen end in a traceback (fuzz fz1 D2)."""
    text = f"Direction added: recall the {written} mixup"
    assert readable(text, named_zone("Europe/London"), NOW) == text
    mixed = f"{text}, then 2026-12-04T12:00:00+00:00"
    assert readable(mixed, named_zone("Europe/London"), NOW) == f"{text}, then Fri 4 Dec 12:00"
