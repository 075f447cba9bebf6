"""Another year's date says its year after the date and before the clock time, as dates are written.

QA: a keep-in-touch date printed as "Thu 25 Feb 10:30 2027", the year read as part of the time.
"""

from datetime import UTC, datetime

import pendulum
import pytest

from tui.core.timefmt import readable, show_day, show_soon, show_time, understood

NOW = datetime(2026, 11, 25, 10, 30, tzinfo=UTC)
FEB = datetime(2027, 2, 25, 10, 30, tzinfo=UTC)


@pytest.mark.parametrize("write, expected", [
    (lambda: show_time(FEB, pendulum.UTC, NOW), "Thu 25 Feb 2027 10:30"),
    (lambda: show_day(FEB, pendulum.UTC, NOW), "Thu 25 Feb 2027"),
    (lambda: show_soon(FEB, pendulum.UTC, NOW), "Thu 25 Feb 2027 10:30"),
    (lambda: understood(FEB, pendulum.UTC, NOW), "Thu 25 Feb 2027 10:30 · in 13 weeks"),
    (lambda: readable("Keep in touch from 2027-02-25T10:30:00+00:00", pendulum.UTC, NOW),
     "Keep in touch from Thu 25 Feb 2027 10:30"),
    (lambda: show_time(datetime(2025, 12, 31, 23, 0, tzinfo=UTC), "Europe/Berlin", NOW), "Thu 1 Jan 00:00"),
    (lambda: show_time(datetime(2025, 12, 31, 22, 0, tzinfo=UTC), "Europe/Berlin", NOW), "Wed 31 Dec 2025 23:00"),
    (lambda: show_time(FEB, pendulum.UTC, FEB), "Thu 25 Feb 10:30"),  # this year's: no year
])
def test_the_year_comes_after_the_date_not_after_the_time(write, expected):
    assert write() == expected


@pytest.mark.parametrize("moment, expected", [
    (datetime(2026, 12, 1, 14, 0, tzinfo=UTC), "Tue 14:00"),  # next Tuesday from a Wednesday: 6 days 3.5 h on
    (datetime(2026, 12, 1, 23, 59, tzinfo=UTC), "Tue 23:59"),
    (datetime(2026, 12, 2, 9, 0, tzinfo=UTC), "Wed 2 Dec 09:00"),  # next Wednesday: "Wed" would read as today
    (datetime(2026, 11, 25, 15, 0, tzinfo=UTC), "Wed 15:00"),  # later today
])
def test_a_weekday_alone_for_a_moment_up_to_the_sixth_day_after_today(moment, expected):
    assert show_soon(moment, pendulum.UTC, NOW) == expected
