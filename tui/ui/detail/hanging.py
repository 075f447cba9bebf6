"""List lines that wrap under their own text: a hanging indent, for the rounds list's interviewers.

An OptionList wraps a prompt at its width and starts every wrapped line at
column 0, so "✓ Sam Reyes (Technical Recruiter, sam.reyes@…)" went on under
the check mark and read as a line of its own (review R, finding 12). Each
line here is a lead (the mark, the indent) and a text: the text is wrapped at
the width left after the lead, and its wrapped lines start under it.
"""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual


class Hanging(Visual):
    def __init__(self, lines: list[tuple[Content, Content]]) -> None:
        """`lines`: (lead, text) each; the lead is kept on one line, the text wraps under itself."""
        self.lines = lines

    @property
    def plain(self) -> str:
        """The text as one Content would give it, each line with its lead."""
        return "\n".join(lead.plain + text.plain for lead, text in self.lines)

    def __str__(self) -> str:
        return self.plain

    @staticmethod
    def _room(lead: Content, width: int) -> int:
        return max(1, width - lead.cell_length)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max((lead.cell_length + text.get_optimal_width(rules, container_width) for lead, text in self.lines),
                   default=0)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return sum(text.get_height(rules, self._room(lead, width)) for lead, text in self.lines)

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        strips: list[Strip] = []
        for lead, text in self.lines:
            indent = lead.cell_length
            body = text.render_strips(self._room(lead, width), None, style, options)
            if not indent:
                strips.extend(body)
                continue
            head = lead.render_strips(indent, 1, style, options)[0]
            for index, strip in enumerate(body):
                first = head if index == 0 else Strip.blank(indent, style.rich_style)
                strips.append(Strip.join([first, strip]))
        return strips if height is None else strips[:height]
