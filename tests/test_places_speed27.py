"""The places' twenty-seventh speed round (coder/geo/toponyms.py): a new word's test of whether it may
start a name (`_may_start`) asks whether a form folds without a call of `folds` a form. Checked against
a copy of the former test on every word of the corpus texts and of sentences written for these tests
(accented and dotted Latin letters, Persian letters, Arabic marks), and by the start tokens a first
sight finds."""
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


def _tokens(lang: str) -> list:
    from coder.lang import profile
    prof = profile(lang)
    return [t for text in _corpus_texts(lang) + _OWN[lang] for t in prof.tokenise(text)]


@pytest.mark.parametrize("lang", ("ar", "en"))
def test_a_word_may_start_a_name_as_it_did(lang):
    from coder.geo.gazetteer import Gazetteer
    from coder.geo.toponyms import _may_start
    trie = Gazetteer.default().tries[lang]
    by_fold = 0   # words told only by a form that folds (no form a first word of a name): Latin words in
    # Arabic text, which Arabic normalisation leaves accented (English normalisation takes the marks off)
    for t in _tokens(lang):
        assert _may_start(trie, t) == _former_may_start(trie, t), t.text
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
    monkeypatch.setattr(toponyms, "_may_start", _former_may_start)
    assert now == starts()
    assert sum(map(len, now)) > 20
