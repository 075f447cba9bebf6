"""The real program in a pseudo-terminal, for the signal and hang-up tests."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time

from ui_detail_helpers import FROZEN

ESCAPES = re.compile(rb"\x1b(\[[0-9;?<=>]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[=>78DEHMNOZc])")


class Terminal:
    """The master side of a pty: what the program drew so far, as plain text."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.raw = b""

    def read_some(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:  # the child has gone and the pty is closed
            return False
        self.raw += chunk
        return bool(chunk)

    @property
    def text(self) -> str:
        return ESCAPES.sub(b"", self.raw).decode("utf-8", "replace")

    def wait_for(self, needle: str, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while needle not in self.text:
            if time.monotonic() > deadline:
                raise AssertionError(f"{needle!r} never appeared; the screen showed:\n{self.text[-2000:]}")
            self.read_some(0.1)

    def send(self, text: str) -> None:
        os.write(self.fd, text.encode())


def wait_for_exit(pid: int, terminal: Terminal, timeout: float = 20.0) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        terminal.read_some(0.05)  # keep the pty drained so the program can write its goodbye
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    raise AssertionError("the program did not exit after SIGHUP")


def start(db, tmp_path) -> tuple[int, Terminal]:
    env = {
        **os.environ,
        "FOLLOWUP_NOW": FROZEN,
        "TERM": "xterm-256color",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # no user settings
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "VISUAL": "", "EDITOR": "",
    }
    env.pop("TEXTUAL", None)
    pid, fd = pty.fork()
    if pid == 0:  # the child: become the program
        try:
            os.execvpe(sys.executable, [sys.executable, "-m", "tui", "--db", str(db)], env)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    return pid, Terminal(fd)
