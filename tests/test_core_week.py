"""The issue's "done means": a week of real processes, every deadline on the day and hour a careful
person would pick (England, working hours 09:00-17:00, time frozen by passing `now`).

Calendar (2026): Mon 18 May to Fri 22 May is an ordinary week; Mon 25 May is the Spring Bank
Holiday in England. Three companies: Acme (thanked, two references by Friday, then the wait), Bolt
("don't contact us before 1 June"), Cask (they invite the user back for a second round), and Dune,
whose rejection arrives on Friday evening.
"""

from __future__ import annotations

import pendulum

from tui.core import actions, correspondence, direction_actions
from tui.core.deadlines import DeadlineKind, deadlines_for
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.core.stages import Stage
from tui.core.timeutil import local

LONDON = "Europe/London"
SETTINGS = Settings(timezone=LONDON, holidays="GB-ENG")


def at(day, hour, minute=0):
    return pendulum.datetime(2026, 5, day, hour, minute, tz=LONDON)


def due(app, kind, now):
    """The one deadline of `kind`, as the user's clock shows it."""
    (found,) = [d for d in deadlines_for(app, SETTINGS, now) if d.kind is kind]
    return local(found.due, LONDON).format("ddd D MMM HH:mm")


def thank_first(app, now):
    return correspondence.record_letter_sent(app, "thank-you", now=now, interviewer_id=app.rounds[0].interviewers[0].id)


def new(company, round_at, *people):
    return actions.new_application(company, "SRE", now=round_at.add(hours=1), round_at=round_at,
                                   interviewers=[Interviewer(p) for p in people])


def test_a_week_of_real_processes_gets_every_deadline_on_the_right_day_and_hour():
    # Acme: an interview on Monday morning; the note is due exactly 24 h later, whatever the hour
    acme = new("Acme", at(18, 10), "Dana Kim")
    assert due(acme, DeadlineKind.THANK_YOU, at(18, 12)) == "Tue 19 May 10:00"
    acme = thank_first(acme, at(18, 16))
    refs = at(22, 0)  # "two references by Friday": a date without a time is due when the working day ends
    acme = direction_actions.add_direction(acme, "Send two references", "do-by", refs, now=at(18, 16, 5))
    assert due(acme, DeadlineKind.DIRECTION, at(18, 17)) == "Fri 22 May 17:00"
    acme = direction_actions.set_direction_done(acme, acme.directions[0].id, now=at(20, 9, 30))
    assert acme.stage is Stage.AWAITING
    # five working days after the references went (Wed 09:30, our last contact), the bank holiday skipped
    # (review T1 2: counted from the letter before them, Mon 16:00, it came back due at once)
    assert due(acme, DeadlineKind.FOLLOW_UP, at(20, 10)) == "Thu 28 May 09:30"

    # Bolt: they asked for silence until 1 June; the follow-up waits for it, at the start of that day
    bolt = new("Bolt", at(19, 14), "Lee Park")
    bolt = thank_first(bolt, at(19, 18))
    bolt = direction_actions.add_direction(bolt, "Don't contact us before June", "not-before",
                                 pendulum.datetime(2026, 6, 1, 9, tz=LONDON), now=at(19, 18, 5))
    bolt = actions.move(bolt, Stage.AWAITING, now=at(19, 18, 6))
    assert due(bolt, DeadlineKind.FOLLOW_UP, at(20, 10)) == "Mon 1 Jun 09:00"

    # Cask: two follow-ups went unanswered... then they invite the user back
    cask = new("Cask", at(4, 11), "Sam Roe")
    cask = thank_first(cask, at(4, 15))
    cask = correspondence.record_letter_sent(cask, "follow-up", now=at(11, 10))
    cask = correspondence.record_letter_sent(cask, "follow-up", now=at(18, 10))
    assert cask.follow_up_count == 2
    cask = correspondence.record_reply(cask, now=at(20, 15, 30), at=at(20, 15), via="call", note="a second round")
    cask = actions.add_round(cask, "Onsite", at(28, 10), [Interviewer("Ana Cruz")], now=at(20, 15, 35))
    found = {d.kind for d in deadlines_for(cask, SETTINGS, at(20, 16))}
    assert DeadlineKind.CLOSE not in found and DeadlineKind.FOLLOW_UP not in found  # the process moved on
    assert due(cask, DeadlineKind.INTERVIEW, at(20, 16)) == "Thu 28 May 10:00"
    assert cask.stage is Stage.AWAITING and cask.follow_up_count == 0
    held = actions.catch_up(cask, at(28, 12))
    assert held.stage is Stage.INTERVIEWED
    assert due(held, DeadlineKind.THANK_YOU, at(28, 12)) == "Fri 29 May 10:00"

    # Dune: the rejection arrives on Friday evening; the reply is due 48 h later, moved past the
    # weekend and the bank holiday to the first working hour
    dune = new("Dune", at(14, 10), "Kim Lo")
    dune = correspondence.close(dune, "rejected", now=at(22, 19, 40), at=at(22, 19, 30))
    assert due(dune, DeadlineKind.REJECTION_REPLY, at(22, 20)) == "Tue 26 May 09:00"
