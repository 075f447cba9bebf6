"""The two processes bench_board.py times: the board (`board`) and a bare Textual app (`bare`).

    python benchmarks/board_children.py bare|board

Each reports, as one line of JSON (on standard output, or in the file
FOLLOWUP_REPORT names when it runs in a terminal), the moment its first frame
was written and what its keys took; FOLLOWUP_TERMINAL=1 runs it in the
terminal it was started in (tmux), not headless.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEY_ROUNDS = 7


def on_frame(app, ready, then) -> None:
    """Call `then(t)` (t: time.monotonic()) once, at the end of the first frame written while `ready()` holds.

    Textual writes a frame in `App._display`, after the compositor has drawn it (headless, it writes
    nothing): timing it times the frame that shows the change. Waiting with `call_after_refresh`, as this
    benchmark did, timed the refresh after that frame, which comes only when something else needs
    drawing: `/` read 62-79 ms where its bar was on screen at 16-39 ms."""
    def shown(screen, update) -> None:
        type(app)._display(app, screen, update)
        if update is not None and not app._batch_count and screen is app.screen and ready():
            del app._display
            app.call_later(then, time.monotonic())

    app._display = shown


def when_drawn(app, ready, report: dict, sent: float) -> None:
    """Record in report["opened"] the time from `sent` to the first frame that shows `ready()`, then exit.

    A screen is on the stack before it is composed and mounted: `ready` must say it is mounted, or the
    push is timed, not the drawing."""
    def done(at: float) -> None:
        report["opened"] = at - sent
        app.set_timer(0.05, app.exit)

    on_frame(app, ready, done)


def child_bare() -> None:
    from textual import events
    from textual.app import App
    from textual.binding import Binding
    from textual.containers import Horizontal, Vertical
    from textual.screen import Screen
    from textual.widgets import Footer, Header, Label, OptionList, Static, TextArea

    class Detail(Screen):
        """What the board's detail screen holds, in Textual's own widgets: the floor for `enter`."""

        def compose(self):
            yield Static("Acme Corp — Platform Engineer\ninterviewed · thank Dana by Tue 14:00\nrecruiter: Sam")
            with Horizontal():
                with Vertical():
                    yield Static("1 Notes   2 Rounds (2)   3 Directions   4 History")
                    yield TextArea("Met Dana and Lee.\nAsked about on-call.\n" * 4)
                with Vertical():
                    yield Static("4 History")
                    yield OptionList(*[f"Tue 10:0{i} moved to thanked" for i in range(8)])
            yield Footer()

    class Bare(App):
        BINDINGS = [Binding("L", "bump", "Bump")]

        def compose(self):
            yield Header()
            yield Label("ready", id="label")
            yield Footer()

        def first_frame(self, at: float):
            self.report = {"first_frame": at, "cpu": time.process_time(), "keys": [], "key_cpu": []}
            self.count = 0
            if os.environ.get("FOLLOWUP_FIRST_KEY") == "enter":  # a screen pushed at the first frame
                self.sent, self.before = time.monotonic(), self.screen
                when_drawn(self, lambda: self.screen is not self.before and self.screen.is_mounted, self.report,
                           self.sent)
                self.push_screen(Detail())
                return
            self.press()

        def press(self):
            self.sent, self.sent_cpu = time.monotonic(), time.thread_time()
            pressed = self.count + 1
            on_frame(self, lambda: self.count == pressed, self.drawn)
            self.post_message(events.Key("L", "L"))

        def action_bump(self):
            self.count += 1
            self.query_one("#label", Label).update(f"pressed {self.count}")

        def drawn(self, at: float):
            self.report["keys"].append(at - self.sent)
            self.report["key_cpu"].append(time.thread_time() - self.sent_cpu)
            if len(self.report["keys"]) < KEY_ROUNDS:
                self.press()
            else:
                self.exit()

    app = Bare()
    on_frame(app, lambda: any(label.region.area for label in app.screen.query("#label")), app.first_frame)
    run(app)


def peak_rss_mib() -> float:
    """This process's peak resident memory. Not getrusage's ru_maxrss: Linux carries that across the
    exec from the forked parent, so it reported the benchmark's own size (with 10,000 records made)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child_board() -> None:
    from textual import events

    import tui.main  # noqa: F401  before tui.core, as the program starts: it defers the date parser pendulum imports
    from tui.core.settings import Settings
    from tui.core.stages import Stage
    from tui.store import Store
    from tui.ui.app import FollowupApp
    from tui.ui.launch import start_board

    count = int(os.environ["FOLLOWUP_COUNT"])

    class Measured(FollowupApp):
        def loaded(self) -> bool:
            board = self.board_screen.board if self.board_screen else None
            return board is not None and len(board.cards) == count

        def first_frame(self, at: float):
            self.report = {"first_frame": at, "cpu": time.process_time(),
                           "keys": [], "key_cpu": [], "busy_keys": [], "write_cpu": []}
            backend = self.writer.backend
            real_write = backend.write

            def timed_write(ops):
                started = time.thread_time()
                try:
                    return real_write(ops)
                finally:
                    self.report["write_cpu"].append(time.thread_time() - started)

            backend.write = timed_write
            first_key = os.environ.get("FOLLOWUP_FIRST_KEY")
            if first_key:  # enter or / at the first frame, until its screen or bar is drawn
                self.sent = time.monotonic()
                before, bar = self.screen, self.board_screen.filter_bar
                if first_key == "enter":
                    when_drawn(self, lambda: self.screen is not before and self.screen.is_mounted, self.report,
                               self.sent)
                else:
                    when_drawn(self, lambda: bar.is_mounted and bar.display and bar.region.area > 0, self.report,
                               self.sent)
                self.post_message(events.Key(first_key, None))
            elif count:  # a key at once, at the first frame
                self.early = True
                self.press()
            else:
                self.finish()

        def settle(self):
            self.set_timer(0.3, self.press)  # let start-up work settle first

        def finish(self):
            self.report["peak_rss_mib"] = peak_rss_mib()
            self.run_worker(self.action_quit())  # as q does: finish the writes

        def press(self, busy: bool = False):
            self.busy = busy
            board = self.board_screen.board
            self.moving = board.current_id
            self.target = Stage.THANKED if board.stage is Stage.INTERVIEWED else Stage.INTERVIEWED
            self.sent, self.sent_cpu = time.monotonic(), time.thread_time()
            moving, target = self.moving, self.target
            on_frame(self, lambda: moving in board.list_of(target).index, self.moved)
            self.post_message(events.Key("L" if self.target is Stage.THANKED else "H", None))

        def moved(self, at: float):
            if getattr(self, "early", False):
                self.early = False
                self.report["early_key"] = at - self.sent
                self.run_worker(self.after_first_write, thread=True)
                return
            if self.busy:  # pressed while the previous move was still being written
                self.report["busy_keys"].append(at - self.sent)
                self.run_worker(self.after_write, thread=True)
                return
            self.report["keys"].append(at - self.sent)
            self.report["key_cpu"].append(time.thread_time() - self.sent_cpu)
            if count >= 1000:  # the write takes a while: press again in the middle of it
                self.set_timer(0.02, lambda: self.press(busy=not self.writer.idle))
            else:
                self.run_worker(self.after_write, thread=True)

        def after_first_write(self):
            self.writer.drain(60)
            self.call_from_thread(self.settle)

        def after_write(self):
            self.writer.drain(60)
            self.call_from_thread(self.next_round)

        def next_round(self):
            if len(self.report["keys"]) < KEY_ROUNDS:
                self.press()
            else:
                self.finish()

    if os.environ.get("FOLLOWUP_HOLIDAYS"):  # as the command line reads them: config.toml in XDG_CONFIG_HOME
        from tui.cli_common import user_settings

        settings = user_settings()
    else:
        settings = Settings(timezone="Europe/London")
    app = start_board(Store(os.environ["FOLLOWUP_DB"]), settings, app_class=Measured, poll_seconds=0)
    on_frame(app, app.loaded, app.first_frame)
    run(app)


def run(app) -> None:
    """Run `app` headless at 120x40, or in this terminal (FOLLOWUP_TERMINAL), and hand its report on."""
    if os.environ.get("FOLLOWUP_TERMINAL"):
        app.run()
    else:
        app.run(headless=True, size=(120, 40))
    line = json.dumps(app.report)
    if os.environ.get("FOLLOWUP_REPORT"):
        Path(os.environ["FOLLOWUP_REPORT"]).write_text(line + "\n", encoding="utf-8")
    else:
        print(line)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    {"bare": child_bare, "board": child_board}[sys.argv[1]]()
