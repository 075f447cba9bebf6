"""The follow-up count and wait start again when the process moves on their side (README, "Follow-ups"):
a new round, a reply, or their decision, also once the card is reopened after it. Steps logged at the
same moment (a frozen clock, times typed to the minute) are ordered as they were written down."""

import json
from datetime import datetime, timedelta, timezone

from cli_helpers import run
from tui.core import actions, correspondence, stats
from tui.core.deadlines import DeadlineKind, deadlines_for
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.core.stages import Stage

T = datetime(2026, 11, 25, 13, 0, tzinfo=timezone.utc)  # Wednesday
DAY = timedelta(days=1)
UTC_SETTINGS = Settings(timezone="UTC", holidays="", follow_up_limit=2)


def awaiting():
    app = actions.new_application("Acme", "Dev", now=T - 15 * DAY, round_at=T - 15 * DAY,
                                  interviewers=[Interviewer("Sam Ray")])
    return actions.move(app, Stage.AWAITING, now=T - 14 * DAY)


def follow_up_line(app, now):
    (deadline,) = [d for d in deadlines_for(app, UTC_SETTINGS, now) if d.kind in (DeadlineKind.FOLLOW_UP,
                                                                                   DeadlineKind.CLOSE)]
    return deadline


def test_a_follow_up_then_a_rejection_at_the_same_moment_then_reopened_starts_the_count_at_zero():
    app = correspondence.record_letter_sent(awaiting(), "follow-up", now=T)
    assert app.follow_up_count == 1
    app = correspondence.close(app, "rejected", now=T)
    app = correspondence.record_letter_sent(app, "rejection-reply", now=T)
    reopened = actions.move(app, Stage.AWAITING, now=T)
    assert reopened.follow_up_count == 0
    deadline = follow_up_line(reopened, T)
    assert (deadline.kind, deadline.action) == (DeadlineKind.FOLLOW_UP, "Follow up — Acme")
    assert deadline.due == T + 7 * DAY  # five business days after the rejection (and its reply)
    again = correspondence.record_letter_sent(reopened, "follow-up", now=T)  # written down after: it counts
    assert again.follow_up_count == 1
    assert follow_up_line(again, T).action == "Follow up again (#2) — Acme"


def test_a_reply_and_a_follow_up_at_one_moment_are_read_in_the_order_they_were_written_down():
    sent_first = correspondence.record_reply(correspondence.record_letter_sent(awaiting(), "follow-up", now=T), now=T)
    assert sent_first.follow_up_count == 0
    replied = correspondence.record_reply(awaiting(), now=T)
    replied_first = correspondence.record_letter_sent(replied, "follow-up", now=T)
    assert replied_first.follow_up_count == 1


def test_the_wait_after_reopening_starts_at_their_decision_not_at_the_old_follow_up():
    """No reply letter sent: reopening a rejected card must not make its follow-up overdue at once."""
    app = correspondence.record_letter_sent(awaiting(), "follow-up", now=T - 10 * DAY)
    app = correspondence.close(app, "rejected", now=T - DAY, at=T - DAY)
    reopened = actions.move(app, Stage.AWAITING, now=T)
    deadline = follow_up_line(reopened, T)
    assert deadline.action == "Follow up — Acme"
    assert deadline.due == T - DAY + 7 * DAY and not deadline.overdue  # Tue + 5 business days = next Tue


def test_statistics_count_silence_with_the_models_count_a_decision_written_down_ahead_included():
    """Two follow-ups, then a rejection on day 20 and the card reopened, read on day 18 (a clock that
    runs behind the file): no answer yet by day 18, but the model's count restarted, so not silent."""
    app = actions.new_application("Acme", "Dev", now=T, round_at=T)
    app = correspondence.record_letter_sent(app, "follow-up", now=T + 7 * DAY)
    app = correspondence.record_letter_sent(app, "follow-up", now=T + 14 * DAY)
    app = actions.move(correspondence.close(app, "rejected", now=T + 20 * DAY), Stage.AWAITING, now=T + 20 * DAY)
    assert app.follow_up_count == 0
    fig = stats.figures([app], Settings(timezone="UTC"), T + 18 * DAY)
    assert (fig.counted, fig.answered, fig.silent) == (1, 0, 0)


def test_cli_reopening_after_a_rejection_suggests_the_first_follow_up_again(cli_db, capsys):
    assert run(cli_db, "add", "Acme", "--role", "Dev", "--at", "2026-11-10 10:00", "-q",
               "--interviewer", "Sam Ray <sam@acme.example>") == 0
    short = capsys.readouterr().out.strip()
    assert run(cli_db, "move", short, "awaiting") == 0
    assert run(cli_db, "letter", short, "follow-up", "--mark-sent", "--force") == 1  # recorded, printed with gaps
    assert run(cli_db, "close", short, "rejected") == 0
    assert run(cli_db, "letter", short, "rejection-reply", "--mark-sent", "--force") == 1
    assert run(cli_db, "move", short, "awaiting") == 0
    capsys.readouterr()
    assert run(cli_db, "list", "--json") == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["next_action"] == "Follow up — Acme"
