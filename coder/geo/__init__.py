"""Event locations: the bundled gazetteer, a geopy geocoder over it, and toponym recognition."""
from coder.geo.focus import document_focus
from coder.geo.gazetteer import Gazetteer
from coder.geo.toponyms import SentencePlaces, find_places, find_places_in_tokens

__all__ = ["Gazetteer", "OfflineGeocoder", "geocode_candidates", "online_geocoder",
           "find_places", "find_places_in_tokens", "SentencePlaces", "document_focus"]
_GEOCODER = ("OfflineGeocoder", "online_geocoder")


def __getattr__(name: str):
    # the geopy interface is imported when first asked for: coding text never needs geopy (~80 ms)
    if name in _GEOCODER:
        from coder.geo import geocoder
        return getattr(geocoder, name)
    if name == "geocode_candidates":
        from coder.geo.candidates import geocode_candidates
        return geocode_candidates
    raise AttributeError(f"module 'coder.geo' has no attribute {name!r}")
