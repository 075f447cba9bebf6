"""What the board's keys ask the user for: how it ended, their reply, a snooze, a new card, a deletion;
and `space`, a thank-you sent without a letter, which asks nothing when the card owes one note.

A mixin for BoardScreen (which provides `_current_app`, `zone` and `sidebar`).
Each answer is applied at once through the app (apply_change, add_application,
delete_application). A form's answer that the app refuses (its card deleted by
another process, a read-only file) keeps what was typed in a rescue file
(FormScreen.rescue_refused): the form is gone from the screen by then.
"""

from __future__ import annotations

from tui.core import clock
from tui.core.text import sentence  # the core's one wording (as `followup snooze` prints it)


class BoardQuestions:
    async def action_thanked(self) -> None:
        """space, as in the card's rounds (PRODUCT: the same key means the same thing on every screen): the
        card's one thank-you note marked sent without a letter; with several owed, where to mark each. On
        the sidebar, the highlighted row's note, as `z` puts off that row's deadline (review S8 2)."""
        from tui.core.deadlines import DeadlineKind, deadline_order

        application = self._current_app()  # on the sidebar, the row's card
        if application is None:
            return
        row = self.sidebar.current if self.focused is self.sidebar else None
        # the deadlines the board made when the card last changed, as `z` reads them (_card_task)
        there = [row] if row is not None else [entry[4] for entry in self.sidebar.by_app.get(application.id, ())]
        owed = sorted((d for d in there if d.kind is DeadlineKind.THANK_YOU), key=deadline_order)
        if len(owed) != 1:
            names = ", ".join(d.person for d in owed)
            self.notify(f"{application.company} owes notes to {names}: space on each person in its rounds "
                        "(enter, 2) marks them, t writes them." if owed else
                        "This row is not a thank-you note: space marks one sent without a letter." if row else
                        f"{application.company} owes no thank-you note now.")
            return
        (note,) = owed
        from tui.core import actions

        if self.app.apply_change(application.id, lambda a: actions.set_thanked(a, note.ref, True, now=clock.now(),
                                                                               zone=self.zone),
                                 f"Thank {note.person} — {application.company}"):
            self.notify(f"Marked the note to {note.person} sent, without a letter. u undoes it.")

    async def record_outcome(self, app_id: str | None = None) -> None:
        """The outcome form for `app_id` (default: the focused card): app.record_outcome."""
        application = self.app.changelog.apps.get(app_id) if app_id else self._current_app()
        if application is not None:
            await self.app.record_outcome(application.id)

    async def action_reply(self) -> None:
        application = self._current_app()
        if application is not None:
            await self.ask_reply(application.id)

    async def ask_reply(self, app_id: str) -> None:
        """The reply form for one card: the board's `r`, and `r` in the card's detail screen."""
        from tui.ui.detail.process_forms import ReplyForm

        application = self.app.changelog.apps.get(app_id)
        if application is None:
            return

        form = ReplyForm(application.company, clock.now(), self.zone)
        form.app_id = application.id  # names a rescue file, if one is needed

        def replied(values) -> None:
            if values is None:
                return
            from tui.core import correspondence

            self.app.apply_change(
                application.id,
                lambda a: correspondence.record_reply(a, now=clock.now(), at=values["at"], via=values["via"],
                                               note=values["note"]),
                f"{application.company} replied",
                refused=form.rescue_refused,
            )

        await self.app.push_screen(form, replied)

    def _snooze_target(self):
        """The sidebar row's deadline when the sidebar has the focus, else the card's next task of ours:
        the one its card and the sidebar show, from the deadlines the board made when the card last
        changed (an interview or a quiet period is not put off)."""
        from tui.core.snoozing import nothing_to_snooze, snoozable

        if self.focused is self.sidebar and self.sidebar.current is not None:
            found = self.sidebar.current
            if not snoozable(found):
                self.notify(sentence(nothing_to_snooze(found.company, (), row=found)), severity="warning")
                return None
            return found
        application = self._current_app()
        return self._card_task(application) if application is not None else None

    def _card_task(self, application):
        """The card's next task of ours, the one its card and the sidebar show (None, said, if none)."""
        from tui.core.snoozing import next_snoozable, nothing_to_snooze

        there = [entry[4] for entry in self.sidebar.by_app.get(application.id, ())]
        task = next_snoozable(there)
        if task is None:
            self.notify(sentence(nothing_to_snooze(application.company, there)), severity="warning")
        return task

    async def action_snooze(self) -> None:
        deadline = self._snooze_target()
        if deadline is not None:
            await self.ask_snooze(deadline)

    async def snooze_card(self, app_id: str) -> None:
        """`z` in a card's detail screen: its next deadline, as `z` on its card."""
        application = self.app.changelog.apps.get(app_id)
        deadline = self._card_task(application) if application is not None else None
        if deadline is not None:
            await self.ask_snooze(deadline)

    async def ask_snooze(self, deadline) -> None:
        from tui.core.snoozing import snooze_deadline  # the changes' modules load at the first change
        from tui.ui.detail.process_forms import SnoozeForm

        form = SnoozeForm(deadline, clock.now(), self.zone)
        form.app_id = deadline.app_id

        def snoozed(values) -> None:
            if values is None:
                return

            self.app.apply_change(
                deadline.app_id,
                lambda a: snooze_deadline(a, deadline, values["until"], now=clock.now(), reason=values["reason"]),
                f"Snooze {deadline.action}",
                refused=form.rescue_refused,
            )

        await self.app.push_screen(form, snoozed)

    async def action_new(self) -> None:
        from tui.ui.screens.new_application import NewApplicationScreen

        form = NewApplicationScreen(clock.now, self.zone)

        def added(application) -> None:
            if application is not None:
                self.app.add_application(application, refused=form.rescue_refused)

        await self.app.push_screen(form, added)

    async def action_delete(self) -> None:
        application = self._current_app()
        if application is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.app.delete_application(application.id)

        question = f"Delete {application.company} — {application.role}?\nu brings it back."
        from tui.ui.screens.confirm import ConfirmScreen

        await self.app.push_screen(ConfirmScreen(question, yes="Delete", no="Keep it"), answered)
