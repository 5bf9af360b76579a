"""The event rules: from the mentions of one sentence to event candidates with source and target.

No parser: the rules read the order of triggers, actor groups and closed-class words (grammar.yaml)
the way PETRARCH's patterns read a parse, and every decision is written to the trace.

- negation before a trigger ("did not attack", "لم يهاجم") codes nothing;
- a passive (auxiliary + participle, or an agent marker after the trigger: "killed by",
  "على يد") takes the source from the agent phrase and the target from the patient;
- verb-subject languages take the actor right after the verb as source when none precedes it;
- reporting verbs (say, قال) are coded only when the sentence reports no other event;
- a coordinated actor group ("X and Y") gives one event per member.
"""
from __future__ import annotations

import datetime as dt
from functools import partial
from operator import attrgetter
from typing import Optional

from coder.lang import profile_part
from coder.lexicon.load import NO_EVENT, Trigger
from coder.model import ActorCode, Mention, Sentence
from coder.lexicon.grammar import by_kind, grammar_markers, grammar_roles
from coder.lexicon.light_verbs import LightVerbs
from coder.spans import longest_non_overlapping
from coder.rules.actors import ActorGroup, build_actors, group_actors
from coder.rules.names import in_proper_name, misread_names
from coder.rules.counts import counts_marks_and_watched, drop_counted_nouns, rule_words
from coder.rules.slots import HARM_ROOTS, as_country, fill_slots, seat_as_place
from coder.rules.expand import expand as _expand
from coder.rules.consolidate import discard_roots, drop_included, imply_actors, merge_same_root
from coder.rules.members import members_of_forces
from coder.rules.non_finite import drop_non_finite
from coder.rules.objects import OBJECT_WINDOW, STOPS_WANTED, countable as _countable, object_end as _object_end
from coder.rules.mentions import (drop_objects_read_otherwise, in_longer_name, named_by, opens_conjunct, outside_longer_names,
                                  outside_triggers, read_as_verbs, unnamed_roles, without_firsts, without_mentions)
from coder.rules.custody import (drop_unordered, may_need_order, own_people, published_not_freed,
                                 raids_of_arrests, stated_charges)
from coder.rules.possessions import drop_shared_possessions, own_forces_act
from coder.rules.protest import protest_objects
from coder.rules.retaliation import retaliation_targets
from coder.rules.truce import may_name_onset, truce_onsets
from coder.rules.victims import victims_over_places
from coder.rules.mood import drop_prospects, mood_of
from coder.rules.generic import drop_told_in_general
from coder.rules.reality import (condition_subject, flag_background, flag_episodes, flag_eras, not_real,
                                 settle_mood_and_frames, settle_pairs, speaker_as_source)
from coder.rules.placed import placed_mentions
from coder.rules.disguise import disguised_mentions
from coder.rules.affiliation import affiliations, domestic_opposition, fold_allies, resolve_possessives
from coder.rules.roles import drop_adjectival_agents, resolve_genitives, resolve_owners, settle, subject_after, verbal_noun_object
# (EventCandidate: re-exported, the rows read it here)
from coder.rules.types import (NO_TOKENS, ONE_TOKEN, ONE_TOKEN_REACH, PUNCT_BARRIER, ROOT,  # noqa: F401
                               AnyOf, EventCandidate, Hit, SentenceAnalysis, names)

_FIRST = attrgetter("first")
_new = object.__new__
_RULE_ID = attrgetter("entry.rule_id")


# the trace steps written for every trigger, actor and coded trigger: kept as (formatter, *arguments)
# and formatted only when the trace is read (types.SentenceAnalysis.trace). The arguments are strings,
# lexicon entries, actor codes and groups, which nothing alters once the step is written.
_TRIGGER_STEP = "trigger {0!r} -> {1.code} ({1.rule_id}, {1.pos}/{1.tag})".format
_LIGHT_VERB_STEP = "trigger {0!r} -> {1.code} ({1.rule_id}, {1.pos}/{1.tag}), object up to {2!r}".format


def _actor_step(name: Optional[str], code: ActorCode, rule_ids: tuple[str, ...]) -> str:
    return f"actor {name!r} -> {code.code} ({', '.join(rule_ids)})"


def _slots_step(trigger: str, how: str, src: Optional[ActorGroup], tgt: Optional[ActorGroup]) -> str:
    return f"{trigger!r}: {how}; source {names(src)}, target {names(tgt)}"


def _tokens_of(mentions: list[Mention]) -> set[int]:
    """The tokens the mentions take. (Most are one word: a range is built only for a longer one.)"""
    tokens = {m.first for m in mentions}
    for m in mentions:
        if m.last != m.first:
            tokens.update(range(m.first + 1, m.last + 1))
    return tokens


def _reads_as_noun(h: Hit, toks, roles: dict[str, set[int]], prof) -> bool:
    """Does the trigger name an event rather than predicate one? Nouns do; so does a verb form
    after a preposition or the clitic ل in Arabic ("مسؤوليتها عن خطف", "لمنع": verbal nouns) and
    a base form after a determiner in English ("dismissed an appeal from the president")."""
    if h.entry.pos == "noun":
        return True
    before = h.first - 1
    if prof.VERB_SUBJECT_ORDER:
        # (read_as_purpose's first test made here, as below: a word as written, form 0, is read through
        # no clitic in any language, and most triggers match as written: no call for them)
        return before in roles.get("complement_marker", ()) or \
            (h.mention.first_form != 0 and prof.read_as_purpose(toks[h.first], h.mention.first_form))
    return h.entry.tag == "base" and before in roles.get("determiner", ())


def _determined_head(parse, h: Hit, genitive: set[int]) -> bool:
    """A base form heading a noun phrase with a determiner further left ("in the second-worst
    attack", "the latest attack"): the syntax stage's chunk makes it a noun. Not with a possessive
    ("its demand that X ..."): read as a verb, the clause's subject stays its source. Not after "of"
    either: the frame and episode rules read those ("the anniversary of the Halabja massacre")."""
    if h.entry.tag != "base" or h.first != h.last:
        return False
    c = parse.chunk_at(h.first)
    if c is None or c.kind != "np" or c.head != h.first or c.owned or (c.start - 1) in genitive:
        return False
    for rel, t in c.modifiers:
        if rel == "det" and t < h.first:
            return True
    return False


def _entries_in(entry) -> int:
    """How many lexicon entries a trigger mention's entry stands for (a word's light verbs: several)."""
    return len(entry.entries) if type(entry) is LightVerbs else 1


def _rank(h: Hit) -> tuple:
    """The order in which the readings of a sentence's words take them (_select_triggers)."""
    # (the entry read once, and no call to bool: `not objects` orders as -bool(objects) would, a light
    # verb first, and -(not agents) as bool(agents), an entry needing no particular subject first)
    e = h.entry
    return (not e.objects, -len(h.tokens), e.code != NO_EVENT, -(not e.subject_agents), e.pos != "verb",
            -len(e.code), h.first)


def _select_triggers(mentions: list[Mention], sent: Sentence, actor_tokens: set[int], lang: str,
                     trace: list, actor_ms: list[Mention] = (), parse=None,
                     window: int = OBJECT_WINDOW, numbers: set[int] = frozenset(),
                     marks: set[int] = frozenset(), forms: Optional[set[str]] = None) -> list[Hit]:
    """The trigger mentions that hold, with a light verb's object; `actor_ms`: its actor mentions,
    whose words `actor_tokens` are; `numbers`: the positions of its counts, read through the article,
    `marks`: of its punctuation (PUNCT_BARRIER), and `forms`: its lookup forms among the watched words,
    which hold the first words of every light verb's object, all from counts.counts_marks_and_watched."""
    toks = sent.tokens
    hits = []
    if forms is None:
        forms = counts_marks_and_watched(toks, lang)[2]
    tags = parse.tags if parse is not None else ()     # (read by position: the adverbs, ADV)
    # per token, for the object windows, the predicates the syntax stage reads as verbs (not
    # "battle" in "18 battle tanks"), where a window past a comma stops, and the inner words of long
    # names: built at the first window (most sentences have none)
    countable = verbs = name_tails = None
    subject_of = -1     # the verb whose subject and window are the last worked out
    adverbs = "ADV" in tags     # (a sentence with no adverb has no time phrase: no trigger asked)
    for m in mentions:
        e: Trigger = m.entry
        # (the tag asked before the part of speech: most triggers are verbs, few words adverbs)
        if adverbs and tags[m.first] == "ADV" and e.pos == "verb" and "ADV" in tags[m.last + 1:m.last + 2]:
            # a verb spelling the syntax stage reads as an adverbial before another time word: a time
            # phrase ("فجر اليوم": dawn today, not "blew up"; "فجر نفسه" stays a bombing)
            # (a line an entry: a word's light verbs of one kind are one mention)
            trace.extend([f"{m.text!r}: part of a time phrase, not a verb"] * _entries_in(e))
            continue
        if e.objects:
            # a word's light verbs of one kind are one mention (LightVerbs): its entries tried in turn
            for e in (e.entries if type(e) is LightVerbs else (e,)):
                # (the set walks the entry's few keys: no keys view)
                if forms.isdisjoint(e.objects_by_first):
                    continue    # none of its objects starts with a word of the sentence (most light verbs' case)
                if countable is None:
                    countable = _countable(toks, actor_tokens, tags, lang, numbers, marks)
                    # (the verbs are read only past a comma, which most windows never cross: None until
                    # one does)
                    verbs = None if parse is not None else NO_TOKENS
                    # the inner words of a long name (وحدات حماية الشعب: not "protection") are not a
                    # verb's object; a two-word name keeps its head ("allowed UN inspectors": inspectors)
                    name_tails = {t for a in actor_ms if a.kind == "actor" and a.last - a.first >= 2
                                  for t in range(a.first + 1, a.last + 1)}
                # (the light verbs of one word come one after another, and their subject and window
                # are the word's: worked out at the first of them only)
                if m.first != subject_of or e.pos != "verb":
                    subject = subject_after(parse, m.first, actor_tokens) if e.pos == "verb" else frozenset()
                    subject_of = m.first if e.pos == "verb" else -1
                    # (the window starts after the trigger: the trigger's own verb is never among the
                    # stops) a subject between the verb and its object brings its titles and
                    # adverbials along: the language's window then (wider in verb-subject order),
                    # else the plain one
                    skip, reach = (name_tails | subject, window) if subject else (name_tails, OBJECT_WINDOW)
                found = _object_end(toks, m.last + 1, e, countable, skip, verbs, reach)
                if found is STOPS_WANTED:   # (the window crossed a comma: the verbs that stop it, read now)
                    verbs = read_as_verbs(mentions, tags)
                    found = _object_end(toks, m.last + 1, e, countable, skip, verbs, reach)
                if found is None:
                    continue
                hits.append(Hit(m, e, m.first, m.last, m.start, toks[found[1]].end,
                                frozenset((*range(m.first, m.last + 1), *range(found[0], found[1] + 1)))))
        else:
            # (most triggers are one word: no range built for it. The fields set one by one on a bare
            # instance, the dataclass's __init__ costing a Python frame a trigger; no more than three a
            # statement, a longer unpacking builds a tuple)
            h = _new(Hit)
            h.mention, h.entry, h.first = m, e, m.first
            h.last, h.start, h.end = m.last, m.start, m.end
            h.tokens = (ONE_TOKEN[m.first] if m.first < ONE_TOKEN_REACH else frozenset((m.first,))) \
                if m.first == m.last else frozenset(range(m.first, m.last + 1))
            hits.append(h)
    # the most specific reading wins: a matched object, then the longer phrase, then verbs over nouns
    # (an entry that needs a particular subject yields to one that does not: "حاصرت القوات" is a siege)
    # (a senses.yaml reading, no event, outranks the event readings of the same words)
    if len(hits) > 1:   # (most sentences hold one trigger: nothing to rank)
        hits.sort(key=_rank)
    kept, taken, readings = [], set(), []
    for h in hits:
        if h.entry.code == NO_EVENT:
            readings.append(h)
            # a no-event reading claims its words even next to a longer reading that took some of
            # them ("delivered ... battle tanks": the object took "tanks", "battle" is no fight)
            if not h.tokens <= taken:
                trace.append(f"{sent.text[h.start:h.end]!r}: read as {h.entry.rule_id}, no event")
                taken |= h.tokens
            continue
        if not taken.isdisjoint(h.tokens):    # (no intersection built to be tested)
            continue
        taken |= h.tokens
        kept.append(h)
        trace.append((_LIGHT_VERB_STEP, h.mention.text, h.entry, sent.text[h.start:h.end]) if h.entry.objects
                     else (_TRIGGER_STEP, h.mention.text, h.entry))
    # a no-event reading longer than a light verb's object reads the object otherwise (readings: gathered above)
    if readings:
        drop_objects_read_otherwise(kept, readings, sent.text, trace)
    if len(kept) > 1:
        kept.sort(key=_FIRST)
    return kept


def analyse(sent: Sentence, mentions: list[Mention], lang_profile, day: Optional[dt.date],
            parse=None) -> SentenceAnalysis:
    """The events of one sentence, from its lexicon mentions (coder.recognise.matcher.match) and the
    syntax stage's parse (coder.syntax.parse; without one, the window rules fill every slot)."""
    # (the fields set on a bare instance, as for Hit: the dataclass's __init__ costs a Python frame and
    # builds four lists the lines below replace. Actors, groups and triggers are set on every return)
    out = _new(SentenceAnalysis)
    out.mentions, out.steps, out.parse, out.events = mentions, [], None, []
    toks, text, trace = sent.tokens, sent.text, out.steps   # (steps: the trace as written, formatted when read)
    # each grammar role's tokens: the matcher's index (mentions made otherwise: from their grammar mentions)
    roles = grammar_roles(mentions)
    # the mentions by kind: the matcher's lists (never altered, read only), else sorted here
    # and the words of the actor mentions (actor_tokens)
    triggers = getattr(mentions, "triggers", None)
    if triggers is None:
        triggers, actor_ms, discards, actor_tokens = by_kind(mentions)
    else:
        actor_ms, discards, actor_tokens = mentions.actor_mentions, mentions.discards, mentions.actor_words
    for m in discards:
        if not m.entry.roots:   # (one with classes drops only their events: discard_roots)
            trace.append(f"discarded: {m.text!r} ({m.rule_id}) marks a sentence that is not an event")
            out.triggers, out.actors, out.groups = [], [], []
            out.roles = out.actor_mentions = None   # (no index of the mentions kept)
            return out
    # (the index of the mentions by kind kept for the later stages; roles is never altered in place)
    out.parse, out.roles, out.actor_mentions = parse, roles, actor_ms
    # (first, last) of each agent marker ("by", "على يد"), the one role whose spans are read: few sentences have one
    agent_spans = [(first, last) for first, last, entries in grammar_markers(mentions) for e in entries
                   if e.role == "agent_marker"] if "agent_marker" in roles else []

    # a trigger word inside a longer actor name is part of the name ("United States", "Hay'at Tahrir al-Sham")
    # (actor_tokens: the words of actor_ms, gathered above)
    n_actor_ms = len(actor_ms)
    if not getattr(lang_profile, "CASED_SCRIPT", True):
        # a script without capitals (Arabic): no trigger word opens a proper name, so the one test left
        # is the actor names' (most triggers: none holds them; trig_ms is read only)
        trig_ms = outside_longer_names(triggers, actor_tokens, actor_ms)
    else:
        trig_ms = []
        for m in triggers:
            # (most triggers: no actor name holds them)
            if m.first in actor_tokens and in_longer_name(m, actor_ms):
                continue
            # (its first test inlined: a trigger whose first word has no capital is in no name)
            initial = toks[m.first].text[:1]
            if initial.isupper() and initial.isalpha() and in_proper_name(toks, m.first, m.last):
                # (a line an entry: a word's light verbs of one kind are one mention)
                trace.extend([f"{m.text!r}: a capitalised word inside a proper name, not a trigger"] * _entries_in(m.entry))
                continue
            trig_ms.append(m)
    # a number starts a new noun phrase: "خطف مسلحون أربعة أميركيين" is gunmen and four Americans;
    # punctuation ends a phrase and an object window: both sought once, in one pass, with the lookup
    # forms among the words some rules look for (`forms`: a rule whose words are none of them has
    # nothing to look for)
    # (the matcher gathers them in its walk where the pipeline gave it counts.word_kinds: no second pass)
    kinds = getattr(mentions, "word_kinds", None)
    numbers, marks, forms = kinds if kinds is not None else counts_marks_and_watched(toks, lang_profile.CODE)
    # (the window through profile_part: a profile without one, English, would raise and format an
    # AttributeError a sentence inside getattr)
    window = profile_part(lang_profile, "OBJECT_WINDOW", OBJECT_WINDOW)
    hits = _select_triggers(trig_ms, sent, actor_tokens, lang_profile.CODE, trace, actor_ms, parse,
                            window, numbers, marks, forms)
    if numbers and lang_profile.MODIFIER_AFTER_NOUN:     # (no count: nothing counted)
        hits = drop_counted_nouns(hits, toks, lang_profile, trace, numbers)
    if len(hits) == 1:  # (one trigger: its own words, no set built)
        trigger_tokens = hits[0].tokens
    else:
        trigger_tokens = set()
        for h in hits:
            trigger_tokens |= h.tokens
    # an actor word inside a trigger phrase is part of the trigger ("carried out", "أطلق سراح")
    # ... but people in the trigger's object ("freed 222 political prisoners", "fired tear gas at
    # demonstrators") are who the event is done to; forces there are the means ("offered its troops")
    # (most sentences have no actor word in a trigger phrase: every mention is kept, none is tested)
    if not trigger_tokens.isdisjoint(actor_tokens):
        actor_ms = outside_triggers(actor_ms, hits, trigger_tokens, toks, lang_profile)
    actor_ms = longest_non_overlapping(actor_ms)
    if actor_ms:    # (a sentence that names no actor, as some do, has none to read otherwise)
        given, money, facilities = misread_names(toks, actor_ms, mentions, parse, lang_profile)
        for m in given:
            trace.append(f"{m.text!r} before the unknown capitalised word {toks[m.last + 1].text!r}: a given name, not the country")
        for m in money:
            trace.append(f"{m.text!r} before a currency: the money's name, not an actor")
        for m in facilities:
            trace.append(f"{m.text!r} names the place {toks[m.last + 1].text!r}, not an actor")
        if given or money or facilities:    # (rarely any: the list is rebuilt only then)
            actor_ms = without_mentions(actor_ms, given + money + facilities)
        # a country or capital right after "in", "near", "في" is where, not who
        locative = roles.get("locative_marker", NO_TOKENS)
        placed = placed_mentions(actor_ms, toks, locative, roles.get("coordinator", NO_TOKENS), lang_profile)
        for m in placed:
            trace.append(f"{m.text!r} follows a locative word: a place, not an actor")
        # (most sentences hold none of the disguise, link and ally words nor an anaphor: tested once here,
        # which spares the calls of the three passes that look for them)
        rule_words_here = not rule_words(lang_profile.CODE).isdisjoint(forms)
        disguised = disguised_mentions(actor_ms, toks, lang_profile, forms) if rule_words_here else []
        for m in disguised:
            trace.append(f"{m.text!r} names a uniform or a likeness, not an actor")
        if placed or disguised:
            # (by first word: the mentions overlap nowhere, and a list test would compare them field by field)
            actor_ms = without_firsts(actor_ms, placed + disguised)
    # a word that names an actor is not also a grammar word ("IS fighters" is no passive "is")
    # (the passes above only drop mentions: with none dropped, the words are those of every actor mention,
    # else among them, and those kept are gathered only where a grammar word is among them, rarely)
    named = actor_tokens if len(actor_ms) == n_actor_ms else None
    for idx in roles.values():
        if not actor_tokens.isdisjoint(idx):
            named = named if named is not None else _tokens_of(actor_ms)
            if not named.isdisjoint(idx):
                roles, agent_spans = unnamed_roles(roles, agent_spans, named)
                break
    coord = roles.get("coordinator", NO_TOKENS)
    # punctuation and digits end a phrase; digits are counts, so they are sought among the few numbers
    # (a set of its own made at the first in digits: with none, the marks serve alone)
    punct = marks
    for i in numbers:
        if toks[i].norm[:1].isdigit():
            if punct is marks:
                punct = set(marks)
            punct.add(i)
    if actor_ms:
        agent, origin = roles.get("agent_marker", NO_TOKENS), roles.get("origin_marker", NO_TOKENS)
        barrier = AnyOf((punct, numbers, coord, trigger_tokens, roles.get("clause_break", NO_TOKENS), agent,
                         roles.get("target_marker", NO_TOKENS)))
        # (the origin words less the agent markers: a new set only with words of both, read only below)
        actors = build_actors(actor_ms, toks, text, barrier, day, lang_profile,
                              roles.get("genitive_marker", NO_TOKENS), origin - agent if origin and agent else origin,
                              parse.chunk_of if parse is not None else ())
        if parse is not None:
            actors = drop_adjectival_agents(parse, actors, toks, lang_profile, trace)
        actors = drop_shared_possessions(actors, toks, lang_profile, coord, trace)
        settled = resolve_owners(parse, actors, trace) if parse is not None else set()
        settled |= resolve_genitives(parse, actors, trace) if parse is not None else NO_TOKENS  # (no third set)
        if rule_words_here:
            settled |= affiliations(actors, toks, lang_profile, trace, forms)
        resolve_possessives(actors, toks, lang_profile, trace, settled)
        if len(actors) > 1:     # (a member and its force: two actors at least)
            locative = roles.get("locative_marker", NO_TOKENS)   # (a union only with words of both roles)
            between = locative | origin if locative and origin else locative or origin
            if between:     # (a word between them is "in" or "from": with neither in the sentence, no member)
                members_of_forces(actors, between, trace)
        # (the conjunction on a name, وتركيا, is asked only of a name right after another actor: few are)
        groups = group_actors(actors, coord, toks, partial(opens_conjunct, actor_ms, toks, lang_profile))
        if rule_words_here:
            fold_allies(groups, toks, lang_profile, trace, forms)
        if len(groups) < len(actors):   # (the groups part the actors: with as many, each is one actor alone)
            domestic_opposition(groups, trace)
    else:   # (no mention: no actor, and none of the passes over them has one to read)
        actors, groups = [], []
    out.actors, out.groups, out.triggers = actors, groups, hits
    for a in actors:
        trace.append((_actor_step, a.name, a.code, a.rule_ids))

    if not hits:    # (no trigger: the actors above are all the sentence gives)
        return out
    # (the two passes below read entries by name: the hits' rule ids, joined once, tell if one is here)
    rule_ids = " ".join(map(_RULE_ID, hits))
    if may_name_onset(rule_ids):
        hits = truce_onsets(hits, toks, roles.get("truce_noun", NO_TOKENS), trace)   # before they take an infinitive
    hits = drop_non_finite(hits, roles, actor_ms, toks, lang_profile, trace, marks)
    if may_need_order(rule_ids):    # (drop_non_finite gives an order the entry of a hit above: no new entry)
        hits = drop_unordered(hits, roles.get("command_verb", NO_TOKENS), trace)
    # (the passes below, and those after the slots, return what they are given on their first test:
    # one trigger, no marker word. That test is made here, which spares most sentences the calls)
    if len(hits) > 1:
        hits = raids_of_arrests(hits, toks, roles.get("means_marker", NO_TOKENS), trace)
        hits = stated_charges(hits, toks, trace)
    publication = roles.get("publication_noun")
    if publication:
        hits = published_not_freed(hits, publication, trace)
    if not hits:    # (the passes above dropped every trigger: no event to settle)
        return out
    # (a noun answers _reads_as_noun's first test: no call for it; and the first tests of the other two
    # are made here: a verbal noun is a word tagged NOUN, and only a one-word base form heads a phrase)
    nominal = set()
    for h in hits:
        if h.entry.pos == "noun" or _reads_as_noun(h, toks, roles, lang_profile) or \
                (parse is not None and ((parse.tags[h.first] == "NOUN" and verbal_noun_object(parse, h.first)) or
                                        (h.entry.tag == "base" and h.first == h.last and
                                         _determined_head(parse, h, roles.get("genitive_marker", NO_TOKENS))))):
            nominal.add(h.first)
    negation = roles.get("negation", NO_TOKENS)
    passive_aux = roles.get("passive_auxiliary", NO_TOKENS)
    agent_markers = sorted(agent_spans)
    conditional = roles.get("conditional_marker", NO_TOKENS)
    modal = roles.get("modal_marker", NO_TOKENS)
    clause_breaks = roles.get("clause_break", NO_TOKENS)
    if conditional:     # (rare: the role's own set serves alone, read and never altered, with none)
        clause_breaks = clause_breaks | conditional
    for i in marks:
        if toks[i].norm in (";", "؛"):     # (rare: a set of its own only then)
            clause_breaks = clause_breaks | {i}
    # words that cannot start a verb's object: after one of them a transitive verb has none
    # (asked of a few triggers only: the sets read as one, no union built)
    prepositions = AnyOf((marks, clause_breaks, roles.get("target_marker", NO_TOKENS),
                          roles.get("complement_marker", NO_TOKENS), roles.get("agent_marker", NO_TOKENS)))
    no_object = AnyOf((*prepositions, roles.get("locative_marker", NO_TOKENS)))
    transitive = roles.get("transitive_participle", NO_TOKENS)
    subordinators = roles.get("subordinator", NO_TOKENS)
    coded: list[tuple[Hit, Optional[ActorGroup], Optional[ActorGroup]]] = []
    sources: dict[int, Optional[ActorGroup]] = {}
    objects_of_unreal: set[int] = set()
    unreal_future = False      # "X will not attend, the ministry said": said of nothing done
    # a threat, and an event noun whose genitive is its doer, among the coded: the two passes after the
    # loop that read them are called only then (most sentences have neither)
    threats = doer_genitives = False
    for k, h in enumerate(hits):
        window_end = hits[k + 1].first if k + 1 < len(hits) else len(toks)
        if k in objects_of_unreal:
            trace.append(f"{h.mention.text!r}: the object of a verb that did not happen, no event")
            continue
        # (its first tests made here: most sentences have none of the three markers)
        unreal = not_real(h, negation, conditional, modal, punct) if negation or conditional or modal else None
        if unreal:
            trace.append(f"{h.mention.text!r}: {unreal}, no event")
            unreal_future = unreal_future or mood_of(h, toks, roles, lang_profile) in ("future", "forecast")
            nxt = hits[k + 1] if k + 1 < len(hits) else None
            if h.first not in nominal and nxt is not None and nxt.first in nominal and \
                    clause_breaks.isdisjoint(range(h.last + 1, nxt.first)) and punct.isdisjoint(range(h.last + 1, nxt.first)):
                objects_of_unreal.add(k + 1)   # "لم تعلن أي جهة مسؤوليتها عن الهجوم": no claim, no new attack
            continue
        src, tgt, how = fill_slots(h, k, hits, groups, toks, window_end, passive_aux, agent_markers,
                               clause_breaks, coord, sources, lang_profile, no_object, transitive, nominal,
                               prepositions, subordinators)
        if parse is not None:
            src, tgt, how = settle(parse, h, hits, groups, nominal, src, tgt, how, lang_profile, toks, HARM_ROOTS)
        if h.entry.subject_agents and not (src and named_by(src, h.entry.subject_agents)):
            trace.append(f"{h.mention.text!r}: needs {', '.join(h.entry.subject_agents)} as its subject, none here")
            continue
        root = ROOT[h.entry.code]
        if root == "13":
            threats = True
            threatened = condition_subject(h, groups, conditional, punct)
            if threatened is not None and threatened is not src:
                tgt, how = threatened, how + "; the subject of the condition is the one threatened"
        if tgt is not None and root in HARM_ROOTS and \
                seat_as_place(tgt, roles.get("seat_place_marker", NO_TOKENS), actor_ms, toks, lang_profile):
            # "a bomb exploded in Baghdad": violence in a capital is not against its government
            trace.append(f"{names(tgt)}: a capital after {toks[tgt.first - 1].text!r}, where the violence "
                         "happened, not its target")
            tgt = as_country(tgt)
        if h.entry.genitive == "source":
            doer_genitives = True
        sources[k] = src
        trace.append((_slots_step, h.mention.text, how, src, tgt))
        coded.append((h, src, tgt))
    # (the passes below read and drop coded triggers, then their events: with none they do nothing)
    if not coded:
        return out

    if threats and len(coded) > 1:
        coded = retaliation_targets(coded, HARM_ROOTS, trace)
    if doer_genitives:
        coded = own_forces_act(coded, trace)
    coded = settle_mood_and_frames(coded, hits, toks, roles, nominal, lang_profile, trace,
                                   # (a no-event reading is asked about only for an event noun)
                                   sense_read=bool(nominal) and NO_EVENT in [m.entry.code for m in trig_ms])
    coded = drop_told_in_general(coded, parse, toks, roles, actor_ms, numbers, nominal, lang_profile, trace)
    # (its first test made here: most sentences have none of its marker words)
    if roles.get("prospect_governor") or roles.get("prospective_marker") or roles.get("necessity_marker"):
        coded = drop_prospects(coded, toks, roles, nominal, lang_profile, trace)
    if unreal_future and coded and all(h.entry.speech for h, _, _ in coded):
        trace.append("the statement reports only a negated future; not coded")
        coded = []
    background = flag_background(coded, toks, roles.get("relative_marker", NO_TOKENS),
                                 roles.get("background_marker", NO_TOKENS),
                                 named if named is not None else _tokens_of(actor_ms), trace) \
        if lang_profile.RELATIVE_CLAUSES_ARE_BACKGROUND else set()
    episode, era = roles.get("episode_marker"), roles.get("era_marker")
    if episode:
        background |= flag_episodes(coded, toks, episode, trace)
    if era:
        background |= flag_eras(coded, toks, era, trace)
    if len(coded) > 1:
        coded = settle_pairs(coded, toks, clause_breaks, punct, nominal, trace, parse)
        coded = drop_included(coded, toks, nominal, roles.get("determiner", NO_TOKENS), lang_profile, trace)
    dropped = [h for h, _, _ in coded if h.entry.speech]   # (the list answers the test too: no generator)
    if len(dropped) < len(coded):   # an event other than speech
        if dropped:     # (the speaker of a reporting verb: with none, no source to lay)
            coded = speaker_as_source(coded, trace)
            trace.append("reported speech: the reporting verb(s) " +
                         ", ".join(repr(h.mention.text) for h in dropped) + " are not coded; the reported event is")
            coded = [c for c in coded if not c[0].entry.speech]   # (with none, the acts stay as they are)
    if not coded:
        return out

    out.events = _expand(coded, text, nominal, trace)
    for e in out.events:
        e.is_background = e.trigger_first in background
    imply_actors(out.events, trace)
    own_people(out.events, trace)
    if len(out.events) > 1:
        out.events = merge_same_root(out.events, trace)
    marked = roles.get("protest_object_marker")
    protest_objects(out.events, actors, trace, {i + 1 for i in marked} if marked else NO_TOKENS)
    locative = roles.get("locative_marker")
    if locative:
        victims_over_places(out.events, actors, locative, trace)
    if discards:
        out.events = discard_roots(out.events, discards, trace)
    return out

