"""Small helpers over token spans that several stages share."""
from __future__ import annotations

from coder.model import Mention, Token


def phrase_at(tokens: list[Token], i: int, phrase: tuple[str, ...]) -> bool:
    """Does `phrase` (lexicon keys) start at token i?"""
    if i + len(phrase) > len(tokens):
        return False
    return all(k in tokens[i + k_i].forms for k_i, k in enumerate(phrase))


def longest_non_overlapping(mentions: list[Mention]) -> list[Mention]:
    """Greedy: longest first, then leftmost; drops mentions that overlap a kept one."""
    kept: list[Mention] = []
    taken: set[int] = set()
    for m in sorted(mentions, key=lambda m: (-(m.last - m.first), m.first)):
        span = range(m.first, m.last + 1)
        if any(t in taken for t in span):
            continue
        kept.append(m)
        taken.update(span)
    kept.sort(key=lambda m: m.first)
    return kept
