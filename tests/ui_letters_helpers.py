"""A stand-in host for the letter screen, and the cards and helpers its tests share.

`LetterHarness` does what the contract asks of the real app: it is the
detail tests' `ChangeLogHost` (a ChangeLog as `changelog`, like the real app),
applying every ChangeRequested and answering every screen with
ApplicationsChanged. The generic helpers (make_db, stored, wait_until,
screen_text) are the detail helpers', re-exported. The `letter_env` fixture
(conftest.py) points the config dir, the home folder and the clock into the
test's tmp folder, so the user's own templates never leak in
and the CLI (for parity tests) sees the same settings.
"""

from __future__ import annotations

from pathlib import Path

import pendulum
from textual.app import App
from textual.widgets import Input, Static

from tui.core import actions, direction_actions
from tui.core.errors import FollowupError
from tui.core.model import Application
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.ui.letters import LetterScreen
from tui.ui.letters.body import LetterBody
from tui.ui.messages import ApplicationsChanged
from ui_detail_helpers import (  # noqa: F401  (re-exported for the letter tests)
    ChangeLogHost,
    make_db,
    screen_text,
    stored,
    wait_until,
)

FROZEN = "2026-03-11T15:00:00+00:00"  # a Wednesday afternoon
SETTINGS = Settings(name="Alex Morgan", signature="Alex Morgan", timezone="Europe/London")
CONFIG_TOML = 'name = "Alex Morgan"\nsignature = "Alex Morgan"\ntimezone = "Europe/London"\n'

DANA = dict(name="Dana Kim", email="dana@acme.example", topic="moving their telemetry onto Kafka")
LUIS = dict(name="Luis Ortega", topic="how they keep integration tests fast")


def frozen_now():
    return pendulum.parse(FROZEN)


def interviewed(now, *people: dict, company: str = "Acme Robotics") -> Application:
    """A card in *interviewed*: an onsite yesterday with these interviewers, a recruiter."""
    return actions.new_application(
        company, "Backend Engineer", now=now.subtract(hours=20), round_name="Onsite",
        round_at=now.subtract(hours=24), interviewers=[Interviewer(**p) for p in people],
        recruiter="Sam Reyes <sam@acme.example>",
    )


def awaiting(now, *, quiet_until=None) -> Application:
    """A card in *awaiting* (everyone thanked a week ago), optionally with a quiet period."""
    app = interviewed(now.subtract(days=7), DANA)
    app = actions.set_thanked(app, app.rounds[0].interviewers[0].id, now=now.subtract(days=7))
    app = actions.move(app, "awaiting", now=now.subtract(days=6))
    if quiet_until is not None:
        app = direction_actions.add_direction(app, "Please wait until the panel has met", "not-before",
                                    quiet_until, now=now.subtract(days=6))
    return app


class LetterHarness(ChangeLogHost):
    """Opens one LetterScreen over a plain base screen, as the board would."""

    def __init__(self, db: Path, app_id: str, kind: str, interviewer_ids=None,
                 settings: Settings = SETTINGS) -> None:
        super().__init__(db, settings)
        self.letter_args = (app_id, kind, interviewer_ids)

    def on_mount(self) -> None:
        try:  # as the board's open_letters: a letter that does not fit is said, not opened
            screen = LetterScreen(*self.letter_args)
        except FollowupError as exc:
            self.notify(str(exc), severity="warning")
            return
        self.push_screen(screen)

    def announce(self, message: ApplicationsChanged) -> None:
        for screen in self.screen_stack:
            screen.post_message(message)


def letter_screen(app: App) -> LetterScreen:
    return next(s for s in app.screen_stack if isinstance(s, LetterScreen))


def shown_text(app: App) -> str:
    """The letter as the screen holds it: 'Subject: …', a blank line, the body."""
    screen = letter_screen(app)
    subject = screen.query_one("#letter-subject", Input).value
    return f"Subject: {subject}\n\n{screen.query_one(LetterBody).text}"


def warnings_text(app: App) -> str:
    box = letter_screen(app).query_one("#letter-warnings", Static)
    return str(box.render()) if box.display else ""


def left_out_text(app: App) -> str:
    box = letter_screen(app).query_one("#letter-left-out", Static)
    return str(box.render()) if box.display else ""


def status_text(app: App) -> str:
    return str(letter_screen(app).query_one("#letter-status", Static).render())


def notices(app: App) -> list[str]:
    """Every notification shown so far (newest last)."""
    return [n.message for n in app._notifications]


async def replace_in_body(pilot, old: str, new: str) -> None:
    """Type over the first `old` in the letter's body, as a user editing it would."""
    body = letter_screen(pilot.app).query_one(LetterBody)
    for row, line in enumerate(body.document.lines):
        col = line.find(old)
        if col >= 0:
            body.replace(new, (row, col), (row, col + len(old)))
            await pilot.pause()
            return
    raise AssertionError(f"{old!r} is not in the letter")
