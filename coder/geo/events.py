"""Where an event happened: the place of its sentence it takes (SPEC 7).

A place mention is a candidate for an event unless it names an actor ("Russia condemned",
"Damascus said"), lies in the attribution that closes the sentence ("..., the ministry in Berlin
said"), or belongs to another event of the sentence (the last event word before the place is
that event's, when this event has a place of its own). A place after a locative cue goes before one without; the nearest wins;
within its country the most specific ("in Iraq's Kurdistan region" -> the region). A country or
capital named as the destination ("delivered tanks to Ukraine", "وصل إلى تل أبيب") locates a visit,
a delivery or a handover, not a statement.
"""
from __future__ import annotations

from typing import Optional, Sequence

from coder.model import PlaceMention

SPECIFIC = {"site": 0, "locality": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5}
COARSER = {"site": "locality", "locality": "admin2", "admin2": "admin1", "admin1": "country",
           "country": "country", "region": "region"}
_PUNCT = frozenset(",;:()\"«»،؛-–—")
# what opens a report after a reporting verb: a colon or a quotation mark
_REPORT_OPENERS = frozenset(':"«“')


def names_actor(p: PlaceMention, actors) -> bool:
    """Is the place mention an actor of the sentence rather than where something happened? A
    capital standing for its government, an organisation or a role noun ("Damascus said"), and a
    country named bare as an actor ("Russia condemned"); a town named as a bare actor ("struck
    Aleppo") is still a place, and a locative cue ("in Iran") or a place word ("the town of")
    always makes one."""
    if p.locative or p.typed:
        return False
    for a in actors:
        if a.start < p.end and p.start < a.end and \
                (a.code.role or a.code.group or p.place.precision in ("country", "region")):
            return True
    return False


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def in_attribution(p: PlaceMention, event_start: int, event_end: int, speech_starts: Sequence[int],
                   text: str) -> bool:
    """Is the place where the report was made, not the event? "..., the defence ministry in Berlin
    said": after the event, in the clause of a reporting verb after it (no punctuation between place
    and verb, some between event and place); "told reporters at the White House: ...": between a
    reporting verb and the colon or quotation mark that opens the report."""
    # (a stretch of text holds one of the characters where the set is not disjoint from it: one C
    # call, where a generator stepped through the stretch a character at a time)
    for s in speech_starts:
        if event_end <= p.start and p.end <= s and _PUNCT.isdisjoint(text[p.end:s]) \
                and not _PUNCT.isdisjoint(text[event_end:p.start]):
            return True
        # "وقال للصحفيين في البيت الأبيض: ..." — a place between the reporting verb and a colon or
        # quotation that opens the report
        if s < p.start and p.end <= event_start and not _REPORT_OPENERS.isdisjoint(text[p.end:event_start]) \
                and _REPORT_OPENERS.isdisjoint(text[s:p.start]):
            return True
    return False


def choose_place(places: Sequence[PlaceMention], actors, event: tuple[int, int], other_events: Sequence[tuple[int, int]],
                 speech_starts: Sequence[int], text: str, moves: bool,
                 exclude: Optional[PlaceMention] = None,
                 target: Optional[tuple[int, int]] = None) -> Optional[PlaceMention]:
    """The event's place among the sentence's, or None. `moves`: the event is done on the ground
    (not said): a destination locates it ("delivered tanks to Ukraine"), and so does a city that
    is its target ("entered Kabul", "struck Damascus"), though the city also names a government.
    `target`: the span of the event's target actor."""
    # (a loop, not a comprehension calling a nested test: no function object and no frame an event)
    usable = []
    for p in places:
        # a place that names an actor is kept where the event moves to it or strikes it (its target)
        # (names_actor's first test, a cue, and in_attribution's, a word of speech, asked here: most
        # places have a cue and most sentences no word of speech, and then neither is called)
        if not (p.locative or p.typed) and names_actor(p, actors) and not (moves and (p.destination or (
                target is not None and target[0] < p.end and p.start < target[1]
                and p.place.precision not in ("country", "region")))):
            continue
        if not speech_starts or not in_attribution(p, event[0], event[1], speech_starts, text):
            usable.append(p)
    if exclude is not None and len(usable) > 1:
        usable = [p for p in usable if p is not exclude]
    # a place belongs to the event whose clause it closes: the last event word before it (places
    # follow their verb, in SVO and VSO alike: "met X at the White House and rejected a plan"),
    # else the first after it
    own = [p for p in usable if _owner(p, event, other_events) is event] if other_events else usable
    # a statement does not borrow the place of another event ("met at the White House and rejected
    # a plan to displace people from Gaza"); a deed on the ground may (one story, one place)
    usable = own or (usable if moves else [])
    if not usable:
        return None
    if len(usable) == 1:   # (most events: one place, none nearer and none inside it to prefer)
        return usable[0]
    pool = [p for p in usable if p.locative or (moves and p.destination)] or usable
    p = _nearest(pool, event[0])
    inside = [q for q in usable if q.place.country == p.place.country
              and SPECIFIC.get(q.place.precision, 5) < SPECIFIC.get(p.place.precision, 5)]
    if inside and p.place.precision in ("country", "region", "admin1"):
        best = min(SPECIFIC.get(q.place.precision, 5) for q in inside)
        p = _nearest([q for q in inside if SPECIFIC.get(q.place.precision, 5) == best], event[0])
    return p


def _owner(p: PlaceMention, event: tuple[int, int], others: Sequence[tuple[int, int]]) -> tuple[int, int]:
    spans = [event, *others]
    before = [e for e in spans if e[0] <= p.start]
    if before:
        return max(before, key=lambda e: e[0])
    return min(spans, key=lambda e: _gap((p.start, p.end), e))


def _nearest(items, pos: int):
    return min(items, key=lambda x: min(abs(x.start - pos), abs(x.end - pos)))
