"""Shared pieces for the store tests: sample applications and worker processes."""

from __future__ import annotations

import queue
import subprocess
import sys
import threading
from pathlib import Path

import pendulum

from tui.core.model import Application
from tui.core.parts import Interviewer, Round

WORKER = Path(__file__).with_name("worker.py")
ROUND_AT = pendulum.datetime(2026, 11, 23, 14, tz="UTC")


def make_app(company: str = "Acme", role: str = "Engineer", **fields) -> Application:
    person = Interviewer(name="Dana Kim", email="dana@acme.test", topic="the build system")
    return Application(
        company=company, role=role, created_at=ROUND_AT,
        rounds=[Round(name="Onsite", at=ROUND_AT, interviewers=[person])], **fields,
    )


def folder_bytes(folder: Path) -> dict[str, bytes]:
    """Every file in `folder` with its bytes: to prove nothing was written or added."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


class Worker:
    """A tests/store_helpers/worker.py process whose output is read line by line."""

    def __init__(self, *args: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(WORKER), *args],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1,
        )
        self._lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        for line in self.proc.stdout:
            self._lines.put(line.rstrip("\n"))
        self._lines.put(None)

    def send(self, line: str) -> None:
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def next_line(self, timeout: float = 30.0) -> str:
        try:
            line = self._lines.get(timeout=timeout)
        except queue.Empty:
            self.proc.kill()
            raise AssertionError(f"worker said nothing for {timeout} s") from None
        if line is None:
            raise AssertionError(f"worker ended early: {self.proc.wait()} {self.proc.stderr.read()}")
        return line

    def wait_for(self, prefix: str, seen: list[str] | None = None) -> str:
        """The next line starting with `prefix`; lines before it go to `seen`."""
        while True:
            line = self.next_line()
            if line.startswith(prefix):
                return line
            if seen is not None:
                seen.append(line)

    def finish(self) -> None:
        if self.proc.stdin and not self.proc.stdin.closed:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=30)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
            self.proc.stderr.close()
