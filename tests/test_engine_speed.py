"""The rules engine's shortcuts answer as the longer ways did: the object windows' countable tokens
built from the sentence's punctuation found once are the per-token test."""
from __future__ import annotations

import pytest

from coder.pipeline import sentences
from coder.rules.counts import _KINDS, counts_marks_and_watched, is_number
from coder.rules.engine import _countable
from coder.rules.types import PUNCT_BARRIER

TEXTS = [("ar", "سيطر مسلحو «داعش»، أمس، على مدينة وقتل ثلاثة جنود في هجوم على 12 موقعا."),
         ("en", "Gunmen met the envoy and attacked a checkpoint, killing five officers (and 1,500 others).")]


@pytest.mark.parametrize("lang,text", TEXTS)
def test_countable_from_the_punctuation_found_once(lang, text):
    (sent,) = sentences(text, lang)
    toks = sent.tokens
    numbers, marks = counts_marks_and_watched(toks, lang)[:2]
    assert marks == {i for i, t in enumerate(toks) if t.norm in PUNCT_BARRIER}
    actor_tokens = {0, 1}
    tags = ["ADV" if i == 3 else "NOUN" for i in range(len(toks))]
    expected = [t.norm not in PUNCT_BARRIER and not is_number(t, lang) and i not in actor_tokens and tags[i] != "ADV"
                for i, t in enumerate(toks)]
    assert _countable(toks, actor_tokens, tags, lang, numbers, marks) == expected
    assert not all(expected) and any(expected)


def test_a_missing_grammar_role_reads_as_no_words():
    """A role the sentence lacks is the one shared empty frozenset: read as no words, never written."""
    from coder.rules.non_finite import opening_no_object
    from coder.rules.types import NO_TOKENS
    assert not any(i in opening_no_object({}, set()) for i in range(5))
    assert [i in opening_no_object({"agent_marker": {3}}, {1}) for i in range(5)] == [False, True, False, True, False]
    assert isinstance(NO_TOKENS, frozenset) and not NO_TOKENS


@pytest.mark.parametrize("lang,text", TEXTS)
def test_counts_and_marks_are_the_two_scans(lang, text):
    # the counts and the punctuation found in one pass over the tokens, with each word's kind kept,
    # answer as the two separate scans did
    (sent,) = sentences(text, lang)
    toks = sent.tokens
    numbers = {i for i, t in enumerate(toks) if is_number(t, lang, with_article=True)}
    marks = {i for i, t in enumerate(toks) if t.norm in PUNCT_BARRIER}
    assert numbers and marks
    _KINDS.clear()      # (first from the words no table knows yet, then from the kept kinds)
    assert counts_marks_and_watched(toks, lang)[:2] == (numbers, marks)
    assert counts_marks_and_watched(toks, lang)[:2] == (numbers, marks)
