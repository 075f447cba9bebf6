"""Shared set-up for the board's tests: a frozen clock, a store on disk, the app.

(The `freeze_clock` fixture that sets this clock lives in conftest.py.)

Time is frozen through FOLLOWUP_NOW (what `tui.core.clock.now()` reads), and
the zone is fixed, so what the cards say never depends on the day the tests run.
"""

from __future__ import annotations

import json
from pathlib import Path

import pendulum

from tui.core import actions
from tui.core.demo import demo_applications
from tui.core.model import Application
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.store import Store
from tui.ui.app import FollowupApp

FROZEN = "2026-11-25T10:30:00+00:00"  # a Wednesday morning in London
SETTINGS = Settings(timezone="Europe/London")
WIDE = (120, 40)
NARROW = (80, 24)


def frozen_now():
    return pendulum.parse(FROZEN)


def store_with(tmp_path: Path, apps: list[Application]) -> Store:
    tmp_path.mkdir(parents=True, exist_ok=True)
    store = Store(tmp_path / "followup.json").open()
    if apps:
        store.add_many(apps)
    return store


def demo_store(tmp_path: Path) -> Store:
    return store_with(tmp_path, demo_applications(frozen_now(), SETTINGS.zone))


def small_apps() -> list[Application]:
    """Three cards: two interviewed (one overdue), one awaiting; notes and interviewers to filter on."""
    now = frozen_now()
    acme = actions.new_application(
        "Acme", "Backend Engineer", now=now.subtract(hours=29), round_name="Onsite",
        round_at=now.subtract(hours=30), interviewers=[Interviewer(name="Dana Kim", email="dana@acme.example")],
    )
    globex = actions.new_application(
        "Globex", "Site Reliability Engineer", now=now.subtract(hours=2), round_at=now.subtract(hours=3),
        interviewers=[Interviewer(name="Hank Scorpio")], notes="They use Nomad and love volcanoes",
    )
    initech = actions.new_application(
        "Initech", "Developer", now=now.subtract(days=8), round_at=now.subtract(days=8),
        interviewers=[Interviewer(name="Bill Lumbergh")],
    )
    initech = actions.set_thanked(initech, initech.rounds[0].interviewers[0].id, now=now.subtract(days=8))
    initech = actions.move(initech, "awaiting", now=now.subtract(days=7))
    return [acme, globex, initech]


def make_app(store: Store, **kwargs) -> FollowupApp:
    kwargs.setdefault("poll_seconds", 0)
    kwargs.setdefault("write_settle", 0)
    return FollowupApp(store, SETTINGS, **kwargs)


def stored(store: Store) -> dict[str, dict]:
    """The file's applications by company, read straight from disk."""
    data = json.loads(Path(store.path).read_text(encoding="utf-8"))
    return {doc["company"]: doc for doc in data["applications"].values()}


def board_of(app: FollowupApp):
    return app.board_screen.board


def shown_ids(app: FollowupApp, stage: str) -> list[str]:
    from tui.core.stages import Stage

    return [c.app_id for c in board_of(app).list_of(Stage(stage)).cards]


def company_of(app: FollowupApp, app_id: str | None) -> str | None:
    return app.changelog.apps[app_id].company if app_id else None


def focused_company(app: FollowupApp) -> str | None:
    return company_of(app, board_of(app).current_id)
