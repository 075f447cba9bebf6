"""The letter's body: a TextArea that makes every unfilled `[name?]` stand out."""

from __future__ import annotations

import re

from rich.style import Style
from textual.widgets.text_area import TextAreaTheme

from tui.core.letters import PLACEHOLDERS
from tui.ui.editor import Editor

GAP_STYLE = "letter.gap"
_GAP = re.compile(r"\[([a-z_]+)\?\]|\{([a-z_]+)\}")


def gap_spans(line: str) -> list[tuple[int, int]]:
    """(start, end) UTF-8 byte columns of each gap in a line, as the TextArea's highlights expect."""
    spans = []
    for match in _GAP.finditer(line):
        if (match.group(1) or match.group(2)) in PLACEHOLDERS:
            start = len(line[: match.start()].encode("utf-8"))
            spans.append((start, start + len(match.group(0).encode("utf-8"))))
    return spans


class LetterBody(Editor):
    """Soft-wrapped, tab moves on, and gaps drawn reversed so they cannot be missed."""

    def __init__(self, **kwargs) -> None:
        super().__init__(soft_wrap=True, tab_behavior="focus", **kwargs)
        self.register_theme(TextAreaTheme(
            name="followup-letter",
            syntax_styles={GAP_STYLE: Style(bold=True, reverse=True)},
        ))
        self.theme = "followup-letter"

    def _build_highlight_map(self) -> None:
        self._line_cache.clear()
        self._highlights.clear()
        for index, line in enumerate(self.document.lines):
            spans = gap_spans(line)
            if spans:
                self._highlights[index] = [(start, end, GAP_STYLE) for start, end in spans]
