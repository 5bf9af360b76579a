"""The thirtieth speed round of the rules and the matcher: the mentions sorted by kind as the matcher
makes them (Mentions.triggers, .actor_mentions, .discards, and the actors' words .actor_words), which
the rules and the pipeline's gate of the syntax stage read instead of a pass of their own over the
mentions (a list the matcher did not make is sorted by lexicon.grammar.by_kind); and an object
window's punctuation asked only of the words that do not count (objects.object_end). Checked
against copies of the former sorting, gate and window search, and digests of what the code before
the round (7615e19) made of documents written for these tests."""
from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest

from coder.explain import explain
from coder.lang import profile
from coder.lexicon.load import load
from coder.model import Document
from coder.pipeline import code_document, sentences
from coder.recognise import matcher
from coder.rules.counts import word_kinds, counts_marks_and_watched
from coder.rules.engine import analyse
from coder.lexicon.grammar import by_kind
from coder.rules.objects import OBJECT_WINDOW, STOPS_WANTED, countable, object_end
from coder.rules.types import PUNCT_BARRIER
from coder.dates.markers import marker_first_words
from coder.spans import phrase_at

from test_rules_speed29 import DOCUMENTS as DATED_DOCUMENTS
from test_words_speed25 import WRITTEN

LANGS = ("ar", "en")
DAY = dt.date(2021, 6, 1)

# documents with sport and disaster words (discards, with and without classes), names read through a
# clitic (بايدن), light verbs whose objects lie past a comma, and actors inside trigger phrases
DOCUMENTS = {
    "en": [
        "Real Madrid attacked down the left wing, and the goalkeeper saved the penalty kick.",
        "An earthquake killed 40 people in the north, and the government sent aid to the victims.",
        "The minister made an appeal, after the floods, for international aid to the villages.",
        "Rebels carried out an attack on the convoy, and police took into custody three suspects.",
        "Iraqi troops launched, on Tuesday night, a major offensive against militants near Mosul.",
        "The United States imposed sanctions on Iran, and Iran gave a warning to Washington.",
    ],
    "ar": [
        "التقى بايدن الرئيس الفرنسي في باريس وبحثا الأزمة.",
        "قتل زلزال 40 شخصا في الشمال، وأرسلت الحكومة مساعدات إلى الضحايا.",
        "شن الجيش، فجر اليوم، هجوما واسعا على مواقع المسلحين قرب الموصل.",
        "أطلق مسلحون سراح ثلاثة رهائن، وشنت الطائرات غارات على القرية.",
        "فاز ريال مدريد على برشلونة في الدوري وسجل المهاجم هدفين.",
        "فرضت الولايات المتحدة عقوبات على إيران، ووجهت إيران تحذيرا إلى واشنطن.",
    ],
}

# sha-256 (first 16 hex digits) of each document's event rows (JSON) and of `coder explain`'s output
# before the round (published 2021-06-01)
DIGESTS = {
    'Real Madrid attacked down the ': ('4f53cda18c2baa0c', '4d8fbd6deca19da9'),
    'An earthquake killed 40 people': ('b296962909337b33', 'f5a897f9d771f93a'),
    'The minister made an appeal, a': ('384586323751e44e', '299f17a95b5d8d3c'),
    'Rebels carried out an attack o': ('99e64e2a610abe4e', '4e0735b30f0ea2c0'),
    'Iraqi troops launched, on Tues': ('9f148f8e432f6119', '809cc85f22aeb6fd'),
    'The United States imposed sanc': ('85c95189de7033d1', '41292ebd15263ede'),
    'التقى بايدن الرئيس الفرنسي في ': ('aab64d1c0cbc8f18', '011ad749dfcb2119'),
    'قتل زلزال 40 شخصا في الشمال، و': ('583662fe45106428', 'e60b0bb115260a3d'),
    'شن الجيش، فجر اليوم، هجوما واس': ('5a05ec6e6c600aac', 'a49f9e49fbac54bd'),
    'أطلق مسلحون سراح ثلاثة رهائن، ': ('149daefc56d5deb8', 'c3697b1bc740e38f'),
    'فاز ريال مدريد على برشلونة في ': ('4f53cda18c2baa0c', '28d7483eb883599e'),
    'فرضت الولايات المتحدة عقوبات ع': ('1e40ad8d3298dc49', '52c72c2b49f317aa'),
}


def _sentences(lang: str) -> list:
    texts = WRITTEN[lang] + DATED_DOCUMENTS[lang] + DOCUMENTS[lang] + ["بايدن"] * (lang == "ar")
    return [s for text in texts for s in sentences(text, lang)]


def _sorted_as_before(mentions: list) -> tuple[list, list, list]:
    """The engine's pass as it was: triggers, actors and agents, discards, in the list's order."""
    triggers, actors, discards = [], [], []
    for m in mentions:
        kind = m.kind
        if kind == "trigger":
            triggers.append(m)
        elif kind == "actor" or kind == "agent":
            actors.append(m)
        elif kind == "discard":
            discards.append(m)
    return triggers, actors, discards


def _ids(*lists) -> list[list[int]]:
    return [[id(m) for m in lst] for lst in lists]


@pytest.mark.parametrize("lang", LANGS)
def test_the_matcher_sorts_its_mentions_by_kind_as_the_former_pass(lang, monkeypatch):
    """The matcher's lists by kind are the former pass's over its mentions, cold and warm, with and
    without a reader of kinds and the markers' words, grammar words made mentions too; by_kind
    gives the same of a plain list."""
    trie = load(lang).trie
    for memo in ("_STARTS", "_KIND_STARTS", "_DATED_KIND_STARTS"):
        monkeypatch.setattr(matcher, memo, {})
    kinds_seen = set()
    for _ in range(2):
        for sent in _sentences(lang):
            for args in ((), (False, word_kinds(lang)), (False, word_kinds(lang), marker_first_words(lang)),
                         (True,)):
                got = matcher.match(trie, sent.tokens, sent.text, *args)
                want = _sorted_as_before(got)
                assert _ids(got.triggers, got.actor_mentions, got.discards) == _ids(*want), sent.text
                sorted_here = by_kind(list(got))
                assert _ids(*sorted_here[:3]) == _ids(*want)
                # the words of the actor mentions, as the engine's former pass gathered them
                words = {t for m in want[1] for t in range(m.first, m.last + 1)}
                assert got.actor_words == words and sorted_here[3] == words
                kinds_seen.update(m.kind for m in got)
                # the pipeline's gate of the syntax stage, as the former set of kinds answered it
                kinds = {m.kind for m in got}
                assert bool(got.triggers and got.actor_mentions) == \
                    ("trigger" in kinds and ("actor" in kinds or "agent" in kinds))
    assert {"trigger", "actor", "discard"} <= kinds_seen


def test_a_name_read_as_written_leaves_the_list_of_triggers_too():
    """بايدن is Biden, not ب + a form of أيد: the triggers read through the clitic, taken out of the
    mentions, are not among the matcher's triggers either."""
    lang = "ar"
    sent = sentences("التقى بايدن الرئيس الفرنسي في باريس.", lang)[0]
    got = matcher.match(load(lang).trie, sent.tokens, sent.text, False, word_kinds(lang))
    at = next(i for i, t in enumerate(sent.tokens) if t.text == "بايدن")
    assert any(m.first == at for m in got.actor_mentions)
    assert not any(m.first == at for m in got.triggers)
    assert _ids(got.triggers) == _ids(_sorted_as_before(got)[0])


@pytest.mark.parametrize("lang", LANGS)
def test_the_rules_read_the_matcher_s_lists_as_a_plain_list(lang):
    """analyse given the matcher's Mentions (its lists by kind) and a plain list of the same mentions
    (sorted by by_kind, grammar words as mentions) writes the same trace and finds the same events."""
    trie, prof = load(lang).trie, profile(lang)
    discarded = 0
    for sent in _sentences(lang):
        own = matcher.match(trie, sent.tokens, sent.text, False, word_kinds(lang))
        plain = [m for m in matcher.match(trie, sent.tokens, sent.text, True)]
        a, b = analyse(sent, own, prof, DAY), analyse(sent, plain, prof, DAY)
        assert a.trace == b.trace, sent.text
        assert [(e.code, e.trigger_first) for e in a.events] == [(e.code, e.trigger_first) for e in b.events]
        discarded += any(line.startswith("discarded:") for line in a.trace)
    assert discarded


def _object_end_as_before(toks, start, entry, countable_tokens, skip=frozenset(), stops=frozenset(),
                          window=OBJECT_WINDOW):
    """object_end as it was: every word of the window asked whether it is punctuation."""
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
        elif t.norm in PUNCT_BARRIER:
            punctuated = True
        if countable_tokens[j]:
            counted += 1
        j += 1
    return None


@pytest.mark.parametrize("lang", LANGS)
def test_an_object_window_ends_as_before(lang):
    """With the sentence's countable words (punctuation never counts), object_end answers as it did,
    for every light verb and window, with the stops, without them (None) and with none (empty)."""
    trie = load(lang).trie
    found = wanted = 0
    for sent in _sentences(lang):
        toks = sent.tokens
        numbers, marks, _ = counts_marks_and_watched(toks, lang)
        mentions = matcher.match(trie, toks, sent.text, True)
        actor_tokens = {t for m in mentions if m.kind in ("actor", "agent") for t in range(m.first, m.last + 1)}
        for tags in ((), ["ADV"] * len(toks)):
            counted = countable(toks, actor_tokens, tags, lang, numbers, marks)
            assert all(not counted[j] for j in marks)
            for m in mentions:
                if m.kind != "trigger" or not m.entry.objects:
                    continue
                for window in (OBJECT_WINDOW, 9, len(toks)):
                    for stops in (None, frozenset(), frozenset(range(m.last + 2, len(toks), 3))):
                        args = (toks, m.last + 1, m.entry, counted, frozenset({m.last + 2}), stops, window)
                        got = object_end(*args)
                        assert got == _object_end_as_before(*args), sent.text
                        found += got is not None and got is not STOPS_WANTED
                        wanted += got is STOPS_WANTED
    assert found and wanted


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _rows_and_explain(lang: str, text: str) -> tuple[str, str]:
    coded = code_document(Document(doc_id="t", text=text, language=lang, published=DAY),
                          coded_at=dt.datetime(2000, 1, 1))
    rows = json.dumps([e.model_dump(mode="json") for e in coded.events], sort_keys=True, ensure_ascii=False)
    return _digest(rows), _digest(explain(text, lang, DAY))


@pytest.mark.parametrize("lang,text", [(lang, t) for lang in LANGS for t in DOCUMENTS[lang]], ids=lambda x: x[:24])
def test_documents_code_and_explain_as_before_the_round(lang, text):
    """The rows and `coder explain`'s output are as before the round."""
    assert _rows_and_explain(lang, text) == DIGESTS[text[:30]]
