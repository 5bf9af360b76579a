"""The typed records of the syntax stage: a part of speech per token, noun-phrase chunks and
clauses with their predicates' arguments (spaCy-like spans over token indices, inclusive). The
compiled build declares the slots of Chunk, Predicate and Clause in coder/syntax/record_slots.pxd:
a field added here is added there too (checked at the import of each compiled module that reads
them: coder/slots.pxd)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Sequence

from coder.syntax.tagger import AMBIGUOUS

# part-of-speech tags (Universal Dependencies names, plus POSS for possessive determiners and REL
# for relative pronouns, which the rules read apart)
TAGS = ("NOUN", "PROPN", "VERB", "AUX", "ADJ", "ADV", "ADP", "DET", "POSS", "PRON", "NUM", "CCONJ",
        "SCONJ", "REL", "PART", "PUNCT", "X")
NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
CLAUSE_KINDS = ("main", "relative", "subordinate", "quote", "participle")
ROLES = ("subject", "object", "target", "agent", "recipient")


@dataclass(slots=True)
class Chunk:
    """A noun phrase: its head token, its modifiers as (relation, token or chunk head) pairs
    (amod adjectives, det, num, compound, of/idafa genitives, poss possessors, appos), and its
    token range [start, end]. `possessor` is the chunk a possessive pronoun on it refers to."""
    kind: str                       # np | pronoun
    head: int
    start: int
    end: int
    modifiers: list[tuple[str, int]] = field(default_factory=list)
    owned: bool = False             # a possessive pronoun owns it ("its fighters", قواته)
    possessor: Optional[int] = None     # index of the chunk the pronoun refers to
    refers_to: Optional[int] = None     # a pronoun ("him") or anaphor ("the group"): its antecedent chunk

    def covers(self, i: int) -> bool:
        return self.start <= i <= self.end


# A chunk's possessor is worked out when first read (reference.possessors leaves in an owned phrase
# what reference.possessor_of reads, a tuple; the rules ask it of a few phrases a sentence): the
# field is a property over the slot, which the chunkers leave unset (read as None) where no
# possessive pronoun owns the phrase.
_POSSESSOR_SLOT = Chunk.possessor


def _possessor(c: Chunk) -> Optional[int]:
    try:
        v = _POSSESSOR_SLOT.__get__(c, Chunk)
    except AttributeError:    # (a phrase made with no possessor set: none)
        return None
    if type(v) is tuple:
        from coder.syntax.reference import possessor_of    # (reference.py reads this module)
        v = possessor_of(c, *v)
        _POSSESSOR_SLOT.__set__(c, v)
    return v


Chunk.possessor = property(_possessor, _POSSESSOR_SLOT.__set__,
                             doc="Index of the chunk a possessive pronoun on it refers to.")

# A pronoun's or anaphor's antecedent is worked out when first read too (reference.antecedents
# leaves in the phrase what reference.referent_of reads; the rules ask it of about one phrase in a
# hundred sentences). Only such a phrase is of the subclass below, whose `refers_to` is a property:
# every other phrase's is read from its slot, with no call. Once read, the phrase is a Chunk again.
_REFERS_TO_SLOT = Chunk.refers_to


def _refers_to(c: Chunk) -> Optional[int]:
    v = _REFERS_TO_SLOT.__get__(c, Chunk)
    if type(v) is tuple:
        from coder.syntax.reference import referent_of    # (reference.py reads this module)
        v = referent_of(*v)
        _REFERS_TO_SLOT.__set__(c, v)
    c.__class__ = Chunk
    return v


class PendingReference(Chunk):
    """A phrase whose antecedent (`refers_to`) is not worked out yet: compared and shown as the
    Chunk it becomes once worked out."""
    __slots__ = ()
    refers_to = property(_refers_to, _REFERS_TO_SLOT.__set__,
                         doc="A pronoun ('him') or anaphor ('the group'): its antecedent chunk.")

    def __eq__(self, other):
        self.refers_to    # (worked out: a Chunk again)
        return self == other

    def __repr__(self) -> str:
        self.refers_to
        return repr(self)

    def __reduce_ex__(self, protocol):    # (copied and pickled as the Chunk it becomes)
        self.refers_to
        return self.__reduce_ex__(protocol)


@dataclass(slots=True)
class Predicate:
    """A verb (with its auxiliaries) and its arguments by role, as chunk indices."""
    verb: int                       # token index of the main verb
    first: int                      # first token of the verb group (auxiliaries included)
    passive: bool = False
    arguments: dict[str, int] = field(default_factory=dict)
    how: dict[str, str] = field(default_factory=dict)   # role -> why (for `coder explain`)
    inherited: set[str] = field(default_factory=set)    # roles taken from another clause or phrase


@dataclass(slots=True)
class Clause:
    kind: str                       # main | relative | subordinate | quote | participle
    start: int
    end: int
    marker: Optional[int] = None    # the word that opens it (who, that, أن, الذي, when ...)
    antecedent: Optional[int] = None     # relative clauses: the chunk they describe
    predicates: list[Predicate] = field(default_factory=list)
    parent: Optional[int] = None    # index of the clause it is embedded in
    continues: Optional[int] = None  # the clause a relative clause interrupted ("The SDF, which ..., said")


# Bare constructors for the records the stage makes several of a sentence: the fields set one by one
# on a new instance, with no Python frame for the dataclass __init__ (keyword arguments matched, a
# call per default factory). Every field is set: a field added to the class is added here too
# (tests/test_syntax_speed10.py compares each with the class's own constructor).
_new_predicate, _new_clause = Predicate.__new__, Clause.__new__


def new_predicate(verb: int, first: int, passive: bool = False) -> Predicate:
    """Predicate(verb, first, passive), its argument maps empty."""
    p = _new_predicate(Predicate)
    p.verb = verb     # (one statement a field: an assignment to more than three targets builds a tuple)
    p.first = first
    p.passive = passive
    p.arguments = {}
    p.how = {}
    p.inherited = set()
    return p


def new_clause(kind: str, start: int, end: int, marker: Optional[int] = None, parent: Optional[int] = None,
               continues: Optional[int] = None) -> Clause:
    """Clause(kind, start, end, marker=marker, parent=parent, continues=continues), with no
    antecedent nor predicates yet."""
    c = _new_clause(Clause)
    c.kind = kind
    c.start = start
    c.end = end
    c.marker = marker
    c.antecedent = None
    c.predicates = []
    c.parent = parent
    c.continues = continues
    return c


@dataclass(slots=True)
class Parse:
    tags: list[str]
    chunks: list[Chunk]
    clauses: list[Clause]
    chunk_of: list[int]             # token index -> chunk index, -1 outside chunks
    # per token: the word carries the conjunction و (Arabic), so a phrase starting there is a
    # conjunct (read by conjuncts() only: no set of such phrases built per sentence)
    conjunction_clitics: Sequence[bool] = ()
    # per token: the readings the lexicons give it (tagger's bits), for `ambiguous`
    readings: Sequence[int] = ()
    markers: set[int] | frozenset[int] = frozenset()    # tokens that mark an argument (against, by, على, ضد ...)
    # token -> (clause, predicate) of the verb group it is in: built at the first predicate() question
    # (the rules ask it for many tokens of a sentence)
    _predicate_at: Optional[dict] = field(default=None, repr=False, compare=False)

    @property
    def ambiguous(self) -> frozenset[int]:
        """The tokens the lexicons know as both a verb and a noun or name (read by the evaluation of
        the tagger only: worked out when asked)."""
        return frozenset([i for i, r in enumerate(self.readings) if AMBIGUOUS[r]])

    def oblique(self, i: int) -> bool:
        """Is the phrase starting at token i governed by a preposition that marks no argument ("in
        Hanoi", "near the border"): a place or time, not an actor of the predicate?"""
        return i > 0 and self.tags[i - 1] == "ADP" and (i - 1) not in self.markers

    def predicate(self, verb: int) -> Optional[tuple[Clause, Predicate]]:
        """The clause and predicate whose verb group (auxiliaries to verb) holds token `verb`."""
        at = self._predicate_at
        if at is None:
            at = self._predicate_at = {}
            for c in self.clauses:
                for p in c.predicates:
                    # (the first in clause order, as a scan would find)
                    first, last = p.first, p.verb
                    if first == last:    # (most verb groups are the verb alone: no range, no setdefault call)
                        if last not in at:
                            at[last] = (c, p)
                        continue
                    for i in range(first, last + 1):
                        at.setdefault(i, (c, p))
        return at.get(verb)

    def conjuncts(self, k: int) -> list[int]:
        """The chunks coordinated after chunk k (joined by "and"/و or a comma list)."""
        chunks, tags = self.chunks, self.tags
        out, last = [], chunks[k]
        for j in range(k + 1, len(chunks)):
            c = chunks[j]
            if c.kind == "genitive":
                continue
            # the words between: conjunctions and punctuation only, a conjunction among them or on
            # the phrase's first word (a loop over the gap, a word or two: no generator frames for
            # all() and any() per phrase)
            only_joining, conjunction = True, False
            for i in range(last.end + 1, c.start):
                t = tags[i]
                if t == "CCONJ":
                    conjunction = True
                elif t != "PUNCT":
                    only_joining = False
                    break
            if not only_joining or not (conjunction or self.conjunction_clitics[c.start]):
                break
            out.append(j)
            last = c
        return out

    def chunk_at(self, i: int) -> Optional[Chunk]:
        k = self.chunk_of[i] if 0 <= i < len(self.chunk_of) else -1
        return self.chunks[k] if k >= 0 else None

    def clause_of(self, i: int) -> Optional[Clause]:
        best = None
        for c in self.clauses:
            if c.start <= i <= c.end and (best is None or c.end - c.start < best.end - best.start):
                best = c
        return best
