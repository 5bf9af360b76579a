"""First sight of a word: the fast paths of the per-word learning answer as the general functions."""
from __future__ import annotations

import pytest

from coder.lang import profile
from coder.lang.numbers import WordGate, _ANY_DIGIT, reader, text_chunks
from coder.lang.word_gate import _LETTER_RUNS
from coder.rules.counts import _KINDS, _NUMBERS, _kinds_learning, _number, counts_marks_and_watched, \
    is_number, is_number_word

TEXTS = [
    ("ar", "قتل خمسة جنود وأصيب الثلاثة الآخرون بجروح في هجوم على حاجز شمال المدينة يوم الاثنين."),
    ("ar", "وصل الوفدان إلى العاصمة بعد ثلاثين ساعة، وبالعشرات خرج المحتجون (12 قتيلا)."),
    ("en", "Twenty-one villagers and the three guards fled; 40 others, a dozen of them children, stayed."),
    ("en", "Police said seven were arrested at 10:30 near the border, and hundreds marched."),
]


def _general(tok, lang: str, with_article: bool) -> bool:
    """The number test as first written: digits, or a number word as written or through a form."""
    norm = tok.norm
    if norm[:1].isdigit() or is_number_word(lang, norm):
        return True
    return with_article and any(is_number_word(lang, f) for f in tok.forms if f != norm)


@pytest.mark.parametrize("lang,text", TEXTS)
def test_a_new_words_count_is_the_general_answer(lang, text):
    toks = profile(lang).tokenise(text)
    for with_article in (False, True):
        assert [_number(t, lang, with_article) for t in toks] == [_general(t, lang, with_article) for t in toks]
    _NUMBERS.clear()
    _KINDS.clear()
    cold = counts_marks_and_watched(toks, lang)[:2]                 # every word new: the learning pass
    assert cold == _kinds_learning(toks, lang, {})[:2] == counts_marks_and_watched(toks, lang)[:2]   # and kept
    assert cold[0] == {i for i, t in enumerate(toks) if _general(t, lang, True)}
    assert [is_number(t, lang) for t in toks] == [_general(t, lang, False) for t in toks]
    assert cold[0]     # (each text holds a count)


def chunk_admits(gate, chunk: str) -> bool:
    """Does a chunk not of letters alone admit (as WordGate._learn answers it): the gate's other
    pattern finds something in it, or one of its letter runs is one of the gate's words?"""
    return (gate.also is not None and gate.also.search(chunk) is not None) \
        or not gate.words.isdisjoint(_LETTER_RUNS.findall(chunk))


def test_the_gate_learns_chunks_as_it_answers_them_one_by_one():
    gate = reader("ar").gate
    fresh = WordGate(["ثلاثة", "عشرات", "مئة"], ["و", "ال"], also=_ANY_DIGIT)
    for text in ["قتل ثلاثة جنود (و12 جريحا).", "والعشرات خرجوا، ثلاثة منهم", "لا عدد هنا ولا رقم"]:
        chunks = text_chunks(text)
        expected = [c in fresh.words if c.isalpha() else chunk_admits(fresh, c) for c in chunks]
        first = next((k for k, v in enumerate(expected) if v), None)
        assert fresh.first_admitting(chunks) == first
        assert fresh.admits(text) == (first is not None)
        assert gate.admits(text) == any(c in gate.words if c.isalpha() else chunk_admits(gate, c)
                                        for c in chunks)


def test_folds_is_whether_ascii_fold_changes_a_word():
    import unicodedata
    from itertools import filterfalse

    from coder.geo.gazetteer import ascii_fold, folds

    def normalised(s: str) -> str:    # ascii_fold as first written: the normalisation always
        return s if s.isascii() else "".join(filterfalse(unicodedata.combining, unicodedata.normalize("NFKD", s)))
    words = ["والعراقية", "مسلحون", "مؤتمر", "رئيس", "آمرلي", "قتلَ", "Serêkaniyê", "Aleppo", "Qamişlo", "ﻻ", "ﷲ"]
    for w in words + [chr(c) for c in range(0x600, 0x700)]:
        assert ascii_fold(w) == normalised(w)
        assert folds(w) == (normalised(w) != w)


@pytest.mark.parametrize("lang,text", TEXTS)
def test_a_word_may_start_a_place_where_a_form_is_a_key_or_folds(lang, text, monkeypatch):
    # (the test is written out in SentencePlaces._start_tokens, which asks _starts of the words it admits)
    from coder.geo.gazetteer import Gazetteer, ascii_fold
    from test_places_speed31 import words_handed_to_starts
    trie = Gazetteer.default().tries[lang]
    tokens = profile(lang).tokenise(text)
    asked = set(words_handed_to_starts(lang, [tokens], monkeypatch))
    for t in tokens:
        assert (t.text in asked) == (len(t.norm) <= 3 or any(
            f in trie or (not f.isascii() and ascii_fold.__wrapped__(f) != f) for f in t.forms))


@pytest.mark.parametrize("lang,text", TEXTS)
def test_a_new_chunks_duals_and_a_new_words_marker_keys_are_the_general_answers(lang, text):
    from coder.dates import markers
    from coder.quantities.recognise import recogniser
    r = recogniser(lang)
    for chunk in text_chunks(text) + ("جنديان", "والطفلين،", "بلدتين.", "ان"):
        if r.dual_words is not None:
            general = r._duals_in.__func__(r, chunk) if not chunk.isalpha() else tuple(
                (m.end() - h[0], m.end(), h[1]) for m in r.dual_words.finditer(chunk)
                if (h := r._dual(m.group())) is not None)
            assert r._duals_in(chunk) == general
    toks = profile(lang).tokenise(text + " منذ ذلك الحين وحتى اليوم, since then and until now")
    by_first = markers._by_first(lang)
    markers._WORDS.pop(lang, None)
    for field in markers.FIELDS:
        markers.marker_starts(toks, lang, field)
    for t in toks:
        assert markers._WORDS[lang][t.text] == tuple(x for f in t.forms for x in by_first.get(f, ()))
