"""How the detail screen reaches the running app's data, whichever app hosts it.

Every host keeps its ChangeLog as `changelog`. The board app applies changes
through `apply_change` (which also redraws); a bare host (tests) may offer only
the ChangeLog. Both are accepted here so the screen depends on neither.
"""

from __future__ import annotations

from textual.app import App

from tui.core.errors import FollowupError


def apply_now(app: App, app_id: str, change, label: str) -> None:
    """Apply a change synchronously, not through the message queue; FollowupError if refused."""
    apply_change = getattr(app, "apply_change", None)
    if apply_change is None:
        app.changelog.apply(app_id, change, label)
        return
    why: list[Exception] = []
    if not apply_change(app_id, change, label, why.append):  # the app has said it on screen too
        raise FollowupError(str(why[0]) if why else "the app refused the change")
