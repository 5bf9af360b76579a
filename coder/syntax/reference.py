"""Whom a phrase refers to, once clauses and arguments are known: a pronoun or a definite anaphor
("the group") to the actor it stands for, a possessive ("its"/ـه) to its possessor."""
from __future__ import annotations

from typing import Optional

from coder.syntax.records import Chunk, Clause, PendingReference


def antecedents(clauses: list[Clause], chunks: list[Chunk], toks, tags, R, actorish: set[int], named: set[int],
                anaphor: bool = True, pronouns: list[int] | None = None,
                bounds: tuple[list[int], list[int]] | None = None) -> None:
    """"urged him to declare", "the group blamed Israel": a pronoun that is a verb's argument, or a
    definite anaphor (syntax.yaml `anaphors`) that names no one itself, refers to the nearest phrase
    before it that names an actor, other than its own predicate's subject (for an anaphor: one that
    names an organisation). Worked out when a phrase's `refers_to` is first read (referent_of), from
    what this call leaves in it. `anaphor`: a word of the sentence may be an anaphor (false: only the
    pronouns are sought); `pronouns`: the pronouns' phrases, in order, if known; `bounds`: the
    phrases' (starts, ends), if known."""
    # the phrases that may refer back, in order, and whether each is a pronoun (most sentences have
    # none) (with no anaphor, only the pronouns given are visited, not every phrase)
    anaphors, found = R.anaphors, []
    for k in range(len(chunks)) if anaphor or pronouns is None else pronouns:
        c = chunks[k]
        if c.kind == "pronoun":
            if tags[c.head] in {"PRON", "SCONJ"}:     # (أنها: on أنّ)
                found.append((k, True))
        elif anaphor and c.kind == "np" and toks[c.head].norm in anaphors and \
                not any(i in actorish for i in range(c.start, c.end + 1) if i != c.head):
            found.append((k, False))
    if not found:
        return
    starts, ends = bounds or ([c.start for c in chunks], [c.end for c in chunks])
    # (shared by the sentence's referring phrases, worked out for all of them at the first read; no
    # chunk in it: a chunk held by a chunk would make a reference cycle, freed by the collector alone)
    pending = [None, found, clauses, [c.kind for c in chunks], starts, ends, actorish, named]
    for k, _ in found:
        c = chunks[k]
        c.__class__ = PendingReference
        c.refers_to = (k, pending)


def referent_of(k: int, pending: list) -> Optional[int]:
    """The antecedent of phrase k, one of the phrases antecedents() found in its sentence
    (`pending`: what it left, the answers for all of them once worked out)."""
    resolved = pending[0]
    if resolved is None:
        resolved = pending[0] = _referents(*pending[1:])
    return resolved.get(k)


def _referents(found: list[tuple[int, bool]], clauses: list[Clause], kinds: list[str], starts: list[int],
               ends: list[int], actorish: set[int], named: set[int]) -> dict[int, int]:
    """The antecedent of each phrase found (k: is it a pronoun), in order, by antecedents()'s rules."""
    resolved: dict[int, int] = {}
    subject_of = {}
    for cl in clauses:
        for pr in cl.predicates:
            if "subject" in pr.arguments:
                subject = pr.arguments["subject"]
                for role, a in pr.arguments.items():
                    if role != "subject":
                        subject_of[a] = subject
    for k, pronoun in found:
        pool = actorish if pronoun else named
        if pronoun:
            j = _speaker_or_agent(k, clauses, kinds, starts, ends, resolved, pool)
            if j is not None:
                resolved[k] = j
                continue
        for j in range(k - 1, -1, -1):
            if j == subject_of.get(k) or kinds[j] == "pronoun":
                continue
            start, end = starts[j], ends[j]
            if start in pool if start == end else not pool.isdisjoint(range(start, end + 1)):   # (_names)
                resolved[k] = j
                break
    return resolved


def _speaker_or_agent(k: int, clauses: list[Clause], kinds: list[str], starts: list[int], ends: list[int],
                      resolved: dict[int, int], pool: set[int]) -> Optional[int]:
    """"Russia said it had completed", "the bombers killed 20 people when they blew themselves up": a
    subject pronoun in a clause that depends on another refers to that clause's subject when it names
    an actor (the subject is the likelier antecedent than a nearer object). `resolved`: the
    antecedents of the phrases before it in the order found."""
    for cl in clauses:
        if cl.kind not in {"quote", "subordinate"} or cl.parent is None or cl.parent >= len(clauses):
            continue
        # (a loop, not any() over a generator: no generator made per clause)
        for pr in cl.predicates:
            if pr.arguments.get("subject") == k and "subject" not in pr.inherited:
                break
        else:
            continue
        up, head, seen = cl.parent, None, set()
        while up is not None and up < len(clauses) and up not in seen and head is None:
            seen.add(up)     # "as well as themselves when they ...": past a clause with no verb
            head = next((pr.arguments["subject"] for pr in clauses[up].predicates if "subject" in pr.arguments), None)
            up = clauses[up].parent
        if head is None or head == k:
            return None
        if kinds[head] == "pronoun":
            head = resolved.get(head)
        if head is not None:
            start, end = starts[head], ends[head]
            if start in pool if start == end else not pool.isdisjoint(range(start, end + 1)):   # (_names)
                return head
        return None
    return None


def possessors(clauses: list[Clause], chunks: list[Chunk], actorish: set[int], owned: list[int] | None = None,
               bounds: tuple[list[int], list[int]] | None = None) -> None:
    """Whom "its"/ـه refers to (possessor_of), for each owned phrase: worked out when its
    `possessor` is first read (the rules ask it of the few phrases of role-only actors), from what
    this call leaves in the phrase. `owned`: the owned phrases, in order, if known (only those are
    visited); `bounds`: the phrases' (starts, ends), if known."""
    starts, ends = bounds or ([c.start for c in chunks], [c.end for c in chunks])
    for k in range(len(chunks)) if owned is None else owned:
        c = chunks[k]
        if c.owned:
            # (what possessor_of reads, with no chunk in it: a chunk held by a chunk would make a
            # reference cycle, freed by the collector alone)
            c.possessor = (k, clauses, starts, ends, actorish)


def possessor_of(c: Chunk, k: int, clauses: list[Clause], starts: list[int], ends: list[int],
                 actorish: set[int]) -> Optional[int]:
    """Whom "its"/ـه on phrase k (c) refers to: in a clause that depends on another, the subject of
    that clause ("The SDF said ISIS killed three of its fighters": the SDF); else the nearest subject
    or object before it in its own clause; else the last actor named before it. `starts`, `ends`: the
    phrases' first and last tokens."""
    cl = _clause_of(clauses, c.head)
    ref = None
    if cl is not None and cl.parent is not None and cl.kind in {"quote", "subordinate", "participle"}:
        ref = _subject_of(clauses[cl.parent])
    if ref is None and cl is not None:
        # the nearest argument before it in its own clause: "urged the states to take back
        # their citizens" (the states), "the army withdrew its troops" (the army); not the phrase
        # it is the genitive of, "three" in "three of its" (a genitive phrase's governor is the
        # phrase right before it, which lists it as its "of" modifier)
        # (the first of those that end last, as max() would keep it: a loop, no key function called)
        last_end = -1
        start = c.start
        governor = k - 1 if c.kind == "genitive" else -1
        for pr in cl.predicates:
            for r, a in pr.arguments.items():
                if r in {"subject", "object"} and a != k and last_end < ends[a] < start and a != governor:
                    ref, last_end = a, ends[a]
    if ref is None:
        for j in range(k - 1, -1, -1):    # (a loop, no generator; _names' test)
            start, end = starts[j], ends[j]
            if start in actorish if start == end else not actorish.isdisjoint(range(start, end + 1)):
                ref = j
                break
    return ref if ref != k else None


def _names(pool: set[int], c: Chunk) -> bool:
    """A word of the phrase is in `pool` (an actor's or an organisation's tokens): asked of the set
    in C, with no generator per phrase (a phrase of one word, most, with no range made)."""
    start = c.start
    return start in pool if start == c.end else not pool.isdisjoint(range(start, c.end + 1))


def _clause_of(clauses: list[Clause], i: int) -> Optional[Clause]:
    """The first clause, in the list's order, that holds token i."""
    for cl in clauses:
        if cl.start <= i <= cl.end:
            return cl
    return None


def _subject_of(cl: Clause) -> Optional[int]:
    """The subject of the clause's first predicate that has one."""
    for p in cl.predicates:
        if "subject" in p.arguments:
            return p.arguments["subject"]
    return None
