"""Language profiles: everything language-specific about text lives in one module per language.

Shared code asks `profile(lang)` for normalisation, sentence ends, tokens and lookup forms and never
branches on the language itself.
"""
from __future__ import annotations

from types import ModuleType

from coder.lang import ar, en

PROFILES: dict[str, ModuleType] = {"ar": ar, "en": en}


def profile(lang: str) -> ModuleType:
    try:
        return PROFILES[lang]
    except KeyError:
        raise ValueError(f"unsupported language {lang!r}: use one of {sorted(PROFILES)}") from None


def detect(text: str) -> str:
    """`ar` when Arabic letters outnumber Latin ones, else `en` (the two languages we code)."""
    arabic = latin = 0
    for ch in text[:4000]:
        if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufeff":
            arabic += 1
        elif ch.isascii() and ch.isalpha():
            latin += 1
    return "ar" if arabic > latin else "en"
