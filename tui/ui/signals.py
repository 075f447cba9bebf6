"""Signals for the board app: SIGTERM quits cleanly, SIGHUP (the terminal is gone) saves and leaves.

A mixin for FollowupApp, which provides `close_writes`, `rescued`, `writer`,
`action_quit`, `_leaving` and `_hard_exit`.
"""

from __future__ import annotations

import asyncio
import signal
import sys


class SignalHandling:
    def install_signal_handlers(self) -> None:
        """SIGTERM saves what is pending and quits; SIGHUP (the terminal is gone) saves and leaves.

        Also guards Textual's SIGCONT handler: a hang-up sends SIGHUP and then
        SIGCONT, and Textual would re-enter application mode on a terminal that
        no longer exists (and can hang there). SIGCONT now only resumes after
        a real suspend (ctrl+z).
        """
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGHUP):
            try:
                loop.add_signal_handler(sig, self.on_signal, sig)
            except (NotImplementedError, RuntimeError, ValueError):  # not on this platform
                pass
        if hasattr(signal, "SIGCONT"):
            resume = signal.getsignal(signal.SIGCONT)
            suspend = signal.getsignal(signal.SIGTSTP)
            if callable(resume) and callable(suspend):
                suspended = []

                def on_suspend(signum, frame):
                    suspended.append(True)
                    suspend(signum, frame)

                def on_resume(signum, frame):
                    if suspended:
                        suspended.clear()
                        resume(signum, frame)

                signal.signal(signal.SIGTSTP, on_suspend)
                signal.signal(signal.SIGCONT, on_resume)

    def _redraw_after_resume(self, _app=None) -> None:
        """Back from ctrl+z: the shell drew over the screen, so draw all of it again."""
        for screen in self.screen_stack:
            screen.refresh(layout=True)
        self.refresh(repaint=True, layout=True)

    def on_signal(self, sig: int) -> None:
        if sig == getattr(signal, "SIGHUP", None):
            self.hang_up()
        else:
            self.call_later(self.action_quit)

    def hang_up(self) -> None:
        """The terminal is gone: keep what is pending, finish the writes, leave without drawing."""
        if self._leaving:
            return
        self._leaving = True
        code = self.close_writes(15.0)
        for line in self.rescued:  # standard error may be gone with the terminal: the file is written
            try:
                print(line, file=sys.stderr)
            except OSError:
                pass
        self._hard_exit(code)
