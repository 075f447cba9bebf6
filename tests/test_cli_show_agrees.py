"""`followup show` says what the rest of Followup says: a direction's due time as its deadline has it
(working hours, a snooze), and its deadlines in the one order (review R1 #1, #3)."""

from __future__ import annotations

from cli_helpers import run


def section(out: str, title: str) -> list[str]:
    """The lines of `show`'s section `title` ("directions:"), up to the next empty line."""
    lines = out.splitlines()
    start = lines.index(title) + 1
    end = lines.index("", start) if "" in lines[start:] else len(lines)
    return lines[start:end]


def test_show_gives_a_direction_the_time_its_deadline_has(cli_db, capsys):
    """Saturday 20:00 is outside working hours: the deadline, and so the row, is Monday 09:00, beside the
    Saturday the recruiter gave (review S2 4: it was left only in the history)."""
    assert run(cli_db, "add", "Acme", "--role", "Dev", "--at", "yesterday 10:00") == 0
    assert run(cli_db, "direction", "acme", "call back", "--by", "sat 20:00") == 0
    capsys.readouterr()
    assert run(cli_db, "show", "acme") == 0
    out = capsys.readouterr().out
    assert section(out, "directions:") == ["  1. [do-by] call back — by Sat 28 Nov 20:00 → due Mon 30 Nov 09:00"]
    assert any(line.startswith("  direction:1") and "Mon 30 Nov 09:00" in line for line in section(out, "deadlines:"))


def test_show_gives_a_snoozed_direction_the_snoozed_time(cli_db, capsys):
    assert run(cli_db, "add", "Acme", "--role", "Dev", "--at", "yesterday 10:00") == 0
    assert run(cli_db, "direction", "acme", "call back", "--by", "fri 12:00") == 0
    assert run(cli_db, "snooze", "acme", "--deadline", "direction:1", "--until", "tue 10:00") == 0
    capsys.readouterr()
    assert run(cli_db, "show", "acme") == 0
    assert section(capsys.readouterr().out, "directions:") == [
        "  1. [do-by] call back — snoozed until Tue 1 Dec 10:00 (was by Fri 27 Nov 12:00)"]


def test_show_gives_a_closed_cards_direction_the_time_asked(cli_db, capsys):
    """A closed card has no direction deadlines: the row reads the time asked, and no "→ due" (review S4)."""
    assert run(cli_db, "add", "Acme", "--role", "Dev", "--at", "yesterday 10:00") == 0
    assert run(cli_db, "direction", "acme", "call back", "--by", "sat 20:00") == 0
    assert run(cli_db, "close", "acme", "withdrawn") == 0
    capsys.readouterr()
    assert run(cli_db, "show", "acme") == 0
    assert section(capsys.readouterr().out, "directions:") == ["  1. [do-by] call back — by Sat 28 Nov 20:00"]


def test_show_lists_deadlines_due_at_once_in_the_order_due_gives(cli_db, capsys):
    """Two thank-yous due at once: Lin Wu before Sam Ray, as `due`, the sidebar and the card say."""
    assert run(cli_db, "add", "Acme", "--role", "Dev", "--at", "yesterday 16:00",
               "--interviewer", "Sam Ray", "--interviewer", "Lin Wu") == 0
    capsys.readouterr()
    assert run(cli_db, "show", "acme") == 0
    names = [line.split()[0] for line in section(capsys.readouterr().out, "deadlines:")]
    assert names == ["thank-you:lin-wu", "thank-you:sam-ray"]


def keep_in_touch_line(out: str) -> str:
    return next(line for line in out.splitlines() if line.startswith("keep in touch"))


def test_show_says_a_reopened_cards_keep_in_touch_date_reminds_of_nothing_yet(cli_db, capsys):
    """Only a closed card has the keep-in-touch deadline: on a reopened one the date stays, and `show`
    must not present it as a live reminder (review R2 #4)."""
    assert run(cli_db, "add", "Acme", "--role", "Dev", "--at", "yesterday 10:00") == 0
    assert run(cli_db, "close", "acme", "rejected", "--keep-in-touch", "2027-03-01 09:00") == 0
    capsys.readouterr()
    assert run(cli_db, "show", "acme") == 0
    out = capsys.readouterr().out
    assert keep_in_touch_line(out).split(None, 3)[-1] == "Mon 1 Mar 2027 09:00"
    assert any(line.startswith("  keep-in-touch") for line in section(out, "deadlines:"))
    assert run(cli_db, "move", "acme", "awaiting") == 0
    capsys.readouterr()
    assert run(cli_db, "show", "acme") == 0
    out = capsys.readouterr().out
    assert keep_in_touch_line(out).endswith("Mon 1 Mar 2027 09:00 (reminds you once the process is closed)")
    assert not any(line.startswith("  keep-in-touch") for line in section(out, "deadlines:"))


def test_a_record_without_an_update_time_shows_no_empty_brackets():
    """Review R3 7: a record migrated from schema 0 has no updated_at, and show printed "(updated )"."""
    import msgspec

    from tui.cli_show import show_lines
    from tui.core import actions
    from tui.core.settings import Settings
    from tui.core.timeutil import load_time

    now = load_time("2026-11-25T10:00:00Z")
    card = msgspec.structs.replace(actions.new_application("Acme", "SRE", now=now, round_at=now), updated_at=None)
    (created,) = [line for line in show_lines(card, Settings(timezone="UTC"), now) if line.startswith("created")]
    assert "updated" not in created and "()" not in created
