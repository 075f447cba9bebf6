"""The kind guessed from a recruiter's words: the common ways of asking for quiet read as a quiet period,
the advice's own example among them (review R5 #3), and tasks with "before", "until" or "don't" in them
stay do-bys. Table-driven: each row is a sentence a recruiter says."""

from __future__ import annotations

import pytest

from tui.core.direction_words import kind_in_words
from tui.core.stages import DirectionKind

QUIET = [
    "don't contact us unless you haven't heard anything in one week",  # the advice's point 2
    "ask not to be contacted unless you haven't heard anything in one week",
    "please don't contact us for a week",
    "Please do not call for two weeks",
    "don't chase us within the next 10 working days",
    "give us a week before you follow up",
    "Give them a couple of days",
    "allow at least five business days",
    "no need to follow up before Friday",
    "we'll be in touch, please wait until Monday",
    "we'll be in touch, please wait until…",
    "please wait a week before following up",
    "hold off on emails or phone calls until the one week is up",
    "never email the hiring manager unless you have not heard back",
    # what was read before, still read
    "don't call before Monday", "Don’t email them until Friday", "not before Friday", "only call after Monday",
]

TASKS = [
    "don't forget to send references by Friday",
    "don't forget to send references before the call",
    "send references before the call",
    "send references by Friday",
    "don't wait until the last minute",
    "don't wait a week to reply",
    "send your references by Tuesday",
    "call Sofia about the start date",
    "call back before Monday",
    "give us a call on Monday",
    "give them two references",
    "email us in two days with a follow up",  # the advice's own do-by: write in two days
    "send supplemental information about your previous employment",
    "don't call the office, use e-mail",
    "",
]


@pytest.mark.parametrize("text", QUIET)
def test_asking_for_quiet_reads_as_a_quiet_period(text):
    assert kind_in_words(text) is DirectionKind.NOT_BEFORE


@pytest.mark.parametrize("text", TASKS)
def test_a_task_stays_a_do_by(text):
    assert kind_in_words(text) is DirectionKind.DO_BY
