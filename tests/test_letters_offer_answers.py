"""Answering an offer in writing: what marking each reply sent records (the outcome, or the answer
promised by a date), on the business days every deadline counts; and templates refused for a stray
brace."""

import pendulum
import pytest

from cli_helpers import configure, digest
from tui import cli
from tui.core import actions, correspondence, history_facts, letter_checks, letters
from tui.core.deadlines import DeadlineKind, deadlines_for
from tui.core.errors import ValidationError
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.core.stages import Outcome, Stage
from tui.store.store import Store

NOW = pendulum.datetime(2026, 11, 25, 10, 30, tz="UTC")  # a Wednesday
LONDON = "Europe/London"
SETTINGS = Settings(name="Alex Morgan", timezone=LONDON)
ENGLAND = Settings(name="Alex Morgan", timezone=LONDON, holidays="GB-ENG")


def offered(now=NOW, told=None):
    """Zeta made an offer (told at 10:00 today) after an interview on Monday."""
    app = actions.new_application(
        "Zeta", "Engineer", now=now.subtract(days=2), round_name="Interview", round_at=now.subtract(days=2),
        interviewers=[Interviewer("Dana Kim", email="dana@zeta.example")], recruiter="Rae Lo <rae@zeta.example>")
    return correspondence.close(app, "offer", now=now, at=told or now.subtract(minutes=30))


def sent(app, variant, settings=SETTINGS, now=NOW, at=None):
    letter = letters.draft(app, "offer-reply", settings, now, variant=variant)
    return letter, letter_checks.mark_sent(app, letter, now=now, zone=settings.zone, at=at)


def tasks(app, settings=SETTINGS, now=NOW):
    return [(d.kind, d.action, d.due) for d in deadlines_for(app, settings, now) if not d.is_quiet]


# --- accepting ----------------------------------------------------------------

def test_an_acceptance_marked_sent_records_the_outcome_accepted_when_it_went_out():
    went = NOW.subtract(minutes=10)
    _, app = sent(offered(), "accept", at=went)
    assert app.stage is Stage.CLOSED and app.outcome is Outcome.ACCEPTED and app.outcome_at == went
    assert [e.text for e in app.history if e.kind == "outcome"] == ["Outcome: offer", "Outcome: accepted"]
    assert tasks(app) == []  # nothing left to answer
    # the user's own word: the statistics count the offer once, and no acceptance as their answer
    assert [a.what for a in history_facts.activities(app, NOW) if a.kind == "answer"] == ["offer"]


def test_an_acceptance_sent_twice_records_the_outcome_once():
    _, once = sent(offered(), "accept")
    _, twice = sent(once, "accept")
    assert [e.text for e in twice.history if e.kind == "outcome"] == ["Outcome: offer", "Outcome: accepted"]


# --- declining ----------------------------------------------------------------

def test_declining_is_the_user_stepping_out_and_the_offer_stays_counted():
    letter, app = sent(offered(), "decline")
    assert letter.subject == "The Engineer offer: my answer" and "Hi Rae," in letter.body
    assert "not to accept" in letter.body and letter.body.rstrip().endswith("Alex Morgan")
    assert app.outcome is Outcome.WITHDRAWN and app.stage is Stage.CLOSED
    assert tasks(app) == []
    assert [a.what for a in history_facts.activities(app, NOW) if a.kind == "answer"] == ["offer"]


def test_declining_fits_an_offer_only():
    assert letter_checks.misfit(offered(), "offer-reply", NOW, SETTINGS.zone, variant="decline") is None
    accepted = correspondence.close(offered(), "accepted", now=NOW)
    assert letter_checks.misfit(accepted, "offer-reply", NOW, SETTINGS.zone, variant="decline") == (
        "Zeta already answered the offer: accepted on Wed 25 Nov")
    _, declined = sent(offered(), "decline")
    assert letter_checks.misfit(declined, "offer-reply", NOW, SETTINGS.zone, variant="ask-for-time") == (
        "Zeta already answered the offer: declined on Wed 25 Nov")


# --- asking for time -------------------------------------------------------------

def test_asking_for_time_leaves_the_promised_answer_as_a_deadline():
    letter, app = sent(offered(), "ask-for-time")
    assert "by Monday 30 November" in letter.body
    end_of_work = pendulum.datetime(2026, 11, 30, 17, 0, tz=LONDON)
    assert letter.answer_by == end_of_work
    assert app.outcome is Outcome.OFFER  # still to be answered
    assert tasks(app) == [(DeadlineKind.DIRECTION,
                           "Give your answer on the offer (promised in your letter) — Zeta", end_of_work)]
    # overdue the day after, like any do-by
    late = deadlines_for(app, SETTINGS, end_of_work.add(hours=1))
    assert [d.overdue for d in late if d.kind is DeadlineKind.DIRECTION] == [True]


@pytest.mark.parametrize("variant, outcome", [("accept", Outcome.ACCEPTED), ("decline", Outcome.WITHDRAWN)])
def test_answering_after_asking_for_time_keeps_the_promise(variant, outcome):
    _, asked = sent(offered(), "ask-for-time")
    later = NOW.add(days=2)
    _, answered = sent(asked, variant, now=later)
    assert answered.outcome is outcome
    assert answered.open_tasks() == [] and answered.directions[0].done_at == later
    assert tasks(answered, now=later.add(days=7)) == []


def test_closing_by_hand_after_asking_for_time_leaves_no_deadline_to_nag():
    _, asked = sent(offered(), "ask-for-time")
    for outcome in ("accepted", "withdrawn"):
        closed = correspondence.close(asked, outcome, now=NOW.add(days=1))
        assert tasks(closed, now=NOW.add(days=10)) == []


def test_asking_for_time_again_moves_the_promise_instead_of_adding_one():
    _, asked = sent(offered(), "ask-for-time")
    later = NOW.add(days=3)  # Saturday: counted from Monday, three business days on is Thursday 3 December
    _, again = sent(asked, "ask-for-time", now=later)
    assert [(d.due, d.is_open) for d in again.directions] == [(pendulum.datetime(2026, 12, 3, 17, tz=LONDON), True)]
    assert [e.text for e in again.history if e.kind == "direction"][-1].startswith("Direction (do-by): Give your")


def test_an_answer_date_given_by_hand_is_the_one_tracked():
    app = offered()
    letter = letters.draft(app, "offer-reply", SETTINGS, NOW, variant="ask-for-time",
                           values={"answer_by": "2026-12-04"})
    assert "by Friday 4 December" in letter.body  # in the letter's own words, whatever form was typed
    assert letter.answer_by == pendulum.datetime(2026, 12, 4, 17, 0, tz=LONDON)
    with pytest.raises(ValidationError, match=r"cannot read the answer date 'the end of next week': write it as "
                                              r"the letter does, e.g. --set answer_by=\"Monday 30 November\""):
        letters.draft(app, "offer-reply", SETTINGS, NOW, variant="ask-for-time",
                      values={"answer_by": "the end of next week"})


# --- the answer date counts business days as every deadline does ----------------------

def test_the_answer_date_skips_public_holidays():
    before_christmas = pendulum.datetime(2026, 12, 23, 10, 0, tz="UTC")
    app = offered(now=before_christmas)
    letter = letters.draft(app, "offer-reply", ENGLAND, before_christmas, variant="ask-for-time")
    # 24 Dec, then Christmas Day and Boxing Day (observed Mon 28) are no business days
    assert "by Wednesday 30 December" in letter.body
    assert letter.answer_by == pendulum.datetime(2026, 12, 30, 17, 0, tz=LONDON)
    plain = letters.draft(app, "offer-reply", SETTINGS, before_christmas, variant="ask-for-time")
    assert "by Monday 28 December" in plain.body  # without a holiday calendar, weekends only


# --- a stray brace in a template -------------------------------------------------

@pytest.mark.parametrize("text, line, words", [
    ("Subject: Hi {interviewer_first_name\n\nThanks.\n{signature}\n", 1, "“{interviewer_first_name” is not closed"),
    ("Subject: Hi\n\nThanks for {topic.\n{signature}\n", 3, "“{topic.” is not closed"),
    ("Subject: Hi\n\nThanks, {recipient_first_name}}.\n", 3, "closes no placeholder"),
    ("Subject: Hi\n\n\n[[ {topic ]]\n", 4, "is not closed"),
])
def test_a_stray_brace_is_refused_with_the_file_and_line(tmp_path, text, line, words):
    (tmp_path / "thank-you.txt").write_text(text)
    with pytest.raises(ValidationError) as caught:
        letters.load_template("thank-you", tmp_path)
    message = str(caught.value)
    assert message.startswith(f"template {tmp_path / 'thank-you.txt'}, line {line}: ") and words in message


def test_literal_braces_written_double_still_load():
    template = letters.parse_template("thank-you", "Subject: {{draft}} for {company}\n\nA {{brace}}.\n")
    assert letters.render(template.subject, {"company": "Zeta"})[0] == "{draft} for Zeta"


def test_an_optional_part_left_open_is_named_at_its_line_in_the_file():
    with pytest.raises(ValidationError, match=r"line 4: an optional part opened with \[\[ is not closed"):
        letters.parse_template("thank-you", "Subject: Hi\n\nHello,\n[[about {topic}\n")


# --- the command line -------------------------------------------------------------

@pytest.fixture
def zeta_db(tmp_path, monkeypatch):
    configure(tmp_path, monkeypatch, f'name = "Alex Morgan"\ntimezone = "{LONDON}"\n', now=NOW.isoformat())
    db = tmp_path / "followup.json"
    app = offered()
    Store(db).open().add(app)
    return db, app


def test_cli_asking_for_time_then_accepting(zeta_db, capsys):
    db, app = zeta_db
    assert cli.main(["--db", str(db), "letter", "zeta", "offer-reply", "--variant", "ask-for-time", "--mark-sent"]) == 0
    err = capsys.readouterr().err
    assert err == (f"{app.short_id} Zeta: recorded the offer reply to Rae Lo as sent Wed 25 Nov 10:30 · now; "
                   "stays in closed; next: Give your answer on the offer (promised in your letter) — Zeta, "
                   "due Mon 30 Nov 17:00 · in 5 days\n")
    assert cli.main(["--db", str(db), "due", "--within", "7"]) == 0
    assert "Give your answer on the offer (promised in your letter)" in capsys.readouterr().out
    assert cli.main(["--db", str(db), "letter", "zeta", "offer-reply", "--mark-sent"]) == 0
    assert capsys.readouterr().err.endswith("; stays in closed; outcome: accepted\n")
    saved = Store(db).open().get(app.id)
    assert saved.outcome is Outcome.ACCEPTED and saved.open_tasks() == []


def test_cli_decline(zeta_db, capsys):
    db, app = zeta_db
    assert cli.main(["--db", str(db), "letter", "zeta", "offer-reply", "--variant", "decline", "--mark-sent"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("Subject: The Engineer offer: my answer\n")
    assert err.startswith(f"{app.short_id} Zeta: recorded") and err.endswith("; stays in closed; outcome: withdrawn\n")
    assert Store(db).open().get(app.id).outcome is Outcome.WITHDRAWN


def test_cli_a_stray_brace_in_an_override_is_exit_2_and_changes_nothing(zeta_db, tmp_path, capsys):
    db, _ = zeta_db
    folder = tmp_path / "config" / "followup" / "templates"
    folder.mkdir()
    (folder / "offer-reply-accept.txt").write_text("Subject: Hi {recipient_first_name\n\nYes.\n")
    before = digest(db)
    assert cli.main(["--db", str(db), "letter", "zeta", "offer-reply", "--mark-sent"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert "offer-reply-accept.txt, line 1: the placeholder “{recipient_first_name” is not closed" in err
    assert digest(db) == before


def test_cli_a_quiet_period_confirmation_reads_as_a_sentence(tmp_path, monkeypatch, capsys):
    configure(tmp_path, monkeypatch, f'timezone = "{LONDON}"\n', now=NOW.isoformat())
    db = tmp_path / "followup.json"
    app = actions.new_application("Acme", "Dev", now=NOW.subtract(days=2), round_at=NOW.subtract(days=2),
                                  interviewers=[Interviewer("Lin Wu")])
    app = actions.set_thanked(app, app.rounds[0].interviewers[0].id, True, now=NOW.subtract(days=1))
    Store(db).open().add(app)
    assert cli.main(["--db", str(db), "direction", "acme", "Wait for the panel", "--not-before", "fri"]) == 0
    assert capsys.readouterr().out.endswith(
        "Acme: direction 1, quiet period: don't contact them before Fri 27 Nov 09:00 · in 47 hours\n")
    # a longer one moves the follow-up: that is what comes next
    assert cli.main(["--db", str(db), "direction", "acme", "Wait more", "--not-before", "next wed"]) == 0
    assert capsys.readouterr().out.endswith(
        "quiet period: don't contact them before Wed 2 Dec 09:00 · in 7 days; "
        "next: Follow up — Acme, due Wed 2 Dec 09:00 · in 7 days\n")


def test_a_decline_drafted_before_the_offer_was_accepted_is_refused_when_marked_sent():
    """Final review: on the board the accept letter was switched to decline (ctrl+f) on a card already
    accepted, and sending it turned the outcome into withdrawn. The check runs again when it is sent."""
    card = offered()
    drafted = letters.draft(card, "offer-reply", SETTINGS, NOW, variant="decline")
    _, accepted = sent(card, "accept")
    with pytest.raises(ValidationError, match="already answered the offer: accepted"):
        letter_checks.mark_sent(accepted, drafted, now=NOW, zone=SETTINGS.zone, force=True)


def test_a_promised_answer_day_before_the_letter_went_out_is_refused():
    card = offered()
    letter = letters.draft(card, "offer-reply", SETTINGS, NOW, variant="ask-for-time",
                           values={"answer_by": "Tue 24 November"})
    with pytest.raises(ValidationError, match="promises an answer by Tue 24 Nov .*, before it went out"):
        letter_checks.mark_sent(card, letter, now=NOW, zone=SETTINGS.zone, force=True)


def test_a_typed_answer_day_goes_into_the_letter_in_its_own_words():
    letter = letters.draft(offered(), "offer-reply", SETTINGS, NOW, variant="ask-for-time",
                           values={"answer_by": "4 dec"})
    assert "Friday 4 December" in letter.body and "4 dec" not in letter.body


def test_an_unedited_request_for_time_recorded_as_sent_earlier_names_the_day_counted_from_then():
    """Sent at… on the board kept the text drafted now ("by Thursday") while the deadline counted from the
    time typed (Wednesday), where `letter --mark-sent --at` drafts the text from then (review X4 #1)."""
    from tui.ui.letters.drafts import LetterDrafts

    app = offered(told=NOW.subtract(days=1))
    drafts = LetterDrafts(app, "offer-reply", SETTINGS, NOW, None)
    while drafts.key[1] != "ask-for-time":
        drafts.next_variant()
    earlier = NOW.subtract(hours=20)
    recorded = drafts.sendable(earlier)
    command_line = letters.draft(app, "offer-reply", SETTINGS, NOW, variant="ask-for-time", sent_at=earlier)
    assert recorded.answer_by == command_line.answer_by and recorded.body == command_line.body
    assert drafts.current.body != recorded.body  # the shown draft named a later day


def test_a_request_for_time_whose_day_the_user_edited_out_is_said_before_recording():
    letter = letters.draft(offered(), "offer-reply", SETTINGS, NOW, variant="ask-for-time")
    day = letter_checks.in_words(letter.answer_by, SETTINGS.zone, NOW)
    edited = letter.revised(body=letter.body.replace(day, "next week"))
    said = letter_checks.offer_reply_consequence(edited, SETTINGS.zone, NOW)
    assert f"Your letter does not say {day}: the reminder uses that day all the same" in said
    assert "does not say" not in letter_checks.offer_reply_consequence(letter, SETTINGS.zone, NOW)
