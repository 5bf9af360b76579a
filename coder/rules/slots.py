"""The slots of one trigger: which actor groups around it are its source and its target (subject
before or after the verb, the object, the agent of a passive, a possessor), and how each was found."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Optional

from coder.lang import profile
from coder.lang.numbers import load_lexicon
from coder.lexicon.load import Trigger
from coder.model import ActorCode, Mention
from coder.rules.actors import ActorGroup
from coder.rules.counts import is_number, is_number_word
from coder.rules.types import PUNCT_BARRIER, ROOT, Hit

AGENT_WINDOW = 8        # tokens after a trigger in which "by X" / "على يد X" is looked for


def _group_starting(groups, lo, hi) -> Optional[ActorGroup]:
    for g in groups:
        if lo <= g.first <= hi:
            return g
    return None


AGGRESSOR_ROLES = {"UAF", "INS", "REB", "CRM"}
# classes whose undiacritised Arabic verbs are often passives (قُتل، اعتُقل): coercion and violence
HARM_ROOTS = {"17", "18", "19", "20"}


def _without_group(groups: list[ActorGroup], g: ActorGroup) -> list[ActorGroup]:
    return [x for x in groups if x is not g]


def _verb_before(hits: list[Hit], k: int, sources: Optional[dict] = None) -> Optional[int]:
    """The index of the last verb trigger before hits[k] (with `sources`, the last one with a source)."""
    for j in range(k - 1, -1, -1):
        if hits[j].entry.pos == "verb" and (sources is None or sources.get(j)):
            return j
    return None


def _all_after(groups: list[ActorGroup], words: set[int]) -> bool:
    """Does each group follow one of these words?"""
    for g in groups:
        if (g.first - 1) not in words:
            return False
    return True


def fill_slots(h: Hit, k: int, hits: list[Hit], groups: list[ActorGroup], toks, window_end: int,
           passive_aux: set[int], agent_markers: list[tuple[int, int]], clause_breaks: set[int],
           coord: set[int], sources: dict, prof, no_object: frozenset[int] | set[int] = frozenset(),
           transitive_participles: frozenset[int] | set[int] = frozenset(),
           nominal: frozenset[int] | set[int] = frozenset(),
           prepositions: frozenset[int] | set[int] = frozenset(),
           subordinators: frozenset[int] | set[int] = frozenset()):
    """Source and target groups of one trigger, and how they were found."""
    # the groups left of the trigger words, and those right of them (a light verb's subject may sit
    # before its object) up to the next trigger or a clause break: one pass over the groups, which
    # come in text order and do not overlap (those after the first one right of it are right of it too)
    left, right = [], []
    for g in groups:
        if g.last < h.first:
            left.append(g)
        elif h.last < g.first:
            # (a group right after the trigger has no word between to test: no range built)
            if g.first >= window_end or (g.first > h.last + 1 and not clause_breaks.isdisjoint(range(h.last + 1, g.first))):
                break
            right.append(g)
    # the subject is looked for inside the clause first ("... وسوريا بينما تحتجز قسد"): the last group
    # before the trigger with no clause break after it (a break after a group parts every group before it too)
    near = left[-1] if left and (left[-1].last + 1 == h.first or
                                 clause_breaks.isdisjoint(range(left[-1].last + 1, h.first))) else None
    agent = None     # the agent of a passive or of a nominal event: "by X", "من قبل X", "على يد X"
    for mf, ml in agent_markers:
        if h.last < mf <= h.last + AGENT_WINDOW and mf < window_end:
            agent = _group_starting(groups, ml + 1, ml + 2)
            if agent:
                break
    pos = "noun" if h.first in nominal else "verb"
    # (most sentences have no passive auxiliary: no window built to be tested against none)
    passive = pos == "verb" and bool(passive_aux) and h.entry.tag in ("participle", "past") and \
        not passive_aux.isdisjoint(range(max(0, h.first - 3), h.first))
    # (at most one word between: no punctuation is that word)
    adjacent_left = near is not None and near.last >= h.first - 2 and \
        not (near.last + 1 < h.first and toks[near.last + 1].norm in PUNCT_BARRIER)
    others = right if agent is None else _without_group(right, agent)

    if h.entry.subject_is_target:
        # "تعرضت القوات لهجوم", "لقي ثلاثة جنود حتفهم", "came under attack": the subject suffered it
        victim = near if adjacent_left else (others[0] if others and others[0] is not agent else None)
        return agent, victim, "the subject of this verb is its target"
    if pos == "noun":
        if agent is not None:
            return agent, others[0] if others else None, "nominal event with an agent phrase"
        if h.entry.genitive == "source" and others and h.last + 1 < len(toks) and \
                others[0].first <= h.last + 2 and prof.carries_of(toks[h.last + 1]):
            # "غارة لطيران التحالف", "بغارات لطائرات الجيش": the genitive a noun whose genitive is
            # its doer takes through لـ "of" is its agent too, on itself or on the aircraft before it
            return others[0], others[1] if len(others) > 1 else None, "nominal event: its genitive with of is its agent"
        if prof.VERB_SUBJECT_ORDER and others and others[0].first <= h.last + 2 and \
                (others[0].first - 1) not in prepositions and \
                not prof.has_preposition_clitic(toks[others[0].first]) and \
                all(m.code.role is None and m.code.group is None for m in others[0].members):
            # "غارات إسرائيلية", "ضربة جوية أمريكية": a nationality adjective after the noun is its agent
            return others[0], others[1] if len(others) > 1 else None, "nominal event with a nationality adjective"
        # a verb's own verbal noun takes its object as genitive (منع المتظاهرين), unless the object is
        # already there (فتح الجنود النار: the genitive is the subject)
        if prof.VERB_SUBJECT_ORDER and others and others[0].first <= h.last + 1 and \
                (_genitive_is_source(h.entry) if h.entry.pos == "noun" else bool(h.entry.objects)):
            # "تهديد ترامب" (Trump's threat), "دعوة الأمم المتحدة": the genitive after the noun is its agent
            return others[0], others[1] if len(others) > 1 else None, "nominal event: the genitive is its agent"
        # "ISIS attack on X", "Israeli airstrikes": an actor right before the noun is its agent (in
        # verb-first languages it is the subject of the verb before: "أعلنت الشرطة مقتل سبعة")
        src = near if near is not None and near.last >= h.first - 1 and not prof.VERB_SUBJECT_ORDER else None
        return src, others[0] if others else None, "nominal event"
    if passive:
        return agent, near if near is not None else (others[0] if others else None), "passive"
    if agent is not None and near is None and (ROOT[h.entry.code] in HARM_ROOTS or not others or agent.first < others[0].first):
        # "قتل خمسة مدنيين على يد مسلحين": an agent phrase after a verb with no subject before it (but
        # an actor between a speech verb and the marker is its subject: "اتهم X Y بقصف Z" is X's)
        return agent, others[0] if others else near, "agent phrase after the verb"
    first_tok = toks[h.first]
    # a verb that carries its object as a pronoun (هاجمتهم "attacked them") is active: the actor
    # next to it is its subject, never a passive's victim
    object_pronoun = pos == "verb" and h.first == h.last and prof.refers_back(toks, h.first)
    if h.entry.tag == "ing" and h.first > 0 and toks[h.first - 1].norm == ",":
        # a participle after a comma has the subject of the verb before it, if any: "gunmen stormed
        # a checkpoint, killing five officers"; "a car bomb exploded, killing seven" (no actor)
        main = _verb_before(hits, k)
        if main is not None and sources.get(main) is not None:
            return sources.get(main), others[0] if others else None, "participle after a comma: the subject of the verb before"
        if left and left[0].first <= 1 and (left[0].first - 1) not in prepositions and \
                (left[0].first - 1) not in no_object:
            # "Hamas gunmen burst across the border in an assault, killing ...": with no doer found
            # for the verb before (no trigger, or an event noun), the actor opening the sentence is
            return left[0], others[0] if others else None, "participle after a comma: the actor opening the sentence"
        if main is not None:
            return None, others[0] if others else None, "participle after a comma: the subject of the verb before"
    # (the first trigger has no verb before it; the conjunction is tested before the verbs are sought)
    if k and ((h.first - 1) in coord or opens_with_conjunction(first_tok, prof)):
        prev_verb = _verb_before(hits, k, sources)
        if prev_verb is not None:
            # a coordinated second verb shares the subject of the first: "X met Y and condemned Z"
            return sources[prev_verb], others[0] if others else None, "coordinated verb shares the subject"
    if pos == "verb" and h.first == h.last and prof.carries_subject(first_tok) and others and \
            _words_between(h.last, others[0].first, toks, prof) == 0 and \
            not prof.has_preposition_clitic(toks[others[0].first]):
        # "وصل الجنود إلى القرية واعتقلوا خمسة": the verb's suffix is its subject (the actor named
        # before it), so the phrase after it is its object, never a passive's victim
        return (near if near is not None else left[-1] if left else None), others[0], \
            "the verb carries its subject: the phrase after it is its object"
    if prof.VERB_SUBJECT_ORDER and not adjacent_left and others and \
            _words_between(h.last, others[0].first, toks, prof) <= 1:
        first = others[0]
        if ROOT[h.entry.code] in HARM_ROOTS and len(others) == 1 and not h.entry.objects and not object_pronoun and \
                (not any(m.code.role in AGGRESSOR_ROLES or m.code.group for m in first.members) or _counted(first, toks, prof)) and \
                not _armed_subject_with_object(first, toks, prepositions, prof, h.last):
            # an undiacritised passive: قتل خمسة مدنيين / قتل جنديان (were killed) reads like قتل (killed)
            return None, first, "verb-first clause with a victim after the verb: read as passive"
        return first, others[1] if len(others) > 1 else None, "verb-subject order"
    # without a subject in its clause, a verb takes the last actor before it across punctuation and
    # reporting verbs ("Syria says it is willing to withdraw"), not across a subordinating
    # conjunction ("people were killed when a bomb exploded": the people did not explode it)
    src = near if near is not None else (
        left[-1] if left and not prof.VERB_SUBJECT_ORDER and subordinators.isdisjoint(range(left[-1].last + 1, h.first))
        else None)
    # a phrase after "in", "near" (خمسة مدنيين قتلوا قرب السوق) is where, not an object
    if prof.VERB_SUBJECT_ORDER and src is not None and ROOT[h.entry.code] in HARM_ROOTS and not h.entry.objects \
            and _all_after(others, no_object) \
            and (not any(m.code.role in AGGRESSOR_ROLES or m.code.group for m in src.members)
                 or _counted(src, toks, prof)) \
            and not prof.refers_back(toks, src.first) and not object_pronoun:   # "قواتها قصفت": its forces act
        # "خمسة مدنيين قتلوا في انفجار", "جنديان قتلا": a subject-first violent verb with no object
        # is an undiacritised passive unless its subject is an armed group
        return None, src, "victims before the verb and no object: read as passive"
    if src is not None and h.first == h.last and h.first in transitive_participles and _no_object_after(h, toks, no_object):
        # "Ten soldiers killed in an ambush", "two journalists detained on Monday": a verb that always
        # takes an object, with none after it, is a reduced passive; its subject suffered it
        return agent, src, "participle with no object: a reduced passive"
    # with a subject, "by X" after the verb is not its agent: "rejected calls by Annan" is about Annan
    return src, right[0] if right else None, "subject before the verb"


def opens_with_conjunction(tok, prof) -> bool:
    """Does the word carry a conjunction clitic (وقتل "and killed", وذبح) before a form of its own: a
    conjunct that carries its conjunction, not a conjunction standing alone? (The same answer as
    asking prof.starts_with_coordinator of each of its lookup forms, without a call a form: a form
    without the clitic is among them exactly when the word was read through it.)"""
    norm = tok.norm
    for c in prof.CLITIC_COORDINATORS:     # (a loop, not any() over a generator a trigger)
        if norm.startswith(c) and norm[len(c):] in tok.forms:
            return True
    return False


@lru_cache(maxsize=None)
def _count_words(lang: str) -> frozenset[str]:
    """The words of a count before its noun: qualifiers such as نحو, حوالي, أكثر من (quantities.yaml)."""
    data = load_lexicon(lang, "quantities")
    words = {w for table in ("qualifiers", "right_qualifiers") for ws in (data.get(table) or {}).values()
             for phrase in ws for w in phrase.split()}
    return frozenset(profile(lang).normalise(w) for w in words)


def _words_between(left: int, right: int, toks, prof) -> int:
    """Tokens between two positions, not counting a count ("تجمع نحو 500 متظاهر": the subject is
    next to its verb)."""
    skip, lang, n = _count_words(prof.CODE), prof.CODE, 0
    for i in range(left + 1, right):     # (a loop: a few words, no generator)
        if not (toks[i].norm in skip or is_number(toks[i], lang)):
            n += 1
    return n


def _counted(g: ActorGroup, toks, prof) -> bool:
    """"ثلاثين متمردا قتلوا", "قتل خمسة مسلحين": armed men counted are a toll of the dead, not who killed."""
    return g.first > 0 and is_number(toks[g.first - 1], prof.CODE, with_article=True) and not prof.is_definite(toks[g.first])


def _armed_subject_with_object(g: ActorGroup, toks, prepositions, prof, verb_last: int = -2) -> bool:
    """"قصفت القوات الروسية مدينة خاركيف": the armed forces named with the article and a noun after
    them are the subject of an active verb and that noun its object, not victims of a passive."""
    after = g.last + 1
    # "قصفت قوات النظام بلدة", "جنود الاحتلال": a construct noun right after the verb is as definite
    # as the genitive after it ("قتل أحد عناصر الشرطة" is a victim counted out of them)
    definite = prof.is_definite(toks[g.first]) or (
        g.first == verb_last + 1 and g.last > g.first and prof.is_definite(toks[g.first + 1]) and
        not prof.has_preposition_clitic(toks[g.first]))
    return definite and any(m.code.role in ("MIL", "COP") for m in g.members) and \
        after < len(toks) and after not in prepositions and \
        not (is_number(toks[after], prof.CODE, with_article=True) and    # "الجنود الثلاثة": the three soldiers,
             (prof.is_definite(toks[after]) or g.first != verb_last + 1))  # but "اعتقلت الشرطة خمسة": five arrested


def seat_as_place(g: ActorGroup, seat_place: set[int], actor_ms: list[Mention], toks, prof) -> bool:
    """A lone capital standing for its government right after "in" (`seat_place`: the tokens of the
    seat_place_marker role) or with "in" written on it (ببغداد: its actor mention, among `actor_ms`,
    read through بـ)."""
    a = g.members[0]
    if len(g.members) != 1 or a.code.role != "GOV" or a.code.group or len(a.rule_ids) != 1:
        return False
    if (a.first - 1) in seat_place:
        return True
    for m in actor_ms:
        if m.first == a.first and prof.read_as_in(toks[m.first], m.first_form):
            return True
    return False


def as_country(g: ActorGroup) -> ActorGroup:
    """The capital's country: violence in Damascus is against Syria, not its government."""
    a = g.members[0]
    return ActorGroup([replace(a, code=ActorCode(a.code.country, None, None))], g.first, g.last)


def _no_object_after(h: Hit, toks, no_object) -> bool:
    """Nothing after the verb can be its object: the sentence ends, or a preposition follows that
    does not open a count ("detained about 30 suspects", "killed at least five" have objects)."""
    nxt = h.last + 1
    if nxt >= len(toks):
        return True
    if nxt not in no_object:
        return False
    after = toks[nxt + 1].norm if nxt + 1 < len(toks) else ""
    return not (after[:1].isdigit() or after in ("least", "than", "most") or is_number_word("en", after))


def _genitive_is_source(entry: Trigger) -> bool:
    """Whose is the event a noun names? Statements, appeals, threats and the like belong to the
    actor after them; arrests, assaults and killings to their victims (مقتل X, اعتقال X)."""
    if entry.genitive:
        return entry.genitive == "source"
    return ROOT[entry.code] < "17"
