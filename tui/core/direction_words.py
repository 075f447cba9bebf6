"""What kind of direction a recruiter's words read as: "don't call before Monday" is a quiet period, not a
task due Monday (review R2 #1). The new-direction form picks the kind from them until the user picks one
by hand; a form only suggests, so a phrase missed here costs a keypress, and one read wrongly is seen and
changed before saving."""

from __future__ import annotations

import re

from tui.core.stages import DirectionKind

# Reaching the company: the verbs a ban on contact forbids ("don't email them before …").
_CONTACT = (r"(?:call|ring|phone|contact|e-?mail|mail|write|message|text|ping|reach|chase|nudge|follow|"
            r"bother|send|check|get in touch|touch base)\w*")
_NO = r"(?:don[’']?t|do not|never|no)"
_REMINDER = r"(?:forget|miss|fail|hesitate|delay|leave it)"  # "don't forget to send … before": a to-do
_UNTIL = r"(?:before|until|till|til)"
_CLAUSE = r"[^.;!?]*?"  # the rest of one clause: "don't call. Send refs before Friday" is not a ban

# A stretch of time: "a week", "one week", "a couple of days", "10 working days".
_SPAN = (r"(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|a\s+couple(?:\s+of)?|\d+)"
         r"(?:\s+more)?(?:\s+(?:full|business|working|calendar))?\s+(?:days?|weeks?|months?)")
# What makes a ban on contact last a while: "… before Friday", "… for a week", "… unless you haven't
# heard from us", "… within the next two weeks". A ban with none of these ("don't call the office, use
# e-mail") is no quiet period.
_LASTING = (rf"(?:\b{_UNTIL}\b|\bunless\b{_CLAUSE}\bhear"
            rf"|\b(?:for|within|in)\s+(?:at\s+least\s+)?(?:the\s+)?(?:next\s+)?{_SPAN}\b)")

_QUIET = re.compile(
    rf"\b{_NO}(?!\s+{_REMINDER}\b)(?:\s+\w+){{0,2}}?\s+{_CONTACT}\b{_CLAUSE}{_LASTING}"  # don't call … before
    rf"|\bnot\s+(?:to\s+)?be\s+{_CONTACT}\b{_CLAUSE}{_LASTING}"  # asked not to be contacted unless …
    rf"|\bnot\s+{_UNTIL}\b"  # not before Friday, not until the 8th
    rf"|(?<!n[’']t )(?<!not )\b(?:wait|hold off)\b{_CLAUSE}\b{_UNTIL}\b"  # wait until … (not "don't wait until")
    rf"|(?<!n[’']t )(?<!not )\b(?:wait|hold off)\s+(?:for\s+)?(?:at\s+least\s+)?{_SPAN}\b"  # wait a week
    rf"|\b(?:give|allow)\s+(?:(?:us|them|me|him|her|it)\s+)?(?:at\s+least\s+)?{_SPAN}\b"  # give us a week
    r"|\bonly\s+(?:\w+\s+){0,3}?after\b",  # only call after Monday
    re.IGNORECASE,
)


def kind_in_words(text: str) -> DirectionKind:
    """The kind `text` reads as: a quiet period when it bans contact before a date or for a while ("don't
    contact us unless you haven't heard anything in one week", "give us a week"), else a do-by."""
    return DirectionKind.NOT_BEFORE if _QUIET.search(text) else DirectionKind.DO_BY
