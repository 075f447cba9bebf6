"""Signals for the board app: SIGTERM and SIGINT quit cleanly, SIGHUP (the terminal is gone) saves and leaves.

A mixin for FollowupApp, which provides `close_writes`, `rescued`, `writer`,
`action_quit`, `_leaving` and `_hard_exit`.

Keys typed just before SIGTERM or SIGINT may still wait in the terminal's
input buffer, or be read but not yet handled by the widget they go to. Both
are part of what the user typed, so the app first lets the driver read the
buffer dry, then lets the keys travel app → screen → focused widget, and only
then saves and quits. On a hang-up the kernel has already thrown the unread
input away: only what was read counts, and the app leaves at once.
"""

from __future__ import annotations

import asyncio
import fcntl
import signal
import struct
import sys
import termios
import time

INPUT_DRAIN_SECONDS = 1.0  # the longest a signal waits for the terminal's unread keys
INPUT_QUIET_SECONDS = 0.05  # no new key for this long: the driver has posted all it read


class SignalHandling:
    keys_seen = 0  # key events that reached the app (FollowupApp.on_event counts them)

    def install_signal_handlers(self) -> None:
        """SIGTERM saves what is pending and quits; SIGHUP (the terminal is gone) saves and leaves.

        Also guards Textual's SIGCONT handler: a hang-up sends SIGHUP and then
        SIGCONT, and Textual would re-enter application mode on a terminal that
        no longer exists (and can hang there). SIGCONT now only resumes after
        a real suspend (ctrl+z).
        """
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
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
        elif not self._leaving:
            self.run_worker(self._quit_after_typed_keys(), group="signal", exclusive=True)

    async def _quit_after_typed_keys(self) -> None:
        """Handle every key the user typed before the signal, then quit (see the module's docstring)."""
        await self._wait_for_input_to_settle()
        await self._after_queued_keys()
        await self.action_quit()

    async def _wait_for_input_to_settle(self) -> None:
        """Until the terminal has nothing unread and no key has reached the app for a moment.

        The driver's thread reads the terminal and posts each key; while the
        event loop is busy with the first keys, that thread may not have
        posted the last ones yet, so an empty input buffer alone is not enough.
        """
        deadline = time.monotonic() + INPUT_DRAIN_SECONDS
        seen, quiet_since = self.keys_seen, time.monotonic()
        while time.monotonic() < deadline:
            now = time.monotonic()
            if unread_input_bytes() or self.keys_seen != seen:
                seen, quiet_since = self.keys_seen, now
            elif now - quiet_since >= INPUT_QUIET_SECONDS:
                return
            await asyncio.sleep(0.005)

    async def _after_queued_keys(self) -> None:
        """Return once the key events already posted have reached the focused widget and been handled.

        Each hop's queue is first-in first-out: a callback queued on the app
        runs after the keys the app had, which it forwarded to the screen; one
        queued then on the screen runs after those, and so on to the widget.
        """
        for pump in (self, self.screen, self.screen.focused):
            if pump is None:
                continue
            done = asyncio.get_running_loop().create_future()
            pump.call_later(lambda done=done: done.done() or done.set_result(None))
            try:
                await asyncio.wait_for(done, timeout=1.0)
            except asyncio.TimeoutError:
                return

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


def unread_input_bytes() -> int:
    """How many bytes wait unread on the terminal's input; 0 when it is not a terminal."""
    try:
        raw = fcntl.ioctl(sys.__stdin__.fileno(), termios.FIONREAD, b"\0\0\0\0")
    except (OSError, ValueError, AttributeError):
        return 0
    return int(struct.unpack("i", raw)[0])
