"""The records of the hot path: tokens, sentences and lexicon mentions, made tens of times a sentence.

Plain dataclasses, tokens and mentions with slots (coder/model.py re-exports them), in the compiled
build too (setup.py): the Python modules read their fields far more often than the compiled
tokeniser and matcher set them, and Python reads a slot of a Python class faster than a field of a
Cython extension type (a property of the type: 2.6 times the time; README, "Compiled modules").
The compiled build declares the slots of Token, Mention and WordMemo in coder/slots.pxd, to read and
make them in C: a field added here is added there too (each compiled module that reads them checks
every slot's offset at its import, and stops with TypeError where one moved).
"""
from __future__ import annotations

from dataclasses import dataclass, field


class WordMemo:
    """What the stages worked out of one word as written, kept once for every token of the word.

    A token's norm and forms follow from its text, and so do the answers each stage keeps per word
    (the matcher's first steps, the syntax stage's features and marks, the places' start, the
    answers of the language's questions about a word: coder.lang.per_word): each stage keeps them
    in a dict by the word as written, and keeps its answer here too, with the dict it came from
    (`*_of`). A stage then reads a known word's answer from its token, where a look-up in a dict of
    tens of thousands of words waits on memory (on news of 20,000 sentences about a twentieth of the
    run). An answer is read only while its dict is the one the stage reads now: a new lexicon, or
    a dict renewed at its bound, leaves the answers from the old one unread (a dict emptied in place
    at its bound would give the same word the same answer again).
    The tokeniser makes one a word (coder.lang.common._chunk_words) and gives it to each of its
    tokens; a Token made by its constructor gets one of its own."""
    __slots__ = ("starts_of", "starts", "features_of", "features", "places_of", "places",
                 "marks_of", "marks", "verb_of", "verb", "asked")

    def __init__(self):
        self.starts_of = self.features_of = self.places_of = self.marks_of = self.verb_of = None
        self.starts = self.features = self.places = self.marks = self.verb = None
        # the answers of the per-word questions (coder.lang.per_word): a list made at the first asked
        self.asked = None

    def __reduce__(self):   # (a cache: copied and pickled empty, not with the dicts it names)
        return WordMemo, ()


@dataclass(slots=True)
class Token:
    # (slots: the most numerous record)
    text: str          # as in the input
    start: int         # character offsets in the sentence
    end: int
    norm: str          # normalised form (lower case; Arabic letters folded)
    forms: tuple[str, ...]  # lookup forms: norm first, then clitic-stripped variants
    # the word's WordMemo, shared by the tokens of the word (the tokeniser's); a cache of answers that
    # follow from the text, so neither compared nor shown; a token made without one gets its own.
    # (replace() keeps it: give a token of another text a memo of its own)
    memo: WordMemo = field(default=None, compare=False, repr=False)

    def __post_init__(self):
        if self.memo is None:
            self.memo = WordMemo()


@dataclass
class Sentence:
    index: int
    text: str
    start: int         # offset in the document
    tokens: list[Token] = field(default_factory=list)


@dataclass(slots=True)
class Mention:
    """A lexicon match over tokens [first, last] (inclusive); char offsets in the sentence."""
    # (slots, as Token's: some thirty made a sentence, and an instance without them allocates and
    # frees a values array for its attributes too)
    kind: str          # verb | actor | agent | grammar | discard | place | date | quantity
    first: int
    last: int
    start: int
    end: int
    text: str
    entry: object      # the compiled lexicon entry (or resolved value for dates/quantities/places)
    rule_id: str = ""
    first_form: int = 0    # which lookup form of the first token matched (0: the word as written)
