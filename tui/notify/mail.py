"""E-mail reminders through SMTP (smtplib): STARTTLS or SSL, one connection per run.

The password is never in a file Followup writes: it comes from
`smtp_password_command` (run when needed, its first line of output) or from
$FOLLOWUP_SMTP_PASSWORD, and goes nowhere but the SMTP login.
"""

from __future__ import annotations

import smtplib
import ssl
import subprocess
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Callable, Mapping, Sequence

from tui.core.remind import Reminder
from tui.core.settings import Settings
from tui.notify import ChannelError

TIMEOUT_SECONDS = 30
PASSWORD_ENV = "FOLLOWUP_SMTP_PASSWORD"


class MailChannel:
    name = "email"

    def __init__(self, settings: Settings, env: Mapping[str, str]) -> None:
        self.settings = settings
        self.env = env

    def password(self) -> str:
        command = self.settings.smtp_password_command.strip()
        if command:
            try:
                done = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
            except (OSError, subprocess.TimeoutExpired) as exc:
                raise ChannelError(f"email: smtp_password_command could not run ({exc})") from None
            lines = done.stdout.splitlines()
            if done.returncode != 0 or not lines:  # its output is never shown: it may hold the password
                raise ChannelError(f"email: smtp_password_command exited with status {done.returncode} "
                                   "and printed no password")
            return lines[0]
        password = self.env.get(PASSWORD_ENV, "")
        if not password:
            raise ChannelError(f"email: smtp_user is set but there is no password: set smtp_password_command "
                               f"(e.g. 'pass show mail/smtp') or ${PASSWORD_ENV}")
        return password

    def message(self, reminder: Reminder) -> EmailMessage:
        mail = EmailMessage()
        mail["From"] = self.settings.mail_from
        mail["To"] = self.settings.mail_to
        mail["Subject"] = f"Followup: {reminder.text}"
        mail["Date"] = formatdate(localtime=False)
        mail["Message-ID"] = make_msgid(domain=self.settings.mail_from.rpartition("@")[2] or None)
        mail.set_content(reminder.body)
        return mail

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        context = ssl.create_default_context()
        if s.smtp_security == "ssl":
            return smtplib.SMTP_SSL(s.smtp_host, s.smtp_port, timeout=TIMEOUT_SECONDS, context=context)
        server = smtplib.SMTP(s.smtp_host, s.smtp_port, timeout=TIMEOUT_SECONDS)
        try:
            server.starttls(context=context)
        except smtplib.SMTPNotSupportedError:
            server.close()
            raise ChannelError(f"email: {s.smtp_host}:{s.smtp_port} does not offer STARTTLS; set smtp_security = "
                               "\"ssl\" if it expects TLS from the start (often port 465)") from None
        except BaseException:
            server.close()
            raise
        return server

    def send(self, reminders: Sequence[Reminder], delivered: Callable[[Reminder], None]) -> None:
        if not reminders:
            return
        s = self.settings
        where = f"{s.smtp_host}:{s.smtp_port}"
        password = self.password() if s.smtp_user else ""
        try:
            server = self._connect()
            try:
                if s.smtp_user:
                    server.login(s.smtp_user, password)
                for reminder in reminders:
                    server.send_message(self.message(reminder))
                    delivered(reminder)
            finally:
                try:
                    server.quit()
                except (smtplib.SMTPException, OSError):
                    server.close()
        except smtplib.SMTPAuthenticationError as exc:
            raise ChannelError(f"email: {where} refused the login for {s.smtp_user} ({exc.smtp_code})") from None
        except smtplib.SMTPException as exc:
            raise ChannelError(f"email: {where}: {_reason(exc)}") from None
        except ssl.SSLError as exc:
            raise ChannelError(f"email: {where}: TLS failed ({exc.reason or exc})") from None
        except OSError as exc:
            raise ChannelError(f"email: cannot reach {where} ({exc.strerror or exc})") from None


def _reason(exc: smtplib.SMTPException) -> str:
    text = str(exc).replace("\n", " ").strip()
    return text[:200] or type(exc).__name__
