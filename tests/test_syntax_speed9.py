"""The ninth speed round's short cuts in the syntax stage's first sight of a word: each answers as
the test it stands for, on words and sentences written for these tests."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from coder.lang import profile
from coder.syntax import CLAUSE_PUNCT, DIGIT, MARKER_START, PARTICIPLE_PREPOSITION, QUOTE_WORD, _first_seen_for
from coder.syntax.phrases import TANWIN
from coder.syntax.rules import rules
from coder.syntax.segmenter import CLAUSE_BREAKS
from coder.syntax.tagger import word_closed

TANWIN_MARKS = frozenset("\u064b\u064c\u064d")   # fathatan, dammatan, kasratan


@pytest.mark.parametrize("text", ["شخصاً", "تقريرٌ", "مكانٍ", "كتابُ", "مدرسةَ", "قصف", "ًا", "ٌ", "", "Idlib"])
def test_tanwin_is_any_of_the_three_marks(text):
    """has_tanwin's three substring tests answer as a test of each letter against the marks."""
    tok = SimpleNamespace(text=text)
    assert profile("ar").has_tanwin(tok) == (not TANWIN_MARKS.isdisjoint(text))


def _bits_asked_one_by_one(t, R, prof) -> int:
    """A word's bits as four tests of the word lists, the digit and the tanwin test (as before the
    look-up of the listed words' bits)."""
    w = t.norm
    return (QUOTE_WORD if w in R.quote else 0) | (PARTICIPLE_PREPOSITION if w in R.participle_prepositions else 0) | \
        (MARKER_START if w in R.marker_starts else 0) | (DIGIT if w[:1].isdigit() else 0) | \
        (CLAUSE_PUNCT if w in CLAUSE_BREAKS else 0) | (TANWIN if getattr(prof, "has_tanwin", lambda t: False)(t) else 0)


SENTENCES = [
    ("ar", "وقال المتحدث إنه، في عام 2015، قتل شخصاً على يد مسلحين؛ بأنها ضد الحكومة ومع المعارضة."),
    ("ar", "أكد الوزير أنهم وصلوا إلى دمشق من بيروت تجاه الحدود بحق المدنيين والمؤيدة للنظام"),
    ("en", "He said that, in 2019, troops known as rebels marched against the army; others by 3 routes."),
    ("en", "Officials talked about the attack on Monday, with 12 dead, toward the border upon arrival."),
]


@pytest.mark.parametrize("lang,text", SENTENCES)
def test_a_new_words_entry_is_its_answers(lang, text):
    """The first sight of a word keeps the profile's answers and the word lists' bits, one test a list."""
    prof, R = profile(lang), rules(lang)
    first_seen = _first_seen_for(prof, R)
    own = getattr(prof, "carries_possessive", None)
    for t in prof.tokenise(text):
        words: dict = {}
        entry = first_seen(t, words)
        conj = prof.has_conjunction_clitic(t)
        assert words == {t.text: entry}
        assert entry == (conj, prof.has_preposition_clitic(t), prof.is_definite(t), own(t) if own else None,
                         _bits_asked_one_by_one(t, R, prof)) + word_closed(t, R, prof, conj), t.text


def test_the_sentences_have_every_bit():
    """(The sentences above reach each bit, in each language where its list has words.)"""
    for lang in ("ar", "en"):
        prof, R = profile(lang), rules(lang)
        found = 0
        for text in (text for code, text in SENTENCES if code == lang):
            for t in prof.tokenise(text):
                found |= _bits_asked_one_by_one(t, R, prof)
        assert found == QUOTE_WORD | MARKER_START | DIGIT | CLAUSE_PUNCT | \
            (TANWIN if lang == "ar" else PARTICIPLE_PREPOSITION), lang
