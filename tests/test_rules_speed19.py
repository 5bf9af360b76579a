"""The nineteenth speed round of the rules. counts_marks_and_watched gathers, in its one pass over the
tokens with each word's kind kept, the sentence's lookup forms among the words the disguise,
affiliation and ally rules look for (counts.watched_words): the same positions as the scans, and the
same answer as every lookup form of the sentence for each of those word sets. _select_triggers builds
the lookup forms of the tokens after the earliest light verb only, and at its first light verb: an
object starts after its verb, so a light verb none of whose objects starts with a form after it has
none (object_end finds none there), whatever the order of the mentions. The readings of hand-written
sentences must be those of the code before the round (digests of what it produced for them)."""
from __future__ import annotations

import pytest

from coder.lang import profile
from coder.rules import counts, engine
from coder.rules.counts import (_KINDS, _WATCHED_FORMS, _kinds_learning, counts_marks_and_watched, is_number,
                                watched_words)
from coder.rules.objects import object_end
from coder.rules.syntax_words import anaphors
from coder.rules.types import PUNCT_BARRIER

from test_rules_speed15 import DAY, digest_tests   # (the same digest of an analysis)
from test_rules_speed27 import each_entry   # (a word's light verbs as a mention each)

SENTENCES = {
    "ar": [
        'أطلق مسلحون يرتدون زي الشرطة النار على ثلاثة جنود في الموصل.',
        'اعتقلت قوات الأمن خمسة أشخاص يشتبه بانتمائهم إلى تنظيم داعش، وقال مسؤول إن التنظيم تبنى الهجوم.',
        'هاجمت قوات الجيش وميليشيات متحالفة معها مواقع المعارضة، ثم أطلقت النار على المدنيين.',
        'على المتظاهرين في البصرة أطلقت الشرطة الغاز المسيل للدموع، واعتقلت عشرة منهم.',
        'النار التي أشعلها المحتجون أمس امتدت إلى مبنى البلدية قبل أن تطلق الشرطة سراح الموقوفين.',
        'قال مسؤول في مكتب تابع لحزب العمال إن الحزب رفض المشاركة في الاجتماع.',
        'شنت طائرات حربية، 12 غارة، على مواقع المسلحين؛ وأطلق الجيش سراح أربعة رهائن.',
        'وصل الوفد إلى القاهرة.',],
    "en": [
        'Gunmen dressed in police uniforms opened fire on a bus near Kabul, killing 3 people.',
        'Fire spread through the camp after police opened fire on protesters; the group later claimed the attack.',
        'Police arrested two members of the group, and the army launched an offensive on three villages.',
        'Talks with the rebels resumed as the government released 20 prisoners.',
        'The ministers met in Geneva.',],
}

# sha-256 (first 16 hex digits) of each sentence's reading (_digest) as the rules gave it before the round
DIGESTS = {
    'أطلق مسلحون يرتدون زي الشرطة النار على ثلاثة جنود في الموصل.': '871176e978370421',
    'اعتقلت قوات الأمن خمسة أشخاص يشتبه بانتمائهم إلى تنظيم داعش، وقال مسؤول إن التنظيم تبنى الهجوم.': '2379eab9a41a775c',
    'هاجمت قوات الجيش وميليشيات متحالفة معها مواقع المعارضة، ثم أطلقت النار على المدنيين.': 'bbd104f96903a52e',
    'على المتظاهرين في البصرة أطلقت الشرطة الغاز المسيل للدموع، واعتقلت عشرة منهم.': '0dea85bd129f0278',
    'النار التي أشعلها المحتجون أمس امتدت إلى مبنى البلدية قبل أن تطلق الشرطة سراح الموقوفين.': '46b355bb7818e8f0',
    'قال مسؤول في مكتب تابع لحزب العمال إن الحزب رفض المشاركة في الاجتماع.': '7c88aa9704c0a53a',
    'شنت طائرات حربية، 12 غارة، على مواقع المسلحين؛': '91b2567890be23b9',
    'وأطلق الجيش سراح أربعة رهائن.': 'b33cece652b22f01',
    'وصل الوفد إلى القاهرة.': '47513b886115461a',
    'Gunmen dressed in police uniforms opened fire on a bus near Kabul, killing 3 people.': '3f9a907a56898986',
    'Fire spread through the camp after police opened fire on protesters; the group later claimed the attack.': '236eae73e0675678',
    'Police arrested two members of the group, and the army launched an offensive on three villages.': '737c80510db59e05',
    'Talks with the rebels resumed as the government released 20 prisoners.': '6078bea73c52e179',
    'The ministers met in Geneva.': 'aa2ee603b6e81f66',
}

READINGS, IDS, test_every_sentence_is_read, test_the_sentences_read_as_before_the_round = \
    digest_tests(DIGESTS, SENTENCES)


def _word_sets(lang: str) -> dict[str, frozenset]:
    """The word sets the rules test against the sentence's forms (disguise, affiliation, fold_allies)."""
    prof = profile(lang)
    return {"disguise": prof.DISGUISE_WORDS, "link": prof.LINK_WORDS, "ally": prof.ALLY_WORDS,
            "anaphor": anaphors(lang)}


def _scans(toks, lang: str) -> tuple[set[int], set[int], set[str]]:
    """The former scans: counts, punctuation, and every lookup form of the sentence."""
    return ({i for i, t in enumerate(toks) if is_number(t, lang, True)},
            {i for i, t in enumerate(toks) if t.norm in PUNCT_BARRIER},
            {f for t in toks for f in t.forms})


@pytest.mark.parametrize("lang,sent,analysis", READINGS, ids=IDS)
def test_the_one_pass_answers_as_the_scans(lang, sent, analysis):
    toks = sent.tokens
    numbers, marks, every_form = _scans(toks, lang)
    expected = (numbers, marks, every_form & watched_words(lang))
    assert _kinds_learning(toks, lang, {}) == expected
    assert _kinds_learning(toks, lang, {})[:2] == (numbers, marks)
    for clear in (_KINDS, _WATCHED_FORMS):
        clear.clear()
        assert counts_marks_and_watched(toks, lang) == expected     # cold, or with the forms' table cleared alone
        assert counts_marks_and_watched(toks, lang) == expected     # warm
    table = _KINDS[lang]
    for t in toks[::2]:     # (some words unseen: the subscript pass raises and the learning pass answers)
        table.pop(t.text, None)
    assert counts_marks_and_watched(toks, lang) == expected
    assert counts_marks_and_watched(toks, lang)[:2] == (numbers, marks)
    watched = expected[2]
    for words in _word_sets(lang).values():
        assert words <= watched_words(lang)
        assert words.isdisjoint(watched) == words.isdisjoint(every_form)


def test_the_sentences_hold_each_word_set_and_lack_it():
    met = {}
    for lang, sent, _ in READINGS:
        every_form = {f for t in sent.tokens for f in t.forms}
        for name, words in _word_sets(lang).items():
            if words:
                met.setdefault((lang, name), set()).add(words.isdisjoint(every_form))
    assert met[("ar", "disguise")] == met[("ar", "link")] == met[("ar", "ally")] == {True, False}
    assert met[("ar", "anaphor")] == met[("en", "anaphor")] == {True, False}


def _light_verbs():
    for lang, sent, analysis in READINGS:
        for m in each_entry(analysis.mentions):
            if m.kind == "trigger" and m.entry.objects:
                yield sent.tokens, m


def test_a_light_verb_with_no_object_word_after_it_has_no_object():
    """A light verb none of whose objects starts with a lookup form after it (the forms
    _select_triggers reads) has none: object_end, over every token after it, finds none. Some had one
    among every form of the sentence (before the verb): the former test let those through."""
    skipped_now, skipped_before = 0, 0
    for toks, m in _light_verbs():
        by_first = m.entry.objects_by_first
        if {f for t in toks[m.last + 1:] for f in t.forms}.isdisjoint(by_first):
            skipped_now += 1
            assert object_end(toks, m.last + 1, m.entry, [True] * len(toks), frozenset(), frozenset(),
                              len(toks)) is None
            skipped_before += {f for t in toks for f in t.forms}.isdisjoint(by_first)
    assert skipped_now > skipped_before > 0


def select_trigger_calls(monkeypatch, readings) -> tuple[list, object]:
    """Each call analyse made of _select_triggers while the sentences of `readings` were analysed again,
    as (mentions, the other arguments), with _select_triggers itself to call them again with."""
    from coder.pipeline import analyse_sentence
    calls = []
    select = engine._select_triggers

    def kept(mentions, *args):
        calls.append((mentions, args))
        return select(mentions, *args)
    monkeypatch.setattr(engine, "_select_triggers", kept)
    for lang, sent, _ in readings:
        analyse_sentence(sent, lang, DAY)
    monkeypatch.undo()
    return calls, select


def test_the_light_verbs_hold_whatever_the_order_of_the_mentions(monkeypatch):
    """_select_triggers reads the forms from the earliest light verb on, whichever comes first among
    the mentions: the mentions reversed give the same hits."""
    calls, select = select_trigger_calls(monkeypatch, READINGS)
    reversed_met = 0
    for mentions, args in calls:
        def hits(ms):
            return sorted((h.mention.text, h.first, h.last, h.end, h.entry.rule_id) for h in select(ms, *args))
        assert hits(mentions) == hits(mentions[::-1])
        reversed_met += sum(1 for m in mentions if m.entry.objects) > 1
    assert reversed_met     # (some sentences hold two light verbs: the second read first once reversed)
    assert counts.WATCHED not in (counts.COUNT, counts.PUNCT)
