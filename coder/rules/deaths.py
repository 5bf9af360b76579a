"""Who died of an act of violence: "a prisoner died as a result of torture while in police custody".
The subject of a verb of dying before a violent event noun is its victim, not its doer; the actor
whose custody the victim was in, when the sentence says, held them. `group_of` is
coder.rules.roles.group_of, passed in since roles calls this module (as for coder/rules/pronouns.py)."""
from __future__ import annotations

from typing import Optional

from coder.rules.types import PUNCT_BARRIER, ROOT, Hit
from coder.lang import profile_part

LINK_WORDS = 5   # "died as a result of torture": the words between the verb and the event noun


def died_of(p, h: Hit, groups, toks, prof, harm_roots, group_of) -> Optional[tuple]:
    """(holder or None, victim) when the violent trigger h follows a verb of dying (the language's
    DEATH_VERBS) across a few linking words and no actor; else None."""
    verbs = prof.DEATH_VERBS   # (set on every language profile: coder.lang.RULE_PARTS)
    if not verbs or ROOT[h.entry.code] not in harm_roots:
        return None
    for j in range(h.first - 1, max(-1, h.first - 1 - LINK_WORDS), -1):
        if toks[j].norm in verbs:
            return _victim_of(p, h, groups, toks, prof, group_of, j)
    return None     # (most violent triggers: no verb of dying before them)


def _victim_of(p, h: Hit, groups, toks, prof, group_of, j: int) -> Optional[tuple]:
    """died_of for the verb of dying at token j (its tests read the groups and the words: cells made only here)."""
    if any(toks[i].norm in PUNCT_BARRIER or any(g.first <= i <= g.last for g in groups)
           for i in range(j + 1, h.first)):
        return None
    found = p.predicate(j)
    victim = group_of(p, found[1].arguments.get("subject"), groups) if found is not None else None
    if victim is None:
        return None
    custody = profile_part(prof, "CUSTODY_WORDS")
    holder = next((g for g in groups if h.last < g.first and g.last - h.last <= LINK_WORDS + 2 and
                   g.last + 1 < len(toks) and toks[g.last + 1].norm in custody), None)
    return holder, victim
