"""Source and target from the syntax stage's roles instead of token windows: the actor group in a
predicate's subject, object, target, agent or recipient phrase (a phrase reaches over its genitives:
"positions of the YPG", مواقع لقسد), and the owner a possessive pronoun refers to."""
from __future__ import annotations

from typing import Optional

from coder.model import ActorCode
from coder.rules.actors import ActorGroup

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


def group_of(p: Parse, k: Optional[int], groups: list[ActorGroup]) -> Optional[ActorGroup]:
    """The actor group a phrase names: the one on its head first, else the first inside it, else
    the first in the conjuncts that follow it ("معسكرات ومخازن لتنظيم داعش")."""
    if k is None:
        return None
    if p.chunks[k].refers_to is not None:      # "him", "the group": the phrase it refers to
        k = p.chunks[k].refers_to
    s, e = phrase_span(p, k)
    head = p.chunks[k].head
    inside = [g for g in groups if g.first <= e and g.last >= s]
    if not inside:
        for j in p.conjuncts(k):
            js, je = phrase_span(p, j)
            inside = [g for g in groups if g.first <= je and g.last >= js]
            if inside:
                break
    if not inside:
        # "سيارة تقل قياديين في قسد", "a school sheltering displaced families": who is in or on it
        for cl in p.clauses:
            if cl.kind == "relative" and cl.antecedent == k:
                inside = [g for g in groups if cl.start <= g.first and g.last <= cl.end]
                break
    return next((g for g in inside if g.first <= head <= g.last), inside[0] if inside else None)


def claimant(p: Parse, i: int, groups: list[ActorGroup]) -> Optional[ActorGroup]:
    """"هجوم تبناه تنظيم داعش", "an attack that ISIS claimed": the subject of a relative clause on
    an event noun is who did it."""
    k = p.chunk_of[i] if 0 <= i < len(p.chunk_of) else -1
    for cl in p.clauses:
        if cl.kind == "relative" and cl.antecedent == k and k >= 0 and cl.predicates:
            pr = cl.predicates[0]
            if not pr.passive and pr.arguments.get("subject") not in (None, k):
                return group_of(p, pr.arguments["subject"], groups)
    return None


def victims_of_event(p: Parse, verb: int, nominal_harm: list[int], prepositions) -> bool:
    """"قتل مقاتلان من قسد في هجوم تبناه داعش": a verb of harm with no object whose subject is followed
    by a violent event noun after a preposition (في هجوم، بغارة، جراء قصف) reports victims of that
    event: an undiacritised passive. `prepositions` tells whether a token opens with one."""
    found = p.predicate(verb)
    if found is None:
        return False
    cl, pr = found
    k = pr.arguments.get("subject")
    if k is None or "object" in pr.arguments or p.chunks[k].start < verb:
        return False
    end = phrase_span(p, k)[1]
    verbs = {q.verb for c in p.clauses for q in c.predicates}
    # the event noun follows the subject in the same clause, with no other verb between
    return any(end < n <= cl.end and prepositions(n) and not any(end < v < n for v in verbs) for n in nominal_harm)


def governor_of(p: Parse, i: int):
    """The predicate whose object, complement (قامت القوات باعتقال) or marked phrase (اتفقا على وقف
    إطلاق النار) is the phrase at token i."""
    for cl in p.clauses:
        for pr in cl.predicates:
            for role in ("object", "complement", "target", "manner"):
                k = pr.arguments.get(role)
                if k is not None:
                    s, e = phrase_span(p, k)
                    if s <= i <= e:
                        return pr
    return None


def nominal_roles(p: Parse, i: int, groups: list[ActorGroup], events: set[int] = frozenset()) -> Optional[tuple]:
    """"شنت طائرات تركية سلسلة غارات على ...", "Israeli jets carried out a wave of strikes": an event
    noun that is the object of a verb that is no event of its own (`events`: the other triggers'
    first tokens; "condemned the attack" is about an attack, not one) takes the verb's subject as
    its source, and the verb's target."""
    pr = governor_of(p, i)
    if pr is None or pr.passive or pr.verb in events:
        return None
    src = group_of(p, pr.arguments.get("subject"), groups)
    tgt = next((g for r in ("target", "recipient") if (g := group_of(p, pr.arguments.get(r), groups)) is not None
                and not phrase_span(p, pr.arguments[r])[0] <= i <= phrase_span(p, pr.arguments[r])[1]), None)
    return (src, tgt) if src is not None else None


def roles_for(p: Parse, verb: int, groups: list[ActorGroup]) -> Optional[tuple]:
    """(source, target, how) for the predicate at token `verb`, or None when the stage found no
    actor in its arguments."""
    found = p.predicate(verb)
    if found is None:
        return None
    _, pr = found
    arg = pr.arguments
    subject = group_of(p, arg.get("subject"), groups)
    if pr.passive:
        src = group_of(p, arg.get("agent"), groups)
        tgt = subject or group_of(p, arg.get("patient"), groups)
        how = "syntax: passive, the agent after by is the source, the subject the target"
    else:
        src = subject
        tgt = None
        for role in ("object", "target", "recipient"):
            tgt = group_of(p, arg.get(role), groups)
            if tgt is not None and tgt is not src:
                break
            tgt = None
        how = "syntax: " + "; ".join(f"{r} {pr.how.get(r, '')}".strip() for r in arg)
    if src is None and tgt is None:
        return None
    return src, tgt, how


def resolve_owners(p: Parse, actors, trace: list[str]) -> set[int]:
    """"The SDF said ISIS killed three of its fighters": a role-only actor in a phrase a possessive
    pronoun owns belongs to the actor the stage found as the pronoun's referent. Returns the
    actors' first tokens it settled."""
    settled = set()
    for a in actors:
        if a.code.country or a.code.group or not a.code.role:
            continue
        c = p.chunk_at(a.first)
        if c is None or not c.owned or c.possessor is None:
            continue
        s, e = phrase_span(p, c.possessor)
        owner = next((b for b in actors if b is not a and s <= b.first <= e and (b.code.country or b.code.group)), None)
        if owner is None:
            continue
        a.code = ActorCode(owner.code.country, owner.code.group, a.code.role)
        settled.add(a.first)
        trace.append(f"{a.name!r}: the possessive pronoun refers to {owner.name!r} (syntax) -> {a.code.code}")
    return settled
