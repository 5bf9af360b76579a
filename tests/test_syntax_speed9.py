"""The ninth speed round's short cuts in the syntax stage's first sight of a word: each answers as
the test it stands for, on words and sentences written for these tests."""
from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from coder.lang import profile
from coder.syntax import ANAPHOR, CLAUSE_PUNCT, DIGIT, MARKER_START, PARTICIPLE_PREPOSITION, QUOTE_WORD, _first_seen_for
from coder.syntax.phrases import TANWIN
from coder.syntax.rules import rules
from coder.syntax.segmenter import CLAUSE_BREAKS
from coder.syntax.tagger import LOOKS_FURTHER, _always_holds, _context_part, _word_allows, _word_tag, word_closed

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
        (CLAUSE_PUNCT if w in CLAUSE_BREAKS else 0) | (ANAPHOR if w in R.anaphors else 0) | \
        (TANWIN if getattr(prof, "has_tanwin", lambda t: False)(t) else 0)


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
        started: dict = {}    # (what word_closed said of a word _closed looks further than: the pair's second dict)
        entry = first_seen(t, words, started)
        conj = prof.has_conjunction_clitic(t)
        assert words == {t.text: entry}
        closed = word_closed(t, R, prof, conj)    # (its further flag is a bit as well: LOOKS_FURTHER)
        # (seven fields since tests/test_syntax_speed33.py's round: what word_closed said of a word
        # _closed looks further than kept apart, the language's own flag last)
        assert entry == (conj, prof.has_preposition_clitic(t), prof.is_definite(t),
                         _bits_asked_one_by_one(t, R, prof) | (LOOKS_FURTHER if closed[1] else 0), closed[0], {},
                         own(t) if own else not prof.MODIFIER_AFTER_NOUN and prof.is_possessor(t)), \
            t.text
        assert started == ({t.text: closed[2]} if closed[1] else {}), t.text


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


_PUNCTUATION = frozenset(",;:()\"«»،؛-–—?!؟.'[]{}/“”‘’…")


def _word_tag_by_scan(t, R, prof, conj: bool) -> tuple:
    """tagger._word_tag as a scan: the punctuation test on the word, then its first letter; each
    lookup form after the first asked the word lists for a preposition."""
    w = t.norm
    if w in _PUNCTUATION or (w[:1] in _PUNCTUATION and all(c in _PUNCTUATION for c in w)):
        return True, "PUNCT", False
    if w[:1].isdigit():
        return True, "NUM", False
    tag = R.words.get(w)
    if tag is None and (conj or w[:1] in prof.CLITIC_COORDINATORS):
        tag = R.words.get(w[1:])
    return False, tag, tag is None and len(t.forms) > 1 and any(R.words.get(f) == "ADP" for f in t.forms[1:])


WORDS = [
    ("ar", "عليه إليها فيهم منه خلالها أمامهم وراءهم وقد وأن فكان ... ،، 2015 ٢٠١٥ - ؟! القوات والجيش بالمدينة لقسد عنهما وعليهم"),
    ("en", "it's the U.S. -- ... ?! 1990s 3rd and or in to by whom upon thereof 'quoted' (x) e.g."),
]


@pytest.mark.parametrize("lang,text", WORDS + SENTENCES)
def test_word_tag_as_the_scan(lang, text):
    prof, R = profile(lang), rules(lang)
    for t in prof.tokenise(text):
        for conj in (False, True):
            assert _word_tag(t, R, prof, conj) == _word_tag_by_scan(t, R, prof, conj), t.text


def test_the_words_reach_each_answer():
    """(The words above reach the punctuation, the number, a listed word, one through its clitic and
    a preposition carrying a pronoun.)"""
    prof, R = profile("ar"), rules("ar")
    answers = {_word_tag_by_scan(t, R, prof, False) for t in prof.tokenise(WORDS[0][1])}
    assert {(True, "PUNCT", False), (True, "NUM", False), (False, None, True), (False, None, False)} <= answers
    assert any(tag is not None for fixed, tag, _ in answers if not fixed)


_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_POSSESSIVE_SUFFIXES = ("هما", "كما", "هم", "هن", "ها", "كم", "نا", "ه")


def _owned_by_scan(t) -> bool:
    """The Arabic profile's possessive pronoun test with every suffix tried."""
    if _ARABIC_MARKS.sub("", t.text).endswith("ة"):
        return False
    return any(t.norm.endswith(suf) and len(t.norm) - len(suf) >= 3 and t.norm[:-len(suf)] in t.forms
               for suf in _POSSESSIVE_SUFFIXES)


def _definite_by_marks_first(token) -> bool:
    """The Arabic profile's article test reading the word as written first, for every word."""
    n = token.norm[1:] if token.norm[:1] in ("و", "ف") and len(token.norm) >= 5 else token.norm
    raw = _ARABIC_MARKS.sub("", token.text)[len(token.norm) - len(n):]
    if n[:1] in ("ب", "ل", "ك") and n[1:3] == "ال":
        n, raw = n[1:], raw[1:]
    if raw.startswith(("أل", "إل", "آل")):
        return False
    return n.startswith("ال") or n.startswith("لل")


ARABIC_WORDS = ("قواته جنودها مواقعهم وزارتها محافظة محافظته عليهما كتابكم أرضنا بيتهن صديقكما سلاحه "
                "والقوات للشرطة بالقصف والجيش فالأمر كالجيش وللقوات وبالمدينة ألبومين أليخاندرا آلاف إلى "
                "الْقُوَّاتُ وَالْجَيْشُ لِلشُّرْطَةِ مُقاتِلُوهُ قُوّاتُهُ شخصاً له لها هم الة ال ة ه وألمانيا والآلاف")


@pytest.mark.parametrize("word", ARABIC_WORDS.split())
def test_arabic_possessive_and_article_as_before(word):
    from coder.lang import ar
    t = ar.tokenise(word)[0]
    assert ar._owned.__wrapped__(t) == _owned_by_scan(t)
    assert ar.is_definite.__wrapped__(t) == _definite_by_marks_first(t)


def test_the_arabic_words_reach_each_answer():
    from coder.lang import ar
    toks = [ar.tokenise(w)[0] for w in ARABIC_WORDS.split()]
    assert {_owned_by_scan(t) for t in toks} == {True, False}
    assert {_definite_by_marks_first(t) for t in toks} == {True, False}
    # a word with the article's letters after a hamza is not definite (ألبومين، آلاف), one with it is
    assert not _definite_by_marks_first(ar.tokenise("آلاف")[0]) and _definite_by_marks_first(ar.tokenise("والآلاف")[0])


def _allowed_by_every_condition(rules_, t, conj: bool, prep: bool, definite: bool) -> list:
    """The rules whose conditions on the word alone it meets, each asked in full (ى folded into ي
    worked out first, for every word), in the rule's context part, up to the first that always holds."""
    w = t.norm
    stem = w[1:] if conj else w
    folded_ya = stem.endswith("ي") and t.text.endswith("ى")
    out = []
    for r in rules_:
        if (r.definite is None or definite == r.definite) and \
                (r.clitic_preposition is None or prep == r.clitic_preposition) and (not r.word or w in r.word) and \
                (not r.min_length or len(w) >= r.min_length) and \
                (not r.ending or (stem.endswith(r.ending) and not folded_ya)) and \
                (not r.prefix or stem.startswith(r.prefix)):
            out.append(_context_part(r))
            if _always_holds(out[-1]):
                break
    return out


@pytest.mark.parametrize("lang,text", [
    ("ar", "مبنى مستشفى المبنى عسكري العسكري والعسكرية بالمدينة مسلحة المسلحين يقصف تهاجم نعلن حماية قرى مرمى"),
    ("en", "attacked shelling Forces reported the rebels' Said protests"),
])
def test_word_allows_as_every_condition_asked(lang, text):
    prof, R = profile(lang), rules(lang)
    for t in prof.tokenise(text):
        for kind, kind_rules in R.rules_by_kind.items():
            if isinstance(kind, str):
                for conj in (False, True):
                    for prep in (False, True):
                        for definite in (False, True):
                            assert _word_allows(kind_rules, t, conj, prep, definite) == \
                                _allowed_by_every_condition(kind_rules, t, conj, prep, definite), (t.text, kind)
