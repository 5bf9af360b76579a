"""Small helpers over token spans that several stages share."""
from __future__ import annotations

from operator import attrgetter

from coder.model import Mention, Token

_FIRST = attrgetter("first")


def phrase_at(tokens: list[Token], i: int, phrase: tuple[str, ...]) -> bool:
    """Does `phrase` (lexicon keys) start at token i?"""
    if i + len(phrase) > len(tokens):
        return False
    for k_i, k in enumerate(phrase):    # (a loop, not all() over a generator: most fail at once)
        if k not in tokens[i + k_i].forms:
            return False
    return True


def longest_non_overlapping(mentions: list[Mention]) -> list[Mention]:
    """Greedy: longest first, then leftmost; drops mentions that overlap a kept one."""
    last = -1
    for m in mentions:
        if m.first <= last:
            break
        last = m.last
    else:   # (most lists come in the order of the sentence and overlap nowhere: all kept, as they are)
        return list(mentions)
    kept: list[Mention] = []
    taken: set[int] = set()
    # longest first, then leftmost, then in the given order: keys made in one pass (a key function
    # would be a Python call a mention)
    for _, _, k in sorted([(m.first - m.last, m.first, k) for k, m in enumerate(mentions)]):
        m = mentions[k]
        first = m.first
        if first == m.last:   # one token, as most mentions: one set look-up, no range made and read
            if first not in taken:
                kept.append(m)
                taken.add(first)
            continue
        span = range(first, m.last + 1)
        if taken.isdisjoint(span):     # (one C call, not a generator per mention)
            kept.append(m)
            taken.update(span)
    kept.sort(key=_FIRST)
    return kept


def trie_memo(registry: dict, trie: dict, limit: int = 200_000) -> dict:
    """The memo of per-word answers about `trie` held in `registry`: kept while that trie is the one
    at its id (a trie is a dict, so it is keyed by identity), emptied when it reaches `limit`."""
    known = registry.get(id(trie))
    if known is None or known[0] is not trie:
        known = registry[id(trie)] = (trie, {})
    if len(known[1]) >= limit:
        known[1].clear()
    return known[1]
