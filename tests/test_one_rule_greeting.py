"""Greeting names spot a surname's particle one way (greeting._is_particle), with a title or without: the
titled branch had its own test and greeted "Dr. Gerard 't Hooft" as "Dr. Hooft" (review Z 4). A name
that is a title alone is told by greeting.is_title_only, which the letters ask (no copy of its rule)."""

from __future__ import annotations

import pytest

from tui.core.greeting import greeting_name, is_title_only
from tui.core.letters import _greeting


@pytest.mark.parametrize(("name", "greeted"), [
    ("Dr. Gerard 't Hooft", "Dr. 't Hooft"),
    ("Gerard 't Hooft", "Gerard"),
    ("'t Hooft", "'t Hooft"),
    ("Prof. Jan van der Berg", "Prof. van der Berg"),
    ("Dr. Ada Wong Jr.", "Dr. Wong"),
    ("Ms van der Berg", "Ms van der Berg"),  # no given name: every word is the surname (review X2 #3)
    ("Dr. 't Hooft", "Dr. 't Hooft"),
    ("Mr 't Hooft,", "Mr 't Hooft"),
])
def test_a_particle_is_kept_with_the_surname_after_a_title_too(name, greeted):
    assert greeting_name(name) == greeted


def test_a_title_alone_greets_nobody_by_name():
    assert is_title_only("Dr.") and is_title_only("Prof. Dr.") and not is_title_only("Dr. Wong")
    assert not is_title_only("")
    assert (_greeting("Dr."), _greeting("Dr. Ada Wong")) == ("", "Dr. Wong")
