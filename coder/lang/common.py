"""Helpers the language profiles share: digit folding and sentence splitting by a boundary regex."""
from __future__ import annotations

import re
import unicodedata

from coder import is_compiled
from coder.model import Token, WordMemo

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
# Token's own __new__, bound once: looked up on the class at each token it costs pure Python a type
# attribute lookup
_new = Token.__new__
# The compiled build makes each token in C with its six fields stored into its slots at once
# (coder/slots.pxd: from compiled code a field set one by one goes through CPython's generic
# attribute path, six times the interpreter's store into a slot). Pure Python sets them one by one
# on a bare instance (a call a token would cost it a frame).
_TOKENS_MADE_IN_C = is_compiled(__file__)


# A character a chunk's fold is not its tokens' norms for: one the fold's table does not hold (U+3000
# and above: news text's are below, where each folds as normalise() does it alone, coder.lang.numbers.
# _fold_table), the capital sigma (lower() makes it final at a word's end), the one that folds to two (İ).
# (One class, every other character: a search of it costs a third of an alternation's)
_NOT_AS_NORMS = re.compile("[^\x00-\u012f\u0131-\u03a2\u03a4-\u2fff]")


class _Words(tuple):
    """The words of a chunk that is not one word, as (start, end, text, norm, forms, memo) with
    offsets in the chunk; empty for a chunk of no word. (A chunk that is one word, as most are, is kept
    as its (text, norm, forms, length, memo): the type tells the two apart in one test.)"""
    __slots__ = ()


def _chunk_words(chunk: str, word: re.Pattern, normalise, forms, cache: dict, folds: dict | None = None):
    """The tokens of a chunk without spaces: (chunk, norm, forms, its length, its WordMemo) if it is
    one word, else _Words (whose words have the memos of their own entries: one a word as written).
    (The length kept: tokens_by reads it for the token's end at each later token of the word,
    instead of calling len() on the chunk.) The chunk itself is in the answer because tokens_by makes
    that string the text of every later token of the word: the per-word memos keyed by a token's text
    (the matcher's, the syntax stage's...) then find their key as the same object, not by comparing
    the letters of an equal string. A chunk of
    several words ("العراق.", "(AFP)") looks each word up as a chunk of its own: the pattern finds
    that word alone too, as it looks neither ahead of a word nor behind it. `folds`: where given, the
    chunk's fold is kept in it where its words' norms give it (they cover it, and it holds no
    character of _NOT_AS_NORMS), learnt as the chunk is first read. (No return annotation: the
    compiled build reads `-> tuple` as an exact tuple and refuses a _Words)"""
    # (a chunk of letters alone, as most are, is one word to either language's pattern: no match run)
    if chunk.isalpha() or ((m := word.match(chunk)) is not None and m.end() == len(chunk)):
        norm = normalise(chunk)
        if not norm:    # a word that normalises to nothing is no token
            return _NO_WORDS
        if folds is not None and (chunk.isascii() or _NOT_AS_NORMS.search(chunk) is None):
            folds[chunk] = norm   # (its fold: _NOT_AS_NORMS)
        found = forms(norm, chunk)
        # a form left empty (a lone combining mark, its letters stripped) is no word to look up:
        # most words have none, and keep the tuple they were given
        if type(found) is tuple and "" not in found:
            return chunk, norm, found, len(chunk), WordMemo()
        return chunk, norm, tuple(filter(None, found)), len(chunk), WordMemo()
    out = []
    at = 0   # (where the words cover the chunk to, each beginning where the one before ends; else -1)
    for m in word.finditer(chunk):
        w = m[0]
        alone = cache.get(w)
        if alone is None:
            alone = cache[w] = _chunk_words(w, word, normalise, forms, cache, folds)
        start, end = m.span()
        if alone:    # (one word, or _NO_WORDS)
            out.append((start, end, alone[0], alone[1], alone[2], alone[4]))
            at = end if at == start else -1
        else:   # (a word of no norm, which the fold drops: no cover)
            at = -1
    # the chunk's fold: its words' norms where they cover it
    if folds is not None and at == len(chunk) and (chunk.isascii() or _NOT_AS_NORMS.search(chunk) is None):
        folds[chunk] = "".join([t[3] for t in out])
    return _Words(out)


_NO_WORDS = _Words()


def tokens_by(text: str, word: re.Pattern, normalise, forms, cache: dict | None = None,
              folds: dict | None = None) -> list[Token]:
    """Tokens of `text`; `cache` (one per language) maps a chunk between spaces to its tokens
    (_chunk_words: (chunk, norm, forms, length, memo) for a chunk that is one word, whose string and
    WordMemo every later token of the word takes; _Words otherwise); `folds` (one per language), a
    chunk to its fold, as its words' norms give it (_chunk_words), for the dates' and quantities'
    copy of a sentence (coder/lang/chunk_folds.py).
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
    in_c = _TOKENS_MADE_IN_C
    for chunk in chunks:
        known = cache.get(chunk)
        # (one test of the entry's type for a known chunk of one word, as most are: an unseen chunk,
        # None, and a chunk of several words, _Words, are told apart behind it)
        if type(known) is not tuple:
            if known is None:
                if len(cache) >= WORD_CACHE_SIZE:
                    cache.clear()
                    if folds is not None:
                        folds.clear()
                known = cache[chunk] = _chunk_words(chunk, word, normalise, forms, cache, folds)
            if type(known) is several:
                base = end + 1
                end = base + len(chunk)
                for start, stop, raw, norm, lookup, memo in known:
                    if in_c:
                        toks.append(_token_made_in_c(token, raw, base + start, base + stop, norm, lookup, memo))  # noqa: F821
                        continue
                    # (one store a field: a tuple assignment of five packs them in a tuple first)
                    tok = new(token)
                    tok.text = raw
                    tok.start = base + start
                    tok.end = base + stop
                    tok.norm = norm
                    tok.forms = lookup
                    tok.memo = memo
                    toks.append(tok)
                continue
        # one word, whose token spans the chunk. (The fields set one by one on a bare instance:
        # calling the dataclass's __init__ costs a Python frame per token; tests/test_speed_identity.py
        # checks every field is set. The chunk's length is the entry's: no len() a token)
        if in_c:
            raw, norm, lookup, length, memo = known
            base = end + 1
            end = base + length
            toks.append(_token_made_in_c(token, raw, base, end, norm, lookup, memo))  # noqa: F821
            continue
        tok = new(token)
        tok.text, tok.norm, tok.forms, length, tok.memo = known
        tok.start = base = end + 1
        tok.end = end = base + length
        toks.append(tok)
    if end != len(text):
        if toks:
            _place_in_text(text, chunks, toks)
    else:   # (one white space character between chunks, none around: kept for the dates' and quantities' fold)
        if len(_SPACED) >= _SPACED_MAX:
            _SPACED.clear()
        _SPACED[id(text)] = (text, chunks)
    return toks


# The chunks tokens_by cut a text into, where one white space character lies between two and none
# around them (most sentences), kept by the text's id until spaced_chunks asks for them: the dates'
# and quantities' gates read a sentence by the same chunks (coder/lang/chunk_folds.py), whose hashes
# the tokeniser's cache look-ups have already worked out. (By id, checked by identity: no hash of
# the sentence; the entry holds the text, so that its id is not another's while it is kept. Bounded)
_SPACED: dict = {}
_SPACED_MAX = 4096


def spaced_chunks(text: str):
    """The chunks (str.split) of a text that tokens_by has tokenised, where one white space
    character lies between two and none around them; else None. (Asked once a text: the entry is
    taken out)"""
    kept = _SPACED.pop(id(text), None)
    return kept[1] if kept is not None and kept[0] is text else None


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
