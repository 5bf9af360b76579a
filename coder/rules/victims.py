"""The victims of violence, not the building it struck near.

"A car bomb exploded near a mosque, killing seven people": a building named after a word of place
("near", "in front of", قرب, أمام) is where the bomb went off; the people the sentence counts
after it are whom it struck, as hand coders of CAMEO data code it (target CVL, not REL)."""
from __future__ import annotations

from coder.model import Actor
from coder.rules.types import ROOT, EventCandidate

VIOLENT_ROOTS = frozenset({"18", "19", "20"})


def victims_over_places(events: list[EventCandidate], actors: list[Actor], locative: set[int],
                        trace: list[str]) -> None:
    """A violent event whose target stands right after a locative word takes the first role-named
    actor after it that is not itself a place, nor the source, as its target."""
    if not locative:    # (no word of place: no target stands after one)
        return
    for e in events:
        t = e.target
        if ROOT[e.code] not in VIOLENT_ROOTS or t is None or t.name is None or (t.first - 1) not in locative:
            continue
        src = e.source
        for a in actors:
            if a.first <= t.last or not a.code.role or (a.first - 1) in locative or \
                    (src is not None and a.first == src.first):
                continue
            trace.append(f"{e.evidence!r}: {t.name!r} follows a word of place, where it struck; "
                         f"its target is {a.name!r}")
            e.target = a
            break
