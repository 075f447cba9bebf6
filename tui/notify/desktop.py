"""Desktop notifications through the platform's own tool: `notify-send` (libnotify) or `osascript` (macOS).

Why not a library: the maintained Python ones (desktop-notifier, notify2, plyer)
bring a D-Bus stack or an event loop for what one short-lived process does,
and on Linux they need the same notification daemon `notify-send` talks to.
notify-send ships with every desktop that shows notifications (package
libnotify-bin on Debian and Ubuntu, libnotify elsewhere); osascript with macOS.
"""

from __future__ import annotations

import shutil
import subprocess
from typing import Callable, Sequence

from tui.core.remind import OVERDUE, Reminder
from tui.notify import ChannelError

TIMEOUT_SECONDS = 20
TITLE = "Followup"


def no_desktop() -> str:
    return ("desktop: no desktop session here ($DISPLAY and $WAYLAND_DISPLAY are unset); "
            "over SSH or on a server use e-mail or notify_command")


class DesktopChannel:
    name = "desktop"

    def __init__(self, platform: str) -> None:
        self.platform = platform

    def _argv(self, reminder: Reminder) -> list[str]:
        if self.platform == "darwin":
            script = ["-e", "on run argv", "-e",
                      "display notification (item 2 of argv) with title (item 1 of argv)", "-e", "end run"]
            return ["osascript", *script, f"{TITLE}: {reminder.text}", reminder.command]
        urgency = "critical" if reminder.stage == OVERDUE else "normal"
        return ["notify-send", f"--app-name={TITLE}", f"--urgency={urgency}", reminder.text,
                f"Due {reminder.when}.\n{reminder.command}"]

    def send(self, reminders: Sequence[Reminder], delivered: Callable[[Reminder], None]) -> None:
        tool = "osascript" if self.platform == "darwin" else "notify-send"
        if shutil.which(tool) is None:
            hint = "" if tool == "osascript" else " (install libnotify-bin, or libnotify on your system)"
            raise ChannelError(f"desktop: {tool} was not found{hint}; or use e-mail or notify_command")
        for reminder in reminders:
            try:
                done = subprocess.run(self._argv(reminder), capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
            except (OSError, subprocess.TimeoutExpired) as exc:
                raise ChannelError(f"desktop: {tool} failed ({exc})") from None
            if done.returncode != 0:
                said = done.stderr.strip().splitlines()
                raise ChannelError(f"desktop: {tool} exited with status {done.returncode}"
                                   + (f": {said[-1][:160]}" if said else ""))
            delivered(reminder)
