"""The application detail screen (issue 5): notes, rounds, directions, outcome, history.

`DetailScreen` is looked up on first use, so that importing one part of the
screen (the app preloads them one at a time, tui/ui/app.py) does not import
all of it at once.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.ui.detail.screen import DetailScreen

__all__ = ["DetailScreen"]


def __getattr__(name: str):
    if name == "DetailScreen":
        from tui.ui.detail.screen import DetailScreen

        return DetailScreen
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
