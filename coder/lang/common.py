"""Helpers the language profiles share: digit folding and sentence splitting by a boundary regex."""
from __future__ import annotations

import re
import unicodedata

from coder.model import Token

# Arabic-Indic (U+0660..) and Persian (U+06F0..) digits -> ASCII; one char for one char.
DIGITS = str.maketrans({**{chr(0x0660 + i): str(i) for i in range(10)},
                        **{chr(0x06F0 + i): str(i) for i in range(10)}})
# Unicode format controls (bidi marks, ZWJ/ZWNJ, BOM) never carry meaning for matching.
_FORMAT = {c for c in map(chr, range(0x2000, 0x2070)) if unicodedata.category(c) == "Cf"} | {
    "\ufeff", "\u200b", "\u061c", "\u00ad"}


def strip_format(s: str) -> str:
    return "".join(c for c in s if c not in _FORMAT) if any(c in _FORMAT for c in s) else s


def split_by(text: str, boundary: re.Pattern, max_len: int = 2000, veto=None) -> list[tuple[int, int]]:
    """Spans of non-empty sentences: cut after each `boundary` match unless `veto(text, match)`
    says it is no boundary (an abbreviation); a run-on sentence longer than `max_len` is cut at the
    last space before it so that no sentence is unbounded."""
    spans = []
    start = 0
    for m in boundary.finditer(text):
        if veto is not None and veto(text, m):
            continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while e - s > max_len:
            cut = text.rfind(" ", s + 1, s + max_len)
            cut = cut if cut > s else s + max_len
            out.append((s, cut))
            s = cut
        out.append((s, e))
    result = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            result.append((s, e))
    return result


# A word's normal and lookup forms depend on the word alone: news repeats its words, so each is
# worked out once. Cleared when full, so that memory stays bounded on any corpus.
WORD_CACHE_SIZE = 200_000
_new = object.__new__


def tokens_by(text: str, word: re.Pattern, normalise, forms, cache: dict | None = None) -> list[Token]:
    """Tokens of `text`; `cache` (one per language) maps a word as written to (norm, forms)."""
    toks = []
    if cache is None:
        cache = {}
    get = cache.get
    for m in word.finditer(text):
        raw = m[0]
        known = get(raw)
        if not known:     # new to the cache, or () for no word
            if known is not None:
                continue
            norm = normalise(raw)
            # a form left empty (a lone combining mark, its letters stripped) is no word to look up;
            # a word that normalises to nothing is no token
            known = (norm, tuple(f for f in forms(norm, raw) if f)) if norm else ()
            if len(cache) >= WORD_CACHE_SIZE:
                cache.clear()
            cache[raw] = known
            if not known:
                continue
        # (the fields set one by one on a bare instance: calling the dataclass's __init__ costs a
        # Python frame per token; tests/test_speed_identity.py checks every field is set)
        tok = _new(Token)
        tok.text = raw
        tok.start, tok.end = m.span()
        tok.norm, tok.forms = known
        toks.append(tok)
    return toks
