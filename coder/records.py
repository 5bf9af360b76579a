"""The records of the hot path: tokens, sentences and lexicon mentions, made tens of times a sentence.

Plain dataclasses here (coder/model.py re-exports them). The compiled build (setup.py) makes them
Cython extension types, declared in records.pxd next to this file: a compiled function that declares
a local as a Token reads its fields from the object itself, where Cython reaches a Python class's
attributes through CPython's generic attribute lookup. A field added here must be added there.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Token:
    # slots by hand (the most numerous record): dataclass(slots=True) makes a new class, which
    # Cython does not accept for an extension type; a field with a default can have no slot this way
    __slots__ = ("text", "start", "end", "norm", "forms")
    text: str          # as in the input
    start: int         # character offsets in the sentence
    end: int
    norm: str          # normalised form (lower case; Arabic letters folded)
    forms: tuple[str, ...]  # lookup forms: norm first, then clitic-stripped variants


@dataclass
class Sentence:
    index: int
    text: str
    start: int         # offset in the document
    tokens: list[Token] = field(default_factory=list)


@dataclass(init=False)
class Mention:
    """A lexicon match over tokens [first, last] (inclusive); char offsets in the sentence."""
    # slots by hand, as Token's (some thirty made a sentence: an instance without them allocates and
    # frees a values array for its attributes too); the defaults of the last two fields are those
    # of the __init__ below, as a field with a default can have no slot this way
    __slots__ = ("kind", "first", "last", "start", "end", "text", "entry", "rule_id", "first_form")
    kind: str          # verb | actor | agent | grammar | discard | place | date | quantity
    first: int
    last: int
    start: int
    end: int
    text: str
    entry: object      # the compiled lexicon entry (or resolved value for dates/quantities/places)
    rule_id: str
    first_form: int    # which lookup form of the first token matched (0: the word as written)

    def __init__(self, kind: str, first: int, last: int, start: int, end: int, text: str, entry: object,
                 rule_id: str = "", first_form: int = 0):
        self.kind = kind
        self.first = first
        self.last = last
        self.start = start
        self.end = end
        self.text = text
        self.entry = entry
        self.rule_id = rule_id
        self.first_form = first_form
