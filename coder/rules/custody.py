"""Whose people a state holds, frees, expels or arrests: "Nicaragua freed 222 political prisoners and
expelled them to the United States" - the prisoners are Nicaragua's, wherever they land. A target
known only by its role takes the country of the state that acts on it through its own institutions,
not the country of the place the sentence ends in."""
from __future__ import annotations

from dataclasses import replace

from coder.model import ActorCode
from coder.rules.types import PUNCT_BARRIER, ROOT, EventCandidate, Hit

# release of persons, arrest and detention, expulsion and deportation
CUSTODY_CODES = ("0841", "173", "174")
# lexicon entries (any language) of parties freeing each other's people
EXCHANGES = ("exchange_prisoners",)
# a state acting at home: itself, its government, courts and police (its army may act abroad)
HOME_ROLES = (None, "GOV", "JUD", "COP")
# what an authority imposes on the ones it orders: restrictions (censorship, bans, curfews). Not an
# arrest, whose executor is the one ordered ("ordered police to arrest him": police are not the target)
ORDERED_CODES = ("172",)
# lexicon entries (any language) that are a restriction only when an authority orders them: a station
# that stops broadcasting on its own ("because of a power cut") restricts no one
ORDER_ONLY = ("curb_speech",)
# (an entry's name is its rule id's last part: one suffix test, no split of every rule id)
_ORDER_ONLY_ENDINGS = tuple("." + e for e in ORDER_ONLY)


def ordered_coercion(order: Hit, act: Hit, command: set[int]) -> Hit | None:
    """"Ordered the daily to suspend publication", "ordered the party to disband": an authority that
    orders others to undergo a restriction imposes it itself. The order keeps its words, subject and
    object (the one ordered is the target) and takes the restriction's code."""
    if order.first not in command or not act.entry.code.startswith(ORDERED_CODES):
        return None
    return Hit(order.mention, act.entry, order.first, order.last, order.start, act.end, order.tokens)


def may_need_order(rule_ids: str) -> bool:
    """Can an ORDER_ONLY entry be among the rule ids joined in `rule_ids`? (An entry's name is in its
    rule id: one search in C an entry, where drop_unordered tests every trigger in Python.)"""
    for name in ORDER_ONLY:
        if name in rule_ids:
            return True
    return False


def drop_unordered(hits: list[Hit], command: set[int], trace: list[str]) -> list[Hit]:
    """The ORDER_ONLY readings that no order took over (`ordered_coercion`) are no event."""
    kept = []
    for h in hits:
        rule_id = h.entry.rule_id
        if (rule_id.endswith(_ORDER_ONLY_ENDINGS) or rule_id in ORDER_ONLY) and h.first not in command:
            trace.append(f"{h.mention.text!r}: a restriction only when ordered, none here")
            continue
        kept.append(h)
    return kept


def _other_party(events: list[EventCandidate], trigger_first: int, country: str):
    """The source of another country among the events of the trigger at `trigger_first`."""
    for x in events:
        if x.trigger_first == trigger_first and x.source is not None and x.source.code.country and \
                x.source.code.country != country:
            return x.source
    return None


def own_people(events: list[EventCandidate], trace: list[str]) -> None:
    by_trigger: dict[int, set] | None = None    # (the sources by trigger, read for a custody event only: few)
    for e in events:
        s, t = e.source, e.target
        if not e.code.startswith(CUSTODY_CODES) or s is None or t is None or not s.code.country or \
                s.code.group or s.code.role not in HOME_ROLES or t.code.country or t.code.group or not t.code.role:
            continue
        if by_trigger is None:      # (this loop changes targets only: the sources are as they came)
            by_trigger = {}
            for x in events:
                by_trigger.setdefault(x.trigger_first, set()).add(x.source.code.code if x.source else None)
        parties = by_trigger[e.trigger_first] - {None}
        if len(parties) > 1:   # "X and Y exchanged prisoners": each frees the other's people
            other = _other_party(events, e.trigger_first, s.code.country)
            if other is not None and e.rule_id.split(".")[-1] in EXCHANGES:
                e.target = replace(t, code=ActorCode(other.code.country, None, t.code.role))
                trace.append(f"{e.evidence!r}: {s.name!r} frees the people of {other.name!r} -> {e.target.code.code}")
            continue
        e.target = replace(t, code=ActorCode(s.code.country, None, t.code.role))
        trace.append(f"{e.evidence!r}: {t.name!r} held by {s.name!r}, its own people -> {e.target.code.code}")


# an act that comes with its charge: arrests, warrants, expulsions, sanctions, restrictions
CHARGED_ROOTS = ("16", "17")
CHARGE_SPAN = 14   # words from that act to the participle: "issued an arrest warrant for X on Wednesday, accusing"


def stated_charges(hits: list[Hit], toks, trace: list[str]) -> list[Hit]:
    """"Police arrested 40 protesters, accusing them of blocking a highway": a participle of accusing
    after a comma, next to an arrest, a warrant or a sanction, states why it was done; it is part of
    that act, no accusation of its own ("..., and the president blamed X" stays one)."""
    if len(hits) < 2:   # (one trigger, as in many sentences: no act before it to be charged with)
        return hits
    kept = []
    for h in hits:
        act = kept[-1] if kept else None
        if act is not None and h.entry.code.startswith("112") and h.entry.tag == "ing" and h.first > 0 and \
                toks[h.first - 1].norm == "," and act.entry.code.startswith(CHARGED_ROOTS) and \
                h.first - act.last <= CHARGE_SPAN:
            trace.append(f"{h.mention.text!r}: the charge {act.mention.text!r} was made on, part of that act")
            continue
        kept.append(h)
    return kept


def published_not_freed(hits: list[Hit], publication: set[int], trace: list[str]) -> list[Hit]:
    """"A report released on Tuesday", "footage released by the army": a release right after a thing
    published (the language's `publication_nouns`) publishes it; it frees no one, whatever noun a
    release of persons finds after it."""
    if not publication:     # (most sentences name no thing published)
        return hits
    kept = []
    for h in hits:
        if h.entry.code.startswith("084") and h.entry.pos == "verb" and (h.first - 1) in publication:
            trace.append(f"{h.mention.text!r}: after a thing published, a publication, no release of persons")
            continue
        kept.append(h)
    return kept


ARREST_CODES = ("173", "174")
MEANS_SPAN = 16   # words from the arrest to the raid: "detained X and two of his aides in early morning raids"
MEANS_GAP = 2     # words between the marker and the raid noun: "in early morning raids"


def _punctuation_between(toks, start: int, end: int) -> bool:
    for j in range(start, end):
        if toks[j].norm in PUNCT_BARRIER:
            return True
    return False


def raids_of_arrests(hits: list[Hit], toks, means: set[int], trace: list[str]) -> list[Hit]:
    """"Police detained 30 people in dawn raids", "arrested during a raid": a raid or an operation named
    after an arrest with "in"/"during" (the language's `means_markers`) is how the arrest was made, no
    attack of its own ("killed two gunmen in a raid" stays one violent event). After the marker the
    word is a noun, whatever its form ("raids")."""
    if not means or len(hits) < 2:   # (most sentences: no marker, or no arrest before a raid)
        return hits
    kept = []
    for h in hits:
        act = kept[-1] if kept else None
        if act is not None and act.entry.code.startswith(ARREST_CODES) and ROOT[h.entry.code] in ("18", "19", "20") and \
                h.first - act.last <= MEANS_SPAN and \
                not means.isdisjoint(range(max(act.last + 1, h.first - 1 - MEANS_GAP), h.first)) and \
                not _punctuation_between(toks, act.last + 1, h.first):
            trace.append(f"{h.mention.text!r}: how {act.mention.text!r} was made, no attack of its own")
            continue
        kept.append(h)
    return kept
