"""Reading the data file's bytes: a regular file, bounded in size, every failure a problem."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from timeline.load.problems import whole_file

MAX_FILE_BYTES = 128 * 1024 * 1024


def read_file(path: Path) -> bytes:
    """Read the data file's bytes (at most MAX_FILE_BYTES of a regular file), or raise LoadError."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise whole_file("is a directory, not a file")
            if not stat.S_ISREG(info.st_mode):
                raise whole_file("is not a regular file")
            if info.st_size > MAX_FILE_BYTES:
                raise whole_file(f"the file is larger than {MAX_FILE_BYTES // 2**20} MiB")
            data = _read_bounded(handle, info.st_size)
    except FileNotFoundError:
        raise whole_file("file not found") from None
    except IsADirectoryError:
        raise whole_file("is a directory, not a file") from None
    except PermissionError:
        raise whole_file("cannot read the file: permission denied") from None
    except OSError as exc:
        raise whole_file(f"cannot read the file: {exc.strerror or 'input/output error'}") from None
    if len(data) > MAX_FILE_BYTES:
        raise whole_file(f"the file is larger than {MAX_FILE_BYTES // 2**20} MiB")
    return data


def _read_bounded(handle: BinaryIO, size: int) -> bytes:
    """The file's bytes, reading at most one byte more than MAX_FILE_BYTES.

    read(n) allocates n bytes up front, so we ask for the size the stat gave, then go on in
    small steps only if the file grew meanwhile.
    """
    parts = [handle.read(size + 1)]
    total = len(parts[0])
    if total > size:
        while total <= MAX_FILE_BYTES and (chunk := handle.read(1 << 20)):
            parts.append(chunk)
            total += len(chunk)
    return b"".join(parts)
