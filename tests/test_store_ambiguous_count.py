"""An ambiguous ID names a few of its matches and says how many it left out (review R6 6): with 15 cards
named "Co …", `show co` listed five and said nothing of the other ten."""

from __future__ import annotations

import pytest

from store_helpers import make_app
from tui.store import NotFoundError
from tui.store.store import resolve_in


def test_matches_beyond_the_five_named_are_counted():
    apps = [make_app(f"Co {n}", id=f"id-{n:02}") for n in range(15)]
    with pytest.raises(NotFoundError) as refused:
        resolve_in(apps, "co")
    said = str(refused.value)
    assert said.count("(Co ") == 5
    assert said.endswith(" and 10 more; give more characters"), said


def test_five_matches_or_fewer_are_all_named_with_no_count():
    apps = [make_app(f"Co {n}", id=f"id-{n:02}") for n in range(5)]
    with pytest.raises(NotFoundError) as refused:
        resolve_in(apps, "co")
    said = str(refused.value)
    assert said.count("(Co ") == 5 and " more;" not in said


def test_two_cards_of_one_company_are_told_apart_by_their_id():
    """Review T2 10: more characters of a name two cards share cannot tell them apart; their ids can."""
    apps = [make_app("Emoji 🚀 Inc", id="96dd0000"), make_app("Emoji 🚀 Inc", id="a1b20000")]
    with pytest.raises(NotFoundError) as refused:
        resolve_in(apps, "emoji")
    said = str(refused.value)
    assert said.endswith("; give the id (or its first characters)") and "96dd" in said and "a1b2" in said


def test_a_company_named_whole_that_starts_another_cards_id_is_told_apart_by_its_id():
    """Fuzz fz2 5: a company called "86882" beside a card whose id starts 86882 was refused with "give
    more characters", which no more of the name could ever follow."""
    apps = [make_app("Beta", id="86882b3c"), make_app("86882", id="3f12e5b4")]
    with pytest.raises(NotFoundError) as refused:
        resolve_in(apps, "86882")
    said = str(refused.value)
    assert said.endswith("; give the id (or its first characters)"), said
    assert resolve_in(apps, "3f1").company == "86882" and resolve_in(apps, "86882b").company == "Beta"


def test_a_whole_id_two_records_share_is_refused_in_words():
    """Read-through rv1 3: the whole-name check read a name worked out only when no id matched whole (a
    NameError traceback where the file held one id twice)."""
    apps = [make_app("Acme", id="86882b3c"), make_app("Beta", id="86882b3c")]
    with pytest.raises(NotFoundError, match="is ambiguous"):
        resolve_in(apps, "86882b3c")
