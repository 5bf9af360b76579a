"""The thirtieth speed round of the places' start pass, first sight: a new word's answer
(SentencePlaces._start_tokens, where a word of the sentence is not in toponyms._STARTS yet) works
_may_start's test out in its loop, a frame less a new word; the places' rules (PlaceRules,
Qualifier, rules) moved to coder/geo/place_rules.py, still read from toponyms. Checked against a
copy of the former answer (kept here, calling _may_start), on sentences written for these tests in
both languages (names read through their ASCII fold, through a proclitic, in lower case, after a
word that is a name only with the next; short words; words that fold and start nothing), with the
memo empty, full or partly full. And the matcher's reader of a new word's kind
(coder.rules.counts.word_kinds) works the count, punctuation and watched bits out in its own frame,
where it called _kind_bits and _is_count_of_new_word: checked against a copy of them."""
from __future__ import annotations

import pytest

from coder.dates.markers import marker_first_words
from coder.geo import place_rules, toponyms
from coder.geo.gazetteer import _default, folds
from coder.geo.toponyms import SentencePlaces
from coder.lang import profile
from coder.lang.numbers import reader
from coder.lexicon import check
from coder.lexicon.load import load
from coder.pipeline import sentences
from coder.recognise import matcher
from coder.rules import counts
from coder.spans import trie_memo
from test_places_speed31 import may_start as former_may_start   # (toponyms._may_start before the thirty-second round)

LANGS = ("ar", "en")

TEXTS = {
    "en": [
        "Soldiers shelled Serêkaniyê and then Serekaniye close to the Euphrates on Sunday.",
        "Militants in Şanlıurfa and in Hama stormed Al Bāb, Al Bab and the town of Idlib.",
        "A raid on a bar in Rafah wounded Herr Schröder and four guards in Erbil, police said.",
        "Police detained 30 students in mosul and basra after the rally in Mosul.",
        "Nobody commented.",
        "Jets struck the port of Latakia, the coastal city, and then Daraa and Homs again.",
        "Union City and union members met in New York, and Eagle Pass saw an eagle.",
        "Café owners in Zürich and Tōkyō met at the Ünye fair on Friday.",
    ],
    "ar": [
        "قصف الجيش وتل أبيض ومدينة حماة والرقة في دمشق، وبحلب ودير الزور أمس.",
        "اعتقلت قوات الأمن 30 طالبا في أربيل إثر مظاهرات في مدينة البصرة.",
        "لم يعلق أحد.",
        "شن مسلحون هجوما على حاجز قرب إدلب وفي حمص وباللاذقية.",
        "زار الوفد Zürich ثم عاد إلى عمان ولبنان.",
    ],
}


def _answers_as_before(trie: dict, tokens, lang: str, known: dict) -> None:
    """The former answering of a sentence's new words (_start_tokens before the round)."""
    for tok in tokens:
        if tok.text in known:
            continue
        may_start = former_may_start(trie, tok)
        if not may_start and tok.norm in tok.forms:
            known[tok.text] = False
            continue
        starts = toponyms._starts(trie, tok, lang) if may_start else ()
        if starts:
            known[tok.text] = starts[0], None if starts[1] else toponyms._follow(starts[0])
        else:
            known[tok.text] = toponyms._NONE_BUT_FOLDS if folds(tok.norm) else False


def _same(a: dict, b: dict) -> bool:
    """Equal answers, of the same kinds (False, _NONE_BUT_FOLDS, a pair): () == () but not False."""
    return a == b and all(type(a[k]) is type(b[k]) for k in a)


@pytest.mark.parametrize("lang", LANGS)
def test_new_words_are_answered_as_before(lang, monkeypatch):
    trie = _default().tries[lang]
    prof = profile(lang)
    sentences = [prof.tokenise(text) for text in TEXTS[lang]]
    former: dict = {}
    for tokens in sentences:
        _answers_as_before(trie, tokens, lang, former)
    kinds = {type(v) for v in former.values()} | {v is toponyms._NONE_BUT_FOLDS for v in former.values()}
    assert kinds == {bool, tuple, True, False}   # (words that start none, fold only, start one)
    assert any(v and v[1] is None for v in former.values()) and any(v and v[1] for v in former.values())
    # every word new, then part of them known (every other word, the first half)
    for kept in (lambda k: False, lambda k: k % 2 == 0, lambda k: k < 5):
        monkeypatch.setattr(toponyms, "_STARTS", {})
        memo = trie_memo(toponyms._STARTS, trie)
        memo.update((t.text, former[t.text]) for k, t in enumerate(sentences[0]) if kept(k))
        starts = []
        for text, tokens in zip(TEXTS[lang], sentences):
            starts.append(SentencePlaces(text, tokens, lang)._start_tokens())
        assert _same(memo, former)
        monkeypatch.setattr(toponyms, "_STARTS", {})
        trie_memo(toponyms._STARTS, trie).update(former)
        assert starts == [SentencePlaces(text, tokens, lang)._start_tokens()   # (every word known)
                          for text, tokens in zip(TEXTS[lang], sentences)]
    assert sum(map(len, starts)) >= 8


@pytest.mark.parametrize("lang", LANGS)
def test_places_found_at_first_sight_as_with_the_former_answers(lang, monkeypatch):
    trie = _default().tries[lang]
    prof = profile(lang)
    found = []
    for fresh in (True, False):
        monkeypatch.setattr(toponyms, "_STARTS", {})
        if not fresh:
            for text in TEXTS[lang]:
                _answers_as_before(trie, prof.tokenise(text), lang, trie_memo(toponyms._STARTS, trie))
        found.append([[(p.place.place_id, p.start, p.end, p.locative, p.typed) for p in
                       SentencePlaces(text, prof.tokenise(text), lang).places(hint)]
                      for text in TEXTS[lang] for hint in (None, "SYR")])
    assert found[0] == found[1] and sum(map(len, found[0])) >= 10


def test_the_rules_are_read_from_either_module():
    assert toponyms.rules is place_rules.rules and check.place_rules is place_rules.rules
    assert toponyms.PlaceRules is place_rules.PlaceRules and toponyms.Qualifier is place_rules.Qualifier
    for lang in LANGS:
        r = toponyms.rules(lang)
        assert isinstance(r, place_rules.PlaceRules) and r.cues and r.before
        assert all(isinstance(q, place_rules.Qualifier) for q in r.before.values())


# ---------------------------------------------------------------- the matcher's reader of a new word's kind

COUNT_TEXTS = {
    "en": "Three soldiers and 12 police, twenty-one guards, a dozen of the 3rd unit; one. ( - 40% thousands",
    "ar": "قتل ثلاثة جنود و12 شرطيا وعشرون حارسا، والثلاثة والخمسين؛ واحد. ( - 40% آلاف",
}


def _is_count_as_before(tok, lang: str, number_words) -> bool:
    """counts._is_count_of_new_word before the round (copied)."""
    norm = tok.norm
    if norm[:1].isdigit() or (not (norm.isalpha() and norm not in number_words)
                              and counts._read_as_number(lang, norm)):
        return True
    for f in tok.forms:
        if f != norm and not (f.isalpha() and f not in number_words) and counts._read_as_number(lang, f):
            return True
    return False


def _kind_as_before(tok, lang: str):
    """word_kinds' reader before the round: through counts._kind_bits and _is_count_of_new_word (copied)."""
    words, number_words = counts.watched_words(lang), reader(lang).gate.words
    kind = (counts.COUNT if _is_count_as_before(tok, lang, number_words) else 0) | \
        (counts.PUNCT if tok.norm in counts.PUNCT_BARRIER else 0) | (0 if words.isdisjoint(tok.forms) else counts.WATCHED)
    return (kind, tuple(words.intersection(tok.forms)) if kind & counts.WATCHED else ()) if kind else 0


@pytest.mark.parametrize("lang", LANGS)
def test_a_new_word_s_kind_is_the_former_one(lang):
    kind_of = counts.word_kinds(lang)
    toks = [t for text in TEXTS[lang] + [COUNT_TEXTS[lang]] for t in profile(lang).tokenise(text)]
    got = [kind_of(t) for t in toks]
    assert got == [_kind_as_before(t, lang) for t in toks]
    for bit in (counts.COUNT, counts.PUNCT, counts.WATCHED):   # (each bit set of some word, not of all)
        assert 0 < sum(bool(k and k[0] & bit) for k in got) < len(got)


@pytest.mark.parametrize("lang", LANGS)
def test_the_matcher_keeps_a_new_word_s_entry_as_before(lang, monkeypatch):
    """A word new to the matcher that starts no phrase gets the entry _word_steps gave it (its kind
    alone, or () with none) without that call; one that starts some, _word_steps' own; the mentions,
    kinds and date markers are those of a matcher whose memo _word_steps filled, cold and warm."""
    trie, kinds, firsts = load(lang).trie, counts.word_kinds(lang), marker_first_words(lang)
    monkeypatch.setattr(matcher, "_DATED_KIND_STARTS", {})
    sents = [s for text in TEXTS[lang] + [COUNT_TEXTS[lang]] for s in sentences(text, lang)]

    def read(m) -> tuple:
        return ([(x.kind, x.first, x.last, x.text, x.rule_id, x.first_form, type(x.entry)) for x in m],
                m.grammar_roles, m.word_kinds, m.date_marker_words)
    got = [read(matcher.match(trie, s.tokens, s.text, False, kinds, firsts)) for s in sents]
    memo = trie_memo(matcher._DATED_KIND_STARTS, trie)
    bare = 0
    for s in sents:
        for tok in s.tokens:
            kind = kinds(tok)
            if not firsts.isdisjoint(tok.forms):
                kind = (kind[0] | matcher._DATE_MARKER, kind[1]) if kind else (matcher._DATE_MARKER, ())
            former = matcher._word_steps(trie, tok.forms, kind)
            if any(f in trie for f in tok.forms):
                assert memo[tok.text][0] == former[0] and memo[tok.text][6] == former[6] and len(former) == 7
            else:
                assert memo[tok.text] == former, tok.text
                bare += 1
    assert bare >= 10
    assert got == [read(matcher.match(trie, s.tokens, s.text, False, kinds, firsts)) for s in sents]   # (warm)
    monkeypatch.setattr(matcher, "_DATED_KIND_STARTS", {})
    memo = trie_memo(matcher._DATED_KIND_STARTS, trie)
    for s in sents:   # (the memo as _word_steps filled it, before the round)
        for tok in s.tokens:
            kind = kinds(tok)
            if not firsts.isdisjoint(tok.forms):
                kind = (kind[0] | matcher._DATE_MARKER, kind[1]) if kind else (matcher._DATE_MARKER, ())
            memo.setdefault(tok.text, matcher._word_steps(trie, tok.forms, kind))
    assert got == [read(matcher.match(trie, s.tokens, s.text, False, kinds, firsts)) for s in sents]
