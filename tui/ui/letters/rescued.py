"""Edited letters the screen cannot keep: the user's words go to a rescue file, never silently away.

Two ways a letter leaves while edited: the board closes with it open (the
screen's `unsaved_texts`, rescued as every screen's are), and another process
takes its person off the card while the notes to the others stay open
(`keep_dropped`): the screen goes on, so nothing else would ever say the
words were gone.
"""

from __future__ import annotations

from tui.core.letters import Letter
from tui.ui.card_gone import said_kept
from tui.ui.rescue import Unsaved, keep_rescued

TAKEN_OFF = "its person was taken off the card by another Followup process"


def unsaved(letter: Letter, app_id: str, company: str) -> Unsaved:
    """An edited letter as a text to rescue: a letter is never stored, so only a rescue file keeps it."""
    return Unsaved(app_id, f"the edited {letter.kind.noun} to {letter.recipient_name} ({company})",
                   f"Subject: {letter.subject}\n\n{letter.body}", stored=False,
                   why_not_stored="letters live until they are sent")


def keep_dropped(rescued: list[str], app_id: str, company: str, dropped: list[Letter]) -> tuple[str, str]:
    """Each letter in a rescue file (named again on standard error as the board closes, `rescued`);
    what to tell the user: who was taken off, and where their letters went."""
    kept = []
    for letter in dropped:
        text = unsaved(letter, app_id, company)
        kept.append((text.what, keep_rescued(rescued, text, TAKEN_OFF)))
    names = sorted({letter.recipient_name or company for letter in dropped})
    who = " and ".join(names)
    return f"{who} {'was' if len(names) == 1 else 'were'} taken off {company} by another Followup process.", \
        said_kept(kept)
