"""The thirteenth speed round of the rules: the leader test asks for its words after the cheaper
tests, and analyse skips the passes whose first test would hand back their input; the readings must
stay those of the code before."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from coder.lang import profile, profile_part
from coder.model import Actor, ActorCode, Sentence, Token
from coder.rules import actors, disguise, engine, placed, possessions


def _tokens(words: list[str]) -> list[Token]:
    toks, start = [], 0
    for w in words:
        t = Token.__new__(Token)
        t.text, t.start, t.end, t.norm, t.forms = w, start, start + len(w), w.lower(), (w.lower(),)
        toks.append(t)
        start += len(w) + 1
    return toks


def _led_by_before(prev, code, gap, tokens, prof):
    """The leader test as it was written before (the words asked for first)."""
    words = profile_part(prof, "LEADER_WORDS", frozenset())
    if len(gap) != 1 or tokens[gap[0]].norm not in words or prev.code.group:
        return None
    return actors._led_by(prev, code, gap, tokens, prof)


@pytest.mark.parametrize("words,gap", [
    (["مسلحون", "بقيادة", "داعش"], range(1, 2)),      # a leader word between followers and leader
    (["مسلحون", "من", "داعش"], range(1, 2)),           # another word: no leader
    (["مسلحون", "داعش"], range(1, 1)),                 # no word between
    (["fighters", "led", "by", "ISIS"], range(1, 3)),  # two words between
])
@pytest.mark.parametrize("group", [None, "IMGREB"])
def test_led_by_answers_as_before(words, gap, group):
    prof = profile("ar" if words[0] == "مسلحون" else "en")
    toks = _tokens(words)
    prev = Actor(ActorCode(None, group, "REB"), words[0], 0, 0, 0, len(words[0]), ("r",))
    code = ActorCode("IRQ", "IMGISI", None)
    assert actors._led_by(prev, code, gap, toks, prof) == _led_by_before(prev, code, gap, toks, prof)


def test_a_profile_without_the_sets_reads_none():
    """A language that defines none of these words (a bare profile) reads profile_part's empty
    defaults: every reading that needs them is skipped."""
    bare = SimpleNamespace(CODE="zz-speed13", MODIFIER_AFTER_NOUN=False)
    toks = _tokens(["a", "b"])
    assert disguise.disguised_mentions([], toks, bare, {"a"}) == []
    assert placed.placed_mentions([], toks, set(), set(), bare) == []
    assert possessions.drop_shared_possessions([], toks, bare, set(), []) == []


# analyse now skips a pass when the pass's own first test would return what it was given: these
# check each such test still answers so (the guards in engine.analyse rely on them)
def _hit(first: int, code: str = "190", tag: str = "past"):
    from coder.lexicon.load import Trigger
    from coder.model import Mention
    from coder.rules.types import Hit
    e = Trigger("r", code, "verb", tag, False, (), False, None, ())
    return Hit(Mention("trigger", first, first, first * 6, first * 6 + 5, "قصف", e), e, first, first,
               first * 6, first * 6 + 5, frozenset((first,)))


def test_the_passes_skipped_return_what_they_are_given():
    from coder.rules.consolidate import discard_roots, drop_included, merge_same_root
    from coder.rules.custody import published_not_freed, raids_of_arrests, stated_charges
    from coder.rules.reality import flag_episodes, flag_eras, settle_pairs
    from coder.rules.retaliation import retaliation_targets
    from coder.rules.slots import HARM_ROOTS
    from coder.rules.victims import victims_over_places
    toks = _tokens(["قصف", "الجيش", "المدينة"])
    hits = [_hit(0)]
    assert raids_of_arrests(hits, toks, {1}, []) is hits
    assert stated_charges(hits, toks, []) is hits
    assert published_not_freed(hits, frozenset(), []) is hits
    coded = [(hits[0], None, None)]
    trace: list = []
    assert retaliation_targets(coded, HARM_ROOTS, trace) is coded
    assert settle_pairs(coded, toks, set(), set(), set(), trace, None) is coded
    assert drop_included(coded, toks, set(), set(), profile("ar"), trace) is coded
    assert flag_episodes(coded, toks, frozenset(), trace) == set()
    assert flag_eras(coded, toks, frozenset(), trace) == set()
    events = ["one event"]
    assert merge_same_root(events, trace) is events
    assert discard_roots(events, [], trace) is events
    assert victims_over_places(events, [], frozenset(), trace) is None
    assert trace == []


@pytest.mark.parametrize("lang,words", [
    ("ar", ["قصف", "عنيف", "على", "المدينة", "أمس", "."]),
    ("en", ["Heavy", "shelling", "hit", "the", "town", "yesterday", "."]),
])
def test_a_sentence_without_actors_reads_as_the_passes_would(lang, words):
    """With no actor mention the actor passes are skipped: no actor, no group, and the trace and
    events are those the passes give an empty list of mentions (read here through analyse with the
    trigger mentions alone, as the pipeline gives them)."""
    from coder.recognise.matcher import match
    from coder.lexicon.load import load
    prof = profile(lang)
    text = " ".join(words)
    toks = prof.tokenise(text)
    mentions = [m for m in match(load(lang).trie, toks, text) if m.kind not in ("actor", "agent")]
    out = engine.analyse(Sentence(0, text, 0, toks), mentions, prof, None)
    assert out.actors == [] and out.groups == []
    assert all(e.source is None and e.target is None for e in out.events)


def test_the_general_checks_skipped_return_what_they_are_given():
    """drop_told_in_general and analyse now test the marker words of these checks before the call."""
    from coder.rules.generic import drop_abstract_subjects, drop_generic_statements, drop_named, drop_totals, \
        drop_weapon_lists
    from coder.rules.mood import drop_prospects
    toks = _tokens(["قصف", "الجيش", "3", "مواقع"])
    coded = [(_hit(0), None, None)]
    prof, trace = profile("ar"), []
    assert drop_totals(coded, toks, {}, set(), set(), prof, trace) is coded
    assert drop_abstract_subjects(coded, None, {}, trace) is coded
    assert drop_weapon_lists(coded, toks, {}, set(), prof, trace) is coded
    assert drop_named(coded, {}, set(), trace) is coded
    assert drop_generic_statements(coded, None, toks, {}, [], set(), set(), prof, trace) is coded
    assert drop_generic_statements(coded, object(), toks, {}, [], {2}, set(), prof, trace) is coded
    assert drop_prospects(coded, toks, {}, set(), prof, trace) is coded
    assert trace == []
