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

from textual.widget import Widget


async def settled(widget: Widget | None) -> None:
    """Return once `widget` has handled every message queued for it before this call."""
    if widget is None or not widget.is_attached:
        return
    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def mark() -> None:
        if not done.done():
            done.set_result(None)

    widget.call_later(mark)
    await done
