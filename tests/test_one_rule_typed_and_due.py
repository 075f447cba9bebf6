"""The time typed and the deadline it makes, in one wording (timefmt.typed_and_due) on `followup snooze`,
`followup close --keep-in-touch` and the snooze, close and edit-card forms: the two commands said it two
ways (review Z 6), and the edit-card form's keep-in-touch showed only the time typed (review Z 7)."""

from __future__ import annotations

from datetime import UTC, datetime

from textual.widgets import Static

from cli_helpers import run
from conftest import WAYS, send_keys
from tui.core.timefmt import typed_and_due
from ui_detail_helpers import acme, board, make_db

NOW = datetime(2026, 11, 28, 7, 0, tzinfo=UTC)
SAT_DAWN = datetime(2026, 12, 12, 7, 24, tzinfo=UTC)
MONDAY = datetime(2026, 12, 14, 9, 0, tzinfo=UTC)


def test_the_time_typed_then_the_deadline_when_they_differ():
    assert typed_and_due(SAT_DAWN, MONDAY, UTC, NOW) == "Sat 12 Dec 07:24 · in 14 days → due Mon 14 Dec 09:00"
    assert typed_and_due(MONDAY, MONDAY, UTC, NOW) == "Mon 14 Dec 09:00 · in 16 days"
    assert typed_and_due(MONDAY, None, UTC, NOW) == "Mon 14 Dec 09:00 · in 16 days"


def test_snooze_and_close_say_it_in_the_same_words(cli_db, capsys):
    """Wed 25 Nov 14:00 in Berlin: Saturday 07:24 falls at Monday's opening, 09:00."""
    assert run(cli_db, "add", "Hooli", "--role", "Dev", "--at", "yesterday 10:00") == 0
    assert run(cli_db, "direction", "hooli", "send references", "--by", "in 2 days") == 0
    assert run(cli_db, "snooze", "hooli", "--until", "sat 7:24") == 0
    assert run(cli_db, "close", "hooli", "rejected", "--keep-in-touch", "2026-12-12 07:24") == 0
    snoozed, closed = capsys.readouterr().out.splitlines()[-2:]
    assert "snoozed until Sat 28 Nov 07:24 · in 3 days → due Mon 30 Nov 09:00;" in snoozed, snoozed
    assert "keep in touch on Sat 12 Dec 07:24 · in 17 days → due Mon 14 Dec 09:00;" in closed, closed


@WAYS
async def test_the_edit_card_forms_keep_in_touch_names_the_deadline_it_makes(tmp_path, frozen, burst):
    """Tue 1 Dec 14:00 in Berlin; the close form said "→ due", the edit-card form (c) did not."""
    from tui.ui.detail.forms import DetailsForm

    followup = board(make_db(tmp_path, acme(frozen)))
    async with followup.run_test(size=(80, 24)) as pilot:
        await send_keys(followup, pilot, burst, "enter", "c")
        form = followup.screen
        assert isinstance(form, DetailsForm)
        await send_keys(followup, pilot, burst, *["tab"] * 6, "2026-12-12 07:24")
        said = form.query_one("#hint-keep_in_touch", Static)
        # the card is open: the date reminds only once it is closed (review R2 #4)
        assert str(said.render()) == ("✓ Sat 12 Dec 07:24 · in 11 days → due Mon 14 Dec 09:00 · reminds once the "
                                      "process is closed")


def test_a_closed_cards_keep_in_touch_shows_its_deadline_in_the_detail_header():
    """The header showed the time typed (Sat 12 Dec 07:24) where `show` gives Mon 14 Dec 09:00 (review X2 #7)."""
    import pendulum

    from tui.core import correspondence
    from tui.core.settings import Settings
    from tui.ui.detail.summary import summary_content

    card = correspondence.close(acme(pendulum.instance(NOW)), "rejected", now=NOW, keep_in_touch=SAT_DAWN)
    shown = summary_content(card, Settings(timezone="UTC"), NOW).plain
    assert "keep in touch Mon 14 Dec 09:00" in shown and "Sat 12 Dec" not in shown
