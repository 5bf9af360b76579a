"""Where the words of the dates.yaml marker lists stand in a sentence ("after", "since", "until",
"before the news" words), found for all the lists in one pass over the sentence's tokens: the
rows stage asks for them several times per sentence (per list, per event, and again for the dates
counted back from a stand-in day), and most words start no marker at all."""
from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from coder.lang import profile
from coder.lang.numbers import load_lexicon
from coder.model import Token

FIELDS = ("earlier_event_markers", "since_markers", "until_markers", "before_news_markers")
_FIELD_INDEX = {f: k for k, f in enumerate(FIELDS)}
_NO_MARKS = ((),) * len(FIELDS)   # (no marks for any list)
assert len(FIELDS) == 4   # (_scan makes the lists of its answer by a literal of four)


@lru_cache(maxsize=None)
def markers(lang: str, field: str) -> tuple[tuple[str, ...], ...]:
    """A word list of dates.yaml, as token keys."""
    prof = profile(lang)
    return tuple(tuple(prof.phrase_tokens(w)) for w in load_lexicon(lang, "dates").get(field) or [])


@lru_cache(maxsize=None)
def _by_first(lang: str) -> dict[str, list[tuple[int, int, tuple[str, ...]]]]:
    """Every list's words indexed by their first token key: (list, position in the list, the
    key's other tokens)."""
    out: dict[str, list[tuple[int, int, tuple[str, ...]]]] = {}
    for k, field in enumerate(FIELDS):
        for n, key in enumerate(markers(lang, field)):
            out.setdefault(key[0], []).append((k, n, key[1:]))
    return out


@lru_cache(maxsize=None)
def marker_first_words(lang: str) -> frozenset[str]:
    """The token keys that start a word of some list: the matcher, given them, gathers the positions
    of the words whose forms hold one as it walks the sentence (Mentions.date_marker_words), which
    spares the scan its own walk."""
    return frozenset(_by_first(lang))


# language -> a word as written -> the keys its lookup forms start (most words: none); bounded.
# (A token's forms follow from its text (tokenise), so the text is the key: a str caches its hash,
# where a tuple of forms is hashed anew at each look-up)
_WORDS: dict[str, dict[str, tuple]] = {}
# (tokens, language, starts per list) of the last sentence asked: one tuple, swapped whole
_last: tuple = (None, None, None)


def marker_starts(tokens: Sequence[Token], lang: str, field: str, mentions=None) -> list[tuple[int, int]]:
    """Where the words of one list stand: (first token index, char start), in list order, then
    sentence order (a key found through two forms of a word: once). `mentions`: the matcher's of
    the sentence, whose date_marker_words, where it gathered them, are the words to look at."""
    last = _last
    if last[0] is not tokens or last[1] != lang:
        last = _scan(tokens, lang, getattr(mentions, "date_marker_words", None))
    return last[2][_FIELD_INDEX[field]]


def _scan(tokens: Sequence[Token], lang: str, starting=None) -> tuple:
    global _last
    words = _WORDS.get(lang)
    if words is None or len(words) >= 100_000:
        words = _WORDS[lang] = {}
    if starting is None:    # (tokens the matcher did not walk with the marker words: explain, tests)
        starting = _starting_words(tokens, lang, words)
    # one list for each of FIELDS, in its order (a literal: four lists built in place, where a map of
    # list() over _NO_MARKS made into a tuple costs an iterator and four calls a sentence)
    per_field: tuple[list, ...] = ([], [], [], [])
    if not starting:
        _last = (tokens, lang, per_field)
        return _last
    found = []
    end = len(tokens)
    for i in starting:
        tok = tokens[i]
        keys = words.get(tok.text)
        if keys is None:    # (a word the matcher found but the scan has not seen yet)
            keys = words[tok.text] = _keys_started(tok, _by_first(lang).get)
        for k, n, rest in keys:
            # a key of several words: the norms of the words after this one, word by word (a
            # key's words are two or three)
            j = i
            for key in rest:
                j += 1
                if j == end or tokens[j].norm != key:
                    break
            else:
                found.append((k, n, i, tok.start))
    if len(found) == 1:   # (most sentences with a marker: one, which needs no set and no sort)
        k, _, i, start = found[0]
        per_field[k].append((i, start))
        _last = (tokens, lang, per_field)
        return _last
    for k, _, i, start in sorted(set(found)):
        per_field[k].append((i, start))
    _last = (tokens, lang, per_field)
    return _last


def _keys_started(tok: Token, first_of) -> tuple:
    """What a word's forms start, in form order (most words: nothing, and no generator is made)."""
    found = ()
    for f in tok.forms:
        keys = first_of(f)
        if keys:
            found += tuple(keys)
    return found


def _starting_words(tokens: Sequence[Token], lang: str, words: dict) -> list[int]:
    """The indexes of the words that start a key, by a walk over the tokens."""
    # the indexes of the words that start a key (a few; a quarter of the event sentences: none), by
    # a plain loop: a list of every word's answer, then any() and compress() over it, cost more
    starting = []
    i = 0
    try:
        for t in tokens:
            if words[t.text]:   # what the word's forms start (most: nothing)
                starting.append(i)
            i += 1
    except KeyError:   # a word not seen before: what its forms start, in form order, once
        first_of = _by_first(lang).get
        for t in tokens:
            if t.text not in words:
                words[t.text] = _keys_started(t, first_of)
        # (first sight only: the loop above is the warm path)
        starting = [i for i, t in enumerate(tokens) if words[t.text]]
    return starting
