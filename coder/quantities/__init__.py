"""Quantities (SPEC §6): `find_quantities(text, lang)` -> list of QuantityValue."""
from coder.quantities.recognise import find_quantities, subset_heads

__all__ = ["find_quantities", "subset_heads"]
