"""The thirty-fourth speed round of the syntax stage, checked against the former logic and against
what b4c545a made of hand-written Arabic and English sentences:
- a language's word entries and what word_closed said of the words tagger._closed looks further
  than are one pair (coder.syntax._FEATURES), renewed together, so _closed reads every answer it
  needs from the pair the sentence's features came from (no answer worked out again);
- parse()'s pass over the tokens with a bit tells the most frequent answers of the word lists'
  table (a marker's start alone, a clause's punctuation alone, no list) by identity first;
- tagger.tag keeps the tag of the token before as its loop passes it, where it read it back from
  the tags by position, and a word a lexicon reads has its rules kept under its readings (an
  int), then by the tag before, where a tuple of both was built and hashed at each token."""
from __future__ import annotations

import copy

import pytest

import coder.syntax as syntax
from coder.lang import profile
from coder.syntax import (ANAPHOR, CLAUSE_PUNCT, DIGIT, MARKER_START, PARTICIPLE_PREPOSITION, QUOTE_WORD, Features,
                          _CLAUSE_WORD_ALONE, _IN_NO_LIST, _MARKER_START_ALONE, _WORD_LISTS_BY_BITS, parse, tagger)
from coder.syntax.phrases import TANWIN
from coder.syntax.rules import rules
from coder.syntax.tagger import LOOKS_FURTHER, _NORM, _RULED, _closed, _rules_to_try, word_closed
from test_syntax_speed14 import _inputs, assert_parsed_as
from test_syntax_speed31 import _former_tag

SENTENCES = [
    ("ar", "وقال المتحدث باسم الشرطة إن عناصرها أوقفوا سيارة محملة بالمتفجرات عند مدخل البلدة مساء الأحد."),
    ("ar", "التقى رئيس الوزراء بوفد من البرلمان الأوروبي، وبحث معه سبل دعم اللاجئين في المخيمات."),
    ("ar", "أطلقت قوات الأمن الغاز المسيل للدموع على المتظاهرين الذين تجمعوا أمام مقر الحكومة عام 2019."),
    ("ar", "وأدان الاتحاد الأفريقي الهجوم الذي استهدف قافلة إغاثة، مطالباً بمحاسبة المسؤولين عنه."),
    ("en", "The interior ministry said on Tuesday that its officers had detained four suspects in the raid."),
    ("en", "Known as the northern front, the group attacked an army base, killing three guards, officials said."),
    ("en", "China's foreign minister, who arrived in Cairo on Sunday, urged both sides to resume talks."),
    ("en", "Hundreds of farmers blocked roads in protest at new taxes, as well as at cuts in 1998 and 2004."),
]
# what b4c545a made of each (test_syntax_speed14._digest)
BEFORE = ["17b54aea5e67e1e9", "a1ac29efd27a30c8", "2b38b804f8285e11", "08d86e3498ac9151", "c451482b838c8984",
          "24bfcaaa09d6edec", "fe6f1429de657676", "9345a6465729e788"]


@pytest.mark.parametrize("n", range(len(SENTENCES)))
def test_a_parse_is_the_one_made_before(n):
    assert_parsed_as(*SENTENCES[n], BEFORE[n])


def _former_closed(toks, F, prof, R) -> list:
    """b4c545a's tagger._closed: an answer missing from F.phrases_started worked out again."""
    tags = F.closed_tags
    end = 0
    n = len(toks)
    for i in F.special:
        if i < end or not F.bits[i] & LOOKS_FURTHER:
            continue
        closed = F.phrases_started.get(toks[i].text)
        if closed is None:
            closed = F.phrases_started[toks[i].text] = word_closed(toks[i], R, prof, F.words[toks[i].text][0])[2]
        tag, maybe_adp, phrases = closed
        for key, ptag in phrases:
            if i + len(key) <= n and toks[i + 1].norm == key[1] and tuple(map(_NORM, toks[i:i + len(key)])) == key:
                end = i + len(key)
                tags[i:end] = [ptag] * len(key)
                break
        else:
            if tag is None and maybe_adp and prof.refers_back(toks, i):
                tags[i] = "ADP"
    return tags


@pytest.mark.parametrize("lang,text", SENTENCES)
def test_the_closed_tags_are_the_former_ones(lang, text):
    """_closed reads the pair's answers: the former's tags, the former working each out afresh."""
    prof, R = profile(lang), rules(lang)
    toks, _ = _inputs(lang, text)
    F = Features(toks, prof, R)
    F.phrases_started = {}    # (the former logic works every answer out again)
    expected = _former_closed(toks, F, prof, R)
    assert _closed(toks, Features(toks, prof, R), prof, R) == expected


def test_the_entries_and_the_phrases_started_are_one_pair(monkeypatch):
    """A sentence's features read the pair kept for its language, made on first sight: every word
    _closed looks further than has its answer in the pair's second dict, the one Features keeps."""
    monkeypatch.setattr(syntax, "_FEATURES", {})
    further = set()
    for lang, text in SENTENCES:
        prof, R = profile(lang), rules(lang)
        toks, _ = _inputs(lang, text)
        F = Features(toks, prof, R)
        words, started = syntax._FEATURES[lang]
        assert F.words is words and F.phrases_started is started
        for i, t in enumerate(toks):
            if F.bits[i] & LOOKS_FURTHER:
                further.add(lang)
                assert started[t.text] == word_closed(t, R, prof, words[t.text][0])[2], t.text
    assert further == {"ar", "en"}


def test_a_full_pair_is_renewed_whole(monkeypatch):
    """Entries grown to their bound are renewed with the phrases started: both dicts new, the
    sentence's answers in the new ones."""
    lang, text = SENTENCES[0]
    prof, R = profile(lang), rules(lang)
    toks, _ = _inputs(lang, text)
    full = {str(k): () for k in range(100_000)}
    stale = {"stale": ("X", False, ())}
    monkeypatch.setattr(syntax, "_FEATURES", {lang: (full, stale)})
    F = Features(toks, prof, R)
    words, started = syntax._FEATURES[lang]
    assert words is not full and started is not stale and "stale" not in started
    assert F.words is words and F.phrases_started is started
    assert set(words) == {t.text for t in toks}
    assert set(started) == {t.text for i, t in enumerate(toks) if F.bits[i] & LOOKS_FURTHER} != set()


def _former_lists(b: int) -> tuple:
    """b4c545a's _WORD_LISTS_BY_BITS entry of the bits b."""
    return (bool(b & (QUOTE_WORD | PARTICIPLE_PREPOSITION)), bool(b & (QUOTE_WORD | CLAUSE_PUNCT)),
            bool(b & MARKER_START), bool(b & DIGIT), bool(b & ANAPHOR))


def test_the_word_lists_by_bits_are_the_former_ones_shared():
    """Each entry is the former one; those told apart by identity are one tuple for every bits value
    that gives them (a marker's start alone with or without tanwin or the further bit...)."""
    bound = QUOTE_WORD | PARTICIPLE_PREPOSITION | MARKER_START | DIGIT | CLAUSE_PUNCT | TANWIN | ANAPHOR | LOOKS_FURTHER
    assert len(_WORD_LISTS_BY_BITS) == bound + 1
    shared = {_MARKER_START_ALONE: 0, _CLAUSE_WORD_ALONE: 0, _IN_NO_LIST: 0}
    for b, lists in enumerate(_WORD_LISTS_BY_BITS):
        assert lists == _former_lists(b), b
        if lists in shared:
            assert any(lists is one for one in shared), b
            shared[lists] += 1
    assert all(n == 4 for n in shared.values())    # (with or without tanwin, with or without the further bit)
    assert _WORD_LISTS_BY_BITS[MARKER_START | LOOKS_FURTHER] is _MARKER_START_ALONE
    assert _WORD_LISTS_BY_BITS[CLAUSE_PUNCT] is _CLAUSE_WORD_ALONE
    assert _WORD_LISTS_BY_BITS[TANWIN] is _WORD_LISTS_BY_BITS[LOOKS_FURTHER] is _IN_NO_LIST


def test_the_sentences_reach_each_route():
    """(The sentences above have tokens of each answer parse() tells apart, and of the others.)"""
    seen = set()
    for lang, text in SENTENCES:
        toks, _ = _inputs(lang, text)
        F = Features(toks, profile(lang), rules(lang))
        for i in F.special:
            lists = _WORD_LISTS_BY_BITS[F.bits[i]]
            seen.add(next((name for name, one in (("marker", _MARKER_START_ALONE), ("clause", _CLAUSE_WORD_ALONE),
                                                  ("none", _IN_NO_LIST)) if lists is one), lists))
    assert {"marker", "clause", "none"} <= seen
    assert any(type(lists) is tuple and lists[0] for lists in seen)    # (a word reread: "that", "as")
    assert any(type(lists) is tuple and lists[3] for lists in seen)    # (a number)


@pytest.mark.parametrize("lang,text", SENTENCES)
def test_the_tags_are_the_former_ones(lang, text, monkeypatch):
    """Each parse's tags, at first sight and from the kept rules, are a former tag()'s
    (test_syntax_speed31's copy, which reads the tag before from the tags by position); the
    sentences have tokens passed over right before a visited one, and visited ones in a row."""
    toks, mentions = _inputs(lang, text)
    seen = []

    def both(toks, read, read_at, R, prof, F):
        former = copy.copy(F)
        former.closed_tags = list(F.closed_tags)
        expected = _former_tag(toks, read, read_at, R, prof, former)
        visited = [t is None or _RULED[read[i]] for i, t in enumerate(F.closed_tags)]
        got = tagger.tag(toks, read, read_at, R, prof, F)
        seen.append((list(got), expected, visited))    # (as tag() made them: parse() revises some after)
        return got
    monkeypatch.setattr(syntax, "tag", both)
    for _ in range(2):
        parse(toks, mentions, profile(lang))
    assert len(seen) == 2
    for got, expected, visited in seen:
        assert got == expected
        assert any(not a and b for a, b in zip(visited, visited[1:]))    # (passed over, then visited)
        assert any(a and b for a, b in zip(visited, visited[1:]))    # (two visited in a row)


def test_the_kept_rules_are_those_worked_out_by_readings_and_tag_before(monkeypatch):
    """After the sentences are parsed (their words' rules kept afresh), each word's memo holds, by
    the tag before (a str) for a word no lexicon reads, and under the readings (an int) then by
    the tag before for one a lexicon reads, what _rules_to_try answers for them: no tuple key."""
    monkeypatch.setattr(syntax, "_FEATURES", {})
    seen = []

    def kept(toks, read, read_at, R, prof, F):
        seen.append((toks, list(read), R, F))
        return tagger.tag(toks, read, read_at, R, prof, F)
    monkeypatch.setattr(syntax, "tag", kept)
    for lang, text in SENTENCES:
        parse(*_inputs(lang, text), profile(lang))
    by_readings = 0
    for toks, read, R, F in seen:
        for i, memo in enumerate(F.tag_memos):
            if memo is None:
                continue
            assert all(type(key) in (str, int) for key in memo), toks[i].text
            by_readings += read[i] in memo    # (the readings the token has here, if it was visited)
            for key, value in memo.items():
                r, answers = (key, value) if type(key) is int else (0, {key: value})
                for prev, answer in answers.items():
                    assert answer == _rules_to_try(R, r, prev, toks[i], F.conj[i], F.prep[i], F.definite[i]), \
                        (toks[i].text, r, prev)
    assert by_readings > 10
