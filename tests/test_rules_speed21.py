"""The twenty-first speed round of the rules. analyse's one pass over the mentions keeps what it
found for the later stages (SentenceAnalysis.roles, the tokens of each grammar role, and
SentenceAnalysis.actor_mentions, the actor and agent mentions in order) and gathers the actor
mentions' words as it goes (no second pass, no two frames for it); named_in_general (moved by job to
generic.py, re-exported by reality.py) reads the locative words from the roles and scans the mentions
only where one stands right after the act. Checked against a copy of the former named_in_general at
every word of hand-written sentences, and the readings against digests of what the code before the
round produced for them."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from coder.lang import profile
from coder.rules import reality
from coder.rules.generic import LOCATIVE_REACH, named_in_general

from test_rules_speed15 import _roles, digest_tests   # (the roles as analyse gathers them; the digest of an analysis)

SENTENCES = {
    "ar": [
        'الهجوم وقع في مديرية ميدان شار أمس وقتل فيه ثلاثة جنود.',
        'أدانت الحكومة العراقية التفجيرات التي استهدفت الأسواق في بغداد.',
        'القتل والخطف والتهجير أصبحت ظواهر يومية في المدينة.',
        'اعتقلت قوات الأمن التركية خمسة أشخاص في إسطنبول بتهمة الانتماء إلى تنظيم الدولة الإسلامية.',
        'قال وزير الخارجية الإيراني إن الهجمات على السفن في الخليج عمل إرهابي.',
        'أطلقت وحدات حماية الشعب الكردية سراح عشرين أسيرا من قوات النظام السوري.',
        'التظاهرات عمت شوارع العاصمة العراقية احتجاجا على الفساد.',
        'الاغتيال في الشارع الرئيسي أثار غضب السكان.',
        'مباراة كرة القدم بين الفريقين انتهت بالتعادل.'],
    "en": [
        'The bombing in the main market killed twelve people, police said.',
        'Kidnappings in the region have risen since the army withdrew from Mosul.',
        'The United Nations Security Council condemned the attack on the convoy near Kabul.',
        'Hezbollah fighters and Syrian troops seized the town after heavy clashes.',
        'The football match between the two clubs ended in a draw.'],
}


# sha-256 (first 16 hex digits) of each sentence's reading (test_rules_speed15._digest) as the rules gave it before the round
DIGESTS = {
    'الهجوم وقع في مديرية ميدان شار أمس وقتل فيه ثلاثة جنود.': 'e276ded9cc43085f',
    'أدانت الحكومة العراقية التفجيرات التي استهدفت الأسواق في بغداد.': '61f30460a82ff120',
    'القتل والخطف والتهجير أصبحت ظواهر يومية في المدينة.': 'ff1f9eef79401bd8',
    'اعتقلت قوات الأمن التركية خمسة أشخاص في إسطنبول بتهمة الانتماء إلى تنظيم الدولة الإسلامية.': '24fb6176d3ea0483',
    'قال وزير الخارجية الإيراني إن الهجمات على السفن في الخليج عمل إرهابي.': 'ac72ea10e794d113',
    'أطلقت وحدات حماية الشعب الكردية سراح عشرين أسيرا من قوات النظام السوري.': '961a270d3ece2338',
    'التظاهرات عمت شوارع العاصمة العراقية احتجاجا على الفساد.': '6ddb67347b922f3d',
    'الاغتيال في الشارع الرئيسي أثار غضب السكان.': 'c61b633ff31a569b',
    'مباراة كرة القدم بين الفريقين انتهت بالتعادل.': '621f8839b948b89e',
    'The bombing in the main market killed twelve people, police said.': '8f684913026505b8',
    'Kidnappings in the region have risen since the army withdrew from Mosul.': '3cb764521a7796ba',
    'The United Nations Security Council condemned the attack on the convoy near Kabul.': '5d631187492b42e2',
    'Hezbollah fighters and Syrian troops seized the town after heavy clashes.': '076b839295f75ab1',
    'The football match between the two clubs ended in a draw.': '61263bf44fcfff3e',
}

READINGS, IDS, test_every_sentence_is_read, test_the_sentences_read_as_before_the_round = \
    digest_tests(DIGESTS, SENTENCES)


def _former_named_in_general(c, analysis, toks, prof) -> bool:
    """named_in_general before the round: a scan of every mention."""
    if not prof.is_definite(toks[c.trigger_first]):
        return False
    first = c.trigger_first
    return not any(first < m.first <= first + LOCATIVE_REACH and m.kind == "grammar" and m.entry.role == "locative_marker"
                   for m in analysis.mentions)


@pytest.mark.parametrize("lang,sent,analysis", READINGS, ids=IDS)
def test_the_index_holds_the_mentions_by_kind(lang, sent, analysis):
    if analysis.roles is None:     # (only a sentence discarded in the pass: its index is not kept)
        assert str(analysis.steps[0]).startswith("discarded")
        assert analysis.actor_mentions is None
        return
    assert analysis.roles == _roles(analysis.mentions)
    assert [id(m) for m in analysis.actor_mentions] == \
        [id(m) for m in analysis.mentions if m.kind in ("actor", "agent")]


@pytest.mark.parametrize("lang,sent,analysis", READINGS, ids=IDS)
def test_named_in_general_answers_as_before_at_every_word(lang, sent, analysis):
    toks, prof = sent.tokens, profile(lang)
    unindexed = SimpleNamespace(mentions=analysis.mentions, roles=None)
    for i in range(len(toks)):
        c = SimpleNamespace(trigger_first=i)
        former = _former_named_in_general(c, analysis, toks, prof)
        assert named_in_general(c, analysis, toks, prof) is former
        assert named_in_general(c, unindexed, toks, prof) is former
        assert reality.named_in_general is named_in_general     # (the rows import it from reality)


def test_the_sentences_meet_both_sides_of_the_locative_test():
    """Words with the article with and without a locative word right after them, and a discarded
    sentence. (English marks no article on the word: named_in_general answers at its first test.)"""
    seen = set()
    for lang, sent, a in READINGS:
        if a.roles is None:
            seen.add("discarded")
            continue
        prof = profile(lang)
        locative = a.roles.get("locative_marker", set())
        for i, t in enumerate(sent.tokens):
            if prof.is_definite(t):
                seen.add((lang, "placed" if locative.intersection(range(i + 1, i + LOCATIVE_REACH + 1)) else "unplaced"))
    assert {("ar", "placed"), ("ar", "unplaced"), "discarded"} <= seen
