"""Verb forms the rules read as no predicate of their own (coder.rules.engine.analyse): the purpose of
the event before them, an infinitive or an -ing form that is part of another event, a participle
used as an adjective, a verb with no object that is an adverb."""
from __future__ import annotations

from coder.model import Mention
from coder.rules.custody import ordered_coercion
from coder.rules.types import NO_TOKENS, AnyOf, Hit


def drop_non_finite(hits: list[Hit], roles: dict[str, set[int]], actor_ms: list[Mention], toks,
                    prof, trace: list[str], marks: set[int]) -> list[Hit]:
    """Verb forms that are not predicates: an -ing form after a complement preposition ("accused
    X of attacking Y" is one accusation) and a participle used as an adjective between a
    determiner, a number or another verb and an actor ("six suspected militants", "the wounded
    soldiers", "releasing captured fighters")."""
    # (the other roles are read in the branches of the verb forms that ask for them: base and -ing forms
    # are English, and most hits are neither)
    object_required = roles.get("object_required", NO_TOKENS)
    particles = None    # words that cannot open an object: built for the first word that needs one
    actor_starts = owner = determiner = None     # (read only for a participle: built at the first)
    kept = []
    for h in hits:
        before = h.first - 1
        if kept and h.first - kept[-1].last <= 8 and h.mention.first_form and \
                prof.read_as_purpose(toks[h.first], h.mention.first_form):
            # "تظاهر الطلاب للمطالبة بفرص عمل": what the first event was for, part of it
            trace.append(f"{h.mention.text!r}: the purpose of {kept[-1].mention.text!r}, part of that event")
            continue
        if h.entry.tag == "base" and before in roles.get("infinitive_marker", NO_TOKENS) and kept and \
                h.first - kept[-1].last <= 8 and kept[-1].entry.pos == "verb":
            # "agreed to expand", "urged Iran to release", "threatened to attack": the content of
            # the first verb, whose target stays in its window (after a noun, "the stopover came as
            # the leader prepared to attend the Games", the infinitive is an event of its own)
            trace.append(f"{h.mention.text!r}: infinitive after {kept[-1].mention.text!r}, part of that event")
            ordered = ordered_coercion(kept[-1], h, roles.get("command_verb", NO_TOKENS))
            if ordered is not None:
                trace.append(f"{kept[-1].mention.text!r}: orders it, coded {h.entry.code} by the one who ordered")
                kept[-1] = ordered
            continue
        if h.first in object_required and particles is None:
            particles = opening_no_object(roles, marks)
        if h.first in object_required and (h.last + 1 >= len(toks) or (h.last + 1) in particles):
            # "deported refugees back across the border": without its object the word is an adverb
            trace.append(f"{h.mention.text!r}: no object after it, not the verb")
            continue
        if h.entry.tag == "ing" and before in roles.get("complement_marker", NO_TOKENS) and \
                not means_of_untold(before, h, kept, roles.get("agent_marker", NO_TOKENS)):
            trace.append(f"{h.mention.text!r}: -ing form after {toks[before].text!r}, part of another event")
            continue
        if h.entry.tag in ("past", "participle"):
            if owner is None:
                determiner = roles.get("determiner", NO_TOKENS)
                # which trigger a token belongs to (a sentence's one trigger, as in most, stands next to
                # no other: every token's answer is that trigger, the default below, and none is kept)
                owner = {t: x for x in hits for t in x.tokens} if len(hits) > 1 else {}
            # next to another trigger's words: "releasing captured fighters"
            after_word = before in determiner or owner.get(before, h) is not h or \
                (before >= 0 and toks[before].norm[:1].isdigit())
            if after_word:
                if actor_starts is None:    # (read only after such a word, few: built at the first)
                    actor_starts = {m.first for m in actor_ms}
                if (h.last + 1) in actor_starts or owner.get(h.last + 1, h) is not h:
                    trace.append(f"{h.mention.text!r}: participle used as an adjective, not an event")
                    continue
        kept.append(h)
    return kept


def means_of_untold(before: int, h: Hit, kept: list[Hit], agent: set[int]) -> bool:
    """"Maduro responded by breaking off relations": an -ing form after "by" with no event verb just
    before it is the act itself, not the manner of another event ("protested by blocking roads")."""
    return before in agent and not (kept and h.first - kept[-1].last <= 8)


def opening_no_object(roles: dict[str, set[int]], marks: set[int]) -> AnyOf:
    """The words after which a verb has no object: punctuation (`marks`) and the target, locative,
    complement and agent markers, read as one set (types.AnyOf: asked only `in`, no union built)."""
    return AnyOf((marks, roles.get("target_marker", NO_TOKENS), roles.get("locative_marker", NO_TOKENS),
                  roles.get("complement_marker", NO_TOKENS), roles.get("agent_marker", NO_TOKENS)))
