"""geopy interface to the bundled gazetteer, and the opt-in online geocoder.

`OfflineGeocoder` is a geopy `Geocoder` that never touches the network: use it anywhere geopy
geocoders are accepted (geopy has no registry for custom geocoders: use the instance directly).
An online service (Nominatim) is available only through `online_geocoder()`, an explicit opt-in.
"""
from __future__ import annotations

from typing import Optional

from geopy.geocoders.base import Geocoder
from geopy.location import Location

from coder.geo.candidates import geocode_candidates  # noqa: F401  (also importable from here)
from coder.geo.gazetteer import Gazetteer
from coder.model import Place


def place_to_location(place: Place, score: Optional[float] = None) -> Location:
    raw = {"place_id": place.place_id, "name": place.name, "country": place.country,
           "admin1": place.admin1, "precision": place.precision, "feature": place.feature,
           "population": place.population}
    if score is not None:
        raw["score"] = score
    address = ", ".join(p for p in (place.name, place.admin1 if place.admin1 != place.name else None,
                                    place.country) if p)
    return Location(address, (place.latitude, place.longitude), raw)


class OfflineGeocoder(Geocoder):
    """Geocodes against the bundled gazetteer (Arabic and English names, no network)."""

    def __init__(self, gazetteer: Optional[Gazetteer] = None, **kwargs):
        super().__init__(**kwargs)
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = Gazetteer.default()
        return self._gazetteer

    def geocode(self, query: str, *, exactly_one: bool = True, country: Optional[str] = None,
                language: Optional[str] = None, limit: int = 10):
        """A `Location` (or a list with `exactly_one=False`), None when the name is unknown.
        `country`: ISO 3166-1 alpha-3 preferred among homonyms; `language`: "ar" or "en"."""
        found = geocode_candidates(query, language, country, limit, self.gazetteer)
        if not found:
            return None if exactly_one else []
        locations = [place_to_location(p, s) for p, s in found]
        return locations[0] if exactly_one else locations

    def reverse(self, query, *, exactly_one: bool = True, limit: int = 5):
        """The nearest town or site to a point; raw["distance_km"] says how far it is."""
        from geopy.point import Point
        point = Point(query)
        nearest = self.gazetteer.nearest(point.latitude, point.longitude,
                                         limit=1 if exactly_one else limit)
        locations = []
        for place, km in nearest:
            loc = place_to_location(place)
            loc.raw["distance_km"] = round(km, 3)
            locations.append(loc)
        if exactly_one:
            return locations[0] if locations else None
        return locations


def online_geocoder(user_agent: str, **kwargs):
    """Nominatim (OpenStreetMap), for names the bundled gazetteer lacks. Explicit opt-in only:
    it sends the query over the network and is bound by the service's usage policy (one request
    a second, a real `user_agent` naming your application)."""
    if not user_agent or user_agent.startswith("geopy"):
        raise ValueError("online_geocoder needs a user_agent naming your application "
                         "(Nominatim's usage policy), e.g. online_geocoder('my-project/1.0')")
    from geopy.geocoders import Nominatim
    return Nominatim(user_agent=user_agent, **kwargs)
