"""What the command-line suites share: a config dir and a frozen clock, running a command, reading its errors.

In-process suites take the `cli_home` or `cli_db` fixture (tests/conftest.py),
or call `configure` themselves when they need their own settings (another
zone, a name). The few suites that must start the real program (bytes that
are not UTF-8 in argv, what a cron job sees) build its environment with
`process_env` and start it with `followup_process`.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from tui import cli

ROOT = Path(__file__).resolve().parent.parent
NOW = "2026-11-25T13:00:00Z"  # Wednesday, 14:00 in Berlin
ZONE = "Europe/Berlin"
BERLIN = f'timezone = "{ZONE}"\n'


def write_config(tmp_path: Path, text: str = BERLIN) -> Path:
    """`tmp_path/config/followup/config.toml` holding `text`; returns the dir to use as XDG_CONFIG_HOME."""
    config = tmp_path / "config"
    (config / "followup").mkdir(parents=True, exist_ok=True)
    (config / "followup" / "config.toml").write_text(text, encoding="utf-8")
    return config


def configure(tmp_path: Path, monkeypatch, text: str = BERLIN, now: str = NOW) -> Path:
    """Settings from `text`, the clock frozen at `now`, the user's own FOLLOWUP_DB ignored; returns tmp_path."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(write_config(tmp_path, text)))
    monkeypatch.setenv("FOLLOWUP_NOW", now)
    monkeypatch.delenv("FOLLOWUP_DB", raising=False)
    return tmp_path


def config_file(tmp_path: Path) -> Path:
    return tmp_path / "config" / "followup" / "config.toml"


def run(db, *argv: str) -> int:
    """`followup --db DB ARGV...` in this process; its output is for capsys."""
    return cli.main(["--db", str(db), *argv])


def run_captured(capsys, *argv: str) -> tuple[int, str, str]:
    """`followup ARGV...` in this process: the exit code, standard output and standard error."""
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def digest(path: Path) -> str:
    """A file's checksum: a refused command must leave it byte for byte as it was."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_line_error(capsys, *needles: str) -> str:
    """The standard error of the last command: one line, starting `followup`, naming every needle."""
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("followup"), err
    for needle in needles:
        assert needle in err, err
    return err


def process_env(tmp_path: Path, text: str = BERLIN, now: str = NOW, **extra: str) -> dict[str, str]:
    """The environment of a real `followup` process: this one's, with the settings dir and clock set."""
    return dict(os.environ, XDG_CONFIG_HOME=str(write_config(tmp_path, text)), FOLLOWUP_NOW=now, **extra)


def followup_process(env: dict[str, str], *argv: str, text: bool = True) -> subprocess.CompletedProcess:
    """`python -m tui ARGV...` as a fresh process; each argument is passed as the bytes it stands for."""
    args = [sys.executable, "-m", "tui", *argv]
    return subprocess.run([os.fsencode(a) for a in args], cwd=ROOT, env=env, capture_output=True, text=text,
                          timeout=60)


def as_terminal(monkeypatch, columns: int | None) -> None:
    """Make standard output look like a terminal `columns` wide (None: a pipe, whatever the terminal's size),
    as `followup` run in a tmux pane sees it; the commands ask cli_output.table_width, which asks these two."""
    import shutil

    monkeypatch.setattr(sys.stdout, "isatty", lambda: columns is not None, raising=False)
    size = os.terminal_size((columns or 200, 40))
    monkeypatch.setattr(shutil, "get_terminal_size", lambda fallback=None: size)
