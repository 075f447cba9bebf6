"""The detail screen's pure helpers: Markdown highlighting, people lists, time display."""

from __future__ import annotations

import pendulum
import pytest

from tui.core.errors import ValidationError
from tui.core.parts import Interviewer
from tui.core.timefmt import for_input, show_time
from tui.ui.detail.forms import keep_known
from tui.ui.detail.markdown_highlight import highlight_line, markdown_highlights
from tui.ui.detail.timefmt import parse_user_time

BERLIN = "Europe/Berlin"


def names(marks):
    return [name for _, _, name in marks]


def test_markdown_highlights_what_notes_use():
    assert names(highlight_line("## Next steps")) == ["heading.marker", "heading"]
    assert "bold" in names(highlight_line("ask about **on-call**"))
    assert "italic" in names(highlight_line("they were *very* keen"))
    assert "inline_code" in names(highlight_line("band `80-95k`"))
    assert {"link.label", "link.uri"} <= set(names(highlight_line("[jobs](https://x.example)")))
    assert names(highlight_line("- item"))[0] == "list.marker"
    assert highlight_line("plain words, nothing special") == []


def test_markdown_offsets_are_utf8_bytes():
    (start, end, name), = [m for m in highlight_line("café **bold**") if m[2] == "bold"]
    assert (start, end) == (len("café ".encode()), len("café **bold**".encode()))


def test_fenced_code_is_one_block():
    marks = markdown_highlights(["```", "**not bold**", "```", "**bold**"])
    assert names(marks[1]) == ["inline_code"]
    assert "bold" in names(marks[3])


def test_a_list_of_people_refuses_a_bad_email():
    with pytest.raises(ValidationError, match="not an address"):
        Interviewer.parse_many("Lee <lee.example.com>")


def test_the_edit_form_checks_the_recruiter_as_followup_edit_does():
    from tui.core.model import Application
    from tui.core.parts import check_recruiter
    from tui.ui.detail.forms import DetailsForm

    form = DetailsForm(Application(company="Acme", role="SRE"), pendulum.now("UTC"), pendulum.timezone("UTC"))
    assert next(f.check for f in form.fields() if f.name == "recruiter") is check_recruiter


def test_known_people_keep_their_details():
    thanked = pendulum.datetime(2026, 11, 30, tz="UTC")
    old = Interviewer(name="Dana Kim", title="EM", topic="caching", thanked_at=thanked, email="d@x.com")
    kept, new = keep_known(Interviewer.parse_many("dana kim <dana@x.com>, Lee Park"), [old])
    assert (kept.id, kept.title, kept.topic, kept.thanked_at, kept.email) == (
        old.id, "EM", "caching", thanked, "dana@x.com")
    assert new.name == "Lee Park" and new.thanked_at is None


def test_times_are_shown_and_prefilled_in_the_users_zone():
    moment = pendulum.datetime(2026, 12, 1, 13, 0, tz="UTC")
    now = pendulum.datetime(2026, 11, 1, tz="UTC")
    assert show_time(moment, BERLIN, now) == "Tue 1 Dec 14:00"
    assert show_time(moment, BERLIN, now.add(years=1)) == "Tue 1 Dec 2026 14:00"
    assert for_input(moment, BERLIN) == "2026-12-01 14:00"
    assert parse_user_time(for_input(moment, BERLIN), now, BERLIN) == moment


def test_an_empty_time_says_what_to_type():
    with pytest.raises(ValidationError, match="no time given"):
        parse_user_time("  ", pendulum.now("UTC"), BERLIN)


def test_the_notes_editor_carries_the_highlights():
    """Guards the hook into TextArea: a Textual upgrade that stops calling it fails here."""
    from tui.ui.detail.notes import NotesEditor

    editor = NotesEditor("# Title\nplain")
    assert "heading" in names(editor._highlights[0])
    editor.insert("**b** ", (1, 0))
    assert "bold" in names(editor._highlights[1])


def test_the_header_says_keep_in_touch_when_its_deadline_is():
    """Review: the header said 00:40 (the moment typed), the sidebar and `followup show` 09:00 (working hours)."""
    from datetime import datetime, timezone

    from tui.core import actions, correspondence
    from tui.core.deadlines import DeadlineKind, deadlines_for
    from tui.core.settings import Settings
    from tui.ui.detail.summary import summary_content

    settings = Settings(timezone="Asia/Tokyo")
    now = datetime(2026, 11, 27, 15, 40, tzinfo=timezone.utc)  # 00:40 in Tokyo
    app = actions.new_application("Acme", "SRE", now=now, round_at=datetime(2026, 11, 20, 1, tzinfo=timezone.utc))
    app = correspondence.close(app, "rejected", now=now,
                               keep_in_touch=datetime(2026, 12, 27, 15, 40, tzinfo=timezone.utc))
    (kept,) = [d for d in deadlines_for(app, settings, now) if d.kind is DeadlineKind.KEEP_IN_TOUCH]
    assert kept.due.isoformat() == "2026-12-28T00:00:00+00:00"  # Mon 28 Dec 09:00 in Tokyo
    assert "keep in touch Mon 28 Dec 09:00" in summary_content(app, settings, now).plain


def test_the_history_shows_a_line_of_an_undone_step_struck_through_with_the_undo_mark():
    """Kept as a record, but it must not read as something that happened: ↶, struck, "(undone)"."""
    from tui.core import actions
    from tui.ui.detail.history import event_row, mark_of

    now = pendulum.datetime(2026, 11, 20, 12, tz="UTC")
    app = actions.new_application("Acme", "Dev", now=now.subtract(days=1), round_at=now.subtract(days=1))
    moved = actions.move(app, "awaiting", now=now)
    back = actions.undo(app, moved, "Move Acme to Awaiting", now=now)
    move_line = next(e for e in back.history if e.kind == "stage")
    assert mark_of(move_line) == "↶"
    assert mark_of(next(e for e in moved.history if e.kind == "stage")) == "→"  # before the undo
    shown = event_row(move_line, BERLIN, now).lines(100)
    assert "↶ Interviewed → Awaiting (moved by hand) (undone)" in shown.plain

    def struck(content):
        return "".join(content.plain[span.start:span.end] for span in content.spans if "strike" in str(span.style))

    assert "Interviewed → Awaiting" in struck(shown)
    undid = event_row(back.history[-1], BERLIN, now).lines(100)
    assert struck(undid) == "" and mark_of(back.history[-1]) == "↶"  # the "Undid: …" line itself holds


def test_a_history_row_wraps_its_text_under_itself_and_fits_any_width():
    """Time (17 cells), mark, text; a long text goes on under the text, never under the time."""
    from tui.core import actions
    from tui.ui.detail.history import GUTTER, event_row

    now = pendulum.datetime(2026, 11, 20, 12, tz="UTC")
    app = actions.new_application("Acme " * 12, "Dev", now=now, round_at=now.subtract(hours=1))
    row = event_row(app.history[0], BERLIN, now)
    lines = row.lines(50).plain.split("\n")
    assert len(lines) >= 2 and lines[0].startswith("Fri 20 Nov 13:00")
    assert all(line.startswith(" " * GUTTER) and line[GUTTER] != " " for line in lines[1:])
    assert all(len(line) <= 50 for line in lines) and row.get_height({}, 50) == len(lines)
    narrow = row.lines(12).plain.split("\n")  # narrower than the time: still every word, no line too long
    assert all(len(line) <= 12 for line in narrow) and "".join(narrow).replace(" ", "").count("Acme") == 12


def test_a_history_line_of_another_year_shows_its_day_whole_rather_than_a_cut_clock():
    from tui.core import actions
    from tui.ui.detail.history import TIME_WIDTH, event_row

    now = pendulum.datetime(2026, 11, 20, 12, tz="UTC")
    app = actions.new_application("Oldco", "Dev", now=now.subtract(years=1), round_at=now.subtract(years=1))
    shown = event_row(app.history[0], BERLIN, now).lines(60).plain
    assert shown.startswith("Thu 20 Nov 2025 ") and len(shown.split("  ")[0]) <= TIME_WIDTH


POSTING = "https://jobs.example.test/engineering/platform/senior-site-reliability-engineer-berlin"
PITCH = ("Twelve years of running large Kafka and Postgres fleets for payments companies across Europe, "
         "with on-call I kept quiet")


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_posting_and_pitch_each_take_one_line_cut_with_an_ellipsis(tmp_path, frozen, size):
    """Review T 13: at 80 columns the posting and pitch took four lines, the URL split mid-word and the
    pitch cut off by the summary's height. Now each has a line of its own, cut to fit with "…"."""
    import msgspec

    from tui.ui.detail.summary import Summary
    from ui_detail_helpers import acme, board, make_db, open_card, screen_text

    card = msgspec.structs.replace(acme(frozen), posting=POSTING, pitch=PITCH)
    followup = board(make_db(tmp_path, card))
    async with followup.run_test(size=size) as pilot:
        await open_card(pilot)
        await pilot.pause()
        summary = followup.screen.query_one(Summary)
        lines = str(summary.render()).split("\n")
        assert summary.size.height == len(lines)  # none wrapped, none cut off by the height
        posting = next(line for line in lines if line.startswith("posting "))
        pitch = next(line for line in lines if line.startswith("pitch "))
        assert all(len(line) <= summary.content_size.width for line in (posting, pitch))
        assert POSTING.startswith(posting.removeprefix("posting ").removesuffix("…"))
        assert PITCH.startswith(pitch.removeprefix("pitch ").removesuffix("…")) and pitch.endswith("…")
        shown = screen_text(followup)
        assert posting in shown and pitch in shown
        if size[0] >= 120:
            assert posting == f"posting {POSTING}"  # it fits: whole


def test_the_history_reads_newest_first_and_of_lines_at_one_time_the_last_written_first():
    """Review S1 1: lines of one second were listed as written (oldest first) under a newest-first list,
    so a card moved Interviewed → Thanked → Interviewed read as if it had moved back the other way."""
    from tui.core.parts import Event
    from tui.ui.detail.history import newest_first

    at = pendulum.datetime(2026, 11, 28, 11, 47, 52, tz="UTC")
    lines = [Event(at.subtract(hours=1), "created", "Added Acme"),
             Event(at, "stage", "→ Interviewed → Thanked", {"from": "interviewed", "to": "thanked"}),
             Event(at, "stage", "→ Thanked → Interviewed", {"from": "thanked", "to": "interviewed"}),
             Event(at.add(minutes=1), "notes", "Edited notes")]
    assert [e.text for e in newest_first(lines)] == [
        "Edited notes", "→ Thanked → Interviewed", "→ Interviewed → Thanked", "Added Acme"]


def test_an_edit_works_out_again_only_the_lines_it_changed(monkeypatch):
    """Review S7 1: the editor highlights the whole document after every key; in 100 KB of notes that was
    37 ms a key, as every line was read again. Lines it has read already are not, however long the notes
    (S8 5: a cache of 8,192 lines missed every line of a longer document), and what it remembers is the
    document's lines only."""
    from tui.ui.detail import markdown_highlight

    lines = [f"- point {n} with **bold** and `code`" for n in range(9000)]
    known: dict = {}
    markdown_highlights(lines, known)
    read = []
    real = markdown_highlight.highlight_line
    monkeypatch.setattr(markdown_highlight, "highlight_line", lambda line: read.append(line) or real(line))
    lines[700] += " typed"
    again = markdown_highlights(lines, known)
    assert read == [lines[700]] and "bold" in [name for *_, name in again[700]]
    assert set(known) == set(lines)


@pytest.mark.parametrize("width", [38, 51, 60, 80, 118, 120, 158])
def test_the_summary_counts_what_is_due_beyond_its_two_lines(width):
    """Review S7 3: with 30 directions the due line ran past the summary's height, cut with nothing to say
    that more were left out. Two lines as the summary wraps them (S8 1: counting cells let word wrap make
    three at 120 columns, and the pitch under them was cut)."""
    from textual.content import Content

    from tui.core import actions, direction_actions
    from tui.core.settings import Settings
    from tui.core.stages import DirectionKind
    from tui.ui.detail.summary import summary_content

    now = pendulum.datetime(2026, 11, 25, 10, tz="Europe/London")
    app = actions.new_application("Many", "Dev", now=now, round_at=now.subtract(days=2))
    words = ["upload the take-home", "confirm the start date", "reply to the scheduling email", "send two references",
             "email Sam the portfolio link", "book the onsite", "call the recruiter back", "send the signed NDA"]
    for n in range(30):
        app = direction_actions.add_direction(app, words[n % 8], DirectionKind.DO_BY, now.add(days=n + 1), now=now)
    due_line = summary_content(app, Settings(timezone="Europe/London"), now, width).plain.splitlines()[1]
    assert due_line.startswith("upload the take-home ") and "book the onsite in 30 d" not in due_line
    assert due_line.endswith("more (the sidebar, 3 Directions)")
    assert len(Content(due_line).wrap(width)) <= 2 or due_line.count(" · ") == 1  # at least one, however narrow
    everything = summary_content(app, Settings(timezone="Europe/London"), now).plain  # width unknown: all
    assert "book the onsite in 30 d" in everything and "more (the sidebar" not in everything
