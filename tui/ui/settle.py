"""Waiting for a widget to take the keys already handed to it: the basis of burst-safe forms.

Over a slow link keys arrive in bursts. The app hands printable keys to the
focused field's own queue, but runs priority bindings (a form's enter, tab,
ctrl+s) at once, so without a wait "enter" could move on, or save, before the
field had taken the characters typed before it. Awaiting `settled(field)` in
such an action first lets the field work through its queue; meanwhile the
app holds the later keys back, so they go, in order, to wherever the focus
moves next.
"""

from __future__ import annotations

import asyncio

from textual import events
from textual.widget import Widget

from tui.core.parts import LINK_LIMIT
from tui.core.text import on_one_line

# The longest a one-line field may be after a paste: five times the longest text any of them is saved with
# (a link). A 1 MB clipboard pasted into a company took seconds, and then every key in that field close to a
# second (fuzz fz7 5); it is refused, the field kept as typed, since no part of it is what was meant. A paste
# over a field's own limit and under this still goes in whole, for the user to trim: the save names the limit.
ONE_LINE_MOST = 5 * LINK_LIMIT


async def settled(widget: Widget | None) -> None:
    """Return once `widget` has handled every message queued for it before this call, or at once when it is
    closing (the palette dismissed by an escape typed after enter: waiting for it hung the app, fuzz fz3 2)."""
    if widget is None or not widget.is_attached:
        return
    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def mark() -> None:
        if not done.done():
            done.set_result(None)

    if widget.call_later(mark):  # False once its queue is closing: nothing more will be handled there
        await done


async def run_own_binding(widget: Widget, event: events.Key, *, printable: bool = True) -> bool:
    """Run `widget`'s own (non-priority) binding for this key now, in its own queue; True if one ran.

    Textual runs a widget's non-priority bindings only once the key has bubbled
    up to the app, where the app's queue already holds the later keys of a
    burst: a `j` typed before `enter` would then move the cursor after `enter`
    opened the line it was on. Run here, in the widget's `_on_key`, it acts in
    order, and a priority key that awaits `settled(widget)` comes after it.
    `printable=False` leaves printable keys to the widget (a text field types them).
    """
    if not printable and event.is_printable:
        return False
    for binding in widget._bindings.key_to_bindings.get(event.key, ()):
        if not binding.priority and await widget.app.run_action(binding.action, widget):
            event.stop()
            event.prevent_default()
            return True
    return False


class OwnKeysInOrder:
    """Mixed into a focusable widget (a list): its own keys act in the order they were typed (run_own_binding)."""

    async def _on_key(self, event: events.Key) -> None:
        assert isinstance(self, Widget)
        await run_own_binding(self, event)


# What the user types: keys, and text pasted in one go, which is typed text as much (fuzz fz7 1, 2). The app
# holds and hands on both, in the order they came.
Typed = events.Key | events.Paste


def again(event: Typed) -> Typed:
    """The same key or paste as a new event: the app will not forward one it has forwarded already."""
    if isinstance(event, events.Paste):
        return events.Paste(event.text)
    return events.Key(event.key, event.character)


def handed_on(widget: Widget, event: Typed) -> bool:
    """A key or paste queued in `widget` before a key ahead of it (tab) moved the focus on goes where the
    focus went, as typed; True if it was handed on."""
    focused = widget.screen.focused
    if focused is None or focused is widget:
        return False
    event.stop()
    event.prevent_default()
    focused.post_message(again(event))
    return True


# The zero-width joiner and non-joiner are parts of words ("👩‍💻" is one emoji; Persian writes "می‌خواهم"
# with one), typed as keys like any letter; dropped, they changed what the user wrote (review S3 3).
JOINERS = frozenset({"\u200c", "\u200d"})


class TypesInOrder:
    """Mixed into a text field (a form's input, the notes and letter editors): its own editing keys
    (backspace, delete, arrows, home, ctrl+u…) act where they were typed.

    Left to Textual, `abc`, backspace, `d` in one burst gave "abc": the backspace's
    binding ran only after `d` was typed, and took the `d` away.

    Where tab moves the focus (an input; an editor with tab_behavior "focus"), tab and shift+tab move
    it as they are typed too, and a key typed after one of them goes where the focus went: left to
    Textual, the tab bubbled up to the app behind the keys typed after it, so `tab x` in one burst
    typed the x here. (A form's tab is its own priority binding, which waits for the field: `settled`.)
    """

    async def _on_key(self, event: events.Key) -> None:
        assert isinstance(self, Widget)
        if handed_on(self, event):
            return
        if event.character in JOINERS and not getattr(self, "read_only", False):
            event.stop()  # Textual types only what Python calls printable, and these are not
            event.prevent_default()
            from textual.widgets import Input, TextArea

            if isinstance(self, (Input, TextArea)):  # over the selected text, if any, as any key typed
                self.replace(event.character, *self.selection)
            return
        if event.key in ("tab", "shift+tab") and getattr(self, "tab_behavior", "focus") == "focus":
            event.stop()
            event.prevent_default()
            self.screen.focus_next() if event.key == "tab" else self.screen.focus_previous()
            return
        if not await run_own_binding(self, event, printable=False):
            await super()._on_key(event)  # type: ignore[misc]

    async def _on_paste(self, event: events.Paste) -> None:
        """A paste goes where the keys typed before it went (handed_on), and into a one-line field whole,
        its line breaks as spaces: Textual's Input keeps only what comes before the first (fuzz fz7 4). Here,
        not as the app takes the paste: by the time the field gets it the focus may have moved, and a paste
        held with the keys around it is handed on later (fz7 2)."""
        assert isinstance(self, Widget)
        if handed_on(self, event):
            return
        from textual.widgets import Input

        if isinstance(self, Input):
            event.stop()
            event.prevent_default()
            start, end = sorted(self.selection)
            after = len(self.value) - (end - start) + len(event.text)
            if after > ONE_LINE_MOST:
                self.notify(f"Not pasted: the field would hold {after:,} characters, more than a one-line field "
                            f"takes ({ONE_LINE_MOST:,}). The field is as it was.", severity="warning", timeout=8)
                return
            self.replace(on_one_line(event.text), start, end)


def taken_down(screen: Widget) -> bool:
    """Whether `screen` lost its widgets before its Mount came: a quit (ctrl+q handing on keys kept while the
    window was too small, one of which opened it) removed them while they mounted, and Textual still sends
    the Mount. Its on_mount then has nothing to fill or focus (a NoMatches ended the app: fuzz fz3 3)."""
    return not screen.children
