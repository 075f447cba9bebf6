"""Running `followup remind` on a timer: a systemd user timer where there is one, else a crontab line.

Every call to systemctl and loginctl goes through `run`, the one function the
tests replace. What --install writes carries a first line saying so, and
--uninstall removes only files that carry it.
"""

from __future__ import annotations

import getpass
import subprocess
from datetime import timedelta
from pathlib import Path
from typing import Mapping, NamedTuple

from tui.core.errors import ValidationError

UNIT = "followup-remind"
MARK = "# Written by `followup remind --install`; `followup remind --uninstall` removes it."
MINUTE_STEPS = (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30)
HOUR_STEPS = (1, 2, 3, 4, 6, 8, 12)


def run(argv: list[str]) -> tuple[int, str]:
    """Run a system tool; (exit status, its output). 127 when it is not there."""
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=30)
    except FileNotFoundError:
        return 127, f"{argv[0]}: not found"
    except (OSError, subprocess.TimeoutExpired) as exc:
        return 126, f"{argv[0]}: {exc}"
    return done.returncode, (done.stdout + done.stderr).strip()


class Every(NamedTuple):
    on_calendar: str  # systemd's OnCalendar= value
    cron: str  # the five time fields of a crontab line
    words: str  # "every 30 min"


def every(span: timedelta) -> Every:
    """A period a calendar can repeat exactly (minutes that divide an hour, hours that divide a day)."""
    minutes = int(span.total_seconds() // 60)
    if minutes in MINUTE_STEPS:
        return Every(f"*:0/{minutes}", f"*/{minutes} * * * *", f"every {minutes} min")
    if minutes % 60 == 0 and minutes // 60 in HOUR_STEPS:
        hours = minutes // 60
        return Every(f"0/{hours}:00", f"0 */{hours} * * *", f"every {hours} h")
    raise ValidationError(
        "--every: use minutes that divide an hour (" + ", ".join(f"{m}m" for m in MINUTE_STEPS[3:])
        + ") or hours that divide a day (" + ", ".join(f"{h}h" for h in HOUR_STEPS) + ")")


def unit_dir(env: Mapping[str, str]) -> Path:
    config = env.get("XDG_CONFIG_HOME") or str(Path(env.get("HOME") or Path.home()) / ".config")
    return Path(config) / "systemd" / "user"


def _quoted(word: str) -> str:
    """One word of a systemd command line or a crontab line (double quotes when it needs them)."""
    if word and all(c.isalnum() or c in "/._-+=:@," for c in word):
        return word
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'


def service_text(argv: list[str], environment: Mapping[str, str]) -> str:
    lines = [MARK, "[Unit]", "Description=Followup: send the reminders that are due", "",
             "[Service]", "Type=oneshot", "ExecStart=" + " ".join(_quoted(a) for a in argv)]
    lines += [f"Environment={_quoted(f'{k}={v}')}" for k, v in environment.items()]
    return "\n".join(lines) + "\n"


def timer_text(period: Every) -> str:
    return "\n".join([
        MARK, "[Unit]", f"Description=Followup: reminders {period.words}", "",
        "[Timer]", f"OnCalendar={period.on_calendar}",
        "Persistent=true", "",  # a run missed while the machine slept happens when it wakes
        "[Install]", "WantedBy=timers.target", "",
    ])


def cron_line(argv: list[str], environment: Mapping[str, str], period: Every) -> str:
    prefix = "".join(f"{k}={_quoted(v)} " for k, v in environment.items())
    command = f"{prefix}{' '.join(_quoted(a) for a in argv)}".replace("%", "\\%")  # cron reads % as a newline
    return f"{period.cron} {command}"


def systemd_available() -> tuple[bool, str]:
    code, said = run(["systemctl", "--user", "show-environment"])
    return code == 0, said.splitlines()[0] if code and said else ""


def _ours(path: Path) -> bool:
    try:
        return path.read_text(encoding="utf-8").startswith(MARK)
    except (OSError, UnicodeDecodeError):
        return False


def _lingering() -> str:
    user = getpass.getuser()
    code, said = run(["loginctl", "show-user", user, "--property=Linger", "--value"])
    if code == 0 and said.strip() == "yes":
        return "lingering is on for you, so reminders keep coming while you are logged out"
    return (f"note: systemd stops your user units when you log out (lingering is off); to keep reminders "
            f"coming while you are logged out, run: loginctl enable-linger {user}")


def install(argv: list[str], environment: Mapping[str, str], period: Every, env: Mapping[str, str]) -> list[str]:
    """Write and enable the timer and its service; without systemd user units, the crontab line to add."""
    available, why = systemd_available()
    if not available:
        return [f"systemd user units are not available here{f' ({why})' if why else ''}; "
                "add this line with 'crontab -e' instead:",
                cron_line(argv, environment, period)]
    folder = unit_dir(env)
    service, timer = folder / f"{UNIT}.service", folder / f"{UNIT}.timer"
    for path in (service, timer):
        if path.exists() and not _ours(path):
            raise ValidationError(f"{path} exists and was not written by Followup; move it away first")
    folder.mkdir(parents=True, exist_ok=True)
    service.write_text(service_text(argv, environment), encoding="utf-8")
    timer.write_text(timer_text(period), encoding="utf-8")
    lines = [f"wrote {service} and {timer}"]
    for step in (["daemon-reload"], ["enable", "--now", f"{UNIT}.timer"]):
        code, said = run(["systemctl", "--user", *step])
        if code != 0:
            raise ValidationError(f"systemctl --user {' '.join(step)} failed: {said.splitlines()[-1] if said else code}"
                                  "; the unit files are written: fix it and run --install again, or --uninstall")
    lines.append(f"enabled {UNIT}.timer: 'followup remind' runs {period.words}; Persistent=true, so a run "
                 "missed while the machine slept happens when it wakes")
    lines.append(_lingering())
    return lines


def uninstall(env: Mapping[str, str]) -> list[str]:
    folder = unit_dir(env)
    paths = [p for p in (folder / f"{UNIT}.timer", folder / f"{UNIT}.service") if p.exists()]
    if not paths:
        return [f"no Followup timer is installed in {folder}; a crontab line, if you added one, "
                "is removed with 'crontab -e'"]
    foreign = [p for p in paths if not _ours(p)]
    if foreign:
        raise ValidationError(f"{foreign[0]} was not written by Followup; it was left alone")
    run(["systemctl", "--user", "disable", "--now", f"{UNIT}.timer"])  # gone already is fine
    for path in paths:
        path.unlink()
    run(["systemctl", "--user", "daemon-reload"])
    return [f"removed {' and '.join(str(p) for p in paths)}; reminders are no longer sent on a timer"]


def status(env: Mapping[str, str]) -> list[str]:
    """Lines saying whether the timer is installed (and then whether it is enabled, and its next run)."""
    folder = unit_dir(env)
    timer = folder / f"{UNIT}.timer"
    if not timer.exists() or not _ours(timer):
        return [f"not installed: no {UNIT}.timer in {folder} (followup remind --install sets it up)"]
    _, enabled = run(["systemctl", "--user", "is-enabled", f"{UNIT}.timer"])
    _, shown = run(["systemctl", "--user", "show", f"{UNIT}.timer", "--property=NextElapseUSecRealtime",
                    "--value"])
    calendar = next((line.split("=", 1)[1] for line in timer.read_text(encoding="utf-8").splitlines()
                     if line.startswith("OnCalendar=")), "?")
    lines = [f"installed: {timer} (OnCalendar={calendar}), {enabled.strip() or 'state unknown'}"]
    if shown.strip() and shown.strip() not in ("n/a", "0"):
        lines.append(f"next run: {shown.strip()}")
    return lines


def environment_for_timer(env: Mapping[str, str], db: str | None) -> tuple[list[str], dict[str, str]]:
    """The command a timer runs (this Python, so a virtualenv is kept) and what it must know.

    Only paths: the SMTP password never goes into a unit file or a crontab line.
    """
    import sys

    argv = [sys.executable, "-m", "tui", "remind"]
    if db:
        argv += ["--db", str(Path(db).expanduser().resolve())]
    environment = {key: env[key] for key in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "TZ")
                   if env.get(key)}
    return argv, environment


def stamp_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_state_dir("followup", appauthor=False)) / "remind-last-run.json"


def write_stamp(at: str, sent: int, failed: list[str], code: int) -> None:
    """What the last real run did, for --status (best effort: a run is not failed by this)."""
    import json

    from tui.store.atomic import atomic_write_bytes
    from tui.store.errors import StoreError

    path = stamp_path()
    payload = json.dumps({"at": at, "sent": sent, "failed": failed, "exit": code}).encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, payload)
    except (OSError, StoreError):
        pass


def read_stamp() -> dict | None:
    import json

    try:
        data = json.loads(stamp_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None
