"""Fire that came from a place ("rockets fired from Gaza", "صواريخ من جنوب لبنان"): the place an
event of fighting was launched from, and the actors it locates (the row stage, coder/rows.py)."""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from coder.lang import profile
from coder.lang.numbers import load_lexicon
from coder.model import Actor, ActorCode, PlaceMention, is_named, of_country
from coder.rules.engine import EventCandidate

if TYPE_CHECKING:   # (the pipeline makes them; read here, never built)
    from coder.pipeline import SentenceResult


@lru_cache(maxsize=None)
def _launch_origin(lang: str) -> tuple[str, ...]:
    """Words after which a place is where fire came from (places.yaml `launch_origin`)."""
    return tuple(profile(lang).normalise(w) for w in load_lexicon(lang, "places").get("launch_origin") or [])


def launched_from(r: SentenceResult, c: EventCandidate, lang: str) -> Optional[PlaceMention]:
    """The place after the trigger that fire came from ("rockets fired from Gaza", "من جنوب لبنان")."""
    words = _launch_origin(lang)
    if not words:
        return None
    norm = profile(lang).normalise
    for p in r.places:
        if p.start < c.evidence_start or not p.place.country or len(p.place.country) != 3:
            continue
        before = " ".join(norm(r.sentence.text[max(0, p.start - 20):p.start]).split())
        if any(before == w or before.endswith(" " + w) for w in words):
            return p
    return None


def fired_from(origin: PlaceMention, c: EventCandidate, s: Optional[Actor], t: Optional[Actor]):
    """Fire that came from a place ("rockets fired from Gaza", "صواريخ من جنوب لبنان"): an unnamed or
    role-only attacker belongs to that country, and the place is not the target."""
    country = origin.place.country
    if t is not None and t.start < origin.end and origin.start < t.end:
        t = None
    if not is_named(c.source):
        s = Actor(ActorCode(country, None, c.source.code.role if c.source else None),
                  origin.text, -1, -1, origin.start, origin.end, ("places.launch_origin",))
    elif not c.source.code.country and not c.source.code.group:
        s = of_country(c.source, country)
    return s, t
