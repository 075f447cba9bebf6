"""The statistics and the activity report, on histories built by hand with the real actions.

Every expected figure is worked out in the comments next to it, from the
times below, so a wrong rule shows up as a wrong number here.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core import actions, correspondence, history_facts, report, stats, stats_result, stats_text
from tui.core.deadlines import DeadlineKind, deadlines_for, work_calendar
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.core.stages import Stage

UTC = timezone.utc
T0 = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)  # a Monday
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)  # a Tuesday, four weeks later
SETTINGS = Settings(timezone="UTC")  # follow-up wait 5 business days, limit 2, thank-you window 24 h
D, H = timedelta(days=1), timedelta(hours=1)


def reopened():
    """Rejected three days after the round, reopened by hand, then invited to a second round (day 10),
    which the card caught up with once it had taken place."""
    app = actions.new_application("Acme", "Backend", now=T0 + H, round_at=T0)
    app = correspondence.close(app, "rejected", now=T0 + 3 * D, at=T0 + 3 * D)
    app = actions.move(app, "awaiting", now=T0 + 5 * D)
    app = actions.add_round(app, "Onsite", T0 + 10 * D, now=T0 + 9 * D)
    return actions.catch_up(app, T0 + 11 * D)


def withdrawn():
    """Thanked within 20 h, then withdrawn: no answer, not silence."""
    app = actions.new_application("Bolt", "SRE", now=T0 + D, round_at=T0 + D,
                                  interviewers=[Interviewer(name="Dana Kim")])
    app = actions.set_thanked(app, app.rounds[0].interviewers[0].id, now=T0 + D + 20 * H)
    return correspondence.close(app, "withdrawn", now=T0 + 6 * D)


def replied():
    """Thanked late (30 h), then a reply four days after the round, logged a day later; no later round."""
    app = actions.new_application("Cask", "Dev", now=T0 + 2 * D, round_at=T0 + 2 * D,
                                  interviewers=[Interviewer(name="Lee Park")])
    app = actions.set_thanked(app, app.rounds[0].interviewers[0].id, now=T0 + 2 * D + 30 * H)
    return correspondence.record_reply(app, now=T0 + 7 * D, at=T0 + 6 * D)


def quick_no():
    """Rejected 22 h after the round, long before a follow-up was due: counted because answered."""
    app = actions.new_application("Dune", "Ops", now=NOW - D, round_at=NOW - D)
    return correspondence.close(app, "rejected", now=NOW - H, at=NOW - 2 * H)


def young():
    """A round yesterday and nothing since: too young to count."""
    return actions.new_application("Echo", "QA", now=NOW - D, round_at=NOW - D)


def silent():
    """Two follow-ups and no answer, still open: the limit is reached."""
    app = actions.new_application("Fern", "Dev", now=T0, round_at=T0)
    app = correspondence.record_letter_sent(app, "follow-up", now=T0 + 7 * D)
    return correspondence.record_letter_sent(app, "follow-up", now=T0 + 14 * D)


def no_response():
    app = actions.new_application("Gale", "Dev", now=T0 + 3 * D, round_at=T0 + 3 * D)
    return correspondence.close(app, "no-response", now=T0 + 20 * D)


def everything():
    return [reopened(), withdrawn(), replied(), quick_no(), young(), silent(), no_response()]


def test_the_answer_of_each_process():
    assert history_facts.answer_at(reopened(), NOW) == T0 + 3 * D  # the rejection, though reopened since
    assert history_facts.answer_at(withdrawn(), NOW) is None
    assert history_facts.answer_at(replied(), NOW) == T0 + 6 * D  # when they replied, not when it was logged
    assert history_facts.answer_at(quick_no(), NOW) == NOW - 2 * H
    assert history_facts.answer_at(silent(), NOW) is None


def test_a_later_round_is_an_answer_from_when_it_was_recorded():
    app = actions.new_application("Acme", "Backend", now=T0, round_at=T0)
    app = actions.add_round(app, "Onsite", T0 + 10 * D, now=T0 + 4 * D)  # invited on day 4, held on day 10
    assert history_facts.answer_at(app, T0 + 5 * D) == T0 + 4 * D
    fig = stats.figures([app], SETTINGS, T0 + 5 * D)
    assert fig.second_round == 0  # invited, but the second round has not taken place yet
    assert stats.figures([app], SETTINGS, T0 + 11 * D).second_round == 1


def test_every_figure_of_a_hand_built_history():
    fig = stats.figures(everything(), SETTINGS, NOW)
    assert fig.applications == 7
    # counted: the three answered (Acme, Cask, Dune) and the three a wait old (Bolt, Fern, Gale); Echo is a day old
    assert fig.counted == 6
    assert fig.answered == 3 and fig.answer_rate == pytest.approx(0.5)
    assert fig.silent == 2 and fig.silence_rate == pytest.approx(1 / 3)  # Fern (limit reached), Gale (no response)
    # days to answer: Dune 22 h = 0.9167, Acme 3, Cask 4
    assert fig.days_to_answer.size == 3
    assert fig.days_to_answer.median == pytest.approx(3.0)
    assert fig.days_to_answer.p25 == pytest.approx(0.9167 + (3 - 0.9167) / 2, abs=1e-3)
    assert fig.days_to_answer.p75 == pytest.approx(3.5)
    # thank-you notes: Bolt 20 h (on time), Cask 30 h (late)
    assert fig.thank_you == stats_result.ThankYou(sent=2, on_time=1, on_time_rate=0.5, median_hours=25.0)
    assert (fig.second_round, fig.third_round) == (1, 0)  # Acme's onsite took place on day 10
    # interviewed stays, each from its round (Acme's card typed in an hour after it):
    # Bolt 20 h, Dune 22 h, Cask 30 h, Acme 3 d, Fern 7 d, Gale 17 d: the middle two
    assert fig.stage_stays["interviewed"] == 6
    assert fig.stage_days["interviewed"] == pytest.approx((1.25 + 3) / 2)
    # Bolt 4 d 4 h; Cask 2 d 18 h: its reply (day 6, logged on day 7) moved it when it came (actions._log)
    assert fig.stage_days["thanked"] == pytest.approx((4 + 4 / 24 + 2.75) / 2)
    assert fig.stage_days["awaiting"] == pytest.approx(5.0)  # Acme, reopened on day 5, onsite on day 10
    assert fig.stage_days["followed-up"] is None  # Fern is still there
    assert fig.funnel == {"interviewed": 7, "thanked": 2, "awaiting": 2, "followed-up": 1, "closed": 4}
    assert fig.outcomes == {"offer": 0, "accepted": 0, "rejected": 1, "withdrawn": 1, "no-response": 1,
                            "unrecorded": 0}  # Acme's rejection is history: it is open now


def test_the_last_twelve_weeks():
    fig = stats.figures(everything(), SETTINGS, NOW)
    assert len(fig.weeks) == 12
    assert fig.weeks[0].start.isoformat() == "2026-09-14" and fig.weeks[-1].start.isoformat() == "2026-11-30"
    by_week = {w.start.isoformat(): (w.rounds, w.letters, w.answers) for w in fig.weeks}
    # 2 Nov: rounds Acme, Bolt, Cask, Fern, Gale; answers Acme's rejection, Cask's reply (Sun 8th); Bolt and
    # Cask were marked thanked without a letter: thank-you notes, but no letter sent (as `report` lists them)
    assert by_week["2026-11-02"] == (5, 0, 2)
    assert by_week["2026-11-09"] == (1, 1, 0)  # Acme's onsite (Thu 12th), Fern's first follow-up
    assert by_week["2026-11-16"] == (0, 1, 0)
    assert by_week["2026-11-23"] == (0, 0, 0)  # Gale closed as no response: no answer
    assert by_week["2026-11-30"] == (2, 0, 1)  # Dune and Echo; Dune's rejection
    assert sum(w.rounds + w.letters + w.answers for w in fig.weeks[:7]) == 0


def test_weeks_start_on_monday_in_the_users_zone():
    late_sunday = datetime(2026, 11, 30, 4, 30, tzinfo=UTC)  # Sun 29 Nov 23:30 in New York
    app = actions.new_application("Acme", "Dev", now=late_sunday, round_at=late_sunday)
    in_utc = {w.start.isoformat(): w.rounds for w in stats.figures([app], SETTINGS, NOW).weeks}
    in_ny = {w.start.isoformat(): w.rounds
             for w in stats.figures([app], Settings(timezone="America/New_York"), NOW).weeks}
    assert (in_utc["2026-11-23"], in_utc["2026-11-30"]) == (0, 1)
    assert (in_ny["2026-11-23"], in_ny["2026-11-30"]) == (1, 0)


def test_week_starts_keep_local_midnight_across_a_clock_change():
    starts = stats.week_starts(datetime(2026, 11, 1, 12, tzinfo=UTC), Settings(timezone="Europe/London").zone)
    assert datetime(2026, 10, 18, 23, 0, tzinfo=UTC) in starts  # Mon 19 Oct 00:00 BST
    assert datetime(2026, 10, 26, 0, 0, tzinfo=UTC) in starts  # Mon 26 Oct 00:00 GMT


def test_the_period_starts_at_the_first_round():
    since = T0 + 2 * D  # Bolt's round (day 1) is before it; Cask's (day 2) is on it
    fig = stats.figures(everything(), SETTINGS, NOW, since=since)
    assert fig.applications == 4  # Cask, Dune, Echo, Gale
    assert (fig.counted, fig.answered, fig.silent) == (3, 2, 1)


def test_an_empty_period():
    fig = stats.figures(everything(), SETTINGS, NOW, since=NOW - H)
    assert (fig.applications, fig.counted, fig.answer_rate, fig.silence_rate) == (0, 0, None, None)
    data = stats_result.to_json(fig)
    assert data["answer_rate"] is None and data["days_to_answer"]["median"] is None
    assert data["thank_you"] == {"sent": 0, "on_time": 0, "on_time_rate": None, "median_hours": None,
                                 "window_hours": 24}
    # the weeks are the last 12 whatever the period: the same as with every application
    assert data["weeks"] == stats_result.to_json(stats.figures(everything(), SETTINGS, NOW))["weeks"]
    assert sum(w["rounds"] for w in data["weeks"]) > 0
    text = stats_text.as_text(stats_text.describe(fig, SETTINGS.zone))
    assert "No application has had a round in this period" in text


def test_no_rounds_yet_is_no_application():
    only_upcoming = actions.new_application("Acme", "Dev", now=NOW - D, round_at=NOW + D)
    assert stats.figures([only_upcoming], SETTINGS, NOW).applications == 0


def test_json_has_the_documented_keys_and_fractions():
    data = stats_result.to_json(stats.figures(everything(), SETTINGS, NOW))
    for key in ("applications", "counted", "answer_rate", "silence_rate", "days_to_answer", "thank_you",
                "rounds", "stage_days", "funnel", "weeks"):
        assert key in data
    assert data["answer_rate"] == 0.5 and data["silence_rate"] == 0.3333
    assert data["rounds"] == {"second": 1, "third_or_later": 0}
    assert data["funnel"]["stages"]["closed"] == 4
    assert data["weeks"][-1] == {"week": "2026-11-30", "rounds": 2, "letters": 0, "answers": 1}


def test_percentiles_interpolate_between_the_nearest_values():
    assert stats_result.spread([4.0, 1.0, 3.0, 2.0]) == stats_result.Spread(2.5, 1.75, 3.25, 4)
    assert stats_result.spread([7.0]) == stats_result.Spread(7.0, 7.0, 7.0, 1)
    assert stats_result.spread([]) == stats_result.Spread(None, None, None, 0)


def test_text_shows_counts_under_five_and_percentages_from_five():
    few = stats_text.as_text(stats_text.describe(stats.figures(everything()[:3], SETTINGS, NOW), SETTINGS.zone))
    assert "Answered         2 of 3 counted" in few and "%" not in few.split("Funnel")[0].replace("(", "")
    many = stats_text.as_text(stats_text.describe(stats.figures(everything(), SETTINGS, NOW), SETTINGS.zone))
    assert "50%" in many and "3 of 6" in many and "33%" in many
    assert all(len(line) <= 80 for line in many.splitlines())


def test_bars_are_drawn_in_eighths():
    assert stats_text.bar(0.5, 4, "░") == "██░░"
    assert stats_text.bar(1 / 16, 2) == "▏"
    assert stats_text.bar(0, 3, "░") == "░░░"
    assert stats_text.spark([0, 1, 4]) == "· ▂ █"


# --- the activity report ---------------------------------------------------------
def test_report_lists_rounds_letters_and_answers_of_the_period_only():
    rows = report.in_period(everything(), T0 + 2 * D, T0 + 7 * D, NOW)  # Wed 4 Nov 10:00 to Mon 9 Nov 10:00
    listed = [(r.app.company, r.kind, r.what) for r in rows]
    assert listed == [
        ("Cask", "round", "Interview"),
        ("Acme", "answer", "rejected"),
        ("Gale", "round", "Interview"),
        ("Cask", "thanks", "thanked Lee Park"),  # marked thanked, no letter recorded: none is claimed
        ("Cask", "answer", "reply (email)"),
    ]  # Fern's follow-up at exactly the end is left out: the end is excluded


def test_report_markdown_and_csv():
    app = actions.new_application("=HYPERLINK(1)", "Dev | Ops", now=T0, round_at=T0,
                                  interviewers=[Interviewer(name="Dana Kim", email="dana@x.example")])
    rows = report.in_period([app], T0 - D, T0 + D, NOW)
    text = report.to_markdown(rows, T0 - D, T0 + D, SETTINGS.zone, name="Alex Doe")
    assert "# Job search activity of Alex Doe" in text
    assert "| Mon 2 Nov 2026, 10:00 | =HYPERLINK(1) | Dev \\| Ops | Interview | Interview |" in text
    assert text.rstrip().endswith("In all: 1 interview, 0 letters sent, 0 answers received.")
    table = list(csv.reader(io.StringIO(report.to_csv(rows, SETTINGS.zone))))
    assert table[0] == list(report.CSV_COLUMNS)
    assert table[1][:4] == ["2026-11-02 10:00", "'=HYPERLINK(1)", "Dev | Ops", "Interview"]
    assert table[1][5] == "Dana Kim <dana@x.example>"
    assert "Nothing was recorded in this period." in report.to_markdown([], T0, T0 + D, SETTINGS.zone)


def test_report_says_thanked_without_claiming_a_letter():
    """Ann was only ticked as thanked (space, `interviewer --thanked`); Bo got a letter marked sent."""
    app = actions.new_application("Acme", "Dev", now=T0, round_at=T0,
                                  interviewers=[Interviewer(name="Ann Lee"), Interviewer(name="Bo Ek")])
    ann, bo = app.rounds[0].interviewers
    app = actions.set_thanked(app, ann.id, now=T0 + 2 * H)
    app = correspondence.record_letter_sent(app, "thank-you", interviewer_id=bo.id, now=T0 + 3 * H)
    rows = report.in_period([app], T0, T0 + D, NOW)
    assert [(r.kind, r.what, r.contact) for r in rows[1:]] == [
        ("thanks", "thanked Ann Lee", "Ann Lee"), ("letter", "thank-you letter", "Bo Ek")]
    text = report.to_markdown(rows, T0, T0 + D, SETTINGS.zone)
    assert "| Thanked | thanked Ann Lee | Ann Lee |" in text and "| Letter sent | thank-you letter | Bo Ek |" in text
    assert "1 letter sent, 0 answers received, 1 interviewer thanked without a letter." in text  # review O: worded
    table = list(csv.reader(io.StringIO(report.to_csv(rows, SETTINGS.zone))))
    assert table[2][3:5] == ["Thanked", "thanked Ann Lee"]


@pytest.mark.parametrize("cell,safe", [
    ("=1+1", "'=1+1"), ("+44 20", "'+44 20"), ("-5", "'-5"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("'quoted", "''quoted"), ("Acme", "Acme"), ("", ""), ("a=b", "a=b"),
])
def test_csv_cells_that_look_like_formulas_are_quoted(cell, safe):
    from tui.core.exchange import escape_cell  # the report's CSV uses the export's rule

    assert escape_cell(cell) == safe


def test_the_weeks_count_what_the_report_lists():
    apps = everything()
    fig = stats.figures(apps, SETTINGS, NOW)
    start = datetime(2026, 9, 14, tzinfo=UTC)
    listed = report.in_period(apps, start, NOW + timedelta(microseconds=1), NOW)
    # a thank-you marked without a letter ("thanks") is no letter sent, in the weeks as in the report's totals
    assert any(a.kind == "thanks" for a in listed)
    for kinds, field in ((("round",), "rounds"), (("letter",), "letters"), (("answer",), "answers")):
        assert sum(1 for a in listed if a.kind in kinds) == sum(getattr(w, field) for w in fig.weeks)


def test_accepting_an_offer_is_not_a_second_answer_but_an_acceptance_alone_is_one():
    """The offer is their word; accepting it is the user's. With no offer recorded, the acceptance stands
    for it."""
    app = actions.new_application("Halo", "Dev", now=T0, round_at=T0)
    offered = correspondence.close(app, "offer", now=T0 + 4 * D, at=T0 + 4 * D)
    taken = correspondence.close(actions.move(offered, "awaiting", now=T0 + 5 * D), "accepted", now=T0 + 6 * D)
    listed = [a for a in history_facts.activities(taken, NOW) if a.kind == "answer"]
    assert [(a.what, a.at) for a in listed] == [("offer", T0 + 4 * D)]
    fig = stats.figures([taken], SETTINGS, NOW)
    assert sum(w.answers for w in fig.weeks) == 1 and fig.days_to_answer.median == 4
    straight = correspondence.close(app, "accepted", now=T0 + 3 * D)  # no offer recorded first
    assert [a.what for a in history_facts.activities(straight, NOW) if a.kind == "answer"] == ["accepted"]
    assert sum(w.answers for w in stats.figures([straight], SETTINGS, NOW).weeks) == 1


@settings(deadline=None)  # the first example of a holiday calendar builds it (~0.2 s), past Hypothesis's 200 ms
@given(first=st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31)),
       days=st.integers(min_value=0, max_value=20), after=st.integers(min_value=0, max_value=60 * 24 * 50),
       zone=st.sampled_from(["UTC", "Europe/London", "Pacific/Auckland", "America/Sao_Paulo"]),
       holidays=st.sampled_from(["", "GB-ENG", "US"]))
def test_the_quick_wait_check_agrees_with_the_calendar(first, days, after, zone, holidays):
    work = work_calendar(Settings(timezone=zone, holidays=holidays))
    start = first.replace(tzinfo=UTC)
    now = start + timedelta(minutes=after)
    assert stats._wait_over(start, days, work, now) == (work.wait_after(start, days) <= now)


def test_a_card_counts_once_its_own_follow_up_is_due_not_before():
    """Counted waited 5 business days with no holidays from the round's very time: a card was counted
    while the sidebar's follow-up was days away (review Y 1: Thanksgiving, an evening round)."""
    york = Settings(timezone="America/New_York", holidays="US", use_thank_you=False)
    for at in (datetime(2026, 11, 20, 15, 0, tzinfo=UTC), datetime(2026, 11, 20, 23, 30, tzinfo=UTC)):
        app = actions.new_application("Hotel", "R8", now=at, round_at=at, interviewers=[Interviewer("Ann Lee")])
        due = next(d.due for d in deadlines_for(app, york, at) if d.kind is DeadlineKind.FOLLOW_UP)
        assert stats.figures([app], york, due - timedelta(minutes=1)).counted == 0
        assert stats.figures([app], york, due).counted == 1


def test_a_card_typed_in_after_its_round_was_in_interviewed_from_the_round():
    """The normal case: the card is entered a day after the interview, the note marked sent an hour later
    (back-dated to the morning): the stay in interviewed is round -> note, not entry -> note."""
    entered = NOW - 2 * H
    app = actions.new_application("Late", "Dev", now=entered, round_at=NOW - D - 2 * H,
                                  interviewers=[Interviewer(name="Ann")])
    app = actions.set_thanked(app, "Ann", now=NOW, at=NOW - 3 * H)
    assert history_facts.stays(app)[0] == history_facts.Stay(Stage.INTERVIEWED, NOW - D - 2 * H, NOW - 3 * H)
    fig = stats.figures([app], SETTINGS, NOW)
    assert fig.stage_days["interviewed"] == pytest.approx(23 / 24)


def test_a_card_whose_round_is_still_to_come_enters_when_it_is_typed_in():
    app = actions.new_application("Soon", "Dev", now=NOW - D, round_at=NOW + D)
    assert history_facts.stays(app) == [history_facts.Stay(Stage.AWAITING, NOW - D, None)]


def test_the_weeks_count_every_applications_letters_and_answers_whatever_the_period():
    """Review O: with a period, the weeks dropped the letters and answers of applications whose first
    round came before it, and drew those weeks empty, while `report` listed them."""
    app = replied()  # round T0+2d; reply at T0+6d; thank-you marked at T0+2d+30h (no letter)
    app = correspondence.record_letter_sent(app, "follow-up", now=T0 + 14 * D, at=T0 + 14 * D)
    since = T0 + 10 * D  # after its first round: the application is outside the period
    fig = stats.figures([app], SETTINGS, NOW, since=since)
    assert fig.applications == 0
    assert sum(w.rounds for w in fig.weeks) == 1  # the round of T0+2d, in the week of T0
    assert sum(w.answers for w in fig.weeks) == 1  # the reply of T0+6d
    assert sum(w.letters for w in fig.weeks) == 1  # the follow-up of T0+14d
    assert fig.weeks == stats.figures([app], SETTINGS, NOW).weeks  # the same weeks as without a period
    later = actions.new_application("Late", "Dev", now=NOW - 2 * D, round_at=NOW - 2 * D)  # in the period
    shown = stats_text.describe(stats.figures([app, later], SETTINGS, NOW, since=since), SETTINGS.zone)
    heading = next(line.text for line in shown if line.text.startswith("Last 12"))
    assert "every application" in heading  # not the period's: the heading says so


def test_days_before_the_first_round_are_no_stay_and_reach_no_stage():
    """Review O: a card typed in a week ahead of its interview waited in awaiting for it; that wait
    counted as a stay (6.9 days) and as reaching awaiting in the funnel."""
    app = actions.new_application("Pre", "Dev", now=T0, round_at=T0 + 7 * D)
    assert app.stage is Stage.AWAITING  # parked until its round
    app = actions.catch_up(app, T0 + 8 * D)  # the round took place: interviewed from T0+7d
    assert app.stage is Stage.INTERVIEWED
    app = actions.move(app, "awaiting", now=T0 + 9 * D)  # interviewed T0+7d -> T0+9d: 2 days
    fig = stats.figures([app], SETTINGS, NOW)
    assert fig.stage_days["interviewed"] == pytest.approx(2.0)
    assert fig.stage_stays["awaiting"] == 0  # the wait before the round is no stay; the stay now is not over
    assert fig.funnel["awaiting"] == 1  # reached once, after the round (it is there now), not twice
    assert fig.funnel["interviewed"] == 1
    assert [s.stage for s in history_facts.stays(app)] == [Stage.INTERVIEWED, Stage.AWAITING]


def test_a_wait_before_the_first_round_alone_reaches_no_stage():
    """The only stay before the round ended there: awaiting is not reached at all."""
    app = actions.new_application("Pre", "Dev", now=T0, round_at=T0 + 7 * D)
    app = actions.catch_up(app, T0 + 8 * D)
    fig = stats.figures([app], SETTINGS, NOW)
    assert fig.funnel["awaiting"] == 0 and fig.funnel["interviewed"] == 1
    assert fig.stage_stays["awaiting"] == 0


def test_the_readme_defines_each_figure_in_the_words_of_the_screen():
    """Review O: the screen's help and the README said different things of a later round's answer time."""
    import re
    from pathlib import Path

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    rows = {}
    for first, second in re.findall(r"^\| ([^|]+) \| (.+) \|$", readme, re.M):
        name = re.sub(r" \(`\w+`\)$", "", first.strip())
        rows[name] = second.replace("`", "").replace("*", "")
    for name, words in stats_text.DEFINITIONS:
        if name == "Shares":
            continue  # said in the README's prose below the table
        assert rows.get(name.lower()) == words, name


def test_with_no_round_at_all_and_no_period_the_screen_names_no_period():
    """Review O: "No application has a round in this period" was shown under "all applications"."""
    text = stats_text.as_text(stats_text.describe(stats.figures([], SETTINGS, NOW), SETTINGS.zone))
    assert "No application has had a round yet" in text and "period" not in text
