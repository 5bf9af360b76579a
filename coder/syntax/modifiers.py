"""Words that modify rather than predicate, for the clause reader (coder/syntax/clauses.py): a
participle after the noun it describes ("the area controlled by X was", "the number of cigarettes
smoked in"), a pronoun that stands for a clause ("it is thought that"), and the members of a list a
preposition governs ("leaders of companies such as A, B and C")."""
from __future__ import annotations

from typing import Optional

from coder.syntax.records import Chunk, Clause, Predicate


def _list_gap(a: Chunk, b: Chunk, toks, tags) -> Optional[str]:
    """How chunk b follows chunk a in a list: "," or "and" (also ", and"), else None."""
    gap = [i for i in range(a.end + 1, b.start)]
    words = [toks[i].norm for i in gap]
    if words == [","]:
        return ","
    if gap and tags[gap[-1]] == "CCONJ" and words[:-1] in ([], [","]):
        return "and"
    return None


def _governed_list(c: Chunk, chunks: list[Chunk], toks, tags) -> bool:
    """"Leaders of companies such as Spotify, Tesla, Uber and Snapchat will attend": a member of a
    list that a conjunction closes, whose first member a preposition after a noun governs."""
    if c.start < 1 or toks[c.start - 1].norm != ",":
        return False
    order = chunks       # in text order
    for pos, d in enumerate(order):    # (a loop, not next() over a generator: no generator made per call)
        if d is c:
            break
    else:
        return False
    closed, n = False, pos
    while n + 1 < len(order) and not closed:      # forward: is the list closed by "and"?
        how = _list_gap(order[n], order[n + 1], toks, tags)
        if how is None:
            break
        closed, n = how == "and", n + 1
    if not closed:
        return False
    n = pos
    while n > 0 and _list_gap(order[n - 1], order[n], toks, tags) == ",":   # back to the first member
        n -= 1
    j = order[n].start - 1
    if n == pos or j < 1 or tags[j] != "ADP":
        return False
    while j > 0 and tags[j] == "ADP":    # "such as", "prior to"
        j -= 1
    return tags[j] in {"NOUN", "PROPN", "NUM"}


def _expletive(p: Predicate, chunks: list[Chunk], toks, tags, R) -> None:
    """"It is thought that ...", "it is implied he is", "it is considered unwise to": the pronoun
    before a passive followed by a clause or an adjective stands for that clause: no subject."""
    k = p.arguments.get("subject")
    if R is None or k is None or not p.passive or chunks[k].kind != "pronoun" or toks[chunks[k].head].norm not in R.expletives:
        return
    i = p.verb + 1
    while i < len(toks) and tags[i] == "ADV":
        i += 1
    if i < len(toks) and (tags[i] in {"SCONJ", "PRON", "ADJ"} or toks[i].norm in R.quote):
        del p.arguments["subject"]
        p.how.pop("subject", None)


def _reduced_relative(p, cl, prev, before, right_after, coordinated, later, nxt, chunks, toks, tags, speech,
                      R) -> Optional[int]:
    """The noun phrase a participle right after it describes ("the crowd gathered there", "the area
    controlled by X was", "the number of cigarettes smoked in"), or None when the participle is a
    finite verb. It describes the noun when another finite verb of the clause is its verb: one before
    it with a subject, a copula before it, or one after it past prepositional phrases only."""
    if p.first != p.verb or coordinated or not _participle(toks[p.verb].norm):
        return None
    near = [k for k in before if chunks[k].kind != "pronoun" and (chunks[k].end == p.first - 1 or
            (chunks[k].end == p.first - 2 and toks[p.first - 1].norm == ","))]
    if not near:
        return None
    k = near[-1]
    start = chunks[k].start
    for c in chunks:    # (a loop, not any() over a generator: no generator made per call)
        if c.end == start - 1 and c.kind != "possessor":
            return None    # "an accord the United States abandoned": a relative clause with its own subject
    # no object of its own follows (a particle may come before one: "carried out strikes")
    loose = nxt in {"ADP", "PUNCT", "END"} or (nxt == "COMPLEMENT" and (toks[p.verb + 1].norm,) in R.markers)
    if loose and nxt != "END" and _finite_after_phrase(p.verb, cl, toks, tags, R):
        return k
    if _agent_follows(p.verb, toks, prev, cl) or (loose and _copula_before(cl, start, toks, tags)):
        return k
    # after another verb with its subject, not past a comma that may close a clause before this
    # one ("When Augustus founded the empire, the Romans referred to")
    if prev is not None and "subject" in prev.arguments and start > prev.verb and loose and \
            (prev.verb not in speech or prev.arguments.get("object") == k) and toks[start - 1].norm != "," and \
            not any(tags[i] == "CCONJ" for i in range(prev.verb + 1, p.verb)):
        return k
    return None


def _copula_before(cl: Clause, start: int, toks, tags) -> bool:
    """"It is the most common tumour found in babies": a copula (an auxiliary with no verb after
    it) earlier in the clause, with only its complement between."""
    for i in range(start - 1, cl.start - 1, -1):
        if tags[i] == "AUX":
            return toks[i].norm not in {"'s", "’s"} and tags[i + 1] not in {"VERB", "AUX", "ADV", "PART"}
        if tags[i] in {"PUNCT", "CCONJ", "SCONJ", "REL", "VERB"}:
            return False
    return False


_PHRASE = frozenset({"DET", "POSS", "ADJ", "NOUN", "PROPN", "NUM", "PRON"})


def _finite_after_phrase(v: int, cl: Clause, toks, tags, R) -> bool:
    """"The area controlled by X was large", "the essay, published in 1950, is": the first verb or
    auxiliary after the participle, past prepositional phrases and commas only, is the clause's
    finite verb (not a verb after "to", a preposition or a conjunction, nor another participle)."""
    for i in range(v + 1, cl.end + 1):
        t, w, before = tags[i], toks[i].norm, tags[i - 1]
        if t in {"AUX", "VERB"}:
            if before == "ADP" or toks[i - 1].norm == "to" or w.endswith("ing") or w in {"being", "be", "been", "having"}:
                return False    # "after being sacked", "to become", "calling for"
            if t == "AUX":
                return w not in {"'s", "’s"}    # "'s" may be a possessive
            if i + 1 < len(toks) and toks[i + 1].norm == "by":
                return False    # ", led by": another participle
            return w.endswith("ed") or w in _IRREGULAR_PARTICIPLES or R.words.get(w) == "VERB"   # a past form
        if t in {"CCONJ", "SCONJ", "REL", "PART"} or w == "that" or w in R.clause_prepositions or \
                (t == "PUNCT" and w != ","):
            return False
        if t in _PHRASE and (t in {"DET", "POSS"} or before not in _PHRASE) and before != "ADP":
            return False    # a noun phrase no preposition governs: the participle's object or a new subject
    return False


# past participles with no -ed/-en/-wn ending ("comments sent in by", "agents found to have")
_IRREGULAR_PARTICIPLES = frozenset({"sent", "left", "built", "spent", "kept", "meant", "lent", "dealt", "felt",
                                    "found", "held", "sold", "bound", "made", "paid", "laid", "led", "fed",
                                    "hung", "won", "shot", "struck", "brought", "bought", "caught", "taught",
                                    "sought", "fought", "thought", "put", "set", "cut", "hit", "spread"})


def _agent_follows(v: int, toks, prev, cl: Clause) -> bool:
    """"collected comments sent in by pupils", "stole a canoe left by fishermen": after another verb
    of the clause with a subject, a participle whose agent follows ("by") describes the noun before it."""
    return prev is not None and any("subject" in q.arguments for q in cl.predicates) and \
        any(t.norm == "by" for t in toks[v + 1:v + 3])


def _participle(w: str) -> bool:
    return w.endswith(("ed", "en", "wn")) or w in _IRREGULAR_PARTICIPLES
