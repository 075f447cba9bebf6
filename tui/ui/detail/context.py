"""How the detail screen reaches the running app's data, whichever app hosts it.

The board app keeps its ChangeLog as `changelog` and applies changes through
`apply_change` (which also redraws); a bare host (tests) may offer only a
`changes` ChangeLog. Both are accepted here so the screen depends on neither.
"""

from __future__ import annotations

from textual.app import App

from tui.core.errors import FollowupError


def change_log(app: App):
    log = getattr(app, "changes", None)
    return log if log is not None else app.changelog


def apply_now(app: App, app_id: str, change, label: str) -> None:
    """Apply a change synchronously, not through the message queue; FollowupError if refused."""
    apply_change = getattr(app, "apply_change", None)
    if apply_change is None:
        change_log(app).apply(app_id, change, label)
        return
    if not apply_change(app_id, change, label):  # the app has already said why
        raise FollowupError("the app refused the change")
