"""The area under the letter that says what to know before sending it: its warnings ("!" lines), then
what the template left out. It takes at most a share of the screen, so the letter stays the thing on it.

What does not fit is scrolled to, never cut off for good: at 80x24 a warning stopped at "send it unless",
which reads like "just send it", and at 60x20 the quiet period was not shown at all (review R8 3). When
there is more below, the area takes the focus with tab (and only then: a stop with nothing to read would
be a key for nothing) and the line beside the status says how many lines are out of sight and how to
reach them. A line rather than a scrollbar alone: a scrollbar is drawn in colours, which NO_COLOR drops.
Summarising what does not fit ("+2 more") was the other way; it would still have cut the one warning
longer than the area, the quiet period at 60 columns.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.widgets import Static

from tui.ui.screens.help import HelpScroll
from tui.ui.settle import handed_on, run_own_binding


class FactsArea(HelpScroll):
    """j/k (and the arrows), g/G scroll it at once, as the help does: a burst of keys moves a line each.

    Its keys act in the order typed (settle.run_own_binding), tab and shift+tab too, and a key typed
    after one of them goes where the focus went: in one burst, `shift+tab` then `Dear` lost the word,
    as the keys after shift+tab were already this area's, which has no use for them."""

    BINDINGS = [
        *HelpScroll.BINDINGS,
        Binding("down", "cursor_down", "Down", show=False),
        Binding("up", "cursor_up", "Up", show=False),
        Binding("tab", "app.focus_next", "Next", show=False),
        Binding("shift+tab", "app.focus_previous", "Previous", show=False),
    ]
    below: reactive[int] = reactive(0)
    _said: tuple[tuple[str, ...], tuple[str, ...]] | None = None  # lines out of sight under the last one shown

    def compose(self) -> ComposeResult:
        yield Static("", id="letter-warnings", markup=False)
        yield Static("", id="letter-left-out", markup=False)

    async def _on_key(self, event: events.Key) -> None:
        if not handed_on(self, event):  # first, as TypesInOrder: a `j` after shift+tab is the letter's
            await run_own_binding(self, event)

    def on_blur(self) -> None:
        """Back to the letter: the first lines, what weighs most, are the ones in view again (left scrolled,
        the area began mid-sentence and said nothing of the lines above)."""
        self.scroll_home(animate=False, immediate=True)

    def on_mount(self) -> None:
        self.watch(self, "virtual_size", self._count, init=False)
        self.watch(self, "scroll_y", self._count, init=False)

    def on_resize(self) -> None:
        self._count()

    def _count(self) -> None:
        self.below = max(0, self.max_scroll_y - round(self.scroll_y))

    def allow_focus(self) -> bool:
        return self.max_scroll_y > 0

    def show(self, warnings: list[str], left_out: list[str]) -> None:
        """Warnings first (the screen lists them by weight: facts.things_to_know), then the lines left out.
        Asked on every key typed in the letter: the same facts again change nothing (no layout)."""
        said = (tuple(warnings), tuple(left_out))
        if said == self._said:
            return
        self._said = said
        box = self.query_one("#letter-warnings", Static)
        box.update("\n".join(f"! {w}" for w in warnings))
        box.display = bool(warnings)
        rest = self.query_one("#letter-left-out", Static)
        rest.update("\n".join(f"Left out: {line}" for line in left_out))
        rest.display = bool(left_out)
        self.display = bool(warnings or left_out)

    def hint(self) -> str:
        """The words beside the status line: how to read what is out of sight, or how to get back."""
        if self.has_focus:
            return "↑↓ scroll · shift+tab: the letter"
        if self.below:
            return f"{self.below} more line{'s' if self.below > 1 else ''} below: tab"
        return ""
