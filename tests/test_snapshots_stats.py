"""Pictures of the statistics screen (80x24 and 120x40) on the demo data, time frozen, zone fixed.

Update them on purpose with `pytest -n 0 tests/test_snapshots_stats.py --snapshot-update`.
"""

from __future__ import annotations

import pytest

from ui_board_helpers import demo_store, make_app


@pytest.fixture
def demo_app(tmp_path, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_NOW", "2026-11-25T10:30:00+00:00")
    return make_app(demo_store(tmp_path))


def test_statistics_at_80x24(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["a"])


def test_statistics_at_120x40(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(120, 40), press=["a"])
