"""The twenty-eighth speed round of the rules and the matcher: the rules' counts pass (a sentence's
counts, punctuation and watched lookup forms, coder.rules.counts.counts_marks_and_watched) folded
into the matcher's walk. Given its language's reader of word kinds (coder.rules.counts.word_kinds),
the matcher keeps each word's kind with its first steps and gathers the three sets as it goes
(Mentions.word_kinds); the rules read them from there, and make the pass themselves only for
mentions made otherwise (`coder explain`, tests). Checked against the pass, kept as the fallback,
and digests of what the code before the round (094477b) made of sentences written for these tests."""
from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from coder.explain import explain
from coder.lexicon.grammar import Mentions
from coder.lexicon.light_verbs import LightVerbs
from coder.lexicon.load import load
from coder.pipeline import sentences
from coder.recognise import matcher
from coder.rules import counts
from coder.rules.counts import counts_marks_and_watched, word_kinds
from coder.rules.engine import analyse
from coder.lang import profile

from test_rules_speed15 import _digest, digest_tests   # (the digest of an analysis, and the two tests over them)

SENTENCES = {
    "ar": [
        "خطف مسلحون أربعة أميركيين، وقتلوا الجنود الثلاثة قرب الحدود؛ ثم فروا.",
        "أعلن التنظيم مسؤوليته عن الهجوم الذي أسفر عن مقتل 12 شخصا (بينهم طفلان).",
        "شن الجيش غارات على مواقع المتمردين، واعتقلت الشرطة خمسة مشتبه بهم.",
        "اجتمع وزير الخارجية مع نظيره التركي في أنقرة يوم الاثنين.",
    ],
    "en": [
        "Gunmen dressed in police uniforms killed 14 soldiers; the group later claimed the attack.",
        "Troops took control of the town, and three hundred rebels surrendered (officials said).",
        "The ministry said: police arrested 25 protesters - most of them students - on Friday.",
        "Rebels and their allies held talks with the government in Geneva.",
    ],
}

DAY = dt.date(2021, 6, 1)

# sha-256 (first 16 hex digits) of each sentence's reading (test_rules_speed15._digest) before the round
DIGESTS = {
    'خطف مسلحون أربعة أميركيين، وقتلوا الجنود الثلاثة قرب الحدود؛': '5a491577da50c443',
    'ثم فروا.': '61263bf44fcfff3e',
    'أعلن التنظيم مسؤوليته عن الهجوم الذي أسفر عن مقتل 12 شخصا (بينهم طفلان).': '40df17a84383c562',
    'شن الجيش غارات على مواقع المتمردين، واعتقلت الشرطة خمسة مشتبه بهم.': '6f555061ca82e004',
    'اجتمع وزير الخارجية مع نظيره التركي في أنقرة يوم الاثنين.': 'b11102f21868aad9',
    'Gunmen dressed in police uniforms killed 14 soldiers; the group later claimed the attack.': '36993451a749a31f',
    'Troops took control of the town, and three hundred rebels surrendered (officials said).': '4f4ee504f64ccf22',
    'The ministry said: police arrested 25 protesters - most of them students - on Friday.': '5e3b44b1cb962708',
    'Rebels and their allies held talks with the government in Geneva.': '029450619aab52ec',
}

# sha-256 (first 16 hex digits) of `coder explain`'s output for each text before the round (published 2021-06-01)
EXPLAINED = {
    'خطف مسلحون أربعة أميركيين، وقت': '417e28aa327bc781',
    'أعلن التنظيم مسؤوليته عن الهجو': 'eb13756c4ea6e7f0',
    'شن الجيش غارات على مواقع المتم': 'de2ef042c11eaf76',
    'اجتمع وزير الخارجية مع نظيره ا': '2d3d8bd06cbec059',
    'Gunmen dressed in police unifo': '9d43bc942734c61e',
    'Troops took control of the tow': '5da0a14a474ecbb6',
    'The ministry said: police arre': 'b184a9a35558c621',
    'Rebels and their allies held t': 'e968d3b70afa8d08',
}

READINGS, IDS, test_every_sentence_is_read, test_the_sentences_read_as_before_the_round = \
    digest_tests(DIGESTS, SENTENCES)


def _sentences() -> list:
    return [(lang, s) for lang, texts in SENTENCES.items() for text in texts for s in sentences(text, lang)]


def _fields(m) -> tuple:
    # (a word's light verbs: one LightVerbs a memo of first steps, compared by the entries it holds)
    entry = tuple(map(id, m.entry.entries)) if type(m.entry) is LightVerbs else id(m.entry)
    return (m.kind, m.first, m.last, m.start, m.end, m.text, entry, m.rule_id, m.first_form)


def test_the_matcher_s_bits_are_the_counts_bits():
    """The matcher reads a kind's bits as the rules' counts set them (a stage imports no other)."""
    assert (matcher._COUNT, matcher._PUNCT, matcher._WATCHED) == (counts.COUNT, counts.PUNCT, counts.WATCHED)


@pytest.mark.parametrize("lang,sent", _sentences(), ids=lambda x: x if isinstance(x, str) else x.text[:24])
def test_the_matcher_gathers_what_the_counts_pass_finds(lang, sent, monkeypatch):
    """With the reader of kinds, the matcher's counts, marks and watched forms are the counts pass's,
    cold (every word new to both) and warm; its mentions and grammar index are those it makes
    without the reader, which gathers nothing (None)."""
    trie = load(lang).trie
    monkeypatch.setattr(matcher, "_KIND_STARTS", {})
    monkeypatch.setattr(counts, "_KINDS", {})
    monkeypatch.setattr(counts, "_WATCHED_FORMS", {})
    for _ in range(2):
        got = matcher.match(trie, sent.tokens, sent.text, False, word_kinds(lang))
        plain = matcher.match(trie, sent.tokens, sent.text)
        assert type(got) is Mentions and plain.word_kinds is None
        assert got.word_kinds == counts_marks_and_watched(sent.tokens, lang)
        assert list(map(_fields, got)) == list(map(_fields, plain))
        assert got.grammar_roles == plain.grammar_roles and got.grammar_markers == plain.grammar_markers


def test_the_sentences_hold_each_kind():
    """The sentences hold counts (digits, number words, through the article), punctuation and
    watched words in both languages: the test above compares something."""
    for lang in SENTENCES:
        found = [counts_marks_and_watched(s.tokens, lang) for lg, s in _sentences() if lg == lang]
        assert all(any(sets[k] for sets in found) for k in range(3)), lang


def test_a_word_of_several_kinds_is_read_for_each():
    """A word both a count and watched, or punctuation and a count, is recorded in every set its bits
    name (the matcher's branch for the rare words with more than one bit)."""
    lang = "en"
    trie = load(lang).trie
    sent = sentences("Troops took control of the town.", lang)[0]
    control = next(i for i, t in enumerate(sent.tokens) if t.text == "control")
    real = word_kinds(lang)
    assert real(sent.tokens[control])[0] == counts.WATCHED   # (a watched word: one of a light verb's object words)

    def both(tok):
        kind = real(tok)
        return (counts.COUNT | counts.PUNCT | counts.WATCHED, kind[1]) if tok.text == "control" else kind
    starts = {}
    memo = {id(trie): (trie, starts)}
    try:
        matcher._KIND_STARTS, saved = memo, matcher._KIND_STARTS
        numbers, marks, watched = matcher.match(trie, sent.tokens, sent.text, False, both).word_kinds
    finally:
        matcher._KIND_STARTS = saved
    assert control in numbers and control in marks and "control" in watched


@pytest.mark.parametrize("lang,sent", _sentences(), ids=lambda x: x if isinstance(x, str) else x.text[:24])
def test_the_rules_read_the_same_from_either(lang, sent):
    """The rules read the matcher's sets as they read their own pass: the same analysis and trace."""
    trie, prof = load(lang).trie, profile(lang)
    gathered = matcher.match(trie, sent.tokens, sent.text, False, word_kinds(lang))
    plain = matcher.match(trie, sent.tokens, sent.text)
    a, b = analyse(sent, gathered, prof, DAY), analyse(sent, plain, prof, DAY)
    assert _digest(a) == _digest(b)
    assert a.trace == b.trace


@pytest.mark.parametrize("lang,text", [(lang, t) for lang, texts in SENTENCES.items() for t in texts],
                         ids=lambda x: x[:24])
def test_explain_prints_as_before_the_round(lang, text):
    """`coder explain` (the matcher's every mention, the rules' own counts pass) prints as before."""
    out = explain(text, lang, DAY)
    assert hashlib.sha256(out.encode()).hexdigest()[:16] == EXPLAINED[text[:30]]
