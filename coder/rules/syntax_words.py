"""Word lists the rules share with the syntax stage, read from the same data
(coder/lexicon/<lang>/syntax.yaml) and normalised as the tokeniser does: the rules import no stage."""
from __future__ import annotations

from functools import lru_cache

from coder.lang import profile
from coder.lang.numbers import load_lexicon
from coder.lexicon.schema import SyntaxFile


@lru_cache(maxsize=None)
def _data(lang: str) -> SyntaxFile:
    return SyntaxFile.model_validate(load_lexicon(lang, "syntax"))


@lru_cache(maxsize=None)
def anaphors(lang: str) -> frozenset[str]:
    """Definite nouns that refer back to the last organisation named ("the group", التنظيم)."""
    norm = profile(lang).normalise
    return frozenset(norm(w) for w in _data(lang).anaphors)


@lru_cache(maxsize=None)
def agent_markers(lang: str) -> frozenset[tuple[str, ...]]:
    """The words of each agent marker (على يد, من قبل, by)."""
    norm = profile(lang).normalise
    return frozenset(tuple(norm(w).split()) for w in _data(lang).argument_markers.get("agent", []))
