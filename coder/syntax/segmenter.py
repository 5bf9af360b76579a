"""Clause segmentation: where a relative, subordinate, quoted or participle clause opens and
where the clause it interrupts resumes, over the tagged tokens and their verb groups. Each
predicate's arguments are coder/syntax/clauses.py."""
from __future__ import annotations

from itertools import compress, count
from typing import Optional

from coder.syntax.records import Clause, new_clause

_GROUP = frozenset({"AUX", "PART", "ADV"})


def _verb_groups(tags, tagged=None) -> list[tuple[int, int]]:
    """(first, verb) per verb: auxiliaries, negation and adverbs right before it belong to it.
    `tagged`: the tokens with a tag segment() visits, verbs among them (clause_tagged), if found."""
    out = []
    # (the verbs, found by a list comprehension: a map of str.__eq__, a slot wrapper, costs more;
    # among the tokens clause_tagged found, where given, not every token: those tested in the loop,
    # a few, with no comprehension made for them)
    for i in [i for i, t in enumerate(tags) if t == "VERB"] if tagged is None else tagged:
        if tags[i] != "VERB":
            continue
        f = i
        while f - 1 >= 0 and tags[f - 1] in _GROUP:
            f -= 1
        out.append((f, i))
    return out


def _opens(i: int, toks, tags, R, prof, groups_at: dict, speech: set[int], last_verb: Optional[int]) -> Optional[str]:
    """The kind of clause token i opens, if any."""
    t = tags[i]
    w = toks[i].norm
    if w in R.quote and (t in {"SCONJ", "DET"} or prof.has_conjunction_clitic(toks[i]) is False) and \
            last_verb is not None and (last_verb in speech or i - last_verb <= 1 or t == "SCONJ"):
        return "quote" if last_verb in speech else "subordinate"
    if t == "REL":
        return "relative"
    if t == "DET" and w == "that" and i + 1 < len(toks) and tags[i + 1] in {"VERB", "AUX"}:
        return "relative"
    if t == "SCONJ":
        return "subordinate"
    if i in groups_at and i > 0 and toks[i - 1].norm in _PARTICIPLE_AFTER and R.participle_endings and \
            w.endswith(R.participle_endings):
        return "participle"
    # (the word's own letter before the questions asked through the profile)
    if prof.MODIFIER_AFTER_NOUN and i in groups_at and groups_at[i] == i and i > 0 and tags[i - 1] == "NOUN" and \
            last_verb is not None and w[:1] in {"ي", "ت"} and \
            not prof.is_definite(toks[i - 1]) and not prof.has_conjunction_clitic(toks[i]):
        return "relative"    # سيارة تقل قياديين: a clause describing an indefinite noun needs no pronoun
    return None


_MAY_OPEN = frozenset({"REL", "SCONJ", "DET"})   # the tags _opens reads apart from a verb group or a quote word
_VISITED_TAGS = _MAY_OPEN | {"VERB"}    # the tags of the tokens segment() visits for their tag
_OPENS_ALONE = frozenset({"REL", "SCONJ"})    # the tags _opens reads apart from the word (segment() calls it for them)


def clause_tagged(tags) -> list[int]:
    """The tokens whose tag segment() visits them for (one that may open a clause, a verb), in order,
    found in C: one pass over the tags that _verb_groups reads the verbs from as well."""
    return list(compress(count(), map(_VISITED_TAGS.__contains__, tags)))
_PARTICIPLE_AFTER = frozenset({",", "،"})    # the tokens before a participle clause (_opens)


def _reported_without_that(i: int, toks, tags, chunk_end: dict, groups_at: dict, last_verb, speech) -> bool:
    """"The SDF said ISIS militants killed ...": after a reporting verb, a noun phrase followed by a
    verb opens what was said, with no "that"."""
    if last_verb not in speech or i not in chunk_end or any(tags[j] not in {"ADV", "PUNCT"} for j in range(last_verb + 1, i)):
        return False
    nxt = chunk_end[i] + 1
    return nxt in groups_at


def _resume(clauses: list[Clause], stack: list[int], cur: Clause, i: int, n: int) -> None:
    """End the current clause before token i and go back to the clause it interrupted, which
    continues from i to the end of the sentence."""
    cur.end = i - 1
    stack.pop()
    interrupted = clauses[stack[-1]]
    clauses.append(new_clause(interrupted.kind, i, n - 1, None, interrupted.parent, stack[-1]))
    stack[-1] = len(clauses) - 1


CLAUSE_BREAKS = frozenset({",", "،", ";", "؛"})    # the punctuation segment() reads


def _clause_words(toks, quote) -> list[int]:
    """The tokens that are a quote word or in CLAUSE_BREAKS, in order. (A function of its own: a
    comprehension in segment() would make `quote` a cell, read through it at every token visited.)"""
    return [i for i, t in enumerate(toks) if t.norm in quote or t.norm in CLAUSE_BREAKS]


def segment(toks, tags, R, prof, groups, speech: set[int], chunks=(), words=None, tagged=None) -> list[Clause]:
    """Flat clause segments in order; a relative clause closed by a comma hands back to its parent.
    `words`: the tokens that are a quote word (R.quote) or in CLAUSE_BREAKS, and maybe others;
    `tagged`: clause_tagged(tags), if found."""
    groups_at = dict(groups)
    verb_at = set(groups_at.values())    # (a verb group's first token is its own: no two share one)
    chunk_end = {} if prof.MODIFIER_AFTER_NOUN else {c.start: c.end for c in chunks if c.kind == "np"}
    clauses = [new_clause("main", 0, len(toks) - 1)]
    stack = [0]
    last_verb = None
    quote = R.quote
    after_noun = prof.MODIFIER_AFTER_NOUN
    if words is None:
        words = _clause_words(toks, quote)
    # only these tokens can open, close or resume a clause or be a verb: the others change nothing
    # (every verb is visited, in order, as a tagged token: the current clause has a verb before token
    # i when the last verb visited is in it)
    visit = sorted({*words, *groups_at, *chunk_end, *(clause_tagged(tags) if tagged is None else tagged)})
    for i in visit:
        w, group = toks[i].norm, i in groups_at
        # (only these words can open a clause: the others skip the call (_opens' first test of each
        # clause: a determiner only as "that" or a quote word; a verb group, whose first tag _opens
        # never reads, only after a comma, or after a noun once a verb is passed where the modifiers
        # follow the noun)
        kind = _opens(i, toks, tags, R, prof, groups_at, speech, last_verb) \
            if tags[i] in _OPENS_ALONE or w in quote or w == "that" or \
            (group and i > 0 and ((after_noun and last_verb is not None and tags[i - 1] == "NOUN") or
                                  toks[i - 1].norm in _PARTICIPLE_AFTER)) else None
        if kind is not None:    # (a kind's name, or None: no string's truth tested)
            clauses[stack[-1]].end = i - 1
            clauses.append(new_clause(kind, i, len(toks) - 1, i, stack[-1]))
            stack.append(len(clauses) - 1)
        elif i in chunk_end and _reported_without_that(i, toks, tags, chunk_end, groups_at, last_verb, speech):
            clauses[stack[-1]].end = i - 1
            clauses.append(new_clause("quote", i, len(toks) - 1, None, stack[-1]))
            stack.append(len(clauses) - 1)
        elif len(stack) > 1:    # (inside a clause that interrupts another: the main clause has none to end)
            cur = clauses[stack[-1]]
            if group and cur.kind == "relative" and prof.MODIFIER_AFTER_NOUN and \
                    last_verb is not None and last_verb >= cur.start and tags[i - 1] != "CCONJ" and \
                    not prof.has_conjunction_clitic(toks[i]) and tags[i] != "AUX":
                # "انتحاري يستقل سيارة ... فجر نفسه": a second verb, not joined to the first, is the main
                # clause's again
                _resume(clauses, stack, cur, i, len(toks))
            elif w in {";", "؛"}:
                # a semicolon ends every clause: what follows is a new main clause
                cur.end = i - 1
                clauses.append(new_clause("main", i, len(toks) - 1))
                stack = [len(clauses) - 1]
            elif w in {",", "،"} and cur.kind in {"relative", "participle"} and \
                    last_verb is not None and last_verb >= cur.start and \
                    (cur.kind == "relative" or (i + 1 < len(toks) and tags[i + 1] == "CCONJ")):
                # "The SDF, which ..., said", "..., killing ten, and the president blamed": back to the
                # clause the relative or participle clause interrupted
                _resume(clauses, stack, cur, i, len(toks))
        if i in verb_at:
            last_verb = i
    kept = []    # (a loop, not a comprehension: a sentence has a few clauses)
    for c in clauses:
        if c.end >= c.start:
            kept.append(c)
    return kept
