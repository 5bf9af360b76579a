"""The eighth speed round's shortcuts in the quantities: each must find what the full work finds.

- a sentence whose numbers are all in words is not searched for phone numbers (a phone number
  masks only the numbers that begin in it, which are written in digits);
- the counted-noun search keeps, per word, its forms, the unit it names alone, whether it may begin
  a two-word noun and whether it is a skip word: a word's answers are the same cold and warm.
"""
from __future__ import annotations

import pytest

from coder.quantities import find_quantities
from coder.quantities.recognise import QuantityRecogniser

CASES = [
    ("Gunmen killed 12 security forces in the town.", "en", [(12, "exact", "killed", "12 security forces")]),
    ("Clashes left 12 of the foreign fighters dead.", "en", [(12, "exact", "killed", "12 of the foreign fighters")]),
    ("They counted 12, and soldiers came later.", "en", [(12, "exact", "other", "12")]),
    # a number in digits inside a phone number is masked; the count in words beside it is read
    ("Police arrested three people; call 0791 234 5678 for details.", "en",
     [(3, "exact", "detainees", "three people")]),
    ("Call +44 20 7946 0958 now: three people were killed.", "en", [(3, "exact", "killed", "three people")]),
    ("Officials said twenty suicide bombers were among them.", "en",
     [(20, "exact", "fighters", "twenty suicide bombers")]),
    ("قتل 12 جنديا في الهجوم.", "ar", [(12, "exact", "killed", "12 جنديا")]),
    ("اتصلوا على 0791 234 5678 بعد مقتل ثلاثة أشخاص.", "ar", [(3, "exact", "killed", "ثلاثة أشخاص")]),
]


def _read(found):
    return [(q.value, q.qualifier, q.unit, q.text) for q in found]


@pytest.mark.parametrize("text,lang,want", CASES)
def test_quantities_found_as_before(text, lang, want):
    assert _read(find_quantities(text, lang)) == want


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_counted_noun_answers_the_same_cold_and_warm(lang):
    texts = [t for t, lg, _ in CASES if lg == lang]
    warm = QuantityRecogniser(lang)
    first = [_read(warm.find(t)) for t in texts]
    again = [_read(warm.find(t)) for t in texts]   # (every word's reading now kept)
    cold = [_read(QuantityRecogniser(lang).find(t)) for t in texts]
    assert first == again == cold


# ---------------------------------------------------------------- sentence splitting

SPLIT_TEXTS = [
    "", "   ", "\n\n", "One sentence.", "One sentence.  ", "  One sentence.\n", "No end at all",
    "Two sentences. Here is the second.", "A line\nand another.", "Trailing quote.\" ", "Said so.» ",
    "Ends twice?! ", "The U.S. Army said so. Then it left.", "Mr. Smith went.", "Last char.\n\n",
    "قصف الجيش المدينة.", "قصف الجيش المدينة. وقتل ثلاثة؟ ", "هل قصف؟", "قال: «انتهى».", "سطر\nسطر آخر",
    "a" * 2100 + ".", ("word " * 500).strip() + ".",
]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_split_without_a_search_as_with_it(lang):
    from coder.lang import profile
    from coder.lang.common import split_by
    prof = profile(lang)
    veto = getattr(prof, "_is_abbreviation", None)
    for text in SPLIT_TEXTS:
        assert prof.split_sentences(text) == split_by(text, prof._BOUNDARY, veto=veto), text


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_character_a_boundary_begins_with_is_searched_for(lang):
    from coder.lang import profile
    prof = profile(lang)
    for code in range(0x3000):
        c = chr(code)
        if prof._BOUNDARY.match(c + " A") or prof._BOUNDARY.match(c + "\n"):
            assert c in prof._BOUNDARY_STARTS, repr(c)
