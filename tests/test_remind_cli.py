"""`followup remind` run in-process against a frozen clock that the tests move on.

Acme's round was Tue 24 Nov 2026 at 15:30 in Berlin (14:30 UTC), so Dana
Kim's thank-you is due Wed 25 Nov at 15:30 Berlin (14:30 UTC). Channels: the
command channel (a script appending to a file), e-mail (a real SMTP server on
loopback, aiosmtpd), and no desktop (DISPLAY is unset).
"""

import hashlib
import os
import stat
import subprocess
import sys

import pendulum
import pytest

from tui import cli
from tui.core import actions
from tui.core.parts import Interviewer, Round
from tui.core.stages import Stage
from tui.notify import schedule
from tui.store import Store

ZONE = "Europe/Berlin"
ROUND = pendulum.datetime(2026, 11, 24, 14, 30, tz="UTC")
DUE = ROUND.add(hours=24)


@pytest.fixture
def env(tmp_path, monkeypatch):
    """A data file with Acme, a config dir, a private home and state dir, no desktop session."""
    config = tmp_path / "config"
    (config / "followup").mkdir(parents=True)
    for name, value in (("XDG_CONFIG_HOME", config), ("XDG_STATE_HOME", tmp_path / "state"),
                        ("HOME", tmp_path / "home")):
        monkeypatch.setenv(name, str(value))
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "FOLLOWUP_DB", "FOLLOWUP_SMTP_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    db = tmp_path / "followup.json"
    store = Store(db).open()
    store.add(actions.new_application("Acme", "SRE", now=ROUND, round_at=ROUND,
                                      interviewers=[Interviewer("Dana Kim")]))
    return tmp_path


def configure(env, **keys):
    lines = [f'timezone = "{ZONE}"'] + [
        f"{key} = {value!r}".replace("'", '"') if isinstance(value, str) else f"{key} = {value}"
        for key, value in keys.items()]
    (env / "config" / "followup" / "config.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def script(env, name, body):
    path = env / name
    path.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def appender(env):
    """A notify_command that appends each reminder it gets on stdin to received.txt."""
    return str(script(env, "append.sh", f'cat >> "{env}/received.txt"; echo --- >> "{env}/received.txt"'))


def received(env):
    path = env / "received.txt"
    return [m.strip() for m in path.read_text().split("---") if m.strip()] if path.exists() else []


def remind(env, monkeypatch, at, *argv):
    monkeypatch.setenv("FOLLOWUP_NOW", at.isoformat())
    return cli.main(["--db", str(env / "followup.json"), "remind", *argv])


def checksum(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_lead_time_then_overdue_then_nothing_more(env, monkeypatch, capsys):
    configure(env, notify_command=appender(env))
    store = Store(env / "followup.json")
    short = store.load_all()[0].short_id
    revision = store.load_all()[0].revision

    assert remind(env, monkeypatch, DUE.subtract(hours=3)) == 0  # before the 2 h lead time
    assert capsys.readouterr().out == "" and received(env) == []

    assert remind(env, monkeypatch, DUE.subtract(hours=1)) == 0
    assert capsys.readouterr().out == "command: Thank Dana Kim (Acme) — due in 1 h\n"
    assert received(env) == ["Thank Dana Kim (Acme) — due in 1 h\nDue Wed 25 Nov 15:30.\n"
                             f'followup --db {env / "followup.json"} letter {short} thank-you --interviewer "Dana Kim"']

    assert remind(env, monkeypatch, DUE.subtract(minutes=30)) == 0  # never repeated
    assert capsys.readouterr().out == ""

    assert remind(env, monkeypatch, DUE.add(hours=3)) == 0
    assert capsys.readouterr().out == "command: Thank Dana Kim (Acme) — 3 h overdue\n"
    assert remind(env, monkeypatch, DUE.add(hours=4)) == 0
    assert capsys.readouterr().out == "" and len(received(env)) == 2
    assert store.load_all()[0].revision == revision  # the card was never written


def test_both_in_one_run_send_one_message(env, monkeypatch, capsys):
    configure(env, notify_command=appender(env))
    assert remind(env, monkeypatch, DUE.add(minutes=20)) == 0
    assert capsys.readouterr().out == "command: Thank Dana Kim (Acme) — 20 min overdue\n"
    assert remind(env, monkeypatch, DUE.add(hours=1)) == 0
    assert len(received(env)) == 1


def test_outside_reminder_hours_it_waits(env, monkeypatch, capsys):
    configure(env, notify_command=appender(env), remind_hours="08:00-14:00")  # Berlin; due 15:30
    before = checksum(env / "followup.json")
    assert remind(env, monkeypatch, DUE.subtract(hours=1)) == 0  # 14:30 Berlin
    assert capsys.readouterr().out.startswith("nothing sent: outside remind_hours (08:00-14:00); what is due "
                                              "waits until Thu 26 Nov 08:00")
    assert received(env) == [] and checksum(env / "followup.json") == before
    assert remind(env, monkeypatch, pendulum.datetime(2026, 11, 26, 7, 0, tz="UTC")) == 0  # 08:00 Berlin, 16.5 h late
    assert capsys.readouterr().out == "command: Thank Dana Kim (Acme) — 17 h overdue\n"


def test_dry_run_changes_nothing(env, monkeypatch, capsys):
    configure(env, notify_command=appender(env))
    before = checksum(env / "followup.json")
    assert remind(env, monkeypatch, DUE.subtract(hours=1), "--dry-run") == 0
    assert capsys.readouterr().out == "would send by command: Thank Dana Kim (Acme) — due in 1 h\n"
    assert checksum(env / "followup.json") == before and received(env) == []
    assert not (env / "state").exists()  # not even the last-run stamp


def test_a_failing_channel_is_named_the_others_still_send(env, monkeypatch, capsys):
    failing = script(env, "fail.sh", "cat > /dev/null; echo 'push service said no' >&2; exit 3")
    configure(env, notify_command=str(failing), remind_channels=["command", "desktop"])
    monkeypatch.setenv("DISPLAY", ":0")
    fake_bin = env / "bin"
    fake_bin.mkdir()
    script(fake_bin, "notify-send", f'printf "%s|" "$@" >> "{env}/desktop.txt"')
    monkeypatch.setenv("PATH", f"{fake_bin}{os.pathsep}{os.environ['PATH']}")
    assert remind(env, monkeypatch, DUE.subtract(hours=1)) == 1
    out, err = capsys.readouterr()
    assert out == "desktop: Thank Dana Kim (Acme) — due in 1 h\n"
    assert err == f"followup: command: '{failing}' exited with status 3: push service said no\n"
    assert "--urgency=normal|Thank Dana Kim (Acme) — due in 1 h|" in (env / "desktop.txt").read_text()
    # the next run retries only the channel that failed
    failing.write_text(f"#!/bin/sh\ncat >> \"{env}/received.txt\"\n")
    assert remind(env, monkeypatch, DUE.subtract(minutes=50)) == 0
    assert capsys.readouterr().out == "command: Thank Dana Kim (Acme) — due in 50 min\n"


def test_no_desktop_session_is_a_clear_message(env, monkeypatch, capsys):
    configure(env, remind_channels=["desktop"])
    assert remind(env, monkeypatch, DUE.subtract(hours=1)) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert "desktop: no desktop session here" in err and "Traceback" not in err


def test_no_channel_at_all_says_how_to_set_one_up(env, monkeypatch, capsys):
    configure(env)
    assert remind(env, monkeypatch, DUE.subtract(hours=1)) == 1
    assert "no reminder channel is on: set notify_command or the smtp_* keys" in capsys.readouterr().err


def test_an_upcoming_interview(env, monkeypatch, capsys):
    configure(env, notify_command=appender(env))
    store = Store(env / "followup.json")
    app = actions.move(store.load_all()[0], Stage.AWAITING, now=DUE)
    app.rounds.append(Round(name="Onsite", at=pendulum.datetime(2026, 12, 1, 13, 0, tz="UTC")))
    store.save(app)
    assert remind(env, monkeypatch, pendulum.datetime(2026, 12, 1, 11, 30, tz="UTC")) == 0
    out = capsys.readouterr().out
    assert "command: Onsite interview at Acme — in 2 h, Tue 1 Dec 14:00\n" in out  # 1 h 30 min
    assert f"followup --db {env / 'followup.json'} show {app.short_id}" in received(env)[-1]


def test_bad_options_are_refused(env, monkeypatch, capsys):
    configure(env)
    assert remind(env, monkeypatch, DUE, "--every", "15m") == 2
    assert "--every goes with --install" in capsys.readouterr().err
    assert remind(env, monkeypatch, DUE, "--install", "--uninstall") == 2
    capsys.readouterr()
    assert remind(env, monkeypatch, DUE, "--install", "--every", "45m") == 2
    assert "--every: use minutes that divide an hour" in capsys.readouterr().err


# --- e-mail against a real SMTP server on loopback -----------------------------------------

class Inbox:
    def __init__(self):
        self.messages, self.logins = [], []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 OK"

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        from aiosmtpd.smtp import AuthResult

        self.logins.append((auth_data.login.decode(), auth_data.password.decode()))
        if auth_data.password == b"s3cret":
            return AuthResult(success=True)
        return AuthResult(success=False, handled=False)  # the server answers 535


@pytest.fixture(scope="module")
def certificate_files(tmp_path_factory):
    """A self-signed certificate for 127.0.0.1 (an EC key: made in milliseconds)."""
    import shutil

    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return cert, key


@pytest.fixture
def certificate(certificate_files, monkeypatch):
    """The test certificate, trusted by the client through SSL_CERT_FILE (as a real CA would be)."""
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate_files[0]))
    return certificate_files


def smtp_server(certificate, *, implicit_tls):
    import socket
    import ssl

    from aiosmtpd.controller import Controller

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*certificate)
    inbox = Inbox()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    tls = {"ssl_context": context} if implicit_tls else {"tls_context": context, "require_starttls": True}
    controller = Controller(inbox, hostname="127.0.0.1", port=port, authenticator=inbox.authenticate,
                            auth_require_tls=not implicit_tls, server_hostname="127.0.0.1", **tls)
    return controller, inbox, port


@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_email_reaches_a_real_smtp_server(env, monkeypatch, capsys, certificate, security):
    controller, inbox, port = smtp_server(certificate, implicit_tls=security == "ssl")
    password = script(env, "password.sh", "echo s3cret")
    configure(env, smtp_host="127.0.0.1", smtp_port=port, smtp_security=security, smtp_user="me",
              smtp_password_command=str(password), mail_from="followup@example.org", mail_to="me@example.org")
    controller.start()
    try:
        assert remind(env, monkeypatch, DUE.subtract(hours=1)) == 0
    finally:
        controller.stop()
    assert capsys.readouterr().out == "email: Thank Dana Kim (Acme) — due in 1 h\n"
    assert inbox.logins == [("me", "s3cret")]
    [envelope] = inbox.messages
    assert envelope.mail_from == "followup@example.org" and envelope.rcpt_tos == ["me@example.org"]
    from email import message_from_bytes, policy

    mail = message_from_bytes(envelope.original_content, policy=policy.default)
    assert mail["Subject"] == "Followup: Thank Dana Kim (Acme) — due in 1 h"
    assert 'thank-you --interviewer "Dana Kim"' in mail.get_content()
    assert "s3cret" not in (env / "followup.json").read_text()


def test_email_password_from_the_environment_and_a_refused_login(env, monkeypatch, capsys, certificate):
    controller, inbox, port = smtp_server(certificate, implicit_tls=False)
    configure(env, smtp_host="127.0.0.1", smtp_port=port, smtp_user="me", mail_from="a@example.org",
              mail_to="b@example.org", notify_command=appender(env))
    monkeypatch.setenv("FOLLOWUP_SMTP_PASSWORD", "wrong")
    controller.start()
    try:
        assert remind(env, monkeypatch, DUE.subtract(hours=1)) == 1
    finally:
        controller.stop()
    out, err = capsys.readouterr()
    assert set(inbox.logins) == {("me", "wrong")} and inbox.messages == []  # smtplib tries each mechanism
    assert err == f"followup: email: 127.0.0.1:{port} refused the login for me (535)\n"
    assert out == "command: Thank Dana Kim (Acme) — due in 1 h\n"  # the other channel still sent


def test_email_server_unreachable(env, monkeypatch, capsys):
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: nobody listens
    configure(env, smtp_host="127.0.0.1", smtp_port=port, mail_from="a@example.org", mail_to="b@example.org")
    assert remind(env, monkeypatch, DUE.subtract(hours=1)) == 1
    assert capsys.readouterr().err.startswith(f"followup: email: cannot reach 127.0.0.1:{port} (")


# --- the timer -----------------------------------------------------------------------------

@pytest.fixture
def systemctl(monkeypatch):
    """Replace the one function that runs systemctl/loginctl; returns the calls made."""
    calls = []
    answers = {"show-environment": (0, "HOME=/x"), "Linger": (0, "no"), "is-enabled": (0, "enabled"),
               "NextElapseUSecRealtime": (0, "Wed 2026-11-25 14:30:00 CET")}

    def fake(argv):
        calls.append(argv)
        return next((answer for word, answer in answers.items() if any(word in a for a in argv)), (0, ""))

    monkeypatch.setattr(schedule, "run", fake)
    fake.calls, fake.answers = calls, answers
    return fake


def test_install_status_uninstall(env, monkeypatch, capsys, systemctl):
    configure(env, notify_command="true")
    monkeypatch.setenv("FOLLOWUP_SMTP_PASSWORD", "never-written")
    units = env / "config" / "systemd" / "user"
    assert remind(env, monkeypatch, DUE, "--status") == 0
    assert capsys.readouterr().out.startswith("not installed")

    assert remind(env, monkeypatch, DUE, "--install", "--every", "15m") == 0
    out = capsys.readouterr().out
    timer = (units / "followup-remind.timer").read_text()
    service = (units / "followup-remind.service").read_text()
    assert "OnCalendar=*:0/15\n" in timer and "Persistent=true\n" in timer and "WantedBy=timers.target" in timer
    assert f"ExecStart={sys.executable} -m tui remind --db {env / 'followup.json'}\n" in service
    assert "never-written" not in timer + service
    assert ["systemctl", "--user", "enable", "--now", "followup-remind.timer"] in systemctl.calls
    assert "loginctl enable-linger" in out and "lingering is off" in out
    assert "does not see $FOLLOWUP_SMTP_PASSWORD" in out

    remind(env, monkeypatch, DUE)  # a run, for the status's "last run"
    capsys.readouterr()
    assert remind(env, monkeypatch, DUE, "--status") == 0
    status = capsys.readouterr().out
    assert "installed:" in status and "OnCalendar=*:0/15" in status and "enabled" in status
    assert "last run: Wed 25 Nov 15:30 (1 sent)" in status

    assert remind(env, monkeypatch, DUE, "--uninstall") == 0
    assert "removed" in capsys.readouterr().out
    assert list(units.iterdir()) == []
    assert ["systemctl", "--user", "disable", "--now", "followup-remind.timer"] in systemctl.calls


def test_without_systemd_the_crontab_line(env, monkeypatch, capsys, systemctl):
    configure(env)
    systemctl.answers["show-environment"] = (1, "Failed to connect to bus: No medium found")
    assert remind(env, monkeypatch, DUE, "--install") == 0
    out = capsys.readouterr().out.splitlines()
    assert "systemd user units are not available here (Failed to connect to bus" in out[0]
    assert out[1].startswith("*/30 * * * * ") and out[1].endswith(f"-m tui remind --db {env / 'followup.json'}")
    assert not (env / "config" / "systemd").exists()


def test_uninstall_leaves_files_it_did_not_write(env, monkeypatch, capsys, systemctl):
    configure(env)
    units = env / "config" / "systemd" / "user"
    units.mkdir(parents=True)
    (units / "followup-remind.timer").write_text("[Timer]\nOnCalendar=daily\n")
    assert remind(env, monkeypatch, DUE, "--uninstall") == 2
    assert "was not written by Followup" in capsys.readouterr().err
    assert (units / "followup-remind.timer").exists()


def test_the_command_in_a_reminder_names_a_data_file_other_than_the_default(env, monkeypatch, capsys):
    """Run as printed, the command must find the card: --db (shell-quoted) unless the file is the default."""
    configure(env, notify_command=appender(env))
    other = env / "my data" / "jobs.json"
    other.parent.mkdir()
    (env / "followup.json").rename(other)
    short = Store(other).load_all()[0].short_id
    monkeypatch.setenv("FOLLOWUP_NOW", DUE.subtract(hours=1).isoformat())
    assert cli.main(["--db", str(other), "remind"]) == 0
    assert received(env)[-1].endswith(f'followup --db "{other}" letter {short} thank-you --interviewer "Dana Kim"')

    monkeypatch.setenv("XDG_DATA_HOME", str(env / "data"))
    from tui.store.store import default_db_path

    default_db_path().parent.mkdir(parents=True)
    other.rename(default_db_path())
    (env / "received.txt").unlink()
    monkeypatch.setenv("FOLLOWUP_NOW", DUE.add(hours=1).isoformat())  # overdue: a message of its own
    assert cli.main(["remind"]) == 0
    assert received(env)[-1].endswith(f'\nfollowup letter {short} thank-you --interviewer "Dana Kim"')
