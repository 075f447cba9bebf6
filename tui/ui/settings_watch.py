"""config.toml changed while the board is open: the board takes the new settings.

`followup config work_hours 08:00-16:00` in another pane, or the file edited by
hand, used to reach the board only at its next start: deadlines stayed in the
old working hours, the old zone, the old follow-up wait. The file is looked at
(a stat) on the board's poll; a change that reads is applied to the cards and
the sidebar at once, and to a detail screen open on them, and said; one that does
not read is said once, and the board keeps the settings it had. A letter already
open keeps the draft it was opened with (the user may have written in it).

A mixin of FollowupApp (tui/ui/app.py), which holds `settings` and the board.
"""

from __future__ import annotations

import os
from pathlib import Path

from tui.core.errors import ValidationError
from tui.core.settings import Settings, load_settings
from tui.store.store import config_path

Stamp = tuple[int, int, int] | None  # (inode, size, mtime in ns) of config.toml; None while there is none


def _stamp(path: Path) -> Stamp:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns


class SettingsWatch:
    settings: Settings
    _config_seen: Stamp = None

    def remember_config(self) -> None:
        """The file as it is now: what the settings the board started with were read from."""
        self._config_seen = _stamp(config_path())

    def check_config(self) -> bool:
        """Take config.toml's settings if the file changed since it was last looked at; True if applied."""
        path = config_path()
        stamp = _stamp(path)
        if stamp == self._config_seen:
            return False
        self._config_seen = stamp
        warnings: list[str] = []
        try:
            settings = load_settings(path, warnings=warnings)
            _ = settings.zone  # an emptied timezone falls to TZ, which may name no zone (it ended the board: rv1 2)
        except ValidationError as exc:
            self.notify(f"{exc}. The board keeps the settings it had until the file reads.",  # type: ignore[attr-defined]
                        severity="error", timeout=20, markup=False)
            return False
        for line in warnings:
            self.notify(line, severity="warning", timeout=10, markup=False)  # type: ignore[attr-defined]
        changed = [name for name in Settings._fields if getattr(settings, name) != getattr(self.settings, name)]
        if not changed:
            return False
        self.apply_settings(settings)
        verb = "applies" if len(changed) == 1 else "apply"
        said = (f"{path.name} changed: {', '.join(changed)} now {verb} to the board." if stamp is not None
                else f"{path.name} is gone: the defaults of {', '.join(changed)} now {verb} to the board.")
        self.notify(said, timeout=8, markup=False)  # type: ignore[attr-defined]
        return True

    def apply_settings(self, settings: Settings) -> None:
        if settings.theme != self.settings.theme:  # said as applied: it is (review R9 4)
            self.take_theme(settings.theme)  # type: ignore[attr-defined]
        self.settings = settings
        self.changelog.settings = settings  # type: ignore[attr-defined]
        for screen in self.screen_stack:  # type: ignore[attr-defined]
            # the board, and a detail screen open on it (its deadlines, in the new hours or zone); a letter
            # keeps the draft it opened with, which may hold the user's own words
            if hasattr(screen, "settings_changed"):
                screen.settings_changed()
