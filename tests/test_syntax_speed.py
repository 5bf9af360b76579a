"""The tagger's short cuts (coder/syntax/tagger.py): each must tag as the full rule scan does."""
from __future__ import annotations

import pytest

import coder.syntax.tagger as tagger
from coder.syntax.rules import CompiledRule
from tests.test_syntax_lookups import _parsed, _tags_without_kept_rules, _texts, every_condition_asked


def _rule(tag: str, **conditions) -> CompiledRule:
    fields = dict(tag=tag, applies=frozenset({"unknown"}), prev_tag=frozenset(), next_tag=frozenset(),
                  prev_word=frozenset(), next_word=frozenset(), ending=(), prefix=(), min_length=0,
                  definite=None, clitic_preposition=None, capitalised=None, next_capitalised=None,
                  next_definite=None, prev_definite=None, definite_agrees=False)
    fields.update(conditions)
    return CompiledRule(**fields)


def test_to_try_stops_at_the_first_rule_without_conditions():
    asks = _rule("VERB", next_tag=frozenset({"NOUN"}))
    always = _rule("NOUN", prev_tag=frozenset({"DET"}))     # (the tag before picked the rules tried)
    assert tagger._to_try([asks, always, _rule("ADJ")]) == ([asks], "NOUN")
    assert tagger._to_try([asks, _rule("ADJ", ending=("ية",))]) == ([asks, _rule("ADJ", ending=("ية",))], None)


def test_context_part_drops_only_the_word_conditions():
    r = _rule("ADJ", ending=("ي",), definite=True, word=frozenset({"x"}), next_tag=frozenset({"NOUN"}))
    part = tagger._context_part(r)
    assert (part.ending, part.definite, part.word, part.next_tag) == ((), None, frozenset(), frozenset({"NOUN"}))


@pytest.mark.parametrize("lang,texts", list(_texts()))
def test_short_cut_tags_as_every_rule_tried(lang, texts, monkeypatch):
    """Every rule of the kind tried with _holds, in file order (no word filter, no short cut): the
    same tags as the tagger's rules kept per word."""
    kept = [_parsed(t, lang)[0].tags for t in texts]
    monkeypatch.setattr(tagger, "_word_allows", lambda rules, *a: list(rules))
    every_condition_asked(monkeypatch)    # (the rules tried as they stand: every condition asked)
    monkeypatch.setattr(tagger, "_to_try", lambda rules: (rules, None))
    assert kept == _tags_without_kept_rules(texts, lang)
