"""The promise an ask-for-time letter leaves: its date counts from when the letter went out, a date given
by hand is read or refused, it is kept once the offer is answered by any path, and no answer predates
it. Also the `{{name}}` escape, which no edit turns into a gap."""

import pendulum
import pytest

from cli_helpers import configure, digest
from tui import cli
from tui.core import actions, correspondence, letter_checks, letters
from tui.core.errors import ValidationError
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.core.stages import Outcome, Stage
from tui.store.store import Store

NOW = pendulum.datetime(2026, 11, 25, 10, 30, tz="UTC")  # a Wednesday
LONDON = "Europe/London"
SETTINGS = Settings(name="Alex Morgan", timezone=LONDON)
PROMISE = "Give your answer on the offer (promised in your letter)"


def offered():
    app = actions.new_application(
        "Acme", "Engineer", now=NOW.subtract(days=5), round_name="Interview", round_at=NOW.subtract(days=5),
        interviewers=[Interviewer("Dana Kim", email="dana@acme.example")])
    return correspondence.close(app, "offer", now=NOW, at=NOW.subtract(days=1))  # told Tuesday 10:30


def asked(at=None):
    app = offered()
    letter = letters.draft(app, "offer-reply", SETTINGS, NOW, variant="ask-for-time", sent_at=at)
    return letter_checks.mark_sent(app, letter, now=NOW, zone=SETTINGS.zone, at=at)


def promises(app):
    return [(d.due, d.is_open) for d in app.directions if d.text == PROMISE]


# --- 1: counted from when it went out --------------------------------------------

def test_a_letter_sent_yesterday_promised_three_business_days_from_yesterday():
    tuesday = pendulum.datetime(2026, 11, 24, 16, 0, tz=LONDON)
    letter = letters.draft(offered(), "offer-reply", SETTINGS, NOW, variant="ask-for-time", sent_at=tuesday)
    assert "by Friday 27 November" in letter.body
    assert promises(asked(tuesday)) == [(pendulum.datetime(2026, 11, 27, 17, tz=LONDON), True)]


# --- 2: a date given by hand ------------------------------------------------------

@pytest.mark.parametrize("typed, due", [
    ("Monday 30 November", pendulum.datetime(2026, 11, 30, 17, tz=LONDON)),  # the app's own wording
    ("Fri 4 Dec", pendulum.datetime(2026, 12, 4, 17, tz=LONDON)),
    ("4 dec", pendulum.datetime(2026, 12, 4, 17, tz=LONDON)),
])
def test_an_answer_date_in_the_letters_wording_is_read(typed, due):
    letter = letters.draft(offered(), "offer-reply", SETTINGS, NOW, variant="ask-for-time",
                           values={"answer_by": typed})
    assert letter.answer_by == due


def test_a_weekday_that_disagrees_with_the_date_is_refused():
    with pytest.raises(ValidationError, match="4 Dec is a Friday, not Thu"):
        letters.draft(offered(), "offer-reply", SETTINGS, NOW, variant="ask-for-time",
                      values={"answer_by": "Thu 4 Dec"})


@pytest.fixture
def acme_db(tmp_path, monkeypatch):
    configure(tmp_path, monkeypatch, f'name = "Alex Morgan"\ntimezone = "{LONDON}"\n', now=NOW.isoformat())
    db = tmp_path / "followup.json"
    app = offered()
    Store(db).open().add(app)
    return db, app


def test_cli_an_unreadable_answer_date_records_nothing(acme_db, capsys):
    db, _ = acme_db
    before = digest(db)
    assert cli.main(["--db", str(db), "letter", "acme", "offer-reply", "--variant", "ask-for-time", "--mark-sent",
                     "--set", "answer_by=the end of next week"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "cannot read the answer date" in err
    assert digest(db) == before


def test_cli_mark_sent_at_counts_the_promise_from_then(acme_db, capsys):
    db, app = acme_db
    assert cli.main(["--db", str(db), "letter", "acme", "offer-reply", "--variant", "ask-for-time", "--mark-sent",
                     "--at", "yesterday 16:00"]) == 0
    out, err = capsys.readouterr()
    assert "by Friday 27 November" in out and "due Fri 27 Nov 17:00" in err
    assert promises(Store(db).open().get(app.id)) == [(pendulum.datetime(2026, 11, 27, 17, tz=LONDON), True)]


def test_cli_a_set_answer_date_is_the_deadline(acme_db, capsys):
    db, app = acme_db
    assert cli.main(["--db", str(db), "letter", "acme", "offer-reply", "--variant", "ask-for-time", "--mark-sent",
                     "--set", "answer_by=Monday 30 November"]) == 0
    saved = Store(db).open().get(app.id)
    assert promises(saved) == [(pendulum.datetime(2026, 11, 30, 17, tz=LONDON), True)]


# --- 4: the promise is kept once the offer is answered by any path --------------------

@pytest.mark.parametrize("outcome", ["accepted", "withdrawn", "rejected"])
def test_closing_by_hand_keeps_the_promise_and_the_offer_again_does_not_bring_it_back(outcome):
    later = NOW.add(hours=2)
    closed = correspondence.close(asked(), outcome, now=later)
    assert [is_open for _due, is_open in promises(closed)] == [False]
    again = correspondence.close(closed, "offer", now=later.add(hours=1))
    assert again.open_tasks() == []


def test_reopening_the_card_keeps_the_promise():
    moved = actions.move(asked(), Stage.AWAITING, now=NOW.add(hours=1))
    assert moved.open_tasks() == [] and moved.outcome is None


def test_closing_the_offer_again_leaves_the_promise_open():
    still = correspondence.close(asked(), "offer", now=NOW.add(hours=1), at=NOW)
    assert [is_open for _due, is_open in promises(still)] == [True]


# --- 5: no answer predates the request for time ------------------------------------

def test_an_acceptance_dated_before_the_request_for_time_is_refused():
    app = asked()  # asked for time Wednesday 10:30
    letter = letters.draft(app, "offer-reply", SETTINGS, NOW, variant="accept")
    tuesday = pendulum.datetime(2026, 11, 24, 16, 0, tz=LONDON)
    with pytest.raises(ValidationError, match=r"Tue 24 Nov 16:00 is before your earlier reply to this offer "
                                              r"\(Wed 25 Nov 10:30\)"):
        letter_checks.mark_sent(app, letter, now=NOW, zone=SETTINGS.zone, at=tuesday)
    accepted = letter_checks.mark_sent(app, letter, now=NOW, zone=SETTINGS.zone, at=NOW)
    assert accepted.outcome is Outcome.ACCEPTED


# --- 3: the {{ }} escape --------------------------------------------------------------

def test_an_escaped_placeholder_is_no_gap_after_an_edit(tmp_path):
    (tmp_path / "offer-reply-accept.txt").write_text("Subject: Yes\n\nI write {{company}} for {company}.\n")
    letter = letters.draft(offered(), "offer-reply", SETTINGS, NOW, templates_dir=tmp_path)
    assert letter.body == "I write {company} for Acme." and letter.missing == []
    assert letter.revised(body=letter.body + "\nThanks.").missing == []
    # one more {company} than the template escaped was typed in: that one is a gap
    assert letter.revised(body=letter.body + " {company}").missing == ["company"]
    assert letter.revised(body="[company?]").missing == ["company"]
