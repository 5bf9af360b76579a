"""The event rules' shortcuts of the fourth round answer as the longer ways did: the grammar roles
built word by word (a one-word marker without a range, the spans kept for the agent markers only),
the phrase barrier and the prepositions gathered in one union, a truce onset known by a suffix test,
the subject inside the clause as the last group before the trigger, the light verbs' object test,
and the events expanded with each actor's code read once and the confidence from a table."""
from __future__ import annotations

import datetime as dt

import pytest

from coder.pipeline import analyse_sentence, sentences

DAY = dt.date(2024, 3, 4)


def _analysis(lang: str, text: str):
    (sent,) = sentences(text, lang)
    return analyse_sentence(sent, lang, DAY).analysis


def _events(analysis) -> list[tuple]:
    return [(e.code, e.source and e.source.code.code, e.target and e.target.code.code) for e in analysis.events]


@pytest.mark.parametrize("lang,text,events,how", [
    # a two-word agent marker (على يد): its span is the agent phrase's opening
    ("ar", "قتل خمسة مدنيين على يد مسلحين في بغداد.", [("190", "UAF", "CVL")], "agent phrase after the verb"),
    # a one-word marker, a passive auxiliary and a participle
    ("en", "Five civilians were killed by gunmen in Baghdad on Monday.", [("190", "IRQUAF", "CVL")], "passive"),
    # an actor's word that is also a grammar word ("IS" is no passive auxiliary)
    ("en", "IS fighters attacked the army in Mosul.", [("190", "ISIINS", "MIL")], "syntax: subject"),
])
def test_grammar_roles_built_word_by_word(lang, text, events, how):
    analysis = _analysis(lang, text)
    assert _events(analysis) == events
    assert any(how in line for line in analysis.trace)


def _hit(rule_id: str, first: int):
    from coder.lexicon.load import Trigger
    from coder.model import Mention
    from coder.rules.types import Hit
    entry = Trigger(rule_id, "0871", "verb", "past", False, ())
    m = Mention("trigger", first, first, 0, 4, "took", entry, rule_id)
    return Hit(m, entry, first, first, 0, 4, frozenset({first}))


@pytest.mark.parametrize("rule_id,onset", [("en.verbs.truce_takes_effect", True), ("truce_takes_effect", True),
                                           ("en.verbs.no_truce_takes_effect", False), ("en.verbs.attack", False)])
def test_a_truce_onset_is_known_by_its_rule_ids_last_part(rule_id, onset):
    """truce_onsets' suffix test reads an entry's name as rsplit('.', 1)[-1] did."""
    from coder.rules.truce import ONSET_ENTRIES, truce_onsets
    (sent,) = sentences("The rebels took the town.", "en")
    assert (rule_id.rsplit(".", 1)[-1] in ONSET_ENTRIES) is onset
    trace: list[str] = []
    hits = [_hit(rule_id, 2)]
    assert truce_onsets(hits, sent.tokens, set(), trace) == ([] if onset else hits)
    assert len(trace) == int(onset)


@pytest.mark.parametrize("lang,text,actors,events", [
    ("en", "Police, backed by troops, arrested 40 protesters and the army attacked rebels in Idlib.",
     ["Police", "troops", "protesters", "army", "rebels in Idlib"],
     [("051", "MIL", None), ("173", "COP", "CVL"), ("173", "COP", "MIL"), ("145", "CVL", "SYRREB"),
      ("190", "MIL", "SYRREB")]),
    ("ar", "اعتقلت الشرطة، بدعم من الجيش، 40 متظاهرا وهاجم الجيش المسلحين في إدلب.",
     ["الشرطة", "الجيش", "متظاهرا", "الجيش", "المسلحين"], [("173", "COP", "CVL"), ("190", "MIL", "UAF")]),
])
def test_the_barrier_and_the_prepositions_in_one_union(lang, text, actors, events):
    """The phrase barrier (punctuation, counts, coordinators, triggers, agent and target markers) and
    the words that open no object, gathered with one union each, hold what the chained unions held:
    the actors and the events are those the chained unions gave."""
    analysis = _analysis(lang, text)
    assert [a.name for a in analysis.actors] == actors
    assert _events(analysis) == events


@pytest.mark.parametrize("lang,text,events", [
    ("en", "Hamas gunmen burst across the border in an assault, killing five soldiers.", [("190", "PSEHAMREB", "MIL")]),
    ("en", "Five civilians were killed when a bomb exploded in Baghdad.", [("183", "UAF", "CVL")]),
    ("ar", "قالت الشرطة إن مسلحين هاجموا نقطة تفتيش، وقتلوا جنديين.", [("190", "UAF", "COP"), ("190", "COP", "MIL")]),
    ("en", "Protesters marched in Cairo; police arrested 40 of them.", [("141", "CVL", "EGYGOV"), ("173", "COP", None)]),
])
def test_the_subject_inside_the_clause_is_the_last_group_before_the_trigger(lang, text, events):
    """fill_slots' subject inside the clause is the last actor group before the trigger when no
    clause break follows it: the groups stand in the order of the sentence, apart, so a break after
    one group parts every group before it too, and the groups with no break after them (the list
    the rules read from its end) are the last ones."""
    analysis = _analysis(lang, text)
    assert _events(analysis) == events
    groups = analysis.groups
    assert all(a.last < b.first for a, b in zip(groups, groups[1:]))


@pytest.mark.parametrize("lang,text,triggers,events", [
    # a light verb whose object follows (its entry's first object words are among the sentence's forms)
    ("ar", "شن الجيش هجوما على مواقع المسلحين في إدلب.", [(0, 0, "ar.verbs.launch_attack", 0, 14)],
     [("190", "MIL", "UAF")]),
    ("en", "The army launched an offensive against rebels in Idlib.", [(2, 2, "en.verbs.launch_attack", 9, 30)],
     [("190", "MIL", "SYRREB")]),
    # the inner words of a long name are no verb's object; a conjunct's clitic read through
    ("ar", "هاجم مسلحو وحدات حماية الشعب الكردية قرية وقتلوا ثلاثة مدنيين.",
     [(0, 0, "ar.verbs.attack", 0, 4), (7, 7, "ar.verbs.kill", 42, 48)], [("190", "SYRYPGREB", "CVL")]),
    # an event noun read as the purpose of a no-event reading (a senses.yaml entry)
    ("ar", "عثرت الشرطة على سيارة مفخخة جاهزة للتفجير في بغداد.", [(6, 6, "ar.verbs.bombing_noun", 34, 41)], []),
])
def test_light_verbs_and_no_event_readings(lang, text, triggers, events):
    """The light verbs' object test (the sentence's forms against the entry's first object words),
    the no-event readings asked about only for an event noun, and the name tails and conjunct
    starts built as sets, give the triggers and events they gave."""
    analysis = _analysis(lang, text)
    assert [(h.first, h.last, h.entry.rule_id, h.start, h.end) for h in analysis.triggers] == triggers
    assert _events(analysis) == events
    if not events:
        assert any("a purpose, part of another event" in line for line in analysis.trace)


def _actor(code: str, first: int):
    from coder.model import Actor, ActorCode
    return Actor(ActorCode(code, None, None), code, first, first, first * 5, first * 5 + 3, ("test",))


@pytest.mark.parametrize("pos", ["verb", "noun"])
@pytest.mark.parametrize("src,tgt", [(None, None), ("SYR", None), (None, "TUR"), ("SYR", "TUR"), ("SYR", "SYR")])
def test_expand_reads_each_actors_code_once(pos, src, tgt):
    """_expand's events (the codes read once an actor, the confidence from the table) are those of
    the formula: 0.45, +0.2 with a source, +0.2 with a target, +0.1 for a verb, at most 0.95; an
    actor acting on another of its own code has no target."""
    from coder.lexicon.load import Trigger
    from coder.model import Mention
    from coder.rules.actors import ActorGroup
    from coder.rules.engine import _expand
    from coder.rules.types import Hit
    entry = Trigger("en.verbs.attack", "190", pos, "past", False, ())
    hit = Hit(Mention("trigger", 1, 1, 5, 13, "attacked", entry), entry, 1, 1, 5, 13, frozenset({1}))
    s = _actor(src, 0) if src else None
    t = _actor(tgt, 2) if tgt else None
    groups = [ActorGroup([a], a.first, a.last) if a else None for a in (s, t)]
    events = _expand([(hit, *groups)], "Syria attacked Turkey", set(), [])
    if src and src == tgt:
        t = None
    conf = 0.45 + 0.2 * (s is not None) + 0.2 * (t is not None) + 0.1 * (pos == "verb")
    assert [(e.code, e.source, e.target, e.confidence) for e in events] == [("190", s, t, round(min(conf, 0.95), 2))]
