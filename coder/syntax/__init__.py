"""The syntax stage, between recognition and the event rules: parts of speech, noun-phrase chunks
and clauses with each predicate's arguments, from per-language data (coder/lexicon/<lang>/syntax.yaml)
and the lexicon matches. TABARI-style sparse parsing, kept on spaCy-like typed records."""
from __future__ import annotations

from coder.syntax.clauses import antecedents, arguments, possessors, segment, _verb_groups
from coder.syntax.phrases import chunk
from coder.syntax.records import Chunk, Clause, Parse, Predicate
from coder.syntax.rules import rules
from coder.syntax.tagger import NAMED, NOUN_READING, VERB_READING, readings, tag

__all__ = ["Chunk", "Clause", "Parse", "Predicate", "parse", "describe"]


def parse(toks, mentions, prof, skip: frozenset[int] = frozenset()) -> Parse:
    """Parse one sentence's tokens; `skip` holds tokens already read as dates (adverbials)."""
    R = rules(prof.CODE)
    read, vtag = readings(len(toks), mentions, prof.MODIFIER_AFTER_NOUN)
    tags = tag(toks, read, R, prof)
    # reporting verbs whose complement is what was said (say, قال), not those with an object noun
    speech = {m.first for m in mentions if m.kind == "trigger" and m.entry.speech and not m.entry.objects}
    for i, t in enumerate(toks):
        # "said on Sunday that ...": after a reporting verb, "that" opens what was said
        if t.norm in R.quote and tags[i] != "SCONJ" and \
                any(j in speech or (j == i - 1 and tags[j] == "VERB") for j in range(max(0, i - 4), i)):
            tags[i] = "SCONJ"
    for i in skip:
        if tags[i] != "PUNCT":
            tags[i] = "ADV"
    chunks = chunk(toks, tags, read, R, prof)
    chunk_of = [-1] * len(toks)
    for k, c in enumerate(chunks):
        for i in range(c.start, c.end + 1):
            chunk_of[i] = k
    groups = _verb_groups(tags)
    actorish = {i for i, r in enumerate(read) if r & NAMED} | \
        {i for m in mentions if m.kind == "agent" for i in range(m.first, m.last + 1)}
    clauses = segment(toks, tags, R, prof, groups, speech, chunks)
    arguments(clauses, chunks, toks, tags, R, prof, groups, actorish, speech, {i for i, r in enumerate(read) if r})
    possessors(clauses, chunks, actorish)
    organisations = {i for m in mentions if m.kind == "actor" and m.entry.code.group for i in range(m.first, m.last + 1)}
    antecedents(clauses, chunks, toks, tags, R, actorish, organisations)
    ambiguous = frozenset(i for i, r in enumerate(read) if r & VERB_READING and r & (NOUN_READING | NAMED))
    joined = frozenset(k for k, c in enumerate(chunks) if prof.has_conjunction_clitic(toks[c.start]))
    return Parse(tags, chunks, clauses, chunk_of, ambiguous, joined)


def describe(p: Parse, toks) -> list[str]:
    """The parse as lines for `coder explain`."""
    def span(c: Chunk) -> str:
        return " ".join(t.text for t in toks[c.start:c.end + 1])

    lines = ["pos: " + " ".join(f"{t.text}/{g}" for t, g in zip(toks, p.tags))]
    for c in p.chunks:
        mods = ", ".join(f"{rel}:{toks[i].text}" for rel, i in c.modifiers)
        owner = f" its owner: [{span(p.chunks[c.possessor])}]" if c.possessor is not None else ""
        owner += f" refers to: [{span(p.chunks[c.refers_to])}]" if c.refers_to is not None else ""
        lines.append(f"chunk [{span(c)}] head {toks[c.head].text!r} ({c.kind}){' mods ' + mods if mods else ''}{owner}")
    for cl in p.clauses:
        opened = f" opened by {toks[cl.marker].text!r}" if cl.marker is not None else ""
        lines.append(f"clause {cl.kind} [{' '.join(t.text for t in toks[cl.start:cl.end + 1])}]{opened}")
        for pr in cl.predicates:
            roles = "; ".join(f"{role} [{span(p.chunks[k])}] ({pr.how.get(role, '')})" for role, k in pr.arguments.items())
            lines.append(f"  predicate {toks[pr.verb].text!r}{' (passive)' if pr.passive else ''}: {roles or 'no arguments'}")
    return lines
