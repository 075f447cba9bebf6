"""Files the store must never hurt: devices, FIFOs, folders, read-only files, missing folders.

Every write of a file the user named goes through paths.check_target (from
atomic_write_bytes), so these hold for the data file and for every `-o FILE`.
CI runs as root, where os.access says yes to everything: read-only is judged by
the mode bits, and no test relies on a folder's permissions.
"""

import os
import socket
import stat
from pathlib import Path

import pytest

from cli_helpers import run
from tui.store import atomic
from tui.store.errors import WriteFailedError
from tui.store.paths import check_target

DEVICES = [p for p in ("/dev/null", "/dev/full") if os.path.exists(p)]


def entries(folder: Path) -> dict[str, bytes | None]:
    return {p.name: p.read_bytes() if p.is_file() and not p.is_symlink() else None for p in folder.iterdir()}


# --- check_target and atomic_write_bytes ------------------------------------------
def test_a_regular_file_or_a_new_one_may_be_written(tmp_path):
    old = tmp_path / "old.txt"
    old.write_text("x")
    assert check_target(old) == old
    assert check_target(tmp_path / "new.txt") == tmp_path / "new.txt"


@pytest.mark.parametrize("device", DEVICES)
def test_a_device_is_refused_and_stays_a_device(device):
    with pytest.raises(WriteFailedError, match="character device") as caught:
        atomic.atomic_write_bytes(Path(device), b"data")
    assert device in str(caught.value) and "\n" not in str(caught.value)
    assert stat.S_ISCHR(os.stat(device).st_mode)


def test_a_fifo_a_folder_and_a_socket_are_refused(tmp_path):
    fifo, folder = tmp_path / "pipe", tmp_path / "folder"
    os.mkfifo(fifo)
    folder.mkdir()
    targets = {fifo: "FIFO", folder: "folder"}
    sock_path = tmp_path / "s"
    if len(str(sock_path)) < 100:  # AF_UNIX paths are short
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(sock_path))
        targets[sock_path] = "socket"
    try:
        before = entries(tmp_path)
        for target, kind in targets.items():
            with pytest.raises(WriteFailedError, match=kind):
                atomic.atomic_write_bytes(target, b"data")
        assert entries(tmp_path) == before  # nothing replaced, no temporary file left
        assert stat.S_ISFIFO(os.stat(fifo).st_mode) and folder.is_dir()
    finally:
        if sock_path in targets:
            sock.close()


@pytest.mark.parametrize("mode", [0o444, 0o400, 0o000])
def test_a_read_only_file_is_refused_even_as_root(tmp_path, mode):
    target = tmp_path / "keep.txt"
    target.write_bytes(b"precious")
    target.chmod(mode)
    try:
        with pytest.raises(WriteFailedError, match="read-only"):
            atomic.atomic_write_bytes(target, b"new")
        assert entries(tmp_path) == {"keep.txt": b"precious"}
    finally:
        target.chmod(0o600)


def test_a_file_whose_mode_allows_writing_but_this_user_may_not_is_not_told_to_chmod(tmp_path, monkeypatch):
    """Review R3 5: an immutable file (chattr +i) was said to be read-only with "chmod u+w" as the cure,
    though its mode already allows writing. (os.access is stubbed: CI runs as root on a tmp folder.)"""
    target = tmp_path / "locked.json"
    target.write_text("{}")
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    with pytest.raises(WriteFailedError) as refused:
        check_target(target)
    said = str(refused.value)
    assert "chmod" not in said and "although its mode allows it" in said and "immutable" in said


def test_a_missing_folder_is_refused_and_not_created(tmp_path):
    with pytest.raises(WriteFailedError, match="does not exist") as caught:
        atomic.atomic_write_bytes(tmp_path / "a" / "b" / "x.json", b"{}")
    assert "mkdir -p" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_a_long_path_is_named_cut_and_a_short_one_whole(tmp_path, cli_db, capsys):
    """fz2 6: a 10,000-character --db was echoed whole, twice in one line (20 KB)."""
    long = tmp_path / ("y" * 10_000) / "x.json"
    with pytest.raises(WriteFailedError) as caught:
        atomic.atomic_write_bytes(long, b"{}")
    said = str(caught.value)
    assert len(said) < 800 and "… (10" in said and said.count("y" * 201) == 0
    for argv in (["list"], ["add", "A", "--role", "R", "--at", "yesterday 10:00"]):
        assert run(tmp_path / ("z" * 10_000 + ".json"), *argv) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and len(err) < 800 and "z" * 201 not in err, err
    with pytest.raises(WriteFailedError) as caught:
        atomic.atomic_write_bytes(tmp_path / "a" / "x.json", b"{}")
    assert f"mkdir -p {tmp_path / 'a'})" in str(caught.value)  # a short path stays whole, to copy


def test_a_file_in_place_of_the_folder_is_refused(tmp_path):
    (tmp_path / "a").write_text("x")
    with pytest.raises(WriteFailedError, match="not a folder"):
        atomic.atomic_write_bytes(tmp_path / "a" / "x.json", b"{}")


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path):
    real = tmp_path / "real" / "data.json"
    real.parent.mkdir()
    real.write_bytes(b"old")
    real.chmod(0o640)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert check_target(link) == real
    atomic.atomic_write_bytes(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(os.listdir(tmp_path)) == ["link.json", "real"] and os.listdir(real.parent) == ["data.json"]


def test_a_symlink_to_a_device_is_refused(tmp_path):
    if not DEVICES:
        pytest.skip("no /dev/null here")
    link = tmp_path / "out"
    link.symlink_to(DEVICES[0])
    with pytest.raises(WriteFailedError, match="character device"):
        atomic.atomic_write_bytes(link, b"data")
    assert link.is_symlink() and stat.S_ISCHR(os.stat(link).st_mode)


# --- export -o ---------------------------------------------------------------------
@pytest.fixture
def db(cli_home):
    path = cli_home / "data" / "followup.json"
    path.parent.mkdir()
    assert run(path, "add", "Acme", "--role", "SRE", "--at", "yesterday 10am") == 0
    return path


def export_to(db, target, fmt="json"):
    return run(db, "export", fmt, "-o", str(target))


def one_line(capsys, *needles):
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("followup: ") and "Traceback" not in err, err
    for needle in needles:
        assert needle in err, err


@pytest.mark.parametrize("device", DEVICES)
def test_export_to_a_device_exits_2_and_leaves_it_a_device(db, capsys, device):
    capsys.readouterr()
    assert export_to(db, device) == 2
    one_line(capsys, device, "character device")
    assert stat.S_ISCHR(os.stat(device).st_mode)


def test_export_through_a_symlink_writes_its_target(db, tmp_path, capsys):
    target, link = tmp_path / "exports" / "all.json", tmp_path / "latest.json"
    target.parent.mkdir()
    target.write_text("old")
    link.symlink_to(target)
    assert export_to(db, link) == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8").startswith("{")
    assert os.listdir(target.parent) == ["all.json"]


def test_export_into_a_missing_folder_exits_2_and_creates_nothing(db, tmp_path, capsys):
    before = sorted(os.listdir(tmp_path))
    capsys.readouterr()
    assert export_to(db, tmp_path / "nope" / "deeper" / "x.csv", "csv") == 2
    one_line(capsys, "does not exist")
    assert sorted(os.listdir(tmp_path)) == before


def test_export_onto_a_read_only_file_exits_2_and_keeps_its_bytes(db, tmp_path, capsys):
    target = tmp_path / "frozen.json"
    target.write_bytes(b"keep me")
    target.chmod(0o444)
    capsys.readouterr()
    try:
        assert export_to(db, target) == 2
        one_line(capsys, "read-only", str(target))
        assert target.read_bytes() == b"keep me"
        assert not [n for n in os.listdir(tmp_path) if atomic.is_our_temp(target, n)]
    finally:
        target.chmod(0o600)


def test_export_onto_a_fifo_exits_2(db, tmp_path, capsys):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    capsys.readouterr()
    assert export_to(db, fifo) == 2
    one_line(capsys, "FIFO")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_export_dash_writes_to_standard_output(db, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    assert export_to(db, "-") == 0
    assert '"company": "Acme"' in capsys.readouterr().out
    assert not (tmp_path / "-").exists()
