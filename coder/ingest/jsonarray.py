"""Streaming a `.json` file that holds one array of records (`[{...}, {...}]`): the file is read in
chunks and cut into its top-level elements by a small scanner (strings, escapes, nesting), so a
file of any size is read in bounded memory; an element over the limit is skipped to its end
without being held."""
from __future__ import annotations

import io
import re
from collections.abc import Iterator

from coder.ingest.safeio import sniff_encoding

CHUNK = 1 << 16
_IN_STRING = re.compile(rb'["\\]')
_OUTSIDE = re.compile(rb'["\[\]{},]')
_SPACE = b" \t\r\n"


class ArrayError(ValueError):
    """The file is not one JSON array: the reason says where it went wrong."""


def _chunks(binary) -> Iterator[bytes]:
    encoding = sniff_encoding(binary)
    if encoding in ("utf-16", "utf-32"):
        text = io.TextIOWrapper(binary, encoding=encoding)
        while piece := text.read(CHUNK):
            yield piece.encode("utf-8", "surrogatepass")
        return
    if encoding == "utf-8-sig":
        binary.read(3)
    while piece := binary.read(CHUNK):
        yield piece


def array_elements(binary, limit: int) -> Iterator[tuple[int, bytes, bool]]:
    """(element number, UTF-8 bytes, too_long) for each element of the top-level array; ArrayError
    (after the elements before it) when the file is not one array or ends inside it."""
    state = "start"     # start -> open (before an element) -> element -> after (a comma or ]) -> done
    depth = 0           # nesting inside the current element
    in_string = escape = False
    number = 0
    held: list[bytes] = []
    size = 0
    too_long = False

    def keep(piece: bytes):
        nonlocal size, too_long
        if too_long:
            return
        size += len(piece)
        if size > limit:
            too_long = True
            held.clear()
        else:
            held.append(piece)

    def finish():
        nonlocal number, size, too_long
        number += 1
        out = (number, b"".join(held).strip(), too_long)
        held.clear()
        size, too_long = 0, False
        return out

    offset = 0
    for chunk in _chunks(binary):
        i, n = 0, len(chunk)
        while i < n:
            if state in ("start", "open", "after", "done"):
                c = chunk[i:i + 1]
                if c in (b" ", b"\t", b"\r", b"\n"):
                    i += 1
                    continue
                if state == "start":
                    if c != b"[":
                        raise ArrayError(f"not a JSON array (starts with {c.decode('latin-1')!r} at byte "
                                         f"{offset + i}): a .json input must hold [{{...}}, {{...}}]; "
                                         "for one object per line use .jsonl")
                    state, i = "open", i + 1
                    continue
                if state == "after":
                    if c == b",":
                        state, i = "open_required", i + 1   # an element must follow a comma
                        continue
                    if c == b"]":
                        state, i = "done", i + 1
                        continue
                    raise ArrayError(f"expected ',' or ']' after element {number} at byte {offset + i}")
                if state == "done":
                    raise ArrayError(f"data after the array's closing ']' at byte {offset + i}")
                if state == "open" and c == b"]":
                    state, i = "done", i + 1
                    continue
                state = "element"
                continue
            if state == "open_required":
                c = chunk[i:i + 1]
                if c in (b" ", b"\t", b"\r", b"\n"):
                    i += 1
                    continue
                if c in (b"]", b","):
                    raise ArrayError(f"missing element after element {number} at byte {offset + i}")
                state = "element"
                continue
            # inside an element: jump to the next character that matters
            if in_string:
                m = _IN_STRING.search(chunk, i) if not escape else None
                if escape:
                    keep(chunk[i:i + 1])
                    escape, i = False, i + 1
                    continue
                if m is None:
                    keep(chunk[i:])
                    i = n
                    continue
                keep(chunk[i:m.end()])
                i = m.end()
                if m.group() == b"\\":
                    escape = True
                else:
                    in_string = False
                continue
            m = _OUTSIDE.search(chunk, i)
            if m is None:
                keep(chunk[i:])
                i = n
                continue
            c = m.group()
            if depth == 0 and c in (b",", b"]"):
                keep(chunk[i:m.start()])
                yield finish()
                i = m.start()
                state = "after"
                continue
            keep(chunk[i:m.end()])
            i = m.end()
            if c == b'"':
                in_string = True
            elif c in (b"[", b"{"):
                depth += 1
            elif c in (b"]", b"}"):
                depth -= 1
        offset += n
    if state == "start":
        raise ArrayError("empty file: a .json input must hold an array of records [{...}, {...}]")
    if state != "done":
        raise ArrayError(f"the array is not closed: the file ends inside it after element {number} "
                         "(a truncated file?)")
