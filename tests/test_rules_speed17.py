"""The seventeenth speed round of the rules. Arabic, whose script has no capitals (the profile's
CASED_SCRIPT), screens its trigger mentions by the actor names alone, in one comprehension: the
capitalised-word test of the loop before answered no for every Arabic trigger, whose first word
has no cased letter. The readings of hand-written sentences must be those of the code before the
round (digests of what it produced for them)."""
from __future__ import annotations

import dataclasses

import pytest

from coder.lang import PROFILES, profile
from coder.lexicon.load import END, NO_EVENT, Trigger, load
from coder.model import Mention
from coder.pipeline import analyse_sentence, sentences
from coder.recognise.matcher import match
from coder.rules.engine import analyse

from test_rules_speed15 import DAY, _digest, _readings   # (the same digest of an analysis)

SENTENCES = {
    "ar": [
        'أطلق مسلحون النار على دورية للشرطة في بغداد قبل يومين.',
        'شنت طائرات حربية تركية غارات على مواقع لحزب العمال الكردستاني في جبال قنديل.',
        'قتل عنصر من قوات سوريا الديمقراطية في هجوم لتنظيم داعش قرب الرقة.',
        'قبل الوزير دعوة نظيره الأردني لزيارة عمان، وقال إن المحادثات ستتناول الوضع في سوريا.',
        'تعرض موكب محافظ البصرة لهجوم بعبوة ناسفة، ولم تعلن أي جهة مسؤوليتها عن الهجوم.',
        'فتحت النيابة العامة تحقيقا في مقتل متظاهرين برصاص قوات الأمن في الناصرية.',
        'اعتقلت قوات الأمن العراقية خمسة من عناصر داعش في كركوك فجر اليوم.',
        'وقعت الحكومة السودانية وحركة العدل والمساواة اتفاقا لوقف إطلاق النار في جوبا.',],
    "en": [
        'Fighters of the Free Syrian Army attacked a government checkpoint near Aleppo on Monday.',
        'The Save the Children charity said Israeli strikes killed five children in Gaza.',
        'Police fired tear gas at protesters in the capital before talks with the opposition.',
        "Turkey's Defence Ministry said its jets hit Kurdish militant targets in northern Iraq.",
        'Iran accepted an invitation to hold talks with Saudi Arabia in Baghdad.',
        "Rebels Strike Back, the group's newspaper, said fighters killed three soldiers.",],
}

# sha-256 (first 16 hex digits) of each sentence's reading (_digest) as the rules gave it before the round
DIGESTS = {
    'أطلق مسلحون النار على دورية للشرطة في بغداد قبل يومين.': '5bad9a5d3bd91ef3',
    'شنت طائرات حربية تركية غارات على مواقع لحزب العمال الكردستاني في جبال قنديل.': 'a2bc0d433fa2b591',
    'قتل عنصر من قوات سوريا الديمقراطية في هجوم لتنظيم داعش قرب الرقة.': '9cd0a123bb42ae5a',
    'قبل الوزير دعوة نظيره الأردني لزيارة عمان، وقال إن المحادثات ستتناول الوضع في سوريا.': '24e0c2b9d3ea1f94',
    'تعرض موكب محافظ البصرة لهجوم بعبوة ناسفة، ولم تعلن أي جهة مسؤوليتها عن الهجوم.': 'cc1e7f813ceca688',
    'فتحت النيابة العامة تحقيقا في مقتل متظاهرين برصاص قوات الأمن في الناصرية.': '557ca15519ab0022',
    'اعتقلت قوات الأمن العراقية خمسة من عناصر داعش في كركوك فجر اليوم.': 'c728ccc18bcb9491',
    'وقعت الحكومة السودانية وحركة العدل والمساواة اتفاقا لوقف إطلاق النار في جوبا.': '2b0baed66afe3a6e',
    'Fighters of the Free Syrian Army attacked a government checkpoint near Aleppo on Monday.': 'fc11bcb9f831aaba',
    'The Save the Children charity said Israeli strikes killed five children in Gaza.': 'aef7c2af5e9c42fa',
    'Police fired tear gas at protesters in the capital before talks with the opposition.': 'b72039e53e6c5a64',
    "Turkey's Defence Ministry said its jets hit Kurdish militant targets in northern Iraq.": '09827c1fad8b50c0',
    'Iran accepted an invitation to hold talks with Saudi Arabia in Baghdad.': 'd86a445599c9996a',
    "Rebels Strike Back, the group's newspaper, said fighters killed three soldiers.": '94019220b0096482',
}

READINGS = _readings(SENTENCES)
IDS = [s.text[:24] for _, s, _ in READINGS]


def test_every_sentence_is_read():
    assert sorted(DIGESTS) == sorted(s.text for _, s, _ in READINGS)


@pytest.mark.parametrize("lang,sent,analysis", READINGS, ids=IDS)
def test_the_sentences_read_as_before_the_round(lang, sent, analysis):
    assert _digest(analysis) == DIGESTS[sent.text]


def test_the_sentences_meet_both_sides_of_the_screening():
    """Capitalised words in a proper name (English) and Arabic triggers of every kind are among them."""
    trace = "\n".join(str(x) for _, _, a in READINGS for x in a.trace)
    assert "a capitalised word inside a proper name, not a trigger" in trace
    assert any(lang == "ar" and a.triggers for lang, _, a in READINGS)


@pytest.mark.parametrize("lang", sorted(PROFILES))
def test_every_profile_says_whether_its_script_is_cased(lang):
    assert isinstance(PROFILES[lang].CASED_SCRIPT, bool)


def _trigger_first_keys(trie: dict) -> set[str]:
    """The first keys of the phrases whose payloads hold a trigger."""
    keys = set()
    for first, node in trie.items():
        stack = [node]
        while stack:
            n = stack.pop()
            for k, v in n.items():
                if k == END:
                    if any(isinstance(p, Trigger) for p in (v if isinstance(v, list) else v())):   # (a Deferred: built)
                        keys.add(first)
                        stack.clear()
                        break
                else:
                    stack.append(v)
    return keys


@pytest.mark.parametrize("lang", sorted(lang for lang, p in PROFILES.items() if not p.CASED_SCRIPT))
def test_no_trigger_of_an_uncased_script_has_a_cased_letter(lang):
    """What the screening rests on: a token starting with a capital carries no trigger of the language
    (its lookup forms keep that letter, the clitics read off a word's start being the script's own)."""
    trie = load(lang).trie
    whole = trie.whole() if hasattr(trie, "whole") else trie
    keys = _trigger_first_keys(whole)
    assert keys
    assert not [k for k in keys if any(c.isupper() or c.islower() for c in k)]


def _kill_entry(lang: str) -> Trigger:
    (sent,) = sentences("قتل مسلحون جنديا." if lang == "ar" else "Gunmen killed a soldier.", lang)
    return next(m.entry for m in match(load(lang).trie, sent.tokens, sent.text)
                if m.kind == "trigger" and not m.entry.objects and m.entry.code != NO_EVENT)


def test_a_trigger_inside_a_longer_arabic_name_is_part_of_the_name():
    """The comprehension keeps the actor names' test: a trigger reading of a word inside a longer name
    is dropped, the same reading of a word outside it kept."""
    (sent,) = sentences("قتل عنصر من قوات سوريا الديمقراطية في ريف الرقة.", "ar")
    mentions = match(load("ar").trie, sent.tokens, sent.text)
    name = next(m for m in mentions if m.kind in ("actor", "agent") and m.last - m.first >= 2)
    entry = _kill_entry("ar")

    def trigger_at(i: int) -> Mention:
        t = sent.tokens[i]
        return Mention("trigger", i, i, t.start, t.end, t.text, entry, entry.rule_id)
    inside, outside = trigger_at(name.last), trigger_at(len(sent.tokens) - 2)
    a = analyse(sent, [*mentions, inside, outside], profile("ar"), DAY, None)
    firsts = {h.first for h in a.triggers}
    assert inside.first not in firsts and outside.first in firsts
    # (a profile without the flag reads as a cased one: the loop, same answer)
    bare = dataclasses.make_dataclass("Bare", [])()
    for k in dir(profile("ar")):
        if not k.startswith("__") and k != "CASED_SCRIPT":
            setattr(bare, k, getattr(profile("ar"), k))
    b = analyse(sent, [*mentions, inside, outside], bare, DAY, None)
    assert _digest(b) == _digest(a)
