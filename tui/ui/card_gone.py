"""A card deleted by another process while a screen over it is open: keep what was typed, close, and hold the keys.

The one way every screen about a card leaves when the card is gone: the
detail screen (with the forms and letters over it), and the screens the board
opens straight over a card (a letter from `t`/`f`, the reply, snooze and
outcome forms). The app calls each screen's `leave_if_gone` as it takes the
re-read that found the card gone (Changes.changed), before it handles the
next key: the user may be typing, and a screen closed under them by message
let the letters typed next reach the board's keys (reviews S and T: `d` `y`
deleted another card, `n` opened a form, `a` the statistics).

What the closed screens held goes to rescue files, and the one ConfirmScreen
is put up as a notice that takes only escape, saying where the text went.
"""

from __future__ import annotations

from textual.screen import Screen

from tui.ui.rescue import keep_rescued

WHY = "the application was deleted by another Followup process"


def said_kept(kept: list[tuple[str, str]]) -> str:
    """Where the text typed into a deleted card's screens went, for the notice that says it was deleted."""
    if not kept:
        return "Nothing you typed was waiting to be saved."
    lines = []
    for what, where in kept:
        if where.startswith("it is in "):
            lines.append(f"What you typed in {what} is saved in {where.removeprefix('it is in ')}")
        else:
            lines.append(f"What you typed in {what} was not saved, {where}")
    return "\n".join(lines)


def card_is_gone(screen: Screen, app_id: str) -> bool:
    """The screen is up and about a card the board no longer has."""
    return bool(app_id) and app_id not in screen.app.changelog.apps and screen in screen.app.screen_stack


def close_card_screens(screen: Screen, app_id: str, name: str, kept: list[tuple[str, str]] | None = None, *,
                       rescue_own: bool = True, said: str = "", why: str = WHY) -> None:
    """Close `screen` and every screen over it, now, keeping what they hold; then the notice.

    `kept`: what the caller rescued itself already (the detail screen's notes:
    then `rescue_own` is False), as (what was typed in, where it went). Each
    screen's `unsaved_texts` gives the rest, as on quitting. `said` and `why`:
    the notice's first line and the rescue files' reason when the card is
    still there but the screen can no longer stay (a letter with nobody left
    to write to, after another process changed the card).
    """
    app = screen.app
    kept = list(kept or [])
    stack = app.screen_stack
    for over in stack[stack.index(screen) + (0 if rescue_own else 1):]:
        collect = getattr(over, "unsaved_texts", None)
        for text in collect() if callable(collect) else []:
            text = text._replace(app_id=app_id)  # the rescue file is named after the card
            kept.append((text.what, keep_rescued(app.rescued, text, why)))
    # popped here and now, top first (Textual's pop_until_active waits for a later turn, when keys
    # may have gone to the screens above); their result callbacks are dropped, so no form saves
    while screen in app.screen_stack:
        app.pop_screen()
    from tui.ui.screens.confirm import ConfirmScreen

    # not awaited: on the stack now, so the next key the app handles goes to the notice
    back = "Back to the board" if len(app.screen_stack) == 1 else "Back"  # a letter over a card still there
    app.push_screen(ConfirmScreen(
        said or f"{name or 'The application'} was deleted by another Followup process.",
        [said_kept(kept), "Until you press escape, keys typed now do nothing."],
        acknowledge=back))
