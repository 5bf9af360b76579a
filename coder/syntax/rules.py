"""The per-language syntax data (coder/lexicon/<lang>/syntax.yaml), validated and compiled once:
closed-class words by tag, part-of-speech rules, argument and clause markers, all normalised the
way the tokeniser normalises text."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from coder.lang import profile
from coder.lang.numbers import load_lexicon
from coder.lexicon.schema import PosRule, SyntaxFile


@dataclass(frozen=True)
class CompiledRule:
    tag: str
    applies: frozenset
    prev_tag: frozenset
    next_tag: frozenset
    prev_word: frozenset
    next_word: frozenset
    ending: tuple
    prefix: tuple
    min_length: int
    definite: object
    clitic_preposition: object
    capitalised: object
    next_capitalised: object
    next_definite: object
    prev_definite: object
    definite_agrees: bool
    word: frozenset = frozenset()


class SyntaxRules:
    """Everything the syntax stage reads for one language."""

    def __init__(self, lang: str):
        data = SyntaxFile.model_validate(load_lexicon(lang, "syntax"))
        self.lang = lang
        prof = profile(lang)
        norm = prof.normalise
        self.words: dict[str, str] = {}          # one-word closed-class entries -> tag
        self.phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}   # first word -> (words, tag)
        for tag, ws in data.words.items():
            for w in ws:
                key = tuple(norm(w).split())
                if len(key) == 1:
                    self.words.setdefault(key[0], tag)
                elif key:
                    self.phrases.setdefault(key[0], []).append((key, tag))
        self.adpositions = frozenset(w for w, tag in self.words.items() if tag == "ADP")   # (tagger._word_tag)
        self.rules = [self._compile(r, norm) for r in data.pos_rules if not r.revise]
        self.revisions = [self._compile(r, norm) for r in data.pos_rules if r.revise]   # second pass, on verbs
        # (readings, tag before, text, conjunction and preposition clitics) -> the rules to try, and
        # the tag if none holds (tagger._to_try), for a token whose clitics parse() cleared (the
        # others' are kept with their word's features)
        self.word_rules: dict = {}
        # the rules for each kind of word, in file order: the tagger tries only those
        self.rules_by_kind = {k: [r for r in self.rules if k in r.applies]
                              for k in ("ambiguous", "named", "verb", "unknown")}
        self.default_tag = data.default_tag
        self.genitive = frozenset(norm(w) for w in data.genitive_words)
        self.partitive = frozenset(norm(w) for w in data.partitive_words)
        # the words one of which, between two phrases, can make the second the first's genitive
        # (phrases._is_genitive's test of a one-word gap asks no other word): its callers call it for
        # a one-word gap only where the word is one of these
        self.between_genitive = self.genitive | self.partitive
        self.titles = frozenset(norm(w) for w in data.titles)
        self.anaphors = frozenset(norm(w) for w in data.anaphors)
        self.time_nouns = frozenset(norm(w) for w in data.time_nouns)
        self.markers: dict[tuple[str, ...], str] = {}
        for role, ws in data.argument_markers.items():
            for w in ws:
                self.markers.setdefault(tuple(norm(w).split()), role)
        # first word -> (the marker's words, its role) of each marker it starts, the longest first
        self.markers_from: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {}
        for key, role in sorted(self.markers.items(), key=lambda kv: -len(kv[0])):
            self.markers_from[key[0]] = self.markers_from.get(key[0], ()) + ((key, role),)
        self.marker_starts = frozenset(self.markers_from)
        self.passive_aux = frozenset(norm(w) for w in data.passive_auxiliaries)
        self.stance = frozenset(norm(w) for w in data.stance_participles)
        self.copulas = frozenset(norm(w) for w in data.copulas)
        # (no object after either: one set for the one check)
        self.no_object = self.copulas | frozenset(norm(w) for w in data.intransitive_verbs)
        self.impersonal = frozenset(norm(w) for w in data.impersonal_verbs)
        self.quote = frozenset(norm(w) for w in data.quote_markers)
        self.clause_prepositions = frozenset(norm(w) for w in data.clause_prepositions)
        self.expletives = frozenset(norm(w) for w in data.expletives)
        self.name_heads = frozenset(norm(w) for w in data.name_heads)
        self.participle_prepositions = frozenset(norm(w) for w in data.participle_prepositions)
        self.name_prefixes = frozenset(norm(w) for w in data.name_prefixes)
        self.participle_endings = tuple(data.participle_endings)

    @staticmethod
    def _compile(r: PosRule, norm) -> CompiledRule:
        return CompiledRule(r.tag, frozenset(r.applies_to),
                            frozenset(r.prev_tag), frozenset(r.next_tag),
                            frozenset(norm(w) for w in r.prev_word), frozenset(norm(w) for w in r.next_word),
                            tuple(norm(e) for e in r.ending), tuple(norm(p) for p in r.prefix), r.min_length,
                            r.definite, r.clitic_preposition, r.capitalised, r.next_capitalised, r.next_definite, r.prev_definite, r.definite_agrees,
                            frozenset(norm(w) for w in r.word))


@lru_cache(maxsize=None)
def rules(lang: str) -> SyntaxRules:
    return SyntaxRules(lang)
