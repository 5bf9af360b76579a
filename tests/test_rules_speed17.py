"""The seventeenth speed round of the rules. Arabic, whose script has no capitals (the profile's
CASED_SCRIPT), screens its trigger mentions by the actor names alone, in one comprehension: the
capitalised-word test of the loop before answered no for every Arabic trigger, whose first word
has no cased letter. The Arabic profile's clitic askers (starts_with_preposition,
starts_with_coordinator, read_as_purpose, is_future_form) answer a word as written without a
call, and carries_subject reads agreement's kept answer; merge_same_root and _rivals read an
event's family without calling event_family; group_of, governor_of and resolve_genitives take a
chunk with no modifier as its own span without calling phrase_span; group_actors makes _joiner's
first test itself, and mood_of asks _near only of a kind of marker the sentence has: each must
answer as the code before (copies kept here, or the fact the shortcut rests on). The readings of hand-written sentences must be those of the code before the
round (digests of what it produced for them)."""
from __future__ import annotations

import dataclasses

import pytest

from coder.lang import PROFILES, ar, profile
from coder.lexicon.load import END, NO_EVENT, Trigger, load
from coder.model import Mention
from coder.pipeline import sentences
from coder.recognise.matcher import match
from coder.rules import actors, consolidate, mood, roles
from coder.rules.engine import analyse
from coder.rules.types import EventCandidate

from test_rules_speed15 import DAY, _digest, _roles, digest_tests, with_grammar   # (the same digest of an analysis)

SENTENCES = {
    "ar": [
        'أطلق مسلحون النار على دورية للشرطة في بغداد قبل يومين.',
        'شنت طائرات حربية تركية غارات على مواقع لحزب العمال الكردستاني في جبال قنديل.',
        'قتل عنصر من قوات سوريا الديمقراطية في هجوم لتنظيم داعش قرب الرقة.',
        'قبل الوزير دعوة نظيره الأردني لزيارة عمان، وقال إن المحادثات ستتناول الوضع في سوريا.',
        'تعرض موكب محافظ البصرة لهجوم بعبوة ناسفة، ولم تعلن أي جهة مسؤوليتها عن الهجوم.',
        'فتحت النيابة العامة تحقيقا في مقتل متظاهرين برصاص قوات الأمن في الناصرية.',
        'اعتقلت قوات الأمن العراقية خمسة من عناصر داعش في كركوك فجر اليوم.',
        'وقعت الحكومة السودانية وحركة العدل والمساواة اتفاقا لوقف إطلاق النار في جوبا.',
        'يتوقع أن تشن القوات التركية هجوما على مواقع المسلحين الأسبوع المقبل.',
        'سوف يلتقي الرئيس المصري نظيره التركي في أنقرة غدا، وقد يبحثان الوضع في ليبيا.',
        'اتهمت الحكومة والمعارضة وروسيا، الولايات المتحدة بقصف المدينة.',],
    "en": [
        'Fighters of the Free Syrian Army attacked a government checkpoint near Aleppo on Monday.',
        'The Save the Children charity said Israeli strikes killed five children in Gaza.',
        'Police fired tear gas at protesters in the capital before talks with the opposition.',
        "Turkey's Defence Ministry said its jets hit Kurdish militant targets in northern Iraq.",
        'Iran accepted an invitation to hold talks with Saudi Arabia in Baghdad.',
        "Rebels Strike Back, the group's newspaper, said fighters killed three soldiers.",
        'Police usually arrest protesters who block the road to the airport.',
        'The army will attack the rebels next week, the minister said.',
        'Russia, Iran and Turkey condemned the strike and called for talks.',],
}

# sha-256 (first 16 hex digits) of each sentence's reading (_digest) as the rules gave it before the round
DIGESTS = {
    'أطلق مسلحون النار على دورية للشرطة في بغداد قبل يومين.': '5bad9a5d3bd91ef3',
    'شنت طائرات حربية تركية غارات على مواقع لحزب العمال الكردستاني في جبال قنديل.': 'a2bc0d433fa2b591',
    'قتل عنصر من قوات سوريا الديمقراطية في هجوم لتنظيم داعش قرب الرقة.': '9cd0a123bb42ae5a',
    'قبل الوزير دعوة نظيره الأردني لزيارة عمان، وقال إن المحادثات ستتناول الوضع في سوريا.': '24e0c2b9d3ea1f94',
    'تعرض موكب محافظ البصرة لهجوم بعبوة ناسفة، ولم تعلن أي جهة مسؤوليتها عن الهجوم.': 'cc1e7f813ceca688',
    'فتحت النيابة العامة تحقيقا في مقتل متظاهرين برصاص قوات الأمن في الناصرية.': '557ca15519ab0022',
    'اعتقلت قوات الأمن العراقية خمسة من عناصر داعش في كركوك فجر اليوم.': 'c728ccc18bcb9491',
    'وقعت الحكومة السودانية وحركة العدل والمساواة اتفاقا لوقف إطلاق النار في جوبا.': '2b0baed66afe3a6e',
    'يتوقع أن تشن القوات التركية هجوما على مواقع المسلحين الأسبوع المقبل.': 'd1b9c8293c95a480',
    'سوف يلتقي الرئيس المصري نظيره التركي في أنقرة غدا، وقد يبحثان الوضع في ليبيا.': '8f21600453335343',
    'اتهمت الحكومة والمعارضة وروسيا، الولايات المتحدة بقصف المدينة.': '6f40e2179119ae4c',
    'Fighters of the Free Syrian Army attacked a government checkpoint near Aleppo on Monday.': 'fc11bcb9f831aaba',
    'The Save the Children charity said Israeli strikes killed five children in Gaza.': 'aef7c2af5e9c42fa',
    'Police fired tear gas at protesters in the capital before talks with the opposition.': 'b72039e53e6c5a64',
    "Turkey's Defence Ministry said its jets hit Kurdish militant targets in northern Iraq.": '09827c1fad8b50c0',
    'Iran accepted an invitation to hold talks with Saudi Arabia in Baghdad.': 'd86a445599c9996a',
    "Rebels Strike Back, the group's newspaper, said fighters killed three soldiers.": '94019220b0096482',
    'Police usually arrest protesters who block the road to the airport.': '6b62e33dc57a77f1',
    'The army will attack the rebels next week, the minister said.': '80b57c3a37eaaf71',
    'Russia, Iran and Turkey condemned the strike and called for talks.': '93344d193a02f2c5',
}

READINGS, IDS, test_every_sentence_is_read, test_the_sentences_read_as_before_the_round = \
    digest_tests(DIGESTS, SENTENCES)


def test_the_sentences_meet_both_sides_of_the_screening():
    """Capitalised words in a proper name (English) and Arabic triggers of every kind are among them."""
    trace = "\n".join(str(x) for _, _, a in READINGS for x in a.trace)
    assert "a capitalised word inside a proper name, not a trigger" in trace
    assert any(lang == "ar" and a.triggers for lang, _, a in READINGS)


@pytest.mark.parametrize("lang", sorted(PROFILES))
def test_every_profile_says_whether_its_script_is_cased(lang):
    assert isinstance(PROFILES[lang].CASED_SCRIPT, bool)


def _trigger_first_keys(trie: dict) -> set[str]:
    """The first keys of the phrases whose payloads hold a trigger."""
    keys = set()
    for first, node in trie.items():
        stack = [node]
        while stack:
            n = stack.pop()
            for k, v in n.items():
                if k == END:
                    if any(isinstance(p, Trigger) for p in (v if isinstance(v, list) else v())):   # (a Deferred: built)
                        keys.add(first)
                        stack.clear()
                        break
                else:
                    stack.append(v)
    return keys


@pytest.mark.parametrize("lang", sorted(lang for lang, p in PROFILES.items() if not p.CASED_SCRIPT))
def test_no_trigger_of_an_uncased_script_has_a_cased_letter(lang):
    """What the screening rests on: a token starting with a capital carries no trigger of the language
    (its lookup forms keep that letter, the clitics read off a word's start being the script's own)."""
    trie = load(lang).trie
    whole = trie.whole() if hasattr(trie, "whole") else trie
    keys = _trigger_first_keys(whole)
    assert keys
    assert not [k for k in keys if any(c.isupper() or c.islower() for c in k)]


def _kill_entry(lang: str) -> Trigger:
    (sent,) = sentences("قتل مسلحون جنديا." if lang == "ar" else "Gunmen killed a soldier.", lang)
    return next(m.entry for m in match(load(lang).trie, sent.tokens, sent.text)
                if m.kind == "trigger" and not m.entry.objects and m.entry.code != NO_EVENT)


def test_a_trigger_inside_a_longer_arabic_name_is_part_of_the_name():
    """The comprehension keeps the actor names' test: a trigger reading of a word inside a longer name
    is dropped, the same reading of a word outside it kept."""
    (sent,) = sentences("قتل عنصر من قوات سوريا الديمقراطية في ريف الرقة.", "ar")
    mentions = match(load("ar").trie, sent.tokens, sent.text)
    name = next(m for m in mentions if m.kind in ("actor", "agent") and m.last - m.first >= 2)
    entry = _kill_entry("ar")

    def trigger_at(i: int) -> Mention:
        t = sent.tokens[i]
        return Mention("trigger", i, i, t.start, t.end, t.text, entry, entry.rule_id)
    inside, outside = trigger_at(name.last), trigger_at(len(sent.tokens) - 2)
    a = analyse(sent, [*mentions, inside, outside], profile("ar"), DAY, None)
    firsts = {h.first for h in a.triggers}
    assert inside.first not in firsts and outside.first in firsts
    # (a profile without the flag reads as a cased one: the loop, same answer)
    bare = dataclasses.make_dataclass("Bare", [])()
    for k in dir(profile("ar")):
        if not k.startswith("__") and k != "CASED_SCRIPT":
            setattr(bare, k, getattr(profile("ar"), k))
    b = analyse(sent, [*mentions, inside, outside], bare, DAY, None)
    assert _digest(b) == _digest(a)


# ---- the Arabic clitic askers and carries_subject, against copies of the code before the round

def _former_read_through(token, form: int, clitics: str, after_conjunction: bool = False) -> bool:
    if not form:
        return False
    n = ar._without_conjunction(token.norm) if after_conjunction else token.norm
    return len(n) >= 4 and n[0] in clitics and \
        (not token.forms[form].startswith(n[0]) or token.forms[form] == n[1:])


_FORMER = {
    ar.starts_with_preposition: lambda t, f: _former_read_through(t, f, "بك"),
    ar.starts_with_coordinator: lambda t, f: _former_read_through(t, f, "".join(ar.CLITIC_COORDINATORS)),
    ar.read_as_purpose: lambda t, f: _former_read_through(t, f, "ل", after_conjunction=True),
    ar.is_future_form: lambda t, f: _former_read_through(t, f, "س", after_conjunction=True),
}
_CLITIC_WORDS = "وبالمرتزقة كالجيش وتركيا فاعتقل للمطالبة لمنع وللاحتجاج سيستقبل وسيقدم ووفد بغداد ببغداد سيارة قتلوا " \
    "يقاتلون يتفقان قررتا قتل قصفت يتعاون والقوات وسيواصلون قتلته شنتها"


def _arabic_tokens():
    toks = [t for text in [*SENTENCES["ar"], _CLITIC_WORDS] for s in sentences(text, "ar") for t in s.tokens]
    assert any(len(t.forms) > 1 for t in toks)
    return toks


@pytest.mark.parametrize("asker", list(_FORMER), ids=lambda f: f.__name__)
def test_the_clitic_askers_answer_as_before(asker):
    former = _FORMER[asker]
    for t in _arabic_tokens():
        for form in range(len(t.forms)):
            assert asker(t, form) is former(t, form), (t.text, form)


def test_the_clitic_askers_meet_both_answers():
    answers = {(asker, asker(t, f)) for asker in _FORMER for t in _arabic_tokens() for f in range(len(t.forms))}
    assert all((asker, True) in answers and (asker, False) in answers for asker in _FORMER)


def test_carries_subject_reads_the_kept_agreement():
    """Asked of a word not asked before (agreement works it out and keeps it) and again (read from
    what is kept): the answer of the code before, agreement(token)[1] plural or dual."""
    seen = set()
    for t in _arabic_tokens():
        want = ar.agreement.__wrapped__(t)[1] in ("plural", "dual")
        if t.text not in seen:   # (forgotten by the question's dict and by the word's memo)
            ar.agreement.answers.pop(t.text, None)
            t.memo.asked = None
            assert ar.carries_subject(t) is want and t.text in ar.agreement.answers
            assert t.memo.asked[ar.agreement.at] == ar.agreement.answers[t.text]
            seen.add(t.text)
        assert ar.carries_subject(t) is want
    assert any(ar.carries_subject(t) for t in _arabic_tokens())
    assert not all(ar.carries_subject(t) for t in _arabic_tokens())


# ---- the event families read in place of event_family

def _former_rivals(kept, family: str):
    return [k for k in kept if consolidate.event_family(k[0].code) == family]


def _event(code: str, first: int) -> EventCandidate:
    e = EventCandidate.__new__(EventCandidate)
    e.code, e.trigger_first = code, first
    return e


@pytest.mark.parametrize("code", ["190", "1833", "200", "183", "010", "0871", "173", "042"])
def test_the_rivals_are_those_of_the_family(code):
    kept = [[_event(c, i)] for i, c in enumerate(["190", "1833", "010", "173", "200", "0871", "042", "183"])]
    family = consolidate.event_family(code)
    assert consolidate._rivals(kept, family) == _former_rivals(kept, family)
    assert consolidate._rivals(kept, family)


def test_the_sentences_merge_events_of_one_family():
    """Merges of the violent family (two roots) are among the hand-written readings (the digests check them)."""
    trace = "\n".join(str(x) for _, _, a in READINGS for x in a.trace)
    assert "same event class as" in trace and "more specific, or the main verb" in trace


# ---- a chunk with no modifier is its own span

def test_a_chunk_with_no_modifier_spans_itself():
    """What group_of, governor_of and resolve_genitives rest on: phrase_span of a chunk with no
    modifier is the chunk (it reaches further only through an "of" modifier)."""
    bare = with_modifiers = 0
    for _, _, a in READINGS:
        p = a.parse
        if p is None:
            continue
        for k, c in enumerate(p.chunks):
            if not c.modifiers:
                bare += 1
                assert roles.phrase_span(p, k) == (c.start, c.end)
            elif roles.phrase_span(p, k) != (c.start, c.end):
                with_modifiers += 1
    assert bare and with_modifiers


def _former_governor_of(p, i: int):
    for cl in p.clauses:
        for pr in cl.predicates:
            for role, k in pr.arguments.items():
                if role in roles._GOVERNED:
                    c = p.chunks[k]
                    if c.start <= i and (i <= c.end or i <= roles.phrase_span(p, k)[1]):
                        return pr
    return None


def test_governor_of_answers_as_before():
    asked = 0
    for _, sent, a in READINGS:
        if a.parse is not None:
            for i in range(len(sent.tokens)):
                assert roles.governor_of(a.parse, i) is _former_governor_of(a.parse, i)
                asked += roles.governor_of(a.parse, i) is not None
    assert asked


# ---- group_actors' first test of a gap, and mood_of's markers

def test_a_gap_opening_with_another_word_joins_nothing():
    """What group_actors' test rests on: _joiner answers None for a gap whose first word is neither a
    coordinator nor a comma."""
    broken = joined = 0
    for lang, sent, a in READINGS:
        coord = _roles(with_grammar(lang, sent)).get("coordinator", set())
        n = len(sent.tokens)
        for start in range(n):
            for stop in range(start + 1, min(n, start + 4) + 1):
                j = actors._joiner(start, stop, coord, sent.tokens, lambda i: False)
                if start not in coord and sent.tokens[start].norm not in (",", "،"):
                    assert j is None
                    broken += 1
                else:
                    joined += j is not None
    assert broken and joined


def test_the_sentences_group_actors_by_commas_and_coordinators():
    assert any(len(g.members) > 2 for _, _, a in READINGS for g in a.groups)


def test_near_finds_nothing_among_no_markers():
    """What mood_of's tests rest on: _near answers None for no marker set, or an empty one."""
    toks = READINGS[0][1].tokens
    for marks in (set(), frozenset()):
        for i in range(len(toks)):
            assert mood._near(i, marks, -5, 5, toks) is None


def test_the_sentences_reach_the_mood_markers():
    """Sentences with mood markers (each kind mood_of reads now read once) are among those digested."""
    kinds = set()
    for lang, sent, _ in READINGS:
        kinds |= _roles(with_grammar(lang, sent)).keys() & mood._MOOD_ROLES
    assert {"future_marker", "forecast_marker", "habitual_marker"} <= kinds, kinds
