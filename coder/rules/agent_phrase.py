"""The agent of an undiacritised passive in a phrase the syntax stage read as a target: "قتل جنديان
على يد عناصر من داعش" (killed at the hands of ISIS members) is ISIS acting on the soldiers. The
marker's words come from the syntax data (`argument_markers: agent`), so "على" alone stays a target
marker and "على يد" an agent marker whatever the stage chose."""
from __future__ import annotations

from typing import Optional

from coder.rules.syntax_words import agent_markers


def marked_agent(p, found, toks, prof, groups, group_of) -> Optional[tuple]:
    """(agent, patient) for the predicate `found` (a verb's clause and predicate) when its target
    phrase opens with the last word of an agent marker (على | يد عناصر ...): the actor in that
    phrase, and the actor in its subject (the patient of the passive), or None."""
    if found is None:
        return None
    pr = found[1]
    k = pr.arguments.get("target")
    if k is None:
        return None
    j = p.chunks[k].start
    if j < 1 or (toks[j - 1].norm, toks[j].norm) not in agent_markers(prof.CODE):
        return None
    agent = group_of(p, k, groups)
    if agent is None:
        return None
    patient = group_of(p, pr.arguments.get("subject"), groups)
    return agent, (patient if patient is not agent else None)
