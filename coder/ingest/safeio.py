"""Opening input files so that no input can hang or balloon a run: regular files only (a FIFO, a
device or a symbolic link to one is refused before it is read), the encoding read from the byte
order mark, and lines read with a bound, a line over it skipped to its end without being held."""
from __future__ import annotations

import codecs
import gzip
import io
import os
import stat
from collections.abc import Iterator

# byte order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one)
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class NotRegularFile(OSError):
    """The path is a FIFO, a device, a socket or a folder, which coder does not read."""


def file_kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "not a regular file"


def check_regular(path: str) -> None:
    """NotRegularFile unless path (after symbolic links) is a regular file; stat never blocks."""
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        raise NotRegularFile(f"{file_kind(mode)}: coder reads regular files only")


def open_regular(path: str) -> io.BufferedReader:
    """A binary file object for a regular file. O_NONBLOCK keeps a FIFO swapped in after the check
    from blocking the open; the type is checked again on the open descriptor."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(f"{file_kind(mode)}: coder reads regular files only")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def open_binary(path: str):
    """The file's bytes, gunzipped if the name ends in .gz."""
    raw = open_regular(path)
    if path.lower().endswith(".gz"):
        return gzip.GzipFile(fileobj=raw, mode="rb")
    return raw


def sniff_encoding(binary) -> str | None:
    """The encoding a byte order mark announces (None: no mark). Leaves the mark in the stream."""
    head = binary.peek(4)[:4] if hasattr(binary, "peek") else b""
    for bom, name in BOMS:
        if head.startswith(bom):
            return name
    return None


def bounded_lines(binary, limit: int) -> Iterator[tuple[int, bytes, bool]]:
    """(line number, UTF-8 bytes, too_long) for each line. A line of more than `limit` bytes is
    read to its end in pieces and returned cut, with too_long set. UTF-16 and UTF-32 text (with a
    byte order mark) is transcoded to UTF-8 a line at a time; a UTF-8 mark is removed."""
    encoding = sniff_encoding(binary)
    if encoding in ("utf-16", "utf-32"):
        text = io.TextIOWrapper(binary, encoding=encoding, newline="")
        read = lambda n: text.readline(n).encode("utf-8", "surrogatepass")   # noqa: E731
    else:
        if encoding == "utf-8-sig":
            binary.read(3)
        read = binary.readline
    number = 0
    while True:
        line = read(limit)
        if not line:
            return
        number += 1
        too_long = len(line) >= limit and not line.endswith(b"\n")
        if too_long:
            while True:
                rest = read(limit)
                if not rest or rest.endswith(b"\n"):
                    break
        yield number, line, too_long
