"""The `notify_command` channel: the user's own command gets each reminder on standard input.

One process per reminder, so a script can forward each as it comes (a phone
push service is one `curl` away: no dependency per service). The reminder's
first line is also in $FOLLOWUP_REMINDER, for commands that take it as an argument.
"""

from __future__ import annotations

import os
import subprocess
from typing import Callable, Sequence

from tui.core.remind import Reminder
from tui.notify import ChannelError

TIMEOUT_SECONDS = 60


class CommandChannel:
    name = "command"

    def __init__(self, command: str) -> None:
        self.command = command

    def send(self, reminders: Sequence[Reminder], delivered: Callable[[Reminder], None]) -> None:
        for reminder in reminders:
            try:
                done = subprocess.run(
                    self.command, shell=True, input=reminder.body, text=True, capture_output=True,
                    timeout=TIMEOUT_SECONDS, env={**os.environ, "FOLLOWUP_REMINDER": reminder.text},
                )
            except subprocess.TimeoutExpired:
                raise ChannelError(f"command: {self.command!r} took over {TIMEOUT_SECONDS} s and was stopped") from None
            except OSError as exc:
                raise ChannelError(f"command: {self.command!r} could not be started ({exc.strerror or exc})") from None
            if done.returncode != 0:
                said = (done.stderr or done.stdout).strip().splitlines()
                detail = f": {said[-1][:160]}" if said else ""
                raise ChannelError(f"command: {self.command!r} exited with status {done.returncode}{detail}")
            delivered(reminder)
