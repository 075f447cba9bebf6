"""Recording a letter as sent from the letter screen (ctrl+r, ctrl+b): the question first, then the
change posted for the app to apply, then, once the card shows it, the next note or the way back.

A mixin of LetterScreen (tui/ui/letters/screen.py), which holds the drafts, the
letter shown and `_awaiting`, the mark-sent that waits for the app's
ApplicationsChanged (`on_applications_changed` calls `_after_sent`).
"""

from __future__ import annotations

from tui.core import clock, correspondence, letter_checks, timefmt
from tui.core.text import sentence
from tui.ui.letters.dialogs import SentAtForm
from tui.ui.letters.facts import consequence
from tui.ui.messages import ChangeRequested
from tui.ui.screens.confirm import ConfirmScreen
from tui.ui.settle import settled


class MarkingSent:
    async def action_mark_sent_at(self) -> None:
        """Sent at…: the letter went out earlier (from a phone, a webmail): ask when, then as ctrl+r."""
        await self._take_typed_edits()
        drafts, letter = self.drafts, self.letter

        def read(text: str):
            now, zone = clock.now(), drafts.settings.zone
            at = letter_checks.read_sent_at(text, drafts.application, letter, now, zone)
            correspondence.check_reply_sent_at(drafts.application, letter.kind, at, zone=zone, now=now)
            return at

        # awaited from a priority binding: keys typed right after ctrl+b land in the form, not the letter
        form = SentAtForm(read, clock.now(), drafts.settings.zone)
        await self.app.push_screen(form, lambda at: self.ask_mark_sent(at) if at is not None else None)

    async def action_mark_sent(self) -> None:
        await settled(self.focused)
        await self.ask_mark_sent()

    def ask_mark_sent(self, at=None):
        """Ask before recording the letter as sent (`at`: when, None for now); the question's screen's
        push, for an action to await."""
        self._take_edits()
        letter, drafts = self.letter, self.drafts
        now = clock.now()
        who = letter.recipient_name or drafts.application.company
        details = [sentence(blocker) for blocker in drafts.blockers(at or now)]
        sent = drafts.sent_at()
        if sent is not None:
            when = timefmt.at(sent, drafts.settings.zone, timefmt.DAY_TIME)
            details.append(f"It was already recorded as sent on {when}; this records it again.")
        details.append(consequence(drafts, self.kind, drafts.sendable(at), at))
        yes = "record it" if len(details) == 1 else "record it anyway"
        when = "now" if at is None else timefmt.understood(at, drafts.settings.zone, now)
        return self.app.push_screen(
            ConfirmScreen(f"Record the {self.kind.noun} to {who} as sent {when}?", details, yes=yes),
            lambda ok: self._mark_sent(at) if ok else None,
        )

    def _mark_sent(self, at=None) -> None:
        letter, drafts = self.letter, self.drafts
        zone = drafts.settings.zone

        sending = drafts.sendable(at)

        def change(application):
            return letter_checks.mark_sent(application, sending, now=clock.now(), zone=zone, force=True, at=at)

        who = letter.recipient_name or drafts.application.company
        self._awaiting = (drafts.key, drafts.contacts_sent(), drafts.application.stage, drafts.application.outcome)
        self.post_message(ChangeRequested(self.app_id, change, f"Mark the {self.kind.noun} to {who} sent"))

    def _after_sent(self, target: str | None, stage_before, outcome_before=None) -> None:
        drafts = self.drafts
        if target is not None:
            drafts.go_to(target)
        drafts.sent()
        who = self.letter.recipient_name or drafts.application.company
        stage = drafts.application.stage
        where = (f"{drafts.application.company} moved to {stage.label}" if stage is not stage_before
                 else f"{drafts.application.company} stays in {stage.label}")
        outcome = drafts.application.outcome
        if outcome is not outcome_before and outcome is not None:  # as the command line says it
            where += f"; outcome: {outcome.label}"
        following = drafts.unsent_after()
        if following is not None:
            drafts.go_to(following)
            self._show()
            self.refresh_bindings()
            self.notify(f"Recorded the note to {who}. Next: {self.letter.recipient_name} "
                        f"({drafts.index + 1} of {drafts.count}).")
            return
        self.notify(f"Recorded the {self.kind.noun} to {who}. {where}.")
        self.dismiss()
