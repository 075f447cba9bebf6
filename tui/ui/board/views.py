"""The board's cards and sidebar rows, made from the applications: at start-up, before the app runs
(tui/ui/launch.py), and for each change after. Apart from the screen so that start-up can make them
without the screen's own imports, and so that what a card shows is worked out in one place."""

from __future__ import annotations

from typing import NamedTuple

from tui.core import clock
from tui.core.deadlines import deadlines_for
from tui.ui.board.cards import card_view
from tui.ui.board.timeframe import TimeFrame
from tui.ui.sidebar.sidebar import make_entry


class StartViews(NamedTuple):
    frame: TimeFrame
    cards: dict
    entries: dict


def board_views(apps: dict, app_ids, settings, frame: TimeFrame) -> tuple[dict, dict]:
    """Cards and sidebar entries of these applications (None and [] for one that is gone)."""
    now = frame.now
    cards, entries = {}, {}
    for app_id in app_ids:
        app = apps.get(app_id)
        if app is None:
            cards[app_id], entries[app_id] = None, []
            continue
        found = entries[app_id] = [make_entry(d) for d in deadlines_for(app, settings, now)]
        cards[app_id] = card_view(app, found, frame)
    return cards, entries


def start_views(apps: dict, settings) -> StartViews:
    """The board's first cards and deadlines, for `BoardScreen(start=…)`."""
    frame = TimeFrame(clock.now(), settings.zone)
    return StartViews(frame, *board_views(apps, list(apps), settings, frame))
