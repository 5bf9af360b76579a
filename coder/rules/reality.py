"""Which coded events a sentence reports as having happened, as news of its own: negation,
if-clauses and modals; what accusations and claims allege; event nouns that name an event reported
elsewhere (the object of a condemnation, a relative clause, an "after ..." phrase); and who lays an
obligation. Each decision is written to the trace."""
from __future__ import annotations

from operator import attrgetter
from typing import Optional

from coder.rules.actors import ActorGroup
from coder.rules.charges import drop_charged
from coder.rules.mood import MOOD_READ_ROLES, apply_mood, conjunct_of
from coder.rules.protest import PROTEST_ROOT
from coder.rules.roles import governor_of
from coder.rules.slots import opens_with_conjunction
from coder.rules.types import NO_TOKENS, PUNCT_BARRIER, ROOT, Hit, names, punct_apart

NEGATION_WINDOW = 3     # tokens before a trigger in which a negation cancels it
MODAL_WINDOW = 3        # tokens before a trigger in which a modal makes it a mere possibility

# statements, appeals, demands, disapproval, rejection, threats: verbs whose object can be an event
_ABOUT_EVENTS = ("01", "02", "10", "11", "12", "13")


def fold_object_nouns(coded: list, toks, breaks: set[int], nominal: set[int], trace: list[str], parse=None) -> list:
    """"X condemned the Turkish attack", "نددت الجامعة بالهجوم التركي": an event noun that is the
    object of a statement, appeal, threat or rejection names an event reported elsewhere; it is
    not coded again, and its doer (else its victim) is whom the verb is about. Reporting verbs
    ("announced the killing of") are not folded: what they report is the event. With a parse, the
    noun the stage finds as the verb's object is folded across the dates and commas of a VSO
    sentence too ("دانت الخارجية، في بيان اليوم، اقتحام ...")."""
    if len(coded) < 2:
        return coded    # (one act: no event noun after it to fold)
    out, skip = [], set()
    for i, (h, src, tgt) in enumerate(coded):
        if i in skip:
            continue
        if h.first not in nominal and not h.entry.speech and ROOT[h.entry.code] in _ABOUT_EVENTS and i + 1 < len(coded):
            n, nsrc, ntgt = coded[i + 1]
            if n.first in nominal and (not any(b in breaks for b in range(h.last + 1, n.first)) or
                                       _parsed_object(parse, h, n)):
                skip.add(i + 1)
                if tgt is None:
                    tgt = nsrc or ntgt
                trace.append(f"{n.mention.text!r}: the object of {h.mention.text!r}, an event reported before; "
                             f"{h.mention.text!r} is about {names(tgt)}")
        out.append((h, src, tgt))
    return out


# coercion and assault (CAMEO 17, 18) done to a protest (CAMEO 14) named as the verb's object
_ON_PROTESTS = ("17", "18")


def aim_at_protesters(coded: list, breaks: set[int], nominal: set[int], trace: list[str]) -> list:
    """"Police dispersed a rally by students", "troops broke up the opposition's march": a coercion
    or assault with no target of its own whose object is a protest is aimed at who held it."""
    if len(coded) < 2:
        return coded    # (one act: no protest after it)
    out = []
    for i, (h, src, tgt) in enumerate(coded):
        if tgt is None and h.first not in nominal and ROOT[h.entry.code] in _ON_PROTESTS and i + 1 < len(coded):
            n, nsrc, _ = coded[i + 1]
            if n.first in nominal and ROOT[n.entry.code] == PROTEST_ROOT and nsrc is not None and nsrc is not src and \
                    not any(b in breaks for b in range(h.last + 1, n.first)):
                tgt = nsrc
                trace.append(f"{h.mention.text!r}: done to the protest {n.mention.text!r}, aimed at {names(tgt)}")
        out.append((h, src, tgt))
    return out


def _parsed_object(parse, h: Hit, n: Hit) -> bool:
    """Does the syntax stage read the event noun n as the object of h's verb?"""
    if parse is None:
        return False
    pr = governor_of(parse, n.first)
    k = pr.arguments.get("object") if pr is not None else None
    return k is not None and pr.first <= h.first <= pr.verb and parse.chunks[k].head == n.first


# Accusing, denying, rejecting and claiming (CAMEO 11, 12, 015, 016) report what someone alleges: the
# events in their complement ("accused Israel of killing", "denied that its forces shelled") are
# not coded as having happened; the accusation or denial is.
_ALLEGING = ("11", "12", "015", "016")
_ALLEGING_ROOTS = frozenset(ROOT[c] for c in _ALLEGING)     # their classes (01 for 015, 016)
ALLEGED_WINDOW = 20


def _punctuated(toks, start: int, end: int) -> bool:
    """Is one of the tokens start..end-1 a comma or a semicolon?"""
    for i in range(start, end):
        if toks[i].norm in (";", "؛", ",", "،"):
            return True
    return False


def drop_alleged(coded: list, toks, trace: list[str], parse=None) -> list:
    if len(coded) < 2:
        return coded    # (one act: no accusation before it)
    out, alleging = [], None
    for h, src, tgt in coded:
        if alleging is not None and h.first <= alleging + ALLEGED_WINDOW and \
                not _punctuated(toks, _complement_start(parse, alleging, h.first), h.first):
            trace.append(f"{h.mention.text!r}: alleged by an accusation, denial or claim before it, not coded")
            continue
        out.append((h, src, tgt))
        if h.entry.code.startswith(_ALLEGING):
            alleging = h.last
    return out


def settle_pairs(coded: list, toks, clause_breaks: set[int], punct: set[int], nominal: set[int], trace: list[str],
                 parse=None) -> list:
    """The passes that read a pair of acts, in order: aim_at_protesters, fold_object_nouns,
    drop_alleged; each only where the acts hold a class it reads (_pair_passes_for). (They drop acts
    or change targets, never a class: what one pass keeps, the classes asked before still describe.)"""
    if len(coded) < 2:
        return coded    # (one act: no pair to read)
    protests, about, alleging = _pair_passes_for({ROOT[h.entry.code] for h, _, _ in coded})
    if protests or about:
        breaks = clause_breaks | punct
        if protests:
            coded = aim_at_protesters(coded, breaks, nominal, trace)
        if about:
            coded = fold_object_nouns(coded, toks, breaks, nominal, trace, parse)
    return drop_alleged(coded, toks, trace, parse) if alleging else coded


def _pair_passes_for(roots: set[str]) -> tuple[bool, bool, bool]:
    """Which pair passes acts of these classes can give work: an assault or coercion beside a
    protest; a statement, appeal or rejection (whose object may be an event); an accusation or denial."""
    return (PROTEST_ROOT in roots and not roots.isdisjoint(_ON_PROTESTS), not roots.isdisjoint(_ABOUT_EVENTS),
            not roots.isdisjoint(_ALLEGING_ROOTS))


def _complement_start(parse, alleging: int, i: int) -> int:
    """Where the complement of an accusation or denial starts: past the commas of a VSO date
    ("نفت الوزارة، أمس، أن تكون قواتها قد قصفت"), the word opening the subordinate clause that
    holds token i; else the alleging verb itself."""
    cl = parse.clause_of(i) if parse is not None else None
    if cl is not None and cl.kind == "subordinate" and cl.marker is not None and alleging < cl.marker <= i:
        return cl.marker
    return alleging


RELATIVE_WINDOW = 4   # tokens between a relative pronoun (or an after/since marker) and the verb of its clause
# a subject after "that" makes it a complement clause ("announced that it will withdraw")
_SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "there", "this"})


def _relative_pronoun(h: Hit, toks, relative: set[int], actor_tokens: set[int]) -> Optional[int]:
    """"Adli Yaish, who had been arrested 15 months ago", "the group that has seized Mosul": the
    relative pronoun that opens the trigger's clause, if any. "that" is a relative pronoun only when
    no subject stands between it and the verb ("said that Iraq attacked", "announced that it will
    withdraw" are complement clauses)."""
    window = range(max(0, h.first - RELATIVE_WINDOW), h.first)
    pronoun = max((i for i in window if i in relative or
                   (toks[i].norm == "that" and not any(
                       j in actor_tokens or toks[j].norm in _SUBJECT_PRONOUNS for j in range(i + 1, h.first)))),
                  default=None)
    if pronoun is not None and not punct_apart(toks, pronoun, h):
        return pronoun
    return None


def _background_marker(h: Hit, toks, background: set[int]) -> Optional[int]:
    """"advised against travel to Tunisia after the museum shooting last week", "two weeks after
    rebels kidnapped dozens of peacekeepers": the after/since/following marker whose phrase holds
    the trigger, if any."""
    if not background:
        return None
    window = range(max(0, h.first - RELATIVE_WINDOW), h.first)
    marker = max((i for i in window if i in background), default=None)
    if marker is not None and not punct_apart(toks, marker, h):
        return marker
    return None


def flag_background(coded: list, toks, relative: set[int], background: set[int], actor_tokens: set[int],
                    trace: list[str]) -> set[int]:
    """The triggers (by first token) of events the sentence reports as background: in a relative
    clause, which tells the reader who someone is, or in an after/since phrase, what the news came
    after. They are still coded, with is_background = true (SPEC 5), so that a dashboard can keep
    or drop them; nothing is removed here."""
    flagged = set()
    for h, _, _ in coded:
        pronoun = _relative_pronoun(h, toks, relative, actor_tokens)
        if pronoun is not None:
            trace.append(f"{h.mention.text!r}: in a relative clause after {toks[pronoun].text!r}, background")
            flagged.add(h.first)
            continue
        marker = _background_marker(h, toks, background)
        if marker is not None:
            trace.append(f"{h.mention.text!r}: named after {toks[marker].text!r}, background")
            flagged.add(h.first)
    return flagged


def flag_episodes(coded: list, toks, episode: set[int], trace: list[str]) -> set[int]:
    """"marked the anniversary of the Halabja massacre", "في ذكرى مجزرة حلبجة", "survivors of the
    1988 gas attack": the first event noun after a word of remembrance names a past episode,
    background in every language (still coded, SPEC 5); a later word ("survivors of the massacre
    demanded") is news."""
    flagged = set()
    if not episode:
        return flagged
    firsts = sorted(h.first for h, _, _ in coded)
    for h, _, _ in coded:
        # a noun, or a bare form read as one ("the Halabja massacre"), or a verb form right after the
        # marker, a verbal noun there ("في قضية خطف"); a finite verb after the episode's name tells
        # the news about it
        marker = _background_marker(h, toks, episode)
        if h.entry.pos != "noun" and h.entry.tag != "base" and (marker is None or h.first != marker + 1):
            continue
        if marker is not None and not any(marker < f < h.first for f in firsts):
            trace.append(f"{h.mention.text!r}: a past episode named after {toks[marker].text!r}, background")
            flagged.add(h.first)
    return flagged


ERA_REACH = 12   # words between an era marker and an event of its clause ("كثرت غارات القراصنة ... في القرن الـ 17")


def flag_eras(coded: list, toks, era: set[int], trace: list[str]) -> set[int]:
    """"كثرت غارات القراصنة على الجزر في القرن السابع عشر", "خلال الحرب العالمية الثانية": an event
    told in the clause of an era or a decade long gone (no punctuation between them) is history,
    background (still coded, SPEC 5), whatever the publication date."""
    flagged = set()
    if not era:
        return flagged
    for h, _, _ in coded:
        near = [i for i in era if abs(i - h.first) <= ERA_REACH and not any(
            toks[k].norm in PUNCT_BARRIER for k in range(min(i, h.first) + 1, max(i, h.first)))]
        if near:
            trace.append(f"{h.mention.text!r}: told in the clause of the era {toks[near[0]].text!r}, background")
            flagged.add(h.first)
    return flagged


def in_condition(h: Hit, conditional: set[int], punct: set[int]) -> bool:
    """Is the trigger inside an if-clause (a conditional word before it, no punctuation between)?"""
    if not conditional:
        return False
    for i in range(h.first - 1, max(-1, h.first - 12), -1):
        if i in punct:
            return False
        if i in conditional:
            return True
    return False


def condition_subject(h: Hit, groups: list[ActorGroup], conditional: set[int], punct: set[int]) -> Optional[ActorGroup]:
    """"threatened to flood its borders if Europe refuses": the actor of the if-clause after a threat."""
    marker = next((i for i in sorted(conditional) if i > h.last), None)
    if marker is None or any(p in punct for p in range(h.last + 1, marker) if p not in conditional):
        return None
    return next((g for g in groups if marker < g.first <= marker + 4
                 and not any(p in punct for p in range(marker, g.first))), None)


def speaker_as_source(coded: list, trace: list[str]) -> list:
    """"Straw said the Sudanese government must reach an agreement": an obligation with no source
    of its own is laid by the speaker of the reporting verb before it."""
    out, speaker = [], None
    for h, src, tgt in coded:
        if h.entry.speech and src is not None:
            speaker = src
        elif h.entry.speaker_is_source and src is None and speaker is not None:
            trace.append(f"{h.mention.text!r}: laid on {names(tgt)} by the speaker {names(speaker)}")
            src = speaker
        out.append((h, src, tgt))
    return out


def not_real(h: Hit, negation: set[int], conditional: set[int], modal: set[int], punct: set[int]) -> Optional[str]:
    """Why the trigger reports nothing that happened, or None: negated, in an if-clause, after a modal."""
    # (each marker set tested first: most sentences have none of them)
    if negation:
        if not negation.isdisjoint(range(max(0, h.first - NEGATION_WINDOW), h.first)):
            return "negated"
        tokens = h.tokens
        for i in range(h.first + 1, max(tokens, default=h.first)):
            if i in negation and i not in tokens:
                return "negated"    # between the verb and its object: "will not attend", "would not send"
    if conditional and in_condition(h, conditional, punct):
        return "inside an if-clause, hypothetical"
    if modal and not modal.isdisjoint(range(max(0, h.first - MODAL_WINDOW), h.first)):
        return "after a modal (could, may, يمكن), a possibility"
    return None


FRAME_WINDOW = 3    # tokens between a frame word and the event noun it frames ("despite Zelenskiy's challenge")
STEP_WINDOW = 2     # tokens between "في خطوة" / "in a move" and the purpose noun it introduces
_REQUESTING = ("02", "10", "13")   # appeals, demands, threats: a noun after their request word is asked for


def drop_framed_nouns(coded: list, hits: list[Hit], toks, frames: set[int], nominal: set[int], prof,
                      trace: list[str], sense_read: bool = False, requests: frozenset[int] | set[int] = frozenset(),
                      responses: frozenset[int] | set[int] = frozenset(),
                      steps: frozenset[int] | set[int] = frozenset()) -> list:
    """"رداً على الهجوم الكيميائي", "خلال زيارته", "despite Zelenskiy's challenge", "the final stage
    of talks": an event noun in a frame phrase (grammar.yaml frame_markers) names the occasion, the
    reason or the setting of the news, an event reported elsewhere, when the sentence predicates an
    event of its own with a verb. Violence framing violence ("قتل خمسة جراء القصف") is left to the
    merge of one event told with several words. An event noun read through the purpose clitic
    ("للتشاور", "لبحث") says what the verb's event was for."""
    # a verb tells the sentence's own event, even one that did not happen ("did not travel despite ...")
    verbal = []
    for h in hits:
        if h.first not in nominal and not h.entry.speech:
            verbal.append(h)
    # with no verb, an event noun outside any frame tells the news ("قرر تجميد أصول ... بسبب غزوها")
    # (read only with a frame or request word: most sentences have none)
    anchors = (verbal or _unframed(coded, frames)) if frames or requests else ()
    out = []
    for h, src, tgt in coded:
        # "في خطوة لنزع سلاح الحزب", "in a move to disarm": the purpose is what the act amounts to, coded
        # (the clitic read first: most event nouns match as written, and no step word's window is built for them)
        if h.first in nominal and (verbal or sense_read) and h.mention.first_form and \
                steps.isdisjoint(range(max(0, h.first - STEP_WINDOW), h.first)) and \
                prof.read_as_purpose(toks[h.first], h.mention.first_form):
            # "للمطالبة", "لاستهداف", "للتفجير": what the verb's event (or a no-event reading: "عثرت على
            # سيارة مفخخة جاهزة للتفجير") was for, not an event of its own
            trace.append(f"{h.mention.text!r}: a purpose, part of another event; not coded")
            continue
        if not (frames or requests) or not anchors or anchors == [h]:
            out.append((h, src, tgt))   # (with no frame or request word, no marker to frame it)
            continue
        # a bare base form after a frame reads as a noun too ("despite Zelenskiy's challenge")
        if (h.first in nominal or h.entry.tag == "base") and not h.entry.speech:
            marker = _nearest_before(h.first, frames, FRAME_WINDOW)
        elif h.entry.tag == "s" and not h.entry.speech and (h.first - 1) in frames and _other_than(verbal, h):
            # "at talks", "the final stage of talks": an -s form right after a frame word is a plural noun
            marker = h.first - 1
        else:
            marker = None
        if marker is not None or (h.first in nominal or h.entry.tag == "base") and not h.entry.speech:
            if marker is None and (h.first - 1) in requests and _requested(verbal, h.first):
                # "دعت ... الطرفين إلى وقف فوري لإطلاق النار": what an appeal or demand asks for
                marker = h.first - 1
            answered = marker is not None and marker in responses   # "رداً على الهجوم": the earlier attack
            if marker is not None and not punct_apart(toks, marker, h) and \
                    (answered or not (_violent(h.entry.code) and any([_violent(v.entry.code) for v in anchors]))):
                trace.append(f"{h.mention.text!r}: framed by {toks[marker].text!r}, an event reported elsewhere; not coded")
                continue
        out.append((h, src, tgt))
    return out


def _unframed(coded: list, frames: set[int]) -> list[Hit]:
    """The coded acts but speech with no frame word in the FRAME_WINDOW words before them."""
    out = []
    for h, _, _ in coded:
        if not h.entry.speech and frames.isdisjoint(range(max(0, h.first - FRAME_WINDOW), h.first)):
            out.append(h)
    return out


def _nearest_before(first: int, marks: set[int], window: int) -> Optional[int]:
    """The nearest of the marks among the `window` words before token `first`."""
    for i in range(first - 1, max(-1, first - 1 - window), -1):
        if i in marks:
            return i
    return None


def _other_than(hits: list[Hit], h: Hit) -> bool:
    for v in hits:
        if v is not h:
            return True
    return False


def _requested(verbal: list[Hit], first: int) -> bool:
    """Does an appeal, demand or threat verb stand before token `first`?"""
    for v in verbal:
        if v.first < first and ROOT[v.entry.code] in _REQUESTING:
            return True
    return False


UNREAL_NOUN_WINDOW = 2   # "لأي هجوم", "خشية وقوع هجوم": a marker at most one word before the event noun


def drop_unreal_nouns(coded: list, toks, unreal: set[int], nominal: set[int], trace: list[str],
                      prospective: frozenset[int] | set[int] = frozenset(), prof=None,
                      kinds: frozenset[int] | set[int] = frozenset(), coord: frozenset[int] | set[int] = frozenset()) -> list:
    """"تحسبا لأي ضربة جوية", "خشية تعرضه لمحاولة اغتيال", "مخططات تفجير", "for fear of an attack":
    an event noun after any/fear/prevention/plan words (grammar.yaml unreal_noun_markers), or next to
    an adjective that puts it to come ("الهجوم التركي المرتقب", "a possible attack": prospective_markers),
    names an event that may come, not one that happened. Next to a word of repetition or proneness
    ("تكرار خطف الصحافيين", "الاعتداءات المتكررة", "الأكثر عرضة لهجمات": kind_markers) it names a
    kind of act that recurs, no particular event. An act listed after one so dropped shares its fate
    ("من أجل تدميره وقتل أبنائه")."""
    if not (unreal or prospective or kinds):
        return coded    # no marker to drop an event by, so none to share its fate
    return _drop_unreal_nouns(coded, toks, unreal, nominal, trace, prospective, prof, kinds, coord)


def _drop_unreal_nouns(coded: list, toks, unreal: set[int], nominal: set[int], trace: list[str],
                       prospective: frozenset[int] | set[int], prof, kinds: frozenset[int] | set[int],
                       coord: frozenset[int] | set[int]) -> list:
    """drop_unreal_nouns with a marker in the sentence (its tests read the markers: cells made only here)."""
    out, dropped = [], None
    for h, src, tgt in coded:
        if dropped is not None and prof is not None and conjunct_of(dropped, h, toks, coord, prof):
            trace.append(f"{h.mention.text!r}: listed with {dropped.mention.text!r}, no event either; not coded")
            dropped = h
            continue
        # a verb form with the article is a verbal noun ("في حالة التظاهر"), and so is one right after a
        # marker noun or preposition ("احتمال شن هجمة", "لمنع اطلاق النار"), or the genitive of a noun
        # right after one ("ما شهدته من عمليات خطف", "يبرر القيام بحملات قصف"): a finite verb does not follow them
        masdar = prof is not None and h.entry.pos == "verb" and \
            (prof.is_definite(toks[h.first]) or (h.first - 1) in unreal or (h.first - 1) in kinds or
             (h.first - 2) in unreal or (h.first - 2) in kinds)
        if (h.first in nominal or masdar or h.entry.tag in ("noun", "base")) and not h.entry.speech:
            marker = next((i for i in range(h.first - 1, max(-1, h.first - 1 - UNREAL_NOUN_WINDOW), -1)
                           if i in unreal or i in prospective), None)
            if marker is None:
                marker = next((i for i in range(h.last + 1, min(len(toks), h.last + 1 + UNREAL_NOUN_WINDOW))
                               if i in prospective), None)
            if marker is not None and not punct_apart(toks, marker, h):
                trace.append(f"{h.mention.text!r}: next to {toks[marker].text!r}, an event that may come, "
                             "not one that happened; not coded")
                dropped = h
                continue
            kind = next((i for i in (*range(h.first - 1, max(-1, h.first - 1 - UNREAL_NOUN_WINDOW), -1),
                                     *range(h.last + 1, min(len(toks), h.last + 1 + UNREAL_NOUN_WINDOW)))
                         if i in kinds and not punct_apart(toks, i, h)), None)
            if kind is not None:
                trace.append(f"{h.mention.text!r}: next to {toks[kind].text!r}, a kind of act that recurs, "
                             "no particular event; not coded")
                dropped = h
                continue
        out.append((h, src, tgt))
    return out


_BY_FIRST = attrgetter("first")     # (a key in C: no Python call an act)
LIST_GAP = 3    # tokens from one listed event noun to the next ("القتل والاختطاف والذبح": one untriggered between)


def _coordinated(a: Hit, b: Hit, toks, coord: set[int], prof) -> bool:
    """Is b, at most LIST_GAP words after a (the caller tests it), a later conjunct of a's list
    ("القتل والخطف", "القتل والاختطاف والذبح", "killings and kidnappings")? Each word between is a
    conjunction or a conjunct that opens with one."""
    # (a conjunct may name the act after a head word that carries the conjunction: "والانفجارات وأعمال الخطف")
    headed = b.first - 1 > a.last and opens_with_conjunction(toks[b.first - 1], prof) and \
        not prof.is_definite(toks[b.first - 1]) and prof.is_definite(toks[b.first])
    if not (prof.starts_with_coordinator(toks[b.first], b.mention.first_form) or (b.first - 1) in coord or headed):
        return False
    return all(i in coord or (i + 1) in coord or opens_with_conjunction(toks[i], prof)
               for i in range(a.last + 1, b.first))


def drop_generic_lists(coded: list, hits: list[Hit], toks, coord: set[int], nominal: set[int], prof,
                       trace: list[str]) -> list:
    """"ما يجري في العراق من قتل وذبح وخطف", "هدفا للقتل والخطف", "killings and kidnappings are a
    daily threat": event nouns listed together with no actor on either side name kinds of acts,
    not an act that happened. A list with a doer or a victim ("خطف الصحافيين وقتلهم") is kept."""
    if len(hits) < 2:
        return coded    # (most sentences: one act, no list)
    listed = sorted([h for h in hits if not h.entry.speech], key=_BY_FIRST)
    runs, run = [], []
    for a, b in zip(listed, listed[1:]):
        # (the distance first: most acts of a sentence are too far apart to be listed together)
        if a.last < b.first <= a.last + LIST_GAP and _coordinated(a, b, toks, coord, prof):
            run = run or [a]
            run.append(b)
        elif run:
            runs.append(run)
            run = []
    runs += [run] if run else []
    if not runs:
        return coded    # (most sentences: no two acts listed together)
    return _drop_listed(coded, hits, toks, coord, nominal, prof, trace, listed, runs)


def _drop_listed(coded: list, hits: list[Hit], toks, coord: set[int], nominal: set[int], prof, trace: list[str],
                 listed: list[Hit], runs: list[list[Hit]]) -> list:
    """drop_generic_lists once acts are listed together (`runs`; `listed`: the acts but speech, in order)."""
    in_list = set()
    # a verb form with the article is a verbal noun (القتل, والخطف): the abstract act, the mark of such lists;
    # lists of listed nouns alone ("القتلى والجرحى", the casualties of one attack) are left alone
    masdar = {h.first for h in hits if h.entry.pos == "verb" and prof.is_definite(toks[h.first])}
    abstract = set()
    for r in runs:
        # the conjuncts no trigger kept (a word read as an adjective) still count: "من قتل وذبح وخطف" is three
        size = len(r) + sum(1 for a, b in zip(r, r[1:]) for i in range(a.last + 1, b.first)
                            if i not in coord and opens_with_conjunction(toks[i], prof))
        # and so do the conjuncts named with the article right after it ("للقتل والخطف والابتزاز")
        k = r[-1].last + 1
        while k < len(toks) and k not in coord and prof.is_definite(toks[k]) and opens_with_conjunction(toks[k], prof):
            size, k = size + 1, k + 1
        # a run of bare verb forms is a list of verbal nouns from three on ("من قتل وذبح وخطف"); two can
        # be verbs sharing an object ("قتل وجرح خمسة أشخاص")
        nouns = [h for h in r if h.first in nominal or h.first in masdar]
        if (len(nouns) == len(r) and any(h.first in masdar for h in nouns)) or size >= 3:
            in_list.update(h.first for h in r)
        # three acts or more each named with the article, one a verbal noun ("هدفا للقتل والخطف والابتزاز على
        # أيدي العصابات"): kinds of acts even with a doer named for them all; casualties ("القتلى والجرحى")
        # are nouns, no verbal nouns, and stay
        if size >= 3 and any(h.first in masdar for h in r) and all(prof.is_definite(toks[h.first]) for h in r):
            abstract.update(h.first for h in r)
    if not in_list:
        return coded
    bare = {h.first for h, src, tgt in coded if src is None and tgt is None}
    out = []
    for h, src, tgt in coded:
        if h.first in abstract:
            trace.append(f"{h.mention.text!r}: one of a list of acts named with the article, kinds of acts; not coded")
            continue
        if h.first in in_list and h.first in bare and \
                all(o.first in bare or o.first not in {c[0].first for c in coded}
                    for o in listed if o.first in in_list and o.first != h.first):
            trace.append(f"{h.mention.text!r}: one of a list of acts with no actor, a kind of act; not coded")
            continue
        out.append((h, src, tgt))
    return out


def _violent(code: str) -> bool:
    return ROOT[code] in ("18", "19", "20")


def settle_mood_and_frames(coded: list, hits: list[Hit], toks, roles: dict[str, set[int]], nominal: set[int], prof,
                           trace: list[str], sense_read: bool = False) -> list:
    """Tense and mood (coder/rules/mood.py), then the event nouns framed by another event."""
    # (apply_mood's first tests made here: with no mood or attribution word and every act but speech
    # read as written, which no future clitic marks, as in most sentences, each act stays as it is)
    marked = not roles.keys().isdisjoint(MOOD_READ_ROLES)
    if not marked:
        for h, _, _ in coded:
            if h.mention.first_form and not h.entry.speech:
                marked = True
                break
    if marked:
        coded = apply_mood(coded, toks, roles, prof, trace)
        if not coded:
            return coded
    coord = roles.get("coordinator", NO_TOKENS)
    # (the first tests of the next two made here, sparing most sentences the calls: no marker word of
    # an unreal noun, and one act, no list)
    unreal, prospective = roles.get("unreal_noun_marker", NO_TOKENS), roles.get("prospective_marker", NO_TOKENS)
    kinds = roles.get("kind_marker", NO_TOKENS)
    if unreal or prospective or kinds:
        coded = drop_unreal_nouns(coded, toks, unreal, nominal, trace, prospective, prof, kinds, coord)
    if len(hits) > 1:
        coded = drop_generic_lists(coded, hits, toks, coord, nominal, prof, trace)
    charges = roles.get("charge_marker")
    if charges:     # (most sentences have no charge word: nothing for drop_charged to read)
        locative = roles.get("locative_marker", NO_TOKENS)
        coded = drop_charged(coded, toks, charges, locative | roles.get("clause_break", NO_TOKENS), nominal,
                             coord, prof, trace, roles.get("relative_marker", NO_TOKENS), locative)
    frames, requests = roles.get("frame_marker", NO_TOKENS), roles.get("request_marker", NO_TOKENS)
    if not (nominal or frames or requests):
        return coded    # (no event noun, no frame or request word: drop_framed_nouns keeps every act)
    return drop_framed_nouns(coded, hits, toks, frames, nominal, prof, trace,
                             sense_read=sense_read, requests=requests,
                             responses=roles.get("response_marker", NO_TOKENS), steps=roles.get("step_marker", NO_TOKENS))


def unanchored(source, target, place, quantities, date) -> bool:
    """"القتل جريمة لا تغتفر", "ففي المدينة تجد أعمال القتل والتفجيرات", "bombings spread fear": an
    event noun with no actor on either side, no place, no date and no count of its own in the text
    names a kind of act in general, no particular occurrence: there is nothing to code (who did what
    to whom, where, when, how many). Implied actors (bombers for a bombing) and the story's country
    do not count: they come from no word of the event's own. (The caller applies this to the acts
    named_in_general only.)"""
    return source is None and target is None and place is None and not quantities and date is None


def told_as_habit(c, place, quantities, date) -> bool:
    """"طاغية يقتل البشر بطائراته", "انهم يتسللون ويفجرون قنابل", "من يخرق الهدنة": an act of violence
    told by a verb in the present (the imperfect, where the news tells what happened in the past) with
    no place, date or count of its own is what someone does, habitually or in general, no particular
    occurrence. An event merged with other words (a past verb told with it) is left alone. (The
    caller applies this to violence: a protest described in the present, "المتظاهرون يهتفون", is
    the scene of the news; it also checks that the sentence names no time at all, not even one
    it cannot resolve, "منذ صباح اليوم" in a text with no publication date.)"""
    return c.trigger_tag == "present" and not c.nominal and not c.merged_spans and \
        place is None and not quantities and date is None


PARTY_REACH = 4   # "القتل ... المواطنين" far apart: a party this far from a generic act is not its own


def own_party(actor, c):
    """The actor if it stands within PARTY_REACH words of a generic act's trigger ("الهجوم على
    السفارة", "قتل المدنيين"); an actor named further on belongs to the sentence, not to the act
    ("فالقتل والسرقة ... جرائم ترتكب باسم الوطن والمواطنين"). Implied actors have no words: kept."""
    if actor is None or actor.first < 0:
        return actor
    return actor if min(abs(actor.first - c.trigger_first), abs(actor.last - c.trigger_first)) <= PARTY_REACH \
        else None
