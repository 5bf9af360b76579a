"""The event rules' shortcuts answer as the longer ways did: the counts of an object window are the
counts as written, the given-name test's look at the mentions is the set of covered tokens, the mood
rule's marker test is the loop over its roles, and a coordinated verb still shares its subject."""
from __future__ import annotations

import datetime as dt

import pytest

from coder.lang import profile
from coder.pipeline import analyse_sentence, sentences
from coder.recognise.matcher import match
from coder.lexicon.load import load
from coder.rules.counts import _number, counts_marks_and_watched
from coder.rules.mood import mood_of
from coder.rules.names import _in_mention

DAY = dt.date(2024, 3, 4)
TEXTS = [("ar", "وقتل ثلاثة جنود وجرح اثنان في هجوم على 12 موقعا، وسيزور الوزير المدينة غدا."),
         ("ar", "خطف مسلحون أربعة أميركيين والجنود الثلاثة في بغداد."),
         ("en", "Jordan Bardella said 1,500 people and three soldiers will attend the talks next week."),
         ("en", "Gunmen met the envoy and attacked a checkpoint, killing five officers.")]


@pytest.mark.parametrize("lang,text", TEXTS)
def test_counts_as_written_are_among_the_counts_read_through_the_article(lang, text):
    """_countable asks the number test as written only of the counts counts_and_marks finds."""
    (sent,) = sentences(text, lang)
    toks = sent.tokens
    positions = counts_marks_and_watched(toks, lang)[:2][0]
    assert positions == {i for i, t in enumerate(toks) if _number(t, lang, True)}
    assert {i for i, t in enumerate(toks) if _number(t, lang, False)} <= positions


@pytest.mark.parametrize("lang,text", TEXTS)
def test_a_token_in_a_mention_is_a_covered_token(lang, text):
    (sent,) = sentences(text, lang)
    mentions = match(load(lang).trie, sent.tokens, sent.text)
    # (the words of every mention, grammar words included: those the matcher keeps in its index)
    covered = {t for m in match(load(lang).trie, sent.tokens, sent.text, True) for t in range(m.first, m.last + 1)}
    assert [_in_mention(mentions, i) for i in range(len(sent.tokens))] == \
        [i in covered for i in range(len(sent.tokens))]


@pytest.mark.parametrize("lang,text", TEXTS)
def test_a_mood_role_with_no_words_reads_as_no_marker(lang, text):
    """The roles lose the words an actor takes: a mood role left empty answers as no role at all."""
    (sent,) = sentences(text, lang)
    a = analyse_sentence(sent, lang, DAY).analysis
    assert a.triggers
    prof = profile(lang)
    for h in a.triggers:
        plain = mood_of(h, sent.tokens, {}, prof)
        assert mood_of(h, sent.tokens, {"future_marker": set(), "modal_marker": set()}, prof) == plain


def test_a_coordinated_verb_shares_the_subject():
    """The verb after a conjunction clitic (وتصر "and insists") takes the subject of the verb before."""
    text = "ففي لحظة الاستشهاد، انخرطت قوى لبنانية كثيفة في مسيرة «استقلالية»، تطالب «بالحقيقة»، وتصر على المحاسبة."
    (sent,) = sentences(text, "ar")
    a = analyse_sentence(sent, "ar", DAY).analysis
    assert any(t.startswith("'وتصر': coordinated verb shares the subject; source 'لبنانية'=LBN") for t in a.trace), a.trace
