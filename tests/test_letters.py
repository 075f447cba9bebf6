"""The letters engine: templates filled from the card, gaps, clones, quiet periods, sending."""

import re

import pendulum
import pytest

from tui.core import actions, correspondence, direction_actions, letter_checks, letters, recipients
from tui.core.deadlines import DeadlineKind, deadlines_for
from tui.core.demo import demo_applications
from tui.core.errors import ValidationError
from tui.core.parts import Interviewer
from tui.core.settings import Settings
from tui.core.stages import LetterKind, Stage

NOW = pendulum.datetime(2026, 3, 11, 15, 0, tz="UTC")  # a Wednesday
SETTINGS = Settings(name="Alex Morgan", signature="Alex Morgan\n+44 20 7946 0000", timezone="Europe/Berlin")
LEFTOVER = re.compile(r"\{[^{}]*\}|\[[a-z_]+\?\]")


def acme(**extra):
    """A fresh onsite yesterday with two interviewers, as `followup add` would make it."""
    return actions.new_application(
        "Acme Robotics", "Senior Backend Engineer", now=NOW.subtract(hours=20),
        round_name="Onsite", round_at=NOW.subtract(hours=24),
        interviewers=[
            Interviewer("Dana Kim", email="dana@acme.example", topic="moving telemetry onto Kafka"),
            Interviewer("Luis Ortega", topic="their flaky integration tests"),
        ],
        recruiter="Sam Reyes <sam@acme.example>", **extra,
    )


def every_draft(app):
    """One draft per template for the card; thank-you notes for each interviewer with a topic."""
    rnd = app.latest_round
    for person in rnd.interviewers if rnd else []:
        if person.topic:
            yield letters.draft(app, LetterKind.THANK_YOU, SETTINGS, NOW, interviewer_id=person.id)
    yield letters.draft(app, LetterKind.FOLLOW_UP, SETTINGS, NOW)
    yield letters.draft(app, LetterKind.REJECTION_REPLY, SETTINGS, NOW)
    for variant in letters.VARIANTS[LetterKind.OFFER_REPLY]:
        yield letters.draft(app, LetterKind.OFFER_REPLY, SETTINGS, NOW, variant=variant)


@pytest.mark.parametrize("app", [acme(), *demo_applications(NOW, SETTINGS.zone)], ids=lambda a: a.company)
def test_every_template_fills_completely_and_stays_short(app):
    drafts = list(every_draft(app))
    assert len(drafts) >= 4
    for letter in drafts:
        assert letter.missing == [], (letter.kind, letter.missing)
        assert not LEFTOVER.search(letter.text), letter.text
        assert letter.word_count < 150, (letter.kind, letter.word_count)
        assert app.company in letter.text or app.role in letter.text
        assert letter.text.startswith(f"Subject: {letter.subject}\n\n")
        assert letter.body.rstrip().endswith("+44 20 7946 0000")  # the signature, all of it


def test_each_default_template_is_checked_and_under_150_words():
    for name in letters.all_template_names():
        template = letters.load_template(name)
        assert template.source == "built-in"
        assert letters.word_count(template.body) < 150
        assert set(letters.placeholders_in(template.subject + template.body)) <= set(letters.PLACEHOLDERS)


def test_thank_you_names_the_person_the_topic_and_the_day_in_the_users_zone():
    app = acme()
    settings = Settings(name="Alex Morgan", timezone="Asia/Tokyo")
    letter = letters.draft(app, "thank-you", settings, NOW, interviewer_id="Dana")
    assert letter.to == "Dana Kim <dana@acme.example>"
    assert "Hi Dana," in letter.body
    assert "moving telemetry onto Kafka" in letter.body
    assert "their flaky integration tests" not in letter.body
    assert "Wednesday 11 March" in letter.body  # 15:00 UTC on the 10th is the 11th in Tokyo
    assert letter.interviewer_id == app.latest_round.interviewers[0].id


def test_follow_up_goes_to_the_recruiter_and_recalls_the_latest_round():
    app = actions.add_round(acme(), "Final", NOW.subtract(hours=2),
                            [Interviewer("Mia Chen", topic="the on-call rota")], now=NOW)
    letter = letters.draft(app, "follow-up", SETTINGS, NOW)
    assert letter.to == "Sam Reyes <sam@acme.example>"
    assert "Hi Sam," in letter.body
    assert "the on-call rota" in letter.body and "Wednesday 11 March" in letter.body
    assert "I am Alex Morgan" in letter.body
    to_dana = letters.draft(app, "follow-up", SETTINGS, NOW, interviewer_id="Dana Kim")
    assert "Hi Dana," in to_dana.body and "moving telemetry onto Kafka" in to_dana.body


def test_a_follow_up_recalls_the_round_held_not_one_still_to_come():
    """A final planned for next week is not "our final": the letter recalls the round that took place."""
    app = actions.add_round(acme(), "Final", NOW.add(days=7), [Interviewer("Mia Chen", topic="the on-call rota")],
                            now=NOW)
    letter = letters.draft(app, "follow-up", SETTINGS, NOW)
    assert "the on-call rota" not in letter.body and "Final" not in letter.body
    assert "moving telemetry onto Kafka" in letter.body


def test_missing_topic_is_marked_and_blocks_sending_until_filled_or_forced():
    app = actions.new_application("Lumen", "Data Engineer", now=NOW, round_at=NOW.subtract(hours=2),
                                  interviewers=[Interviewer("Grace Liu")])
    letter = letters.draft(app, "thank-you", SETTINGS, NOW)
    assert letter.missing == ["topic"]
    assert "[topic?]" in letter.body and not letter.ready
    with pytest.raises(ValidationError, match=r"\[topic\?\]"):
        letter_checks.mark_sent(app, letter, now=NOW, zone=SETTINGS.zone)

    edited = letter.revised(body=letter.body.replace("[topic?]", "dbt model tests"))
    assert edited.missing == [] and edited.ready
    sent = letter_checks.mark_sent(app, edited, now=NOW, zone=SETTINGS.zone)
    assert sent.interviewers()[0].thanked_at == NOW

    whole = letter.revised(text=edited.text.replace("Kind regards", "Warm regards"))
    assert whole.subject == letter.subject and whole.missing == [] and "Warm regards" in whole.body
    assert letter.revised(text="Hi Grace, about [topic?]").missing == ["topic"]

    filled = letters.draft(app, "thank-you", SETTINGS, NOW, values={"topic": "dbt model tests"})
    assert filled.missing == [] and "dbt model tests" in filled.body
    forced = letter_checks.mark_sent(app, letter, now=NOW, zone=SETTINGS.zone, force=True)
    assert forced.stage is Stage.THANKED


def test_no_name_in_settings_leaves_the_signature_as_a_gap():
    letter = letters.draft(acme(), "rejection-reply", Settings(), NOW)
    assert letter.missing == ["signature"]
    assert letter.body.rstrip().endswith("[signature?]")


def test_missing_placeholders_finds_markers_and_raw_placeholders_in_edited_text():
    assert letters.missing_placeholders("Hi [recipient_first_name?], about {topic} at [nope?]") == [
        "recipient_first_name", "topic"]
    assert letters.missing_placeholders("All filled in [see attachment?]") == []


def test_shipped_notes_to_two_interviewers_are_not_clones_with_or_without_links():
    app = acme()
    dana = letters.draft(app, "thank-you", SETTINGS, NOW, interviewer_id="Dana")
    luis = letters.draft(app, "thank-you", SETTINGS, NOW, interviewer_id="Luis")
    assert letter_checks.similarity(dana.body, luis.body) > 0.85  # the whole letters are alike…
    assert letter_checks.near_duplicates([dana, luis]) == []  # …but what is theirs is not
    linked = with_people(app, dana=dict(link="https://kafka.example/compaction", link_note="the talk on compaction"),
                         luis=dict(link="https://ci.example/flaky"))
    notes = [letters.draft(linked, "thank-you", SETTINGS, NOW, interviewer_id=n) for n in ("Dana", "Luis")]
    assert letter_checks.near_duplicates(notes) == []


def test_the_same_topic_or_the_same_pasted_text_to_two_people_is_flagged():
    app = acme()
    same = with_people(app, luis=dict(topic="moving telemetry onto Kafka"))
    dana = letters.draft(same, "thank-you", SETTINGS, NOW, interviewer_id="Dana")
    luis = letters.draft(same, "thank-you", SETTINGS, NOW, interviewer_id="Luis")
    [(a, b, ratio)] = letter_checks.near_duplicates([dana, luis])
    assert {a.recipient_name, b.recipient_name} == {"Dana Kim", "Luis Ortega"}
    assert ratio >= letter_checks.DUPLICATE_THRESHOLD
    assert "Dana Kim" in letter_checks.duplicate_warning(a, b, ratio)

    pasted = ("Hello,\n\nThanks again for yesterday. The way your team reviews design documents stuck with me, "
              "and I would love to be part of it.\n\nAlex")
    dana = letters.draft(app, "thank-you", SETTINGS, NOW, interviewer_id="Dana").revised(body=pasted)
    luis = letters.draft(app, "thank-you", SETTINGS, NOW, interviewer_id="Luis").revised(body=pasted)
    [(_a, _b, ratio)] = letter_checks.near_duplicates([dana, luis])
    assert ratio > 0.95

    tailored = luis.revised(body=(
        "Hi Luis,\n\nThanks for walking me through the integration suite yesterday. I tried the "
        "retry-isolation idea we sketched on a toy project and it cut the flaky runs in half; "
        "I'd love to show you.\n\nBest,\nAlex"))
    assert letter_checks.near_duplicates([dana, tailored]) == []


def test_the_same_topic_is_flagged_when_only_one_of_the_two_notes_has_a_link():
    """A link (and its note) added to one note does not make the two notes about different things."""
    same = with_people(acme(), luis=dict(topic="moving telemetry onto Kafka", link="https://kafka.example/talk",
                                         link_note="the talk on log compaction"))
    dana = letters.draft(same, "thank-you", SETTINGS, NOW, interviewer_id="Dana")
    luis = letters.draft(same, "thank-you", SETTINGS, NOW, interviewer_id="Luis")
    assert "https://kafka.example/talk" in luis.body
    [(_a, _b, ratio)] = letter_checks.near_duplicates([dana, luis])
    assert ratio >= letter_checks.DUPLICATE_THRESHOLD


def with_people(app, **changes):
    """The card with its interviewers' fields changed: dana=dict(link=…), luis=dict(topic=…)."""
    import msgspec

    people = [msgspec.structs.replace(p, **changes.get(p.name.split()[0].lower(), {}))
              for p in app.rounds[0].interviewers]
    return actions.update_round(app, app.rounds[0].id, interviewers=people, now=NOW)


def test_notes_for_different_rounds_or_kinds_are_not_compared():
    app = actions.add_round(acme(), "Final", NOW, [Interviewer("Mia Chen", topic="moving telemetry onto Kafka")],
                            now=NOW)
    dana = letters.draft(app, "thank-you", SETTINGS, NOW, interviewer_id="Dana")
    mia = letters.draft(app, "thank-you", SETTINGS, NOW, interviewer_id="Mia")
    follow = letters.draft(app, "follow-up", SETTINGS, NOW)
    assert letter_checks.near_duplicates([dana, mia, follow]) == []


def quiet_app(until):
    app = actions.move(acme(), Stage.AWAITING, now=NOW)
    return direction_actions.add_direction(app, "Don't call before next Friday", "not-before", until, now=NOW)


def test_follow_up_inside_a_quiet_period_names_their_date_and_needs_force():
    app = quiet_app(pendulum.datetime(2026, 3, 20, 9, 0, tz="Europe/Berlin"))
    warning = letter_checks.quiet_period_warning(app, NOW, SETTINGS.zone)
    assert warning == ("Acme Robotics asked not to be contacted before Friday 20 March at 09:00 "
                       "(“Don't call before next Friday”).")
    letter = letters.draft(app, "follow-up", SETTINGS, NOW)
    assert letter_checks.send_blockers(app, letter, NOW, SETTINGS.zone) == [warning]
    with pytest.raises(ValidationError, match="Friday 20 March"):
        letter_checks.mark_sent(app, letter, now=NOW, zone=SETTINGS.zone)
    assert letter_checks.mark_sent(app, letter, now=NOW, zone=SETTINGS.zone, force=True).stage is Stage.FOLLOWED_UP
    thanks = letters.draft(app, "thank-you", SETTINGS, NOW, interviewer_id="Dana")
    assert letter_checks.send_blockers(app, thanks, NOW, SETTINGS.zone) == []


def test_every_letter_drafted_in_a_quiet_period_carries_the_one_warning():
    app = quiet_app(pendulum.datetime(2026, 3, 20, 9, 0, tz="Europe/Berlin"))
    warning = letter_checks.quiet_period_warning(app, NOW, SETTINGS.zone)
    closed = {"rejection-reply": correspondence.close(app, "rejected", now=NOW),
              "offer-reply": correspondence.close(app, "offer", now=NOW)}
    for kind in LetterKind:
        card = closed.get(kind.value, app)
        letter = letters.draft(card, kind, SETTINGS, NOW, interviewer_id="Dana" if kind is LetterKind.THANK_YOU
                               else None)
        said = warning
        if kind is LetterKind.THANK_YOU:  # the same sentence, and why the note's deadline still runs (R2 2)
            said = warning.removesuffix(".") + (": a thank-you for the interview is the usual exception, so "
                                                "its deadline still runs; send it unless their words rule it out.")
        assert letter.warnings == [said], kind
        assert letter.revised(body="edited").warnings == [said]
    assert letters.draft(acme(), "thank-you", SETTINGS, NOW, interviewer_id="Dana").warnings == []
    assert letters.draft(app, "follow-up", SETTINGS, NOW.add(days=10)).warnings == []


def test_no_quiet_warning_once_the_period_is_over():
    app = quiet_app(NOW.add(days=2))
    assert letter_checks.quiet_period_warning(app, NOW.add(days=3), SETTINGS.zone) is None
    assert letter_checks.quiet_period_warning(acme(), NOW, SETTINGS.zone) is None


def test_thanking_the_last_interviewer_moves_the_card_and_clears_its_deadlines():
    app = acme()
    assert [p.name for p in recipients.unthanked_interviewers(app)] == ["Dana Kim", "Luis Ortega"]
    for name in ("Dana", "Luis"):
        letter = letters.draft(app, "thank-you", SETTINGS, NOW, interviewer_id=name)
        app = letter_checks.mark_sent(app, letter, now=NOW, zone=SETTINGS.zone)
    assert recipients.unthanked_interviewers(app) == []
    assert app.stage is Stage.THANKED
    assert not [d for d in deadlines_for(app, SETTINGS, NOW) if d.kind is DeadlineKind.THANK_YOU]
    assert [c.to for c in app.contacts] == ["Dana Kim <dana@acme.example>", "Luis Ortega"]
    assert [e.kind for e in app.history].count("letter") == 2
    assert app.history[-1].text.endswith("“Thank you for your time, Luis”")


def test_marking_a_follow_up_sent_counts_it_and_moves_the_next_one_later():
    app = actions.move(acme(), Stage.AWAITING, now=NOW)
    before = [d for d in deadlines_for(app, SETTINGS, NOW) if d.kind is DeadlineKind.FOLLOW_UP]
    letter = letters.draft(app, "follow-up", SETTINGS, NOW)
    sent = letter_checks.mark_sent(app, letter, now=NOW, zone=SETTINGS.zone)
    assert sent.stage is Stage.FOLLOWED_UP and sent.follow_up_count == 1
    after = [d for d in deadlines_for(sent, SETTINGS, NOW) if d.kind is DeadlineKind.FOLLOW_UP]
    assert after[0].due > before[0].due and after[0].due > NOW
    assert sent.history[-1].data["to"] == "followed-up"
    assert sent.contacts[-1].to == "Sam Reyes <sam@acme.example>"


def test_replying_to_a_rejection_clears_the_reply_deadline():
    app = correspondence.close(acme(), "rejected", now=NOW)
    assert [d.kind for d in deadlines_for(app, SETTINGS, NOW)] == [DeadlineKind.REJECTION_REPLY]
    letter = letters.draft(app, "rejection-reply", SETTINGS, NOW)
    assert "feedback" in letter.body and "future" in letter.body
    sent = letter_checks.mark_sent(app, letter, now=NOW.add(hours=1), zone=SETTINGS.zone)
    assert deadlines_for(sent, SETTINGS, NOW.add(hours=1)) == []
    assert sent.stage is Stage.CLOSED


def test_a_letter_for_one_card_cannot_be_marked_on_another():
    letter = letters.draft(acme(), "follow-up", SETTINGS, NOW)
    with pytest.raises(ValidationError, match="another card"):
        letter_checks.mark_sent(acme(), letter, now=NOW, zone=SETTINGS.zone)


def test_thank_you_without_a_name_asks_which_when_several_wait():
    with pytest.raises(recipients.ChooseInterviewer) as caught:
        letters.draft(acme(), "thank-you", SETTINGS, NOW)
    assert caught.value.names == ["Dana Kim", "Luis Ortega"]
    assert "Dana Kim, Luis Ortega" in str(caught.value)
    app = acme()
    app = letter_checks.mark_sent(app, letters.draft(app, "thank-you", SETTINGS, NOW, interviewer_id="Dana"),
                            now=NOW, zone=SETTINGS.zone)
    assert letters.draft(app, "thank-you", SETTINGS, NOW).recipient_name == "Luis Ortega"


def test_user_override_template_is_used(tmp_path):
    (tmp_path / "thank-you.txt").write_text(
        "Subject: Cheers, {interviewer_first_name}\n\nHi {interviewer_first_name}, loved talking "
        "{topic} at {company}. {{not a placeholder}}\n\n{signature}\n", encoding="utf-8")
    letter = letters.draft(acme(), "thank-you", SETTINGS, NOW, interviewer_id="Dana", templates_dir=tmp_path)
    assert letter.subject == "Cheers, Dana"
    assert letter.body.startswith("Hi Dana, loved talking moving telemetry onto Kafka at Acme Robotics. "
                                  "{not a placeholder}")
    assert letter.template == str(tmp_path / "thank-you.txt")
    other = letters.draft(acme(), "follow-up", SETTINGS, NOW, templates_dir=tmp_path)
    assert other.template == "built-in"


def test_override_with_an_unknown_placeholder_is_rejected_naming_it(tmp_path):
    (tmp_path / "follow-up.txt").write_text("Subject: Hello {company}\n\nWhat I bring: {strength}\n")
    with pytest.raises(ValidationError, match=r"unknown placeholder \{strength\}") as caught:
        letters.draft(acme(), "follow-up", SETTINGS, NOW, templates_dir=tmp_path)
    assert "follow-up.txt" in str(caught.value)


@pytest.mark.parametrize("text, message", [
    ("Dear {name},\n\nHello", "first line must be 'Subject: ...'"),
    ("Subject:\n\nHello", "subject after 'Subject:' is empty"),
    ("Subject: Hi\n\n   \n", "no letter below the subject line"),
    ("Subject: Hi {Company}\n\nBody {when}", r"unknown placeholders \{Company\}, \{when\}"),
])
def test_malformed_templates_are_refused_with_what_is_wrong(text, message):
    with pytest.raises(ValidationError, match=message):
        letters.parse_template("x", text, "x.txt")


def test_unreadable_override_names_the_file(tmp_path):
    (tmp_path / "rejection-reply.txt").write_bytes(b"Subject: \xff\xfe\n\nbody")
    with pytest.raises(ValidationError, match="rejection-reply.txt: cannot be read"):
        letters.draft(acme(), "rejection-reply", SETTINGS, NOW, templates_dir=tmp_path)


def test_offer_reply_variants_and_bad_choices():
    app = correspondence.close(acme(), "offer", now=NOW)
    accept = letters.draft(app, "offer-reply", SETTINGS, NOW)
    ask = letters.draft(app, "offer-reply", SETTINGS, NOW, variant="ask-for-time")
    assert "accept" in accept.body and "Monday 16 March" in ask.body  # three business days on
    decline = letters.draft(app, "offer-reply", SETTINGS, NOW, variant="decline")
    assert "not to accept" in decline.body and decline.variant == "decline" and decline.answer_by is None
    with pytest.raises(ValidationError, match="accept, ask-for-time, decline"):
        letters.draft(app, "offer-reply", SETTINGS, NOW, variant="refuse")
    with pytest.raises(ValidationError, match="no variants"):
        letters.draft(app, "follow-up", SETTINGS, NOW, variant="accept")
    with pytest.raises(ValidationError, match="unknown placeholder mood"):
        letters.draft(app, "follow-up", SETTINGS, NOW, values={"mood": "cheerful"})


def test_the_follow_ups_the_limit_counts_are_the_ones_the_next_letter_recalls():
    """A reply from them, their own "follow-up" and a new round all restart the count; whatever counts
    as a follow-up for the limit (Application.follow_up_count) is what the next letter's "last time I
    wrote" (letters.last_follow_up_at, the follow-up-again template) recalls, at every step."""
    def day(n):
        return NOW.add(days=n)

    app = actions.move(acme(), Stage.AWAITING, now=NOW)
    steps = [
        (lambda a: a, None),
        (lambda a: correspondence.record_letter_sent(a, "follow-up", now=day(1)), day(1)),
        (lambda a: correspondence.record_contact(a, "follow-up", now=day(2), inbound=True), None),  # theirs, not ours
        (lambda a: correspondence.record_letter_sent(a, "follow-up", now=day(3)), day(3)),
        (lambda a: correspondence.record_letter_sent(a, "follow-up", now=day(9)), day(9)),
        (lambda a: correspondence.record_reply(a, now=day(10)), None),
        (lambda a: correspondence.record_letter_sent(a, "follow-up", now=day(15)), day(15)),
        (lambda a: actions.add_round(a, "Final", day(20), now=day(20)), None),
    ]
    counts = []
    for step, latest in steps:
        app = step(app)
        counted = app.follow_ups_that_count()
        assert letters.last_follow_up_at(app) == latest == max((c.at for c in counted), default=None)
        body = letters.draft(app, "follow-up", SETTINGS, day(21)).body
        recalled = [n for n in (1, 3, 9, 15) if letters.in_words(day(n), SETTINGS.zone, day(21)) in body]
        assert recalled == ([] if latest is None else [(latest - NOW).days])
        assert (app.follow_up_count > 0) is (latest is not None)
        counts.append(app.follow_up_count)
    assert counts == [0, 1, 0, 1, 2, 0, 1, 0]
