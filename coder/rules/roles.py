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
    """The actor group a phrase names: the one on its head first, else the first inside it."""
    if k is None:
        return None
    s, e = phrase_span(p, k)
    head = p.chunks[k].head
    inside = [g for g in groups if g.first <= e and g.last >= s]
    return next((g for g in inside if g.first <= head <= g.last), inside[0] if inside else None)


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
