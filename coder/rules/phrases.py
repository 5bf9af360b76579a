"""The phrases of the syntax stage's parse and the actor groups they name: a phrase reaches over
its genitives ("positions of the YPG", مواقع لقسد)."""
from __future__ import annotations

from typing import Optional

from coder.rules.actors import ActorGroup, groups_overlapping, groups_within

Parse = object    # coder.syntax.Parse: the stages meet in coder/pipeline.py, so only its shape is read here


def phrase_span(p: Parse, k: int) -> tuple[int, int]:
    """A chunk's tokens with the genitive chunks it governs ("the president of Egypt")."""
    c = p.chunks[k]
    start, end = c.start, c.end
    for rel, i in c.modifiers:
        if rel == "of":
            g = p.chunk_of[i]
            if g >= 0 and g != k:
                end = max(end, phrase_span(p, g)[1])
    return start, end


def phrase_holds(p: Parse, k: int, i: int) -> bool:
    """Does phrase k (with its genitives) hold token i? Its own chunk answers most questions: the
    genitives are read only for a token after it."""
    c = p.chunks[k]
    return c.start <= i and (i <= c.end or i <= phrase_span(p, k)[1])


def group_of(p: Parse, k: Optional[int], groups: list[ActorGroup]) -> Optional[ActorGroup]:
    """The actor group a phrase names: the one on its head first, else the first inside it, else
    the first in the conjuncts that follow it ("معسكرات ومخازن لتنظيم داعش")."""
    if k is None or not groups:     # (no actor in the sentence: no phrase names one)
        return None
    c = p.chunks[k]
    if c.refers_to is not None:      # "him", "the group": the phrase it refers to
        k = c.refers_to
        c = p.chunks[k]
    if not c.modifiers:
        # (most phrases: no modifier, so no genitive and no apposition; the group on the head, else
        # the first in the chunk, found in one pass over the groups with no list built)
        start, end, head = c.start, c.end, c.head
        first = None
        for g in groups:
            if g.first <= end and g.last >= start:
                if g.first <= head <= g.last:
                    return g
                if first is None:
                    first = g
        if first is not None:
            return first
        inside = None
    else:
        inside = groups_overlapping(groups, *phrase_span(p, k))
    if not inside:
        for j in p.conjuncts(k):
            inside = groups_overlapping(groups, *phrase_span(p, j))
            if inside:
                break
    if not inside:
        # "سيارة تقل قياديين في قسد", "a school sheltering displaced families": who is in or on it
        for cl in p.clauses:
            if cl.kind == "relative" and cl.antecedent == k:
                inside = groups_within(groups, cl.start, cl.end)
                break
        if not inside:
            return None
    head = c.head
    for rel, i in c.modifiers:      # (a loop: no generator a phrase)
        if rel == "appos":
            # "the opposition newspaper La Prensa": the name apposed to the head names the actor
            for g in inside:
                if g.first <= i <= g.last:
                    head = i
                    break
            break
    for g in inside:
        if g.first <= head <= g.last:
            return g
    return inside[0]
