"""The kind guessed from a recruiter's words: the common ways of asking for quiet read as a quiet period,
the advice's own example among them (review R5 #3), and tasks with "before", "until" or "don't" in them
stay do-bys. A sentence that bans contact and then asks for something to be done is a task (review R7 #1):
read as quiet, the task would lose its deadline. Table-driven: each row is a sentence a recruiter says."""

from __future__ import annotations

import pytest

from tui.core.direction_words import decision_date_in_words, kind_in_words
from tui.core.stages import DirectionKind

QUIET = [
    # a reason after the comma is no task (review R9 1: an unknown word there was taken for a verb)
    "Please don't call before the 8th, really busy week",
    "Please don't email until Friday, interviews still ongoing",
    "Hold off until the 12th, budget approval pending",
    "Please wait until Monday, feedback is being collected",
    "Don't follow up before Friday, references are being checked",
    "No need to chase before the 4th, still interviewing",
    "Don't contact us until next week, lots going on",
    "Please hold off until next Wednesday, panel is Tuesday",
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
    # review R7 #5: the advice's "refrain"/"avoid", waiting said without a ban, "we'll be back to you"
    "Please refrain from contacting us until December 3",
    "Refrain from following up for at least a week",
    "We ask that you not reach out until Monday",
    "Please avoid contacting the hiring manager directly before next Friday",
    "Sit tight until next Tuesday",
    "We'll be in touch within two weeks, please don't chase",
    "No need to follow up, we'll reach out next week",
    "Allow up to two weeks for feedback",
    "Expect to hear back within 5 business days",
    "Please be patient for a couple of weeks",
    "we'll get back to you in a week",
    # review R8 #1's words (the form also points to the card's Decision by)
    "we'll decide by Friday, please don't contact us before then",
    # a clause after the ban that asks nothing of the user keeps it quiet
    "Please don't contact us until December 3, we'll reach out",
    "don't call before Monday, thanks",
    "Don't call or email us until Monday",
    "hold off on emails and calls until Monday",
    "Please don't contact Dana, Sam or Lee before Monday",
    "Please don't contact us, we'll be in touch within two weeks",
    "don't contact us before then, as we're still interviewing",
    "Give us two weeks, we're interviewing",
    "Please give the team two weeks",
    "You'll hear from us next week",
    "We should have an answer within two weeks",
    "Expect a decision within two weeks",
    "Have a great weekend, we'll be in touch next week",
    "Please give it a week before following up",
    "Do not call us; we will call you within 10 days",
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
    # review R7 #1: after the ban or the wait, something to do
    "Don't email the team, but do call Dana within a week",
    "Don't call, email us within two days",
    "Do not contact Dana directly, send your availability in two days",
    "Wait a day, then send your references",
    "Give it a day and then call Dana to book",
    "Allow us a week to review, then send your references",
    "Allow two days for the background check form and send it back",
    "Give us a week's notice of your start date",
    # the same turn said other ways
    "Give us two weeks' notice",
    "Wait a day then send your references",
    "Don't call, use email within a week",
    "Don't call before Monday, but send refs by Friday",  # two things asked: the task is the one to keep
    "we'll email you the form, return it within two days",
    "We'll call you in a week, please have references ready",
    "If you don't hear back within a week, call Dana",
    "Send your references and we'll get back to you in a week",
    "no need to send references, just email Dana within a week",
    "Please avoid typos and send the form within a week",
    "Allow two days for the background check form",  # a margin for a task, not time given to them
    "Allow 30 minutes for the test and submit within a week",
    "Wait for the offer letter, then sign it within 3 days",
    "give her a call in a week",
    "Give us a call in a week",
    "Don't call Dana; email her within two days",
    "Let us know by Friday",
    "Don't hesitate to call within a week",
]


@pytest.mark.parametrize("text", QUIET)
def test_asking_for_quiet_reads_as_a_quiet_period(text):
    assert kind_in_words(text) is DirectionKind.NOT_BEFORE


@pytest.mark.parametrize("text", TASKS)
def test_a_task_stays_a_do_by(text):
    assert kind_in_words(text) is DirectionKind.DO_BY


@pytest.mark.parametrize("text", [
    "we'll decide by Friday, please don't contact us before then",
    "decision by the 8th",
    "Decision by the 8th",
    "we'll have a decision next week",
    "The team decides on Monday",
    "we'll let you know by Friday",
    "expect a decision within two weeks",
])
def test_words_saying_when_they_decide_are_noticed(text):
    """Review R8 #1: the form points these to the card's Decision by."""
    assert decision_date_in_words(text)


@pytest.mark.parametrize("text", [
    "send refs by Friday", "don't call before Monday", "decide whether to send refs", "we'll let you know",
    "we'll decide soon, don't chase in the meantime", "",
    # the user's decision, not theirs (review R9 3)
    "Please let us know your decision on the offer by Friday", "Decide on a start date by Friday and let us know",
    "Hear back from your referees by Friday",
])
def test_no_decision_date_in_other_words(text):
    assert not decision_date_in_words(text)
