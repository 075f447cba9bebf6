"""Regenerate screenshots/*.svg from the demo data with the clock frozen.

    .venv/bin/python scripts/screenshots.py            # every screenshot
    .venv/bin/python scripts/screenshots.py board-80x24  # only those named

Each screenshot is a `Shot`: a file name, a terminal size and the keys that
lead to the screen (plus, when keys are not enough, an async `prepare(pilot)`).
To add a screen, add a Shot to SHOTS.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Awaitable, Callable

FROZEN_NOW = "2026-11-25T10:30:00+00:00"  # a Wednesday morning in London
os.environ["FOLLOWUP_NOW"] = FROZEN_NOW  # before anything reads the clock
# The user's own config (templates, settings) must not leak into the pictures.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="followup-shots-config-")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.core import clock  # noqa: E402
from tui.core.demo import demo_applications  # noqa: E402
from tui.core.settings import Settings  # noqa: E402
from tui.store import Store  # noqa: E402
from tui.ui.app import FollowupApp  # noqa: E402

SETTINGS = Settings(timezone="Europe/London", name="Alex Doe")
OUT = ROOT / "screenshots"


@dataclass
class Shot:
    name: str  # screenshots/<name>.svg
    size: tuple[int, int]
    keys: tuple[str, ...] = ()
    prepare: Callable[[object], Awaitable[None]] | None = None
    title: str = "Followup"
    settings: Settings = field(default=SETTINGS)


async def fill_new_application(pilot) -> None:
    """A half-filled form: a parsed time, and one field with a problem."""
    screen = pilot.app.screen
    values = {
        "company": "Fernwood Systems",
        "role": "Platform Engineer",
        "round": "Onsite",
        "when": "yesterday 14:00",
        "interviewers": "Marta Silva <marta@fernwood.example>, Jo Park <jo>",
    }
    for name, value in values.items():
        screen.query_one(f"#field-{name}").value = value
    await pilot.press("ctrl+s")  # refused: the problem shows under its field
    await pilot.pause()


async def steady_letter(pilot) -> None:
    """No blinking cursor, so the picture is the same on every run."""
    from tui.ui.letters.body import LetterBody

    pilot.app.screen.query_one(LetterBody).cursor_blink = False
    await pilot.pause()


SHOTS: list[Shot] = [
    Shot("board-80x24", (80, 24), ("j",)),
    Shot("board-120x40", (120, 40), ("j", "l")),
    Shot("help", (100, 40), ("question_mark",)),
    Shot("new-application", (80, 24), ("n",), prepare=fill_new_application),
    Shot("detail-120x40", (120, 40), ("j", "enter")),
    Shot("detail-80x24", (80, 24), ("j", "enter", "2")),
    Shot("letter-120x40", (120, 40), ("j", "t"), prepare=steady_letter),
    Shot("letter-80x24", (80, 24), ("j", "t"), prepare=steady_letter),
    Shot("stats-80x24", (80, 24), ("a",)),
    Shot("stats-120x40", (120, 40), ("a",)),
]


async def take(shot: Shot, folder: Path) -> str:
    store = Store(folder / f"{shot.name}.json").open()
    store.add_many(demo_applications(clock.now(), shot.settings.zone))
    app = FollowupApp(store, shot.settings, poll_seconds=0, write_settle=0)
    async with app.run_test(size=shot.size) as pilot:
        await pilot.pause()
        for key in shot.keys:
            await pilot.press(key)
        await pilot.pause()
        if shot.prepare is not None:
            await shot.prepare(pilot)
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        return app.export_screenshot(title=shot.title)


async def main(names: list[str]) -> int:
    chosen = [s for s in SHOTS if not names or s.name in names]
    unknown = set(names) - {s.name for s in SHOTS}
    if unknown:
        print(f"unknown screenshot {', '.join(sorted(unknown))}; known: {', '.join(s.name for s in SHOTS)}",
              file=sys.stderr)
        return 2
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        for shot in chosen:
            svg = await take(shot, Path(folder))
            (OUT / f"{shot.name}.svg").write_text(svg, encoding="utf-8")
            print(f"screenshots/{shot.name}.svg")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1:])))
