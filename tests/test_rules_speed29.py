"""The twenty-ninth speed round of the rules and the matcher: the date markers' words gathered in the
matcher's walk. Given the first words of the date markers (coder.dates.markers.marker_first_words)
besides its reader of word kinds, the matcher keeps a "starts a date marker" bit in each word's kind
and gathers the positions of such words as it walks (Mentions.date_marker_words); the rows' marker
scan reads them instead of walking the tokens, which it still does for tokens the matcher did not
walk so (`coder explain`, tests). And a new word's count bit (counts.word_kinds' reader) worked out with
the number reader's gate tested in place, not through is_number_word's calls. Checked against that
walk, a copy of the scan as it was (test_front_speed15), the former count test (counts._number,
kept), and digests of what the code before the round (3bd5e9c) made of documents written for these
tests."""
from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest

import coder.dates.markers as markers
from coder.explain import explain
from coder.lang import profile
from coder.lexicon.load import load
from coder.model import Document
from coder.pipeline import code_document
from coder.recognise import matcher
from coder.rules import counts
from coder.rules.counts import watched_words, word_kinds
from coder.rules.types import PUNCT_BARRIER

from test_front_speed15 import MARKER_SENTENCES, _scan_as_before
from test_words_speed25 import WRITTEN

LANGS = ("ar", "en")
DAY = dt.date(2021, 6, 1)

# documents whose events' dates turn on the markers ("after", "since", "until", "earlier", ...)
DOCUMENTS = {
    "en": [
        "Police arrested 12 protesters on Monday after clashes that began on Friday in Baghdad.",
        "Gunmen have held the hostages since 3 March, and troops besieged the town until 10 March.",
        "Rebels attacked an army post on Tuesday in the wake of the airstrike on Sunday in Homs.",
        "Militants killed two soldiers in Mosul on Saturday. Earlier, the army shelled the village, "
        "days before the militants attacked the checkpoint.",
        "Troops shelled the camp following the attack of 2 May, through the night.",
    ],
    "ar": [
        "اعتقلت الشرطة 12 متظاهرا يوم الاثنين بعد اشتباكات بدأت يوم الجمعة في بغداد.",
        "يحتجز المسلحون الرهائن منذ 3 آذار، وحاصرت القوات البلدة حتى 10 آذار.",
        "هاجم المتمردون موقعا للجيش يوم الثلاثاء في أعقاب الغارة الجوية يوم الأحد في حمص.",
        "قتل مسلحون جنديين في الموصل يوم السبت عقب قصف الجيش القرية وحتى الأمس.",
        "قصفت القوات المخيم إثر هجوم 2 أيار لغاية الفجر.",
    ],
}

# sha-256 (first 16 hex digits) of each document's event rows (JSON) and of `coder explain`'s output
# before the round (published 2021-06-01)
DIGESTS = {
    'Police arrested 12 protesters ': ('962c7f5a7418c7bd', '66cba2937c348eda'),
    'Gunmen have held the hostages ': ('79b11f3f6ee3ca22', 'c00950ea6def9070'),
    'Rebels attacked an army post o': ('0591b04c24982b0e', '588d8ddc599f1b46'),
    'Militants killed two soldiers ': ('35553d523f427220', 'a8076d1e3fb0ecd7'),
    'Troops shelled the camp follow': ('180007dcac83b09b', 'ef90cbbd12ffe9c1'),
    'اعتقلت الشرطة 12 متظاهرا يوم ا': ('c1af3d109a71177d', '84b74eba908bbdd2'),
    'يحتجز المسلحون الرهائن منذ 3 آ': ('3da240ef820e37c9', 'a132f722e02a6f4c'),
    'هاجم المتمردون موقعا للجيش يوم': ('fcb7f6694c36eb69', '5405ce9a0a687f86'),
    'قتل مسلحون جنديين في الموصل يو': ('1e9a62706c7181c9', '958fbf20224ad951'),
    'قصفت القوات المخيم إثر هجوم 2 ': ('d7f3ecf7079570de', 'b7eece4c2a85fa5c'),
}


def _texts(lang: str) -> list[str]:
    return WRITTEN[lang] + MARKER_SENTENCES[lang] + DOCUMENTS[lang]


def _sentences(lang: str) -> list:
    from coder.pipeline import sentences
    return [s for text in _texts(lang) for s in sentences(text, lang)]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def test_the_matcher_s_marker_bit_is_none_of_the_counts_bits():
    assert matcher._DATE_MARKER & (counts.COUNT | counts.PUNCT | counts.WATCHED) == 0


@pytest.mark.parametrize("lang", LANGS)
def test_the_matcher_gathers_the_words_the_scan_s_walk_finds(lang, monkeypatch):
    """With the markers' first words, the matcher's date_marker_words are the words the scan's own walk
    finds, cold (every word new to both) and warm; its mentions, grammar index and kinds are those
    it makes without them, which gather none (None)."""
    trie, firsts = load(lang).trie, markers.marker_first_words(lang)
    monkeypatch.setattr(matcher, "_DATED_KIND_STARTS", {})
    monkeypatch.setattr(markers, "_WORDS", {})
    found = []
    for _ in range(2):
        for sent in _sentences(lang):
            got = matcher.match(trie, sent.tokens, sent.text, False, word_kinds(lang), firsts)
            kinds_only = matcher.match(trie, sent.tokens, sent.text, False, word_kinds(lang))
            plain = matcher.match(trie, sent.tokens, sent.text)
            assert kinds_only.date_marker_words is None and plain.date_marker_words is None
            # (no reader of kinds: the first words are not read)
            assert matcher.match(trie, sent.tokens, sent.text, False, None, firsts).date_marker_words is None
            words = markers._WORDS.setdefault(lang, {})
            assert got.date_marker_words == markers._starting_words(sent.tokens, lang, words), sent.text
            assert got.word_kinds == kinds_only.word_kinds
            assert [(m.kind, m.first, m.last, m.text, m.rule_id) for m in got] == \
                [(m.kind, m.first, m.last, m.text, m.rule_id) for m in plain]
            assert got.grammar_roles == plain.grammar_roles and got.grammar_markers == plain.grammar_markers
            found.append(len(got.date_marker_words))
    assert 0 in found and max(found) >= 3


@pytest.mark.parametrize("lang", LANGS)
def test_marker_starts_through_the_matcher_as_before(lang, monkeypatch):
    """marker_starts given the matcher's mentions answers as the scan as it was, for every list, the
    scan's memo of words empty (the words learnt from the matcher's positions) and full."""
    trie, firsts = load(lang).trie, markers.marker_first_words(lang)
    monkeypatch.setattr(markers, "_WORDS", {})
    hits = 0
    for _ in range(2):
        for sent in _sentences(lang):
            mentions = matcher.match(trie, sent.tokens, sent.text, False, word_kinds(lang), firsts)
            want = _scan_as_before(sent.tokens, lang)
            markers._last = (None, None, None)
            got = [markers.marker_starts(sent.tokens, lang, f, mentions) for f in markers.FIELDS]
            assert got == list(want), sent.text
            hits += any(want)
    assert hits >= 10


def test_a_marker_word_of_another_kind_is_read_for_both():
    """A word with a count, punctuation or watched bit and the marker bit is recorded in each (the
    matcher's branch for the words with more than one bit)."""
    lang = "en"
    trie = load(lang).trie
    from coder.pipeline import sentences
    sent = sentences("Troops shelled the town after the raid.", lang)[0]
    after = next(i for i, t in enumerate(sent.tokens) if t.text == "after")
    real = word_kinds(lang)

    def counted(tok):
        kind = real(tok)
        return (counts.COUNT | counts.WATCHED, ("after",)) if tok.text == "after" else kind
    memo = {}
    saved, matcher._DATED_KIND_STARTS = matcher._DATED_KIND_STARTS, memo
    try:
        got = matcher.match(trie, sent.tokens, sent.text, False, counted, markers.marker_first_words(lang))
    finally:
        matcher._DATED_KIND_STARTS = saved
    numbers, _, watched = got.word_kinds
    assert after in numbers and "after" in watched and got.date_marker_words == [after]


@pytest.mark.parametrize("lang,text", [(lang, t) for lang in LANGS for t in DOCUMENTS[lang]], ids=lambda x: x[:24])
def test_documents_code_and_explain_as_before_the_round(lang, text):
    """The rows (dated through the markers) and `coder explain`'s output are as before the round."""
    coded = code_document(Document(doc_id="t", text=text, language=lang, published=DAY),
                          coded_at=dt.datetime(2000, 1, 1))
    rows = json.dumps([e.model_dump(mode="json") for e in coded.events], sort_keys=True, ensure_ascii=False)
    assert (_digest(rows), _digest(explain(text, lang, DAY))) == DIGESTS[text[:30]]


COUNT_WORDS = {
    "ar": "ثلاثة الثلاثة وثلاثة بثلاثة ثلاث خمسين والخمسين مئة ألف آلاف مليون عشرات الاثنين اثنان "
          "واحد الأول 12 ١٢ 2021 3أيام الجنود قتل سيارة والسيارة بعد منذ حتى ، . ؛ « ) -",
    "en": "three Three hundred thousands million dozens one first 12 3rd 1990s twenty-five soldiers "
          "killed after since until the , . ; ( - ' 50%",
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_new_word_s_count_bit_as_the_former_test(lang):
    """The count bit of a word seen for the first time is _number's through the article (the former
    test, through is_number_word), over number words as written, through clitics and the article,
    digits, other words and punctuation; and word_kinds' answer is the former expression's."""
    prof = profile(lang)
    toks = prof.tokenise(COUNT_WORDS[lang])
    words, kind_of = watched_words(lang), word_kinds(lang)
    assert len(toks) >= 25
    found = [bool(k and k[0] & counts.COUNT) for k in map(kind_of, toks)]
    assert found == [counts._number(t, lang, True) for t in toks]
    assert 6 <= sum(found) < len(found) - 6
    for t in toks:
        bits = (counts.COUNT if counts._number(t, lang, True) else 0) | \
            (counts.PUNCT if t.norm in PUNCT_BARRIER else 0) | (0 if words.isdisjoint(t.forms) else counts.WATCHED)
        want = (bits, tuple(words.intersection(t.forms)) if bits & counts.WATCHED else ()) if bits else 0
        assert kind_of(t) == want, t.text
