"""On-disk caches of compiled data (the lexicon tries, the gazetteer index) in a safe format.

A cache file is one JSON header line then a body: JSON, or JSON lines packed with their offsets
(pack_lines) so that a reader decodes only the lines it needs. Nothing in it is executed on load
(unlike a pickle, which runs code named in the file), and the header carries the format version, a key that
names what the body was built from (data hash + coder version) and the body's SHA-256: a file that
is foreign, stale, truncated or altered is ignored and rebuilt. Files are written atomically
(temporary file then rename), so a reader never sees half a file.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import Optional

FORMAT = "coder-cache"
FORMAT_VERSION = 1


def cache_dir() -> Path:
    """$CODER_CACHE_DIR, else $XDG_CACHE_HOME/coder, else ~/.cache/coder."""
    base = os.environ.get("CODER_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "coder")
    return Path(base)


def read(path: Path, kind: str, key: str) -> Optional[bytes]:
    """The body of a cache file when its header matches (kind, key) and its checksum holds, else None."""
    try:
        with open(path, "rb") as f:
            head = f.readline()
            body = f.read()   # read apart from the head: no copy of a body of megabytes
    except OSError:
        return None
    if not head.endswith(b"\n"):
        return None
    try:
        h = json.loads(head)
    except ValueError:
        return None
    if not isinstance(h, dict) or h.get("format") != FORMAT or h.get("format_version") != FORMAT_VERSION \
            or h.get("kind") != kind or h.get("key") != key or h.get("sha256") != hashlib.sha256(body).hexdigest():
        return None
    return body


def write(path: Path, kind: str, key: str, body: bytes, stale_glob: Optional[str] = None) -> bool:
    """Write a cache file atomically; remove the other files matching `stale_glob` (earlier versions,
    never read again). False when the folder is not writable (a run then only pays the build time)."""
    head = json.dumps({"format": FORMAT, "format_version": FORMAT_VERSION, "kind": kind, "key": key,
                       "sha256": hashlib.sha256(body).hexdigest()}).encode()
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as f:
            f.write(head + b"\n" + body)
        os.replace(tmp, path)
        if stale_glob:
            for old in path.parent.glob(stale_glob):
                if old != path and not old.name.endswith(".tmp"):
                    old.unlink(missing_ok=True)
    except OSError:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        return False
    return True


def announce(what: str, takes: str) -> None:
    """Say on stderr what a cold start is building, so a long first run is not a silent one."""
    print(f"building {what} (once, {takes})...", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- values: tagged JSON, no code

# One JSON value read from the start of a line: json.loads on bytes adds four Python calls (an
# encoding guess among them) per line, and a cold run reads some 20,000 lines. A cache file is
# checksummed, so a line is whole; a damaged one still fails, as a ValueError.
_scan_value = json.JSONDecoder().scan_once


def line_value(line: bytes | memoryview, scan=_scan_value):
    """The JSON value a line (bytes, or a view of them in the body) of a cache body starts with;
    `scan`: the scan_once of a decoder of one's own (an object_hook)."""
    try:
        return scan(str(line, "utf-8"), 0)[0]
    except StopIteration:
        raise ValueError("a cached line is not JSON") from None


class Packer:
    """Flattens objects into a table of JSON entries, each container once (shared objects stay
    shared, as in the compiled trie, where one payload sits under many phrases). An entry is a list
    [tag, ...]; a child is a string, float, bool or null as itself, a container as the (plain int)
    number of its entry, always smaller than its parent's, and an int as {"i": n}. Tuples, lists,
    dicts, dates and the dataclasses named in `classes` are allowed; anything else raises TypeError
    (the cache is then not written). A dataclass with a field left out of equality is shared only
    by identity, since equal is not the same for it."""

    def __init__(self, classes: dict, shared: frozenset = frozenset()):
        self.shared = shared   # names of mutable classes whose equal values may still be one object
        self.classes, self.table, self.fields = classes, [], {}
        self._memo, self._by_value, self._keep = {}, {}, []

    def add(self, v):
        """The child form of v (see the class); for a container, the number of its entry."""
        if v is None or isinstance(v, (str, bool, float)):
            return v
        if type(v) is int:
            return {"i": v}
        n = self._memo.get(id(v))
        if n is not None:
            return n
        if isinstance(v, list):
            entry = ["l", *[self.add(x) for x in v]]
        elif isinstance(v, tuple):
            entry = ["t", *[self.add(x) for x in v]]
        elif isinstance(v, dict):
            entry = ["m", *[y for k, x in v.items() for y in (self.add(k), self.add(x))]]
        elif self.classes.get(type(v).__name__) is type(v):
            fields = list(getattr(type(v), "__dataclass_fields__"))
            self.fields[type(v).__name__] = fields
            entry = ["c", type(v).__name__, *[self.add(getattr(v, f)) for f in fields]]
        elif type(v).__name__ == "date" and type(v).__module__ == "datetime":
            entry = ["d", v.isoformat()]
        else:
            raise TypeError(f"cannot cache a {type(v).__qualname__}")
        # equal immutable values are stored once (their children are already numbered, so the
        # entry's text is the value's identity)
        key = json.dumps(entry) if self._shareable(v) else None
        n = self._by_value.get(key) if key is not None else None
        if n is None:
            n = len(self.table)
            self.table.append(entry)
            if key is not None:
                self._by_value[key] = n
        self._memo[id(v)] = n
        self._keep.append(v)   # ids stay unique only while the objects live
        return n

    def _shareable(self, v) -> bool:
        if isinstance(v, (list, dict)):
            return False
        if type(v).__name__ in self.shared:
            return True
        fields = getattr(type(v), "__dataclass_fields__", None)
        return fields is None or (getattr(type(v), "__dataclass_params__").frozen
                                  and all(f.compare for f in fields.values()))


def unpack(table: list, classes: dict, fields: dict) -> list:
    """The objects of a Packer table, in order; only the classes named in `classes` are built, and
    only when their fields are the ones the table was written with (else ValueError)."""
    objects = Unpacker(table, classes, fields)
    return [objects[i] for i in range(len(table))]


class Unpacker:
    """The objects of a Packer table, each built when first asked for (and then the same object):
    a table entry is a parsed list or the bytes of its JSON line, parsed only then. A start-up that
    codes one sentence needs a few hundred of a lexicon's 60,000 objects."""

    def __init__(self, table: list, classes: dict, fields: dict):
        for name, names in fields.items():
            if list(getattr(classes[name], "__dataclass_fields__")) != names:
                raise ValueError(f"the cached {name} has other fields than the code's")
        self.table, self.classes, self.fields = table, classes, fields
        self.built: list = [None] * len(table)   # None: not built yet (no entry decodes to None)
        # a table of pack_lines() lines is read in place, not through Lines.__getitem__: a cold
        # run builds some 15,000 entries, each a Python call less
        self._in_place = (table._data, table._off, table._first) if type(table) is Lines else None

    def __len__(self) -> int:
        return len(self.table)

    def __getitem__(self, i: int):
        v = self.built[i]
        return v if v is not None else self._build(i)

    def pick(self, numbers) -> list:
        """The objects of these entry numbers (ValueError for any that is no entry's number)."""
        built, out, n = self.built, [], len(self.built)
        for i in numbers:
            if type(i) is not int or not 0 <= i < n:
                raise ValueError("no such cache entry")
            v = built[i]
            out.append(v if v is not None else self._build(i))
        return out

    def _build(self, i: int):
        """Entry i as an object, kept in self.built. Its children are made in a loop here: an entry
        number is its object (built first if need be), {"i": n} the int n, any other child itself.
        (One Python call an entry, none a child: a cold run builds some 10,000 entries)"""
        if self._in_place is not None:
            data, offsets, first = self._in_place
            j = first + i
            e = line_value(data[offsets[j]:offsets[j + 1]])   # (decoded from the body itself: no bytes copy)
        else:
            e = self.table[i]
            if not isinstance(e, list):
                e = line_value(e)
        if not isinstance(e, list) or not e:
            raise ValueError("a cache entry is not a list")
        tag = e[0]
        if tag == "d":
            import datetime as dt
            v = self.built[i] = dt.date.fromisoformat(e[1])
            return v
        if tag == "c":
            if e[1] not in self.fields:
                raise ValueError(f"{e[1]} is not among the cached classes")
            children = e[2:]
        elif tag == "t" or tag == "l" or tag == "m":
            children = e[1:]
        else:
            raise ValueError("unknown tag in a cache entry")
        built, out = self.built, []
        for x in children:
            t = type(x)
            if t is int:
                if not 0 <= x < i:
                    raise ValueError("a cache entry refers forward")
                v = built[x]
                x = v if v is not None else self._build(x)
            elif t is dict:
                x = x["i"]
            out.append(x)
        if tag == "c":
            v = self.classes[e[1]](*out)   # (fields checked in __init__)
        elif tag == "t":
            v = tuple(out)
        elif tag == "l":
            v = out
        else:
            v = dict(zip(out[::2], out[1::2], strict=True))
        built[i] = v
        return v


# ---------------------------------------------------------------- lines, found without splitting

_U32 = next(c for c in "ILH" if array(c).itemsize == 4)


def pack_lines(lines: list[bytes]) -> bytes:
    """Lines as one body that unpack_lines() opens without splitting it: a JSON line with their
    number, their offsets (unsigned 32-bit little-endian, one more than the lines), then the lines
    end to end. Splitting 100,000 lines into objects costs more than anything else a start-up does."""
    offsets, at = array(_U32, [0]), 0
    for line in lines:
        at += len(line)
        offsets.append(at)
    if sys.byteorder == "big":
        offsets.byteswap()
    return dump({"lines": len(lines)}) + b"\n" + offsets.tobytes() + b"".join(lines)


class Lines(Sequence):
    """The lines of a pack_lines() body, each a bytes object made when asked for."""

    def __init__(self, data: memoryview, offsets: array, first: int = 0, stop: Optional[int] = None):
        self._data, self._off, self._first = data, offsets, first
        self._stop = len(offsets) - 1 if stop is None else stop

    def __len__(self) -> int:
        return self._stop - self._first

    def __getitem__(self, i):
        if isinstance(i, slice):
            start, stop, step = i.indices(len(self))
            if step != 1:
                raise ValueError("lines are sliced in steps of one")
            return Lines(self._data, self._off, self._first + start, self._first + max(start, stop))
        n = self._stop - self._first   # (len(self) would be a Python call a line)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("no such line")
        j = self._first + i
        return bytes(self._data[self._off[j]:self._off[j + 1]])

    def __reduce__(self):   # pickled (to another process) as the list of its lines
        return list, (list(self),)


def unpack_lines(body: bytes) -> Lines:
    """The lines of a pack_lines() body (ValueError when it does not hold together)."""
    end = body.index(b"\n")
    meta = json.loads(body[:end])
    n = meta.get("lines") if isinstance(meta, dict) else None
    if type(n) is not int or n < 0:
        raise ValueError("a cache body without its number of lines")
    offsets = array(_U32)
    start = end + 1 + offsets.itemsize * (n + 1)
    offsets.frombytes(body[end + 1:start])
    if sys.byteorder == "big":
        offsets.byteswap()
    data = memoryview(body)[start:]
    if len(offsets) != n + 1 or offsets[0] != 0 or offsets[-1] != len(data):
        raise ValueError("a cache body whose lines do not add up")
    return Lines(data, offsets)


# ---------------------------------------------------------------- token tries, decoded on use

def trie_lines(trie: dict, end: str, leaf) -> list[bytes]:
    """A token trie as JSON lines: first the list of its first keys, then one line per first key
    holding its subtree, with leaf(payloads) in place of each node's `end` value."""
    def walk(node: dict) -> dict:
        return {k: (leaf(v) if k == end else walk(v)) for k, v in node.items()}
    return [dump(list(trie)), *(dump(leaf(v) if k == end else walk(v)) for k, v in trie.items())]


def dump(o) -> bytes:
    """Compact JSON, Arabic as itself (a third the size of \\u escapes); a line holds no newline."""
    return json.dumps(o, ensure_ascii=False, separators=(",", ":")).encode()


def trie_line_decoder(end: str, leaf):
    """The `decode(line, is_end)` of a LazyTrie read from trie_lines(): `leaf` turns the JSON of a
    node's `end` value back into its payloads (a list): at once in a line that is an end value and
    at a subtree's first node, and below it when first called for (Deferred: the subtree of a word
    holds every phrase that starts with it, and a run reaches few of their last nodes)."""
    def hook(node: dict) -> dict:
        flat = node.get(end)
        if flat is not None:
            node[end] = Deferred(leaf, flat)
        return node

    subtree = json.JSONDecoder(object_hook=hook).scan_once   # one decoder: json.loads makes one a call

    def decode(line: bytes, is_end: bool):
        if is_end:
            return leaf(line_value(line))
        node = line_value(line, subtree)
        payloads = node.get(end)
        if payloads is not None:
            node[end] = payloads()
        return node
    return decode


class Deferred:
    """A trie node's end value, decoded but not built: calling it builds the payload list (its
    reader stores that in the node in its place). Equal to that list, and pickled as it."""
    __slots__ = ("_leaf", "_flat")

    def __init__(self, leaf, flat):
        self._leaf, self._flat = leaf, flat

    def __call__(self) -> list:
        return self._leaf(self._flat)

    def __eq__(self, other) -> bool:
        return self() == (other() if isinstance(other, Deferred) else other)

    __hash__ = None

    def __reduce__(self):
        return list, (self(),)


class LazyTrie(dict):
    """A token trie read from trie_lines() (`keys_line` its first line, `lines` the others): every
    first key is there from the start, and its subtree is decoded the first time `get` or []
    reaches it (`decode(line, is_end)` decodes one line). A look-up here costs a Python call, about
    0.15 us more than a dict's, on a path taken per word; decoding the rest of a large trie costs
    0.3-0.5 s. So after WHOLE look-ups, when the calls have cost about what decoding the rest does
    (a bulk run of some 20,000 sentences; `coder explain` makes a few hundred), the rest is decoded
    and `on_whole` gets the plain dict: its owner hands out the dict itself from then on."""

    WHOLE = 2_000_000
    __slots__ = ("_lines", "_decode", "_end", "_left", "_on_whole")

    def __init__(self, keys_line: bytes, lines: Sequence[bytes], decode, end: str, on_whole=None):
        keys = json.loads(keys_line)
        if not isinstance(keys, list) or len(keys) != len(lines):
            raise ValueError("the cached trie is not whole")
        super().__init__(zip(keys, range(len(keys))))   # first key -> its line number until decoded
        self._lines, self._decode, self._end = lines, decode, end
        self._left, self._on_whole = self.WHOLE, on_whole

    def get(self, key, default=None):
        self._left -= 1
        if not self._left and self._on_whole is not None:
            self._on_whole(self.whole())
        v = dict.get(self, key, _ABSENT)
        if v is _ABSENT:
            return default
        if type(v) is int:
            v = self._load(key, v)
        return v

    def __getitem__(self, key):
        v = dict.__getitem__(self, key)
        return self._load(key, v) if type(v) is int else v

    def _load(self, key, line: int):
        v = self._decode(self._lines[line], key == self._end)
        dict.__setitem__(self, key, v)
        return v

    def whole(self) -> dict:
        """The trie as a plain dict, every subtree decoded."""
        return {k: self[k] for k in dict.keys(self)}

    def items(self):
        return self.whole().items()

    def values(self):
        return self.whole().values()

    def __eq__(self, other) -> bool:
        return isinstance(other, dict) and self.whole() == (other.whole() if isinstance(other, LazyTrie) else other)

    __hash__ = None

    def __reduce__(self):   # pickled (to another process) as the plain dict it stands for
        return dict, (self.whole(),)


_ABSENT = object()


def files_hash(paths) -> str:
    """A short hash of files' names and bytes: a cache key part that changes when they change
    (the data a cache was built from, or the code that built it, such as the tokenisers)."""
    h = hashlib.sha256()
    for p in sorted(Path(p) for p in paths):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def tokeniser_sources() -> list[Path]:
    """The language profiles' source files: a compiled index keys names by their tokens."""
    return sorted((Path(__file__).parent / "lang").glob("*.py"))
