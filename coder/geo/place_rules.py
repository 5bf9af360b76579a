"""The places' rules of one language (coder/lexicon/<lang>/places.yaml) compiled: cue words,
qualifiers ("countryside"/ريف), stop words, population floors (coder.geo.toponyms reads them)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from coder.lang import profile
from coder.lang.numbers import load_lexicon


@dataclass(frozen=True)
class Qualifier:
    key: tuple[str, ...]
    scope: str        # "same": the place itself; "admin1": the division the place lies in
    locative: bool


@dataclass(frozen=True)
class PlaceRules:
    """One language's places.yaml, compiled."""
    article: str
    strip_suffixes: bool
    case_sensitive: bool
    min_population_bare: int
    min_population_short: int
    min_population_foreign: int
    short_name_length: int
    locative_proclitics: tuple[str, ...]
    short_proclitics: tuple[str, ...]
    cues: dict                 # token keys of locative cue phrases -> True
    max_cue: int
    before: dict               # key -> Qualifier, for qualifiers written before the name
    after: dict
    max_before: int
    max_after: int
    stop: frozenset            # name keys that never match alone
    destinations: dict = None              # token keys of direction words (to, إلى)
    max_destination: int = 0
    name_before: frozenset = frozenset()   # single words before a person's or organisation's name
    name_after: frozenset = frozenset()    # single words after one
    capital_words: frozenset = frozenset()  # "capital", العاصمة: with a country's adjective, its capital
    capital_adjective_after: bool = False   # the adjective follows the word (العاصمة العراقية)
    possessive_endings: tuple = ()          # "'s": "Baghdad's Tahrir Square" is a place's square
    # the last words of the longer phrases of before, cues and destinations, and the first words of
    # the after qualifiers (read per name as fields, not through a cached call)
    before_lasts: frozenset = frozenset()
    cue_lasts: frozenset = frozenset()
    destination_lasts: frozenset = frozenset()
    after_firsts: frozenset = frozenset()


def _keys(phrases: Iterable[str], lang: str) -> list[tuple[str, ...]]:
    prof = profile(lang)
    return [tuple(t.norm for t in prof.tokenise(p)) for p in phrases]


@lru_cache(maxsize=None)
def rules(lang: str) -> PlaceRules:
    data = load_lexicon(lang, "places")   # checks the header and the schema (schemas/lexicon.places.json)

    def qualifiers(groups) -> dict:
        out = {}
        for g in groups or []:
            for key in _keys(g["words"], lang):
                out[key] = Qualifier(key, g.get("scope", "same"), bool(g.get("locative", False)))
        return out

    cues = {k: True for k in _keys(data.get("locative", []), lang)}
    before, after = qualifiers(data.get("before")), qualifiers(data.get("after"))
    destinations = {k: True for k in _keys(data.get("destination", []), lang)}

    def lasts(phrases) -> frozenset:
        return frozenset(k[-1] for k in phrases if len(k) > 1)
    return PlaceRules(
        article=profile(lang).normalise(data.get("article", "")),
        strip_suffixes=bool(data.get("strip_suffixes", True)),
        case_sensitive=bool(data.get("case_sensitive", False)),
        min_population_bare=int(data.get("min_population_bare", 0)),
        min_population_short=int(data.get("min_population_short", 0)),
        min_population_foreign=int(data.get("min_population_foreign", 0)),
        short_name_length=int(data.get("short_name_length", 0)),
        locative_proclitics=tuple(profile(lang).normalise(p) for p in data.get("locative_proclitics", [])),
        short_proclitics=tuple(profile(lang).normalise(p) for p in data.get("short_proclitics", [])),
        cues=cues, max_cue=max(map(len, cues), default=0),
        destinations=destinations,
        max_destination=max(map(len, destinations), default=0),
        before=before, after=after,
        max_before=max(map(len, before), default=0), max_after=max(map(len, after), default=0),
        stop=frozenset(_keys(data.get("stop", []), lang)),
        name_before=frozenset(k[-1] for k in _keys(data.get("name_words_before", []), lang) if k),
        name_after=frozenset(k[0] for k in _keys(data.get("name_words_after", []), lang) if k),
        capital_words=frozenset(k[0] for k in _keys(data.get("capital_words", []), lang) if len(k) == 1),
        capital_adjective_after=data.get("capital_adjective", "before") == "after",
        possessive_endings=tuple(data.get("possessive_endings", [])),
        before_lasts=lasts(before), cue_lasts=lasts(cues), destination_lasts=lasts(destinations),
        after_firsts=frozenset(k[0] for k in after),
    )
