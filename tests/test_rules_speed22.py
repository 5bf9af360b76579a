"""The twenty-second speed round of the rules. The implicit_actors.yaml rules an event is tried against
(consolidate._rules_for) are plain records with the model's fields, not the validated models
themselves: apply_rule reads several fields of each rule, and a model's field is read through the
interpreter's generic attribute path. Checked field by field against the models, rule by rule on
events of every code the rules name, and the readings of hand-written sentences against digests of
what the code before the round produced for them."""
from __future__ import annotations

from dataclasses import replace

import pytest

from coder.lexicon.load import implicit_actors
from coder.lexicon.schema import ImplicitActor
from coder.rules import consolidate

from test_rule_prefilters import _sample_events     # (events of every code the rules name, sources that meet them or not)
from test_rules_speed15 import digest_tests          # (the digest of an analysis, and the two tests over them)

SENTENCES = {
    "ar": [
        'تظاهر آلاف المواطنين في ساحة التحرير مطالبين برحيل الحكومة.',
        'شنت طائرات حربية تركية غارات على مواقع المسلحين شمال العراق.',
        'انفجرت سيارة مفخخة قرب سوق شعبي في بغداد وقتلت سبعة أشخاص.',
        'اغتال مسلحون مجهولون ضابطا في الشرطة أمام منزله.',
        'اعتقلت الشرطة الإسرائيلية عشرة فلسطينيين في القدس.',
        'أضرب عمال الموانئ عن العمل احتجاجا على تأخر الرواتب.'],
    "en": [
        'Thousands of people marched through Nairobi demanding reforms.',
        'Turkish warplanes struck Kurdish positions in northern Iraq.',
        'A car bomb exploded near a market in Kabul, killing nine people.',
        'Gunmen assassinated a police officer outside his home.',
        'Israeli troops fired on protesters near the border fence.',
        'Workers at the port went on strike over unpaid wages.'],
}

# sha-256 (first 16 hex digits) of each sentence's reading (test_rules_speed15._digest) as the rules gave it before
# the round (its events, in order: 141 CVL->GOV, 195 TURMIL->UAF, 1832 UAF->CVL, 186 UAF->COP, 173 ISRCOP->PSE,
# 143 CVL; 141 CVL->KENGOV, 195 TURMIL->IRQ, 1832 UAF->CVL, 186 UAF->COP, 175 ISRMIL->CVL, 143 LAB)
DIGESTS = {
    'تظاهر آلاف المواطنين في ساحة التحرير مطالبين برحيل الحكومة.': '8633b4851b7a8d41',
    'شنت طائرات حربية تركية غارات على مواقع المسلحين شمال العراق.': '620373e8d937deda',
    'انفجرت سيارة مفخخة قرب سوق شعبي في بغداد وقتلت سبعة أشخاص.': '47ce508aedb4e965',
    'اغتال مسلحون مجهولون ضابطا في الشرطة أمام منزله.': '41baa4495ed7c22d',
    'اعتقلت الشرطة الإسرائيلية عشرة فلسطينيين في القدس.': '6c2db70790f39367',
    'أضرب عمال الموانئ عن العمل احتجاجا على تأخر الرواتب.': '173082329034b60e',
    'Thousands of people marched through Nairobi demanding reforms.': 'b0f739ec950e0162',
    'Turkish warplanes struck Kurdish positions in northern Iraq.': 'a7d767b27b753ebd',
    'A car bomb exploded near a market in Kabul, killing nine people.': 'a808031f3d3c1c70',
    'Gunmen assassinated a police officer outside his home.': 'b411a2e369e077a7',
    'Israeli troops fired on protesters near the border fence.': 'a70bfe132e098af9',
    'Workers at the port went on strike over unpaid wages.': 'caf768201f8e430a',
}

READINGS, IDS, test_every_sentence_is_read, test_the_sentences_read_as_before_the_round = \
    digest_tests(DIGESTS, SENTENCES)


def test_a_plain_rule_holds_every_field_the_rules_read():
    """Every field of the model but the note (which no rule reads), and the same values."""
    assert set(consolidate._PlainRule.__slots__) == set(ImplicitActor.model_fields) - {"note"}
    for rule in implicit_actors():
        plain = consolidate._PlainRule(rule)
        for name in consolidate._PlainRule.__slots__:
            assert getattr(plain, name) == getattr(rule, name), (rule.id, name)


def test_the_indexed_rules_are_plain_records_of_the_file_s_rules():
    rules = implicit_actors()
    for e in _sample_events()[::7]:
        for i, plain in consolidate._rules_for(e.code)[1]:
            assert isinstance(plain, consolidate._PlainRule) and plain.id == rules[i].id


@pytest.mark.parametrize("rule", implicit_actors(), ids=lambda r: r.id)
def test_a_plain_rule_applies_as_its_model(rule):
    """apply_rule with the plain record and with the validated model: the same event, trace and mirrors."""
    if rule.reciprocal:
        pytest.skip("reciprocal rules are read by is_reciprocal, not applied")
    plain = consolidate._PlainRule(rule)
    for e in _sample_events():
        want, got = replace(e), replace(e)
        want_trace, got_trace, want_mirrored, got_mirrored = [], [], [], []
        assert consolidate.apply_rule(plain, got, got_trace, got_mirrored) == \
            consolidate.apply_rule(rule, want, want_trace, want_mirrored)
        assert (got, got_trace, got_mirrored) == (want, want_trace, want_mirrored)
