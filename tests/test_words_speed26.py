"""A word's memo (coder.records.WordMemo, the thirty-fourth speed round): what the stages work out
of a word as written, kept once a word and shared by its tokens, where each stage looked it up by the
word in a dict of its own (tens of thousands of words on a long run, whose look-ups wait on memory).
The matcher's first steps, the syntax stage's features, marks and verb bits, the places' start and
the Arabic per-word questions are read from the memo while the dict it came from is the stage's.

Checked: the tokeniser gives one memo a word; a memo's answer is its dict's; a memo of another dict
is not read; the sentences written here read the same with the tokeniser's tokens (memos filled by
the sentences before) as with tokens made anew (memos empty), and as before the round (digests of
what 677eba9 made of them)."""
from __future__ import annotations

import dataclasses
import pickle

import pytest

from coder import syntax
from coder.geo import toponyms
from coder.geo.gazetteer import Gazetteer
from coder.lang import ar, per_word, profile
from coder.lexicon.load import load
from coder.model import Sentence, Token, WordMemo
from coder.pipeline import analyse_sentence, sentences
from coder.recognise.matcher import match
from coder.spans import trie_memo
from coder.syntax import marks

from test_rules_speed15 import DAY, _digest

SENTENCES = {
    "en": [
        "Syrian troops shelled the town of Saraqib on Tuesday, killing 4 civilians (AFP).",
        "The Iraqi army said its forces arrested 12 suspects near Mosul and in the Anbar province.",
        "Police in New Delhi detained dozens of protesters, and the government condemned the violence.",
        "Turkish jets struck Kurdish fighters in northern Iraq, the ministry in Ankara said on Friday.",
        "The United Nations urged Israel and Hamas to agree to a ceasefire in the Gaza Strip.",
        "Rebels in South Sudan released 30 hostages after talks with the government in Juba.",
        "Egypt's president met the Jordanian king in Cairo and discussed the crisis in Lebanon.",
        "Gunmen killed two soldiers in an attack on a checkpoint east of Baghdad, officials said.",
    ],
    "ar": [
        "قصفت القوات السورية بلدة سراقب يوم الثلاثاء، ما أدى إلى مقتل 4 مدنيين.",
        "قال الجيش العراقي إن قواته اعتقلت 12 مشتبها بهم قرب الموصل وفي محافظة الأنبار.",
        "اعتقلت الشرطة في بغداد عشرات المتظاهرين، وأدانت الحكومة أعمال العنف.",
        "أعلنت وزارة الدفاع التركية أن طائراتها قصفت مواقع للمسلحين الأكراد شمالي العراق.",
        "دعت الأمم المتحدة إسرائيل وحماس إلى الاتفاق على وقف لإطلاق النار في قطاع غزة.",
        "أفرج المتمردون في جنوب السودان عن 30 رهينة بعد محادثات مع الحكومة في جوبا.",
        "التقى الرئيس المصري العاهل الأردني في القاهرة وبحثا الأزمة في لبنان.",
        "قتل مسلحون جنديين في هجوم على حاجز شرقي بغداد، بحسب مصادر أمنية.",
    ],
}

# sha-256 (first 16 hex digits) of each sentence's reading (test_rules_speed15._digest) before the round
DIGESTS = {
    'Syrian troops shelled the town of Saraqib on Tuesday, killing 4 civilians (AFP).': 'ce7dbd28315df766',
    'The Iraqi army said its forces arrested 12 suspects near Mosul and in the Anbar province.': '2edad7e37b44c8f9',
    'Police in New Delhi detained dozens of protesters, and the government condemned the violence.': '563fa296be79c1c2',
    'Turkish jets struck Kurdish fighters in northern Iraq, the ministry in Ankara said on Friday.': '65dfacab1fd71a8f',
    'The United Nations urged Israel and Hamas to agree to a ceasefire in the Gaza Strip.': 'bdd6e99f9d6d0396',
    'Rebels in South Sudan released 30 hostages after talks with the government in Juba.': 'ca53f2b65c1f7577',
    "Egypt's president met the Jordanian king in Cairo and discussed the crisis in Lebanon.": '18148278cacb5fdd',
    'Gunmen killed two soldiers in an attack on a checkpoint east of Baghdad, officials said.': '991892867a9cf1a3',
    'قصفت القوات السورية بلدة سراقب يوم الثلاثاء، ما أدى إلى مقتل 4 مدنيين.': '72deaf66d8365c81',
    'قال الجيش العراقي إن قواته اعتقلت 12 مشتبها بهم قرب الموصل وفي محافظة الأنبار.': 'b3c66588d8981bad',
    'اعتقلت الشرطة في بغداد عشرات المتظاهرين، وأدانت الحكومة أعمال العنف.': '8ee999ffb8a8a1d2',
    'أعلنت وزارة الدفاع التركية أن طائراتها قصفت مواقع للمسلحين الأكراد شمالي العراق.': 'ed715f3fb3f7d617',
    'دعت الأمم المتحدة إسرائيل وحماس إلى الاتفاق على وقف لإطلاق النار في قطاع غزة.': '4aa634e8acd80e47',
    'أفرج المتمردون في جنوب السودان عن 30 رهينة بعد محادثات مع الحكومة في جوبا.': '941e566f99daac36',
    'التقى الرئيس المصري العاهل الأردني في القاهرة وبحثا الأزمة في لبنان.': '52aa566f887f0927',
    'قتل مسلحون جنديين في هجوم على حاجز شرقي بغداد، بحسب مصادر أمنية.': 'd2a02696b8226878',
}


def _anew(sent: Sentence) -> Sentence:
    """The sentence with its tokens made by the constructor: a memo of their own each, empty."""
    toks = [Token(t.text, t.start, t.end, t.norm, t.forms) for t in sent.tokens]
    return Sentence(sent.index, sent.text, sent.start, toks)


def _sentences(lang: str) -> list[Sentence]:
    return [s for text in SENTENCES[lang] for s in sentences(text, lang)]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_tokens_of_a_word_share_one_memo(lang):
    prof = profile(lang)
    text = " ".join(SENTENCES[lang])
    first, again = prof.tokenise(text), prof.tokenise(text + " " + text)
    by_word: dict[str, WordMemo] = {}
    for t in first + again:
        assert type(t.memo) is WordMemo
        assert by_word.setdefault(t.text, t.memo) is t.memo, t.text
    assert len({id(m) for m in by_word.values()}) == len(by_word)   # (one a word, another for another)
    # a word inside a chunk of several ("(AFP).", "سراقب،") has the memo of the word alone
    alone = {t.text: t.memo for t in prof.tokenise(" ".join(by_word))}
    assert all(alone[w] is m for w, m in by_word.items())


def test_a_token_made_by_its_constructor_has_a_memo_of_its_own():
    a, b = Token("Iraq", 0, 4, "iraq", ("iraq",)), Token("Iraq", 0, 4, "iraq", ("iraq",))
    assert type(a.memo) is WordMemo and a.memo is not b.memo and a == b
    shared = WordMemo()
    assert Token("Iraq", 0, 4, "iraq", ("iraq",), shared).memo is shared
    assert dataclasses.replace(a, end=5).memo is a.memo and dataclasses.replace(a, end=5) != a
    assert "memo" not in repr(a)
    a.memo.starts_of, a.memo.starts, a.memo.asked = {}, (), [True]
    copy = pickle.loads(pickle.dumps(a))    # (a cache: pickled empty)
    assert copy == a and copy.memo.starts_of is None and copy.memo.asked is None


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_matcher_reads_a_memo_only_from_its_own_dict(lang):
    trie = load(lang).trie
    for sent in _sentences(lang):
        want = [(m.kind, m.first, m.last, m.text, m.rule_id) for m in match(trie, _anew(sent).tokens, sent.text)]
        got = [(m.kind, m.first, m.last, m.text, m.rule_id) for m in match(trie, sent.tokens, sent.text)]
        assert got == want
        for t in sent.tokens:   # each token's memo holds its dict's answer
            assert t.memo.starts_of[t.text] is t.memo.starts
        # a memo of another dict is not read (and is filled again from the matcher's)
        for t in sent.tokens:
            t.memo.starts_of, t.memo.starts = {}, ()
        assert [(m.kind, m.first, m.last, m.text, m.rule_id) for m in match(trie, sent.tokens, sent.text)] == want
        assert all(t.memo.starts_of is not None and t.memo.starts_of[t.text] is t.memo.starts for t in sent.tokens)
    # and the memo is what the matcher reads: a trigger's steps taken out of its memo, no trigger there
    sent = _sentences(lang)[0]
    hit = next(m for m in match(trie, sent.tokens, sent.text) if m.kind == "trigger" and m.first == m.last)
    memo = sent.tokens[hit.first].memo
    kept = memo.starts
    try:
        memo.starts = ()
        assert not any(m.kind == "trigger" and m.first == hit.first for m in match(trie, sent.tokens, sent.text))
    finally:
        memo.starts = kept


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_features_come_from_the_entries_of_the_words(lang, monkeypatch):
    prof = profile(lang)
    for sent in _sentences(lang):
        analyse_sentence(sent, lang, DAY)
        words = syntax._FEATURES[prof.CODE][0]
        for t in sent.tokens:
            if t.memo.features_of is not None:
                assert t.memo.features_of is words and words[t.text] is t.memo.features
    # renewed entries (a new pair of dicts): the memos of the old ones are not read
    sent = _sentences(lang)[1]
    want = _digest(analyse_sentence(_anew(sent), lang, DAY).analysis)
    monkeypatch.setitem(syntax._FEATURES, prof.CODE, ({}, {}))
    for _ in range(2):   # (the words new to the entries, then known to them: read through the memos)
        assert _digest(analyse_sentence(sent, lang, DAY).analysis) == want
    assert any(t.memo.features_of is syntax._FEATURES[prof.CODE][0] for t in sent.tokens)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_places_start_where_their_dict_says(lang):
    trie = Gazetteer.default().tries[lang]
    for sent in _sentences(lang):
        want = toponyms.SentencePlaces(sent.text, _anew(sent).tokens, lang)._start_tokens()
        assert toponyms.SentencePlaces(sent.text, sent.tokens, lang)._start_tokens() == want
        known = trie_memo(toponyms._STARTS, trie)
        assert all(t.memo.places_of is known and known[t.text] is t.memo.places for t in sent.tokens)
        for t in sent.tokens:
            t.memo.places_of, t.memo.places = {}, False   # another dict's: not read
        assert toponyms.SentencePlaces(sent.text, sent.tokens, lang)._start_tokens() == want
    assert any(toponyms.SentencePlaces(s.text, s.tokens, lang)._start_tokens() for s in _sentences(lang))


def test_the_arabic_questions_keep_their_answers_in_the_memo():
    questions = (ar.is_definite, ar.has_conjunction_clitic, ar.has_preposition_clitic, ar._owned, ar.agreement,
                 ar.is_imperfect_verb, ar.subject_pronoun, ar.adverbial_accusative, ar.circumstantial)
    assert len({q.at for q in questions}) == len(questions) and max(q.at for q in questions) < per_word.QUESTIONS_MAX
    toks = ar.tokenise(" ".join(SENTENCES["ar"]))
    for t in toks:
        for q in questions:
            assert q(t) == q.__wrapped__(t)
            assert t.memo.asked[q.at] == q.__wrapped__(t) and q.answers.get(t.text, q(t)) == q(t)
        assert ar.refers_back([t], 0) == ar._owned.__wrapped__(t)
        assert ar.carries_subject(t) == (ar.agreement.__wrapped__(t)[1] in ("plural", "dual"))
    # what the memo holds is what is answered (a word's answer is read there first)
    t = next(t for t in toks if t.text == "قواته")
    assert ar.refers_back([t], 0) is True
    t.memo.asked[ar._owned.at] = False
    try:
        assert ar.refers_back([t], 0) is False and ar._owned(t) is False
    finally:
        t.memo.asked[ar._owned.at] = True
    # a memo made by the constructor asks the question itself, and keeps the answer
    fresh = Token(t.text, t.start, t.end, t.norm, t.forms)
    assert fresh.memo.asked is None and ar.refers_back([fresh], 0) is True and fresh.memo.asked[ar._owned.at] is True


def test_too_many_questions_are_refused(monkeypatch):
    monkeypatch.setattr(per_word, "_made", [per_word.QUESTIONS_MAX])
    with pytest.raises(RuntimeError, match="QUESTIONS_MAX"):
        per_word.per_word(lambda token: True)


def test_marks_and_verb_bits_are_their_dicts_answers():
    prof = profile("ar")
    for sent in _sentences("ar"):
        analyse_sentence(sent, "ar", DAY)
    toks = [t for s in _sentences("ar") for t in s.tokens]
    word_marks = marks._WORD_MARKS["ar"]
    verb_words = marks._VERB_WORDS["ar"]
    read = [t for t in toks if t.memo.marks_of is not None]
    verbs = [t for t in toks if t.memo.verb_of is not None]
    assert read and verbs
    assert all(t.memo.marks_of is word_marks and word_marks[t.text] == t.memo.marks for t in read)
    assert all(t.memo.verb_of is verb_words and verb_words[t.text] == t.memo.verb for t in verbs)
    # word_marks keeps in the memo what its dict gives, and works out a word not seen
    fresh = Token("قائلاً", 0, 6, ar.normalise("قائلاً"), ar.lookup_forms(ar.normalise("قائلاً"), "قائلاً"))
    bits = marks.word_marks(fresh, prof, {})
    assert fresh.memo.marks == bits and marks.IS_ADVERBIAL[bits]


def _readings():
    out = []
    for lang in ("en", "ar"):
        for sent in _sentences(lang):
            out.append((lang, sent))
    return out


@pytest.mark.parametrize("lang,sent", _readings(), ids=[s.text[:24] for _, s in _readings()])
def test_the_sentences_read_the_same_with_memos_filled_or_empty(lang, sent):
    analyse_sentence(sent, lang, DAY)   # (the memos of its words filled)
    warm = _digest(analyse_sentence(sent, lang, DAY).analysis)
    assert warm == _digest(analyse_sentence(_anew(sent), lang, DAY).analysis) == DIGESTS[sent.text]


def test_the_run_collects_then_freezes_every_thousand_records(tmp_path, monkeypatch):
    """runner._code_all: after the powers of ten, a full collection then a freeze every
    COLLECT_AND_FREEZE_EVERY records (here 15), so that what the run learns of new words is not walked
    by every later full collection, and no cyclic garbage is frozen."""
    import datetime as dt
    import gc

    from coder import runner
    from coder.model import Document
    from coder.pipeline import versions
    from coder.sinks import DatasetWriter
    calls = []
    real_collect, real_freeze = gc.collect, gc.freeze
    monkeypatch.setattr(gc, "collect", lambda *a: calls.append("collect") or real_collect(*a))
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze") or real_freeze())
    monkeypatch.setattr(runner, "COLLECT_AND_FREEZE_EVERY", 15)
    docs = [Document(doc_id=f"d{k}", text="Syrian troops shelled Idlib on Monday.", language="en",
                     published=dt.date(2019, 8, 5)) for k in range(31)]
    try:
        with DatasetWriter(tmp_path / "out", **versions()) as w:
            runner.code_into(w, docs)
        # 1 and 10 (powers of ten): a freeze; 15 and 30: a collection, then a freeze
        assert calls == ["freeze", "freeze", "collect", "freeze", "collect", "freeze"]
    finally:
        gc.unfreeze()
