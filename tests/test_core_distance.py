"""One way to say how far away a moment is: the compact form (cards, sidebar, `show`) and the words form
(what a typed time was read as) round the same way, so they never name different amounts."""

from __future__ import annotations

import re

import pendulum
from hypothesis import given
from hypothesis import strategies as st

from tui.core.deadline_words import relative
from tui.core.timefmt import distance, distance_short, distance_words, understood

NOW = pendulum.datetime(2026, 11, 27, 14, 0, tz="UTC")
UTC = pendulum.timezone("UTC")
SECONDS = st.floats(-40 * 365.25 * 86400, 40 * 365.25 * 86400, allow_nan=False)
SIZES = {"min": 60, "h": 3600, "d": 86400, "wk": 7 * 86400, "yr": 365.25 * 86400}
WORDS = {"minute": "min", "hour": "h", "day": "d", "week": "wk", "year": "yr"}


@given(SECONDS)
def test_both_forms_name_the_same_amount_unit_and_direction(seconds):
    short, words = distance_short(seconds), distance_words(seconds)
    if short == "now":
        assert words == "now"
        return
    amount, unit = re.fullmatch(r"(?:in )?(\d+) (\w+)(?: overdue)?", short).groups()
    w_amount, w_unit = re.fullmatch(r"(?:in )?(\d+) (\w+?)s?(?: ago)?", words).groups()
    assert (amount, unit) == (w_amount, WORDS[w_unit])
    assert short.startswith("in ") == words.startswith("in ") == (seconds > 0)


@given(SECONDS)
def test_the_amount_is_the_nearest_whole_unit_and_fits_a_card(seconds):
    amount, unit = distance(seconds)
    short = distance_short(seconds)
    assert len(short) <= 14
    if unit >= 0:
        size = SIZES[short.split()[-2] if seconds < 0 else short.split()[-1]]
        assert abs(abs(seconds) - amount * size) <= size / 2 + 1e-6


def test_what_the_reviewer_saw_now_reads_alike():
    """'in 3 days' typed is 'in 3 d' a few seconds later; 2 d 23 h is 3 either way; 1999 is years."""
    typed = NOW.add(days=3)
    assert understood(typed, UTC, NOW).endswith("· in 3 days")
    assert relative(typed, NOW.add(seconds=5)) == "in 3 d"
    assert relative(NOW.add(days=2, hours=23), NOW) == "in 3 d"
    assert understood(NOW.add(days=2, hours=23), UTC, NOW).endswith("· in 3 days")
    christmas = pendulum.datetime(2026, 12, 25, 17, 0, tz="UTC")
    assert relative(christmas, NOW) == "in 28 d" and understood(christmas, UTC, NOW).endswith("in 28 days")
    old = pendulum.datetime(1999, 1, 1, 9, 0, tz="UTC")
    assert relative(old, NOW) == "28 yr overdue" and understood(old, UTC, NOW).endswith("· 28 years ago")
    assert understood(NOW.subtract(days=1), UTC, NOW).endswith("· 24 hours ago")
    assert understood(NOW.subtract(days=2), UTC, NOW).endswith("· 2 days ago")
