"""From actor and agent mentions to actor phrases and coordinated groups.

"Syrian" + "troops" -> one actor SYRMIL; "الرئيس الأمريكي دونالد ترامب" -> USAGOV; "Hungarian and
Romanian officials" -> two actors HUNGOV, ROUGOV (the role of the last conjunct is shared)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

from coder.model import Actor, ActorCode, Mention, Token

MAX_GAP = 1          # unknown tokens allowed between parts of one actor phrase


@dataclass(slots=True)
class ActorGroup:
    """One or more coordinated actors filling one slot."""
    members: list[Actor]
    first: int
    last: int


def _conflict(a: ActorCode, b: ActorCode, b_is_agent: bool) -> bool:
    """Parts that cannot belong to one actor: two countries, two groups, or a second role noun
    ("مهاجم انتحاري 47 شخصا" is an attacker and his victims; "الرئيس ... ترامب" is one person).
    A role noun after a named group is its members ("ISIS fighters"): the group keeps its role."""
    return bool((a.country and b.country and a.country != b.country) or
                (a.group and b.group and a.group != b.group) or
                (b_is_agent and a.role and b.role and a.role != b.role and not a.group))


def _code_of(m: Mention, day: Optional[dt.date]) -> ActorCode:
    ref = m.entry
    return ref.code_on(day) if m.kind == "actor" else ref.code


def build_actors(mentions: list[Mention], tokens: list[Token], text: str, barrier: set[int],
                 day: Optional[dt.date], prof) -> list[Actor]:
    """Merge adjacent actor/agent mentions (at most MAX_GAP tokens apart, no barrier token between:
    coordinators, punctuation, clause breaks, triggers) into actors."""
    actors: list[Actor] = []
    for m in mentions:
        code = _code_of(m, day)
        if actors:
            prev = actors[-1]
            gap = range(prev.last + 1, m.first)
            if len(gap) <= MAX_GAP and not any(g in barrier for g in gap) and \
                    not prof.starts_with_preposition(tokens[m.first], m.first_form) and \
                    not _conflict(prev.code, code, m.kind == "agent"):
                prev.code = prev.code.merged(code)
                prev.last, prev.end = m.last, m.end
                prev.name = text[prev.start:prev.end]
                prev.rule_ids = prev.rule_ids + (m.rule_id,)
                continue
        actors.append(Actor(code, text[m.start:m.end], m.first, m.last, m.start, m.end, (m.rule_id,)))
    return actors


def group_actors(actors: list[Actor], coordinator_at: set[int], tokens: list[Token]) -> list[ActorGroup]:
    """Actors joined by coordinators (or commas inside a list ending in a coordinator) form a group.
    Bare countries in a group take the role of a member that has one ("Hungarian and Romanian officials")."""
    groups: list[ActorGroup] = []
    for a in actors:
        if groups:
            g = groups[-1]
            gap = list(range(g.last + 1, a.first))
            if gap and all(i in coordinator_at or tokens[i].norm == "," for i in gap) and \
                    any(i in coordinator_at for i in gap):
                g.members.append(a)
                g.last = a.last
                continue
        groups.append(ActorGroup([a], a.first, a.last))
    for g in groups:
        if len(g.members) > 1:
            roles = [m.code.role for m in g.members if m.code.role]
            if roles:
                for m in g.members:
                    if not m.code.role and not m.code.group:
                        m.code = ActorCode(m.code.country, m.code.group, roles[-1])
    return groups
