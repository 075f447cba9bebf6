"""The letter leaves the screen as a file: saved (never over a file without asking) or edited in $EDITOR."""

from __future__ import annotations

import shlex
import sys

from textual.widgets import Input

from tui.ui.letters import LetterScreen
from tui.ui.letters.dialogs import PathPrompt
from tui.ui.screens.confirm import ConfirmScreen
from ui_letters_helpers import DANA, LetterHarness, frozen_now, interviewed, letter_screen, make_db, notices, shown_text

SIZE = (100, 32)


async def test_save_offers_a_file_in_the_home_folder_and_writes_the_letter(tmp_path, letter_env):
    app = interviewed(frozen_now(), DANA)
    host = LetterHarness(make_db(tmp_path, app), app.id, "thank-you")
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert isinstance(host.screen, PathPrompt)
        assert host.screen.query_one(Input).value == "~/followup-letters/acme-robotics-thank-you-dana.txt"
        await pilot.press("enter")
        await pilot.pause()
        target = letter_env / "followup-letters" / "acme-robotics-thank-you-dana.txt"
        assert target.read_text(encoding="utf-8") == shown_text(host) + "\n"
        assert notices(host)[-1] == f"Saved to {target}"


async def test_an_existing_file_is_replaced_only_after_yes(tmp_path, letter_env):
    app = interviewed(frozen_now(), DANA)
    target = tmp_path / "mine.txt"
    target.write_text("my own draft\n", encoding="utf-8")
    host = LetterHarness(make_db(tmp_path, app), app.id, "thank-you")
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for answer in ("n", "y"):
            await pilot.press("ctrl+s")
            host.screen.query_one(Input).value = str(target)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(host.screen, ConfirmScreen) and "already exists" in host.screen.question
            await pilot.press(answer)
            await pilot.pause()
            if answer == "n":
                assert target.read_text(encoding="utf-8") == "my own draft\n"
                assert "the file is unchanged" in notices(host)[-1]
        assert target.read_text(encoding="utf-8") == shown_text(host) + "\n"


async def test_bad_paths_are_refused_with_one_line_and_write_nothing(tmp_path, letter_env):
    app = interviewed(frozen_now(), DANA)
    host = LetterHarness(make_db(tmp_path, app), app.id, "thank-you")
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for raw, expected in [(str(tmp_path), "is a folder"), (str(tmp_path / "nowhere" / "x.txt"), "does not exist"),
                              ("   ", "no file name given")]:
            await pilot.press("ctrl+s")
            host.screen.query_one(Input).value = raw
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(host.screen, PathPrompt)  # refused inline, under the field: the form stays
            error = str(host.screen.query_one("#error-path").render())
            assert expected in error and "\n" not in error
            await pilot.press("escape")  # gives up at once, nothing asked
            assert isinstance(host.screen, LetterScreen)
        assert not (tmp_path / "nowhere").exists()
        await pilot.press("ctrl+s", "escape")
        assert isinstance(host.screen, LetterScreen)
        assert not (letter_env / "followup-letters").exists()


def _editor(tmp_path, code: str) -> str:
    """An $EDITOR that runs `code` on the file named by its last argument."""
    script = tmp_path / "editor.py"
    script.write_text("import sys, pathlib\np = pathlib.Path(sys.argv[-1])\n" + code, encoding="utf-8")
    return f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}"


async def test_editor_round_trip_brings_the_edited_subject_and_body_back(tmp_path, letter_env, monkeypatch):
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", _editor(tmp_path, (
        "t = p.read_text()\n"
        "t = t.replace('Thank you for your time, Dana', 'Thanks, Dana').replace('Kafka', 'Pulsar')\n"
        "p.write_text(t)\n")))
    app = interviewed(frozen_now(), DANA)
    host = LetterHarness(make_db(tmp_path, app), app.id, "thank-you")
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        screen = letter_screen(host)
        assert screen.query_one("#letter-subject", Input).value == "Thanks, Dana"
        assert "onto Pulsar." in shown_text(host) and "Kafka" not in shown_text(host)
        assert shown_text(host).endswith("Kind regards,\nAlex Morgan")


async def test_a_failing_editor_leaves_the_letter_as_it_was(tmp_path, letter_env, monkeypatch):
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", _editor(tmp_path, "p.write_text('ruined')\nsys.exit(3)\n"))
    app = interviewed(frozen_now(), DANA)
    host = LetterHarness(make_db(tmp_path, app), app.id, "thank-you")
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = shown_text(host)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert shown_text(host) == before
        assert "exited with code 3" in notices(host)[-1]


async def test_the_data_file_its_lock_or_a_backup_is_never_offered_to_replace(tmp_path, letter_env):
    """Review R3 2: saving the letter over the data file asked "replace it?", and yes emptied the board."""
    app = interviewed(frozen_now(), DANA)
    db = make_db(tmp_path, app)
    host = LetterHarness(db, app.id, "thank-you")
    kept = {p: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for target in (db, db.with_name(db.name + ".lock")):
            await pilot.press("ctrl+s")
            host.screen.query_one(Input).value = str(target)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(host.screen, PathPrompt)  # refused under the field, the path kept to change
            said = str(host.screen.query_one("#error-path").render())
            assert "refused: it is " in said and "name another file" in said, said
            await pilot.press("escape")
            await pilot.pause()
    assert {p: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == kept
