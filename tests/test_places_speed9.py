"""Speed steps of the counts, numbers and places read per word (round 17): a word's first sight
computes less, with the same answers as the general path."""
from __future__ import annotations

import pytest
from test_rec_speed2 import _corpus_texts

_OWN = {
    "ar": ["قتل ثلاثة جنود وأصيب عشرون آخرون في هجوم على قرية شمال الموصل",
           "وصل الجنود الثلاثة والخمسة عشر مدنيا إلى بغداد بعد مئة يوم",
           "ألفا متظاهر و3,500 شرطي وعشرات الجرحى"],
    "en": ["Three soldiers and twenty-five civilians were killed near Mosul on Monday",
           "dozens of protesters, 3,500 police and a hundred cars in Serêkaniyê",
           "one-third of the 12th brigade's forty-two tanks"],
}


def _words(lang: str) -> list[str]:
    from coder.lang import profile
    prof = profile(lang)
    return sorted({f for text in _corpus_texts(lang) + _OWN[lang]
                   for t in prof.tokenise(text) for f in (t.norm, *t.forms)})


@pytest.mark.parametrize("lang", ("ar", "en"))
def test_value_of_a_word_is_that_of_the_full_search(lang):
    # a word of letters outside the gate's words is answered by the set alone: the same answer as
    # the search over the word, for every word and form of the corpus texts and of our sentences
    from coder.lang.numbers import reader
    r = reader(lang)
    words = _words(lang) + ["twenty-five", "ثلاثة", "ثلاثه", "وثلاثة", "3", "٣", "three four"]
    answered_by_the_set = 0
    for w in words:
        found = r.find(w)
        full = found[0].value if len(found) == 1 and found[0].text == w.strip() else None
        assert r.value_of(w) == full, w
        answered_by_the_set += w.isalpha() and w not in r.gate.words
    assert answered_by_the_set > len(words) // 2
    assert r.value_of({"ar": "ثلاثه", "en": "three"}[lang]) == 3


@pytest.mark.parametrize("lang", ("ar", "en"))
def test_number_words_and_counts_are_those_of_the_full_search(lang):
    # is_number_word answers most words by the gate's set before its memo; the count test reads
    # each of a token's forms once: the answers of the search over every word and form
    from coder.lang import profile
    from coder.lang.numbers import reader
    from coder.rules.counts import _number, is_number_word
    r = reader(lang)

    def searched(word: str) -> bool:
        found = r.find(word)
        return word[:1].isalpha() and len(found) == 1 and found[0].text == word.strip()

    for w in _words(lang):
        assert is_number_word(lang, w) == searched(w), w
    prof = profile(lang)
    counts = 0
    for text in _corpus_texts(lang) + _OWN[lang]:
        for t in prof.tokenise(text):
            for with_article in (False, True):
                words = (t.norm, *t.forms) if with_article else (t.norm,)
                expected = t.norm[:1].isdigit() or any(searched(w) for w in words)
                assert _number(t, lang, with_article) == expected, (t.text, with_article)
                counts += expected
    assert counts > 10


@pytest.mark.parametrize("lang", ("ar", "en"))
def test_a_word_passed_over_starts_no_name(lang):
    # _starts builds no place forms for a word none of whose forms is a first word of a name nor
    # changes when folded: none of its place forms is one, and what it starts is the general answer
    from coder.geo.gazetteer import Gazetteer
    from coder.geo.toponyms import _place_forms, _starts
    from test_places_speed31 import may_start as _may_start   # (the test, written out in _start_tokens since)
    from coder.lang import profile
    trie = Gazetteer.default().tries[lang]
    prof = profile(lang)
    extra = {"ar": ["وقال مسؤولون في رأس العين إن الطائرات قصفت تل أبيض وبدمشق ولحلب",
                    "سؤال عن الرئيس المؤقت في ئيلام"],
             "en": ["Serêkaniyê and Qamişlo were shelled, Aleppo's mayor said in São Paulo"]}[lang]
    passed = started = 0
    for text in _corpus_texts(lang) + _OWN[lang] + extra:
        for t in prof.tokenise(text):
            in_trie = [f for f in _place_forms(t.norm, t.forms, lang) if f in trie]
            if not _may_start(trie, t):
                passed += 1
                assert not in_trie, t.text
                assert _starts(trie, t, lang) == ()
            started += bool(_starts(trie, t, lang))
    assert passed > started > 0
