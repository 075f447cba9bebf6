"""Getting reminders to the user while the board is closed: the channels, and the timer that runs them.

A channel takes a batch of reminders and calls `delivered` for each one it
got out, so that only those are recorded as sent; it raises ChannelError (a
one-line message that names it) when it cannot go on. The command line
(tui/cli_remind.py) picks the channels with `select` and reports each failure
on one line while the others still send.
"""

from __future__ import annotations

import os
import sys
from typing import Callable, Mapping, Protocol, Sequence

from tui.core.errors import FollowupError
from tui.core.remind import Reminder
from tui.core.settings import Settings


class ChannelError(FollowupError):
    """One channel could not send; the message starts with its name."""


class Channel(Protocol):
    name: str

    def send(self, reminders: Sequence[Reminder], delivered: Callable[[Reminder], None]) -> None: ...


def desktop_session(env: Mapping[str, str], platform: str = sys.platform) -> bool:
    """A desktop that can show notifications: macOS, or an X11 / Wayland session."""
    return platform == "darwin" or bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def email_missing(settings: Settings) -> list[str]:
    """The keys e-mail reminders still need (none: it is configured)."""
    return [key for key in ("smtp_host", "mail_from", "mail_to") if not getattr(settings, key)]


def select(
    settings: Settings, env: Mapping[str, str] | None = None, platform: str = sys.platform
) -> tuple[list[Channel], list[str]]:
    """The channels to send on, and one line for each listed channel that cannot be used.

    With `remind_channels` empty, every configured channel is on (PRODUCT):
    the command when notify_command is set, e-mail when the SMTP keys are
    complete, the desktop where a desktop session exists. A listed channel
    that is not configured is a problem, reported like a failure.
    """
    from tui.notify.command import CommandChannel
    from tui.notify.desktop import DesktopChannel, no_desktop
    from tui.notify.mail import MailChannel

    env = os.environ if env is None else env
    listed = settings.remind_channels
    wanted = listed or tuple(name for name, on in (
        ("desktop", desktop_session(env, platform)),
        ("email", not email_missing(settings)),
        ("command", bool(settings.notify_command.strip())),
    ) if on)
    channels: list[Channel] = []
    problems: list[str] = []
    for name in dict.fromkeys(wanted):
        if name == "command":
            if settings.notify_command.strip():
                channels.append(CommandChannel(settings.notify_command))
            else:
                problems.append("command: notify_command is not set; set it with: followup config notify_command CMD")
        elif name == "email":
            missing = email_missing(settings)
            if missing:
                problems.append(f"email: not configured ({', '.join(missing)} not set); "
                                "set them with: followup config KEY VALUE")
            else:
                channels.append(MailChannel(settings, env))
        elif name == "desktop":
            if desktop_session(env, platform):
                channels.append(DesktopChannel(platform))
            else:
                problems.append(no_desktop())
    return channels, problems
