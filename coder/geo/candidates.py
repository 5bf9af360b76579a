"""`coder geocode NAME`: ranked places for a name, without geopy (80 ms to import), which only
the geopy interface in coder/geo/geocoder.py needs."""
from __future__ import annotations

from typing import Optional

from coder.geo.gazetteer import Gazetteer
from coder.geo.toponyms import find_places
from coder.lang import detect
from coder.model import Place


def geocode_candidates(name: str, lang: Optional[str] = None, country: Optional[str] = None,
                       limit: int = 10, gazetteer: Optional[Gazetteer] = None) -> list[tuple[Place, float]]:
    """Ranked places for a name, for `coder geocode NAME [--lang] [--country]`.

    Tries the name as written first ("مخيم الهول", "Raqqa"); failing that, the places that
    toponym recognition finds in it ("in the Idlib countryside", "بريف حلب")."""
    gaz = gazetteer or Gazetteer.default()
    found = gaz.lookup(name, lang, country)
    if not found:
        mentions = find_places(name, lang or detect(name), country, gaz)
        seen = set()
        for m in mentions:
            if m.place.place_id not in seen:
                seen.add(m.place.place_id)
                found.append((m.place, m.score))
    return found[:limit]
