"""The whole post-interview routine of the advice, from the shell alone, as real processes.

Three processes; two interviewers with different topics; "two references by
Friday"; "don't contact us before the 10th"; a new round after two follow-ups;
a reply; a rejection. Every letter it ends with has no gaps.
"""

import json

import pytest

from cli_helpers import NOW, followup_process, process_env

pytestmark = pytest.mark.slow


@pytest.fixture
def shell(tmp_path):
    env = process_env(tmp_path, FOLLOWUP_DB=str(tmp_path / "f.json"))

    def followup(*argv, at=NOW, code=0):
        result = followup_process(dict(env, FOLLOWUP_NOW=at), *argv)
        assert result.returncode == code, (argv, result.stdout, result.stderr)
        return result.stdout

    return followup


def letter_without_gaps(followup, *argv, at):
    text = followup("letter", *argv, at=at)
    assert "?]" not in text and "[" not in text.split("\n", 1)[1], text
    return text


def test_the_advice_from_the_shell(shell):
    followup = shell
    followup("config", "name", "Alex Doe")
    followup("config", "signature", "Alex Doe")
    followup("config", "pitch", "eight years of running payment systems")
    acme = followup("add", "Acme", "--role", "SRE", "--at", "today 10:00", "-q",
                    "--interviewer", "Dana Kim <dana@acme.example>", "--interviewer", "Lee Park <lee@acme.example>",
                    "--round", "Onsite").strip()
    globex = followup("add", "Globex", "--role", "Platform engineer", "--at", "yesterday 15:00", "-q",
                      "--interviewer", "Sam Roe <sam@globex.example>").strip()
    initech = followup("add", "Initech", "--role", "Backend engineer", "--at", "mon 11:00", "-q",
                       "--interviewer", "Pat Lu <pat@initech.example>").strip()
    assert len({acme, globex, initech}) == 3

    # two interviewers, two different topics: two different notes, each without gaps
    followup("interviewer", acme, "Dana Kim", "--topic", "their move to event sourcing")
    followup("interviewer", acme, "Lee Park", "--topic", "on-call without burnout")
    dana = letter_without_gaps(followup, acme, "thank-you", "--interviewer", "Dana", "--mark-sent",
                               at="2026-11-25T15:00:00Z")
    lee = letter_without_gaps(followup, acme, "thank-you", "--interviewer", "Lee", "--mark-sent",
                              at="2026-11-25T15:05:00Z")
    assert "event sourcing" in dana and "on-call without burnout" in lee
    assert json.loads(followup("show", acme, "--json"))["stage"] == "thanked"

    # the recruiter's directions: two references by Friday, then quiet until the 10th
    followup("direction", acme, "send two references", "--by", "fri 12:00", at="2026-11-25T16:00:00Z")
    followup("direction", acme, "no contact please", "--not-before", "dec 10", at="2026-11-25T16:00:00Z")
    due = followup("due", "--within", "3", at="2026-11-26T08:00:00Z")
    assert "send two references — Acme" in due
    followup("direction", acme, "--done", "1", at="2026-11-26T09:00:00Z")
    shown = followup("show", acme, at="2026-11-26T09:00:00Z")
    assert "quiet" in shown and "Thu 10 Dec" in shown and "awaiting" in shown

    # two follow-ups after the quiet period, then a new round restarts the count
    first = letter_without_gaps(followup, acme, "follow-up", "--mark-sent", at="2026-12-10T09:00:00Z")
    assert "SRE" in first  # (the pitch in the letter is the letters branch's)
    letter_without_gaps(followup, acme, "follow-up", "--mark-sent", at="2026-12-17T09:00:00Z")
    assert json.loads(followup("show", acme, "--json", at="2026-12-17T10:00:00Z"))["stage"] == "followed-up"
    followup("round", acme, "--at", "today 10:00", "--name", "Final", "--interviewer", "Ana Ruiz <ana@acme.example>",
             at="2026-12-18T12:00:00Z")
    followup("interviewer", acme, "Ana Ruiz", "--topic", "the team's roadmap", at="2026-12-18T12:00:00Z")
    letter_without_gaps(followup, acme, "thank-you", "--interviewer", "Ana", "--mark-sent", at="2026-12-18T14:00:00Z")

    # a reply, then a rejection, answered graciously
    followup("reply", acme, "--at", "today 11:00", "--note", "decision next week", at="2026-12-21T12:00:00Z")
    assert json.loads(followup("show", acme, "--json", at="2026-12-21T12:00:00Z"))["stage"] == "awaiting"
    followup("close", acme, "rejected", "--at", "today 10:00", at="2026-12-23T12:00:00Z")
    reply = letter_without_gaps(followup, acme, "rejection-reply", "--mark-sent", at="2026-12-23T13:00:00Z")
    assert "Alex Doe" in reply

    history = json.loads(followup("show", acme, "--json", at="2026-12-23T13:00:00Z"))["history"]
    texts = [event["text"] for event in history]
    for needle in ("Thanked Dana Kim", "Thanked Lee Park", "Done: send two references", "They replied",
                   "Outcome: rejected"):
        assert any(needle in text for text in texts), (needle, texts)
    listed = {row["company"]: row["stage"] for row in json.loads(followup("list", "--json", at="2026-12-23T13:00:00Z"))}
    assert listed == {"Acme": "closed", "Globex": listed["Globex"], "Initech": listed["Initech"]}
