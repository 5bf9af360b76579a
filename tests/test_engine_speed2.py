"""The rules engine's sentence scans answer as the separate passes did: the counts and the
punctuation found in one pass over the tokens, with each word's kind kept."""
from __future__ import annotations

import pytest

from coder.pipeline import sentences
from coder.rules.counts import _KINDS, counts_and_marks, is_number
from coder.rules.types import PUNCT_BARRIER

TEXTS = [("ar", "سيطر مسلحو «داعش»، أمس، على مدينة وقتل الجنود الثلاثة في هجوم على 12 موقعا، وفر خمسة."),
         ("en", "Gunmen met the envoy and attacked a checkpoint, killing five officers (and 1,500 others) - three fled.")]


@pytest.mark.parametrize("lang,text", TEXTS)
def test_counts_and_marks_are_the_two_scans(lang, text):
    (sent,) = sentences(text, lang)
    toks = sent.tokens
    numbers = {i for i, t in enumerate(toks) if is_number(t, lang, with_article=True)}
    marks = {i for i, t in enumerate(toks) if t.norm in PUNCT_BARRIER}
    assert numbers and marks
    _KINDS.clear()      # (first from the words no table knows yet, then from the kept kinds)
    assert counts_and_marks(toks, lang) == (numbers, marks)
    assert counts_and_marks(toks, lang) == (numbers, marks)
