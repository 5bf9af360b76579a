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


_PARTS: dict[tuple, object] = {}   # (language, name, default) -> the profile's part or the default
NO_WORDS: frozenset = frozenset()   # (a part a language lacks: no words)

# The word sets (and the plural-possessive test) the rules read of every sentence's profile: a
# language that has none of a part gets the empty set here, once, so that the rules read each as a
# plain attribute instead of asking profile_part (a call, a key built and a look-up each).
RULE_PARTS = ("ADJECTIVAL_AGENTS", "ALLY_WORDS", "DEATH_VERBS", "DISGUISE_WORDS", "FACILITY_WORDS", "LINK_WORDS",
              "PLACE_HEADS", "refers_to_many")
for _prof in PROFILES.values():
    for _name in RULE_PARTS:
        if not hasattr(_prof, _name):
            setattr(_prof, _name, NO_WORDS)
del _prof, _name


def profile_part(prof, name: str, default=NO_WORDS):
    """A word set (DEATH_VERBS, PLACE_HEADS ...) or a helper (marks_passive) that only some language
    profiles define; `default` (no words) where the language has none. Looked up once a language:
    getattr on a profile that lacks the name raises and formats an AttributeError at each call, and
    the rules and the syntax stage ask for every trigger, actor or predicate. (Keyed by the
    language's code: the syntax stage asks through a view of the profile made per sentence.)"""
    key = (prof.CODE, name, default)
    try:
        return _PARTS[key]
    except KeyError:
        found = _PARTS[key] = getattr(prof, name, default)
        return found


def detect(text: str) -> str:
    """`ar` when Arabic letters outnumber Latin ones, else `en` (the two languages we code)."""
    arabic = latin = 0
    for ch in text[:4000]:
        if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufeff":
            arabic += 1
        elif ch.isascii() and ch.isalpha():
            latin += 1
    return "ar" if arabic > latin else "en"
