"""A line of text set only when its words change.

Static.update asks for a layout (unless told `layout=False`) and a redraw even
for the words the line already shows; a line set again on every key or resize
(the board's focus line, the letter screen's title and status) laid the
screen out each time.
"""

from __future__ import annotations

from textual.widgets import Static


def say(line: Static, words: str, *, layout: bool = True) -> None:
    """Put `words` in `line` unless it says them already."""
    if line.content != words:
        line.update(words, layout=layout)
