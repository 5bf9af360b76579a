"""The mentions and triggers the rules keep or drop, and the token sets they read off them: helpers
of the engine (coder/rules/engine.py) and of the syntax readings (coder/rules/roles.py). Loops and
plain functions, no comprehension over a caller's locals: such a comprehension makes a cell of each
local it reads at every call of its caller, a cost paid once a sentence or once a trigger."""
from __future__ import annotations

from coder.model import Mention
from coder.rules.actors import ActorGroup
from coder.rules.types import ROOT, Hit

# forces and envoys in a trigger's object are the means ("offered troops", "recalled ambassadors")
MEANS = frozenset({"MIL", "COP", "SPY", "UAF", "GOV"})


def in_longer_name(m: Mention, actor_ms: list[Mention]) -> bool:
    """Does a longer actor mention hold the trigger mention m?"""
    for a in actor_ms:
        if a.first <= m.first and m.last <= a.last and (a.last - a.first) > (m.last - m.first):
            return True
    return False


def outside_longer_names(triggers: list[Mention], actor_tokens: set[int], actor_ms: list[Mention]) -> list[Mention]:
    """The trigger mentions no longer actor mention holds (`actor_tokens`: the actor mentions' words):
    the list given itself where none does, as in most sentences (no list built), else a new one."""
    for m in triggers:
        if m.first in actor_tokens and in_longer_name(m, actor_ms):
            return [m for m in triggers if m.first not in actor_tokens or not in_longer_name(m, actor_ms)]
    return triggers


def outside_triggers(actor_ms: list[Mention], hits: list[Hit], trigger_tokens: set[int], toks, prof) -> list[Mention]:
    """The actor mentions outside every trigger phrase, and the people (not the means) in a
    trigger's object."""
    objects = set()
    for h in hits:
        for t in h.tokens:
            if t > h.last:
                objects.add(t)
    kept = []
    for m in actor_ms:
        words = range(m.first, m.last + 1)
        if trigger_tokens.isdisjoint(words) or (m.kind == "agent" and m.entry.code.role not in MEANS and
                                                not prof.refers_back(toks, m.first) and objects.issuperset(words)):
            kept.append(m)
    return kept


def without_mentions(mentions: list[Mention], dropped: list[Mention]) -> list[Mention]:
    """The mentions but those in `dropped` (compared as records)."""
    return [m for m in mentions if m not in dropped]


def without_firsts(mentions: list[Mention], dropped: list[Mention]) -> list[Mention]:
    """The mentions but those starting where one of `dropped` does (by first word: the mentions
    overlap nowhere, and a list test would compare them field by field)."""
    firsts = {m.first for m in dropped}
    return [m for m in mentions if m.first not in firsts]


def unnamed_roles(roles: dict[str, set[int]], agent_spans: list[tuple[int, int]],
                  named: set[int]) -> tuple[dict[str, set[int]], list[tuple[int, int]]]:
    """The grammar roles and agent markers without the words that name an actor."""
    return {role: idx - named for role, idx in roles.items()}, [(f, l) for f, l in agent_spans if f not in named]


def opens_conjunct(actor_ms: list[Mention], toks, prof, i: int) -> bool:
    """Is the actor mention at token i read through a conjunction written on it (وتركيا)?"""
    for m in actor_ms:
        if m.first == i and prof.starts_with_coordinator(toks[i], m.first_form):
            return True
    return False


def named_by(group: ActorGroup, agents: tuple[str, ...]) -> bool:
    """Does a member of the group come from one of these agent entries?"""
    for m in group.members:
        for r in m.rule_ids:
            if r in agents:
                return True
    return False


def read_as_verbs(mentions: list[Mention], tags) -> set[int]:
    """The first words of the trigger mentions that are verbs the syntax stage reads as verbs."""
    verbs = set()
    for v in mentions:
        if v.entry.pos == "verb" and tags[v.first] == "VERB":
            verbs.add(v.first)
    return verbs


def drop_objects_read_otherwise(kept: list[Hit], readings: list[Hit], text: str, trace: list) -> None:
    """A no-event reading longer than a light verb's object reads the object otherwise ("شن ... هجوما
    قويا على الوزير": an attack in words): the verb has no object, so no event; it leaves `kept`."""
    for h in [h for h in kept if h.entry.objects]:
        obj = {t for t in h.tokens if t > h.last}
        other = next((r for r in readings if obj and not r.entry.objects and r.first == min(obj)
                      and max(r.tokens) > max(obj)), None)
        if other is not None:
            trace.append(f"{text[h.start:h.end]!r}: its object is read as {other.entry.rule_id}, no event")
            kept.remove(h)


def harm_noun_starts(hits: list[Hit], nominal: set[int], harm_roots) -> list[int]:
    """The first words of the violent event nouns among the triggers (in their order)."""
    out = []
    for x in hits:
        if x.first in nominal and ROOT[x.entry.code] in harm_roots:
            out.append(x.first)
    return out


def harm_noun_words(hits: list[Hit], nominal: set[int], harm_roots) -> set[int]:
    """Every word of the violent event nouns among the triggers."""
    out = set()
    for x in hits:
        if x.first in nominal and ROOT[x.entry.code] in harm_roots:
            out.update(range(x.first, x.last + 1))
    return out


def other_triggers(hits: list[Hit], h: Hit) -> set[int]:
    """The first words of the triggers other than h."""
    out = set()
    for x in hits:
        if x is not h:
            out.add(x.first)
    return out
