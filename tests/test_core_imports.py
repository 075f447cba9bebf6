"""The domain must stay free of Textual (and of the store), so it loads fast and tests headless."""

import subprocess
import sys


def test_core_does_not_import_textual():
    code = (
        "import sys, tui.core, tui.core.deadlines, tui.core.actions, tui.core.settings;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'tinydb')"
        " or m.startswith('tui.store') or m.startswith('tui.ui')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_store_does_not_import_textual():
    code = "import sys, tui.store; sys.exit(1 if any(m.startswith('textual') for m in sys.modules) else 0)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
