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
