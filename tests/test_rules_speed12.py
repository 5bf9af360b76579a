"""The event rules' shortcuts of the twelfth round answer as the longer ways did: the actor mentions
taken as places or likenesses are dropped by their first word (a list test compared mentions field by
field); an event is built with its fields by position (no keyword call); the language's object window,
leader and delegation words are read through profile_part (a getattr that misses raises and formats
an AttributeError each time)."""
from __future__ import annotations

import datetime as dt

import pytest

from coder.lang import profile, profile_part
from coder.lexicon.load import load
from coder.pipeline import analyse_sentence, sentences
from coder.recognise.matcher import match
from coder.rules.disguise import disguised_mentions
from coder.rules.engine import OBJECT_WINDOW, _expand, _tokens_of
from coder.rules.placed import placed_mentions
from coder.rules.types import NO_TOKENS, EventCandidate
from coder.spans import longest_non_overlapping

DAY = dt.date(2025, 6, 2)

# written for these tests: places after a locative word, a uniform, and sentences with neither
SENTENCES = [
    ("ar", "اعتقلت قوات الأمن ثلاثة مسلحين في سوريا والعراق أمس."),
    ("ar", "هاجم مسلحون يرتدون زي الشرطة حاجزا للجيش في بغداد."),
    ("ar", "قصفت طائرات حربية مواقع للمتمردين قرب دمشق، وقتلت أربعة مدنيين."),
    ("ar", "التقى وزير الخارجية المصري نظيره الأردني في القاهرة."),
    ("en", "Police arrested two protesters in Egypt and Jordan on Sunday."),
    ("en", "Rebels shelled army positions near Damascus, killing three soldiers."),
    ("en", "The president of France met the German chancellor in Paris."),
    ("en", "Gunmen wearing police uniforms attacked a checkpoint in Kabul."),
]


def _actor_mentions(lang: str, text: str):
    """The actor mentions as analyse reads them before it drops the places and likenesses, with
    those it drops."""
    (sent,) = sentences(text, lang)
    prof = profile(lang)
    mentions = match(load(lang).trie, sent.tokens, sent.text, True)   # (the grammar words as mentions too)
    roles: dict[str, set[int]] = {}
    for m in mentions:
        if m.kind == "grammar":
            roles.setdefault(m.entry.role, set()).update(range(m.first, m.last + 1))
    actor_ms = longest_non_overlapping([m for m in mentions if m.kind in ("actor", "agent")])
    forms = {f for t in sent.tokens for f in t.forms}
    placed = placed_mentions(actor_ms, sent.tokens, roles.get("locative_marker", NO_TOKENS),
                             roles.get("coordinator", NO_TOKENS), prof)
    disguised = disguised_mentions(actor_ms, sent.tokens, prof, forms)
    return actor_ms, placed, disguised


@pytest.mark.parametrize("lang,text", SENTENCES)
def test_places_and_likenesses_dropped_by_first_word_as_by_comparison(lang, text):
    actor_ms, placed, disguised = _actor_mentions(lang, text)
    # the old way: a list test (which compares mentions field by field)
    old = [m for m in actor_ms if m not in placed and m not in disguised]
    dropped = {m.first for m in placed}
    dropped.update([m.first for m in disguised])
    assert [m for m in actor_ms if m.first not in dropped] == old
    # no two mentions start at one word: the first word names the mention
    assert len({m.first for m in actor_ms}) == len(actor_ms)


def test_the_sentences_hold_places_and_a_likeness():
    """The cases above do reach both branches: places after a locative word, and a uniform."""
    found = [_actor_mentions(lang, text) for lang, text in SENTENCES]
    assert sum(len(placed) for _, placed, _ in found) >= 4
    assert any(disguised for _, _, disguised in found)


@pytest.mark.parametrize("lang,text", SENTENCES)
def test_actors_of_the_analysis_leave_out_the_places(lang, text):
    (sent,) = sentences(text, lang)
    a = analyse_sentence(sent, lang, DAY).analysis
    actor_ms, placed, disguised = _actor_mentions(lang, text)
    gone = _tokens_of(placed + disguised)
    assert all(gone.isdisjoint(range(x.first, x.last + 1)) for x in a.actors)
    for m in placed:
        assert f"{m.text!r} follows a locative word: a place, not an actor" in a.trace


def test_an_event_built_by_position_is_the_one_built_by_keyword():
    fields = ("190", "ar.verbs.kill", 3, 9, "قتلت", 2, None, None, 0.55)
    by_keyword = EventCandidate(*fields, nominal=True, trigger_tag="past")
    by_position = EventCandidate(*fields, False, None, True, False, "past")
    assert by_position == by_keyword
    assert (by_position.target_from_location, by_position.location_role, by_position.is_background,
            by_position.merged_spans) == (False, None, False, ())


@pytest.mark.parametrize("lang,text", SENTENCES)
def test_events_carry_their_noun_reading_and_tag(lang, text):
    """_expand's events: `nominal` and the trigger's tag as the keyword call set them, the other
    fields at their defaults (the later passes set them)."""
    (sent,) = sentences(text, lang)
    a = analyse_sentence(sent, lang, DAY).analysis
    nominal = {a.triggers[0].first} if a.triggers else set()
    events = _expand([(h, None, None) for h in a.triggers], sent.text, nominal, [])
    assert len(events) == len(a.triggers)
    for h, e in zip(a.triggers, events):
        assert (e.code, e.rule_id, e.trigger_first, e.evidence) == (h.entry.code, h.entry.rule_id, h.first,
                                                                    sent.text[h.start:h.end])
        assert e.nominal is (h.first in nominal) and e.trigger_tag == (h.entry.tag or "")
        assert (e.target_from_location, e.location_role, e.is_background, e.merged_spans) == (False, None, False, ())


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("name,default", [("OBJECT_WINDOW", OBJECT_WINDOW), ("LEADER_WORDS", frozenset()),
                                          ("DELEGATE_WORDS", ())])
def test_profile_parts_are_the_profile_attributes(lang, name, default):
    prof = profile(lang)
    assert profile_part(prof, name, default) == getattr(prof, name, default)
