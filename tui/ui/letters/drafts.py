"""The letters one letter screen goes through, with the user's edits, and the checks on them.

Plain Python (no Textual), so the screen stays about keys and widgets. Letters
are never stored: each is drafted from the card by `tui.core.letters.draft`
(exactly what `followup letter` prints), and what the user typed lives here,
per interviewer (and offer variant), only while the screen is open.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from pendulum import DateTime

from tui.core import deadlines, letter_checks, letters, recipients
from tui.core.deadlines import DeadlineKind
from tui.core.errors import ValidationError
from tui.core.letters import Letter
from tui.core.model import Application
from tui.core.settings import Settings
from tui.core.stages import LetterKind, Outcome, Stage

Key = tuple[str | None, str | None]  # (interviewer id, offer variant)


def letter_kind_for(application: Application) -> LetterKind:
    """What `f` drafts for a card: the reply a closed card needs, else a follow-up."""
    if application.stage is Stage.CLOSED:
        if application.outcome is Outcome.REJECTED:
            return LetterKind.REJECTION_REPLY
        if application.outcome in (Outcome.OFFER, Outcome.ACCEPTED):
            return LetterKind.OFFER_REPLY
    return LetterKind.FOLLOW_UP


def refusal(application: Application, kind: LetterKind | str, now: DateTime, settings: Settings,
            interviewer_ids: list[str] | None = None) -> str | None:
    """Why the board does not offer this letter for the card now (None: it does), in a sentence."""
    kind = LetterKind.parse(kind)
    interviewer_id = interviewer_ids[0] if interviewer_ids and len(interviewer_ids) == 1 else None
    misfit = letter_checks.misfit(application, kind, now, settings.zone, interviewer_id=interviewer_id)
    if misfit is None:
        return None
    return f"No {kind.value} letter: {misfit}."  # the reason goes on the sentence: no capital (review V 11)


def thank_you_targets(application: Application, interviewer_ids: list[str] | None, now: DateTime,
                      settings: Settings) -> list[str]:
    """Whom the thank-you notes go to: those named, else everyone still waiting in the round the notes
    are for (Application.thank_you_round: a round still to come does not hide it), else (all thanked
    already) everyone in it again. Those owed a note come in the order of their deadlines
    (`deadlines.deadline_order`), so note 1 is to the person the card, the focus line and the card's
    header name first: it was to the one the round listed first (review R7 8)."""
    if interviewer_ids:
        targets = [application.find_interviewer(key)[1].id for key in interviewer_ids]
    else:
        waiting = recipients.unthanked_interviewers(application, now)
        if waiting:
            targets = [p.id for p in waiting]
        else:
            held = application.thank_you_round(now)
            if held is None:
                raise ValidationError(
                    f"{application.company} has no interviewer recorded for a round that took place: "
                    "add one on its card (enter), then press t again")
            return [p.id for p in held.interviewers]
    owed = sorted((d for d in deadlines.deadlines_for(application, settings, now)
                   if d.kind is DeadlineKind.THANK_YOU and d.ref in targets), key=deadlines.deadline_order)
    first = [d.ref for d in owed]
    return first + [t for t in targets if t not in first]  # anyone not owed a note now (thanked already) after


class LetterDrafts:
    """Letters of one kind for one card: which one is shown, and what the user changed."""

    def __init__(
        self, application: Application, kind: LetterKind | str, settings: Settings, now: DateTime,
        templates_dir: Path | None, interviewer_ids: list[str] | None = None,
    ) -> None:
        self.kind = LetterKind.parse(kind)
        self.application = application
        self.settings = settings
        self.now = now
        self.templates_dir = templates_dir
        if self.kind is LetterKind.THANK_YOU:
            self.targets: list[str | None] = list(thank_you_targets(application, interviewer_ids, now, settings))
        else:
            self.targets = [application.find_interviewer(k)[1].id for k in interviewer_ids or []] or [None]
        self.variants: tuple[str, ...] = letters.VARIANTS.get(self.kind, ())
        self.index = 0
        self.variant_index = 0
        self._fresh: dict[Key, Letter] = {}
        self._edited: dict[Key, Letter] = {}
        self.fresh()  # draft the first letter now, so a bad template fails at once

    # --- which letter ----------------------------------------------------
    @property
    def variant(self) -> str | None:
        return self.variants[self.variant_index] if self.variants else None

    @property
    def key(self) -> Key:
        return self.targets[self.index], self.variant

    @property
    def count(self) -> int:
        return len(self.targets)

    def step(self, delta: int) -> None:
        """Next / previous letter, going round at the ends."""
        self.index = (self.index + delta) % self.count

    def next_variant(self) -> None:
        if self.variants:
            self.variant_index = (self.variant_index + 1) % len(self.variants)

    def go_to(self, interviewer_id: str) -> bool:
        if interviewer_id in self.targets:
            self.index = self.targets.index(interviewer_id)
            return True
        return False

    # --- the letters -----------------------------------------------------
    def fresh(self, key: Key | None = None) -> Letter:
        """The letter as drafted from the card, before any edit."""
        key = key or self.key
        if key not in self._fresh:
            interviewer_id, variant = key
            self._fresh[key] = letters.draft(
                self.application, self.kind, self.settings, self.now, interviewer_id=interviewer_id,
                templates_dir=self.templates_dir, variant=variant)
        return self._fresh[key]

    def sendable(self, at: datetime | None) -> Letter:
        """The letter shown as it is recorded when it went out at `at` (None: now): the answer date asking
        for time promised counts from then, as `followup letter --mark-sent --at` counts it; an unedited
        draft is drafted again from then, its text naming that day."""
        letter = self.current
        if at is None or letter.answer_by is None:
            return letter
        interviewer_id, variant = self.key
        then = letters.draft(self.application, self.kind, self.settings, self.now, interviewer_id=interviewer_id,
                             templates_dir=self.templates_dir, variant=variant, sent_at=at)
        if not self.edited:  # the draft is still ours: its text names the day counted from then, as the command
            return then  # line's --mark-sent --at writes it (review X4 #1: the letter promised a day later)
        return replace(letter, answer_by=then.answer_by)

    def letter(self, key: Key) -> Letter:
        return self._edited.get(key) or self.fresh(key)

    @property
    def current(self) -> Letter:
        return self.letter(self.key)

    @property
    def edited(self) -> bool:
        return self.key in self._edited

    def edited_letters(self) -> list[Letter]:
        """Every letter the user changed and has not sent: what leaving must not drop silently."""
        return list(self._edited.values())

    def sent(self) -> None:
        """The letter shown went out: its edits are on record, no longer words that leaving would drop."""
        self._edited.pop(self.key, None)

    def revise(self, subject: str, body: str) -> Letter:
        """Take the user's subject and body for the letter shown; its gaps are counted again."""
        fresh = self.fresh()
        if (subject, body) == (fresh.subject, fresh.body):
            self._edited.pop(self.key, None)
            return fresh
        revised = fresh.revised(subject=subject, body=body)
        self._edited[self.key] = revised
        return revised

    # --- whom a letter to the company goes to ------------------------------
    def people(self) -> list[tuple[str, str]]:
        """Whom this letter may go to, as (label, interviewer id): first the one recipients.recipient picks
        (id ""), then everyone else on the card, once, latest round first. A thank-you note has its own."""
        chosen = recipients.recipient(self.application, self.now)
        why = f" ({chosen.why})" if chosen.why else ""
        found = [(f"{chosen.display or 'nobody yet'}{why}", "")]
        seen = {chosen.display}
        for rnd in sorted(self.application.rounds, key=lambda r: r.at, reverse=True):
            for person in rnd.interviewers:
                if person.display() not in seen:
                    seen.add(person.display())
                    found.append((person.display(), person.id))
        return found

    def write_to(self, interviewer_id: str | None) -> None:
        """Draft the shown letter to this interviewer (None: whom recipients.recipient picks); what was typed
        in the letter to the one before stays with them, as it does for the next note."""
        if self.kind is LetterKind.THANK_YOU:
            raise ValidationError("a thank-you note goes to the interviewer it is for: ctrl+n goes to the next")
        self.fresh((interviewer_id, self.variant))  # a bad choice fails here, before anything changes
        self.targets[self.index] = interviewer_id

    def revise_text(self, text: str) -> Letter:
        """The whole text back from an editor: a `Subject:` first line, then the body."""
        subject, body = letters.split_text(text.replace("\r\n", "\n"), self.current.subject)
        return self.revise(subject.strip(), body.strip("\n"))

    def refresh(self, application: Application, now: DateTime) -> list[Letter]:
        """The card changed: draft again from it, keeping what the user typed.

        An interviewer no longer on the card drops out; when nobody is left the
        ValidationError says so. The edited letters of those who dropped out come
        back: the user's words, which the screen must not drop without a word."""
        self.application, self.now = application, now
        self._fresh.clear()
        shown = self.targets[self.index]
        keep = []
        for target in self.targets:
            try:
                self.fresh((target, self.variant))
            except ValidationError:
                continue
            keep.append(target)
        if not keep:
            raise ValidationError(f"{application.company} has no one left to write this letter to")
        self.targets = keep
        self.index = keep.index(shown) if shown in keep else min(self.index, len(keep) - 1)
        dropped = []
        for key, letter in list(self._edited.items()):
            if key[0] not in keep:
                dropped.append(self._edited.pop(key))
            else:
                self._edited[key] = self.fresh(key).revised(subject=letter.subject, body=letter.body)
        return dropped

    # --- checks ----------------------------------------------------------
    def duplicates(self) -> list[tuple[Letter, float]]:
        """Thank-you notes for the same round that read nearly like the one shown
        (as they stand now, with the user's edits)."""
        current = self.current
        if self.kind is not LetterKind.THANK_YOU or current.round_id is None:
            return []
        rnd = next((r for r in self.application.rounds if r.id == current.round_id), None)
        if rnd is None:
            return []
        others = []
        for person in rnd.interviewers:
            if person.id != current.interviewer_id:
                try:
                    others.append(self.letter((person.id, None)))
                except ValidationError:
                    continue
        found = []
        for a, b, ratio in letter_checks.near_duplicates([current, *others]):
            if a is current or b is current:
                found.append((b if a is current else a, ratio))
        return found

    def timing(self) -> str | None:
        """How early a follow-up drafted now is, or what comes first (see letter_checks.follow_up_timing)."""
        if self.kind is not LetterKind.FOLLOW_UP:
            return None
        return letter_checks.follow_up_timing(self.application, self.settings, self.now)

    def blockers(self, now: DateTime) -> list[str]:
        return letter_checks.send_blockers(self.application, self.current, now, self.settings.zone)

    def sent_at(self) -> DateTime | None:
        """When the letter shown was recorded as sent, if it was.

        A thank-you: that person's thanked time. A reply to an outcome: a reply
        recorded since that outcome (an older one answered an earlier one); an offer reply, one with its
        subject (asking for time is not the answer that follows it). A
        follow-up never: each is a new letter, the next after those already
        sent (`follow_ups_sent`), and `timing` says when one would be early.
        """
        letter, app = self.current, self.application
        if self.kind is LetterKind.THANK_YOU:
            try:
                return app.find_interviewer(letter.interviewer_id)[1].thanked_at
            except ValidationError:
                return None
        if self.kind is LetterKind.FOLLOW_UP:
            return None
        since = app.outcome_at
        sent = [c.at for c in app.contacts
                if c.kind == self.kind.value and not c.inbound and (since is None or c.at >= since)
                and (self.kind is not LetterKind.OFFER_REPLY or c.summary == f"“{letter.subject}”")]
        return max(sent) if sent else None

    def follow_ups_sent(self) -> list[datetime]:
        """When the follow-ups that count (since the process last moved) went out, oldest first."""
        return sorted(c.at for c in self.application.follow_ups_that_count())

    def contacts_sent(self) -> int:
        """How many letters of this kind the card records; a mark-sent adds one."""
        return sum(1 for c in self.application.contacts if c.kind == self.kind.value and not c.inbound)

    def unsent_after(self) -> str | None:
        """The next thank-you target (after the one shown) not yet thanked, if any."""
        if self.kind is not LetterKind.THANK_YOU:
            return None
        for offset in range(1, self.count):
            target = self.targets[(self.index + offset) % self.count]
            try:
                _, person = self.application.find_interviewer(target)
            except ValidationError:
                continue
            if person.thanked_at is None:
                return target
        return None
