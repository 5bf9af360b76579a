"""The document's place (SPEC §7): the country, or the place, its place mentions name most, which
events with no place of their own inherit at coarser precision (coder/rows.py)."""
from __future__ import annotations

from typing import Iterable, Optional

from coder.geo.gazetteer import Gazetteer
from coder.model import Place, PlaceMention


def document_focus(place_mentions: Iterable[PlaceMention], prefer_place: bool = False,
                   gazetteer: Optional[Gazetteer] = None) -> Optional[Place]:
    """The document's dominant country as a country-level place (SPEC §7: events with no place of
    their own inherit it at coarser precision). Mentions introduced by a locative cue count twice;
    ties go to the country named first. With `prefer_place`, the most-mentioned place of that
    country is returned instead when it accounts for at least half of the country's mentions.
    Places without a country (Europe) are the focus only when no country is named."""
    mentions = list(place_mentions)
    if not mentions:
        return None
    weights: dict[str, int] = {}   # (in the order the countries are first named)
    for m in mentions:
        country = m.place.country
        if country:
            weights[country] = weights.get(country, 0) + (2 if m.locative else 1)
    if not weights:
        return max(_place_weights(mentions).items(), key=lambda pw: pw[1])[0]
    country = max(weights, key=weights.__getitem__)   # (the first of equals: the first named)
    if prefer_place:
        in_country = [(p, w) for p, w in _place_weights(mentions).items() if p.country == country]
        best, w = max(in_country, key=lambda pw: (pw[1], pw[0].precision != "country"))
        if w * 2 >= weights[country]:
            return best
    gaz = gazetteer or Gazetteer.default()
    return gaz.country(country) or next(m.place for m in mentions if m.place.country == country)


def _place_weights(mentions: list[PlaceMention]) -> dict[Place, int]:
    """Each place's mentions, a locative one counted twice, in the order first named. (Asked only
    where a place itself may be the focus: a Place hashes all its fields in Python.)"""
    out: dict[Place, int] = {}
    for m in mentions:
        out[m.place] = out.get(m.place, 0) + (2 if m.locative else 1)
    return out
