"""Rules about the app's own code that a linter does not state.

The layers (what may import what) are import-linter contracts in pyproject.toml,
run by .ci/run. These two were found broken (issue 16): a fallback around an
import turned a broken module into a quietly missing feature, and a private
Textual module can change in any release.
"""

import re
from pathlib import Path

TUI = Path(__file__).resolve().parent.parent / "tui"
IMPORT_FALLBACK = re.compile(r"except\s*\(?[\w\s.,]*\b(ImportError|ModuleNotFoundError)\b")
PRIVATE_TEXTUAL = re.compile(r"^\s*(from|import)\s+textual(\.\w+)*\._", re.MULTILINE)


def offenders(pattern: re.Pattern[str]) -> list[str]:
    return [str(path.relative_to(TUI.parent)) for path in sorted(TUI.rglob("*.py"))
            if pattern.search(path.read_text(encoding="utf-8"))]


def test_no_import_is_caught():
    assert offenders(IMPORT_FALLBACK) == [], "a broken import must fail loudly, not be caught"


def test_no_private_textual_module_is_imported():
    assert offenders(PRIVATE_TEXTUAL) == [], "import Textual's public API, not a private module"


def test_the_patterns_find_what_they_are_for():
    assert IMPORT_FALLBACK.search("    except (ImportError, AttributeError):")
    assert IMPORT_FALLBACK.search("except ModuleNotFoundError as exc:")
    assert PRIVATE_TEXTUAL.search("from textual._text_area_theme import TextAreaTheme")
    assert PRIVATE_TEXTUAL.search("import textual.widgets._input")
    assert not PRIVATE_TEXTUAL.search("from textual.widgets.text_area import TextAreaTheme")
