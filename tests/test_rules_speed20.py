"""The twentieth speed round of the rules. The first words of every light verb's objects are gathered
once, when the lexicon is compiled (CompiledLexicon.object_firsts, kept in its cache), and are among
the words counts_marks_and_watched watches: the sentence's lookup forms among them, found in its one
pass over the tokens, are what _select_triggers tests each light verb's objects against, where it
built the set of every lookup form after the earliest light verb. The test lets through every light
verb the former one did (a few more, whose object words stand only before them: object_end finds none
for those), so the hits are the same. The readings of hand-written sentences must be those of the
code before the round (digests of what it produced for them)."""
from __future__ import annotations

import pytest

from coder.lexicon.load import Trigger, compile_lexicon, load
from coder.rules import counts
from coder.rules.counts import counts_marks_and_watched, watched_words
from coder.rules.objects import object_end

from test_rules_speed15 import digest_tests   # (the same digest of an analysis)
from test_rules_speed19 import select_trigger_calls
from test_rules_speed27 import each_entry   # (a word's light verbs as a mention each)

SENTENCES = {
    "ar": [
        'أطلقت الشرطة سراح عشرة متظاهرين بعد أن أطلقت النار في الهواء.',
        'شنت طائرات حربية غارات على مواقع المسلحين في ريف إدلب.',
        'الغارات التي شنها الجيش أمس قتلت ثلاثة مدنيين.',
        'فرضت الولايات المتحدة عقوبات جديدة على شركات روسية.',
        'العقوبات فرضتها الحكومة قبل شهر.',
        'نفذ الجيش حملة اعتقالات واسعة في المدينة، وأطلق سراح خمسة منهم.',
        'قدمت الحكومة مساعدات إنسانية للنازحين في الموصل.',
        'وصل الوفد إلى عمان.'],
    "en": [
        'Police opened fire on protesters and later released ten of them.',
        'Russian jets carried out airstrikes on rebel positions near Aleppo.',
        'The sanctions that Washington imposed last month hit Russian banks.',
        'The European Union imposed new sanctions on Iran on Monday.',
        'Fire broke out after the army launched an offensive on the town.',
        'The government provided humanitarian aid to the displaced families.',
        'The minister arrived in Cairo.'],
}

# sha-256 (first 16 hex digits) of each sentence's reading (_digest) as the rules gave it before the round
DIGESTS = {
    'أطلقت الشرطة سراح عشرة متظاهرين بعد أن أطلقت النار في الهواء.': '1cb8ffa6263c0740',
    'شنت طائرات حربية غارات على مواقع المسلحين في ريف إدلب.': '37187d7806b8a21b',
    'الغارات التي شنها الجيش أمس قتلت ثلاثة مدنيين.': '64cef119d5a93939',
    'فرضت الولايات المتحدة عقوبات جديدة على شركات روسية.': 'f44b1f2b709d672e',
    'العقوبات فرضتها الحكومة قبل شهر.': 'cca3fbd109f49604',
    'نفذ الجيش حملة اعتقالات واسعة في المدينة، وأطلق سراح خمسة منهم.': 'aeec2f8a57d2d57a',
    'قدمت الحكومة مساعدات إنسانية للنازحين في الموصل.': 'd4573c95f718b2bb',
    'وصل الوفد إلى عمان.': '6a953ae4ffe38ca2',
    'Police opened fire on protesters and later released ten of them.': '3a7336e90c4e7aa1',
    'Russian jets carried out airstrikes on rebel positions near Aleppo.': '0a1679948a7741bc',
    'The sanctions that Washington imposed last month hit Russian banks.': 'b08795fdee849a29',
    'The European Union imposed new sanctions on Iran on Monday.': '2732abb1f54b06a4',
    'Fire broke out after the army launched an offensive on the town.': '4e763350f5d6a957',
    'The government provided humanitarian aid to the displaced families.': '41a883b800ac9929',
    'The minister arrived in Cairo.': '8d9162e1726a15fd',
}

READINGS, IDS, test_every_sentence_is_read, test_the_sentences_read_as_before_the_round = \
    digest_tests(DIGESTS, SENTENCES)


def _light_verbs_of(node, out: set) -> set:
    """Every light verb entry (a Trigger with objects) of a compiled trie."""
    for key, value in node.items():
        if key == "":
            out.update(p for p in value if isinstance(p, Trigger) and p.objects)
        else:
            _light_verbs_of(value, out)
    return out


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_object_firsts_are_the_first_words_of_every_object(lang):
    compiled = compile_lexicon(lang)
    entries = _light_verbs_of(compiled.trie, set())
    assert len(entries) > 20
    firsts = {o[0] for e in entries for o in e.objects if o}
    assert compiled.object_firsts == firsts
    assert all(set(e.objects_by_first) <= firsts for e in entries)
    assert load(lang).object_firsts == firsts       # (as the cache keeps them)
    assert firsts <= watched_words(lang)


def _light_verbs():
    """(tokens, mention, forms counts_marks_and_watched gives) of each light verb of the sentences."""
    for lang, sent, analysis in READINGS:
        forms = counts_marks_and_watched(sent.tokens, lang)[2]
        for m in each_entry(analysis.mentions):
            if m.kind == "trigger" and m.entry.objects:
                yield sent.tokens, m, forms


def _former_forms(toks, mentions) -> set[str]:
    """The former set: every lookup form of the tokens after the earliest light verb."""
    light = [m.last + 1 for m in mentions if m.kind == "trigger" and m.entry.objects]
    return {f for t in toks[min(light):] for f in t.forms} if light else set()


def test_every_light_verb_the_former_test_let_through_still_goes_through():
    let_through_before = let_through_now = 0
    for lang, sent, analysis in READINGS:
        toks = sent.tokens
        mentions = each_entry(analysis.mentions)
        former = _former_forms(toks, mentions)
        now = counts_marks_and_watched(toks, lang)[2]
        for m in mentions:
            if m.kind == "trigger" and m.entry.objects:
                before = not former.isdisjoint(m.entry.objects_by_first)
                after = not now.isdisjoint(m.entry.objects_by_first)
                assert after or not before, m.text
                let_through_before += before
                let_through_now += after
    assert let_through_now >= let_through_before > 0


def test_a_light_verb_the_test_stops_has_no_object():
    """The test's premise: a light verb none of whose objects starts with one of the forms has none
    (object_end, over every token after it, finds none); some are stopped."""
    stopped = 0
    for toks, m, forms in _light_verbs():
        if forms.isdisjoint(m.entry.objects_by_first):
            stopped += 1
            assert object_end(toks, m.last + 1, m.entry, [True] * len(toks), frozenset(), frozenset(),
                              len(toks)) is None
    assert stopped


def test_an_object_only_before_its_verb_is_let_through_and_not_found():
    """"The sanctions that Washington imposed": the object's word stands before the verb only; the
    sentence's forms hold it, and object_end after the verb finds none (no hit with an object)."""
    met = 0
    for lang, sent, analysis in READINGS:
        if sent.text.startswith(("The sanctions that", "العقوبات فرضتها")):
            lights = [m for m in each_entry(analysis.mentions) if m.kind == "trigger" and m.entry.objects]
            assert lights
            forms = counts_marks_and_watched(sent.tokens, lang)[2]
            assert any(not forms.isdisjoint(m.entry.objects_by_first) for m in lights)
            assert not any(h.entry.objects for h in analysis.triggers)
            met += 1
    assert met == 2


def test_select_triggers_without_the_forms_reads_them_itself(monkeypatch):
    """Called without `forms` (as a caller other than analyse may), _select_triggers works them out:
    the same hits."""
    calls, select = select_trigger_calls(monkeypatch, READINGS)
    assert calls
    for mentions, args in calls:
        def hits(ms, a):
            return sorted((h.mention.text, h.first, h.last, h.end, h.entry.rule_id) for h in select(ms, *a))
        assert len(args) == 10
        assert hits(mentions, args) == hits(mentions, args[:-1])


@pytest.mark.parametrize("lang,sent,analysis", READINGS, ids=IDS)
def test_the_forms_kept_are_those_of_the_watched_words(lang, sent, analysis):
    """A watched word's forms are found once, when the word is first met (a word met again in a
    sentence read by the learning pass keeps them), and the fast pass reads them."""
    toks = sent.tokens
    words = watched_words(lang)
    expected = {f for t in toks for f in t.forms} & words
    counts._KINDS.clear()
    counts._WATCHED_FORMS.clear()
    assert counts_marks_and_watched(toks, lang)[2] == expected          # (all learnt)
    kept = counts._WATCHED_FORMS[lang]
    for t in toks:
        if not words.isdisjoint(t.forms):
            assert set(kept[t.text]) == words.intersection(t.forms)
    table = counts._KINDS[lang]
    for t in toks[1::2]:    # (some words unseen again: the learning pass reads the others' kept forms)
        table.pop(t.text, None)
    assert counts_marks_and_watched(toks, lang)[2] == expected
    assert counts_marks_and_watched(toks, lang)[2] == expected          # (the fast pass)


def test_the_forms_kept_go_with_the_kinds_at_the_bound(monkeypatch):
    """When the kinds' table is full it is cleared with the forms kept: the answers stay those of
    every form of the sentence."""
    monkeypatch.setattr(counts, "_BOUND", 5)
    for lang, sent, _ in READINGS:
        toks = sent.tokens
        expected = {f for t in toks for f in t.forms} & watched_words(lang)
        for _ in range(2):
            assert counts_marks_and_watched(toks, lang)[2] == expected
            assert len(counts._KINDS[lang]) <= max(5, len(toks))
    counts._KINDS.clear()
    counts._WATCHED_FORMS.clear()
