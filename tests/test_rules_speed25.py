"""The twenty-fifth speed round of the rules and the matcher. The matcher drops the event words read
through a clitic where a name the lexicon knows as written starts at the same word (بايدن is Biden,
not ب + a form of أيد) at that word, once its mentions are made, instead of a pass over the whole
sentence's mentions at the end; analyse reads a grammar mention's last word only where it tests it.
The mentions must be those the former matcher made (test_front_speed14._old_match, which reads the
former filter kept here), the grammar roles those gathered from the mentions, and the readings of
hand-written sentences those of the code before the round (digests of what it produced for them)."""
from __future__ import annotations

import pytest

from coder.lexicon.load import load
from coder.model import Mention, Token
from coder.pipeline import sentences
from coder.recognise import matcher

# (the digest of an analysis and the two tests over them; the grammar roles' tokens, as analyse gathers them)
from test_rules_speed15 import _roles, digest_tests, with_grammar

SENTENCES = {
    "ar": [
        'قال بايدن إن القوات الأمريكية قتلت قائدا في التنظيم قرب الحدود.',
        'بايدن يدين الهجوم على السفارة ويتهم الميليشيات بالوقوف وراءه.',
        'وبايدن أعلن فرض عقوبات على إيران بعد أن هاجمت قواتها سفينة.',
        'قتل خمسة مدنيين على يد مسلحين في هجوم على قرية شمال بغداد.',
        'اعتقل ثلاثة ناشطين من قبل قوات الأمن خلال احتجاجات في القاهرة.',
        'بحث الوزير مع نظيره الفرنسي سبل وقف إطلاق النار في غزة.',
        'أطلقت الشرطة سراح صحفيين بعد أن احتجزتهم يومين في الموصل.',
        'وأيدت الحكومة قرار المجلس بفرض حظر على الأسلحة.'],
    "en": [
        'Biden said US forces killed a militant leader near the border.',
        'Five civilians were killed by gunmen in an attack on a village north of Baghdad.',
        'Security forces arrested three activists during protests in Cairo.',
        'The minister discussed a ceasefire in Gaza with his French counterpart.'],
}

# sha-256 (first 16 hex digits) of each sentence's reading (test_rules_speed15._digest) as the rules gave it before
# the round (its events: 190 ->USAMIL; 111 USAGOV->GOV; 051, 163 IRN, 190 ->IRNMIL; 190 UAF->CVL; 173 COP->OPP;
# 040 GOV->FRAGOV, 0871; 0841 COP->MED, 173 COP->MED; 051 GOV, 163 GOV;
# 190 USAMIL->GOV; 190 UAF->CVL; 173 COP->OPP; 040 GOV->FRAGOV)
DIGESTS = {
    'قال بايدن إن القوات الأمريكية قتلت قائدا في التنظيم قرب الحدود.': '19001d6c7083f1de',
    'بايدن يدين الهجوم على السفارة ويتهم الميليشيات بالوقوف وراءه.': '071ef4830b131323',
    'وبايدن أعلن فرض عقوبات على إيران بعد أن هاجمت قواتها سفينة.': 'd23057920ac00c0b',
    'قتل خمسة مدنيين على يد مسلحين في هجوم على قرية شمال بغداد.': '990e9cd8ad2129e6',
    'اعتقل ثلاثة ناشطين من قبل قوات الأمن خلال احتجاجات في القاهرة.': '1a689b1f5eed7774',
    'بحث الوزير مع نظيره الفرنسي سبل وقف إطلاق النار في غزة.': 'd58e4230b0b12371',
    'أطلقت الشرطة سراح صحفيين بعد أن احتجزتهم يومين في الموصل.': '6877a4b82e7bab89',
    'وأيدت الحكومة قرار المجلس بفرض حظر على الأسلحة.': 'feb5bbb76fbf62f3',
    'Biden said US forces killed a militant leader near the border.': '852e6005473901c9',
    'Five civilians were killed by gunmen in an attack on a village north of Baghdad.': '1ac45fcc5a31fd87',
    'Security forces arrested three activists during protests in Cairo.': 'a6288dd1652f15eb',
    'The minister discussed a ceasefire in Gaza with his French counterpart.': 'a4939892fd49b6ad',
}

READINGS, IDS, test_every_sentence_is_read, test_the_sentences_read_as_before_the_round = \
    digest_tests(DIGESTS, SENTENCES)


def former_names_as_written(out: list[Mention], tokens: list[Token], clitic_triggers: set[int]) -> list[Mention]:
    """matcher._names_as_written as it was before the round: one pass over all the sentence's mentions
    at the end of match(); `clitic_triggers`: where event words read through a clitic start. (The
    reference copies of match() in the front rounds' tests read it.)"""
    names = {(m.first, m.last) for m in out
             if m.first in clitic_triggers and m.kind in ("actor", "agent") and m.first_form == 0}
    if not names:
        return out
    return [m for m in out if not (m.kind == "trigger" and matcher._through_clitic(tokens[m.first], m.first_form) and
                                   any(f == m.first and m.last <= l for f, l in names))]


def _fields(m: Mention) -> tuple:
    return (m.kind, m.first, m.last, m.start, m.end, m.text, id(m.entry), m.rule_id, m.first_form)


def _sentences():
    return [(lang, s) for lang, texts in SENTENCES.items() for text in texts for s in sentences(text, lang)]


@pytest.mark.parametrize("lang,sent", _sentences(), ids=lambda x: x if isinstance(x, str) else x.text[:24])
def test_match_finds_what_the_former_matcher_found(lang, sent):
    from test_front_speed14 import _old_match    # (the former match(), keyed by the word as written)
    trie = load(lang).trie
    for _ in range(2):   # (the per-word memo filled by the first pass)
        # (with its grammar words as mentions, as the former matcher made them: test_rules_speed26)
        assert [_fields(m) for m in matcher.match(trie, sent.tokens, sent.text, True)] == \
            [_fields(m) for m in _old_match(trie, sent.tokens, sent.text, keyed_by_text=True)]


def test_the_names_as_written_drop_event_words_in_these_sentences(monkeypatch):
    """The sentences meet the filter: without it, the matcher gives more mentions (event words read
    through a clitic inside بايدن), and none of those is left with it."""
    dropped = 0
    for lang, s in _sentences():
        trie = load(lang).trie
        kept = [_fields(m) for m in matcher.match(trie, s.tokens, s.text)]
        with monkeypatch.context() as patch:
            patch.setattr(matcher, "_names_as_written", lambda out, tokens, i: None)
            every = [_fields(m) for m in matcher.match(trie, s.tokens, s.text)]
        assert set(kept) <= set(every)
        dropped += len(every) - len(kept)
        for f in set(every) - set(kept):
            assert f[0] == "trigger" and f[8] > 0
    assert dropped > 0


def test_the_former_filter_drops_at_each_word_what_the_new_one_drops():
    """The filter at one word, on a hand-made list: a trigger read through a clitic under a name as
    written at the same word goes; one at another word, one longer than the name and the name stay."""
    (sent,) = sentences("بايدن يدين الهجوم", "ar")
    toks = sent.tokens
    entry = object()
    clitic_form = next(k for k, f in enumerate(toks[0].forms) if k and f[:1] != toks[0].norm[:1])

    def mention(kind, first, last, form):
        return Mention(kind, first, last, toks[first].start, toks[last].end, sent.text[toks[first].start:toks[last].end],
                       entry, "r", form)
    out = [mention("actor", 0, 0, 0), mention("trigger", 0, 0, clitic_form), mention("trigger", 0, 1, clitic_form),
           mention("trigger", 1, 1, 0)]
    expected = former_names_as_written(list(out[:3]), toks, {0})
    got = list(out[:3])
    matcher._names_as_written(got, toks, 0)
    assert got == expected == [out[0], out[2]]


@pytest.mark.parametrize("lang,sent,analysis", READINGS, ids=IDS)
def test_the_roles_are_those_of_the_grammar_mentions(lang, sent, analysis):
    """analyse's pass over the mentions, the last word of a marker read only where tested: every role
    holds the words of its markers, those of several words included ("على يد", "من قبل")."""
    assert analysis.roles == _roles(with_grammar(lang, sent))


def test_the_sentences_hold_markers_of_several_words():
    assert any(m.kind == "grammar" and m.last > m.first for lang, s, _ in READINGS for m in with_grammar(lang, s))
