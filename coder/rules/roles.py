"""Source and target from the syntax stage's roles instead of token windows: the actor group in a
predicate's subject, object, target, agent or recipient phrase (a phrase reaches over its genitives:
"positions of the YPG", مواقع لقسد), and the owner a possessive pronoun refers to."""
from __future__ import annotations

from functools import partial
from typing import Callable, Optional

from coder.model import ActorCode
from coder.rules.actors import ActorGroup, names_a_group
from coder.rules.agent_phrase import marked_agent
from coder.rules.deaths import died_of
from coder.rules.fronted import described_subject, fronted_subject
from coder.rules.mentions import harm_noun_starts, harm_noun_words, other_triggers
from coder.rules.phrases import group_of, phrase_holds, phrase_span
from coder.rules.pronouns import pronoun_object
from coder.rules.types import ROOT, Hit, names, roles_how
from coder.lang import profile_part

Parse = object    # coder.syntax.Parse: the stages meet in coder/pipeline.py, so only its shape is read here


def claimant(p: Parse, i: int, groups: list[ActorGroup]) -> Optional[ActorGroup]:
    """"هجوم تبناه تنظيم داعش", "an attack that ISIS claimed": the subject of a relative clause on
    an event noun is who did it."""
    k = p.chunk_of[i] if 0 <= i < len(p.chunk_of) else -1
    for cl in p.clauses:
        if cl.kind == "relative" and cl.antecedent == k and k >= 0 and cl.predicates:
            pr = cl.predicates[0]
            if not pr.passive and pr.arguments.get("subject") not in (None, k):
                return group_of(p, pr.arguments["subject"], groups)
    return None


def victims_of_event(p: Parse, verb: int, nominal_harm: list[int], prepositions) -> bool:
    """"قتل مقاتلان من قسد في هجوم تبناه داعش": a verb of harm with no object whose subject is followed
    by a violent event noun after a preposition (في هجوم، بغارة، جراء قصف) reports victims of that
    event: an undiacritised passive. `prepositions` tells whether a token opens with one."""
    found = p.predicate(verb)
    if found is None:
        return False
    cl, pr = found
    k = pr.arguments.get("subject")
    if k is None or "object" in pr.arguments or p.chunks[k].start < verb:
        return False
    end = phrase_span(p, k)[1]
    verbs = {q.verb for c in p.clauses for q in c.predicates}
    # the event noun follows the subject in the same clause, with no other verb between
    return any(end < n <= cl.end and prepositions(n) and not any(end < v < n for v in verbs) for n in nominal_harm)


_GOVERNED = frozenset({"object", "complement", "target", "manner"})    # the roles governor_of reads


def governor_of(p: Parse, i: int):
    """The predicate whose object, complement (قامت القوات باعتقال) or marked phrase (اتفقا على وقف
    إطلاق النار) is the phrase at token i."""
    chunks = p.chunks
    for cl in p.clauses:
        for pr in cl.predicates:
            for role, k in pr.arguments.items():
                if role in _GOVERNED:
                    c = chunks[k]   # (phrase_holds inlined: one call fewer a role)
                    # (a chunk with no modifier governs no genitive: its span is its own, no call)
                    if c.start <= i and (i <= c.end or (c.modifiers and i <= phrase_span(p, k)[1])):
                        return pr
    return None


def verbal_noun_object(p: Parse, i: int) -> bool:
    """"أعلن فرض عقوبات", "قرر تجميد أصول": a verb form the stage tags as a noun heading the object
    of a verb before it is that verb's verbal noun, an event named, not predicated."""
    if p.tags[i] != "NOUN":
        return False
    if _verb_before(p, i) is not None:
        return True
    pr = governor_of(p, i)
    k = pr.arguments.get("object") if pr is not None else None
    return k is not None and pr.verb < i and p.chunks[k].head == i


_SKIPPED = ("ADV", "PUNCT")    # dates and commas between a verb, its subject and its object


def _verb_before(p: Parse, i: int):
    """The predicate of the verb right before token i ("وأعلنت فرض عقوبات على طهران"), or before
    its subject ("أعلنت السلطات، أمس السبت، توقيف ..."), past dates and commas; None if none."""
    if p.tags[i] != "NOUN":
        return None
    j = i - 1
    while j >= 0 and p.tags[j] in _SKIPPED:
        j -= 1
    k = p.chunk_of[j] if j >= 0 else -1
    if k >= 0 and p.chunks[k].end == j:     # the verb's subject, between it and the noun
        j = p.chunks[k].start - 1
        while j >= 0 and p.tags[j] in _SKIPPED:
            j -= 1
    found = p.predicate(j) if j >= 0 and p.tags[j] == "VERB" else None
    if found is None or not found[0].start <= i <= found[0].end:
        return None      # a relative clause's verb does not reach past its end
    subject = found[1].arguments.get("subject")
    if k >= 0 and subject != k:
        return None          # a phrase between them that is not the verb's subject
    # "وشكلت التظاهرات ...": the noun after the verb is its subject, not what it did
    return found[1] if subject is None or p.chunks[subject].head != i else None


def nominal_roles(p: Parse, i: int, groups: list[ActorGroup], is_event: Callable[[int], bool] = lambda v: False,
                  bare: bool = True) -> Optional[tuple]:
    """"شنت طائرات تركية سلسلة غارات على ...", "Israeli jets carried out a wave of strikes": an event
    noun that is the object of a verb that is no event of its own (`is_event(v)`: the verb at token v
    is another trigger's event; "condemned the attack" is about an attack, not one) takes the verb's
    subject as its source, and the verb's target. `is_event` is asked only about such a verb, once
    one is found (for most event nouns none is)."""
    # a noun after a preposition ("قتل الرابع برصاص الأمن") or و is no object of the verb before it
    pr = governor_of(p, i) or (_verb_before(p, i) if bare else None)
    if pr is None or pr.passive or is_event(pr.verb):
        return None
    src = group_of(p, pr.arguments.get("subject"), groups)
    k = p.chunk_of[i] if 0 <= i < len(p.chunk_of) else -1
    if src is not None and k >= 0 and phrase_holds(p, k, src.first):
        return None    # found through a relative clause that holds the event noun itself
    tgt = None
    for r in ("target", "recipient"):
        g = group_of(p, pr.arguments.get(r), groups)
        if g is not None and not phrase_holds(p, pr.arguments[r], i):
            tgt = g
            break
    return (src, tgt) if src is not None else None


def _made_to(p: Parse, i: int, groups: list[ActorGroup], events) -> Optional[ActorGroup]:
    """"ما دفع السلطات إلى فرض حظر التجول", "forced the army into a retreat": an event noun in the
    phrase after "to" of a verb that is no event of its own, with an actor as its object, is done by
    that object (a call or an appeal, an event of its own, asks for what has not happened)."""
    for cl in p.clauses:
        for pr in cl.predicates:
            k = pr.arguments.get("recipient")
            if k is None or pr.passive or pr.verb in events or "object" not in pr.arguments:
                continue
            if p.chunks[k].head == i and phrase_holds(p, k, i):
                return group_of(p, pr.arguments["object"], groups)
    return None


def roles_for(p: Parse, pr, groups: list[ActorGroup], about_first: bool = False,
              target_first: bool = False) -> Optional[tuple]:
    """(source, target, how) for the predicate `pr` (a coder.syntax Predicate), or None when the
    stage found no actor in its arguments. With `about_first` (a complaint), the actor a phrase
    after "over", "about" names is the target before the one the complaint is addressed to. With
    `target_first` (a protest), the actor a marker such as "against" names comes before a bare noun
    phrase."""
    arg = pr.arguments
    subject = group_of(p, arg["subject"], groups) if "subject" in arg else None
    if pr.passive:
        src = group_of(p, arg["agent"], groups) if "agent" in arg else None
        tgt = subject or group_of(p, arg.get("patient"), groups)
    else:
        src = _named_leader(p, arg.get("subject"), groups) or subject
        tgt = None
        order = ("object", "target", "about", "recipient") if about_first else \
            ("target", "object", "recipient") if target_first else ("object", "target", "recipient")
        for role in order:
            k = arg.get(role)    # (most predicates lack most roles: no phrase to read)
            tgt = group_of(p, k, groups) if k is not None else None
            if tgt is not None and tgt is not src:
                break
            tgt = None
    if src is None and tgt is None:
        return None     # (the trace line is built only for an answer)
    if pr.passive:
        return src, tgt, "syntax: passive, the agent after by is the source, the subject the target"
    # (the text written out only when the trace is read, which most never are)
    return src, tgt, roles_how(arg, pr.how)


def _named_leader(p: Parse, k: Optional[int], groups: list[ActorGroup]) -> Optional[ActorGroup]:
    """"Rebels led by Hay'at Tahrir al-Sham seized ...": a subject that names no group of its own,
    described by a participle whose agent names one, acts as that group."""
    if k is None:
        return None
    for cl in p.clauses:
        for pr in cl.predicates:
            # (the inherited roles first: most predicates have none)
            if "patient" in pr.inherited and pr.arguments.get("patient") == k and "agent" in pr.arguments:
                # (the subject's own words are read only for such a participle: most subjects have none)
                if names_a_group(groups, p.chunks[k]):
                    return None
                g = group_of(p, pr.arguments["agent"], groups)
                return g if g is not None and any(m.code.group for m in g.members) else None
    return None


def resolve_owners(p: Parse, actors, trace: list[str]) -> set[int]:
    """"The SDF said ISIS killed three of its fighters": a role-only actor in a phrase a possessive
    pronoun owns belongs to the actor the stage found as the pronoun's referent. Returns the
    actors' first tokens it settled."""
    settled = set()
    for a in actors:
        if a.code.country or a.code.group or not a.code.role:
            continue
        c = p.chunk_at(a.first)
        if c is None or not c.owned or c.possessor is None:
            continue
        s, e = phrase_span(p, c.possessor)
        owner = None
        for b in actors:
            if b is not a and s <= b.first <= e and (b.code.country or b.code.group):
                owner = b
                break
        if owner is None:
            continue
        a.code = ActorCode(owner.code.country, owner.code.group, a.code.role)
        settled.add(a.first)
        trace.append(f"{a.name!r}: the possessive pronoun refers to {owner.name!r} (syntax) -> {a.code.code}")
    return settled


def drop_adjectival_agents(p: Parse, actors, toks, prof, trace: list[str]) -> list:
    """"boycott all official contact with X", "an official visit": a word that is a role noun and an
    adjective (the language's ADJECTIVAL_AGENTS) modifying a noun phrase's head after it is no actor."""
    words = prof.ADJECTIVAL_AGENTS     # (set on every language profile: coder.lang.RULE_PARTS)
    if not words:
        return actors
    kept = []
    for a in actors:
        c = p.chunk_at(a.first) if a.first == a.last else None
        if c is not None and c.kind == "np" and c.head > a.first and toks[a.first].norm in words and \
                not (a.code.country or a.code.group):
            trace.append(f"{a.name!r} modifies the noun {toks[c.head].text!r} (syntax): an adjective, not an actor")
            continue
        kept.append(a)
    return kept


def resolve_genitives(p: Parse, actors, trace: list[str]) -> set[int]:
    """"King Hassan of Morocco", "the envoy Jean Dupont of France": a role-only actor heading a
    phrase whose genitive names a country (and no group) belongs to that country, even with an
    unknown name between them. Returns the actors' first tokens it settled."""
    settled = set()
    for a in actors:
        if a.code.country or a.code.group or not a.code.role:
            continue
        k = p.chunk_of[a.first] if 0 <= a.first < len(p.chunk_of) else -1
        if k < 0 or p.chunks[k].kind != "np" or not p.chunks[k].modifiers:
            continue    # (no modifier, so no genitive: phrase_span would end where the chunk does)
        end, e = p.chunks[k].end, phrase_span(p, k)[1]
        if e == end:
            continue    # (no genitive after its chunk: nothing to name its country)
        owner = None
        for b in actors:
            if b is not a and end < b.first <= e:
                owner = b
                break
        if owner is None or not owner.code.country or owner.code.group or owner.code.role:
            continue
        a.code = ActorCode(owner.code.country, None, a.code.role)
        settled.add(a.first)
        trace.append(f"{a.name!r}: the genitive names {owner.name!r} (syntax) -> {a.code.code}")
    return settled


def subject_after(parse, verb: int, actor_tokens: set[int]) -> frozenset[int]:
    """The tokens of a verb's subject when it follows the verb and names an actor (شنت طائرات حربية
    تركية غارات): a light verb's object is looked for after it, not inside it."""
    found = parse.predicate(verb) if parse is not None else None
    k = found[1].arguments.get("subject") if found else None
    if k is None or parse.chunks[k].start <= verb:
        return frozenset()
    c = parse.chunks[k]
    # up to its last actor word: a word after it may be the object the phrase was read over
    for last in range(c.end, c.start - 1, -1):
        if last in actor_tokens:
            return frozenset(range(c.start, last + 1))
    return frozenset()


# the window rules' readings that the syntax stage cannot make: undiacritised Arabic passives and
# English reduced passives are read from the kind of event and actor, not from word order
# ("passive" also finds "read as passive" and "reduced passive"; three tests in C, no generator)
_PASSIVE, _AGENT_AFTER, _CONDITION = "passive", "agent phrase after the verb", "the subject of the condition"
_REPORTED_ROOTS = ("18", "19", "20")   # violence an announcer reports rather than does
_GENITIVE_AGENT = "the genitive is its agent"   # the window rules' reading of "تهديد ترامب"
_ABOUT_EVENT_ROOTS = ("01", "02", "10", "11", "12", "13")   # statements, appeals, demands, disapproval, rejection, threats
_NO_ARGUMENTS: dict[str, int] = {}     # the roles of a trigger with no predicate (an event noun): none


def settle(p: Parse, h: Hit, hits: list[Hit], groups: list[ActorGroup], nominal: set[int], src, tgt, how: str,
           prof, toks, harm_roots) -> tuple:
    """Source and target of one trigger after the window rules (`src`, `tgt`, `how`), from the
    syntax stage: a verb's roles; an event noun's governing verb or claiming clause; the victims of
    a violent event named after them."""
    noun = h.first in nominal
    harm = ROOT[h.entry.code] in harm_roots
    # the verb's own (clause, predicate), asked once: the readings of a verb below all start from it
    found = None if noun else p.predicate(h.first)
    # (the readings below that need a subject, an object or a target are asked only of a verb that
    # has it, or lacks it: most verbs have one shape only)
    args = found[1].arguments if found is not None else _NO_ARGUMENTS
    if not noun and not h.entry.subject_is_target:
        src, tgt, how = _with_roles(p, h, found, groups, src, tgt, how, prof.VERB_SUBJECT_ORDER)
        fronted = fronted_subject(p, found, h.first, toks, prof, groups, group_of, phrase_span) \
            if "subject" in args and "object" not in args else None
        if fronted is not None:
            (src, tgt), how = fronted, how + "; the phrase after 'that' before the verb is its subject (syntax)"
        described = described_subject(p, found, h.first, toks, prof, groups) \
            if "object" in args and "subject" not in args else None
        if described is not None and described is not src:
            src, tgt = described, (None if tgt is described else tgt)
            how += f"; it describes the indefinite {names(src)} right before it: its doer (syntax)"
        prior = _participle_subject(p, h, found, src, tgt, groups) if h.entry.tag == "ing" else None
        if prior is not None:
            src, how = prior, how + "; an -ing participle set off from the actor before it: the subject of the verb before it (syntax)"
        doer = _apposed_act_doer(p, found, groups, toks, prof) if tgt is None else None
        if doer is not None and doer is not src:
            tgt, how = doer, how + "; it describes the act told before the comma: its doer is the target (syntax)"
        if src is not None and harm and \
                _event_noun_subject(p, found, src, groups, harm_noun_words(hits, nominal, harm_roots)):
            src, how = None, how + "; its subject is a violent event noun naming no actor: no doer borrowed from outside it (syntax)"
    elif noun and (src is None or _GENITIVE_AGENT in how):
        # verbs that speak about an event ("condemned the attack") are not its doers; verbs of
        # agreeing, yielding or doing ("agreed on a ceasefire", شن غارات، قرر الاتحاد تجميد أصول X)
        # are, and then the genitive the window rules took for the agent is what the act is on
        # "أعلنت السلطات توقيف 30 عسكريا", "announced the lifting of the curfew": who announces a
        # measure took it; who announces a death or an attack only reports it
        announced = ROOT[h.entry.code] not in _REPORTED_ROOTS
        governed = None
        if announced:   # "أدى إلى مقتل": deaths a cause led to, no one's act
            made = _made_to(p, h.first, groups, other_triggers(hits, h))
            governed = (made, None) if made is not None else None
        governed = governed or nominal_roles(p, h.first, groups,
                                 partial(_event_at, p, h, hits, nominal, announced, prof, toks, harm_roots),
                                 not (prof.has_preposition_clitic(toks[h.first]) or prof.has_conjunction_clitic(toks[h.first])))
        claimed = claimant(p, h.first, groups) if governed is None and src is None else None
        if governed is not None:
            genitive = src if src is not governed[0] else None
            src, tgt = governed[0], tgt or governed[1] or genitive
            tgt = None if tgt is src else tgt
            how += "; the event noun is a verb's object: the verb's subject is its source (syntax)"
        elif claimed is not None:
            src, tgt = claimed, (None if tgt is claimed else tgt)
            how += "; the subject of the relative clause on the event noun did it (syntax)"
    if h.entry.subject_is_target and tgt is None and not noun:
        # "X and his party must agree to ...": the subject of the verb group the word stands in,
        # past names the window rules could not reach over
        subject = group_of(p, found[1].arguments.get("subject"), groups) if found and not found[1].passive else None
        if subject is not None and subject is not src:
            tgt, how = subject, how + "; the subject of its verb group is the target (syntax)"
    if prof.VERB_SUBJECT_ORDER and not noun and harm and not h.entry.objects and \
            victims_of_event(p, h.first, harm_noun_starts(hits, nominal, harm_roots), partial(_after_preposition, p, prof, toks)):
        src, tgt = None, src or tgt
        how = "syntax: victims of the violent event named after them (undiacritised passive)"
    if prof.VERB_SUBJECT_ORDER and not noun and harm and src is not None and src.first > h.last and \
            _after_event_noun(p, h.first, harm_noun_starts(hits, nominal, harm_roots)):
        # "بغارات لطيران التحالف استهدفت مدرسة": a violent verb right after a violent event noun
        # describes it (a relative clause with no relative word): the noun is its subject and the
        # actor after the verb what it struck; the noun's own event carries the doer
        src, tgt = None, src
        how += "; it describes the violent event noun right before it: the actor after it is its object (syntax)"
    handed = marked_agent(p, found, toks, prof, groups, group_of) if "target" in args else None
    if handed is not None:
        src, tgt = handed[0], handed[1] or (tgt if tgt is not handed[0] else None)
        how += f"; {names(src)} follows an agent marker read as a target: the agent (syntax)"
    died = died_of(p, h, groups, toks, prof, harm_roots, group_of) if harm else None
    if died is not None:
        src, tgt = died
        how += f"; {names(tgt)} died of it: its victim, not its doer (syntax)"
    if not noun and tgt is not None and src is None and _qualifies_event_noun(p, h, found, tgt):
        # "شن ضربة جوية أمريكية على": a nationality adjective on the event noun the verb takes is
        # the act's agent, as on an event noun alone ("غارات إسرائيلية"), not what it was aimed at
        src, tgt = tgt, None
        how += f"; {names(src)} qualifies the event noun: its agent"
    if tgt is None and not noun:
        tgt = pronoun_object(p, h, groups, src, toks, prof, group_of)
        if tgt is not None:
            how += f"; the verb carries its object as a pronoun: {names(tgt)}, named before it (syntax)"
    return src, tgt, how


def _after_preposition(p: Parse, prof, toks, n: int) -> bool:
    """Does token n follow a preposition or carry one as a clitic?"""
    return p.tags[n - 1] == "ADP" or prof.has_preposition_clitic(toks[n])


def _event_at(p: Parse, h: Hit, hits: list[Hit], nominal: set[int], announced: bool, prof, toks, harm_roots,
              v: int) -> bool:
    """_event_of_its_own for the verb at token v (the question nominal_roles asks)."""
    return _event_of_its_own(p, v, h, hits, nominal, announced, prof, toks, harm_roots)


def _after_event_noun(p: Parse, verb: int, harm_nouns: list[int]) -> bool:
    """Does the phrase of a violent event noun end right before the verb (غارات لطيران التحالف |
    استهدفت)?"""
    for n in harm_nouns:
        k = p.chunk_of[n] if n < verb else -1
        if k >= 0 and phrase_span(p, k)[1] == verb - 1:
            return True
    return False


def _event_noun_subject(p: Parse, found, src, groups, harm_nouns: set[int]) -> bool:
    """"A roadside bombing near the town of X killed two soldiers", "the blast wounded five": the
    verb's subject (`found`: the verb's clause and predicate) is a violent event noun with no actor
    in its phrase, so an actor outside the phrase (a place, a reporter) is not who did it; the
    noun's own event carries the doer."""
    if found is None or found[1].passive:
        return False
    k = found[1].arguments.get("subject")
    if k is None or p.chunks[k].head not in harm_nouns or group_of(p, k, groups) is not None:
        return False
    return not phrase_holds(p, k, src.first)


def _event_of_its_own(p: Parse, v: int, h: Hit, hits: list[Hit], nominal: set[int], announced: bool, prof, toks,
                      harm_roots) -> bool:
    """Is the verb at token v another trigger's event of its own, so no doer of the event noun h it
    governs: a statement, appeal, demand, disapproval, rejection or threat about it (a reporting
    verb's when h is no measure `announced`), or a verb of harm read as an undiacritised passive
    ("قتل خمسة في انفجار": its subject is the victims)? Only the triggers at v are read."""
    at = [x for x in hits if x.first == v and x is not h]
    if not at:
        return False    # (most governing verbs are no trigger)
    if any(ROOT[x.entry.code] in _ABOUT_EVENT_ROOTS and not (announced and x.entry.speech) for x in at):
        return True
    if not prof.VERB_SUBJECT_ORDER or v in nominal or \
            not any(ROOT[x.entry.code] in harm_roots and not x.entry.objects for x in at):
        return False
    return victims_of_event(p, v, harm_noun_starts(hits, nominal, harm_roots), partial(_after_preposition, p, prof, toks))


def _with_roles(p: Parse, h: Hit, pred, groups, src, tgt, how, pro_drop: bool = False):
    """Source and target from the roles of the predicate `pred` (the trigger's clause and predicate)
    where the stage found actors in them; the window rules' answer stands where it found none, and
    for readings it cannot make."""
    # disapproval is aimed at whom it is about, not at whom it is addressed to (CAMEO 11)
    # a march or a sit-in has no direct object: the party a marker (against, hostile to) names is
    # what it is against, not the noun phrase after the verb (the portraits the crowd carried)
    if pred is None:
        return src, tgt, how    # (no predicate: no roles to read)
    window = _PASSIVE in how or _AGENT_AFTER in how or _CONDITION in how
    # verb-first languages drop a subject the verb before named (not English: "air" read as a verb)
    if pro_drop and "subject" not in pred[1].arguments and src is not None and not window:
        prior = _prior_subject(p, h.first, src, groups)
        if prior is not None:
            src, how = prior, how + "; no subject of its own: the verb before it has one, not the actor between (syntax)"
    # a verb whose object names no actor is no passive: "قصفت طائرات تركية قافلة" is active
    active = "object" in pred[1].arguments and "read as passive" in how and \
        _names_nothing(p, pred[1].arguments["object"], groups) and tgt is not None and tgt.members[0].code.role is None
    if window and not active:
        return src, tgt, how    # (the roles are read only where they decide)
    found = roles_for(p, pred[1], groups, about_first=ROOT[h.entry.code] == "11", target_first=ROOT[h.entry.code] == "14")
    if found is None:
        return src, tgt, how
    s2, t2, how2 = found
    s2 = s2 if s2 is not None else (src if src is not t2 else None)
    if t2 is None and tgt is not None and s2 is not None and len(s2.members) > 1 and p.oblique(tgt.first):
        # "X and Y met in Hanoi": with parties of their own, a phrase after a preposition that marks
        # no argument is where they met, not a third party
        return s2, None, how2 + f"; {names(tgt)} follows a preposition: where, not the target"
    if t2 is None and tgt is s2 and s2 is not None and ROOT[h.entry.code] != "14":   # a march takes no object
        # "وقال X ... واتهم Y قوات النظام": the window rules read the verb's own subject after it as
        # the object of a verb sharing the subject before; the phrase right after the subject is
        for g in groups:
            if g.first == s2.last + 1 and not p.oblique(g.first):
                t2 = g
                break
        if t2 is not None:
            return s2, t2, how2 + f"; the phrase after its subject is its object: {names(t2)} (syntax)"
    t2 = t2 if t2 is not None else (tgt if tgt is not s2 else None)
    return s2, t2, how2


def _participle_subject(p: Parse, h: Hit, pred, src, tgt, groups):
    """"X filed a case at the court on Friday, accusing Y of ...": an -ing participle (`pred`: its
    clause and predicate) with no subject of its own, parted from the actor before it by a comma or
    an adverbial, continues the subject of the verb before it; right after a noun ("protesters
    demanding ...") it describes that noun."""
    if h.entry.tag != "ing" or src is None or src.last + 1 >= h.first:
        return None
    if pred is None or "subject" in pred[1].arguments:
        return None
    # the actor is some verb's own subject, or a verb stands between it and the participle: not parted
    for cl in p.clauses:
        for q in cl.predicates:
            k = q.arguments.get("subject")
            if src.last < q.verb < h.first or (k is not None and phrase_holds(p, k, src.first)):
                return None
    prior = _prior_subject(p, h.first, src, groups)
    return prior if prior is not tgt else None


def _apposed_act_doer(p: Parse, found, groups, toks, prof):
    """"X suspended education for women, a decision condemned by the UN": a passive participle (`found`:
    its clause and predicate) on a noun naming an act (the language's APPOSED_ACT_NOUNS) set off by a
    comma describes the act told before it; whom the reaction is aimed at is that act's subject."""
    if found is None or not found[1].passive or found[1].arguments.get("patient") is None:
        return None
    nouns = profile_part(prof, "APPOSED_ACT_NOUNS")
    c = p.chunks[found[1].arguments["patient"]]
    if toks[c.head].norm not in nouns or c.start == 0 or toks[c.start - 1].norm != ",":
        return None
    before = None   # the last predicate with a subject before the phrase
    for cl in p.clauses:
        for q in cl.predicates:
            if q.verb < c.start and "subject" in q.arguments:
                before = q
    return group_of(p, before.arguments["subject"], groups) if before is not None else None


def _prior_subject(p: Parse, verb: int, src, groups):
    """"أجرى X اتصالاً بـY، قدّم خلاله التعازي": a verb with no subject of its own whose nearest actor
    on the left sits after the verb before it (its object, recipient) continues that verb's subject."""
    before = [pr for cl in p.clauses if cl.kind == "main" for pr in cl.predicates if pr.verb < verb]
    if not before or "subject" not in before[-1].arguments:
        return None
    prev = before[-1]
    if not prev.verb < src.first < verb or phrase_holds(p, prev.arguments["subject"], src.first):
        return None
    subject = group_of(p, prev.arguments["subject"], groups)
    return subject if subject is not None and subject is not src else None


def _names_nothing(p: Parse, k: int, groups) -> bool:
    """No actor inside the phrase: a thing (قافلة), which only an active verb takes as its object."""
    c = p.chunks[k]
    return not any(g.first <= c.end and g.last >= c.start for g in groups)


def _qualifies_event_noun(p: Parse, h: Hit, pred, g) -> bool:
    """Is the actor group `g` a bare nationality adjective (amod) on the event noun that the trigger
    verb (`pred`: its clause and predicate) takes as its object ("شن ضربة جوية أمريكية", "launched a
    US strike")?"""
    k = pred[1].arguments.get("object") if pred is not None else None
    if k is None or p.chunks[k].head not in h.tokens or p.chunks[k].head == h.first:
        return False
    return ("amod", g.first) in p.chunks[k].modifiers and \
        all(m.code.role is None and m.code.group is None for m in g.members)
