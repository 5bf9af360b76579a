"""The thirty-first speed round of the rules and the matcher: the matcher tells a word known to start
something by one test (a word that starts nothing, () as known and None as new, is told apart only
then), and an object window is walked by a for loop that ends at its last counted word, each word's
forms asked before the skipped positions (objects.object_end). Checked against a copy of the former
window search, and against the matcher's own answers for words seen for the first time and again."""
from __future__ import annotations

import pytest

from coder.lexicon.load import load
from coder.pipeline import sentences
from coder.recognise import matcher
from coder.rules.counts import counts_marks_and_watched, word_kinds
from coder.rules.objects import OBJECT_WINDOW, STOPS_WANTED, countable, object_end
from coder.rules.types import PUNCT_BARRIER
from coder.dates.markers import marker_first_words
from coder.spans import phrase_at

LANGS = ("ar", "en")

# sentences written for these tests: light verbs whose objects stand near, far, past a comma, after
# a subject or a count; words that start nothing, grammar words, names and punctuation
WRITTEN = {
    "en": [
        "The council made an appeal on Monday for calm, and the army took control of the town.",
        "Protesters took, after a long march through the city, part in a sit-in outside parliament.",
        "The rebels, who had been besieged for weeks, gave a warning to the government in Kabul.",
        "Police took into custody 12 suspects and made arrests in three provinces overnight.",
        "Officials held talks; the ministers made no statement and took no questions.",
        "Villagers made, together with local leaders and aid workers from abroad, a plea for help.",
    ],
    "ar": [
        "شن الجيش، فجر اليوم، هجوما واسعا على مواقع المسلحين قرب المدينة.",
        "اتخذت الحكومة إجراءات جديدة، وشنت الشرطة حملة اعتقالات في ثلاث محافظات.",
        "أطلق المسلحون سراح خمسة رهائن بعد مفاوضات طويلة مع الوسطاء المحليين.",
        "وجه الرئيس تحذيرا شديدا إلى المعارضة؛ وعقد الوزراء اجتماعا طارئا مساء أمس.",
        "شنت طائرات حربية يوم الثلاثاء الماضي 20 غارة على القرى الحدودية.",
    ],
}


def _sentences(lang: str):
    out = []
    for text in WRITTEN[lang]:
        out.extend(sentences(text, lang))
    return out


def _object_end_as_before(toks, start, entry, countable_tokens, skip=frozenset(), stops=frozenset(),
                          window=OBJECT_WINDOW):
    """object_end as it was: a while loop testing the window's end and the position at each word,
    the skipped positions asked before each word's forms."""
    counted, j, punctuated = 0, start, False
    by_first = entry.objects_by_first
    firsts = by_first.keys()
    n = len(toks)
    while j < n and counted < window:
        t = toks[j]
        if j not in skip and not firsts.isdisjoint(t.forms):
            for f in t.forms:
                objs = by_first.get(f)
                if objs:
                    for obj in objs:
                        if phrase_at(toks, j, obj):
                            return j, j + len(obj) - 1
        if punctuated:
            if stops is None:
                return STOPS_WANTED
            if j in stops:
                return None
        if countable_tokens[j]:
            counted += 1
        elif t.norm in PUNCT_BARRIER:
            punctuated = True
        j += 1
    return None


@pytest.mark.parametrize("lang", LANGS)
def test_an_object_window_ends_as_before(lang):
    """For every light verb of the sentences, every start from the verb to past the sentence's end,
    windows of none to every word, skipped positions and stops of several kinds, object_end answers
    as the former search did; objects are found, windows cross commas and end."""
    trie = load(lang).trie
    answers = {"found": 0, "stops wanted": 0, "none": 0}
    for sent in _sentences(lang):
        toks = sent.tokens
        numbers, marks, _ = counts_marks_and_watched(toks, lang)
        mentions = matcher.match(trie, toks, sent.text, True)
        actor_tokens = {t for m in mentions if m.kind in ("actor", "agent") for t in range(m.first, m.last + 1)}
        for tags in ((), ["ADV"] * len(toks)):
            counted = countable(toks, actor_tokens, tags, lang, numbers, marks)
            for m in mentions:
                if m.kind != "trigger" or not m.entry.objects:
                    continue
                for start in (m.last + 1, m.last + 2, len(toks), len(toks) + 1):
                    for window in (0, 1, 2, OBJECT_WINDOW, 9, len(toks)):
                        for skip in (frozenset(), frozenset({m.last + 2}), frozenset(range(len(toks)))):
                            for stops in (None, frozenset(), frozenset(range(m.last + 2, len(toks), 3))):
                                args = (toks, start, m.entry, counted, skip, stops, window)
                                got = object_end(*args)
                                assert got == _object_end_as_before(*args), (sent.text, start, window)
                                answers["found" if got is not None and got is not STOPS_WANTED else
                                        "stops wanted" if got is STOPS_WANTED else "none"] += 1
    assert all(answers.values()), answers


def _fields(mentions) -> list[tuple]:
    return [(m.kind, m.first, m.last, m.start, m.end, m.text, id(m.entry) if m.kind != "trigger" or
             type(m.entry).__name__ != "LightVerbs" else tuple(map(id, m.entry.entries)), m.rule_id, m.first_form)
            for m in mentions]


def _index(got) -> tuple:
    return (_fields(got), got.grammar_roles, got.grammar_markers, got.word_kinds, got.date_marker_words,
            _fields(got.triggers), _fields(got.actor_mentions), _fields(got.discards), got.actor_words)


@pytest.mark.parametrize("lang", LANGS)
def test_the_matcher_reads_a_word_seen_again_as_when_first_seen(lang, monkeypatch):
    """With its memos emptied, the matcher's answer for a sentence of new words (each learnt in the
    walk) is its answer once they are known, with and without a reader of kinds and the markers'
    words, grammar words made mentions too; the words that start nothing are kept as () and
    skipped, the others kept with their first steps."""
    trie = load(lang).trie
    for memo in ("_STARTS", "_KIND_STARTS", "_DATED_KIND_STARTS"):
        monkeypatch.setattr(matcher, memo, {})
    arg_sets = ((), (False, word_kinds(lang)), (False, word_kinds(lang), marker_first_words(lang)), (True,))
    learnt = {}
    for sent in _sentences(lang):
        for args in arg_sets:
            learnt[sent.text, args] = _index(matcher.match(trie, sent.tokens, sent.text, *args))
    nothing = something = 0
    for sent in _sentences(lang):
        for args in arg_sets:
            assert _index(matcher.match(trie, sent.tokens, sent.text, *args)) == learnt[sent.text, args], sent.text
        known = matcher.trie_memo(matcher._DATED_KIND_STARTS, trie)
        for tok in sent.tokens:
            entry = known[tok.text]
            nothing += entry == ()
            something += bool(entry)
    assert nothing and something
