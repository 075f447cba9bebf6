"""config.toml changed while the board is open (`followup config` in another pane) reaches the board at once:
deadlines were worked out with the old settings until the board was started again."""

from __future__ import annotations

import pytest

from tui import cli
from ui_board_helpers import SETTINGS, company_of, demo_store, make_app

pytestmark = pytest.mark.usefixtures("freeze_clock")  # the board's frozen clock, conftest.py


@pytest.fixture
def config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    folder = tmp_path / "config" / "followup"
    folder.mkdir(parents=True)
    (folder / "config.toml").write_text('timezone = "Europe/London"\n')
    return folder


def follow_up_row(app, company: str) -> str:
    rows = [d for d in app.screen.sidebar.shown if d[4].company == company and d[4].kind.value == "follow-up"]
    (row,) = rows
    return row[4].due.isoformat()


def said(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_a_setting_changed_by_the_command_line_applies_to_the_open_board(tmp_path, config_dir):
    app = make_app(demo_store(tmp_path / "data"))  # SETTINGS: what the file above says
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        before = follow_up_row(app, "Helix Bio")
        assert app.check_config() is False  # nothing changed since the board started
        assert cli.main(["config", "follow_up_business_days", "10"]) == 0
        assert app.check_config() is True
        await pilot.pause()
        assert app.settings.follow_up_business_days == 10 and app.changelog.settings is app.settings
        assert follow_up_row(app, "Helix Bio") > before  # the wait is longer now
        assert any("config.toml changed: follow_up_business_days now applies" in line for line in said(app))
        assert company_of(app, app.screen.board.current_id)  # the board still has its focus


async def test_a_file_that_does_not_read_is_said_once_and_the_board_keeps_its_settings(tmp_path, config_dir):
    app = make_app(demo_store(tmp_path / "data"))  # SETTINGS: what the file above says
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        (config_dir / "config.toml").write_text('timezone = "Europe/London"\nfollow_up_business_days = "soon"\n')
        assert app.check_config() is False
        assert app.check_config() is False  # the same file: not said again
        await pilot.pause()
        errors = [line for line in said(app) if "keeps the settings it had" in line]
        assert len(errors) == 1 and "follow_up_business_days" in errors[0]
        assert app.settings == SETTINGS


def test_the_board_reads_the_file_the_command_line_writes(config_dir):
    from tui.store.store import config_path

    assert cli.main(["config", "reply_hours", "12"]) == 0
    assert config_path() == config_dir / "config.toml" and "reply_hours = 12" in config_path().read_text()


async def test_a_theme_changed_in_the_file_is_applied_as_it_is_said(tmp_path, config_dir):
    """Review R9 4: "theme now apply to the board", and the colours stayed."""
    app = make_app(demo_store(tmp_path / "data"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert cli.main(["config", "theme", "textual-light"]) == 0
        assert app.check_config() is True
        await pilot.pause()
        assert app.theme == "textual-light"
        assert any("config.toml changed: theme now applies to the board." in line for line in said(app))


async def test_a_detail_screen_open_when_the_file_changes_shows_its_deadlines_in_the_new_settings(tmp_path, config_dir,
                                                                                                 frozen):
    """The card open in the detail screen kept the old thank-you window until it was opened again."""
    from ui_detail_helpers import acme, board, make_db, open_card, screen_text

    (config_dir / "config.toml").write_text('timezone = "Europe/Berlin"\nname = "Alex Doe"\n')
    app = board(make_db(tmp_path, acme(frozen)))  # the detail tests' clock (frozen, conftest.py)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await open_card(pilot)
        before = screen_text(app)
        assert cli.main(["config", "thank_you_hours", "72"]) == 0
        assert app.check_config() is True
        await pilot.pause()
        after = screen_text(app)
        assert after != before and app.screen.settings.thank_you_hours == 72
        assert "Thank Dana Kim in 4 h" in before and "Thank Dana Kim in 2 d" in after  # 24 h after the onsite, now 72


@pytest.mark.parametrize("swap", ["fifo", "deep"])
async def test_a_config_that_becomes_a_fifo_or_nests_too_deeply_is_said_and_the_board_goes_on(
        tmp_path, config_dir, swap):
    """Fuzz fz6 2 and 4: the file swapped for a FIFO while the board was open froze it for good (q ignored,
    an open letter's text lost); one nested 600 deep ended it in a RecursionError from the poll."""
    import os

    path = config_dir / "config.toml"
    app = make_app(demo_store(tmp_path / "data"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        path.unlink()
        if swap == "fifo":
            os.mkfifo(path)
        else:
            path.write_text("x = " + "[" * 600 + "]" * 600 + "\n")
        assert app.check_config() is False
        await pilot.pause()
        errors = [line for line in said(app) if "keeps the settings it had" in line]
        assert len(errors) == 1, said(app)
        assert ("not a regular file" if swap == "fifo" else "nested too deeply") in errors[0]
        assert app.settings == SETTINGS and app._exception is None


async def test_a_timezone_emptied_while_tz_names_no_zone_is_said_and_the_board_keeps_its_settings(
        tmp_path, config_dir, monkeypatch):
    """Read-through rv1 2: with TZ=UTC+3 and the zone set, `followup config timezone ""` in another pane
    ended the open board in a ValidationError: the new settings' zone fell to TZ, read outside any handler."""
    monkeypatch.setenv("TZ", "UTC+3")
    app = make_app(demo_store(tmp_path / "data"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        (config_dir / "config.toml").write_text('timezone = ""\n')
        assert app.check_config() is False
        await pilot.pause()
        errors = [line for line in said(app) if "keeps the settings it had" in line]
        assert len(errors) == 1 and "TZ is 'UTC+3'" in errors[0]
        assert app.settings == SETTINGS and app._exception is None
