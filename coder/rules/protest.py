"""The object of a protest named later in the sentence.

A demonstration the text gives no grammatical target is still against someone the sentence names
after it: the chants ("death to America"), the purpose ("protesting the visit of the US president"),
the demand ("calling for the government to resign"). Hand coders of CAMEO data code that party as the
target, not the country where the crowd gathered."""
from __future__ import annotations

from coder.model import Actor
from coder.rules.types import ROOT, EventCandidate

PROTEST_ROOT = "14"
# the police at a peaceful protest watch or disperse it; it is not against them unless the text
# says so with a preposition (a target the syntax already found); fellow protesters are no target
_NOT_OBJECTS = frozenset({"COP"})
_VIOLENT_ROOTS = frozenset({"17", "18", "19", "20"})
_VIOLENT_PROTEST = frozenset({"145", "1451", "1452", "1453", "1454"})   # a riot does strike the police


def protest_objects(events: list[EventCandidate], actors: list[Actor], trace: list[str],
                    marked: frozenset[int] = frozenset()) -> None:
    """Give a protest with no target the first actor named after its trigger that is not its source;
    one a target marker introduces ("هتافات معادية لإيران", "chants against Iran": `marked` holds the
    tokens right after such markers) before one named without ("رافعين صور الرئيس")."""
    for e in events:
        if ROOT[e.code] == PROTEST_ROOT:
            _protest_objects(events, actors, trace, marked)
            return
    # (most sentences report no protest)


def _protest_objects(events: list[EventCandidate], actors: list[Actor], trace: list[str], marked: frozenset[int]) -> None:
    """protest_objects once a protest is among the events (its tests read the events: cells made only here)."""
    # the agent of a violent act in the sentence (the troops who opened fire, the police who beat the
    # crowd) acts there; it is not the object of the protest named after the trigger
    agents = {ev.source.first for ev in events if ev.source is not None and ROOT[ev.code] in _VIOLENT_ROOTS}
    for e in events:
        if ROOT[e.code] != PROTEST_ROOT:
            continue
        src = e.source
        if e.target is not None and src is not None and e.target.code == src.code:
            # "الفلسطينيون يحملون الأعلام الفلسطينية": the protesters' own flags are no target
            e.target = None
        if e.target is not None:
            # "ساروا رافعين صور الرئيس وهتفوا ضد إسرائيل": what the chants are against is the target, not
            # the phrase after the march verb
            own = e.target
            marked_party = next((a for a in actors if a.first in marked and a.first > e.trigger_first and
                                 own.first not in marked and a.code != own.code and
                                 (src is None or (a.first != src.first and a.code != src.code))), None)
            if marked_party is not None:
                e.target = marked_party
                trace.append(f"{e.evidence!r}: the protest is against {marked_party.name!r}, which a marker names, "
                             f"not {own.name!r}")
            continue
        # the other members of a compound subject march with this one ("المتظاهرين والقوات": one event a member)
        fellows = {ev.source.first for ev in events if ev.trigger_first == e.trigger_first and ev.source is not None}
        found = []
        for a in actors:
            if a.first <= e.trigger_first or a.first in agents or a.first in fellows or \
                    (src is not None and (a.first == src.first or a.code == src.code)):
                continue
            if _crowd(a) or (a.code.role in _NOT_OBJECTS and e.code not in _VIOLENT_PROTEST) or (src is not None and a.code.role and a.code.role == src.code.role):
                continue
            found.append(a)
        if not found:
            continue
        a = next((b for b in found if b.first in marked), found[0])
        e.target = a
        e.target_from_location = False
        trace.append(f"{e.evidence!r}: no target of its own; the protest is against {a.name!r}, named after it")


def _crowd(a: Actor) -> bool:
    """Civilians of no country or group named after a protest ("the protesters", "the people") are the
    crowd itself or its bystanders, never what it protests against."""
    return a.code.role == "CVL" and not a.code.country and not a.code.group
