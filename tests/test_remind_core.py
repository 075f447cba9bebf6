"""Which reminders go out, with time frozen by passing `now` (tui.core.remind).

The card: Acme, a round on Wed 25 Nov 2026 at 10:00 UTC with Dana Kim, so her
thank-you is due Thu 26 Nov 10:00 UTC (24 h). Zone: Europe/London (UTC in
November); default lead 2 h, reminder hours 08:00-21:00.
"""

from datetime import timedelta

import pendulum
import pytest
from hypothesis import given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from tui.core import actions, correspondence
from tui.core.deadlines import next_deadline
from tui.core.parts import Interviewer, Round
from tui.core.remind import (
    INTERVIEW,
    OVERDUE,
    SOON,
    due_reminders,
    in_remind_hours,
    next_opening,
    plan,
    shell_word,
)
from tui.core.settings import Settings
from tui.core.stages import Stage

SETTINGS = Settings(timezone="Europe/London")
ROUND = pendulum.datetime(2026, 11, 25, 10, 0, tz="UTC")
DUE = ROUND.add(hours=24)


def acme(names=("Dana Kim",)):
    return actions.new_application("Acme", "SRE", now=ROUND, round_at=ROUND,
                                   interviewers=[Interviewer(n) for n in names])


def sent_after(outgoing):
    return {o.reminder.sent_key(o.channel) for o in outgoing}


def test_nothing_before_the_lead_time():
    assert plan([acme()], SETTINGS, DUE.subtract(hours=2, minutes=1), set(), ["command"]) == []


def test_a_lead_time_reminder_says_what_to_do_and_the_command_that_does_it():
    app = acme()
    [out] = plan([app], SETTINGS, DUE.subtract(hours=1), set(), ["command"])
    reminder = out.reminder
    assert out.channel == "command" and reminder.stage == SOON
    assert reminder.text == "Thank Dana Kim (Acme) — due in 1 h"
    assert reminder.command == f'followup letter {app.short_id} thank-you --interviewer "Dana Kim"'
    assert reminder.body.splitlines() == [reminder.text, "Due Thu 26 Nov 10:00.", reminder.command]


def test_the_lead_time_is_the_setting():
    early = Settings(timezone="Europe/London", remind_before="1d")
    assert plan([acme()], SETTINGS, DUE.subtract(hours=20), set(), ["email"]) == []
    [out] = plan([acme()], early, DUE.subtract(hours=20), set(), ["email"])
    assert out.reminder.text.endswith("due in 20 h")


def test_overdue_after_the_lead_reminder_then_never_again():
    app = acme()
    first = plan([app], SETTINGS, DUE.subtract(hours=1), set(), ["command"])
    sent = sent_after(first)
    assert plan([app], SETTINGS, DUE.subtract(minutes=30), sent, ["command"]) == []  # not repeated
    second = plan([app], SETTINGS, DUE.add(hours=2), sent, ["command"])
    assert [o.reminder.stage for o in second] == [OVERDUE]
    assert second[0].reminder.text == "Thank Dana Kim (Acme) — 2 h overdue"
    sent |= sent_after(second)
    for hours in (3, 10, 30):  # at most two per deadline and channel
        assert plan([app], SETTINGS, DUE.add(hours=hours), sent, ["command"]) == []


def test_both_first_apply_in_one_run_one_message():
    """The timer did not run during the lead time (the laptop slept): one overdue message."""
    app = acme()
    out = plan([app], SETTINGS, DUE.add(hours=1), set(), ["command"])
    assert [o.reminder.stage for o in out] == [OVERDUE]
    assert plan([app], SETTINGS, DUE.add(hours=2), sent_after(out), ["command"]) == []


def test_nothing_outside_the_reminder_hours_it_waits_for_them():
    night = Settings(timezone="Europe/London", remind_hours="08:00-21:00")
    app = actions.new_application("Acme", "SRE", now=ROUND, round_at=pendulum.datetime(2026, 11, 25, 4, 0, tz="UTC"),
                                  interviewers=[Interviewer("Dana Kim")])
    three_am = pendulum.datetime(2026, 11, 26, 3, 0, tz="UTC")  # due 04:00: inside the lead time
    assert not in_remind_hours(night, three_am)
    assert plan([app], night, three_am, set(), ["command"]) == []
    assert next_opening(night, three_am) == pendulum.datetime(2026, 11, 26, 8, 0, tz="UTC")
    eight = pendulum.datetime(2026, 11, 26, 8, 0, tz="UTC")
    out = plan([app], night, eight, set(), ["command"])
    assert [o.reminder.stage for o in out] == [OVERDUE]  # what waited goes out, once


def test_reminder_hours_are_the_users_clock():
    tokyo = Settings(timezone="Asia/Tokyo", remind_hours="08:00-21:00")
    assert in_remind_hours(tokyo, pendulum.datetime(2026, 11, 26, 0, 0, tz="UTC"))  # 09:00 in Tokyo
    assert not in_remind_hours(tokyo, pendulum.datetime(2026, 11, 26, 13, 0, tz="UTC"))  # 22:00


def test_each_channel_gets_its_own_messages_and_its_own_record():
    app = acme()
    both = plan([app], SETTINGS, DUE.subtract(hours=1), set(), ["desktop", "email"])
    assert sorted(o.channel for o in both) == ["desktop", "email"]
    only_email_sent = {o.reminder.sent_key(o.channel) for o in both if o.channel == "email"}
    retry = plan([app], SETTINGS, DUE.subtract(minutes=50), only_email_sent, ["desktop", "email"])
    assert [o.channel for o in retry] == ["desktop"]  # the failed channel tries again, the other does not repeat


def test_an_upcoming_interview_is_reminded_before_it_and_not_after():
    app = actions.move(acme(), Stage.AWAITING, now=ROUND)
    onsite = pendulum.datetime(2026, 11, 30, 14, 0, tz="UTC")
    app.rounds.append(Round(name="Onsite", at=onsite))
    [out] = [o for o in plan([app], SETTINGS, onsite.subtract(minutes=90), set(), ["command"])
             if o.reminder.kind == INTERVIEW]
    assert out.reminder.text == "Onsite interview at Acme — in 2 h, Mon 30 Nov 14:00"  # 90 min, to the nearest hour
    assert out.reminder.command == f"followup show {app.short_id}"
    assert out.reminder.ref == app.rounds[-1].id
    later = plan([app], SETTINGS, onsite.add(minutes=5), set(), ["command"])
    assert INTERVIEW not in [o.reminder.kind for o in later]  # it has happened: nothing to remind


def test_a_moved_deadline_is_reminded_afresh():
    app = acme()
    sent = sent_after(plan([app], SETTINGS, DUE.add(hours=1), set(), ["command"]))
    later = actions.add_round(app, "Second", DUE.add(hours=2), [Interviewer("Lee Park")], now=DUE.add(hours=2))
    out = plan([later], SETTINGS, DUE.add(hours=24), sent, ["command"])
    assert [o.reminder.text for o in out] == ["Thank Lee Park (Acme) — due in 2 h"]


def test_long_overdue_deadlines_stay_quiet():
    assert plan([acme()], SETTINGS, DUE.add(days=8), set(), ["command"]) == []


def test_commands_per_kind():
    app = acme()
    closed = correspondence.close(app, "rejected", now=DUE)
    reply_due = next_deadline(closed, SETTINGS, DUE).due  # reply_hours later, moved into working hours
    [out] = plan([closed], SETTINGS, reply_due - timedelta(hours=1), set(), ["command"])
    assert out.reminder.command == f"followup letter {app.short_id} rejection-reply"
    assert out.reminder.text == "Reply: thank them, ask for feedback (Acme) — due in 1 h"


def test_a_shared_short_id_is_written_whole():
    one, two = acme(), acme()
    two.id = one.id[:8] + "f" * (len(one.id) - 8)
    commands = {r.command for r in due_reminders([one, two], SETTINGS, DUE)}
    assert commands == {f'followup letter {a.id} thank-you --interviewer "Dana Kim"' for a in (one, two)}


@pytest.mark.parametrize(("text", "word"), [
    ("Dana", "Dana"), ("Dana Kim", '"Dana Kim"'), ('Jo "JJ" $x', '"Jo \\"JJ\\" \\$x"'), ("O'Neil", '"O\'Neil"'),
])
def test_shell_words(text, word):
    assert shell_word(text) == word


@hyp_settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=60 * 24 * 9), min_size=1, max_size=12))
def test_never_more_than_two_per_deadline_and_channel(minutes):
    """Whatever moments the timer happens to run at, each deadline gets at most two messages."""
    app = acme(("Dana Kim", "Lee Park"))
    sent: set = set()
    counts: dict = {}
    for offset in sorted(minutes):
        now = ROUND + timedelta(minutes=offset)
        for out in plan([app], SETTINGS, now, sent, ["email"]):
            key = (out.reminder.ref, out.reminder.due)
            counts[key] = counts.get(key, 0) + 1
            sent.add(out.reminder.sent_key(out.channel))
    assert all(count <= 2 for count in counts.values())


@pytest.mark.parametrize("ahead", [timedelta(minutes=30), timedelta(minutes=90), timedelta(minutes=119)])
def test_reminders_word_the_distance_as_the_board_does(ahead):
    """An interview's reminder and a thank-you's say how far off they are with the board's one rounding
    (timefmt.distance_short): the same distance reads the same in both."""
    from tui.core.timefmt import distance_short

    now = DUE - ahead
    upcoming = actions.new_application("Globex", "Dev", now=now.subtract(days=1), round_at=now + ahead)
    found = {r.kind: r.text for r in due_reminders([acme(), upcoming], SETTINGS, now)}
    words = distance_short(ahead.total_seconds())
    assert found["thank-you"].endswith(f"— due {words}")
    assert f"at Globex — {words}, " in found[INTERVIEW]
