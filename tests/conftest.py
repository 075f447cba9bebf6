"""Fixtures shared by the UI tests, and the key-burst helper.

The plain helpers (cards, hosts, readers of the screen) live in the
`ui_board_helpers`, `ui_detail_helpers` and `ui_letters_helpers` modules;
each suite has its own frozen clock, set by the fixture named here:

- `freeze_clock`: the board's clock (`ui_board_helpers.FROZEN`); the board
  suites use it for every test (`pytestmark = pytest.mark.usefixtures(...)`).
- `frozen`: the detail screen's clock (`ui_detail_helpers.FROZEN`); returns it.
- `letter_env`: the letter screen's clock, settings and home folder; returns
  the home folder.

The command-line suites share `cli_home` and `cli_db` (Berlin settings, the
clock frozen at `cli_helpers.NOW`); their helpers are in `cli_helpers`.

Async tests are plain `async def` functions: pytest-asyncio runs each on a
fresh event loop (asyncio_mode = "auto" in pyproject.toml).
"""

from __future__ import annotations

import compileall
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

import cli_helpers
import ui_board_helpers
import ui_detail_helpers
import ui_letters_helpers


def pytest_configure(config):
    """Compile once, not in every process: this machine sets PYTHONDONTWRITEBYTECODE.

    With it set, each xdist worker rewrote and compiled every test module anew
    (about 5 s of CPU a worker), and each `python -m tui` a test starts
    compiled the app again. The rewritten tests are cached in tests/__pycache__
    and tui/ is compiled here (only what changed); reading them needs no
    writing, so the processes the tests start use them too.
    """
    sys.dont_write_bytecode = False
    compileall.compile_dir(Path(__file__).parents[1] / "tui", quiet=1)
    global THOROUGH
    THOROUGH = "not slow" not in (config.option.markexpr or "")


THOROUGH = True  # every test runs (CI): property tests try all their examples


def pytest_collection_finish(session):
    """Keep the cycle collector's full passes off what lives as long as the test process.

    A UI test leaves an app's worth of cyclic garbage (~35,000 objects) that only
    a full collection frees, and a full collection also walks every module,
    class and function imported: 120-200 ms each, ~160 of them in the fast
    loop, a quarter of its CPU. What collection imported is frozen out of the
    walk (gc.freeze, made for long-lived objects), and a full pass comes after
    50 younger ones instead of 10: the fast loop went from 188 to 158 s of CPU
    (105 to 91 s wall). Each test's garbage is still freed, a little later.
    """
    import gc

    share_parsed_stylesheets()
    gc.collect()
    gc.freeze()
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, 50)


def share_parsed_stylesheets() -> None:
    """Parse each stylesheet once per test process, not once per app.

    Every app a test starts parses Textual's and our stylesheets anew (its
    cache lives on the app's Stylesheet): ~12 ms of CPU a test, 5 % of the
    fast loop. The rules a parse gives are never changed afterwards, so apps
    with the same theme variables can share them. The key is Textual's own
    cache key plus those variables; a stylesheet with an error still raises,
    as it is never stored.
    """
    from textual.css.stylesheet import Stylesheet

    parse_rules = Stylesheet._parse_rules
    parsed: dict[tuple, list] = {}

    def shared_parse_rules(self, css, read_from, is_default_rules=False, tie_breaker=0, scope=""):
        key = (css, read_from, is_default_rules, tie_breaker, scope, tuple(self._variables.items()))
        rules = parsed.get(key)
        if rules is None:
            rules = parsed[key] = parse_rules(self, css, read_from, is_default_rules, tie_breaker, scope)
        return rules

    Stylesheet._parse_rules = shared_parse_rules


def pytest_xdist_auto_num_workers(config):
    """`-n auto`: two workers a core. A Pilot test waits on the app (Pilot's pauses, timers) about
    half its time, so one worker a core leaves the cores idle: on 2 cores the fast loop took 140 s
    with 2 workers and 115 s with 4."""
    import os

    return 2 * (os.cpu_count() or 1)


def examples(count: int) -> int:
    """A property test's `max_examples`: all of them when every test runs, a third in the fast loop.

    `pytest -m "not slow"` is the everyday check; CI runs everything, so the
    full count is still tried on every change that lands.
    """
    return count if THOROUGH else max(count // 3, 20)


@pytest.fixture(autouse=True)
def drop_textuals_style_cache():
    """Let each test's widgets go when it ends.

    Textual 8.2.8 caches `StylesCache.get_inner_outer` with `lru_cache` on the
    instance (Textualize/textual#6665), so up to 1,024 widgets' style caches,
    and every line they drew, outlive their app. In a test process that is
    some 35,000 objects more after every UI test, and each full collection of
    the cycle collector walks them all: it grew to 0.4 s a collection and took
    a fifth of the UI tests' CPU. The cache only speeds up a colour sum.
    """
    yield
    styles_cache = sys.modules.get("textual._styles_cache")  # only where a test has drawn something
    if styles_cache is not None:
        styles_cache.StylesCache.get_inner_outer.cache_clear()


@pytest.fixture(autouse=True)
def outside_tmux(monkeypatch):
    """Tests run as outside tmux, wherever they are started: inside it, copying asks tmux's settings
    (tui/ui/letters/clipboard.py). A test about tmux sets TMUX itself."""
    monkeypatch.delenv("TMUX", raising=False)


@pytest.fixture
def freeze_clock(monkeypatch):
    """Freeze the clock (FOLLOWUP_NOW) at the board tests' Wednesday morning."""
    monkeypatch.setenv("FOLLOWUP_NOW", ui_board_helpers.FROZEN)


@pytest.fixture
def frozen(monkeypatch):
    """Freeze the clock at the detail tests' Tuesday; the frozen time."""
    monkeypatch.setenv("FOLLOWUP_NOW", ui_detail_helpers.FROZEN)
    return ui_detail_helpers.frozen_now()


@pytest.fixture
def letter_env(tmp_path, monkeypatch):
    """Frozen clock, a config dir with the letter tests' settings (no template overrides), a private home."""
    config = tmp_path / "config"
    (config / "followup").mkdir(parents=True)
    (config / "followup" / "config.toml").write_text(ui_letters_helpers.CONFIG_TOML, encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("FOLLOWUP_NOW", ui_letters_helpers.FROZEN)
    monkeypatch.delenv("FOLLOWUP_DB", raising=False)
    return home


@pytest.fixture
def cli_home(tmp_path, monkeypatch):
    """Berlin settings in a private config dir, the clock frozen, no FOLLOWUP_DB; returns tmp_path."""
    return cli_helpers.configure(tmp_path, monkeypatch)


@pytest.fixture
def cli_db(cli_home):
    """`cli_home`'s data file, not yet created: the commands create it."""
    return cli_home / "followup.json"


def burst_keys(app, *keys: str) -> None:
    """Post every key at once, as a slow SSH link delivers them: no pause for the app between keys.

    (Pilot's `press` waits for the app to be idle after each key, so it cannot
    show what a burst does.) A key is a Textual key name ("enter", "ctrl+s")
    or a string of plain characters typed one after the other.
    Tests import it: `from conftest import burst_keys`.
    """
    from textual import events
    from textual.keys import _character_to_key

    driver = app._driver
    for key in keys:
        for name in key_names(key):
            if len(name) == 1:
                char = name
                name = name if name.isalnum() else _character_to_key(name)
            else:
                char = {"enter": "\r", "tab": "\t", "space": " "}.get(name)
            event = events.Key(name, char)
            event.set_sender(app)
            driver.send_message(event)


def burst_paste(app, text: str) -> None:
    """A bracketed paste as the terminal driver posts it: one `Paste` event into the app's queue, behind any
    key posted before it (`burst_keys`) and ahead of any posted after. Tests import it too."""
    from textual import events

    event = events.Paste(text)
    event.set_sender(app)
    app._driver.send_message(event)


def key_names(key: str) -> list[str]:
    """A key as the tests write it: a Textual key name ("enter", "ctrl+s"), or plain characters typed one
    after the other ("Acme", "?")."""
    named = len(key) > 1 and not key.isprintable() or key in NAMED_KEYS or "+" in key[1:]
    return [key] if named else list(key)


# The two ways keys arrive: one by one (Pilot waits for the app after each) and in one burst (SSH).
WAYS = pytest.mark.parametrize("burst", [False, True], ids=["one-by-one", "burst"])


async def send_keys(app, pilot, burst: bool, *keys: str, pauses: int = 1) -> None:
    """`keys` (as `key_names` reads them) in one burst, or pressed one by one; then `pauses` pauses, and
    (a burst) more until the app has taken every key."""
    if burst:
        burst_keys(app, *keys)
    else:
        for key in keys:
            names = key_names(key)
            if (len(names) > 1 or not key.isascii()) and typing_into_text(app):
                # Characters into the focused field change nothing but its text: they go in at once, and
                # the pause is after the run (Pilot waits ~60 ms after each key, and typing was most of
                # the one-by-one tests' time). Every named key, and a letter that is a command, still
                # waits for the app. (Pilot's press has no key for an emoji or a joiner: posted as well.)
                burst_keys(app, key)
                await taken(app, pilot)
            else:
                await pilot.press(*names)
    for _ in range(pauses):
        await pilot.pause()
    if burst:
        await taken(app, pilot)


def typing_into_text(app) -> bool:
    """Whether the focus is in a text field, where a plain character is text, not a command."""
    from textual.widgets import Input, TextArea

    return isinstance(app.focused, (Input, TextArea)) and not getattr(app.focused, "read_only", False)


async def taken(app, pilot, most: int = 200) -> None:
    """Pause until the app's and its screen's message queues are empty. Pilot's pause waits for the process
    to look idle, and on a loaded machine a process given no CPU looks idle: a burst's later keys were
    still queued when a test asserted what they do (four tests failed only while two suites shared the
    two cores)."""
    for _ in range(most):
        focused = app.focused  # the field the keys go on into: its Changed comes from its own queue
        if not (app.message_queue_size or app.screen.message_queue_size
                or (focused is not None and focused.message_queue_size)):
            return
        await pilot.pause()


async def steady_cursors(pilot) -> None:
    """Stop every cursor blinking (it then shows, steady, in the focused field), for a snapshot.

    A cursor blinks every half second: on a busy machine the picture was taken
    after a blink and the round form's snapshot failed one run in three.
    """
    from textual.widgets import Input, TextArea

    await pilot.pause()
    for screen in pilot.app.screen_stack:
        for field in screen.query("Input, TextArea").results():
            if isinstance(field, (Input, TextArea)):
                field.cursor_blink = False
    await pilot.pause()


def fill(form, **values: str) -> None:
    """Set form fields (`#field-NAME` inputs and selects) at once, where typing is not what a test is about.

    Pilot types 60 ms a key; a field set this way is what a user's typing
    leaves in it, so the form's checks and saving run on it just the same.
    A select takes the value of one of its options (`kind="not-before"`).
    Typing itself is covered once per form in test_ui_bursts.py.
    """
    from textual.widgets import Input, Select

    for name, value in values.items():
        form.query_one(f"#field-{name}", Input | Select).value = value


async def type_text(pilot, text: str) -> None:
    """Type `text` where the focus is: all but its last character put in at the cursor at once, the last one pressed.

    For tests about what happens to typed text (saving, merging, rescuing),
    not about typing itself: the last key still goes through the app's key
    handling, and the widget reports the change as it does for typing.
    """
    from textual.widgets import Input, TextArea

    widget = pilot.app.focused
    if isinstance(widget, TextArea):
        widget.insert(text[:-1])
    elif isinstance(widget, Input):
        widget.insert_text_at_cursor(text[:-1])
    else:
        raise AssertionError(f"nothing to type into: the focus is on {widget!r}")
    await pilot.press(text[-1])


async def palette_pick(pilot, query: str) -> None:
    """In the open command palette, search `query`, wait for the search to finish and take its best hit.

    The palette searches in a worker; waiting on that worker (not on a fixed
    delay) makes the list of hits complete before `enter` picks the first.
    """
    from textual.command import CommandInput, CommandPalette

    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette), f"the palette is not open: {palette!r}"
    palette.query_one(CommandInput).value = query
    await pilot.pause()  # the palette takes the change and starts its search
    searches = [w for w in pilot.app.workers if w.group == CommandPalette._GATHER_COMMANDS_GROUP]
    await pilot.app.workers.wait_for_complete(searches)
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


NAMED_KEYS = {"enter", "tab", "escape", "backspace", "space", "up", "down", "left", "right", "home", "end",
              "shift+tab", "pageup", "pagedown", "delete"}


@pytest.fixture
def tmpfs(tmp_path):
    """A fresh tmpfs mounted on a folder in tmp_path, and a function that makes it read-only.

    A read-only mount refuses writes to root as well, so this runs in CI
    (root), unlike a folder without write permission. It is skipped only where
    mounting is impossible (not root, no CAP_SYS_ADMIN, no mount command).
    """
    folder = tmp_path / "tmpfs"
    folder.mkdir()
    mount = shutil.which("mount")
    if mount is None or not sys.platform.startswith("linux"):
        pytest.skip("needs Linux's mount")
    done = subprocess.run([mount, "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")

    def read_only() -> None:
        subprocess.run([mount, "-o", "remount,ro", str(folder)], check=True, capture_output=True)

    try:
        yield SimpleNamespace(path=folder, read_only=read_only)
    finally:
        if subprocess.run(["umount", str(folder)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)
