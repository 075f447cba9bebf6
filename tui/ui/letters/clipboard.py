"""Whether a copy to the clipboard can arrive: inside tmux it often cannot, and the user should know."""

from __future__ import annotations

import os
import subprocess

TMUX_FIX = "add set -g set-clipboard on to ~/.tmux.conf (then: tmux source ~/.tmux.conf)"


def tmux_drops_copies() -> bool:
    """True inside a tmux that ignores an application's clipboard sequence (OSC 52).

    tmux passes it on only with `set-clipboard on`; its default, `external`,
    drops it, and nothing tells the application. Asked each time (a few
    milliseconds), so a user who fixes tmux's setting can copy at once. False
    outside tmux, or when tmux cannot be asked: then the copy is trusted.
    """
    if not os.environ.get("TMUX"):
        return False
    try:
        answer = subprocess.run(["tmux", "show-options", "-gv", "set-clipboard"], capture_output=True, text=True,
                                timeout=2, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return answer.returncode == 0 and answer.stdout.strip() not in ("on", "")
