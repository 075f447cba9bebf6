"""The letter screen (thank-you, follow-up, rejection and offer replies) and what `f` drafts."""

from tui.ui.letters.drafts import LetterDrafts, letter_kind_for
from tui.ui.letters.screen import LetterScreen

__all__ = ["LetterDrafts", "LetterScreen", "letter_kind_for"]
