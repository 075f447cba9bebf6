"""What kind of direction a recruiter's words read as: "don't call before Monday" is a quiet period, not a
task due Monday (review R2 #1). The new-direction form picks the kind from them until the user picks one
by hand; a form only suggests, so a phrase missed here costs a keypress, and one read wrongly is seen and
changed before saving.

The two mistakes do not cost the same: a task read as quiet loses its deadline and marks the card quiet
(review R7 #1), a quiet period read as a task stays a do-by the user switches with ←/→. So when a sentence
both bans contact and, after the ban, asks for something to be done ("don't call, email us within two
days", "wait a day, then send your references"), it is a task."""

from __future__ import annotations

import re

from tui.core.stages import DirectionKind

# Reaching the company: the verbs a ban on contact forbids ("don't email them before …").
_CONTACT = (r"(?:call|ring|phone|contact|e-?mail|mail|write|message|text|ping|reach|chase|nudge|follow|"
            r"bother|send|check|get in touch|touch base)\w*")
# A ban: "don't", "never", "no need to", the advice's "refrain from", "avoid", "we ask that you not".
_NO = (r"(?:don[’']?t|do not|never|no|refrain\s+from|avoid"
       r"|(?:ask|request|prefer)\w*\s+(?:that\s+)?(?:you\s+)?not)")
_REMINDER = r"(?:forget|miss|fail|hesitate|delay|leave it)"  # "don't forget to send … before": a to-do
_UNTIL = r"(?:before|until|till|til)"
_CLAUSE = r"[^.;!?]*?"  # the rest of one clause: "don't call. Send refs before Friday" is not a ban

# A stretch of time: "a week", "one week", "a couple of days", "10 working days".
_SPAN = (r"(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|a\s+couple(?:\s+of)?|\d+)"
         r"(?:\s+more)?(?:\s+(?:full|business|working|calendar))?\s+(?:days?|weeks?|months?)")
_UP_TO = r"(?:(?:up\s+to|at\s+least|another)\s+)?"
# What makes a ban on contact last a while: "… before Friday", "… for a week", "… unless you haven't
# heard from us", "… within the next two weeks". A ban with none of these ("don't call the office, use
# e-mail") is no quiet period.
_LASTING = (rf"(?:\b{_UNTIL}\b|\bunless\b{_CLAUSE}\bhear"
            rf"|\b(?:for|within|in)\s+{_UP_TO}(?:the\s+)?(?:next\s+)?{_SPAN}\b)")
# When they will be back: "within two weeks", "in a week", "next week", "by Friday".
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_SOON = (rf"(?:\b(?:within|in|over)\s+{_UP_TO}(?:the\s+)?(?:next\s+)?{_SPAN}\b"
         rf"|\bnext\s+(?:week|month|{_WEEKDAY})\b|\b{_UNTIL}\b|\bby\b)")
# Waiting, said without a ban: "wait", "hold off", "sit tight", "be patient".
_WAIT = r"(?<!n[’']t )(?<!not )\b(?:wait|hold\s+off|sit\s+tight|hang\s+tight|be\s+patient)"
# They will come back to you: "we'll be in touch", "we'll get back to you", "we'll reach out".
_THEY_WILL = (r"\b(?:we|they|i|someone|the\s+(?:team|hiring\s+manager|recruiter))"
              r"(?:[’']ll|\s+will|\s+should|\s+(?:hope|aim|plan|expect)\s+to)\s+"
              r"(?:be\s+(?:back\s+)?in\s+touch|get\s+(?:back|in\s+touch)|reach\s+out|come\s+back|respond|reply"
              r"|let\s+you\s+know|update\s+you|(?:contact|call|e-?mail|write\s+to)\s+you"
              r"|have\s+(?:an?\s+)?(?:news|answer|decision|update|feedback))")
# What a span given to them is for, when they are not named ("allow two weeks for feedback"): not
# "allow two days for the background check form", a task with a margin.
_HEARING = (r"(?:feedback|news|an?\s+(?:response|reply|answer|decision|update)"
            r"|(?:our|their|a)\s+(?:response|reply|answer|decision|feedback)|us|them|the\s+team"
            r"|the\s+(?:hiring\s+)?(?:manager|process|review|decision)|processing|review)")

_QUIET = re.compile(
    rf"\b{_NO}(?!\s+{_REMINDER}\b)(?:\s+\w+){{0,2}}?\s+{_CONTACT}\b{_CLAUSE}{_LASTING}"  # don't call … before
    rf"|\bnot\s+(?:to\s+)?be\s+{_CONTACT}\b{_CLAUSE}{_LASTING}"  # asked not to be contacted unless …
    rf"|\bnot\s+{_UNTIL}\b"  # not before Friday, not until the 8th
    rf"|{_WAIT}\b{_CLAUSE}\b{_UNTIL}\b"  # wait until … (not "don't wait until")
    rf"|{_WAIT}\s+(?:for\s+)?{_UP_TO}{_SPAN}\b"  # wait a week, be patient for a couple of weeks
    # give us a week; not "give us a week's notice", a task
    rf"|\b(?:give|allow)\s+(?:us|them|me|him|her|it|the\s+team)\s+{_UP_TO}{_SPAN}\b(?![’']|\s+notice)"
    rf"|\b(?:give|allow)\s+{_UP_TO}{_SPAN}\b(?![’'])(?=\s*(?:$|[,.;!?…]|for\s+{_HEARING}\b|{_UNTIL}\b))"
    rf"|{_THEY_WILL}(?:\s+\w+){{0,3}}?\s*{_SOON}"  # we'll get back to you in a week
    rf"|\b(?:expect\s+to|should|will|[’']ll)\s+hear\s+(?:back\s+)?(?:from\s+\w+\s+)?{_SOON}"  # hear back …
    rf"|\bexpect\s+(?:an?\s+|our\s+|their\s+)?(?:answer|decision|feedback|response|reply|news|update)\s+{_SOON}"
    r"|\bonly\s+(?:\w+\s+){0,3}?after\b",  # only call after Monday
    re.IGNORECASE,
)

# After a ban, a turn to something to do: ", send …", "but do call …", "then send …", "and send …".
_TURN = re.compile(r",|\bbut\b|\bthen\b|\band\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_FILLER = {"but", "and", "then", "so", "instead", "rather", "also", "please", "kindly", "just", "do", "now"}
# Asking for something to be done: only these make the words after a turn a task ("hold off on emails and
# calls" and "…, still interviewing" are none: review R9 1).
_DOING = set("""send call email e-mail mail write reply respond ring phone text message contact reach ping fill
complete submit sign return book schedule reschedule share provide prepare bring upload forward let tell confirm
give check get make read review attach apply update ask follow use go try drop see look add include come join
register pick choose arrange set take finish accept decline note remember mention chase nudge loop cc copy
introduce pay post print scan move plan have keep""".split())


def _asks_to_do(rest: str) -> bool:
    """Whether `rest` (the sentence from the ban on) turns to something for the user to do."""
    for turn in _TURN.finditer(rest):
        at = turn.end()
        for word in _WORD.finditer(rest, at):
            if rest[at:word.start()].strip(" \t\n,"):  # other punctuation between: no plain next word
                break
            at = word.end()
            base = re.split("[’']", word.group(0).lower())[0]
            if base in _FILLER:
                continue
            # only a verb known to ask for something: a reason after a comma ("…, still interviewing",
            # "…, budget approval pending") is no task, and read as one it turned a ban into a do-by (R9 1)
            return base in _DOING
    return False


def _opens_with_a_task(before: str) -> bool:
    """Whether the sentence, before the ban, opens by asking for something ("Send your references and
    we'll get back to you in a week"). Not "Have a great weekend, we'll be in touch next week"."""
    for word in _WORD.finditer(before):
        base = re.split("[’']", word.group(0).lower())[0]
        if base not in _FILLER:
            return base in _DOING and base != "have"
    return False


_END = re.compile(r"[.;!?]")


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    ends_before = [found.end() for found in _END.finditer(text, 0, start)]
    after = _END.search(text, end)
    return (ends_before[-1] if ends_before else 0), (after.start() if after else len(text))


def kind_in_words(text: str) -> DirectionKind:
    """The kind `text` reads as: a quiet period when it bans contact before a date or for a while ("don't
    contact us unless you haven't heard anything in one week", "give us a week", "we'll be in touch within
    two weeks") and asks for nothing after the ban; else a do-by."""
    for ban in _QUIET.finditer(text):
        first, last = _sentence_around(text, ban.start(), ban.end())
        if not _opens_with_a_task(text[first:ban.start()]) and not _asks_to_do(text[ban.start():last]):
            return DirectionKind.NOT_BEFORE
    return DirectionKind.DO_BY


# They said when they decide: "we'll decide by Friday", "decision by the 8th", "a decision next week".
_DECIDES = re.compile(
    rf"\b(?:decid\w*|decision|verdict|let\s+you\s+know|get\s+back\s+to\s+you|hear\s+back)"
    rf"(?:\s+[\w’']+){{0,4}}?\s+(?:by|before|on|until|till|next|within|in\s+(?:the\s+next\s+)?{_SPAN}"
    r"|(?:at\s+)?the\s+end\s+of)\b",
    re.IGNORECASE,
)


# Whose decision it is: theirs ("we'll decide", "the team decides", "a decision", "you'll hear back"), not
# the user's ("let us know your decision on the offer by Friday", "decide on a start date", "hear back from
# your referees": review R9 3).
_THEIRS = re.compile(r"\b(?:we|we[’']ll|they|they[’']ll|our|their|the\s+(?:team|company|panel|committee|client"
                     r"|hiring\s+manager)|expect|you[’']ll\s+hear)\b", re.IGNORECASE)
_YOURS = re.compile(r"\b(?:your\s+(?:decision|answer)|let\s+us\s+know|from\s+your)\b", re.IGNORECASE)
_BARE_DECISION = re.compile(r"\s*(?:a\s+|the\s+|final\s+)*decision\b", re.IGNORECASE)


def decision_date_in_words(text: str) -> bool:
    """Whether `text` says when THEY will decide: a quiet period alone then makes the follow-up due the
    morning of that day (review R8 #1), where the card's "Decision by" waits a business day past it."""
    for found in _DECIDES.finditer(text):
        first, _last = _sentence_around(text, found.start(), found.end())
        said = text[first:found.end()]
        if _YOURS.search(said):
            continue
        bare = _BARE_DECISION.match(text, first)  # "Decision by the 8th": a note of theirs, no one named
        if _THEIRS.search(said) or (bare is not None and bare.end() >= found.start()):
            return True
    return False
