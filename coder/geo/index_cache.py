"""The gazetteer's name index kept on disk, so a process does not re-tokenise every place name.

Tokenising ~90,000 names takes 1.5-4 s. The file is checksummed JSON lines (coder/cache.py, packed
with their offsets), keyed by the places file's hash, the tokenisers' and this package's sources
and the coder version: any change rebuilds it, and so does a damaged file. Reading it back decodes
almost nothing: a place, a name's subtree or the place-id column is decoded when first reached,
so a look-up of one name reads a few lines of the 110,000.
"""
from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import cached_property
from pathlib import Path

from coder import cache as disk
from coder.geo.gazetteer import _END, LANGS, Gazetteer, capital_indexes
from coder.model import Place, new_place

_FIELDS = ("place_id", "name", "country", "admin1", "latitude", "longitude", "precision", "feature", "population")


def cache_key(path: Path) -> str:
    from coder import __version__
    here = Path(__file__).parent
    code = disk.files_hash([*disk.tokeniser_sources(), here / "gazetteer.py", here / "index_cache.py",
                           Path(disk.__file__)])
    return f"{disk.files_hash([path])}-{code}-{__version__}"


def _flat_entries(entries: dict[int, bool]) -> list:
    """A name's entries as its trie's line holds them: [place index, is display name, ...]."""
    return [x for i, d in entries.items() for x in (i, bool(d))]


def encode(gaz: Gazetteer) -> bytes:
    """JSON lines (coder.cache.pack_lines): a head (with the places that country(), capital() and admin1_of() look up), the place ids,
    one line per place, then per language (LANGS order) its trie as coder.cache.trie_lines with each
    name's entries flattened to [place index, is display name, ...] (JSON keys cannot be numbers; a
    JSON true or false is read as the bool itself, where a number was parsed and then made one)."""
    places = list(gaz.places)
    tries = {lang: disk.trie_lines(gaz.tries[lang], _END, _flat_entries) for lang in LANGS}
    head = {"fields": _FIELDS, "langs": LANGS, "places": len(places),
            "countries": {p.country: i for i, p in enumerate(places) if p.precision == "country"},
            "capitals": capital_indexes(places),
            "admin1": [[p.country, p.name, i] for i, p in enumerate(places) if p.precision == "admin1"],
            "tries": {lang: len(lines) for lang, lines in tries.items()}}
    return disk.pack_lines([disk.dump(head), disk.dump([p.place_id for p in places]),
                            *(disk.dump([getattr(p, f) for f in _FIELDS]) for p in places),
                            *(line for lang in LANGS for line in tries[lang])])


class LazyPlaces(Sequence):
    """The places, each built from its line on first use (and then the same object): a run looks
    at a few hundred of the 39,000, and building them all costs 0.1-0.2 s."""

    def __init__(self, lines: Sequence[bytes]):
        self._lines = lines
        self._built: list = [None] * len(lines)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        p = self._built[i]
        if p is None:
            row = disk.line_value(self._lines[i])
            if not isinstance(row, list) or len(row) != len(_FIELDS):
                raise ValueError("a cached place is not whole")
            p = self._built[i] = new_place(*row)
        return p

    def __len__(self) -> int:
        return len(self._lines)

    def __eq__(self, other) -> bool:
        return isinstance(other, (list, LazyPlaces)) and len(self) == len(other) and all(a == b for a, b in zip(self, other))

    __hash__ = None


class PlacesByKey(Mapping):
    """A key -> place index map that hands out the places themselves, built on use."""

    def __init__(self, index: dict, places: LazyPlaces):
        self._index, self._places = index, places

    def __getitem__(self, key) -> Place:
        return self._places[self._index[key]]

    def __iter__(self):
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)


class LazyTries(Mapping):
    """The per-language tries (coder.cache.LazyTrie: subtrees decoded on use); a language whose
    trie a bulk run has decoded whole is handed out as the plain dict."""

    def __init__(self, tries: dict):
        self._tries = tries

    def __getitem__(self, lang: str) -> dict:
        return self._tries[lang]   # KeyError for another language

    def __iter__(self):
        return iter(self._tries)

    def __len__(self) -> int:
        return len(self._tries)

    def settle(self, lang: str, trie: dict) -> None:
        self._tries[lang] = trie


class CachedGazetteer(Gazetteer):
    """A Gazetteer read from the index cache: what is not asked for is not decoded."""

    def __init__(self, places: LazyPlaces, tries: LazyTries, countries: dict, capitals: dict, admin1: dict,
                 ids_line: bytes):
        self.places, self.tries = places, tries
        self._countries = PlacesByKey(countries, places)
        self._capitals = PlacesByKey(capitals, places)
        self._admin1 = PlacesByKey(admin1, places)
        self._ids_line = ids_line
        self._set_ranking()

    @cached_property
    def by_id(self) -> dict:
        ids = json.loads(self._ids_line)
        if len(ids) != len(self.places):
            raise ValueError("the cached place ids are not whole")
        return {pid: i for i, pid in enumerate(ids)}

    @cached_property
    def _lat(self) -> list:
        return [p.latitude for p in self.places]

    @cached_property
    def _lon(self) -> list:
        return [p.longitude for p in self.places]


def _trie(lines: Sequence[bytes], tries: LazyTries, lang: str) -> disk.LazyTrie:
    """A language's trie from its lines (coder.cache.trie_lines): each node's flat entries
    [place index, is display name, ...] become {place index: is display name}."""
    def hook(node: dict) -> dict:
        flat = node.get(_END)
        if flat is not None:
            # (most names end at a node as one place's: that pair read without slices and a zip)
            node[_END] = {flat[0]: flat[1]} if len(flat) == 2 else dict(zip(flat[::2], flat[1::2]))
        return node

    scan = json.JSONDecoder(object_hook=hook).scan_once

    def decode(line: bytes, is_end: bool):
        v = disk.line_value(line, scan)
        return dict(zip(v[::2], v[1::2])) if is_end else v
    return disk.LazyTrie(lines[0], lines[1:], decode, _END, on_whole=lambda trie: tries.settle(lang, trie))


def decode(body: bytes) -> Gazetteer:
    lines = disk.unpack_lines(body)
    head = json.loads(lines[0])
    if list(head["fields"]) != list(_FIELDS) or list(head["langs"]) != list(LANGS):
        raise ValueError("the cached index has other fields or languages")
    n = head["places"]
    sizes = [head["tries"][lang] for lang in LANGS]
    if len(lines) != 2 + n + sum(sizes):
        raise ValueError("the cached index is not whole")
    places = LazyPlaces(lines[2:2 + n])
    tries = LazyTries({})
    at = 2 + n
    for lang, size in zip(LANGS, sizes):
        tries.settle(lang, _trie(lines[at:at + size], tries, lang))
        at += size
    admin1 = {(country, name): i for country, name, i in head["admin1"]}
    return CachedGazetteer(places, tries, head["countries"], head["capitals"], admin1, lines[1])


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
