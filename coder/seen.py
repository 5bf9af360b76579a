"""A flat index of ids seen so far (documents committed to a dataset, ids read in this run): a
16-byte digest of each id with a few fixed-size values, in sorted numpy arrays, plus a small dict of
recent additions merged into the arrays in bulk.

Why not a dict of id strings: a str key, a tuple and its items cost ~260 bytes an entry in Python, so
a run over a million documents grew by ~260 MB; here an entry costs 16 bytes plus its values (e.g.
28 bytes for a key, a version digest and a part number). The digest is two 64-bit SipHash values of
the id under this process's hash key (Python's hash of the id and of the id after a NUL): two ids
share one with a chance of about 1e-26 for a million ids, as with the BLAKE2b-128 digest it
replaced (which cost about four times as much a call). It is rebuilt from the data on every open and
never stored or sent to another process, so it can change between versions and between processes.
"""
from __future__ import annotations

import struct
from collections.abc import Iterable, Sequence

import numpy as np

KEY = np.dtype("S16")
_MERGE_AT = 32_768   # recent entries kept in the dict before they go into the arrays (~7 MB)


# (text, digest) of the last call, by the identity of the text: the reader digests each id it reads
# and the writer is asked about the same str object right after (one tuple, rebound at once, so a
# thread never sees one text with another's digest)
_last = (None, b"")


# (the two hashes packed as 16 bytes in one C call)
_pack_pair = struct.Struct("<qq").pack


def digest(text: str) -> bytes:
    global _last
    last = _last
    if text is last[0]:
        return last[1]
    # (the id's own hash is cached on the str, which dict look-ups of it compute anyway; the NUL
    # makes a second string of the same characters, hashed independently of the first)
    key = _pack_pair(hash(text), hash("\0" + text))
    _last = (text, key)
    return key


class SeenIndex:
    """id -> a tuple of fixed-size values (one numpy dtype each); no values: a set."""

    def __init__(self, dtypes: Sequence = (), merge_at: int = _MERGE_AT):
        self.dtypes = [np.dtype(d) for d in dtypes]
        self._keys = np.empty(0, KEY)
        self._cols = [np.empty(0, d) for d in self.dtypes]
        self._recent: dict[bytes, tuple] = {}
        self._merge_at = merge_at

    def __len__(self) -> int:
        self._merge()
        return len(self._keys)

    @property
    def nbytes(self) -> int:
        """Bytes held by the arrays (the recent dict is bounded by merge_at)."""
        return self._keys.nbytes + sum(c.nbytes for c in self._cols)

    def get(self, key: bytes) -> tuple | None:
        """The values of a digest (see digest()), None if unseen; () for a set."""
        hit = self._recent.get(key)
        if hit is not None:
            return hit
        if not len(self._keys):   # nothing merged yet (a new dataset, the first ids of a run)
            return None
        return self._merged(key)

    def _merged(self, key: bytes) -> tuple | None:
        """The values of a digest in the arrays, None if not there."""
        keys = self._keys
        # (the array's own method: np.searchsorted() adds a dispatch costing more than the search)
        i = int(keys.searchsorted(key))
        # an element of an S16 array comes back without trailing NUL bytes
        if i < len(keys) and keys[i] == key.rstrip(b"\0"):
            return tuple(c[i].item() for c in self._cols)
        return None

    def __contains__(self, key: bytes) -> bool:
        return self.get(key) is not None

    def put(self, key: bytes, *values) -> None:
        self._recent[key] = tuple(values)
        if len(self._recent) >= self._merge_at:
            self._merge()

    def put_first(self, key: bytes, *values) -> tuple | None:
        """put() for a digest not yet seen, giving None; for one already seen, its values, and
        nothing put: the reader's test of an id and its put in one call (get() and put() cost a
        Python call each a record)."""
        recent = self._recent
        hit = recent.get(key)
        if hit is not None:
            return hit
        if len(self._keys):
            hit = self._merged(key)
            if hit is not None:
                return hit
        recent[key] = values
        if len(recent) >= self._merge_at:
            self._merge()
        return None

    def put_many(self, keys: Iterable[bytes], *columns: Iterable) -> None:
        """Add (or update) many entries at once, e.g. a committed part's documents."""
        self._merge()
        keys = np.fromiter(keys, KEY)
        cols = [np.fromiter(c, d, count=len(keys)) for c, d in zip(columns, self.dtypes)]
        self._merge_arrays(keys, cols)

    def remap(self, column: int, mapping: dict) -> None:
        """Replace values of one column, e.g. part numbers after compaction."""
        self._merge()
        col = self._cols[column]
        for old, new in mapping.items():
            col[col == old] = new

    def items(self):
        """(digest, values) for every entry, in digest order."""
        self._merge()
        for i in range(len(self._keys)):
            yield self._keys[i], tuple(c[i].item() for c in self._cols)

    def duplicates_in(self, keys: np.ndarray) -> np.ndarray:
        """A boolean mask: which of `keys` are already in the index."""
        self._merge()
        if not len(self._keys):
            return np.zeros(len(keys), bool)
        pos = np.searchsorted(self._keys, keys)
        pos[pos >= len(self._keys)] = 0
        return self._keys[pos] == keys

    # ------------------------------------------------------------ internals

    def _merge(self) -> None:
        if not self._recent:
            return
        recent, self._recent = self._recent, {}
        keys = np.fromiter(recent.keys(), KEY, count=len(recent))
        cols = [np.fromiter((v[j] for v in recent.values()), d, count=len(recent))
                for j, d in enumerate(self.dtypes)]
        self._merge_arrays(keys, cols)

    def _merge_arrays(self, keys: np.ndarray, cols: list[np.ndarray]) -> None:
        """Insert sorted; a key already present takes the new values (the last of equal new keys wins)."""
        if not len(keys):
            return
        order = np.argsort(keys, kind="stable")
        keys, cols = keys[order], [c[order] for c in cols]
        last = np.ones(len(keys), bool)   # of equal new keys keep the last added
        last[:-1] = keys[1:] != keys[:-1]
        keys, cols = keys[last], [c[last] for c in cols]
        found = self.duplicates_in(keys)
        if found.any():
            pos = np.searchsorted(self._keys, keys[found])
            for old, new in zip(self._cols, cols):
                old[pos] = new[found]
            keys, cols = keys[~found], [c[~found] for c in cols]
        if len(keys):
            at = np.searchsorted(self._keys, keys)
            self._keys = np.insert(self._keys, at, keys)
            self._cols = [np.insert(old, at, new) for old, new in zip(self._cols, cols)]
