"""The tokens of a sentence that may start a place name, read from the answers kept per word
(coder.geo.toponyms.SentencePlaces._start_tokens). A module of its own: the compiled build compiles
this loop with its tokens and memos typed (place_starts.pxd), so that their fields are read from
their slots in C."""
from __future__ import annotations

from functools import lru_cache

from coder import is_compiled
from coder.geo.gazetteer import ascii_fold
from coder.model import Mention, Token, WordMemo

if is_compiled(__file__):   # (the compiled build reads the records' fields at the offsets it was compiled with)
    _records_layout_checked(Token, Mention, WordMemo)  # noqa: F821

# ascii_fold of the words read after a name's first (mostly not plain ASCII), kept per word: a hit is one C call
fold = lru_cache(maxsize=65536)(ascii_fold)


def starting(known: dict, tokens) -> list:
    """SentencePlaces._start_tokens from the words' answers in `known`, by the word as written
    (KeyError at a word not in it): (position, (form, trie node) pairs) of each token that starts a
    name by itself, or where the next word goes on from it. A known word's answer is read from its
    token's memo (coder.records.WordMemo). (Each word read by a subscript in pure Python: most words
    start nothing, and that look-up is then their whole cost; map(attrgetter) from C and a bound
    get() cost more.)"""
    out = []
    last = len(tokens) - 1
    for i, tok in enumerate(tokens):
        memo = tok.memo   # (a known word's answer from its token's memo: records.WordMemo)
        if memo.places_of is known:
            starts = memo.places
        else:
            starts = memo.places = known[tok.text]
            memo.places_of = known
        if not starts:   # (most words)
            continue
        pairs, follow = starts
        if follow is None:   # a name by itself
            out.append((i, pairs))
        elif i < last:   # (does the next word go on from it: read from the follow set; its fold
            nxt = tokens[i + 1]   # asked only where its answer does not say it is its norm)
            if nxt.norm in follow:
                out.append((i, pairs))
                continue
            after = nxt.memo
            if (after.places if after.places_of is known else known[nxt.text]) is not False and \
                    fold(nxt.norm) in follow:
                out.append((i, pairs))
    return out
