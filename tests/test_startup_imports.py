"""The board's start-up imports only what its first frame needs.

Every module on that path is paid for at every start; screens, letters and
parsers the user may never open load when first used. These checks fail when
an import at the top of a start-up module pulls one of them back in.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Loaded on first use, never at start-up.
LATER = [
    "tomllib",  # only when a settings file exists (tui.core.settings.load_settings)
    "filelock",  # likewise
    "tui.core.when",  # typed dates: the add form and the detail screen
    "tui.core.letters",
    "tui.core.exchange",
    "tui.core.demo",
    "tui.ui.detail",
    "tui.ui.letters",
    "tui.ui.palette",
    "tui.ui.screens.new_application",
    "tui.ui.screens.help",
    "tui.core.actions",  # the first change
    "tui.ui.screens.confirm",  # the first delete
]


@pytest.fixture(scope="module")
def loaded() -> set[str]:
    """The modules in a fresh interpreter once the board's modules are imported."""
    code = (
        "import json, sys\n"
        "import tui.ui.app, tui.ui.board.screen\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout))


def test_the_board_modules_are_what_was_imported(loaded):
    assert {"tui.ui.app", "tui.ui.board.screen", "tui.core.model", "tui.store.store"} <= loaded


@pytest.mark.parametrize("module", LATER)
def test_start_up_leaves_for_later(loaded, module):
    assert module not in loaded, f"{module} is imported at start-up; import it where it is first used"


def test_every_module_the_board_preloads_exists():
    """A module renamed or moved must not leave preload() importing a name that is gone."""
    import importlib

    from tui.ui.app import PRELOAD

    for name in PRELOAD:
        importlib.import_module(name)
        assert "._" not in name, f"{name} is private: a Textual release may rename it (preload its public module)"


def test_the_entry_point_leaves_dateutils_parser_until_it_is_used(tmp_path):
    """pendulum imports it for free-form dates Followup never asks for: tui.main defers it (15 ms),
    and a use of it still works. (With no settings file: a `holidays` setting imports the calendars,
    which use the parser, and this test read the developer's own config.)"""
    code = (
        "import sys\n"
        "import tui.main\n"
        "import pendulum, tui.ui.app, tui.ui.board.screen\n"
        "from tui.cli_common import user_settings, now\n"
        "user_settings(); now()\n"
        "before = 'dateutil.parser._parser' in sys.modules\n"
        "when = pendulum.parse('Nov 2 2026', strict=False)\n"
        "print(before, when.date(), 'dateutil.parser._parser' in sys.modules)\n"
    )
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path), "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "2026-11-02", "True"]
