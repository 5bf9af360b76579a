"""The thirty-fourth speed round of the rules: the barrier words between two actor mentions and a
trigger's prepositions (and words that open no object) read as their sets (types.AnyOf), asked only
whether they hold a position or share one with some, where a union was built a sentence; the words
of the actor mentions kept gathered only where a grammar word is among the words of all of them;
drop_non_finite (with its helpers) moved to coder/rules/non_finite.py. Checked against set unions,
and digests of what the code before the round (ca83cd7) read in sentences written for these tests
(light verbs with objects, windows across commas, relative clauses, actors dropped as places,
coordinated and adjacent actors)."""
from __future__ import annotations

import random

import pytest

from coder.pipeline import analyse_sentence
from coder.rules.types import AnyOf

from test_rules_speed15 import DAY, _digest, digest_tests

# light verbs with objects, windows across commas, relative clauses (English: background), actors
# after a locative word, adjacent and coordinated actors and grammar words inside names
SENTENCES = {
    "en": [
        "Rebel fighters took control of the town after they launched an attack on the army base, officials said.",
        "The prime minister held talks with the Egyptian president in Cairo and gave a speech to parliament.",
        "Police carried out a raid on the offices, and the protesters, who had made demands, took part in a march.",
        "The government took steps to end the strike, while the unions held a rally in the capital.",
        "Israeli forces launched, in a surprise move, air strikes on Hamas positions near Gaza.",
        "The Turkish army, backed by Syrian rebels, took over the village of Qabasin from Kurdish fighters.",
        "Officials in Baghdad said gunmen from the Islamic State killed four police officers.",
        "The president of Egypt met the King of Jordan, who gave his support to the talks.",
        "Protesters in Baghdad clashed with police, and IS fighters attacked troops near Kirkuk.",
        "Talks in Cairo between Israel and Hamas ended, and the army of Sudan shelled rebels in Khartoum.",
    ],
    "ar": [
        "شنت الطائرات الحربية التركية غارات على مواقع لوحدات حماية الشعب في ريف حلب.",
        "اتخذت الحكومة العراقية إجراءات جديدة وفرضت السلطات حظر التجول في البصرة.",
        "أطلق مسلحون النار على دورية للشرطة في كركوك، وقتلوا ثلاثة عناصر في الشرطة.",
        "عقد وزير الخارجية الأمريكي اجتماعا مع نظيره الروسي في جنيف وأجرى محادثات حول سوريا.",
        "شن الجيش، صباح اليوم، هجوما واسعا على مواقع المسلحين في درعا.",
        "تولى الجيش السيطرة على المدينة بعد أن شنت قواته حملة اعتقالات في صفوف المتظاهرين.",
        "قال مسؤول في الشرطة إن عناصر من داعش خطفوا خمسة مدنيين قرب الموصل.",
        "أعلنت الولايات المتحدة فرض عقوبات على إيران واتخذت خطوات لوقف تصدير النفط.",
        "اشتبك متظاهرون في بغداد مع قوات الأمن، وقصف الجيش مواقع في دمشق.",
        "قتل خمسة مدنيين في انفجار بدمشق، وأعلنت الشرطة في القاهرة اعتقال مسلحين.",
    ],
}

# sha-256 (first 16 hex digits) of each sentence's reading (test_rules_speed15._digest) before the round
DIGESTS = {
    'Rebel fighters took control of the town after they launched an attack on the army base, officials said.': '77b866eea189bc6c',
    'The prime minister held talks with the Egyptian president in Cairo and gave a speech to parliament.': 'dbebc7ccf77b7f1e',
    'Police carried out a raid on the offices, and the protesters, who had made demands, took part in a march.': '3f03254968e09497',
    'The government took steps to end the strike, while the unions held a rally in the capital.': '40e880130a6a1850',
    'Israeli forces launched, in a surprise move, air strikes on Hamas positions near Gaza.': '27603fc7ef1d8dab',
    'The Turkish army, backed by Syrian rebels, took over the village of Qabasin from Kurdish fighters.': '1cda288e4bdb29c9',
    'Officials in Baghdad said gunmen from the Islamic State killed four police officers.': '564cdeab94e60d20',
    'The president of Egypt met the King of Jordan, who gave his support to the talks.': '1ad9ab7ad336e7bb',
    'Protesters in Baghdad clashed with police, and IS fighters attacked troops near Kirkuk.': '579addc90a2e80bc',
    'Talks in Cairo between Israel and Hamas ended, and the army of Sudan shelled rebels in Khartoum.': '5414063738cfdc1c',
    'شنت الطائرات الحربية التركية غارات على مواقع لوحدات حماية الشعب في ريف حلب.': 'bf3fdb98ac582681',
    'اتخذت الحكومة العراقية إجراءات جديدة وفرضت السلطات حظر التجول في البصرة.': 'ab94aad36baebe96',
    'أطلق مسلحون النار على دورية للشرطة في كركوك، وقتلوا ثلاثة عناصر في الشرطة.': '31cb4daefaf80181',
    'عقد وزير الخارجية الأمريكي اجتماعا مع نظيره الروسي في جنيف وأجرى محادثات حول سوريا.': '3c9743a8b621eff4',
    'شن الجيش، صباح اليوم، هجوما واسعا على مواقع المسلحين في درعا.': '4878fa436e6e9a30',
    'تولى الجيش السيطرة على المدينة بعد أن شنت قواته حملة اعتقالات في صفوف المتظاهرين.': '9c81cbd60bb5b530',
    'قال مسؤول في الشرطة إن عناصر من داعش خطفوا خمسة مدنيين قرب الموصل.': '46c06440e31fa4dd',
    'أعلنت الولايات المتحدة فرض عقوبات على إيران واتخذت خطوات لوقف تصدير النفط.': '1124eb1578d2c39a',
    'اشتبك متظاهرون في بغداد مع قوات الأمن، وقصف الجيش مواقع في دمشق.': '79263cfcbefa3ff2',
    'قتل خمسة مدنيين في انفجار بدمشق، وأعلنت الشرطة في القاهرة اعتقال مسلحين.': 'c71bb42906e6a3e3',
}

READINGS, IDS, test_every_sentence_is_read, test_the_sentences_read_as_before_the_round = \
    digest_tests(DIGESTS, SENTENCES)


def test_the_sentences_reach_both_ways_of_the_actor_words():
    """Some sentences drop an actor mention (a place after a locative word), whose kept mentions' words
    are then gathered of their own; some name an actor with a grammar word ("IS fighters")."""
    from coder.lexicon.grammar import grammar_roles
    dropped = [s for _, s, a in READINGS if any("a place, not an actor" in step for step in a.trace)]
    by_grammar_word = [s for _, s, a in READINGS
              if any(not a.mentions.actor_words.isdisjoint(idx) for idx in grammar_roles(a.mentions).values())]
    assert len(dropped) >= 3 and len(by_grammar_word) >= 2


@pytest.mark.parametrize("lang,sent,analysis", READINGS, ids=IDS)
def test_a_sentence_read_again_reads_as_at_first(lang, sent, analysis):
    """Read a second time (its words' entries in the matcher's memo), a sentence reads as before the round."""
    assert _digest(analyse_sentence(sent, lang, DAY).analysis) == DIGESTS[sent.text]


@pytest.mark.parametrize("seed", range(20))
def test_any_of_reads_as_the_union(seed):
    rng = random.Random(seed)
    sets = tuple({rng.randrange(30) for _ in range(rng.randrange(4))} for _ in range(rng.randrange(1, 7)))
    union = set().union(*sets)
    any_of = AnyOf(sets)
    for i in range(-1, 31):
        assert (i in any_of) == (i in union)
    for _ in range(30):
        positions = range(rng.randrange(30), rng.randrange(30))
        assert any_of.isdisjoint(positions) == union.isdisjoint(positions)
        some = {rng.randrange(30) for _ in range(3)}
        assert any_of.isdisjoint(some) == union.isdisjoint(some)
