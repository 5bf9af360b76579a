"""The role rules' shortcuts answer as the longer ways did: a profile's optional words looked up once
are the profile's own, a phrase holds a token when its span does, and governor_of finds the
predicate the scan over every role's span found."""
from __future__ import annotations

import datetime as dt

import pytest

from coder.lang import PROFILES, profile_part
from coder.pipeline import analyse_sentence, sentences
from coder.rules.phrases import group_of, phrase_holds, phrase_span
from coder.rules.roles import governor_of

DAY = dt.date(2024, 3, 4)
TEXTS = [("ar", "قالت قوات سوريا الديمقراطية إن خلية لتنظيم داعش قتلت اثنين من عناصرها في ريف دير الزور."),
         ("ar", "شنت طائرات تركية سلسلة غارات على مواقع لحزب العمال الكردستاني وأعلنت السلطات توقيف 30 عسكريا."),
         ("en", "The president of Egypt condemned the attack on the embassy of Turkey in Cairo."),
         ("en", "Israeli jets carried out a wave of strikes on positions of the YPG, the army said.")]
OPTIONAL = ("DEATH_VERBS", "CUSTODY_WORDS", "FACILITY_WORDS", "PLACE_HEADS", "QUOTE_THAT", "ADJECTIVAL_AGENTS",
            "APPOSED_ACT_NOUNS", "LINK_WORDS", "LINK_GAP_WORDS", "ALLY_WORDS", "ALLY_REFERENCES", "DISGUISE_WORDS",
            "refers_to_many")


@pytest.mark.parametrize("lang", sorted(PROFILES))
def test_a_profile_part_is_the_profile_own_or_nothing(lang):
    prof = PROFILES[lang]
    for name in OPTIONAL:
        for _ in range(2):      # the first question and the remembered answer
            part = profile_part(prof, name)
            assert part is getattr(prof, name) if hasattr(prof, name) else part == frozenset()


def _parse(lang, text):
    (sent,) = sentences(text, lang)
    a = analyse_sentence(sent, lang, DAY).analysis
    assert a.parse is not None
    return a.parse, len(sent.tokens), a.groups


@pytest.mark.parametrize("lang,text", TEXTS)
def test_a_phrase_holds_the_tokens_of_its_span(lang, text):
    p, n, _ = _parse(lang, text)
    for k in range(len(p.chunks)):
        s, e = phrase_span(p, k)
        assert [phrase_holds(p, k, i) for i in range(n)] == [s <= i <= e for i in range(n)]


def _scanned_governor(p, i):
    """governor_of as it was: every predicate's roles in order, each phrase's whole span."""
    for cl in p.clauses:
        for pr in cl.predicates:
            for role in ("object", "complement", "target", "manner"):
                k = pr.arguments.get(role)
                if k is not None:
                    s, e = phrase_span(p, k)
                    if s <= i <= e:
                        return pr
    return None


@pytest.mark.parametrize("lang,text", TEXTS)
def test_the_governor_is_the_one_the_scan_found(lang, text):
    p, n, groups = _parse(lang, text)
    assert any(_scanned_governor(p, i) is not None for i in range(n))
    for i in range(n):
        assert governor_of(p, i) is _scanned_governor(p, i)
    # with no actor in the sentence no phrase names one
    assert all(group_of(p, k, []) is None for k in range(len(p.chunks)))
