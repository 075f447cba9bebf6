"""A small Markdown highlighter for the notes editor, with no extra dependency.

Textual highlights Markdown through tree-sitter, which is not installed with
the app. This covers what notes use: headings, list markers, quotes, fences,
`code`, **bold**, *italic* and [links](url). Offsets are UTF-8 byte columns,
as the TextArea's highlight map expects.
"""

from __future__ import annotations

import re

Highlight = tuple[int, int | None, str]

_HEADING = re.compile(r"^(#{1,6})(\s.*)?$")
_LIST = re.compile(r"^(\s*)([-*+]|\d+[.)])(\s)")
_QUOTE = re.compile(r"^\s*>")
_FENCE = re.compile(r"^\s*(```|~~~)")
_INLINE = [
    (re.compile(r"`[^`]+`"), "inline_code"),
    (re.compile(r"\*\*[^*]+\*\*|__[^_]+__"), "bold"),
    (re.compile(r"(?<![*\w])\*[^*\s][^*]*\*(?!\*)|(?<![_\w])_[^_\s][^_]*_(?!\w)"), "italic"),
]
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def _b(line: str, index: int) -> int:
    """Character index -> UTF-8 byte column."""
    return len(line[:index].encode("utf-8"))


def highlight_line(line: str) -> list[Highlight]:
    heading = _HEADING.match(line)
    if heading:
        marker_end = _b(line, len(heading.group(1)))
        return [(0, marker_end, "heading.marker"), (marker_end, None, "heading")]
    found: list[Highlight] = []
    listed = _LIST.match(line)
    if listed:
        found.append((_b(line, listed.start(2)), _b(line, listed.end(2)), "list.marker"))
    if _QUOTE.match(line):
        found.append((0, None, "comment"))
    for link in _LINK.finditer(line):
        found.append((_b(line, link.start(1)), _b(line, link.end(1)), "link.label"))
        found.append((_b(line, link.start(2)), _b(line, link.end(2)), "link.uri"))
    for pattern, name in _INLINE:
        for match in pattern.finditer(line):
            found.append((_b(line, match.start()), _b(line, match.end()), name))
    return found


def markdown_highlights(lines: list[str], known: dict[str, list[Highlight]] | None = None,
                        ) -> dict[int, list[Highlight]]:
    """Highlights by line index for a whole document; fenced blocks read as code.

    `known`: each line's highlights from the last call, by its text, brought up to date here (the
    document's lines only, so it never outgrows it). The editor works the whole document out again after
    every edit (TextArea), and in 100 KB of notes that was 37 ms a key typed, most of it lines the key did
    not touch (review S7 1)."""
    known = {} if known is None else known
    out: dict[int, list[Highlight]] = {}
    fresh: dict[str, list[Highlight]] = {}
    in_fence = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            out[index] = [(0, None, "info_string" if not in_fence else "inline_code")]
            in_fence = not in_fence
            continue
        if in_fence:
            out[index] = [(0, None, "inline_code")]
            continue
        marks = fresh.get(line)
        if marks is None:  # (an empty list is a line without highlights, read already)
            marks = fresh[line] = known[line] if line in known else highlight_line(line)
        if marks:
            out[index] = marks
    known.clear()
    known.update(fresh)
    return out
