"""The event rules' shortcuts of the ninth round answer as the longer ways did: the tokens of the
mentions and of a one-word trigger gathered without a range for each, the gap between two actors
read without one (group_actors' joiner, build_actors' far apart actors), the window rules' clause
test skipped between words that stand side by side, a code's root read once (types.ROOT), and the
words between a member and its force tested in one call."""
from __future__ import annotations

import datetime as dt
from typing import Optional

import pytest

from coder.lexicon.load import load
from coder.lang import profile
from coder.model import Actor, ActorCode
from coder.pipeline import analyse_sentence, sentences
from coder.recognise.matcher import match
from coder.rules.actors import _JOIN_REACH, _unquoted, group_actors
from coder.rules.engine import _tokens_of

DAY = dt.date(2024, 3, 4)

SENTENCES = [
    ("en", "The United States and Russia condemned the attack by Hay'at Tahrir al-Sham on Idlib."),
    ("en", "Syrian troops, Turkish soldiers and Iraqi police carried out raids in Mosul."),
    ("en", "Israeli forces arrested five Palestinians in Jenin on Monday, the army said."),
    ("ar", "قصف الجيش السوري مواقع لقوات سوريا الديمقراطية في ريف دير الزور."),
    ("ar", "أطلق مسلحون سراح ثلاثة رهائن من الشرطة العراقية والجيش التركي."),
    ("ar", "التقى وزير الخارجية الإيراني وفدا من حركة «حماس» في طهران."),
]


def _mentions(lang: str, text: str):
    (sent,) = sentences(text, lang)
    return sent, match(load(lang).trie, sent.tokens, sent.text)


@pytest.mark.parametrize("lang,text", SENTENCES)
def test_tokens_of_mentions_as_every_range(lang, text):
    _, mentions = _mentions(lang, text)
    for kind in ("actor", "agent", "trigger"):
        chosen = [m for m in mentions if m.kind == kind]
        assert _tokens_of(chosen) == {t for m in chosen for t in range(m.first, m.last + 1)}


def test_the_sentences_hold_names_of_several_words():
    assert any(m.last > m.first for lang, text in SENTENCES for m in _mentions(lang, text)[1] if m.kind == "actor")


@pytest.mark.parametrize("lang,text", SENTENCES)
def test_trigger_tokens_as_their_range(lang, text):
    """A one-word trigger's tokens are a one-element frozenset, equal to the range's."""
    (sent,) = sentences(text, lang)
    analysis = analyse_sentence(sent, lang, DAY).analysis
    assert analysis.triggers
    for h in analysis.triggers:
        assert set(range(h.first, h.last + 1)) <= h.tokens
        if not h.entry.objects:
            assert h.tokens == frozenset(range(h.first, h.last + 1))


def _reference_joiner(gap: range, coordinator_at: set[int], tokens, opens_conjunct) -> Optional[bool]:
    """group_actors' joiner as it read a range."""
    if not gap:
        return True if opens_conjunct(gap.stop) else None
    for i in gap:
        if i not in coordinator_at and tokens[i].norm not in (",", "،"):
            return None
    return any(i in coordinator_at for i in gap)


def _reference_groups(actors, coordinator_at, tokens, opens_conjunct) -> list[list[int]]:
    groups, k = [], 0
    while k < len(actors):
        end, last_coordinated = k, k
        while end + 1 < len(actors):
            j = _reference_joiner(range(actors[end].last + 1, actors[end + 1].first), coordinator_at, tokens,
                                  opens_conjunct)
            if j is None:
                break
            end += 1
            if j:
                last_coordinated = end
        groups.append([a.first for a in actors[k:last_coordinated + 1]])
        k = last_coordinated + 1
    return groups


LISTS = [
    # (words, the actors' word positions): commas, coordinators, other words and no word between
    ("en", "Syria , Iraq , and Iran met Turkey and Russia", [0, 2, 5, 7, 9]),
    ("en", "Syria and Iraq , Iran", [0, 2, 4]),
    ("en", "Syria , Iraq said Iran", [0, 2, 4]),
    ("en", "Syria Iraq and , Iran", [0, 1, 4]),
    ("ar", "روسيا وتركيا وإيران ، سوريا", [0, 1, 2, 4]),
    ("ar", "روسيا و تركيا ثم إيران", [0, 2, 4]),
]


@pytest.mark.parametrize("lang,text,positions", LISTS)
def test_joiner_without_a_range_groups_as_before(lang, text, positions):
    prof = profile(lang)
    tokens = prof.tokenise(text)
    coordinator_at = {i for i, t in enumerate(tokens) if t.norm in ("and", "و")}
    actors = [Actor(ActorCode("SYR", None, None), tokens[i].text, i, i, tokens[i].start, tokens[i].end, ("x",))
              for i in positions]
    for opens in (lambda i: False, lambda i: True, lambda i: tokens[i].text.startswith("و")):
        got = [[a.first for a in g.members] for g in group_actors(actors, coordinator_at, tokens, opens)]
        assert got == _reference_groups(actors, coordinator_at, tokens, opens)


@pytest.mark.parametrize("lang,text", [
    ("ar", "وفد حركة « حماس » في طهران"),
    ("ar", "تنظيم « داعش » و الجيش"),
    ("en", 'the " Wagner " group and the army'),
])
def test_a_gap_loses_one_word_at_most_to_quotation_marks(lang, text):
    """build_actors leaves actors more than _JOIN_REACH + 1 words apart unread: _unquoted shortens a
    gap by the opening quotation mark only, so no such gap comes within the join's reach."""
    tokens = profile(lang).tokenise(text)
    shortened = 0
    for first in range(len(tokens)):
        m = type("M", (), {"first": first, "last": first})
        for prev_last in range(-1, first):
            gap = range(prev_last + 1, first)
            unquoted = _unquoted(gap, m, tokens)
            assert len(gap) - 1 <= len(unquoted) <= len(gap)
            shortened += len(unquoted) < len(gap)
            if first - prev_last > _JOIN_REACH + 2:
                assert len(unquoted) > _JOIN_REACH
    assert shortened



def test_a_codes_root_as_its_first_two_digits():
    """types.ROOT reads a code's root once and gives the same string as the slice ever after."""
    from coder.rules.types import ROOT
    codes = {m.entry.code for lang, text in SENTENCES for m in _mentions(lang, text)[1] if m.kind == "trigger"}
    assert len(codes) > 3
    for code in sorted(codes) + ["190", "0871", "1451", "14", "1", ""]:
        assert ROOT[code] == code[:2]
        assert ROOT[code] is ROOT[code]


@pytest.mark.parametrize("gap_words,between,serves", [
    ((1,), {1}, True),            # "an officer | in | the police"
    ((1, 2), {1, 2}, True),
    ((1, 2), {1}, False),         # a word between that is no "in" or "from"
    ((), {1}, False),             # side by side: no "in" between
])
def test_a_member_serves_where_every_word_between_is_in_or_from(gap_words, between, serves):
    """members_of_forces' test of the gap in one C call answers as the word by word test."""
    from coder.rules.members import members_of_forces
    first = 1 + len(gap_words)
    officer = Actor(ActorCode(None, None, "MIL"), "officer", 0, 0, 0, 7, ("x",))
    police = Actor(ActorCode("IRQ", None, "COP"), "police", first, first, 20, 26, ("y",))
    trace: list[str] = []
    members_of_forces([officer, police], frozenset(between), trace)
    assert (officer.code == police.code) is serves
    assert len(trace) == int(serves)
