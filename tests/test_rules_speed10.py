"""The event rules' shortcuts of the tenth round answer as the longer ways did: the truce-onset and
order-only passes skipped when no hit's rule id names such an entry, the pair passes (protests,
event nouns as objects, alleged acts) skipped when no act has the class they read, the framed
nouns left alone with no event noun, frame or request word, and the adverb test asked only in a
sentence with an adverb; the kinds of words (counts, punctuation) read by subscript."""
from __future__ import annotations

import datetime as dt

import pytest

import coder.rules.engine as engine
import coder.rules.reality as reality
from coder.lang import profile
from coder.pipeline import analyse_sentence, sentences
from coder.rules.counts import _KINDS, _kinds_learning, counts_marks_and_watched, is_number
from coder.rules.custody import ORDER_ONLY, _ORDER_ONLY_ENDINGS, may_need_order
from coder.rules.reality import drop_framed_nouns
from coder.rules.truce import _ONSET_ENDINGS, ONSET_ENTRIES, may_name_onset
from coder.rules.types import PUNCT_BARRIER

DAY = dt.date(2023, 11, 20)

SENTENCES = [
    ("en", "A truce between the rebels and the army took effect on Sunday, officials said."),
    ("en", "The ceasefire agreed by Hamas and Israel began at dawn after weeks of talks."),
    ("en", "The interior ministry ordered the opposition daily to stop publishing for a month."),
    ("en", "Riot police dispersed a march by teachers in the capital and arrested twelve people."),
    ("en", "The foreign ministry condemned the Turkish strike on the village, calling it a crime."),
    ("en", "Moscow accused Kyiv of shelling the power plant, which Ukraine denied."),
    ("en", "Soldiers detained four men in overnight raids near Hebron, the army said."),
    ("ar", "دخلت الهدنة بين الجيش والمتمردين حيز التنفيذ منتصف الليل."),
    ("ar", "فرقت الشرطة مظاهرة للطلاب أمام الجامعة واعتقلت عشرة منهم."),
    ("ar", "نددت وزارة الخارجية بالهجوم الإسرائيلي على المخيم، ودعت إلى وقف فوري لإطلاق النار."),
    ("ar", "اتهمت الحكومة المعارضة بقصف الأحياء السكنية في المدينة."),
    ("ar", "فجر اليوم اقتحمت قوات الاحتلال بلدة قرب نابلس واعتقلت ثلاثة شبان."),
    ("ar", "قالت الشرطة إن مسلحين خطفوا مهندسين اثنين مساء أمس في ريف حلب."),
]


def _analysis(lang: str, text: str):
    (sent,) = sentences(text, lang)
    return sent, analyse_sentence(sent, lang, DAY).analysis


def _as_compared(analysis):
    return ([(e.code, e.rule_id, e.trigger_first, e.source and e.source.code.code, e.target and e.target.code.code,
              e.is_background) for e in analysis.events], list(analysis.trace))


_RULE_IDS = ["en.verbs.truce_takes_effect", "truce_takes_effect", "ar.verbs.truce_takes_effect",
             "en.verbs.no_truce_takes_effect", "en.verbs.curb_speech", "curb_speech", "ar.nouns.curb_speech",
             "en.verbs.attack", "ar.verbs.arrest", "en.verbs.curb_speech+mood.future"]


@pytest.mark.parametrize("rule_id", _RULE_IDS)
def test_the_rule_id_pre_tests_hold_every_entry_their_passes_read(rule_id):
    """may_name_onset and may_need_order answer yes for every rule id the passes' own tests take,
    alone or joined with others."""
    others = "en.verbs.attack ar.verbs.kill"
    if rule_id.endswith(_ONSET_ENDINGS) or rule_id in ONSET_ENTRIES:
        assert may_name_onset(rule_id) and may_name_onset(f"{others} {rule_id} {others}")
    if rule_id.endswith(_ORDER_ONLY_ENDINGS) or rule_id in ORDER_ONLY:
        assert may_need_order(rule_id) and may_need_order(f"{others} {rule_id} {others}")


@pytest.mark.parametrize("lang,text", SENTENCES)
def test_the_rule_id_pre_tests_hold_the_sentences_entries(lang, text):
    _, a = _analysis(lang, text)
    for h in a.triggers:
        rule_id = h.entry.rule_id
        assert may_name_onset(rule_id) >= (rule_id.endswith(_ONSET_ENDINGS) or rule_id in ONSET_ENTRIES)
        assert may_need_order(rule_id) >= (rule_id.endswith(_ORDER_ONLY_ENDINGS) or rule_id in ORDER_ONLY)


def test_the_pre_tests_read_names_not_other_entries():
    assert not may_name_onset("en.verbs.attack en.nouns.truce")
    assert not may_need_order("en.verbs.arrest ar.verbs.kill")
    assert may_name_onset("en.verbs.attack " + ONSET_ENTRIES[0])
    assert may_need_order(ORDER_ONLY[0])


@pytest.mark.parametrize("lang,text", SENTENCES)
def test_the_skipped_passes_change_nothing(lang, text, monkeypatch):
    """analyse with every pre-test answering "may apply" (the passes run as before) gives the same
    events and the same trace."""
    sent, fast = _analysis(lang, text)
    monkeypatch.setattr(engine, "may_name_onset", lambda rule_ids: True)
    monkeypatch.setattr(engine, "may_need_order", lambda rule_ids: True)
    monkeypatch.setattr(reality, "_pair_passes_for", lambda roots: (True, True, True))
    _, general = _analysis(lang, text)
    assert _as_compared(general) == _as_compared(fast)


def test_the_sentences_hold_the_passes_they_test():
    """The sentences reach the passes: a truce onset, an order, several acts of a class each pass reads."""
    analyses = [_analysis(lang, text)[1] for lang, text in SENTENCES]
    rule_ids = [h.entry.rule_id for a in analyses for h in a.triggers]
    assert any(may_name_onset(r) for r in rule_ids)
    codes = [[h.entry.code[:2] for h in a.triggers] for a in analyses]
    assert any(len(c) > 1 and "14" in c for c in codes)
    assert any(len(c) > 1 and {"11", "12"} & set(c) for c in codes)
    assert sum(bool(a.events) for a in analyses) >= len(SENTENCES) - 2


@pytest.mark.parametrize("lang,text", SENTENCES)
def test_framed_nouns_with_no_noun_frame_or_request_keep_every_act(lang, text):
    """settle_mood_and_frames returns the acts as they are where drop_framed_nouns would keep them all."""
    sent, a = _analysis(lang, text)
    coded = [(h, None, None) for h in a.triggers]
    trace: list[str] = []
    kept = drop_framed_nouns(coded, a.triggers, sent.tokens, set(), set(), profile(lang), trace, sense_read=True)
    assert kept == coded and trace == []


@pytest.mark.parametrize("lang,text", SENTENCES)
def test_the_adverb_test_needs_an_adverb(lang, text):
    """A trigger read as part of a time phrase (the test before: a verb tagged ADV before another ADV)
    is found only in a sentence whose tags hold an adverb."""
    sent, a = _analysis(lang, text)
    if a.parse is None:
        return
    tags = a.parse.tags
    for m in a.mentions:
        if m.kind != "trigger":
            continue
        before = m.entry.pos == "verb" and bool(tags) and tags[m.first] == "ADV" and "ADV" in tags[m.last + 1:m.last + 2]
        after = "ADV" in tags and m.entry.pos == "verb" and tags[m.first] == "ADV" and "ADV" in tags[m.last + 1:m.last + 2]
        assert before == after


@pytest.mark.parametrize("lang,text", SENTENCES + [("en", "Gunmen killed 3 guards and wounded twenty-one, police said (Reuters).")])
def test_counts_and_marks_by_subscript_as_by_the_learning_pass(lang, text):
    """counts_and_marks reads the kept kinds by subscript and falls back to the learning pass for a
    word not seen yet: the same positions, warm or cold, as the learning pass on an empty table
    and as is_number and PUNCT_BARRIER asked of every token."""
    (sent,) = sentences(text, lang)
    toks = sent.tokens
    expected = ({i for i, t in enumerate(toks) if is_number(t, lang, True)},
                {i for i, t in enumerate(toks) if t.norm in PUNCT_BARRIER})
    assert _kinds_learning(toks, lang, {})[:2] == expected
    table = _KINDS.setdefault(lang, {})
    for t in toks[::2]:     # (some words unseen: the subscript pass raises and the learning pass answers)
        table.pop(t.text, None)
    assert counts_marks_and_watched(toks, lang)[:2] == expected     # cold
    assert counts_marks_and_watched(toks, lang)[:2] == expected     # warm: every word kept
