"""The subject named after "that" and before its verb: "أكدت قسد أن خلية لتنظيم داعش قتلت اثنين من
عناصرها". After أنّ/إنّ (the language's QUOTE_THAT) a noun phrase comes first and the verb follows;
when the syntax stage read the phrase after the verb as the verb's subject because a genitive
(لتنظيم داعش) stood between, the phrase before the verb is the doer and the one after it the object."""
from __future__ import annotations

from typing import Optional

from coder.lang import profile_part


def _governing(p, before: int, verb: int, phrase_span) -> int:
    """The phrase that governs chunk `before` and ends right before the verb, else `before` itself."""
    start = p.chunks[before].start
    for j, c in enumerate(p.chunks):
        if j != before and c.end < start and phrase_span(p, j)[1] == verb - 1:
            return j
    return before


def fronted_subject(p, found, verb: int, toks, prof, groups, group_of, phrase_span) -> Optional[tuple]:
    """(source, target) for the predicate `found` (clause, predicate) at `verb` when a noun phrase
    opened right after "that" ends (with its genitives) right before the verb and the stage put the
    verb's subject after it; None otherwise."""
    if found is None or found[1].passive or verb == 0:
        return None
    k = found[1].arguments.get("subject")
    if k is None or p.chunks[k].start < verb or "object" in found[1].arguments:
        return None
    before = p.chunk_of[verb - 1]
    that = profile_part(prof, "QUOTE_THAT")     # (asked only for a verb with its subject after it)
    if before < 0 or not that:
        return None
    # the phrase that governs the chunk before the verb (خلية governs لتنظيم داعش)
    head = _governing(p, before, verb, phrase_span)
    start = p.chunks[head].start
    if start == 0 or toks[start - 1].norm not in that:
        return None
    src = group_of(p, head, groups)
    tgt = group_of(p, k, groups)
    if src is None or src is tgt:
        return None
    return src, tgt


def described_subject(p, found, verb: int, toks, prof, groups) -> Optional[object]:
    """"طاردت دورية مسلحين ملثمين أطلقوا النار على حاجز": a verb (`found`: its clause and predicate) that
    carries its own plural subject (the language's carries_subject) right after an indefinite actor
    phrase describes that phrase (a relative clause with no relative word): the phrase is its doer.
    None when the stage found the verb a subject of its own or the phrase before it is definite (then
    a new sentence may start)."""
    # with no object of its own, "قتلوا" after the people counted is their undiacritised passive
    if found is None or verb == 0 or found[1].passive or "subject" in found[1].arguments or "object" not in found[1].arguments \
            or not prof.carries_subject(toks[verb]):
        return None
    g = next((g for g in groups if g.last == verb - 1), None)
    if g is None or prof.is_definite(toks[g.first]) or prof.refers_back(toks, g.first):
        return None
    return g
