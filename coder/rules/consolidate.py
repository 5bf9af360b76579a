"""What the rules do once every trigger has its actors: merge the triggers that report one event,
supply the actors an event class implies, recode by who acted (coder/lexicon/implicit_actors.yaml)."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from operator import attrgetter

from coder.lang import profile
from coder.lang.numbers import load_lexicon
from coder.lexicon.load import implicit_actors
from coder.model import Actor, ActorCode
from coder.rules.types import ROOT, EventCandidate


def is_reciprocal(code: str, launched: bool = False) -> bool:
    """"Brazil and the United States agreed", "X and Y clashed": with no other target, the members of
    the subject act on each other (implicit_actors.yaml rules with `reciprocal: true`). Violence
    launched with a light verb and its object ("شنت X وY هجوما") is one-sided: both attacked."""
    if launched and ROOT[code] in _FAMILY:
        return False
    return _rules_for(code)[0]


@lru_cache(maxsize=None)    # (one entry per event code; the rules are loaded once a process)
def _rules_for(code: str) -> tuple[bool, tuple]:
    """Does a reciprocal rule of implicit_actors.yaml cover the code, and which other rules can apply
    to an event of it, with their places in the file: an event is tried against those few, not all."""
    rules = implicit_actors()
    reciprocal = any(r.reciprocal and (ROOT[code] in r.roots or code in r.codes) for r in rules)
    # (a mirror rule is read by its codes alone, the others by their roots too)
    return reciprocal, tuple((i, _PlainRule(r)) for i, r in enumerate(rules)
                             if not r.reciprocal and (code in r.codes or (not r.mirror and ROOT[code] in r.roots)))


class _PlainRule:
    """An implicit_actors.yaml rule's fields as plain attributes. (apply_rule reads several fields of
    each rule an event is tried against; a field of the validated model is read by the interpreter's
    generic attribute path, about three times as slow as a slot.)"""
    __slots__ = ("id", "roots", "codes", "source_role", "target_role", "target_from_location", "location_role",
                 "role_for_country", "source_agents", "source_roles", "recode", "trigger_tags", "reciprocal", "mirror")

    def __init__(self, rule) -> None:
        for name in self.__slots__:
            setattr(self, name, getattr(rule, name))


def imply_actors(events: list[EventCandidate], trace: list[str]) -> None:
    """Apply implicit_actors.yaml: recodes by who acted, and the actors an event class implies."""
    mirrored: list[EventCandidate] = []
    for e in events:
        candidates = _rules_for(e.code)[1]
        while candidates:
            recoded_after = None
            for i, rule in candidates:
                if apply_rule(rule, e, trace, mirrored):
                    recoded_after = i
                    break
            # after a recode the rules that follow are tried as on an event of the new code
            candidates = () if recoded_after is None else _rules_after(e.code, recoded_after)
    if mirrored:    # (most events: no mirror rule turned one round)
        add_mirrored(events, mirrored)


def _rules_after(code: str, place: int) -> tuple:
    """The rules for events of the code that come after the rule at `place` in the file."""
    return tuple([c for c in _rules_for(code)[1] if c[0] > place])


def apply_rule(rule, e: EventCandidate, trace: list[str], mirrored: list[EventCandidate]) -> bool:
    """One implicit_actors.yaml rule (not a reciprocal one) on one event: a mirror adds the event the
    other way round to `mirrored`, a recode recodes it (True: the event now has another code), the
    others supply the actors its class implies."""
    if rule.mirror:
        if e.code in rule.codes and e.source is not None and e.target is not None and \
                e.source.code.code != e.target.code.code:
            mirrored.append(replace(e, source=e.target, target=e.source))
            trace.append(f"{e.evidence!r}: {e.code} goes both ways ({rule.id})")
        return False
    if rule.recode:
        if (ROOT[e.code] in rule.roots or e.code in rule.codes) and e.source is not None and \
                (not rule.trigger_tags or e.trigger_tag in rule.trigger_tags) and \
                (_from_agents(e.source.rule_ids, rule.source_agents) or e.source.code.role in rule.source_roles):
            trace.append(f"{e.evidence!r}: {e.code} by {e.source.name!r} is coded {rule.recode} ({rule.id})")
            e.code = rule.recode
            e.rule_id = f"{e.rule_id}+implicit_actors.{rule.id}"   # both rules explain the code
            return True
        return False
    if ROOT[e.code] not in rule.roots and e.code not in rule.codes:
        return False
    # the source, then the target (most rules name a role for one side only: the other is not read)
    role, actor = rule.source_role, e.source
    if role and actor is None:
        e.source = _implied(e, "source", role, rule, trace)
    elif role and rule.role_for_country and actor.code.country and not actor.code.role and not actor.code.group:
        e.source = replace(actor, code=ActorCode(actor.code.country, None, role))
        trace.append(f"{e.evidence!r}: {actor.name!r} acts through its {role} ({rule.id})")
    if rule.target_from_location and e.target is None:
        e.target_from_location = True
        e.location_role = e.location_role or rule.location_role
    if rule.target_role and e.target is None:
        e.target = _implied(e, "target", rule.target_role, rule, trace)
    return False


def _from_agents(rule_ids: tuple[str, ...], agents) -> bool:
    """Does one of the rule ids come from one of these agent entries (by the id's last part)?"""
    for r in rule_ids:
        if r.split(".")[-1] in agents and ".agents." in r:
            return True
    return False


def _implied(e: EventCandidate, side: str, role: str, rule, trace: list[str]) -> Actor:
    """The actor of `role` that the rule implies for the event's `side` (no words of its own)."""
    trace.append(f"{e.evidence!r}: no {side} in the text; {role} implied ({rule.id})")
    return Actor(ActorCode(None, None, role), None, -1, -1, e.evidence_start, e.evidence_start,
                 (f"implicit_actors.{rule.id}",))


def add_mirrored(events: list[EventCandidate], mirrored: list[EventCandidate]) -> None:
    """The events a mirror rule turned round, unless one with the same code and dyad is there."""
    events.extend(m for m in mirrored if not any(
        (x.code, x.source and x.source.code.code, x.target and x.target.code.code) ==
        (m.code, m.source.code.code, m.target.code.code) for x in events))


# Root classes that describe one act of violence from different sides (assault, fight, mass
# violence): "a car bomb exploded (183), killing ten (190)" is one event.
_FAMILY = {"18": "violence", "19": "violence", "20": "violence"}
# statements, appeals, demands, disapproval, rejection, threats: aimed at whom they name
_SPOKEN = ("01", "02", "10", "11", "12", "13")


_IN_TEXT_ORDER = attrgetter("trigger_first", "evidence_start")    # (a key in C: no Python call an event)


def event_family(code: str) -> str:
    """The class an event code counts in when events are compared: its root, violence as one."""
    root = ROOT[code]
    return _FAMILY.get(root, root)


def merge_same_root(events: list[EventCandidate], trace: list[str]) -> list[EventCandidate]:
    """News sentences report one event of a kind with several words ("a car bomb exploded, killing
    ten"): per root class (the violent classes count as one) keep the trigger whose events carry
    most actors; another trigger of the class survives only with a dyad of its own."""
    if len(events) < 2:     # (one event, as in most sentences: nothing to fold or merge it with)
        return events
    events = _fold_protest_demands(events, trace)
    events = _fold_destruction_by_attack(events, trace)
    by_trigger: dict[int, list[EventCandidate]] = {}
    filled: dict[int, int] = {}     # the most actors an event of each trigger carries
    for e in events:
        first, n = e.trigger_first, (e.source is not None) + (e.target is not None)
        evs = by_trigger.get(first)
        if evs is None:
            by_trigger[first], filled[first] = [e], n
        else:
            evs.append(e)
            if n > filled[first]:
                filled[first] = n

    kept: list[list[EventCandidate]] = []
    # the trigger with most actors keeps the event; the most specific code of the class speaks for
    # it (a bombing or a massacre says more than "use force"); the others lend it missing actors
    # (the keys made in one pass, no key function a trigger; no two tie: each trigger has its own first word)
    ranked = []     # (loops, no comprehensions: those would hold `filled`, `family` and `evs` in cells)
    for first, evs in by_trigger.items():
        ranked.append((-filled[first], first, evs))
    ranked.sort()
    for _, _, evs in ranked:
        root = ROOT[evs[0].code]    # (event_family written out, here and in _rivals: a frame less a trigger)
        rivals = _rivals(kept, _FAMILY.get(root, root))
        # (the dyads compared only with a rival)
        if rivals and not _all_distinct(evs[0], rivals):
            into = rivals[0]
            trace.append(f"{evs[0].evidence!r}: same event class as {into[0].evidence!r}, merged into it")
            _fill_slots(into, evs[0])
            for e in into:   # the merged trigger's counts ("hundreds of settlers attacked") count for the kept event
                e.merged_spans += ((evs[0].evidence_start, evs[0].evidence_end),) + evs[0].merged_spans
            mine, theirs = _specificity(evs[0].code), _specificity(into[0].code)
            if mine > theirs or (mine == theirs and evs[0].trigger_first < into[0].trigger_first):
                for e in into:
                    e.merged_spans += ((e.evidence_start, e.evidence_end),)
                    e.code, e.rule_id = evs[0].code, evs[0].rule_id
                    e.evidence, e.evidence_start, e.evidence_end = evs[0].evidence, evs[0].evidence_start, evs[0].evidence_end
                trace.append(f"the event takes the code {evs[0].code} of {evs[0].evidence!r} (more specific, or the main verb)")
            continue
        kept.append(evs)
    return sorted([e for evs in kept for e in evs], key=_IN_TEXT_ORDER)


def _rivals(kept: list[list[EventCandidate]], family: str) -> list[list[EventCandidate]]:
    """The kept triggers' events of the event family."""
    out = []
    for k in kept:
        root = ROOT[k[0].code]
        if _FAMILY.get(root, root) == family:
            out.append(k)
    return out


def _all_distinct(e: EventCandidate, rivals: list[list[EventCandidate]]) -> bool:
    for k in rivals:
        if not _distinct_dyad(e, k[0]):
            return False
    return True


_DESTROY = "1712"
_ADJACENT = 2   # tokens between a destruction verb and the attack noun that is its subject


def _fold_destruction_by_attack(events: list[EventCandidate], trace: list[str]) -> list[EventCandidate]:
    """"دمرت غارة جوية المبنى", "an air strike destroyed the building": the attack named as the
    subject of the destruction is the event, the damage its outcome; people who destroy (settlers
    burning houses) keep their own event."""
    attacks = [v.trigger_first for v in events if v.nominal and ROOT[v.code] in _FAMILY]
    if not attacks:
        return events
    out = []
    for e in events:
        if e.code == _DESTROY and not e.nominal and _next_to(attacks, e.trigger_first):
            trace.append(f"{e.evidence!r}: the destruction an attack named next to it caused, part of that event")
            continue
        out.append(e)
    return out


def _next_to(attacks: list[int], i: int) -> bool:
    """Is one of the attack nouns at most _ADJACENT words from token i (and not at it)?"""
    for a in attacks:
        if 0 < abs(a - i) <= _ADJACENT:
            return True
    return False


def _specificity(code: str) -> tuple[int, int]:
    """Mass violence over assault over a named form of fighting over the bare outcome ("killed",
    "wounded": 190, 180); then the longer (sub-)code: 1832 (car bomb) says more than 183 (bombing)."""
    if code in ("180", "190"):
        return 0, len(code)
    return {"20": 3, "18": 2}.get(ROOT[code], 1), len(code)


def _fill_slots(kept: list[EventCandidate], other: EventCandidate) -> None:
    """A merged trigger lends the kept event the actor it lacks ("ثمانية أشخاص قتلوا جراء ضربة
    جوية أمريكية": the killing has the victims, the air strike the attacker). Victims it names
    replace a bare country, except in what is said (a complaint lodged with a country stays aimed at it)."""
    for e in kept:
        e.target_from_location = e.target_from_location or other.target_from_location
        e.location_role = e.location_role or other.location_role
        if e.source is None and other.source is not None and (e.target is None or other.source.start != e.target.start):
            e.source = other.source
        if e.target is None and other.target is not None and (e.source is None or other.target.start != e.source.start):
            e.target = other.target
        elif e.target is not None and other.target is not None and _more_specific(other.target, e.target) and \
                (e.source is None or other.target.start != e.source.start) and ROOT[e.code] not in _SPOKEN:
            # "a car bomb exploded in Kirkuk, killing seven policemen": the police, not Iraq, were hit
            e.target = other.target


def _more_specific(a, b) -> bool:
    """Is actor a people with a role, where b is a bare country? The victims named by the verb
    ("three US soldiers were killed by a roadside bomb in Iraq") say more than the place's country."""
    return bool(a.code.role) and not b.code.role and not b.code.group


def _distinct_dyad(a: EventCandidate, b: EventCandidate) -> bool:
    """Do two triggers of one class report two events? Only with four actors, sources and targets
    different; a mirror pair ("استقبل الأسد ... الوزير الإماراتي، في أول زيارة": the host and the
    guest's visit) is one event told from both sides."""
    # the same party: its group, else its country (one comprehension, no function a side)
    a_src, a_tgt, b_src, b_tgt = [None if x is None else (x.code.group or x.code.country)
                                  for x in (a.source, a.target, b.source, b.target)]
    if a_src is not None and a_src == b_tgt and a_tgt in (b_src, None) and b_src is not None:
        return False
    # two named doers are two events, even against one target ("Bolivia cut ties with Israel, while
    # Chile and Colombia recalled their ambassadors"); one doer told twice is one (the codes, a
    # property, are read only with all four actors there)
    if a.source is None or b.source is None or a.target is None or b.target is None:
        return False
    a_code, b_code = a.source.code.code, b.source.code.code
    return None not in (a_code, b_code, a.target.code.code, b.target.code.code) and a_code != b_code


def discard_roots(events: list[EventCandidate], discards: list, trace: list[str]) -> list[EventCandidate]:
    """A discard with roots (discards.yaml) drops only events of those classes: after "the earthquake"
    nothing was attacked, but condolences and aid to its victims are events."""
    if not discards:    # (most sentences hold no discard word)
        return events
    roots = {r: m for m in discards for r in m.entry.roots}
    out = []
    for e in events:
        m = roots.get(ROOT[e.code])
        if m is not None:
            trace.append(f"{e.evidence!r}: {e.code} discarded by {m.text!r} ({m.rule_id})")
            continue
        out.append(e)
    return out


# what a demonstration demands names its kind: 1041 leadership change -> 1411, 1042 policy -> 1412 ...
_PROTEST_FOR = {"1041": "1411", "1042": "1412", "1043": "1413", "1044": "1414"}


def _fold_protest_demands(events: list[EventCandidate], trace: list[str]) -> list[EventCandidate]:
    """"Thousands filled the square, demanding the resignation of the prime minister", "احتشد الآلاف
    مطالبين برحيل الرئيس": the demand after a demonstration is what it was for, one event; a
    demand for a change of leader, policy, rights or institutions makes it a 141x."""
    protests = [e for e in events if ROOT[e.code] == "14"]
    if not protests:
        return events
    return _fold_demands(events, protests, trace)


def _fold_demands(events: list[EventCandidate], protests: list[EventCandidate], trace: list[str]) -> list[EventCandidate]:
    """_fold_protest_demands with a protest among the events (its tests hold an event in a cell)."""
    out = []
    for e in events:
        if ROOT[e.code] == "10":
            before = [p for p in protests if p.trigger_first < e.trigger_first]
            if before:
                for p in (x for x in protests if x.trigger_first == before[-1].trigger_first):
                    if e.code in _PROTEST_FOR and p.code in ("14", "140", "141"):
                        p.code, p.rule_id = _PROTEST_FOR[e.code], f"{p.rule_id}+{e.rule_id}"
                    if p.target is None:
                        p.target = e.target
                trace.append(f"{e.evidence!r}: what the demonstration {before[-1].evidence!r} demanded, part of it")
                continue
        out.append(e)
    return out


@lru_cache(maxsize=None)
def _subset_cues(lang: str) -> tuple[tuple[str, ...], ...]:
    """The cues of a part of what comes before ("including", "among them": quantities.yaml)."""
    prof = profile(lang)
    words = load_lexicon(lang, "quantities").get("subset_cues") or []
    return tuple(tuple(prof.normalise(w) for w in c.split()) for c in words)


@lru_cache(maxsize=None)
def _cues_by_last_word(lang: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The same cues by their last word: a word that ends none is tested with one look-up."""
    out: dict[str, list] = {}
    for c in _subset_cues(lang):
        if c:   # (a blank line of the list is no cue)
            out.setdefault(c[-1], []).append(c)
    return {w: tuple(cs) for w, cs in out.items()}


def _cue_ends_at(toks, j: int, cues: dict[str, tuple[tuple[str, ...], ...]]) -> bool:
    """Does one of the cues end at token j?"""
    for c in cues.get(toks[j].norm, ()):
        start = j - len(c) + 1
        if start >= 0:
            for k, word in enumerate(c):
                if toks[start + k].norm != word:
                    break
            else:
                return True
    return False


def drop_included(coded: list, toks, nominal: set[int], determiners: set[int], prof, trace: list[str]) -> list:
    """"adopted sanctions against X, including a ban on imports": an event noun with no doer of its own
    right after a cue of a part ("including", "among them") names part of the event before it."""
    cues = _cues_by_last_word(prof.CODE)
    if not cues or len(coded) < 2:
        return coded
    out = []
    for n, (h, src, tgt) in enumerate(coded):
        j = h.first - 1
        while j >= 0 and j in determiners:
            j -= 1
        part = h.first in nominal and src is None and n > 0 and j >= 0 and _cue_ends_at(toks, j, cues)
        if part and any(not e.entry.speech for e, _, _ in coded[:n]):
            trace.append(f"{h.mention.text!r}: after {toks[j].text!r}, part of the event before it; not coded apart")
            continue
        out.append((h, src, tgt))
    return out
