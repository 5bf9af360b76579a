"""Which event of a sentence each quantity counts for (SPEC 6).

A quantity goes to the event whose evidence is nearest (0 when the quantity sits inside it:
"freed 222 prisoners"). A toll (killed, injured) goes to the nearest violent event, so the
participle clause of "Two car bombs exploded ..., killing at least 100 people, and the president
blamed militants" counts the bombing's dead, not the blame's. Events coded from one trigger for
several actors ("Syrian and Russian air strikes killed 31") share its quantities, and a violent
event with no toll of its own shares the toll of the violent event the sentence gives one. Years and dates
are never counts: a number inside a date expression is dropped.
"""
from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter
from typing import Optional, Sequence

from coder.model import QuantityValue, ResolvedDate

OUTCOME_UNITS = frozenset({"killed", "injured"})
_START = attrgetter("start")


@dataclass(slots=True)   # (not frozen, whose __init__ sets each field through a call: made per event)
class EventSpan:
    start: int
    end: int
    violent: bool
    background: bool = False
    source: str | None = None   # the code of the event's source actor
    source_span: tuple[int, int] | None = None   # where the source actor is named
    also: tuple = ()   # (start, end) of other triggers merged into this event (rules/consolidate.py)


def not_dates(quantities: Sequence[QuantityValue], dates: Sequence[ResolvedDate]) -> list[QuantityValue]:
    """The quantities that do not overlap a date expression ("killed in 2002", "في 7 تشرين الأول")."""
    if not dates:   # (most sentences: no date, and each quantity asks no generator)
        return list(quantities)
    return [q for q in quantities if not any(d.start < q.end and q.start < d.end for d in dates)]


def to_one_event(quantities: Sequence[QuantityValue]) -> dict[int, list[QuantityValue]]:
    """What `attach` gives where the sentence has one event: every quantity is its, in text order
    (no other event to be nearer, to share a toll or a source with). Most sentences that count
    something have one event: its span, its source and the parts of counts need not be worked out."""
    return {0: sorted(quantities, key=_START)} if quantities else {}


def _gap(q: QuantityValue, e: EventSpan) -> int:
    """Characters between the quantity and the nearest of the event's words, 0 where they touch.
    (Conditionals, not min() of a generator of max() calls: asked per quantity and event)"""
    qs, qe = q.start, q.end
    a, b = e.start - qe, qs - e.end
    g = a if a > b else b
    for s, t in e.also:
        a, b = s - qe, qs - t
        if b > a:
            a = b
        if a < g:
            g = a
    return g if g > 0 else 0


def attach(quantities: Sequence[QuantityValue], events: Sequence[EventSpan],
           parts: Optional[dict[int, int]] = None) -> dict[int, list[QuantityValue]]:
    """Event index -> its quantities, in text order. `parts`: quantity index -> index of the count
    it is part of ("18 killed, including six staff"); a part goes where its count goes."""
    out: dict[int, list[QuantityValue]] = {}
    if not events:
        return out
    chosen: dict[int, int] = {}
    for k, q in enumerate(quantities):
        pool = range(len(events))
        if q.unit in OUTCOME_UNITS and any(e.violent for e in events):
            pool = [i for i in pool if events[i].violent]
        # nearest first; on a tie the news event before a background one, the earlier event first
        best = min(pool, key=lambda i: (_gap(q, events[i]), events[i].background, events[i].start))
        if parts and parts.get(k) in chosen:
            best = chosen[parts[k]]
        chosen[k] = best
        for i, e in enumerate(events):
            if e.start == events[best].start and e.end == events[best].end:
                out.setdefault(i, []).append(q)
    # one toll, several violent events of one story ("car bombs exploded ..., killing 100"; "31 were
    # killed by Syrian and Russian air strikes"): a violent event with no toll of its own takes the
    # nearest toll of a violent event of the same standing (news or background)
    tolls = [(i, q) for i, qs in out.items() if events[i].violent for q in qs if q.unit in OUTCOME_UNITS]
    for i, e in enumerate(events):
        if not e.violent or any(q.unit in OUTCOME_UNITS for q in out.get(i, [])):
            continue
        near = [q for j, q in tolls if events[j].background == e.background]
        for unit in OUTCOME_UNITS:
            same = [q for q in near if q.unit == unit]
            if same:
                out.setdefault(i, []).append(min(same, key=lambda q: (_gap(q, e), q.start)))
    # a count of the actors who act, written on the source ("thirty fighters burned their weapons
    # ... to disarm", "hundreds of settlers attacked ... and set fire"), goes with every event of
    # that source in the sentence
    for i, qs in list(out.items()):
        if events[i].source is None:
            continue
        span = events[i].source_span
        for q in [q for q in qs if span is not None and q.start < span[1] and span[0] < q.end]:
            for j, e in enumerate(events):
                if j != i and e.source == events[i].source and e.background == events[i].background \
                        and q not in out.get(j, []):
                    out.setdefault(j, []).append(q)
    for qs in out.values():
        qs.sort(key=lambda q: q.start)
    return out
