"""The argument reader of a language whose modifiers follow the noun (Arabic): verb-subject-object,
or subject-verb-object after أن or at the start of a clause (coder/syntax/clauses.py calls it per
predicate); and _inherit, a subject taken from the clause a predicate's clause depends on, which
both readers use."""
from __future__ import annotations

from coder.syntax.marks import (HAS_OBJECT_PRONOUN, HAS_SUBJECT, IS_ACCUSATIVE, IS_ADVERBIAL, IS_FIRST_PERSON,
                                IS_FIRST_PERSON_READ, IS_NOMINATIVE, QUOTATION_MARKS, _NOUN_READER, _accusative,
                                _carries_pronoun, _first_person, _noun_reader, _opens_quote, word_marks)
from coder.syntax.records import Clause, Predicate

# (bound once: a method of a name imported by `from` is looked up and bound at each call)
_noun_reader_known = _NOUN_READER.get


def _inherit(p: Predicate, cl: Clause, clauses: list[Clause], why: str) -> None:
    """A subject from the clause this one depends on: a participle's, a relative's antecedent."""
    if cl.kind == "relative" and cl.antecedent is not None and cl.antecedent >= 0:
        p.arguments["subject"], p.how["subject"] = cl.antecedent, "the antecedent of the relative pronoun"
        return
    parent = clauses[cl.parent] if cl.parent is not None and cl.parent < len(clauses) else None
    if cl.kind in {"participle", "main"} and parent is not None and parent.predicates and \
            "subject" in parent.predicates[0].arguments:
        p.arguments["subject"], p.how["subject"] = parent.predicates[0].arguments["subject"], why
        p.inherited.add("subject")


def _after_noun(p, cl, prev, before, after, coordinated, chunks, toks, tags, prof, actorish, clauses,
                speech=frozenset(), lexical=(), later: bool = False, R=None, bare=(), prep=(), conj=(),
                verb_bits: int | None = None, definite=()) -> None:
    """Arabic: verb-subject-object, or subject-verb-object after أن or at the start of a clause; in a
    relative clause the antecedent is the subject unless the verb carries it as its object pronoun
    (الهجوم الذي شنته حماس). `bare`: per chunk, no preposition governs it; `prep`, `conj`, `definite`:
    per token, it carries a preposition or a conjunction clitic, the article; `verb_bits`: the verb's
    (marks._verb_bits), if known."""
    bare_after = []
    circumstantial, agreement, marks = _noun_reader_known(prof.CODE) or _noun_reader(prof.CODE)
    pp_end = leftover = -2
    # the end of the phrases passed so far: every one the loop passes is covered (a prepositional
    # phrase, a subject, an adverb) or ends the loop, so only the tokens after it are left to test
    reach = p.verb
    relative_clause = cl.kind == "relative"
    for k in after:
        c = chunks[k]
        # between the verb (or the subject) and this phrase only adverbs, punctuation, prepositional
        # phrases and prepositions with a pronoun (استقبل الأسد في دمشق، أمس، وزير الخارجية)
        # (a slice of tags: no loop per token; none where the phrase follows right after)
        # (a gap of one word, most gaps (a preposition): its tag asked alone, with no slice made)
        distance = c.start - reach
        if distance > 1 and (tags[reach + 1] not in _BETWEEN_PHRASES if distance == 2 else
                        not _BETWEEN_PHRASES.issuperset(tags[reach + 1:c.start])):
            break
        if c.end > reach:
            reach = c.end
        # in a relative clause, a preposition that carries the pronoun resuming the antecedent (فيها، عليه)
        # governs no phrase after it: المدارس التي يدرس فيها الأطفال
        after_pronoun = relative_clause and c.start > 0 and tags[c.start - 1] == "ADP" and _carries_pronoun(toks[c.start - 1], prof) and \
            c.kind == "np" and not prep[c.start]
        if toks[c.head].norm in {"%", "٪"}:
            continue    # 3 %: the sign belongs to the number before it
        if c.start == c.end:
            # (word_marks read in place, and a bit of the marks from their tables, here and below: no call per
            # phrase and predicate, no bitwise and, which the interpreter (3.11) does not specialise)
            w = toks[c.start]
            memo = w.memo   # (the word's bits from its memo where kept: marks.word_marks)
            if IS_ADVERBIAL[memo.marks if memo.marks_of is marks else word_marks(w, prof, marks)]:
                continue    # رسمياً، قائلاً: an adverb or the subject's state, no argument
        if bare_after and c.start - 1 > chunks[bare_after[-1]].end and c.kind == "np" and not definite[c.head] and \
                circumstantial(toks[c.head]):
            # (right after the subject the participle is the object: قتل الجنود متظاهرين)
            if "complement" not in p.arguments:    # جاء المتظاهرون ... مطالبين بـ: what the subject did meanwhile
                p.arguments["complement"], p.how["complement"] = k, "the subject's state (a participle after it)"
            continue
        # (the quotation mark's own word asked first: most words are none, with no call made)
        if leftover < 0 and pp_end >= 0 and (c.start - 1 == pp_end or (
                c.start - 2 == pp_end and toks[c.start - 1].norm in QUOTATION_MARKS and _opens_quote(toks, c.start - 1))) and \
                bare[k] and not after_pronoun:
            leftover = k     # على الدرب الصحيح، من خلال حساب كلينتون المصرفي: what the chunker left of the phrase
        if not (bare[k] or after_pronoun) or (bare_after and conj[c.start]) or \
                (leftover >= 0 and bare_after):
            # (once a phrase continued a prepositional phrase, no later phrase is an argument):
            # a prepositional phrase, or a conjunct (والعديد)
            pp_end = c.end
            if "recipient" not in p.arguments and "complement" in p.arguments and toks[c.start].norm[:1] == "ل" and \
                    (c.start - 1 == chunks[p.arguments["complement"]].end or (leftover >= 0 and c.start - 1 == chunks[leftover].end)) and \
                    prep[c.start]:
                # قام الجيش بتوزيع مساعدات للنازحين: a لـ phrase right after the بـ complement names whom it is for
                p.arguments["recipient"], p.how["recipient"] = k, "the phrase after لـ, after the complement"
            if "complement" not in p.arguments and prep[c.start] and \
                    toks[c.start].norm[:1] == "ب" and c.kind == "np":
                p.arguments["complement"], p.how["complement"] = k, "the phrase after بـ (قام الجيش باعتقال)"
            continue
        gap = tags[chunks[bare_after[-1]].end + 1:c.start] if bare_after else ()
        if gap and gap.count("PUNCT") == len(gap):
            break     # "قال جو, رئيس ...": after a bare comma, an apposition, not an object
        bare_after.append(k)
        if len(bare_after) == 2:
            break
    last_before = None    # the last phrase before the verb no preposition governs (found from the end)
    for k in reversed(before):
        if bare[k] or (chunks[k].kind == "pronoun" and tags[chunks[k].head] == "SCONJ"):    # لأنها: no preposition
            last_before = k
            break
    # a subject before its verb heads its clause (after أن, or first in the sentence): not a phrase
    # after a fronted place ("وفي بلدة ... شمال القطاع أطلقت دبابة")
    opening = cl.marker + 1 if cl.marker is not None else cl.start
    # (only auxiliaries between it and the verb: the phrases before it all end before it, none
    # covers a token between) (no slice made where no word lies between, most subjects)
    if last_before is not None and not coordinated:
        subject = chunks[last_before]
        svo = (subject.end + 1 == p.first or _AUXILIARY.issuperset(tags[subject.end + 1:p.first])) \
            and (opening == subject.start or _CLAUSE_OPENING.issuperset(tags[opening:subject.start])
                 # a personal pronoun right before the verb is its subject wherever it stands (فهو قد أخرج)
                 or tags[subject.head] == "PRON")
    else:
        svo = False
    verb = toks[p.verb]
    # a first-person verb carries its subject (نواجه، سنرى): as a word no lexicon reads, or one it reads
    # (kept with the verb's bits)
    person = verb_bits if verb_bits is not None else _first_person(verb.norm, prof.CLITIC_COORDINATORS)
    first_person = (IS_FIRST_PERSON_READ if lexical and lexical[p.verb] > 0 else IS_FIRST_PERSON)[person]
    memo = verb.memo
    verb_marks = memo.marks if memo.marks_of is marks else word_marks(verb, prof, marks)
    object_pronoun = HAS_OBJECT_PRONOUN[verb_marks]    # شنته، يدخنها: the object is the pronoun
    first_actor = accusative = False
    if bare_after:
        first = chunks[bare_after[0]]
        # (reference._names in place: no call per predicate)
        start = first.start
        first_actor = start in actorish if start == first.end else not actorish.isdisjoint(range(start, first.end + 1))
        w = toks[first.head]
        memo = w.memo
        accusative = IS_ACCUSATIVE[memo.marks if memo.marks_of is marks else word_marks(w, prof, marks)]
    if accusative:
        # قضى شهراً، يواجه نقصاً: a word written with the accusative ending is no subject; the verb
        # carries its subject (or it follows)
        bare_after = bare_after[:1]
        first_person = True
    relative = cl.kind == "relative" and cl.antecedent is not None and not cl.predicates
    if relative and object_pronoun and bare_after:
        # الهجوم الذي شنه التنظيم: the verb's pronoun is the antecedent, its subject follows
        p.arguments["subject"], p.how["subject"] = bare_after[0], "the noun phrase after the verb (verb-subject order)"
        p.arguments["object"], p.how["object"] = cl.antecedent, "the antecedent, resumed by the verb's pronoun"
        return
    if relative and bare_after and agreement is not None and cl.marker is not None:
        rel = prof.RELATIVES.get(toks[cl.marker].norm) or prof.RELATIVES.get(toks[cl.marker].norm[1:])
        if rel is not None and prof.disagree(rel, agreement(toks[p.verb])):
            # الأطفال الذين تتراوح أعمارهم، الرسائل التي حاول الرئيس: a verb that does not agree with
            # the relative pronoun has a subject of its own, after it
            relative = False
    if object_pronoun:
        bare_after = bare_after[:1]
    if svo:
        p.arguments["subject"], p.how["subject"] = last_before, "the noun phrase before the verb"
        bare_after = bare_after[:1]
    elif first_person:
        bare_after = bare_after[:1]
    elif relative and tags[cl.marker] != "REL":
        # سيارة تقل قياديين: a clause with no relative pronoun describes the noun before it, its subject
        # (taken from that phrase: no word of the clause names it)
        p.arguments["subject"], p.how["subject"] = cl.antecedent, "the noun the clause describes"
        p.inherited.add("subject")
        bare_after = bare_after[:1]
    elif relative and bare_after and _resumed_after_preposition(toks, tags, prof, p.verb + 1, chunks[bare_after[0]].start):
        # المدن التي ترتفع فيها المباني: the pronoun after the preposition resumes the antecedent, the
        # phrase after it is the verb's own subject
        p.arguments["subject"], p.how["subject"] = bare_after[0], "the noun phrase after the verb (verb-subject order)"
        bare_after = []
    elif relative:
        p.arguments["subject"], p.how["subject"] = cl.antecedent, "the antecedent of the relative pronoun"
        bare_after = bare_after[:1]
    elif HAS_SUBJECT[verb_marks]:
        # يقاتلون، قتلوا: the verb's own suffix is its subject, the phrase after it its object
        if coordinated and prev is not None and "subject" in prev.arguments:
            p.arguments["subject"], p.how["subject"] = prev.arguments["subject"], "shared with the coordinated verb"
            p.inherited.add("subject")
        elif cl.kind == "subordinate" and not cl.predicates and cl.parent is not None and clauses[cl.parent].predicates:
            # حاول المسلحون أن يقتحموا السجن: the subject the verb carries is the one of the verb the
            # clause depends on (when that verb is of its gender)
            up = clauses[cl.parent].predicates[-1]
            if "subject" in up.arguments and not (agreement is not None and prof.disagree(
                    (agreement(toks[up.verb])[0], ""), (agreement(toks[p.verb])[0], ""))):
                p.arguments["subject"], p.how["subject"] = up.arguments["subject"], "the subject of the verb it depends on"
                p.inherited.add("subject")
        else:
            _inherit(p, cl, clauses, "the subject of the clause it depends on")
        bare_after = bare_after[:1]
    elif cl.kind == "relative" and cl.antecedent is None and not cl.predicates and not (
            cl.marker is not None and cl.marker > 0 and _accusative(toks[cl.marker - 1])):
        # (غالباً ما تبدأ العواصف، عادةً ما: ما after an adverb makes "often", the subject follows)
        # "... ما أدى إلى مقتل أربعة": ما resumes the clause before it, the verb's subject
        bare_after = bare_after[:1]
    elif coordinated and prev is not None and "subject" in prev.arguments and not first_actor and \
            not (agreement is not None and prof.disagree((agreement(toks[prev.verb])[0], ""), (agreement(toks[p.verb])[0], ""))):
        # (قصف الجيش ... وأعلنت الوزارة: a verb of the other gender has a subject of its own)
        p.arguments["subject"], p.how["subject"] = prev.arguments["subject"], "shared with the coordinated verb"
        p.inherited.add("subject")     # the first verb's, as in English: not this verb's own
        bare_after = bare_after[:1]
    elif bare_after and not first_actor and cl.kind == "subordinate" and _controlled(p, cl, clauses, toks, prof, agreement):
        # قررت الحكومة أن تفرض عقوبات، يأمل الحزب أن ينتزع المقعد: after أن, a verb of the gender of the
        # verb it depends on, before a phrase that names no actor, has that verb's subject; the phrase
        # is its object
        up = clauses[cl.parent].predicates[-1]
        p.arguments["subject"], p.how["subject"] = up.arguments["subject"], "the subject of the verb it depends on"
        p.inherited.add("subject")
    elif bare_after:
        p.arguments["subject"], p.how["subject"] = bare_after[0], "the noun phrase after the verb (verb-subject order)"
        bare_after = bare_after[1:]
    else:
        _inherit(p, cl, clauses, "the subject of the clause it depends on")
    if bare_after:
        w = toks[chunks[bare_after[0]].head]
        memo = w.memo
        nominative = IS_NOMINATIVE[memo.marks if memo.marks_of is marks else word_marks(w, prof, marks)]
    else:
        nominative = False
    if nominative:
        # أقحم شهرٌ، سيستمر عملنا: a phrase written in the nominative is the subject, never the object
        # (the subject the stage took from before the verb or from another clause was not its own)
        if "subject" not in p.arguments or p.how.get("subject") != "the noun phrase after the verb (verb-subject order)":
            p.arguments["subject"], p.how["subject"] = bare_after[0], "the noun phrase after the verb, in the nominative"
            p.inherited.discard("subject")
        bare_after = []
    if bare_after and not object_pronoun and p.verb not in speech and bare_after[0] != leftover:   # قال: what was said is a clause
        p.arguments["object"], p.how["object"] = bare_after[0], "the noun phrase after the verb" + \
            (" (its subject named before)" if "subject" in p.arguments else "")


_BETWEEN_PHRASES = frozenset({"ADV", "PUNCT", "PART", "ADP"})     # the tags _after_noun passes between the verb and a phrase
_AUXILIARY = frozenset({"ADV", "PART", "AUX"})     # the tags between a subject and its verb
_CLAUSE_OPENING = _AUXILIARY | {"PUNCT", "CCONJ", "SCONJ"}     # the tags before a subject that heads its clause


def _controlled(p: Predicate, cl: Clause, clauses: list[Clause], toks, prof, agreement) -> bool:
    """Is p the first verb of a clause opened by a bare أنّ/أن (no pronoun on it) right after the verb
    it depends on and that verb's subject, and of that verb's gender (a ت in front read as feminine)?"""
    if agreement is None or cl.kind != "subordinate" or cl.predicates or cl.marker is None or \
            cl.parent is None or not clauses[cl.parent].predicates or p.first != cl.marker + 1 or \
            prof.subject_pronoun(toks[cl.marker]) or toks[cl.marker].norm not in prof.QUOTE_THAT:
        return False
    up = clauses[cl.parent].predicates[-1]
    if "subject" not in up.arguments or "subject" in up.inherited:
        return False
    g_up, g = agreement(toks[up.verb])[0], agreement(toks[p.verb])
    gender = g[0] or ("feminine" if g[1] == "singular" and toks[p.verb].norm.lstrip("وف")[:1] == "ت" else "")
    return bool(g_up) and g_up == gender


def _resumed_after_preposition(toks, tags, prof, start: int, end: int) -> bool:
    """A preposition that carries a pronoun among tokens start to end - 1 (فيها). (A function of its
    own: a generator in _after_noun would make its locals cells, read through them at every use.)"""
    return any(tags[i] == "ADP" and _carries_pronoun(toks[i], prof) for i in range(start, end))
