"""The eighteenth speed round of the syntax stage answers as before: Parse.conjuncts steps through
the words between two phrases in a loop of its own (no generator frames for all() and any() per
phrase), and Parse.predicate maps a verb group of one word with no range made for it; the chunker
reads a word's sound plural ending from a dict of the words asked (phrases._PLURAL_ENDING) instead of
calling str.endswith per question; the tagger asks the rules it tries for a word only their conditions
on the sentence (tagger._holds_in_context), not those that always pass for them.
Each is compared with a copy of the former code (kept here) on parses of sentences written for this
test, and whole parses with digests of what the code before the round (efec36a) made of them."""
from __future__ import annotations

import pytest

from coder.lang import profile
from coder.syntax import parse
from coder.syntax import Features, phrases, tagger
from coder.syntax.rules import rules
from coder.syntax.records import Chunk, Parse
from test_syntax_speed14 import assert_parsed_as
from test_syntax_speed15 import _inputs

SENTENCES = [
    ("ar", "استهدفت الغارات مخازن الأسلحة ومعسكرات التدريب ومقرات القيادة في ريف إدلب الجنوبي."),
    ("ar", "قال مسؤول محلي إن المسلحين هاجموا الحاجز، وقتلوا جنديين وأصابوا ثلاثة آخرين."),
    ("ar", "وصل وزير الدفاع التركي ورئيس الأركان إلى بغداد، والتقيا رئيس الوزراء العراقي."),
    ("ar", "أدانت الحكومة الهجوم الذي نفذته الجماعة على قرية نائية قرب الحدود."),
    ("ar", "لم يتمكن رجال الإنقاذ من الوصول إلى المنطقة بسبب الأمطار الغزيرة."),
    ("ar", "هاجم مسلحون مجهولون مقر الشرطة وقتلوا ثلاثة من العاملين فيه."),
    ("ar", "أصيب عشرات المحتجين بجروح عندما فرق أفراد الأمن المتظاهرين الغاضبين قرب البرلمان."),
    ("ar", "قال مسؤولو الحكومة إن مقاتلي المعارضة انسحبوا من مواقع مهندسين عسكريين في الريف."),
    ("en", "Rebels, soldiers and police officers clashed in the capital on Monday, witnesses said."),
    ("en", "The army shelled the villages and the rebels had been forced to retreat to the hills."),
    ("en", "Officials in Kabul, Kandahar, and Herat said the attacks were carried out by the Taliban."),
    ("en", "The minister, who was visiting the region, condemned the killing of two journalists."),
    ("en", "Protesters blocked roads and burned tyres, while police fired tear gas and arrested dozens."),
]

# what the code before this round (efec36a) made of each sentence (test_syntax_speed14._digest:
# sha256 of the `coder explain` lines and every field of the parse, first 16 hex digits)
BEFORE = [
    "844dbb9e8c35d6dc",
    "85f3cac9a6444844",
    "dff2f6c27bb9872f",
    "27cfb6ef73a2c033",
    "e3a792b19e735000",
    "4513d8ac0ac4c973",
    "f89b6f409bdb83e1",
    "55eeff1f2cb8c065",
    "d36da1e24709f09b",
    "c6f24fadadab13bb",
    "07f91970f8c8c4d2",
    "5460ca1012d815c0",
    "a1429a32fc7ac2d4",
]


def _parsed(lang: str, text: str) -> Parse:
    toks, mentions = _inputs(lang, text)
    return parse(toks, mentions, profile(lang))


def _former_conjuncts(p: Parse, k: int) -> list[int]:
    """Parse.conjuncts as it was before this round."""
    out, last = [], p.chunks[k]
    for j in range(k + 1, len(p.chunks)):
        c = p.chunks[j]
        if c.kind == "genitive":
            continue
        gap = range(last.end + 1, c.start)
        if not all(p.tags[i] in {"CCONJ", "PUNCT"} for i in gap) or \
                not (any(p.tags[i] == "CCONJ" for i in gap) or p.conjunction_clitics[c.start]):
            break
        out.append(j)
        last = c
    return out


def _former_predicate_at(p: Parse) -> dict:
    """The map Parse.predicate built before this round."""
    at = {}
    for c in p.clauses:
        for q in c.predicates:
            for i in range(q.first, q.verb + 1):
                at.setdefault(i, (c, q))
    return at


@pytest.mark.parametrize("n", range(len(SENTENCES)))
def test_conjuncts_as_before(n):
    p = _parsed(*SENTENCES[n])
    for k in range(len(p.chunks)):
        assert p.conjuncts(k) == _former_conjuncts(p, k)


def test_some_sentences_have_conjuncts():
    """(the sentences above do test coordination: some phrase has conjuncts in each language)"""
    for lang in ("ar", "en"):
        assert any(p.conjuncts(k) for p in map(lambda s: _parsed(*s), [s for s in SENTENCES if s[0] == lang])
                   for k in range(len(p.chunks)))


def _bare_parse(tags: list[str], spans: list[tuple[int, int]], clitics=()) -> Parse:
    chunks = [Chunk("np", a, a, b) for a, b in spans]
    return Parse(tags, chunks, [], [-1] * len(tags), clitics)


@pytest.mark.parametrize("tags, spans, clitics", [
    (["NOUN", "CCONJ", "NOUN", "PUNCT", "NOUN", "CCONJ", "NOUN"], [(0, 0), (2, 2), (4, 4), (6, 6)], ()),
    (["NOUN", "PUNCT", "NOUN", "VERB", "NOUN"], [(0, 0), (2, 2), (4, 4)], [False] * 5),
    (["NOUN", "PUNCT", "NOUN", "NOUN"], [(0, 0), (2, 2), (3, 3)], [False, False, True, True]),
    (["NOUN", "NOUN", "ADP", "NOUN"], [(0, 0), (1, 1), (3, 3)], [False, True, False, False]),
    (["NOUN", "CCONJ", "ADV", "NOUN"], [(0, 0), (3, 3)], [False] * 4),
])
def test_conjuncts_of_made_parses(tags, spans, clitics):
    """Made by hand, the per-token clitics read only where no conjunction stands between (a parse
    made with none still answers where one does)."""
    p = _bare_parse(tags, spans, clitics)
    for k in range(len(p.chunks)):
        if clitics or not any(_gap_without_conjunction(p, k)):
            assert p.conjuncts(k) == _former_conjuncts(p, k)


def _gap_without_conjunction(p: Parse, k: int):
    for j in range(k + 1, len(p.chunks)):
        yield "CCONJ" not in p.tags[p.chunks[j - 1].end + 1:p.chunks[j].start]


@pytest.mark.parametrize("n", range(len(SENTENCES)))
def test_predicate_as_before(n):
    p = _parsed(*SENTENCES[n])
    former = _former_predicate_at(p)
    for i in range(len(p.tags) + 1):
        found, expected = p.predicate(i), former.get(i)
        assert (found is None) == (expected is None)
        if found is not None:
            assert found[0] is expected[0] and found[1] is expected[1]


def test_the_sentences_have_verb_groups_of_several_words():
    """(a group with an auxiliary is mapped through its range, the others one by one)"""
    groups = [q for s in SENTENCES for cl in _parsed(*s).clauses for q in cl.predicates]
    assert any(q.first < q.verb for q in groups) and any(q.first == q.verb for q in groups)


@pytest.mark.parametrize("n", range(len(SENTENCES)))
def test_a_parse_is_the_one_made_before(n):
    assert_parsed_as(*SENTENCES[n], BEFORE[n])


@pytest.mark.parametrize("w", ["محتجون", "المحتجين", "مسلحو", "قوات", "ون", "ين", "ن", "", "وزير", "فلسطينيون",
                               "سكين", "people", "dozen"])
def test_the_plural_ending_as_endswith(w):
    phrases._PLURAL_ENDING.clear()
    for _ in range(2):    # (worked out, then read back)
        ending = phrases._PLURAL_ENDING[w]
        assert bool(ending) == w.endswith(("ون", "ين"))
        assert (ending == "ون") == w.endswith("ون")


def test_the_plural_endings_are_asked_and_kept_bounded(monkeypatch):
    """The sentences above ask the chunker's sound-plural questions; the dict is cleared when full."""
    phrases._PLURAL_ENDING.clear()
    for lang, text in SENTENCES:
        _parsed(lang, text)
    assert any(phrases._PLURAL_ENDING.values()) and not all(phrases._PLURAL_ENDING.values())
    phrases._PLURAL_ENDING.clear()
    for n in range(100_000):
        phrases._PLURAL_ENDING[f"w{n}"]
    assert len(phrases._PLURAL_ENDING) == 100_000
    assert phrases._PLURAL_ENDING["محتجون"] == "ون" and len(phrases._PLURAL_ENDING) == 1


def _tags_and_features(lang: str, text: str):
    toks, mentions = _inputs(lang, text)
    prof = profile(lang)
    return toks, parse(toks, mentions, prof).tags, Features(toks, prof, rules(lang))


@pytest.mark.parametrize("n", range(len(SENTENCES)))
def test_a_rule_in_context_holds_as_with_holds(n):
    """Every rule of the language, without its conditions on the word alone (as tag() tries it), at
    every token and after every tag its own allows: _holds_in_context answers as _holds."""
    lang = SENTENCES[n][0]
    toks, tags, F = _tags_and_features(*SENTENCES[n])
    R = rules(lang)
    for rule in R.rules:
        part = tagger._context_part(rule)
        for prev in sorted(part.prev_tag) or ["X", "START", "CCONJ"]:
            for i in range(len(toks)):
                for seen in (tags, tags[:i] + [None] * (len(tags) - i)):    # (tagged, and as tag() sees it mid-way)
                    assert tagger._holds_in_context(part, i, toks, seen, F) == tagger._holds(part, i, toks, seen, prev, F), \
                        (rule, i, prev)


def test_the_tagger_tries_rules_in_context(monkeypatch):
    """tag() asks _holds_in_context of the rules it tries (the sentences above ask some), each with
    a tag before its own rule allows and no condition on the word alone left."""
    asked = []
    former = tagger._holds_in_context

    def kept(r, i, toks, tags, F):
        asked.append(r)
        return former(r, i, toks, tags, F)
    monkeypatch.setattr(tagger, "_holds_in_context", kept)
    # (the revisions' _holds asks it too, of rules with their conditions on the word: not recorded)
    monkeypatch.setattr(tagger, "_holds", lambda r, i, toks, tags, prev, F: (not r.prev_tag or prev in r.prev_tag) and
                        former(r, i, toks, tags, F) and tagger._holds_on_word(r, i, toks, F))
    for lang, text in SENTENCES:
        _parsed(lang, text)
    assert asked
    assert all(not (r.word or r.ending or r.prefix or r.min_length) and r.definite is None and
               r.clitic_preposition is None for r in asked)

