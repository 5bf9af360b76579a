"""The twenty-sixth speed round of the rules and the matcher: the grammar words of a sentence are one
index (coder.lexicon.grammar.Mentions: each role's tokens and the markers found), gathered by the
matcher from each word's roles compiled with its first steps, not a mention each. Every reader of the
grammar mentions reads the index: analyse (the roles, the agent markers' spans), the rows' relative
clauses and episode heads, named_in_general's locative scan, the given-name test's "any mention at
this word", `coder explain` (which asks the matcher for the grammar mentions too). Checked against
the former matcher (test_front_speed14._old_match) and copies of the former readers, on sentences
written for these tests, and against digests of what the code before the round produced for them
(their readings and their `coder explain` output)."""
from __future__ import annotations

import datetime as dt
import hashlib
from types import SimpleNamespace

import pytest

from coder import rows
from coder.explain import explain
from coder.lang import profile
from coder.lexicon.grammar import Mentions, grammar_markers, grammar_roles
from coder.lexicon.load import load
from coder.pipeline import resolve_document, sentences
from coder.model import Document
from coder.recognise import matcher
from coder.rules import names
from coder.rules.engine import analyse
from coder.rules.generic import named_in_general

from test_rules_speed15 import _digest, _roles, digest_tests, with_grammar   # (the digest of an analysis; the roles
# from the mentions; the mentions with the grammar words, as the matcher made them)
from test_rules_speed27 import each_entry   # (a word's light verbs as a mention each)

SENTENCES = {
    "ar": [
        "قتل خمسة جنود على يد مسلحين في هجوم استهدف قاعدة عسكرية التي تقع شمال بغداد.",
        "اعتقلت قوات الأمن العراقية ناشطين من قبل الشرطة الذين شاركوا في الاحتجاجات أمس.",
        "التفجيرات في السوق أسفرت عن مقتل عشرة أشخاص، بينما لم تعلن أي جهة مسؤوليتها.",
        "الهجوم وقع في مديرية ميدان شار وقتل فيه ثلاثة جنود من الجيش الأفغاني.",
        "قالت الحكومة إنها لن تفرج عن السجناء الذين اعتقلوا خلال الاشتباكات في الموصل.",
        "أطلقت الشرطة الغاز المسيل للدموع على المتظاهرين الذين تجمعوا أمام البرلمان في بيروت.",
        "ذكرت وكالة الأنباء أن طائرات حربية قصفت مواقع المتمردين قرب الحدود يوم الاثنين."],
    "en": [
        "Five soldiers were killed by gunmen who attacked a base north of Baghdad on Monday.",
        "Police arrested the activists, who had organised the protests, in Cairo.",
        "The army did not shell the village, which rebels had seized in June.",
        "Jordan Bardella criticised the government in Paris, the party said.",
        "In the latest attack, militants fired rockets at the embassy, according to officials.",
        "The talks, in which both sides agreed to a ceasefire, collapsed after the bombing."],
}

# sha-256 (first 16 hex digits) of each sentence's reading (test_rules_speed15._digest) as the rules gave it before the round
DIGESTS = {
    "قتل خمسة جنود على يد مسلحين في هجوم استهدف قاعدة عسكرية التي تقع شمال بغداد.": "a032068ec6762e2b",
    "اعتقلت قوات الأمن العراقية ناشطين من قبل الشرطة الذين شاركوا في الاحتجاجات أمس.": "c53c78b022a95979",
    "التفجيرات في السوق أسفرت عن مقتل عشرة أشخاص، بينما لم تعلن أي جهة مسؤوليتها.": "0e67731560cfaeae",
    "الهجوم وقع في مديرية ميدان شار وقتل فيه ثلاثة جنود من الجيش الأفغاني.": "7a19c46d80d68c79",
    "قالت الحكومة إنها لن تفرج عن السجناء الذين اعتقلوا خلال الاشتباكات في الموصل.": "3bba9db191e022f4",
    "أطلقت الشرطة الغاز المسيل للدموع على المتظاهرين الذين تجمعوا أمام البرلمان في بيروت.": "42ee221db11a1837",
    "ذكرت وكالة الأنباء أن طائرات حربية قصفت مواقع المتمردين قرب الحدود يوم الاثنين.": "abed5eb231cc6d46",
    "Five soldiers were killed by gunmen who attacked a base north of Baghdad on Monday.": "807e27ebb37bcc7f",
    "Police arrested the activists, who had organised the protests, in Cairo.": "81e671fe79575d7e",
    "The army did not shell the village, which rebels had seized in June.": "a6d2d1161d6ef33a",
    "Jordan Bardella criticised the government in Paris, the party said.": "1d3bf4f0e1064fd1",
    "In the latest attack, militants fired rockets at the embassy, according to officials.": "0ab30f448d344a5a",
    "The talks, in which both sides agreed to a ceasefire, collapsed after the bombing.": "0191842692a8a7f2",
}

# sha-256 (first 16 hex digits) of `coder explain`'s output for each sentence before the round (published 2021-06-01)
EXPLAINED = {
    "قتل خمسة جنود على يد مسلحين في": "1170aaf47fd15eec",
    "اعتقلت قوات الأمن العراقية ناش": "80d72a01e8f403d2",
    "التفجيرات في السوق أسفرت عن مق": "0ed93778a78b45f7",
    "الهجوم وقع في مديرية ميدان شار": "c2254b1301e8d343",
    "قالت الحكومة إنها لن تفرج عن ا": "2db457ef8e0be2e6",
    "أطلقت الشرطة الغاز المسيل للدم": "47ff4de39cb1237c",
    "ذكرت وكالة الأنباء أن طائرات ح": "8614ad4c58f1cd5d",
    "Five soldiers were killed by g": "bbc6508fedfca375",
    "Police arrested the activists,": "cb25257ee958cd05",
    "The army did not shell the vil": "0c26dd3c34b25758",
    "Jordan Bardella criticised the": "7c8ce089f7147ae1",
    "In the latest attack, militant": "acb7b564fd5cd406",
    "The talks, in which both sides": "1892837f9f7e3213",
}

DAY = dt.date(2021, 6, 1)

READINGS, IDS, test_every_sentence_is_read, test_the_sentences_read_as_before_the_round = \
    digest_tests(DIGESTS, SENTENCES)


def _fields(m) -> tuple:
    return (m.kind, m.first, m.last, m.start, m.end, m.text, id(m.entry), m.rule_id, m.first_form)


def _sentences() -> list:
    return [(lang, s) for lang, texts in SENTENCES.items() for text in texts for s in sentences(text, lang)]


# ---------------------------------------------------------------- the matcher and its index

@pytest.mark.parametrize("lang,sent", _sentences(), ids=lambda x: x if isinstance(x, str) else x.text[:24])
def test_the_matcher_gives_what_the_former_one_gave(lang, sent, monkeypatch):
    """With its grammar words, the mentions the former matcher made, field by field; without them,
    the same less the grammar mentions; the index holds their roles and, marker by marker in the
    order found, their words and entries. Cold (no word's first steps known) and warm."""
    from test_front_speed14 import _old_match   # (the former match(), grammar mentions and all)
    trie = load(lang).trie
    monkeypatch.setattr(matcher, "_STARTS", {})
    for _ in range(2):
        former = _old_match(trie, sent.tokens, sent.text, keyed_by_text=True)
        full = matcher.match(trie, sent.tokens, sent.text, True)
        got = matcher.match(trie, sent.tokens, sent.text)
        assert [_fields(m) for m in full] == [_fields(m) for m in former]
        # (a word's light verbs of one kind are one mention since, test_rules_speed27: its entries one by one)
        assert sorted(_fields(m) for m in each_entry(got)) == sorted(_fields(m) for m in former if m.kind != "grammar")
        assert [_fields(m) for m in got if not _light(m)] == [_fields(m) for m in former if m.kind != "grammar" and not _light(m)]
        for ms in (got, full):
            assert type(ms) is Mentions
            assert ms.grammar_roles == _roles(former)
            assert [(first, last, id(e)) for first, last, entries in ms.grammar_markers for e in entries] == \
                [(m.first, m.last, id(m.entry)) for m in former if m.kind == "grammar"]


def _light(m) -> bool:
    return m.kind == "trigger" and bool(m.entry.objects)


def test_the_index_read_from_a_plain_list_of_mentions():
    """Mentions made otherwise (a plain list, grammar mentions among them): the roles and markers
    are read from those mentions, as the matcher's index gives them."""
    for lang, sent in _sentences():
        full = with_grammar(lang, sent)
        plain = list(full)
        assert grammar_roles(plain) == full.grammar_roles
        assert [(f, l, id(e)) for f, l, es in grammar_markers(plain) for e in es] == \
            [(f, l, id(e)) for f, l, es in full.grammar_markers for e in es]


def test_the_sentences_hold_every_kind_of_marker():
    """Markers of several words ("على يد", "من قبل"), relative pronouns, locative and agent markers,
    and a word several of whose forms start phrases."""
    markers = [(lang, m) for lang, s in _sentences() for m in with_grammar(lang, s) if m.kind == "grammar"]
    assert any(m.last > m.first for lang, m in markers if lang == "ar")
    roles = {(lang, m.entry.role) for lang, m in markers}
    assert {("ar", "relative_marker"), ("en", "relative_marker"), ("ar", "locative_marker"),
            ("ar", "agent_marker"), ("en", "agent_marker")} <= roles


# ---------------------------------------------------------------- the readers

@pytest.mark.parametrize("lang,sent,analysis", READINGS, ids=IDS)
def test_analyse_reads_a_plain_list_as_the_index(lang, sent, analysis):
    """analyse over the former mentions (a plain list, grammar mentions among them) reads as over
    the matcher's: the same roles, the same digest."""
    former = list(with_grammar(lang, sent))
    again = analyse(sent, former, profile(lang), DAY, analysis.parse)
    assert _digest(again) == _digest(analysis)
    assert again.roles == analysis.roles == _roles(former)


@pytest.mark.parametrize("lang,sent,analysis", READINGS, ids=IDS)
def test_named_in_general_as_the_former_scan(lang, sent, analysis):
    """At every word, with the roles and without them (the scan of the markers), as the former scan
    of the grammar mentions."""
    from test_rules_speed21 import _former_named_in_general
    toks, prof = sent.tokens, profile(lang)
    former_view = SimpleNamespace(mentions=with_grammar(lang, sent))
    unindexed = SimpleNamespace(mentions=analysis.mentions, roles=None)
    for i in range(len(toks)):
        c = SimpleNamespace(trigger_first=i)
        former = _former_named_in_general(c, former_view, toks, prof)
        assert named_in_general(c, analysis, toks, prof) is former
        assert named_in_general(c, unindexed, toks, prof) is former


def _former_in_mention(mentions, i: int) -> bool:
    """names._in_mention before the round: any mention, grammar words included, takes token i."""
    return any(m.first <= i <= m.last for m in mentions)


@pytest.mark.parametrize("lang,sent,analysis", READINGS, ids=IDS)
def test_a_word_in_a_mention_as_before(lang, sent, analysis):
    """The given-name test's question (is token i in any mention, a grammar word included) as the
    former scan of every mention answered it."""
    former = with_grammar(lang, sent)
    answers = [names._in_mention(analysis.mentions, i) for i in range(len(sent.tokens))]
    assert answers == [_former_in_mention(former, i) for i in range(len(sent.tokens))]
    assert answers != [_former_in_mention(analysis.mentions, i) for i in range(len(sent.tokens))] or \
        not analysis.roles


def test_walls_and_heads_as_the_former_pass():
    """The rows' relative clauses and episode heads, from the index, with and without the rules'
    roles, as the former pass over every mention (grammar mentions among them) found them."""
    from test_places_speed21 import _former_walls_and_heads
    seen = set()
    for lang, texts in SENTENCES.items():
        for text in texts:
            _, results, *_ = resolve_document(Document(doc_id="w", text=text, language=lang, published=DAY))
            for r in results:
                former = _former_walls_and_heads(r, lang)   # (over the mentions with the grammar words)
                assert rows._walls_and_heads(r) == former, text
                kept, r.analysis.roles = r.analysis.roles, None
                try:
                    assert rows._walls_and_heads(r) == former, text
                finally:
                    r.analysis.roles = kept
                seen.add(bool(former[0]))
    assert seen == {True, False}


@pytest.mark.parametrize("lang,text", [(lang, t) for lang, texts in SENTENCES.items() for t in texts],
                         ids=lambda x: x[:24])
def test_explain_prints_as_before_the_round(lang, text):
    """`coder explain`: the grammar words among its match lines, in the order the former matcher gave."""
    out = explain(text, lang, DAY)
    assert "match grammar" in out
    assert hashlib.sha256(out.encode()).hexdigest()[:16] == EXPLAINED[text[:30]]
