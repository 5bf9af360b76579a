"""The fifteenth speed round of the rules: the first tests of a few passes made before their calls
(not_real, verbal_noun_object, _determined_head, mood_of in apply_mood, drop_unreal_nouns and
drop_generic_lists in settle_mood_and_frames), code_on's first test made in build_actors, and the
sentence's analysis built on a bare instance. Each skipped call must have answered what the test
made before it stands for, and the readings of hand-written sentences must be those of the code
before the round (digests of what it produced for them)."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import fields

import pytest

from coder.lang import profile
from coder.pipeline import analyse_sentence, sentences
from coder.rules import actors, engine, mood, reality, roles
from coder.rules.types import NO_TOKENS, SentenceAnalysis

SENTENCES = {
    "ar": [
        "لم يهاجم الجيش السوري مدينة حلب أمس.",
        "إذا هاجمت القوات التركية المدينة فإن المقاتلين الأكراد سيردون بقوة.",
        "أعلنت الحكومة العراقية فرض عقوبات على الشركات الإيرانية.",
        "يتوقع أن تشن إسرائيل غارات على غزة الأسبوع المقبل.",
        "اختطف مسلحون ثلاثة صحافيين وقتلوا شرطيا في بغداد.",
        "حذر الرئيس الأمريكي من هجوم محتمل على السفارة في كابول.",
        "تظاهر المئات أمام السفارة الفرنسية في الرباط؛ واعتقلت الشرطة عشرة منهم.",
        "قصفت طائرات روسية مواقع للمعارضة في إدلب وقتلت خمسة مدنيين.",
        "التقى الرئيس المصري عبد الفتاح السيسي وزير الخارجية الأمريكي في القاهرة.",
        "لقي جنديان حتفهما في انفجار عبوة ناسفة على يد مسلحين مجهولين.",
        "سيلتقي وزير الخارجية السعودي نظيره الإيراني في بغداد.",
        "ستفرض الحكومة حظرا للتجول وتعتقل المخالفين."],
    "en": [
        "Police did not arrest the protesters in Lagos on Friday.",
        "The army may attack the rebels if the talks fail.",
        "In the latest attack, gunmen killed four soldiers near Mosul.",
        "President Trump met Chinese President Xi Jinping in Beijing and signed a trade deal.",
        "Israeli jets struck Hamas targets in Gaza; Hamas fired rockets at Tel Aviv.",
        "Kidnappings and killings of journalists are common in the region.",
        "The government is expected to release the prisoners next week.",
        "Turkey and Russia agreed to resume talks, the ministry said.",
        "The goalkeeper was attacked by fans after the match in Madrid.",
        "Angela Merkel criticised Russia in Berlin on Monday.",
        "The weather was calm in Paris."],
}

# sha-256 (first 16 hex digits) of each sentence's reading (_digest) as the rules gave it before the round
DIGESTS = {
    "لم يهاجم الجيش السوري مدينة حلب أمس.": "61f6b280223f4b18",
    "إذا هاجمت القوات التركية المدينة فإن المقاتلين الأكراد سيردون بقوة.": "7e11dd323ba0a69d",
    "أعلنت الحكومة العراقية فرض عقوبات على الشركات الإيرانية.": "87194ec662809fe6",
    "يتوقع أن تشن إسرائيل غارات على غزة الأسبوع المقبل.": "a16da827121c8300",
    "اختطف مسلحون ثلاثة صحافيين وقتلوا شرطيا في بغداد.": "a363cb6b03b66d50",
    "حذر الرئيس الأمريكي من هجوم محتمل على السفارة في كابول.": "e75f509393a04673",
    "تظاهر المئات أمام السفارة الفرنسية في الرباط؛": "a583f0bfda03b98e",
    "واعتقلت الشرطة عشرة منهم.": "aeedc41c6d3519e4",
    "قصفت طائرات روسية مواقع للمعارضة في إدلب وقتلت خمسة مدنيين.": "c422cc7e3c6c8b6d",
    "التقى الرئيس المصري عبد الفتاح السيسي وزير الخارجية الأمريكي في القاهرة.": "e13f4abf8fdcd69e",
    "لقي جنديان حتفهما في انفجار عبوة ناسفة على يد مسلحين مجهولين.": "804df0e705f3d14c",
    "سيلتقي وزير الخارجية السعودي نظيره الإيراني في بغداد.": "d1ac29ff7be24110",
    "ستفرض الحكومة حظرا للتجول وتعتقل المخالفين.": "bb0198267bca08db",
    "Police did not arrest the protesters in Lagos on Friday.": "fff052aaa249b1a2",
    "The army may attack the rebels if the talks fail.": "d14d6212ee53033c",
    "In the latest attack, gunmen killed four soldiers near Mosul.": "351a2baf5fd759f7",
    "President Trump met Chinese President Xi Jinping in Beijing and signed a trade deal.": "30a429b1b927594f",
    "Israeli jets struck Hamas targets in Gaza; Hamas fired rockets at Tel Aviv.": "ab9005607033ee9e",
    "Kidnappings and killings of journalists are common in the region.": "1124f53f32ff0144",
    "The government is expected to release the prisoners next week.": "86d205ffa26dcefa",
    "Turkey and Russia agreed to resume talks, the ministry said.": "22af41f8fd2db07d",
    "The goalkeeper was attacked by fans after the match in Madrid.": "6e7a88948c5701b4",
    "Angela Merkel criticised Russia in Berlin on Monday.": "1c6469fca4e52c93",
    "The weather was calm in Paris.": "0bdfd32bbd197fb6"
}

DAY = dt.date(2021, 6, 1)


def _digest(a: SentenceAnalysis) -> str:
    rows = [repr([(e.code, e.rule_id, e.trigger_tag, e.evidence, e.trigger_first, e.source and (e.source.name, e.source.code.code),
                   e.target and (e.target.name, e.target.code.code), e.confidence, e.nominal, e.is_background,
                   e.target_from_location, e.location_role, e.merged_spans) for e in a.events]),
            repr([(x.name, x.code.code, x.rule_ids, x.first, x.last) for x in a.actors]),
            repr([[m.name for m in g.members] for g in a.groups]),
            repr([(h.mention.text, h.entry.rule_id, h.first, h.last, sorted(h.tokens)) for h in a.triggers]),
            repr(a.trace), repr(a.parse is None)]
    return hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16]


def _readings(by_language: dict[str, list[str]]):
    out = []
    for lang, texts in by_language.items():
        for text in texts:
            for s in sentences(text, lang):
                out.append((lang, s, analyse_sentence(s, lang, DAY).analysis))
    return out


def readings_and_ids(by_language: dict[str, list[str]]) -> tuple[list, list[str]]:
    """The sentences read, and a test id for each (its first words): what the digest tests run over."""
    readings = _readings(by_language)
    return readings, [s.text[:24] for _, s, _ in readings]


def all_read(digests: dict[str, str], readings: list) -> bool:
    """Every sentence with a digest was read, and no other."""
    return sorted(digests) == sorted(s.text for _, s, _ in readings)


def digest_tests(digests: dict[str, str], by_language: dict[str, list[str]]) -> tuple:
    """What every rules round's digest file runs: (the sentences read, their test ids, the test that
    every sentence with a digest was read and no other, the test that each reads as before its round).
    A module assigns the two tests to names of its own, which is where pytest finds them."""
    readings, ids = readings_and_ids(by_language)

    def test_every_sentence_is_read():
        assert all_read(digests, readings)

    @pytest.mark.parametrize("lang,sent,analysis", readings, ids=ids)
    def test_the_sentences_read_as_before_the_round(lang, sent, analysis):
        assert _digest(analysis) == digests[sent.text]
    return readings, ids, test_every_sentence_is_read, test_the_sentences_read_as_before_the_round


READINGS, IDS, test_every_sentence_is_read, test_the_sentences_read_as_before_the_round = \
    digest_tests(DIGESTS, SENTENCES)


def with_grammar(lang: str, sent) -> list:
    """The sentence's mentions as the matcher made them before the twenty-sixth round, its grammar
    words as mentions among the others (what _roles and the former readers read)."""
    from coder.lexicon.load import load
    from coder.recognise.matcher import match
    return match(load(lang).trie, sent.tokens, sent.text, True)


def _roles(mentions) -> dict[str, set[int]]:
    """The grammar roles' tokens, as analyse gathers them."""
    out: dict[str, set[int]] = {}
    for m in mentions:
        if m.kind == "grammar":
            out.setdefault(m.entry.role, set()).update(range(m.first, m.last + 1))
    return out


@pytest.mark.parametrize("lang,sent,analysis", READINGS, ids=IDS)
def test_the_bare_analysis_has_every_field(lang, sent, analysis):
    """Set field by field, the analysis holds every field of the dataclass, whatever return it took."""
    assert set(vars(analysis)) == {f.name for f in fields(SentenceAnalysis)}
    assert isinstance(analysis.events, list) and isinstance(analysis.steps, list)


def test_a_discarded_sentence_has_empty_lists_of_its_own():
    discarded = [a for _, _, a in READINGS if a.steps and str(a.steps[0]).startswith("discarded")]
    assert discarded    # (the goalkeeper)
    for a in discarded:
        assert (a.triggers, a.actors, a.groups, a.events, a.parse) == ([], [], [], [], None)
    lists = [id(x) for a in discarded for x in (a.triggers, a.actors, a.groups, a.events, a.steps)]
    assert len(set(lists)) == len(lists)    # (no list shared between analyses or fields)
    events = [id(a.events) for _, _, a in READINGS]
    assert len(set(events)) == len(events)


@pytest.mark.parametrize("lang,sent,analysis", READINGS, ids=IDS)
def test_the_skipped_calls_answer_what_the_tests_before_them_stand_for(lang, sent, analysis):
    toks, prof, parse = sent.tokens, profile(lang), analysis.parse
    rs = _roles(with_grammar(lang, sent))
    negation, conditional = rs.get("negation", NO_TOKENS), rs.get("conditional_marker", NO_TOKENS)
    modal = rs.get("modal_marker", NO_TOKENS)
    punct = {i for i, t in enumerate(toks) if t.norm in engine.PUNCT_BARRIER}
    hits = analysis.triggers
    for h in hits:
        if parse is not None:
            if parse.tags[h.first] != "NOUN":
                assert roles.verbal_noun_object(parse, h.first) is False
            if not (h.entry.tag == "base" and h.first == h.last):
                assert engine._determined_head(parse, h, rs.get("genitive_marker", NO_TOKENS)) is False
        if not (negation or conditional or modal):
            assert reality.not_real(h, negation, conditional, modal, punct) is None
        if rs.keys().isdisjoint(mood._MOOD_ROLES):
            assert mood.mood_of(h, toks, rs, prof) == (
                "future" if prof.is_future_form(toks[h.first], h.mention.first_form) else None)
    coded = [(h, None, None) for h in hits]
    nominal = {h.first for h in hits}
    assert reality.drop_unreal_nouns(coded, toks, NO_TOKENS, nominal, [], NO_TOKENS, prof, NO_TOKENS) is coded
    assert reality.drop_generic_lists(coded, hits[:1], toks, NO_TOKENS, nominal, prof, []) is coded


@pytest.mark.parametrize("lang,sent,analysis", READINGS, ids=IDS)
def test_an_actor_code_is_that_of_code_of(lang, sent, analysis):
    for m in analysis.mentions:
        if m.kind not in ("actor", "agent"):
            continue
        for day in (None, DAY, dt.date(1999, 1, 1), dt.date(2017, 3, 1)):
            ref = m.entry
            inline = ref.code if m.kind != "actor" or not ref.periods else ref.code_on(day)
            assert inline == actors._code_of(m, day)


def test_the_sentences_meet_both_sides_of_each_test():
    """The readings above hold hits with and without the markers each skipped call waits for."""
    seen = set()
    for lang, sent, a in READINGS:
        rs = _roles(with_grammar(lang, sent))
        for h in a.triggers:
            seen.add(("marked" if rs.get("negation") or rs.get("conditional_marker") or rs.get("modal_marker")
                      else "plain", "mood" if not rs.keys().isdisjoint(mood._MOOD_ROLES) else "no mood"))
            if a.parse is not None:
                seen.add(a.parse.tags[h.first])
            if rs.keys().isdisjoint(mood._MOOD_ROLES) and \
                    profile(lang).is_future_form(sent.tokens[h.first], h.mention.first_form):
                seen.add("future form, no mood marker")
        seen.update(m.entry.periods != () for m in a.mentions if m.kind == "actor")
    assert {("marked", "mood"), ("plain", "no mood"), "NOUN", "VERB", True, False,
            "future form, no mood marker"} <= seen
