"""Event locations: the bundled gazetteer, a geopy geocoder over it, and toponym recognition."""
from coder.geo.gazetteer import Gazetteer
from coder.geo.geocoder import OfflineGeocoder, geocode_candidates, online_geocoder
from coder.geo.toponyms import document_focus, find_places, find_places_in_tokens

__all__ = ["Gazetteer", "OfflineGeocoder", "geocode_candidates", "online_geocoder",
           "find_places", "find_places_in_tokens", "document_focus"]
