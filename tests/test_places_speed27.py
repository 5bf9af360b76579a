"""The places' twenty-seventh speed round (coder/geo/toponyms.py): a new word's test of whether it may
start a name (`_may_start`) asks whether a form folds without a call of `folds` a form, and the first
sight's learning pass asks it once a word (`_starts(..., may_start=True)`), its pairs made by a list.
Checked against copies of the former logic on every word of the corpus texts and of sentences written
for these tests (accented and dotted Latin letters, Persian letters, Arabic marks), and by the start
tokens a first sight finds. (Since the thirty-second round the test is written out in
SentencePlaces._start_tokens alone, _starts with no gate: tests/test_places_speed31.py.)"""
from __future__ import annotations

import pytest
from test_rec_speed2 import _corpus_texts

_OWN = {
    "ar": ["قصفت الطائرات رأس العين وتل أبيض وبدمشق ولحلب صباح اليوم",
           "وَقَالَ مسؤولٌ في ئيلام إن کرمانشاه وسنندج شهدتا احتجاجات",
           "زار الوزير Zürich وSerêkaniyê ثم عاد إلى الرقة"],
    "en": ["Serêkaniyê and Qamişlo were shelled, Aleppo's mayor said in São Paulo",
           "Protesters gathered in Zürich, Kraków and Düsseldorf on Sunday",
           "The İstanbul governor met officials from Bağdat and Erbil"],
}


def _former_may_start(trie: dict, tok) -> bool:
    """_may_start as it was: each form asked through gazetteer.folds."""
    from coder.geo.gazetteer import folds
    if len(tok.norm) <= 3:
        return True
    for f in tok.forms:
        if f in trie or folds(f):
            return True
    return False


def _former_starts(trie: dict, tok, lang: str) -> tuple:
    """_starts as it was: _may_start asked again, the pairs made by a generator over _forms."""
    from coder.geo.gazetteer import _END
    from coder.geo.toponyms import _forms, rules
    if not _former_may_start(trie, tok):
        return ()
    pairs = tuple((f, trie[f]) for f in _forms(tok, lang) if f in trie)
    if not pairs:
        return ()
    form = next((f for f, node in pairs if _END in node), None)
    if form is None:
        return pairs, False
    r = rules(lang)
    dropped = (r.case_sensitive and not any(map(str.isupper, tok.text))) or (form,) in r.stop \
        or (form != tok.norm and (tok.norm,) in r.stop)
    if not dropped:
        return pairs, True
    if all(len(node) == 1 and _END in node for _, node in pairs):
        return ()
    return pairs, False


def _tokens(lang: str) -> list:
    from coder.lang import profile
    prof = profile(lang)
    return [t for text in _corpus_texts(lang) + _OWN[lang] for t in prof.tokenise(text)]


@pytest.mark.parametrize("lang", ("ar", "en"))
def test_a_word_may_start_a_name_as_it_did(lang, monkeypatch):
    # (the test is written out in SentencePlaces._start_tokens, which asks _starts of the words it admits)
    from coder.geo.gazetteer import Gazetteer
    from test_places_speed31 import words_handed_to_starts
    trie = Gazetteer.default().tries[lang]
    tokens = _tokens(lang)
    asked = set(words_handed_to_starts(lang, [tokens], monkeypatch))
    by_fold = 0   # words told only by a form that folds (no form a first word of a name): Latin words in
    # Arabic text, which Arabic normalisation leaves accented (English normalisation takes the marks off)
    for t in tokens:
        assert (t.text in asked) == _former_may_start(trie, t), t.text
        by_fold += len(t.norm) > 3 and not any(f in trie for f in t.forms) and _former_may_start(trie, t)
    assert by_fold > 0 or lang == "en"


@pytest.mark.parametrize("lang", ("ar", "en"))
def test_a_first_sight_finds_the_same_start_tokens(lang, monkeypatch):
    from coder.geo import toponyms
    from coder.geo.toponyms import SentencePlaces
    from coder.lang import profile
    prof = profile(lang)
    texts = _corpus_texts(lang) + _OWN[lang]

    def starts() -> list:
        monkeypatch.setattr(toponyms, "_STARTS", {})   # (every word new: learnt as at first sight)
        return [SentencePlaces(text, prof.tokenise(text), lang)._start_tokens() for text in texts]

    now = starts()
    # the same sentences read from the answers the former _may_start and _starts give each word
    from coder.geo.gazetteer import Gazetteer, folds
    from coder.spans import trie_memo
    trie = Gazetteer.default().tries[lang]
    monkeypatch.setattr(toponyms, "_STARTS", {})
    known = trie_memo(toponyms._STARTS, trie)
    for text in texts:
        for t in prof.tokenise(text):
            s = _former_starts(trie, t, lang)
            known[t.text] = (s[0], None if s[1] else toponyms._follow(s[0])) if s else \
                toponyms._NONE_BUT_FOLDS if folds(t.norm) else False
    assert now == [SentencePlaces(text, prof.tokenise(text), lang)._start_tokens() for text in texts]
    assert sum(map(len, now)) > 20


@pytest.mark.parametrize("lang", ("ar", "en"))
def test_what_a_word_starts_is_what_it_started(lang):
    from coder.geo.gazetteer import Gazetteer
    from coder.geo.toponyms import _starts
    trie = Gazetteer.default().tries[lang]
    started = 0
    for t in _tokens(lang):
        former = _former_starts(trie, t, lang)
        assert _starts(trie, t, lang) == former, t.text
        started += bool(former)
    assert started > 10
