"""The twenty-seventh speed round of the rules and the matcher: a word's light verbs (took, held, شن,
أطلق: dozens of light-verb entries each) of one kind (part of speech, an event reading or none) are
one trigger mention, whose entry holds them (coder.lexicon.light_verbs.LightVerbs), not a mention
each. The readers of the mentions read that entry as one: the syntax stage's reading pass (its part
of speech), the rules' first tests (a trace line for each entry), _select_triggers (each entry's
object in turn). `coder explain` asks the matcher for a mention of every entry, as before. Checked
against the mentions an entry each (the matcher's `with_grammar` list, the former one), the rules
and the parse read from those, and digests of what the code before the round (d75af5c) made of
sentences written for these tests (their readings and their `coder explain` output)."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import replace

import pytest

from coder.explain import explain
from coder.lexicon.grammar import Mentions
from coder.lexicon.light_verbs import LightVerbs
from coder.lexicon.load import END, NO_EVENT, Trigger, load
from coder.model import Mention
from coder.pipeline import sentences
from coder.recognise import matcher
from coder.rules.engine import analyse
from coder.lang import profile
from coder.syntax import describe, parse

from test_rules_speed15 import _digest, digest_tests   # (the digest of an analysis, and the two tests over them)

SENTENCES = {
    "ar": [
        "شنت الطائرات الحربية غارات على مواقع المسلحين شرق المدينة.",
        "اتخذت الحكومة إجراءات جديدة بعد أن عقد الوزير اجتماعا مع السفير.",
        "أطلق المسلحون صواريخ على القاعدة العسكرية فجر اليوم.",
        "استهدفت الطائرات قافلة للمتمردين، وأسقطت قوات الدفاع طائرة مسيرة.",
        "نفذت قوات الأمن حملة اعتقالات واسعة في الأحياء الشمالية.",
        "يطلق الناس على الحي اسم القلعة منذ سنوات."],
    "en": [
        "Rebels launched an attack on the airport and took control of the road.",
        "The two leaders held talks in Geneva and made a joint statement on Tuesday.",
        "Said Karimi, a police spokesman, said officers fired tear gas at the students.",
        "Protesters attacked the police station, and the singer captured the attention of the crowd.",
        "The government took no action after the army carried out raids in the north.",
        "Troops gave medical aid to the villagers who had fled the fighting."],
}

DAY = dt.date(2021, 6, 1)

# sha-256 (first 16 hex digits) of each sentence's reading (test_rules_speed15._digest) before the round
DIGESTS = {
    'شنت الطائرات الحربية غارات على مواقع المسلحين شرق المدينة.': 'bf8c7af276f4131a',
    'اتخذت الحكومة إجراءات جديدة بعد أن عقد الوزير اجتماعا مع السفير.': 'f949cd72e7b056c6',
    'أطلق المسلحون صواريخ على القاعدة العسكرية فجر اليوم.': 'b630e582e35d4f63',
    'استهدفت الطائرات قافلة للمتمردين، وأسقطت قوات الدفاع طائرة مسيرة.': '19c1215c935c8a1e',
    'نفذت قوات الأمن حملة اعتقالات واسعة في الأحياء الشمالية.': '51b38a873b07d05f',
    'يطلق الناس على الحي اسم القلعة منذ سنوات.': '909d05da6c2d3789',
    'Rebels launched an attack on the airport and took control of the road.': '96636dc54a0f97e8',
    'The two leaders held talks in Geneva and made a joint statement on Tuesday.': '355b4d35a5b49fc1',
    'Said Karimi, a police spokesman, said officers fired tear gas at the students.': '254298873c688f11',
    'Protesters attacked the police station, and the singer captured the attention of the crowd.': '5ddcb3bf920112df',
    'The government took no action after the army carried out raids in the north.': '85084199585fe8a7',
    'Troops gave medical aid to the villagers who had fled the fighting.': '8a715294013475f4',
}

# sha-256 (first 16 hex digits) of `coder explain`'s output for each text before the round (published 2021-06-01)
EXPLAINED = {
    'شنت الطائرات الحربية غارات على': 'beba99f54da4db66',
    'اتخذت الحكومة إجراءات جديدة بع': '3f9e2a189c07e2ed',
    'أطلق المسلحون صواريخ على القاع': '96c7d3b6e7496d73',
    'استهدفت الطائرات قافلة للمتمرد': '7248e17da75ceb86',
    'نفذت قوات الأمن حملة اعتقالات ': '220f1e5080717f07',
    'يطلق الناس على الحي اسم القلعة': '3c1a45a34916ce0d',
    'Rebels launched an attack on t': 'c823d24c5cb57f54',
    'The two leaders held talks in ': 'f439628b4ed69e44',
    'Said Karimi, a police spokesma': 'a24baa98affdec3b',
    'Protesters attacked the police': '3167f1ba545c367f',
    'The government took no action ': '5cba70c44179e966',
    'Troops gave medical aid to the': 'b7769a5a260a0eee',
}

READINGS, IDS, test_every_sentence_is_read, test_the_sentences_read_as_before_the_round = \
    digest_tests(DIGESTS, SENTENCES)


def each_entry(mentions: list) -> list:
    """The mentions with a word's light verbs as a mention each, as the matcher made them before the
    round (the grammar index kept, where the list has one)."""
    out = Mentions() if type(mentions) is Mentions else []
    for m in mentions:
        if type(m.entry) is LightVerbs:
            for e in m.entry.entries:
                out.append(Mention(m.kind, m.first, m.last, m.start, m.end, m.text, e, e.rule_id, m.first_form))
        else:
            out.append(m)
    if type(out) is Mentions:
        out.grammar_roles, out.grammar_markers = mentions.grammar_roles, mentions.grammar_markers
    return out


def _sentences() -> list:
    return [(lang, s) for lang, texts in SENTENCES.items() for text in texts for s in sentences(text, lang)]


def _fields(m: Mention) -> tuple:
    return (m.kind, m.first, m.last, m.start, m.end, m.text, id(m.entry), m.rule_id, m.first_form)


def _kind_of(m: Mention):
    """A light verb's kind (part of speech, no event or not), None for any other mention."""
    if m.kind != "trigger" or not m.entry.objects:
        return None
    return m.entry.pos, m.entry.code == NO_EVENT


# ---------------------------------------------------------------- the matcher

@pytest.mark.parametrize("lang,sent", _sentences(), ids=lambda x: x if isinstance(x, str) else x.text[:24])
def test_the_matcher_makes_one_mention_for_a_word_s_light_verbs_of_one_kind(lang, sent, monkeypatch):
    """Its entries one by one are the mentions the matcher made an entry each: the other mentions in
    their order, each kind's light verbs in theirs; a group holds two entries or more, all light verbs
    of its kind, and no other mention of that kind starts at its word. Cold and warm."""
    trie = load(lang).trie
    monkeypatch.setattr(matcher, "_STARTS", {})
    for _ in range(2):
        got = matcher.match(trie, sent.tokens, sent.text)
        former = [m for m in matcher.match(trie, sent.tokens, sent.text, True) if m.kind != "grammar"]
        entries = each_entry(got)
        assert sorted(map(_fields, entries)) == sorted(map(_fields, former))
        for kind in {_kind_of(m) for m in former}:
            assert [_fields(m) for m in entries if _kind_of(m) == kind] == \
                [_fields(m) for m in former if _kind_of(m) == kind]
        groups = [m for m in got if type(m.entry) is LightVerbs]
        for g in groups:
            assert g.kind == "trigger" and g.rule_id == "" and len(g.entry.entries) >= 2
            assert all(e.objects for e in g.entry.entries)
            assert {(e.pos, e.code == NO_EVENT) for e in g.entry.entries} == {_kind_of(g)}
            assert [m for m in got if (m.first, m.last, m.first_form) == (g.first, g.last, g.first_form)
                    and _kind_of(m) == _kind_of(g)] == [g]
        assert len(got) == len(former) - sum(len(g.entry.entries) - 1 for g in groups)


def test_the_sentences_hold_groups_of_both_kinds_in_both_languages():
    """Light verbs as one in each language, of an event and of no event (senses.yaml) at one word."""
    by_lang = {}
    for lang, sent in _sentences():
        for m in matcher.match(load(lang).trie, sent.tokens, sent.text):
            if type(m.entry) is LightVerbs:
                by_lang.setdefault(lang, {}).setdefault((m.first, m.text), set()).add(m.entry.code == NO_EVENT)
    for lang in SENTENCES:
        assert {True, False} in by_lang[lang].values()


def _trigger(rule_id: str, pos: str = "verb", code: str = "190", objects=(("attack",),)) -> Trigger:
    return Trigger(rule_id, code, pos, "past", False, objects, objects_by_first={o[0]: [o] for o in objects})


def test_a_node_s_light_verbs_as_one_on_hand_made_entries():
    """The phrases of a node (matcher._ends) with its light verbs as one: one LightVerbs where they are
    of one kind; one for each kind else (an entry alone in its kind as itself), put where the first
    light verb stood; the other phrases in their order; without, or with one light verb, as before."""
    a1, a2, a3 = _trigger("a1"), _trigger("a2", code="0233"), _trigger("a3", code="046")
    none1, none2 = _trigger("n1", code=NO_EVENT), _trigger("n2", code=NO_EVENT)
    noun = _trigger("noun", pos="noun")
    plain, other = _trigger("plain", objects=()), _trigger("other", objects=())

    def ends(*entries, as_one=True):
        return matcher._ends({END: list(entries)}, as_one)

    def phrase(e):
        return ("trigger", e, e.rule_id)
    assert ends(plain, a1, other) == ends(plain, a1, other, as_one=False) == (phrase(plain), phrase(a1), phrase(other))
    got = ends(plain, a1, other, a2, a3)
    assert [(type(e), r) for _, e, r in got] == [(Trigger, "plain"), (LightVerbs, ""), (Trigger, "other")]
    group = got[1][1]
    assert group.entries == (a1, a2, a3)
    assert (group.pos, group.code, group.speech, group.objects) == ("verb", "190", False, a1.objects)
    got = ends(plain, none1, a1, noun, other, a2, none2)
    assert [type(e) for _, e, _ in got] == [Trigger, LightVerbs, LightVerbs, Trigger, Trigger]
    assert got[0] == phrase(plain) and got[3] == phrase(noun) and got[4] == phrase(other)
    assert got[1][1].entries == (none1, none2) and got[1][1].code == NO_EVENT
    assert got[2][1].entries == (a1, a2) and got[2][1].code == "190"
    assert ends(plain, none1, a1) == (phrase(plain), phrase(none1), phrase(a1))
    assert LightVerbs((a1, replace(a2, speech=True))).speech


# ---------------------------------------------------------------- the readers

@pytest.mark.parametrize("lang,sent", _sentences(), ids=lambda x: x if isinstance(x, str) else x.text[:24])
def test_the_rules_and_the_parse_read_a_group_as_its_entries(lang, sent):
    """analyse and parse over the mentions with light verbs as one read what they read over the
    mentions an entry each: the same digest, the same trace, the same parse."""
    prof = profile(lang)
    grouped = matcher.match(load(lang).trie, sent.tokens, sent.text)
    entries = each_entry(grouped)
    parsed, parsed_by_entry = parse(sent.tokens, grouped, prof), parse(sent.tokens, entries, prof)
    assert describe(parsed, sent.tokens) == describe(parsed_by_entry, sent.tokens)
    assert parsed.tags == parsed_by_entry.tags
    a, b = analyse(sent, grouped, prof, DAY, parsed), analyse(sent, entries, prof, DAY, parsed_by_entry)
    assert _digest(a) == _digest(b)
    assert a.trace == b.trace


def test_a_trace_line_for_each_entry_of_a_group_the_first_tests_drop():
    """A capitalised light verb inside a proper name ("Said Karimi") and a verb spelling in a time
    phrase ("فجر اليوم"): dropped as one mention, told in the trace once for each of its entries."""
    told = {}
    for lang, sent, a in READINGS:
        for m in a.mentions:
            if type(m.entry) is LightVerbs:
                for line in (f"{m.text!r}: a capitalised word inside a proper name, not a trigger",
                             f"{m.text!r}: part of a time phrase, not a verb"):
                    if line in a.trace:
                        told[m.text] = (a.trace.count(line), sum(
                            len(g.entry.entries) if type(g.entry) is LightVerbs else 1
                            for g in a.mentions if g.kind == "trigger" and g.text == m.text and g.first == m.first))
    assert set(told) == {"Said", "فجر"}
    assert all(lines == entries > 1 for lines, entries in told.values())


@pytest.mark.parametrize("lang,text", [(lang, t) for lang, texts in SENTENCES.items() for t in texts],
                         ids=lambda x: x[:24])
def test_explain_prints_as_before_the_round(lang, text):
    """`coder explain`: a match line for each light-verb entry, in the order the former matcher gave."""
    out = explain(text, lang, DAY)
    assert "match trigger" in out
    assert hashlib.sha256(out.encode()).hexdigest()[:16] == EXPLAINED[text[:30]]
