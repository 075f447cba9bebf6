"""Leaving the board without losing a word: q, ctrl+c, SIGTERM, SIGINT and SIGHUP.

A mixin for FollowupApp, which provides `writer`, `changelog`, `rescued`,
`store`, `demo`, `_leaving` and `_hard_exit`.

`flush_pending()` asks every screen on the stack that has a
`flush_pending()` method (the detail screen keeps typed-but-unsaved notes) to
apply it, synchronously, through `apply_change`. It runs on q, ctrl+c and
ctrl+q, and on SIGTERM and SIGHUP (the handlers below, installed by `run_board`);
then the app waits for the writer to finish every write and exits cleanly
(after SIGHUP without touching the terminal, which is gone). Text the file
refused goes to a rescue file, named on standard error, and so does text that
is never stored on the way out: an edited letter, and what was typed into a
form that was not saved (each screen's `unsaved_texts()`).

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
import shutil
import signal
import struct
import sys
import termios
import time

from tui.ui.rescue import Unsaved, keep_rescued

INPUT_DRAIN_SECONDS = 1.0  # the longest a signal waits for the terminal's unread keys
INPUT_QUIET_SECONDS = 0.05  # no new key for this long: the driver has posted all it read


class Leaving:
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
            self._leaving = True
            self.run_worker(self._quit_after_typed_keys(settle_input=True), group="leaving", exclusive=True)

    async def action_quit(self) -> None:
        """q, ctrl+q, ctrl+c. On a worker: this runs inside the app's handling of the key, and the keys
        typed before it (` more` then ctrl+c, in one burst) wait behind it on their way to the editor."""
        if self._leaving:
            return
        self._leaving = True
        self.run_worker(self._quit_after_typed_keys(settle_input=False), group="leaving", exclusive=True)

    async def _quit_after_typed_keys(self, settle_input: bool) -> None:
        """Handle every key the user typed before the signal or the quit key, then save and quit
        (see the module's docstring); a signal also waits for keys still unread on the terminal."""
        if settle_input:
            await self._wait_for_input_to_settle()
        await self._after_queued_keys()
        if self._release_small_screen():  # keys kept while the window was too small go in first
            await self._after_queued_keys()
        before = self.failure_count()
        pending = self.unsaved_texts()
        self.flush_pending()
        code = await asyncio.to_thread(self.close_writes, 15.0, pending, before)
        self.exit(code, return_code=code)  # run_board prints `rescued` once the terminal is back

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
        if self.demo:  # its throw-away folder (tui/main.py) is deleted on the way out, which this skips
            shutil.rmtree(self.store.path.parent, ignore_errors=True)
        self._hard_exit(code)

    def _release_small_screen(self) -> bool:
        """FollowupApp's: closes the 'Make the window larger' screen, handing on the keys it kept."""
        return False

    # --- what is typed, saved or rescued ---------------------------------
    def flush_pending(self) -> None:
        """Let every screen that holds unsaved input (e.g. typed notes) apply it now."""
        for screen in list(self.screen_stack):
            flush = getattr(screen, "flush_pending", None)
            if callable(flush):
                try:
                    flush()
                except Exception as exc:  # one screen's trouble must not lose the others' input
                    self.notify(f"Could not keep what was typed: {exc}", severity="error")

    def on_unmount(self) -> None:
        """However the app ends (q, app.exit(), a test finishing): finish the writes."""
        if self.writer is not None:
            self.writer.close(15.0)

    def unsaved_texts(self) -> list[Unsaved]:
        """Typed text any screen holds that the file may not have yet."""
        found: list[Unsaved] = []
        for screen in self.screen_stack:
            collect = getattr(screen, "unsaved_texts", None)
            if callable(collect):
                found += collect()
        return found

    def failure_count(self) -> int:
        """How many writes the writer has seen refused so far: what a later count is compared with."""
        return len(self.writer.failures) if self.writer is not None else 0

    def close_writes(self, timeout: float = 15.0, pending: list[Unsaved] | None = None,
                     failures_before: int | None = None) -> int:
        """Save what is pending, wait for the writer, and keep in rescue files whatever the file refused.

        Returns the exit code: 0, or 1 when some text went to a rescue file
        in this session (each named on standard error) or writes were still running. Quitting,
        SIGTERM and SIGHUP all end here. The editors are read and flushed on
        the event loop's thread (reading a TextArea while the loop handles
        a key into it would race); a caller that already did so passes the
        `pending` it found and the `failure_count()` from before its flush
        (a fast writer may refuse the flushed text before this even starts),
        and may then run this on another thread.
        """
        if pending is None:
            failures_before = self.failure_count()
            pending = self.unsaved_texts()
            self.flush_pending()
        before = failures_before if failures_before is not None else self.failure_count()
        done = self.writer.close(timeout) if self.writer is not None else True
        failures = self.writer.failures[before:] if self.writer is not None else []
        refused: set[str] = set()
        for failure in failures:
            refused |= self.changelog.write_failed(failure.seq)
        reason = str(failures[0].error).split(": not saved: ")[-1] if failures else "still being written"
        for text in pending:
            if not text.stored or text.app_id in refused or not done:
                keep_rescued(self.rescued, text, reason if text.stored else text.why_not_stored)
        if not done and not self.rescued:
            self.rescued.append("followup: some changes were still being written when the board closed")
        return 1 if self.rescued else 0  # also for text rescued earlier (notes the file refused)


def unread_input_bytes() -> int:
    """How many bytes wait unread on the terminal's input; 0 when it is not a terminal."""
    try:
        raw = fcntl.ioctl(sys.__stdin__.fileno(), termios.FIONREAD, b"\0\0\0\0")
    except (OSError, ValueError, AttributeError):
        return 0
    return int(struct.unpack("i", raw)[0])
