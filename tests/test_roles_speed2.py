"""The role and filter rules' shortcuts answer as the longer ways did: whether a verb governing an
event noun is an event of its own is read from the triggers at that verb alone, and the filters that
relate two acts keep a single act as it is."""
from __future__ import annotations

import datetime as dt

import pytest

from coder.lang import PROFILES
from coder.pipeline import analyse_sentence, sentences
from coder.rules.engine import HARM_ROOTS
from coder.rules.generic import drop_quoted_words
from coder.rules.reality import aim_at_protesters, drop_alleged, drop_generic_lists, fold_object_nouns
from coder.rules.retaliation import retaliation_targets
from coder.rules.roles import _ABOUT_EVENT_ROOTS, _event_of_its_own, victims_of_event

DAY = dt.date(2024, 3, 4)
TEXTS = [("ar", "قتل خمسة مدنيين في انفجار سيارة مفخخة وأدانت الحكومة الهجوم الذي تبناه تنظيم داعش."),
         ("ar", "قصفت طائرات تركية معسكرات ومخازن لحزب العمال الكردستاني في شمال العراق."),
         ("ar", "شنت طائرات تركية سلسلة غارات على مواقع لحزب العمال الكردستاني وأعلنت السلطات توقيف 30 عسكريا."),
         ("en", "The president of Egypt condemned the attack on the embassy of Turkey in Cairo."),
         ("en", "Police arrested the leaders and members of the opposition party after the protest.")]


def _analysis(lang, text):
    (sent,) = sentences(text, lang)
    a = analyse_sentence(sent, lang, DAY).analysis
    assert a.parse is not None
    return a, sent.tokens


def _old_events(p, h, hits, nominal, announced, prof, toks):
    """The set nominal_roles tested a governing verb against before: every other trigger about an
    event, and every verb of harm read as an undiacritised passive."""
    about = {x.first for x in hits if x is not h and x.entry.code[:2] in _ABOUT_EVENT_ROOTS
             and not (announced and x.entry.speech)}
    if not prof.VERB_SUBJECT_ORDER:
        return about
    harm = [x.first for x in hits if x.first in nominal and x.entry.code[:2] in HARM_ROOTS]
    return about | {x.first for x in hits if x.first not in nominal and x.entry.code[:2] in HARM_ROOTS
                    and not x.entry.objects and victims_of_event(
                        p, x.first, harm, lambda n: p.tags[n - 1] == "ADP" or prof.has_preposition_clitic(toks[n]))}


@pytest.mark.parametrize("lang,text", TEXTS)
def test_an_event_of_its_own_is_one_the_set_held(lang, text):
    a, toks = _analysis(lang, text)
    prof, hits = PROFILES[lang], a.triggers
    assert hits
    asked = set()
    # every reading of which triggers are nouns, the sentence's own among them
    for nominal in ({x.first for x in hits if x.entry.pos != "verb"}, {x.first for x in hits}):
        for h in (x for x in hits if x.first in nominal):     # (settle asks about event nouns only)
            for announced in (True, False):
                old = _old_events(a.parse, h, hits, nominal, announced, prof, toks)
                asked |= old
                assert [_event_of_its_own(a.parse, v, h, hits, nominal, announced, prof, toks, HARM_ROOTS)
                        for v in range(len(toks))] == [v in old for v in range(len(toks))]
    if text == TEXTS[0][1]:     # "قتل خمسة ... في انفجار": an undiacritised passive of harm, asked about
        assert 0 in asked


def test_one_act_is_no_list_and_a_quoted_word_in_speech_stays():
    a, toks = _analysis("ar", TEXTS[0][1])
    prof = PROFILES["ar"]
    coded = [(h, None, None) for h in a.triggers]
    one = coded[:1]
    trace: list[str] = []
    # the passes that relate two acts keep a single act as it is
    assert drop_generic_lists(one, a.triggers[:1], toks, set(), set(), prof, trace) == one
    assert aim_at_protesters(one, set(), set(), trace) == one
    assert fold_object_nouns(one, toks, set(), set(), trace, a.parse) == one
    assert drop_alleged(one, toks, trace, a.parse) == one
    assert retaliation_targets(one, HARM_ROOTS, trace) == one
    assert drop_quoted_words(coded, toks, trace) == coded
    assert trace == []


@pytest.mark.parametrize("text,dropped", [("قالت الحركة إن رجال أمن «اختطفوا» منسقها في المدينة.", False),
                                          ("وقال شهود إن الشرطة «خطفته» من منزله.", False),
                                          ("الشرطة «خطفته» من منزله في المدينة.", True)])
def test_a_quoted_word_is_dropped_only_outside_speech(text, dropped):
    a, toks = _analysis("ar", text)
    coded = [(h, None, None) for h in a.triggers]
    assert coded
    trace: list[str] = []
    kept = drop_quoted_words(coded, toks, trace)
    assert (len(kept) < len(coded)) is dropped and bool(trace) is dropped
