"""The domain: applications, stages, deadline rules, settings. No Textual here."""

from tui.core.errors import FollowupError, ValidationError
from tui.core.model import Application, Contact, Direction, Event, Interviewer, Round
from tui.core.settings import Settings, load_settings
from tui.core.stages import STAGES, DirectionKind, LetterKind, Outcome, Stage

__all__ = [
    "Application", "Contact", "Direction", "DirectionKind", "Event", "FollowupError",
    "Interviewer", "LetterKind", "Outcome", "Round", "STAGES", "Settings", "Stage",
    "ValidationError", "load_settings",
]
