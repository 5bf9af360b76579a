"""The event rules' shortcuts of the sixth round answer as the longer ways did: the three readings of
a name by the word after it (a given name, the money's name, a built place) in one pass over the actor
mentions; the places and likenesses read from the mentions in the order analyse keeps them (no sort);
the trigger passes that need a marker or an act before the trigger return the triggers at once without
one; an order-only entry known by a suffix test on its rule id."""
from __future__ import annotations

import datetime as dt

import pytest

from coder.lang import profile
from coder.lexicon.load import load
from coder.pipeline import analyse_sentence, sentences
from coder.recognise.matcher import match
from coder.rules.names import country_as_given_name, misread_names, names_a_currency, names_a_facility
from coder.spans import longest_non_overlapping
from coder.syntax import parse

DAY = dt.date(2024, 3, 4)

NAMES = [
    ("en", "Jordan Bardella criticised Germany over the decision.",
     ["'Jordan' before the unknown capitalised word 'Bardella': a given name, not the country"],
     ["Germany"]),
    ("en", "Jordan Bardella criticised Germany after the United States pledged US $50 million to guards of the "
           "Europe Bridge.",
     ["'US' before a currency: the money's name, not an actor", "'Europe' names the place 'Bridge', not an actor"],
     ["Jordan", "Germany", "United States", "guards"]),
    ("en", "Protesters blocked the Europe Bridge and police arrested 20 people.",
     ["'Europe' names the place 'Bridge', not an actor"], ["Protesters", "police", "people"]),
    ("ar", "أطلق مسلحون النار على جنود الجيش العراقي وقوات الشرطة في بغداد.", [],
     ["مسلحون", "جنود الجيش العراقي", "وقوات الشرطة"]),
]
_READINGS = ("a given name", "the money's name", "names the place")


def _analysis(lang: str, text: str):
    (sent,) = sentences(text, lang)
    return analyse_sentence(sent, lang, DAY).analysis


@pytest.mark.parametrize("lang,text,steps,actors", NAMES)
def test_names_read_by_the_word_after_them(lang, text, steps, actors):
    """The given name, the currency and the built place are traced in that order, and their mentions
    are no actors."""
    a = _analysis(lang, text)
    assert [s for s in a.trace if any(r in s for r in _READINGS)] == steps
    assert [x.name for x in a.actors] == actors


@pytest.mark.parametrize("lang,text", [(lang, text) for lang, text, _, _ in NAMES])
def test_one_pass_takes_what_three_passes_took(lang, text):
    """misread_names splits the actor mentions as the three passes did, each over the mentions the
    pass before it left."""
    (sent,) = sentences(text, lang)
    prof = profile(lang)
    mentions = match(load(lang).trie, sent.tokens, sent.text)
    actor_ms = longest_non_overlapping([m for m in mentions if m.kind in ("actor", "agent")])
    toks = sent.tokens
    p = parse(toks, mentions, prof, frozenset())
    left = list(actor_ms)
    expected = []
    for test in (lambda m: country_as_given_name(toks, m, mentions, p), lambda m: names_a_currency(toks, m),
                 lambda m: names_a_facility(toks, m, prof)):
        found = [m for m in left if m.kind == "actor" and test(m)]
        left = [m for m in left if m not in found]
        expected.append(found)
    assert list(misread_names(toks, actor_ms, mentions, p, prof)) == expected
    # without a parse, no given name is read
    assert misread_names(toks, actor_ms, mentions, None, prof)[0] == []


def test_places_read_in_the_order_of_the_sentence():
    """A country after "في" and the country joined to it by و are places, read from the mentions in
    the order analyse keeps them."""
    a = _analysis("ar", "قصفت طائرات أمريكية مواقع في العراق وسوريا أمس.")
    assert [s for s in a.trace if "follows a locative word" in s] == [
        "'العراق' follows a locative word: a place, not an actor", "'وسوريا' follows a locative word: a place, not an actor"]


def _hit(rule_id: str, code: str, first: int, tag: str = "past"):
    from coder.lexicon.load import Trigger
    from coder.model import Mention
    from coder.rules.types import Hit
    entry = Trigger(rule_id, code, "verb", tag, False, ())
    m = Mention("trigger", first, first, 0, 4, "word", entry, rule_id)
    return Hit(m, entry, first, first, 0, 4, frozenset({first}))


def test_passes_without_their_marker_return_the_triggers():
    """One trigger, or no marker: nothing to drop, the triggers come back as they were."""
    from coder.rules.custody import published_not_freed, raids_of_arrests, stated_charges
    (sent,) = sentences("Police arrested 40 protesters, accusing them of blocking a highway in raids.", "en")
    toks = sent.tokens
    one = [_hit("en.verbs.arrest", "173", 1)]
    two = one + [_hit("en.verbs.accuse", "112", 5, "ing")]
    trace: list[str] = []
    assert stated_charges(one, toks, trace) == one
    assert raids_of_arrests(two, toks, set(), trace) == two
    assert published_not_freed(two, set(), trace) == two
    assert trace == []
    # with the act before it, the charge is part of the arrest
    assert stated_charges(two, toks, trace) == one and len(trace) == 1


@pytest.mark.parametrize("lang,text,dropped", [
    ("en", "Police arrested 40 protesters, accusing them of blocking a highway.", "the charge"),
    ("en", "Police detained 30 people in dawn raids.", "no attack of its own"),
])
def test_the_passes_still_drop(lang, text, dropped):
    a = _analysis(lang, text)
    assert any(dropped in s for s in a.trace)
    assert [e.code for e in a.events] == ["173"]


@pytest.mark.parametrize("rule_id,order_only", [("ar.verbs.curb_speech", True), ("curb_speech", True),
                                                ("ar.verbs.no_curb_speech", False), ("ar.verbs.attack", False)])
def test_an_order_only_entry_is_known_by_its_rule_ids_last_part(rule_id, order_only):
    """drop_unordered's suffix test reads an entry's name as rsplit('.', 1)[-1] did."""
    from coder.rules.custody import ORDER_ONLY, drop_unordered
    assert (rule_id.rsplit(".", 1)[-1] in ORDER_ONLY) is order_only
    trace: list[str] = []
    hits = [_hit(rule_id, "172", 2)]
    assert drop_unordered(hits, set(), trace) == ([] if order_only else hits)
    assert drop_unordered(hits, {2}, trace) == hits     # ordered: kept
    assert len(trace) == int(order_only)


def test_the_window_readings_found_by_three_words():
    """_with_roles finds the readings the syntax stage leaves to the window rules with three substring
    tests, as the five phrases found them: every string of the slot and role rules (where `how` comes
    from) answers the same, and so do the readings joined with more."""
    import re
    from pathlib import Path

    import coder.rules.roles as roles
    five = ("read as passive", "reduced passive", "passive", "agent phrase after the verb", "the subject of the condition")
    texts = set()
    for module in ("slots", "roles", "engine"):
        texts |= set(re.findall(r'"([^"\n]+)"', (Path(roles.__file__).parent / f"{module}.py").read_text("utf-8")))
    texts |= {"subject before the verb; the subject of the condition is the one threatened", "", "passive voice"}
    for how in texts:
        three = roles._PASSIVE in how or roles._AGENT_AFTER in how or roles._CONDITION in how
        assert three == any(w in how for w in five), how


@pytest.mark.parametrize("lang,text,step,events", [
    ("ar", "اغتال مسلحون ضابطا في الشرطة العراقية.", "'ضابطا' serves in 'الشرطة العراقية': IRQCOP",
     [("186", "UAF", "IRQCOP")]),
    ("en", "Gunmen killed a fighter from al-Qaeda.", "'fighter' serves in 'al-Qaeda': ALQINS", [("190", "UAF", "ALQINS")]),
    ("en", "Gunmen killed a fighter and a soldier.", None, [("190", "UAF", "REB")]),
])
def test_a_member_named_by_its_force(lang, text, step, events):
    """members_of_forces is asked only with an "in" or "from" in the sentence: with one, the member
    serves in the force; with neither, the actors stay as named."""
    a = _analysis(lang, text)
    assert [s for s in a.trace if "serves in" in s] == ([step] if step else [])
    assert sorted((e.code, e.source.code.code, e.target.code.code) for e in a.events) == sorted(events)


def test_protest_objects_without_a_protest_leaves_the_events():
    """With no protest among the events, protest_objects returns at once and changes no target."""
    from coder.rules.protest import protest_objects
    a = _analysis("en", "Gunmen killed a fighter and a soldier.")
    before = [(e.code, e.source, e.target) for e in a.events]
    trace: list[str] = []
    protest_objects(a.events, a.actors, trace, frozenset())
    assert [(e.code, e.source, e.target) for e in a.events] == before and trace == []


@pytest.mark.parametrize("lang,text,steps,events", [
    ("en", "A car bomb exploded in Baghdad, killing ten soldiers.",
     ["'car bomb': same event class as 'exploded', merged into it",
      "the event takes the code 1832 of 'car bomb' (more specific, or the main verb)",
      "'killing': same event class as 'car bomb', merged into it"], [("1832", "UAF", "MIL", 3)]),
    ("en", "Police arrested 20 protesters and the army attacked rebels.", [],
     [("173", "COP", "CVL", 1), ("173", "COP", "MIL", 1), ("145", "CVL", "REB", 7), ("190", "MIL", "REB", 7)]),
    ("ar", "ثمانية أشخاص قتلوا جراء ضربة جوية أمريكية.",
     ["'ضربة جوية': same event class as 'قتلوا', merged into it",
      "the event takes the code 195 of 'ضربة جوية' (more specific, or the main verb)"], [("195", "USAMIL", "CVL", 2)]),
    ("en", "The earthquake killed 20 people and Turkey sent aid to Syria.",
     ["'killed': 190 discarded by 'earthquake' (en.discards.weather_and_disasters)"] * 2,
     [("070", "CVL", "SYR", 7), ("070", "TUR", "SYR", 7)]),
])
def test_triggers_merged_ranked_and_discarded(lang, text, steps, events):
    """merge_same_root ranks the triggers with keys made in one pass and orders the events with a key
    in C, as its key functions did; discard_roots returns the events at once without a discard."""
    a = _analysis(lang, text)
    assert [s for s in a.trace if "merged" in s or "discarded" in s or "takes the code" in s] == steps
    assert [(e.code, e.source and e.source.code.code, e.target and e.target.code.code, e.trigger_first)
            for e in a.events] == events


def test_passes_over_events_without_their_words():
    """discard_roots without a discard and victims_over_places without a word of place leave the
    events as they are."""
    from coder.rules.consolidate import discard_roots
    from coder.rules.victims import victims_over_places
    a = _analysis("en", "Gunmen attacked soldiers near a checkpoint in Idlib.")
    trace: list[str] = []
    assert discard_roots(a.events, [], trace) is a.events
    before = [(e.code, e.source, e.target) for e in a.events]
    victims_over_places(a.events, a.actors, frozenset(), trace)
    assert [(e.code, e.source, e.target) for e in a.events] == before and trace == []
