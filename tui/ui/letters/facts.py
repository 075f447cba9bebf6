"""What the letters screen says about the letter it shows: its title, whom it goes to and why, its
status, what to know before sending it, and what recording it as sent will do.

Plain functions of the drafts and the letter (no widget), so the screen only puts them in place.
"""

from __future__ import annotations

from tui.core import clock, letter_checks, letters, timefmt
from tui.core.letters import Letter
from tui.core.stages import LetterKind, Stage
from tui.core.text import cell_width
from tui.ui.letters.drafts import LetterDrafts

LONG_LETTER_WORDS = 150
TO_LINE_FRAME = 11  # the cells of the "To" row that are not the recipient: its padding and label (letters.tcss)
TITLES = {
    LetterKind.THANK_YOU: "Thank-you note",
    LetterKind.FOLLOW_UP: "Follow-up letter",
    LetterKind.REJECTION_REPLY: "Reply to the rejection",
    LetterKind.OFFER_REPLY: "Reply to the offer",
}
def gaps_text(letter: Letter) -> str:
    return ", ".join(letters.marker(name) for name in letter.missing)


def title_line(drafts: LetterDrafts, kind: LetterKind) -> str:
    """'Thank-you note 2 of 3 · Acme — Platform engineer'."""
    title = TITLES[kind]
    if drafts.variant:
        title += f" ({drafts.variant.replace('-', ' ')})"
    if drafts.count > 1:
        title += f" {drafts.index + 1} of {drafts.count}"
    application = drafts.application
    return f"{title} · {application.company} — {application.role}"


def to_line(letter: Letter, room: int) -> str:
    """Whom the letter goes to, and why them (recipients.recipient) when the line has room for it."""
    if not letter.to:
        return "(nobody on the card yet: add a recruiter)"
    if not letter.recipient_why:
        return letter.to
    with_why = f"{letter.to} ({letter.recipient_why})"
    if cell_width(with_why) <= room:
        return with_why
    short = f"{letter.recipient_name} ({letter.recipient_why})"  # the address is on the card
    return short if cell_width(short) <= room else letter.to


def status_line(drafts: LetterDrafts, kind: LetterKind, letter: Letter, copied: bool) -> str:
    """Its length, whether it was edited or copied, and whether (and when) it went out."""
    words = letter.word_count
    parts = [f"{words} words" + (f", long: aim for under {LONG_LETTER_WORDS}" if words > LONG_LETTER_WORDS else "")]
    if drafts.edited:
        parts.append("edited")
    if copied:
        parts.append("copied")
    sent = drafts.sent_at()
    zone = drafts.settings.zone
    earlier = drafts.follow_ups_sent() if kind is LetterKind.FOLLOW_UP else []
    if sent is not None:
        parts.append("recorded as sent " + timefmt.at(sent, zone, timefmt.DAY_TIME))
    elif earlier:
        parts.append(f"follow-up #{len(earlier) + 1}, not sent yet (#{len(earlier)} went out "
                     f"{timefmt.at(earlier[-1], zone, timefmt.DAY_TIME)})")
    else:
        parts.append("not sent yet")
    return " · ".join(parts)


def things_to_know(drafts: LetterDrafts, letter: Letter) -> list[str]:
    """What to know before sending it, what weighs most first: a quiet period they asked for, then the
    timing, then its gaps, then a topic another note repeats. At 60x20 only the first lines are in view
    until the area is scrolled: the quiet period, listed after the gaps, was the one out of sight
    (review R8 3)."""
    found = list(letter.warnings)
    timing = drafts.timing()
    if timing:
        found.append(timing)
    if letter.missing:
        found.append(f"Still to fill: {gaps_text(letter)}. Replace each in the text; "
                     "until then, copying or marking it sent asks you first.")
    if "topic" not in letter.missing:  # as the CLI: the gap already says what to write
        for other, ratio in drafts.duplicates():
            found.append(letter_checks.duplicate_warning(letter, other, ratio))
    return found


def consequence(drafts: LetterDrafts, kind: LetterKind, letter: Letter, at=None) -> str:
    """What recording it as sent will do, for the question that asks first."""
    if kind is LetterKind.THANK_YOU:
        return letter_checks.thank_you_consequence(drafts.application, letter, now=clock.now(),
                                                   zone=drafts.settings.zone, at=at)
    if kind is LetterKind.FOLLOW_UP:  # as the card and the toast will say it (review X3 #2)
        number, limit = drafts.application.follow_up_count + 1, drafts.settings.follow_up_limit
        where = ("the card stays in Followed up" if drafts.application.stage is Stage.FOLLOWED_UP
                 else "the card moves to Followed up")
        after = ("that is the last of your limit: without an answer, the card then suggests closing"
                 if number >= limit else "the next one falls due after the usual wait")
        return f"It counts as follow-up #{number} and {where}; {after}."
    if kind is LetterKind.OFFER_REPLY:
        return letter_checks.offer_reply_consequence(letter, drafts.settings.zone, clock.now())
    return "It goes into the card's history as a contact, and its reply deadline is done."
