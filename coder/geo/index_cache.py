"""The gazetteer's name index kept on disk, so a process does not re-tokenise every place name.

Tokenising ~90,000 names takes 1.5-4 s; reading the index back takes a fraction of that. The file is
checksummed JSON (coder/cache.py) keyed by the places file's hash, the tokenisers' and this
package's sources and the coder version: any change rebuilds it, and so does a damaged file.
"""
from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path

from coder import cache as disk
from coder.geo.gazetteer import _END, LANGS, Gazetteer
from coder.model import Place

_FIELDS = ("place_id", "name", "country", "admin1", "latitude", "longitude", "precision", "feature", "population")


def cache_key(path: Path) -> str:
    from coder import __version__
    here = Path(__file__).parent
    code = disk.files_hash([*disk.tokeniser_sources(), here / "gazetteer.py", here / "index_cache.py",
                           Path(disk.__file__)])
    return f"{disk.files_hash([path])}-{code}-{__version__}"


def encode(gaz: Gazetteer) -> bytes:
    """JSON lines: the places as columns, then one trie per language (in LANGS order) with each name's
    entries flattened to [place index, 1 if display name, ...] (JSON object keys cannot be numbers)."""
    def walk(node: dict) -> dict:
        return {k: ([x for i, d in v.items() for x in (i, int(d))] if k == _END else walk(v))
                for k, v in node.items()}
    columns = {f: [getattr(p, f) for p in gaz.places] for f in _FIELDS}
    dump = lambda o: json.dumps(o, ensure_ascii=False, separators=(",", ":")).encode()
    return b"\n".join([dump({"fields": _FIELDS, "columns": columns, "langs": LANGS}),
                       *(dump(walk(gaz.tries[lang])) for lang in LANGS)])


def _decode_trie(line: bytes) -> dict:
    def hook(node: dict) -> dict:
        flat = node.get(_END)
        if flat is not None:
            node[_END] = {flat[j]: bool(flat[j + 1]) for j in range(0, len(flat), 2)}
        return node
    return json.loads(line, object_hook=hook)


class LazyPlaces(Sequence):
    """The places as columns, each Place built on first use (and then the same object): a run
    looks at a few hundred of the 39,000, and building them all costs 0.1-0.2 s."""

    def __init__(self, columns: dict[str, list]):
        self.columns = columns
        self._rows = list(zip(*(columns[f] for f in _FIELDS)))
        self._built: list = [None] * len(self._rows)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        p = self._built[i]
        if p is None:
            p = self._built[i] = Place(*self._rows[i])
        return p

    def __len__(self) -> int:
        return len(self._rows)

    def __eq__(self, other) -> bool:
        return isinstance(other, (list, LazyPlaces)) and len(self) == len(other) and all(a == b for a, b in zip(self, other))

    __hash__ = None


class LazyTries(Mapping):
    """The per-language tries, each decoded on first use: a one-language run reads half the index."""

    def __init__(self, lines: dict[str, bytes]):
        self._lines, self._tries = lines, {}

    def __getitem__(self, lang: str) -> dict:
        trie = self._tries.get(lang)
        if trie is None:
            trie = self._tries[lang] = _decode_trie(self._lines[lang])   # KeyError for another language
        return trie

    def __iter__(self):
        return iter(self._lines)

    def __len__(self) -> int:
        return len(self._lines)


def decode(body: bytes) -> Gazetteer:
    first, *lines = body.split(b"\n")
    head = json.loads(first)
    if list(head["fields"]) != list(_FIELDS) or list(head["langs"]) != list(LANGS) or len(lines) != len(LANGS):
        raise ValueError("the cached index has other fields or languages")
    columns = head["columns"]
    if sorted(columns) != sorted(_FIELDS) or len({len(c) for c in columns.values()}) != 1:
        raise ValueError("the cached places are not whole")
    places = LazyPlaces(columns)
    return Gazetteer(places, {}, LazyTries(dict(zip(LANGS, lines))))


def load_cached(path: Path) -> Gazetteer:
    """The gazetteer of `path`, its index from the cache when fresh, else built and cached."""
    path = Path(path)
    if not path.exists():
        return Gazetteer.load(path)   # says how to rebuild the missing file
    key = cache_key(path)
    target = disk.cache_dir() / f"gazetteer-{key}.json"
    body = disk.read(target, "gazetteer", key)
    if body is not None:
        try:
            return decode(body)
        except (ValueError, KeyError, TypeError, IndexError, AttributeError):
            pass
    disk.announce("the gazetteer index cache", "~2-5 s")
    gaz = Gazetteer.load(path)
    disk.write(target, "gazetteer", key, encode(gaz), stale_glob="gazetteer-*.json")
    return gaz
