"""A member named by the force it serves in.

"اغتالوا ضابطا في الشرطة" (an officer in the police), "قتلوا عنصرا في الجيش العراقي", "a fighter
from al-Qaeda": a person known only by a role word, followed by "in"/"from" and an armed force or a
named group, belongs to that force; the actor is the force's code (COP, IRQMIL, ALQ), not the
role the bare noun would have (an "officer" is not always military, an "element" not always an
insurgent)."""
from __future__ import annotations

from coder.model import Actor

# forces a person serves in; a place-like institution after "in" (a school, a market) is where, not whose
_FORCES = frozenset({"MIL", "COP", "SPY", "INS", "REB"})
# "خطفوا 15 شخصا في نقطة تفتيش": people at a checkpoint are civilians, not its police
_NOT_MEMBERS = frozenset({"CVL"})


def members_of_forces(actors: list[Actor], between: set[int], trace: list[str]) -> None:
    """Recode a role-only actor followed, across only `between` words ("in", "from"), by a force."""
    for a, b in zip(actors, actors[1:]):
        if a.code.country or a.code.group or not a.code.role or a.code.role in _NOT_MEMBERS or a.name is None:
            continue
        gap = range(a.last + 1, b.first)
        if not gap or not between.issuperset(gap):   # (one test in C: no generator a pair)
            continue
        if not (b.code.role in _FORCES or b.code.group):
            continue
        trace.append(f"{a.name!r} serves in {b.name!r}: {b.code.code}")
        a.code = b.code
