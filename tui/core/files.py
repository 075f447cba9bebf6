"""Opening a file the user names for reading, refusing anything that is not one.

The data file, a command's input and a letter template are read through here, so a FIFO cannot hang
the program and a device or a folder is refused in words, never read until memory runs out or skipped
in silence (fz2 1, fz6 5).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO


def open_regular(path: Path, *, pipe: bool = False) -> BinaryIO:
    """`path` opened for reading; OSError when it is not a regular file (with `pipe`, nor a pipe).

    Opened without blocking, so a FIFO at the path cannot hang the program
    waiting for a writer. `pipe`: an input a command reads once (`import <(…)`,
    a FIFO) may be a pipe too, read blocking as standard input is; a device or
    a folder never is (`import /dev/zero` read until memory ran out: fz2 1).
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    mode = os.fstat(fd).st_mode
    if pipe and stat.S_ISFIFO(mode):
        # opened again, blocking: a FIFO opened without blocking reads as empty until a writer opens it
        # (`import FIFO` before the writer started said "the file is empty")
        os.close(fd)
        fd = os.open(path, os.O_RDONLY)
    elif not stat.S_ISREG(mode):
        os.close(fd)
        what = "a device or folder" if pipe else "a device, FIFO or folder"
        raise OSError(errno.EINVAL, f"not a regular file ({what})")
    return open(fd, "rb")
