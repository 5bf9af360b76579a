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
# the format controls as a str.translate table that deletes them: a profile merges it with its own
# one-character foldings into one table, so that a new word is folded in one pass over its letters
NO_FORMAT = dict.fromkeys(map(ord, _FORMAT))
# the other characters of ASCII and the Arabic block, each mapped to itself, for a profile's table
# to start from (its own entries win): str.translate meets a character missing from its table with
# a KeyError raised and cleared, once for each letter of each new word
AS_ITSELF = {c: c for c in (*range(0x80), *range(0x600, 0x700))}


def split_by(text: str, boundary: re.Pattern, max_len: int = 2000, veto=None, ends: str = "") -> list[tuple[int, int]]:
    """Spans of non-empty sentences: cut after each `boundary` match unless `veto(text, match)`
    says it is no boundary (an abbreviation); a run-on sentence longer than `max_len` is cut at the
    last space before it so that no sentence is unbounded. `ends`: the characters a boundary match
    begins with (its first character class)."""
    if ends and len(text) <= max_len:
        # A text that holds none of them but as its last character before white space, as most
        # one-sentence texts, is one sentence: a boundary there leaves only white space after it.
        # (Found by a search for each character, not by the regex's class test at every character;
        # first by `in`, whose operator takes no arguments to parse as str.find's do: only a character
        # the text holds, as its last one, is searched for again short of its end)
        body = text.rstrip()
        last = len(body) - 1
        for c in ends:
            if c in body and body.find(c, 0, last) >= 0:
                break
        else:
            return [(last + 1 - len(body.lstrip()), last + 1)] if body else []
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


# A word's normal and lookup forms depend on the word alone, and no word pattern reaches over a
# space (nor looks behind one), so a whitespace-delimited chunk of text ("قصف", "العراق.", "(AFP)")
# always splits into the same words: news repeats its chunks, so each is split and its words
# worked out once, and a sentence is cut into chunks by str.split, not by the word pattern.
# Cleared when full, so that memory stays bounded on any corpus.
WORD_CACHE_SIZE = 200_000
# Token's own __new__ (the compiled Token is an extension type, which object.__new__ refuses), bound
# once: looked up on the class at each token it costs pure Python a type attribute lookup
_new = Token.__new__


class _Words(tuple):
    """The words of a chunk that is not one word, as (start, end, text, norm, forms) with offsets in
    the chunk; empty for a chunk of no word. (A chunk that is one word, as most are, is kept as its
    (text, norm, forms, length): the type tells the two apart in one test.)"""
    __slots__ = ()


def _chunk_words(chunk: str, word: re.Pattern, normalise, forms, cache: dict):
    """The tokens of a chunk without spaces: (chunk, norm, forms, its length) if it is one word, else
    _Words. (The length kept: tokens_by reads it for the token's end at each later token of the word,
    instead of calling len() on the chunk.) The chunk itself is in the answer because tokens_by makes
    that string the text of every later token of the word: the per-word memos keyed by a token's text
    (the matcher's, the syntax stage's...) then find their key as the same object, not by comparing
    the letters of an equal string. A chunk of
    several words ("العراق.", "(AFP)") looks each word up as a chunk of its own: the pattern finds
    that word alone too, as it looks neither ahead of a word nor behind it. (No return annotation:
    the compiled build reads `-> tuple` as an exact tuple and refuses a _Words)"""
    # (a chunk of letters alone, as most are, is one word to either language's pattern: no match run)
    if chunk.isalpha() or ((m := word.match(chunk)) is not None and m.end() == len(chunk)):
        norm = normalise(chunk)
        if not norm:    # a word that normalises to nothing is no token
            return _NO_WORDS
        found = forms(norm, chunk)
        # a form left empty (a lone combining mark, its letters stripped) is no word to look up:
        # most words have none, and keep the tuple they were given
        if type(found) is tuple and "" not in found:
            return chunk, norm, found, len(chunk)
        return chunk, norm, tuple(filter(None, found)), len(chunk)
    out = []
    for m in word.finditer(chunk):
        w = m[0]
        alone = cache.get(w)
        if alone is None:
            alone = cache[w] = _chunk_words(w, word, normalise, forms, cache)
        if alone:    # (one word, or _NO_WORDS)
            start, end = m.span()
            out.append((start, end, alone[0], alone[1], alone[2]))
    return _Words(out)


_NO_WORDS = _Words()


def tokens_by(text: str, word: re.Pattern, normalise, forms, cache: dict | None = None) -> list[Token]:
    """Tokens of `text`; `cache` (one per language) maps a chunk between spaces to its tokens
    (_chunk_words: (chunk, norm, forms, length) for a chunk that is one word, whose string every
    later token of the word takes as its text; _Words otherwise).
    (Typed in the compiled build: common.pxd; a plain loop, no closure.)"""
    toks = []
    if cache is None:
        cache = {}
    chunks = text.split()     # (the spaces str.split cuts at are the pattern's \s: tests/test_lex_speed.py)
    # Offsets set as if one space lay between chunks, as in most sentences: each chunk starts one past
    # the last one's end, which saves a search a chunk; a text where that does not end the last
    # chunk at the text's end held other white space, and its tokens are placed again
    # (_place_in_text: 3% of news sentences). (Not told apart first by counting the chunks' letters,
    # which cost a copy of them a sentence)
    end = -1
    # (locals, read at each chunk; cache.get stays a method call, which the compiled build makes a
    # dict look-up in C)
    new, token, several = _new, Token, _Words
    for chunk in chunks:
        known = cache.get(chunk)
        # (one test of the entry's type for a known chunk of one word, as most are: an unseen chunk,
        # None, and a chunk of several words, _Words, are told apart behind it)
        if type(known) is not tuple:
            if known is None:
                if len(cache) >= WORD_CACHE_SIZE:
                    cache.clear()
                known = cache[chunk] = _chunk_words(chunk, word, normalise, forms, cache)
            if type(known) is several:
                base = end + 1
                end = base + len(chunk)
                for start, stop, raw, norm, lookup in known:
                    # (one store a field: a tuple assignment of five packs them in a tuple first)
                    tok = new(token)
                    tok.text = raw
                    tok.start = base + start
                    tok.end = base + stop
                    tok.norm = norm
                    tok.forms = lookup
                    toks.append(tok)
                continue
        # one word, whose token spans the chunk. (The fields set one by one on a bare instance:
        # calling the dataclass's __init__ costs a Python frame per token; tests/test_speed_identity.py
        # checks every field is set. The chunk's length is the entry's: no len() a token)
        tok = new(token)
        tok.text, tok.norm, tok.forms, length = known
        tok.start = base = end + 1
        tok.end = end = base + length
        toks.append(tok)
    if end != len(text) and toks:
        _place_in_text(text, chunks, toks)
    return toks


def _place_in_text(text: str, chunks: list, toks: list) -> None:
    """Move the tokens that tokens_by placed as if one space lay between the text's chunks to where
    their chunks are. The tokens of a chunk are those that begin inside it as it was placed."""
    k, n = 0, len(toks)
    placed = 0   # where the chunk was placed
    end = -1     # where the last chunk ends in the text
    for chunk in chunks:
        base = text.find(chunk, end + 1)   # (only white space lies between it and the last chunk)
        end = base + len(chunk)
        shift = base - placed
        placed += len(chunk)
        while k < n and toks[k].start < placed:
            tok = toks[k]
            tok.start += shift
            tok.end += shift
            k += 1
        placed += 1
