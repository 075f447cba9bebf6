"""Settings from an optional TOML file: defaults, every key, and errors that say how to fix the file."""

import re
from datetime import time, timedelta

import pendulum
import pytest

from tui.core.errors import ValidationError
from tui.core.settings import THEMES, Settings, load_settings, settings_from_mapping


def write(tmp_path, text):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_means_the_defaults(tmp_path):
    assert load_settings(tmp_path / "config.toml") == Settings() == load_settings(None)
    defaults = Settings()
    assert (defaults.thank_you_hours, defaults.follow_up_business_days, defaults.follow_up_limit,
            defaults.reply_hours, defaults.use_thank_you) == (24, 5, 2, 48, True)


def test_every_key_is_read_from_the_file(tmp_path):
    path = write(tmp_path, '''
name = "Alex Morgan"
signature = """Alex Morgan
+44 20 7946 0000"""
thank_you_hours = 12
follow_up_business_days = 3
follow_up_limit = 4
reply_hours = 72
use_thank_you = false
timezone = "Europe/Berlin"
theme = "nord"
''')
    settings = load_settings(path)
    assert settings == Settings(
        name="Alex Morgan", signature="Alex Morgan\n+44 20 7946 0000", thank_you_hours=12,
        follow_up_business_days=3, follow_up_limit=4, reply_hours=72, use_thank_you=False,
        timezone="Europe/Berlin", theme="nord",
    )
    assert settings.zone.name == "Europe/Berlin"
    assert pendulum.datetime(2026, 7, 1, 12, tz="UTC").in_timezone(settings.zone).hour == 14


def test_a_partial_file_keeps_the_other_defaults(tmp_path):
    settings = load_settings(write(tmp_path, "follow_up_limit = 1\n"))
    assert settings.follow_up_limit == 1 and settings.thank_you_hours == 24


@pytest.mark.parametrize(("line", "message"), [
    ("thank_you_hours = 0", "thank_you_hours = 0 is not allowed; use a whole number of hours from 1 to 168"),
    ('thank_you_hours = "24"', "thank_you_hours = '24' is not allowed; use a whole number of hours"),
    ("thank_you_hours = 24.5", "thank_you_hours = 24.5 is not allowed"),
    ("follow_up_business_days = 31",
     "follow_up_business_days = 31 is not allowed; use a whole number of business days from 1 to 30"),
    ("follow_up_limit = true", "follow_up_limit = true is not allowed; use a whole number of follow-ups from 1 to 10"),
    ("follow_up_limit = 0", "follow_up_limit = 0 is not allowed; use a whole number of follow-ups from 1 to 10"),
    ("reply_hours = -1", "reply_hours = -1 is not allowed; use a whole number of hours from 1 to 336"),
    ('use_thank_you = "no"', "use_thank_you = 'no' is not allowed; use true or false"),
    ('theme = "pink"', "theme = 'pink' is not allowed; use one of textual-dark, "),
    ("name = 3", "name = 3 is not allowed; use text"),
])
def test_a_bad_value_names_the_file_the_key_and_what_is_allowed(tmp_path, line, message):
    path = write(tmp_path, line + "\n")
    with pytest.raises(ValidationError) as error:
        load_settings(path)
    assert str(error.value).startswith(f"{path}: {message}")
    assert path.read_text(encoding="utf-8") == line + "\n", "the file is never rewritten"


def test_an_unknown_key_is_ignored_with_a_warning_that_lists_the_known_ones(tmp_path):
    """QA: one stray key stopped every command, the reminders and the status line included."""
    path = write(tmp_path, "colour = 'blue'\nname = 'Alex'\n")
    warnings: list[str] = []
    assert load_settings(path, warnings=warnings) == Settings(name="Alex")
    (line,) = warnings
    assert line.startswith(f"{path}: unknown key 'colour' ignored; known keys are follow_up_business_days, "
                           "follow_up_limit, holidays, mail_from, mail_to, name, ")
    assert "\n" not in line and load_settings(path) == Settings(name="Alex")  # without a list: silent


@pytest.mark.parametrize("key, value, says", [
    ("work_hours", "17:00-09:00", "start before end"),
    ("remind_hours", "8-21", "a span of the day"),
    ("remind_before", "2 weeks", "one minute to a week"),
    ("holidays", "England", "country code"),
    ("remind_channels", ["sms"], "'desktop', 'email', 'command'"),
    ("smtp_security", "tls", "'starttls' or 'ssl'"),
    ("smtp_port", 70000, "1 to 65535"),
    ("mail_to", "not an address", "e-mail address"),
])
def test_a_bad_reminder_or_calendar_setting_names_the_key_and_what_it_takes(key, value, says):
    with pytest.raises(ValidationError, match=f"{key} = .* is not allowed; use .*{re.escape(says)}"):
        settings_from_mapping({key: value})


def test_the_calendar_and_reminder_settings_are_read_into_values():
    settings = settings_from_mapping({"work_hours": "08:30-18:00", "remind_before": "30m",
                                      "remind_channels": ["email", "command"], "pitch": "I ship."})
    assert settings.work_window == (time(8, 30), time(18, 0))
    assert settings.remind_lead == timedelta(minutes=30)
    assert settings.remind_channels == ("email", "command") and settings.pitch == "I ship."
    assert Settings().work_window == (time(9), time(17)) and Settings().remind_window == (time(8), time(21))


def test_a_table_is_an_unknown_key_too(tmp_path):
    warnings: list[str] = []
    assert load_settings(write(tmp_path, "use_thank_you = false\n[letters]\ntone = 'warm'\n"),
                         warnings=warnings) == Settings(use_thank_you=False)
    assert [w.split(": ", 1)[1][:30] for w in warnings] == ["unknown key 'letters' ignored;"]


def test_a_bad_value_beside_an_unknown_key_still_stops(tmp_path):
    """Only the unknown key is forgiven: a known key with a bad value would change what the app does."""
    with pytest.raises(ValidationError, match="thank_you_hours = 0 is not allowed"):
        load_settings(write(tmp_path, "colour = 'red'\nthank_you_hours = 0\n"), warnings=[])


def test_bad_toml_names_the_file(tmp_path):
    path = write(tmp_path, "thank_you_hours = = 24\n")
    with pytest.raises(ValidationError, match=r"config.toml: not valid TOML \(.*line 1.*\); fix or remove the file"):
        load_settings(path)


def test_a_file_that_is_not_utf8_or_not_a_file_is_reported(tmp_path):
    path = tmp_path / "config.toml"
    path.write_bytes(b"name = '\xff'\n")
    with pytest.raises(ValidationError, match="not UTF-8"):
        load_settings(path)
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    with pytest.raises(ValidationError, match=r"folder.toml: cannot read the settings \(not a regular file"):
        load_settings(folder)


def test_an_unknown_time_zone_names_the_key(tmp_path):
    path = write(tmp_path, 'timezone = "Mars/Olympus"\n')
    with pytest.raises(ValidationError, match=r"timezone = 'Mars/Olympus' is not allowed; use an IANA zone name"):
        load_settings(path)


def test_an_empty_time_zone_means_the_systems():
    settings = settings_from_mapping({"timezone": ""})
    assert settings.zone is not None and settings.zone == pendulum.local_timezone()


def test_every_listed_theme_is_accepted():
    assert {settings_from_mapping({"theme": t}).theme for t in THEMES} == set(THEMES)


def test_an_unknown_key_close_to_a_real_one_is_named_as_the_likely_typo(tmp_path):
    from tui.core.settings import unknown_key

    assert str(unknown_key("timezon", "config.toml", ignored=True)) == (
        "config.toml: unknown key 'timezon' ignored; did you mean timezone? (followup config lists every key)")
    assert "known keys are follow_up_business_days" in str(unknown_key("colour", "config.toml"))


@pytest.mark.parametrize("line, shown", [
    ("thank_you_hours = true", "thank_you_hours = true is not allowed"),
    ("name = 1979-05-27T07:32:00Z", "name = 1979-05-27T07:32:00+00:00 is not allowed"),
    ("remind_channels = [1, true]", "remind_channels = [1, true] is not allowed"),
    ("theme = {a = 1}", "theme = a table is not allowed"),
])
def test_a_bad_value_is_shown_as_the_file_writes_it_not_as_python_does(tmp_path, line, shown):
    """Fuzz fz6 9: `thank_you_hours = True`, `name = datetime.datetime(1979, 5, 27, …)`."""
    with pytest.raises(ValidationError) as refused:
        load_settings(write(tmp_path, line + "\n"))
    assert shown in str(refused.value) and "datetime." not in str(refused.value)


def test_an_unknown_holiday_calendar_in_the_file_says_how_to_set_it_in_place(tmp_path):
    with pytest.raises(ValidationError, match=r"country 'XX'.*; `followup config holidays VALUE` sets it in place$"):
        load_settings(write(tmp_path, 'holidays = "XX"\n'))
