"""The events of the coded triggers: one per source member and target member of their groups."""
from __future__ import annotations

from coder.rules.consolidate import is_reciprocal
from coder.rules.types import EventCandidate, names

_new = object.__new__
MAX_MEMBERS = 4         # events per slot from one coordinated group
_NO_ACTOR = (None,)     # the one member of an empty slot (a constant: no list built an event)
# an event's confidence by whether it has a source, a target and a verb trigger (worked out once)
_CONFIDENCE = {(s, t, v): round(min(0.45 + 0.2 * s + 0.2 * t + 0.1 * v, 0.95), 2)
               for s in (False, True) for t in (False, True) for v in (False, True)}


def _others(members: list, s) -> list:
    return [m for m in members if m is not s]


def expand(coded: list, text: str, nominal: set[int], trace: list[str]) -> list[EventCandidate]:
    """One event per source member and target member (coordinated groups), or, for a mutual event
    class with a compound subject and no target, one each way between the members."""
    events, seen = [], set()
    for h, src, tgt in coded:
        if src is None and tgt is not None and len(tgt.members) > 1 and is_reciprocal(h.entry.code) and \
                (h.first in nominal or bool(h.entry.objects)):   # a verb's victims do not fight each other
            # "اشتباكات بين الجيش وقوات الدعم السريع", "clashes between X and Y": the parties of a
            # mutual event named after it act on each other
            src, tgt, between = tgt, None, True
        else:
            between = False
        # the parties "between" whom it broke out fought each other, whatever verb launched it
        reciprocal = tgt is None and src is not None and len(src.members) > 1 and \
            (between or is_reciprocal(h.entry.code, bool(h.entry.objects)))
        if reciprocal:
            trace.append(f"{h.mention.text!r}: {names(src)} act on each other (a reciprocal event class)")
        verb = h.entry.pos == "verb"
        for s in (src.members[:MAX_MEMBERS] if src else _NO_ACTOR):
            s_code = s.code.code if s is not None else None     # (a code is a property: read once)
            targets = _others(src.members[:MAX_MEMBERS], s) if reciprocal else \
                (tgt.members[:MAX_MEMBERS] if tgt else _NO_ACTOR)
            for t in targets:
                t_code = t.code.code if t is not None else None
                if s is not None and t is not None and s_code == t_code:
                    if s.start == t.start:
                        continue
                    t = t_code = None   # an actor does not act on itself: "X said X ..." is a slip of the rules
                key = (h.entry.code, s_code, t_code, h.first)
                if key in seen:
                    continue
                seen.add(key)
                # (every field set on a bare instance: the dataclass's __init__ costs a Python frame an event)
                # (no more than three a statement: a longer unpacking builds a tuple)
                e = _new(EventCandidate)
                e.code, e.rule_id, e.trigger_tag = h.entry.code, h.entry.rule_id, h.entry.tag or ""
                e.evidence_start, e.evidence_end, e.evidence = h.start, h.end, text[h.start:h.end]
                e.trigger_first, e.source, e.target = h.first, s, t
                e.confidence = _CONFIDENCE[s is not None, t is not None, verb]
                e.target_from_location, e.location_role, e.nominal = False, None, h.first in nominal
                e.is_background, e.merged_spans = False, ()
                events.append(e)
    return events
