"""Opening input files: only regular files are read.

A FIFO, a socket or a device among the inputs would block ``open`` or
``read`` forever (a FIFO nobody writes to) or never end (``/dev/zero``). The
file is opened without blocking, checked with ``fstat`` on the open
descriptor (so a file swapped after the folder was walked is caught too) and
refused with :class:`NotRegularFile` when it is not a regular file.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO, Union


class NotRegularFile(OSError):
    """The path is a FIFO, socket or device, not a file to read."""


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words."""
    for test, name in (
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISDIR, "a directory"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def not_regular_message(path: Union[str, Path], mode: int) -> str:
    return f"not a regular file: {str(path)!r} is {kind_of(mode)}; only regular files are read"


def open_regular(path: Union[str, Path]) -> BinaryIO:
    """``path`` opened for reading in binary; :class:`NotRegularFile` unless it is a regular file."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(not_regular_message(path, mode))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: Union[str, Path]) -> bytes:
    """The bytes of a regular file (see :func:`open_regular`)."""
    with open_regular(path) as handle:
        return handle.read()


def is_regular(path: Union[str, Path]) -> bool:
    """Whether ``path`` (followed if a link) is a regular file; never blocks."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def unreadable_message(path: Union[str, Path], exc: OSError) -> str:
    """One line for a file that cannot be read."""
    if isinstance(exc, NotRegularFile):
        return str(exc)
    if isinstance(exc, IsADirectoryError):
        return f"is a directory: {str(path)!r}"
    return f"cannot read {str(path)!r}: {exc.strerror or exc}"
