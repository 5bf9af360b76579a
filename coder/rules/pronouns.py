"""The object a verb carries as a pronoun (اعتقلتهم "arrested them", منحتهم "granted them",
استقبله "received him"): with no object phrase after the verb, its target is the actor the pronoun
refers to, the one named last before the verb that is not its subject."""
from __future__ import annotations

from typing import Optional

from coder.rules.actors import ActorGroup
from coder.rules.types import Hit

Parse = object    # coder.syntax.Parse, read by its shape only (as in coder/rules/roles.py)


def _codes(g: ActorGroup) -> set[str]:
    return {m.code.code for m in g.members}


def _one_party(a, b) -> bool:
    """Two actor codes that may name one party: the same group, or the same role of one country
    (or of an unnamed one: "قوة من الجيش" and "الجيش الإسرائيلي"), or a bare country and its part."""
    if a.group or b.group:
        return a.group == b.group
    if a.role and b.role:
        return a.role == b.role and (not a.country or not b.country or a.country == b.country)
    return bool(a.country) and a.country == b.country


def _same_party(g: ActorGroup, src: Optional[ActorGroup]) -> bool:
    """The subject itself, or a name for it ("قالت القاهرة إن مصر ...")."""
    if src is None:
        return False
    return g is src or any(_one_party(m.code, n.code) for m in g.members for n in src.members)


def _carries_object(h: Hit, toks, prof) -> bool:
    """The verb word ends in a pronoun the lexicon form it matched does not have (اتهم ends in هم
    as written: no pronoun)."""
    t = toks[h.first]
    return prof.refers_back(toks, h.first) and not t.norm.endswith(t.forms[h.mention.first_form])


def _in_group(groups: list[ActorGroup], i: int) -> bool:
    for g in groups:
        if g.first <= i <= g.last:
            return True
    return False


def pronoun_object(p: Parse, h: Hit, groups: list[ActorGroup], src: Optional[ActorGroup], toks, prof,
                   group_of) -> Optional[ActorGroup]:
    """The actor the object pronoun on the verb `h` refers to, or None."""
    if h.entry.subject_is_target or p.tags[h.first] != "VERB" or not _carries_object(h, toks, prof):
        return None
    clause = p.clause_of(h.first)
    if clause is not None and clause.kind == "relative":
        # "المسلحون الذين اعتقلتهم الشرطة": the pronoun repeats what the clause describes, an actor
        # or a thing ("الهجوم الذي نفذته"), never another actor named before
        g = group_of(p, clause.antecedent, groups) if clause.antecedent is not None else None
        return g if g is not None and not _same_party(g, src) else None
    before = h.first - 1
    if before >= 0 and p.tags[before] in ("NOUN", "ADJ") and not _in_group(groups, before):
        # "مسيرات ضخمة نظمتها النقابات": a verb right after a noun that names no actor describes it
        # (a relative clause with no relative word), and its pronoun is that noun
        return None
    for g in reversed(groups):
        if g.last < h.first and not _same_party(g, src):
            return g
    return None
