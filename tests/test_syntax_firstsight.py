"""The first sight of a word in the syntax stage: the answers worked out together for a new word
(a profile's word_features, the marks of a word as written) are those of the questions they stand
for, asked one by one of the word, and what is kept is what a later question finds. On words and
sentences written for these tests."""
from __future__ import annotations

import pytest

from coder.lang import ar, en, profile
from coder.syntax import _first_seen_for
from coder.syntax.marks import (ACCUSATIVE, ADVERBIAL, CARRIES_SUBJECT, NOMINATIVE, OBJECT_PRONOUN, _OBJECT_PRONOUNS,
                                _carries_pronoun_word, _word_marks)
from coder.syntax.rules import rules
from coder.syntax.tagger import LOOKS_FURTHER, word_closed

# clitics (و ف ب ل ك, لل, كال, ك before tanwin or a word of its own), the article (with a hamza
# after it, marks inside it), pronoun suffixes (after a ta marbuta or not), verbs with subject and
# object suffixes, tanwin of each kind, short words, digits and punctuation
ARABIC = ("والقوات بالمدينة للجيش لقوات كالأسد كطبيبٍ كبير كلينتون قواته جنودها مدرسة مدرستهم ألبوم "
          "الألبوم آلاف والآلاف الْقوات وبالمستشفى فقصفت وقصفوا قتلوا يقاتلون وسيواصلون يتعاون شنتها "
          "قُتل اعتُقل رسمياً قائلاً عقداً مطالبين شهرٌ أداؤنا المستثمرون مبنى عسكري إلى عليه معهم و ب ل "
          "١٢ 2015 ، . « بأنهم وإنها مكانٍ التقى التزموا وزارة وزارتها")
ENGLISH = "The rebels' forces attacked its base; their troops, 12 of them, said: \"we shelled Idlib\" again."


def _arabic_tokens():
    return ar.tokenise(ARABIC)


def _clear_answers():
    for question in (ar.has_conjunction_clitic, ar.has_preposition_clitic, ar.is_definite, ar._owned):
        question.answers.clear()


def _one_by_one(t) -> tuple:
    """The five answers, each from its question's own function (no per-word memo)."""
    return (ar.has_conjunction_clitic.__wrapped__(t), ar.has_preposition_clitic.__wrapped__(t),
            ar.is_definite.__wrapped__(t), ar._owned.__wrapped__(t), ar.has_tanwin(t))


def test_arabic_word_features_are_the_questions_answers():
    toks = _arabic_tokens()
    _clear_answers()
    try:
        for t in toks:
            assert ar.word_features(t) == _one_by_one(t), t.text
    finally:
        _clear_answers()


def test_arabic_word_features_keep_what_the_questions_find_later():
    """Kept for the word as written: each question then answers from its memo, as it would have."""
    _clear_answers()
    try:
        for t in _arabic_tokens():
            first = ar.word_features(t)
            assert (ar.has_conjunction_clitic(t), ar.has_preposition_clitic(t), ar.is_definite(t),
                    ar._owned(t), ar.has_tanwin(t)) == first, t.text
            assert ar.has_conjunction_clitic.answers[t.text] is first[0]
    finally:
        _clear_answers()


def test_the_words_reach_every_answer():
    """(The words above give each of the five answers both ways.)"""
    answers = [_one_by_one(t) for t in _arabic_tokens()]
    for k in range(5):
        assert {a[k] for a in answers} == {True, False}, k


def test_english_word_features_are_the_questions_answers():
    for t in en.tokenise(ENGLISH):
        assert en.word_features(t) == (en.has_conjunction_clitic(t), en.has_preposition_clitic(t), en.is_definite(t),
                                       None, False)


@pytest.mark.parametrize("lang,text", [("ar", ARABIC), ("en", ENGLISH)])
def test_first_seen_entry_is_the_answers_asked_one_by_one(lang, text):
    prof, R = profile(lang), rules(lang)
    first_seen = _first_seen_for(prof, R)
    for t in prof.tokenise(text):
        started: dict = {}    # (what word_closed said of a word _closed looks further than)
        entry = first_seen(t, {}, started)
        if lang == "ar":
            conj, prep, definite, own, _ = _one_by_one(t)
        else:
            conj, prep, definite, own = False, False, False, None
        assert entry[:3] == (conj, prep, definite), t.text
        # (what word_closed says: the tag, whether _closed looks further, by its bit, and the phrases,
        # kept apart for a word it looks further than)
        tag, further, closed = word_closed(t, R, prof, conj)
        assert (entry[4], bool(entry[3] & LOOKS_FURTHER)) == (tag, further), t.text
        assert started == ({t.text: closed} if further else {}), t.text
        # (no tagging rules kept yet; last, the pronoun on the word, else whether the word is a
        # possessor, asked where it is a word of its own)
        assert entry[5:] == ({}, own if lang == "ar" else prof.is_possessor(t)), t.text
        assert first_seen(t, {}, {}) == entry    # (the same again, from the memos now)


def _pronoun_by_the_first_test(tok, prof) -> bool:
    """_carries_pronoun_word as first written: refers_back on the word alone, then the suffixes."""
    if prof.refers_back([tok], 0):
        return True
    n = tok.norm
    return not tok.text.endswith("ة") and any(n.endswith(s) and len(n) - len(s) >= 2 for s in _OBJECT_PRONOUNS) \
        and prof.MODIFIER_AFTER_NOUN


@pytest.mark.parametrize("lang,text", [("ar", ARABIC), ("en", ENGLISH)])
def test_object_pronoun_as_first_tested(lang, text):
    prof = profile(lang)
    answers = [_carries_pronoun_word(t, prof) for t in prof.tokenise(text)]
    assert answers == [_pronoun_by_the_first_test(t, prof) for t in prof.tokenise(text)]
    assert lang == "en" or set(answers) == {True, False}


@pytest.mark.parametrize("lang,text", [("ar", ARABIC), ("en", ENGLISH)])
def test_word_marks_are_the_questions_answers(lang, text):
    """A word's marks are the five questions' answers (the profile's own functions, unmemoised)."""
    prof = profile(lang)
    unwrapped = {name: getattr(getattr(prof, name, None), "__wrapped__", getattr(prof, name, None))
                 for name in ("adverbial_accusative", "nominative", "agreement")}
    found = 0
    for t in prof.tokenise(text):
        marks: dict = {}
        bits = _word_marks(t, prof, marks)
        assert marks == {t.text: bits}
        carries = lang == "ar" and unwrapped["agreement"](t)[1] in ("plural", "dual")
        expected = (OBJECT_PRONOUN if _pronoun_by_the_first_test(t, prof) else 0) | \
            (CARRIES_SUBJECT if carries else 0) | \
            (ADVERBIAL if unwrapped["adverbial_accusative"] and unwrapped["adverbial_accusative"](t) else 0) | \
            (NOMINATIVE if unwrapped["nominative"] and unwrapped["nominative"](t) else 0) | \
            (ACCUSATIVE if "\u064b" in t.text else 0)
        assert bits == expected, t.text
        found |= bits
    if lang == "ar":
        assert found == OBJECT_PRONOUN | CARRIES_SUBJECT | ADVERBIAL | NOMINATIVE | ACCUSATIVE
