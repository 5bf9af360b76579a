"""PlaceMentions made without PlaceMention's __init__ (coder.geo.toponyms.SentencePlaces.places
makes several a sentence of a reporting document)."""
from __future__ import annotations

from coder.model import PlaceMention


class OpenPlaceMention:
    """PlaceMention's slots on a class that is not frozen: a mention's fields are stored in one by
    plain attribute stores, then its class is set to PlaceMention, whose slots are the same (so
    CPython lets the instance's class be set). PlaceMention(...) calls its __init__, which stores
    each field through a call of the slot's setter (a frozen class refuses plain stores): about
    6,000 machine instructions a mention against 1,300."""
    __slots__ = PlaceMention.__slots__


# (a field added to PlaceMention must be set where one is made this way: this stops the import first)
if OpenPlaceMention.__slots__ != ("place", "start", "end", "text", "score", "locative", "typed", "destination"):
    raise ImportError("coder.geo.open_mention: PlaceMention's fields changed; update SentencePlaces.places")
new_open_mention = object.__new__
