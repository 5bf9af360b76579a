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
from dataclasses import dataclass, field
from typing import Optional

from coder.lexicon.load import Trigger
from coder.model import Actor, Mention, Sentence
from coder.spans import longest_non_overlapping, phrase_at
from coder.rules.actors import ActorGroup, build_actors, group_actors

OBJECT_WINDOW = 4       # tokens after a light verb in which its object must appear
NEGATION_WINDOW = 3     # tokens before a trigger in which a negation cancels it
AGENT_WINDOW = 8        # tokens after a trigger in which "by X" / "على يد X" is looked for
MAX_MEMBERS = 4         # events per slot from one coordinated group
_PUNCT_BARRIER = {",", ";", ":", "(", ")", '"', "«", "»", "،", "؛", "-", "–", "—", "?", "!", "؟"}


@dataclass(slots=True)
class Hit:
    """A selected trigger, with its span extended over a matched object."""
    mention: Mention
    entry: Trigger
    first: int
    last: int
    start: int
    end: int


@dataclass(slots=True)
class EventCandidate:
    code: str
    rule_id: str
    evidence_start: int
    evidence_end: int
    evidence: str
    trigger_first: int
    source: Optional[Actor]
    target: Optional[Actor]
    confidence: float


@dataclass
class SentenceAnalysis:
    """Everything the rules saw and decided for one sentence (what `coder explain` prints)."""
    mentions: list[Mention] = field(default_factory=list)
    triggers: list[Hit] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    groups: list[ActorGroup] = field(default_factory=list)
    events: list[EventCandidate] = field(default_factory=list)
    trace: list[str] = field(default_factory=list)


def _select_triggers(mentions: list[Mention], sent: Sentence, trace: list[str]) -> list[Hit]:
    toks = sent.tokens
    hits = []
    for m in mentions:
        e: Trigger = m.entry
        first, last = m.first, m.last
        if e.objects:
            found = None
            for j in range(m.last + 1, min(len(toks), m.last + 1 + OBJECT_WINDOW)):
                for obj in e.objects:
                    if phrase_at(toks, j, obj):
                        found = j + len(obj) - 1
                        break
                if found is not None:
                    break
            if found is None:
                continue
            last = found
        hits.append(Hit(m, e, first, last, toks[first].start, toks[last].end))
    # the most specific reading wins: a matched object, then the longer phrase, then verbs over nouns
    hits.sort(key=lambda h: (-bool(h.entry.objects), -(h.last - h.first), h.entry.pos != "verb", h.first))
    kept, taken = [], set()
    for h in hits:
        if any(t in taken for t in range(h.first, h.last + 1)):
            continue
        kept.append(h)
        taken.update(range(h.first, h.last + 1))
        trace.append(f"trigger {h.mention.text!r} -> {h.entry.code} ({h.entry.rule_id}, {h.entry.pos}/{h.entry.tag})"
                     + (f", object up to {sent.text[h.start:h.end]!r}" if h.entry.objects else ""))
    kept.sort(key=lambda h: h.first)
    return kept


def analyse(sent: Sentence, mentions: list[Mention], lang_profile, day: Optional[dt.date]) -> SentenceAnalysis:
    """The events of one sentence, from its lexicon mentions (coder.recognise.matcher.match)."""
    out = SentenceAnalysis()
    toks, text, trace = sent.tokens, sent.text, out.trace
    out.mentions = mentions
    discards = [m for m in mentions if m.kind == "discard"]
    if discards:
        trace.append(f"discarded: {discards[0].text!r} ({discards[0].rule_id}) marks a sentence that is not an event")
        return out

    roles: dict[str, set[int]] = {}
    marker_ends: dict[str, list[tuple[int, int]]] = {}
    for m in mentions:
        if m.kind == "grammar":
            roles.setdefault(m.entry.role, set()).update(range(m.first, m.last + 1))
            marker_ends.setdefault(m.entry.role, []).append((m.first, m.last))

    # a trigger word inside a longer actor name is part of the name ("United States", "Hay'at Tahrir al-Sham")
    actor_ms = [m for m in mentions if m.kind in ("actor", "agent")]
    longer_actor = [(m.first, m.last) for m in actor_ms]
    trig_ms = [m for m in mentions if m.kind == "trigger"
               and not any(f <= m.first and m.last <= l and (l - f) > (m.last - m.first) for f, l in longer_actor)]
    hits = _select_triggers(trig_ms, sent, trace)
    trigger_tokens = {t for h in hits for t in range(h.first, h.last + 1)}
    # an actor word inside a trigger phrase is part of the trigger ("carried out", "أطلق سراح")
    actor_ms = longest_non_overlapping(
        [m for m in actor_ms if not any(t in trigger_tokens for t in range(m.first, m.last + 1))])
    punct = {i for i, t in enumerate(toks) if t.norm in _PUNCT_BARRIER}
    coord = roles.get("coordinator", set())
    barrier = punct | coord | roles.get("clause_break", set()) | trigger_tokens | \
        roles.get("agent_marker", set()) | roles.get("target_marker", set())
    actors = build_actors(actor_ms, toks, text, barrier, day)
    groups = group_actors(actors, coord, toks)
    out.actors, out.groups, out.triggers = actors, groups, hits
    for a in actors:
        trace.append(f"actor {a.name!r} -> {a.code.code} ({', '.join(a.rule_ids)})")

    negation = roles.get("negation", set())
    passive_aux = roles.get("passive_auxiliary", set())
    agent_markers = sorted(marker_ends.get("agent_marker", []))
    clause_breaks = roles.get("clause_break", set()) | {i for i in punct if toks[i].norm in (";", "؛")}
    coded: list[tuple[Hit, Optional[ActorGroup], Optional[ActorGroup]]] = []
    sources: dict[int, Optional[ActorGroup]] = {}
    for k, h in enumerate(hits):
        window_end = hits[k + 1].first if k + 1 < len(hits) else len(toks)
        if any(i in negation for i in range(max(0, h.first - NEGATION_WINDOW), h.first)):
            trace.append(f"{h.mention.text!r}: negated, no event")
            continue
        src, tgt, how = _slots(h, k, hits, groups, toks, window_end, passive_aux, agent_markers,
                               clause_breaks, coord, sources, lang_profile)
        sources[k] = src
        trace.append(f"{h.mention.text!r}: {how}; source {_names(src)}, target {_names(tgt)}")
        coded.append((h, src, tgt))

    if any(not h.entry.speech for h, _, _ in coded):
        dropped = [h for h, _, _ in coded if h.entry.speech]
        if dropped:
            trace.append("reported speech: the reporting verb(s) " +
                         ", ".join(repr(h.mention.text) for h in dropped) + " are not coded; the reported event is")
        coded = [c for c in coded if not c[0].entry.speech]

    seen = set()
    for h, src, tgt in coded:
        for s in (src.members[:MAX_MEMBERS] if src else [None]):
            for t in (tgt.members[:MAX_MEMBERS] if tgt else [None]):
                if s is not None and t is not None and s.code.code == t.code.code and s.start == t.start:
                    continue
                key = (h.entry.code, s.code.code if s else None, t.code.code if t else None, h.first)
                if key in seen:
                    continue
                seen.add(key)
                conf = 0.45 + 0.2 * (s is not None) + 0.2 * (t is not None) + 0.1 * (h.entry.pos == "verb")
                out.events.append(EventCandidate(
                    h.entry.code, h.entry.rule_id, h.start, h.end, text[h.start:h.end], h.first,
                    s, t, round(min(conf, 0.95), 2)))
    return out


def _names(g: Optional[ActorGroup]) -> str:
    return " + ".join(f"{a.name!r}={a.code.code}" for a in g.members) if g else "none"


def _group_starting(groups, lo, hi) -> Optional[ActorGroup]:
    for g in groups:
        if lo <= g.first <= hi:
            return g
    return None


def _slots(h: Hit, k: int, hits: list[Hit], groups: list[ActorGroup], toks, window_end: int,
           passive_aux: set[int], agent_markers: list[tuple[int, int]], clause_breaks: set[int],
           coord: set[int], sources: dict, prof):
    """Source and target groups of one trigger, and how they were found."""
    # groups right of the trigger, up to the next trigger or a clause break
    right = []
    for g in groups:
        if g.first > h.last and g.first < window_end:
            if any(i in clause_breaks for i in range(h.last + 1, g.first)):
                break
            right.append(g)
    left = [g for g in groups if g.last < h.first]
    # the agent of a passive or of a nominal event: "by X", "من قبل X", "على يد X"
    agent = None
    for mf, ml in agent_markers:
        if h.last < mf <= h.last + AGENT_WINDOW and mf < window_end:
            agent = _group_starting(groups, ml + 1, ml + 2)
            if agent:
                break
    aux_before = any(i in passive_aux for i in range(max(0, h.first - 3), h.first))
    passive = h.entry.pos == "verb" and h.entry.tag in ("participle", "past") and aux_before
    # a coordinated second verb shares the subject of the first: "X met Y and condemned Z"
    shares_subject = k > 0 and (h.first - 1) in coord and sources.get(k - 1) is not None

    if passive or (agent is not None and h.entry.pos == "verb" and h.entry.tag != "noun"
                   and not (left and left[-1].last >= h.first - 2) or agent is not None and h.entry.pos == "noun"):
        others = [g for g in right if g is not agent]
        if h.entry.pos == "noun":
            tgt = others[0] if others else None
            return agent, tgt, "nominal event with an agent phrase"
        tgt = left[-1] if (passive and left) else (others[0] if others else (left[-1] if left else None))
        return agent, tgt, "passive" if passive else "agent phrase after the verb"

    if h.entry.pos == "noun":
        # "ISIS attack on X", "Israeli airstrikes": an actor right before the noun is its agent
        src = left[-1] if left and left[-1].last >= h.first - 1 else None
        if not src and len(right) >= 2 and _marked_target(right[1], toks, h):
            return right[0], right[1], "nominal event: genitive agent, marked target"
        tgt = right[0] if right else None
        return src, tgt, "nominal event"

    if shares_subject:
        return sources[k - 1], right[0] if right else None, "coordinated verb shares the subject"
    adjacent_left = left and left[-1].last >= h.first - 2
    if prof.VERB_SUBJECT_ORDER and not adjacent_left and right and right[0].first <= h.last + 2:
        return right[0], right[1] if len(right) > 1 else None, "verb-subject order"
    src = left[-1] if left else None
    return src, right[0] if right else None, "subject before the verb"


def _marked_target(g: ActorGroup, toks, h: Hit) -> bool:
    return g.first > h.last + 1
