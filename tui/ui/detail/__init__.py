"""The application detail screen (issue 5): notes, rounds, directions, outcome, history."""

from tui.ui.detail.screen import DetailScreen

__all__ = ["DetailScreen"]
