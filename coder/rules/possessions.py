"""What a plural possessive pronoun owns when it refers to a coordinated subject: "Saudi Arabia and
Iran agreed to reopen their embassies" - the embassies are both parties' own, no third party and
no target of one of them, so the parties' mutual event stays mutual. And whose forces act in an
event noun whose genitive is its doer: "Belgium completed the withdrawal of its soldiers"."""
from __future__ import annotations

from coder.model import Actor
from coder.rules.types import names
from coder.lang import NO_WORDS


def drop_shared_possessions(actors: list[Actor], toks, prof, coord: set[int], trace: list[str]) -> list[Actor]:
    """Drop a role-only actor owned by a plural possessive (the language's `refers_to_many`) when the
    last two actors before it with a country or a group are joined by a coordinator alone."""
    # (set on every language profile, coder.lang.RULE_PARTS; the empty default for a profile that is
    # none of the languages', as coder.lang.profile_part gives it)
    many = getattr(prof, "refers_to_many", NO_WORDS)
    if not many:
        return actors
    kept = []
    for k, a in enumerate(actors):
        if not (a.code.country or a.code.group) and a.code.role and many(toks, a.first):
            named = [b for b in actors[:k] if b.code.country or b.code.group]
            if len(named) >= 2 and named[-2].last + 1 < named[-1].first and \
                    coord.issuperset(range(named[-2].last + 1, named[-1].first)):
                trace.append(f"{a.name!r}: owned by {named[-2].name!r} and {named[-1].name!r} together, "
                             "no party of its own")
                continue
        kept.append(a)
    return kept


def own_forces_act(coded: list, trace: list[str]) -> list:
    """"Belgium completed the withdrawal of its soldiers": in an event noun whose genitive is its doer
    (`genitive: source`), a state's own forces read as the target are the ones that act; the state
    that carries it out acts through them, and the event has no target of its own."""
    out = []
    for h, src, tgt in coded:
        if h.entry.genitive == "source" and src is not None and tgt is not None and len(src.members) == 1 and \
                len(tgt.members) == 1:
            s, t = src.members[0].code, tgt.members[0].code
            if s.country and not s.group and not s.role and t.country == s.country and t.role and not t.group:
                trace.append(f"{h.mention.text!r}: {names(tgt)} are {names(src)}'s own forces, the ones that act")
                src, tgt = tgt, None
        out.append((h, src, tgt))
    return out
