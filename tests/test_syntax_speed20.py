"""The twentieth speed round of the syntax stage answers as before: the comprehensions and generators
of the functions that run once a sentence or once a predicate (parse, tag, segment, _genitives,
arguments, _after_noun) moved into small functions of their own, or became a set test, so that none
of those functions makes its locals cells (a local read by a nested function is kept in a cell,
made at each call and read through at each use). Each helper is compared with a copy of the
expression it replaced, and whole parses with digests of what the code before the round (fe288a7)
made of sentences written for this test. And tag() merges the untagged tokens and those the rules
decide by the list's sort in place, where sorted() copied them (the parses' digests check the order);
how a marker's phrase got its role ("after 'على'") is kept per marker word, where arguments()
formatted it at each predicate (checked against the f-string)."""
from __future__ import annotations

from itertools import count

import pytest

import coder.syntax as syntax
from coder.lang import profile
from coder.syntax import arguments_after_noun, clauses, phrases, segmenter, tagger
from coder.syntax.rules import rules
from coder.syntax.segmenter import CLAUSE_BREAKS
from test_syntax_speed14 import assert_parsed_as
from test_syntax_speed15 import _inputs

SENTENCES = [
    ("ar", "قال المتحدث باسم الجيش يوم الأحد إن المدن التي ترتفع فيها المباني تعرضت لقصف عنيف عام 2019."),
    ("ar", "الهجوم الذي شنته الجماعة على القرية أدى إلى مقتل ثلاثة أشخاص، وأعلنت الشرطة أنها ستلاحق المنفذين."),
    ("ar", "حاول المسلحون أن يقتحموا السجن المركزي في المدينة، لكن قوات الأمن صدتهم بعد اشتباكات استمرت ساعات."),
    ("en", "The district controlled by the rebels was shelled on Monday, and two civilians were killed there."),
    ("en", "Hundreds of people gathered outside parliament to demand the release of the detained students."),
    ("en", "The minister said on Sunday that the army had withdrawn from the town in the year 1990."),
    ("en", "Europeans visiting the region praised the truce, said the envoy, who met the rebels last week."),
]

# what the code before this round (fe288a7) made of each sentence (test_syntax_speed14._digest:
# sha256 of the `coder explain` lines and every field of the parse, first 16 hex digits)
BEFORE = [
    "1565775d7bfc12a9",
    "f13afd4c9195d815",
    "ea1deaf6bdad97a6",
    "f8d5c65c619a4cce",
    "87b227be5d7cb64b",
    "0cb08e7d216d0dd9",
    "a897b393fd73c383",
]


@pytest.mark.parametrize("n", range(len(SENTENCES)))
def test_a_parse_is_the_one_made_before(n):
    assert_parsed_as(*SENTENCES[n], BEFORE[n])


@pytest.mark.parametrize("function", [syntax.parse, syntax.Features.__init__, tagger.tag, segmenter.segment,
                                      phrases._genitives, phrases._chunks_after, clauses.arguments,
                                      arguments_after_noun._after_noun])
def test_the_stages_functions_make_no_cells(function):
    """No local of the functions run once a sentence or a predicate is read by a nested function."""
    assert function.__code__.co_cellvars == ()


def _after_speech_before(i, tags, speech) -> bool:
    """parse()'s test before this round, as it was written there."""
    return any(j in speech or (j == i - 1 and tags[j] == "VERB") for j in range(max(0, i - 4), i))


def _revision_before(R, i, toks, tags, prev, F):
    return next((r for r in R.revisions if (not r.prev_tag or prev in r.prev_tag) and
                 tagger._holds(r, i, toks, tags, prev, F)), None)


def _before_described_before(cl, describing, resumed, opening, starts, ends, f):
    cut = next((q for q in reversed(cl.predicates) if q not in describing), None)
    theirs = {a for q in describing for r, a in q.arguments.items() if r not in {"patient", "subject"}}
    return [k for k in [*resumed, *range(opening, clauses.bisect_left(starts, f))] if ends[k] < f and
            (cut is None or starts[k] > cut.verb) and k not in theirs]


@pytest.mark.parametrize("n", range(len(SENTENCES)))
def test_the_helpers_answer_as_the_expressions_they_replaced(n):
    lang, text = SENTENCES[n]
    toks, mentions = _inputs(lang, text)
    prof, R = profile(lang), rules(lang)
    p = syntax.parse(toks, mentions, prof)
    tags = p.tags
    speech = {i for i, t in enumerate(toks) if t.norm in {"said", "قال"}}
    for i in range(len(toks)):
        assert syntax._after_speech(i, tags, speech) == _after_speech_before(i, tags, speech)
        if i > 0:    # the time nouns' test on the word before a number
            assert (not R.time_nouns.isdisjoint(toks[i - 1].forms[1:])) == \
                any(f in R.time_nouns for f in toks[i - 1].forms[1:])
        for j in range(i, len(toks) + 1):
            assert (not R.passive_aux.isdisjoint(map(clauses._NORM, toks[i:j]))) == \
                any(toks[k].norm in R.passive_aux for k in range(i, j))
            assert arguments_after_noun._resumed_after_preposition(toks, tags, prof, i, j) == \
                any(tags[k] == "ADP" and arguments_after_noun._carries_pronoun(toks[k], prof) for k in range(i, j))
    F = syntax.Features(toks, prof, R)
    for i in range(len(toks)):
        for prev in ("START", "VERB", "NOUN", "PUNCT"):
            assert tagger._revision(R, i, toks, tags, prev, F) is _revision_before(R, i, toks, tags, prev, F)
    assert clauses._marker_start_tokens(toks, R) == [i for i, t in enumerate(toks) if t.norm in R.marker_starts]
    assert phrases.flags_asked(toks, prof) == ([prof.has_conjunction_clitic(t) for t in toks],
                                               [prof.has_preposition_clitic(t) for t in toks],
                                               [prof.is_definite(t) for t in toks])
    assert segmenter._clause_words(toks, R.quote) == \
        [i for i, t in enumerate(toks) if t.norm in R.quote or t.norm in CLAUSE_BREAKS]
    starts, ends = [c.start for c in p.chunks], [c.end for c in p.chunks]
    for cl in p.clauses:
        groups = [(q.first, q.verb) for q in cl.predicates]
        for m in range(len(groups)):
            assert clauses._later_finite(toks, groups, m) == \
                any(f2 == 0 or toks[f2 - 1].norm != "to" for f2, _ in groups[m + 1:])
        for describing in ([], cl.predicates[:1], cl.predicates):
            for f, opening, resumed in zip(count(), range(len(p.chunks)), ((), range(0, 2), range(1, len(p.chunks)))):
                assert clauses._before_described(cl, describing, resumed, opening, starts, ends, f) == \
                    _before_described_before(cl, describing, resumed, opening, starts, ends, f)


def test_the_sentences_reach_the_rewritten_paths():
    """The sentences hold a reporting verb before a quote word, a time noun before a number, a passive
    and a participle describing a noun (English), a relative clause (Arabic)."""
    kinds = set()
    for lang, text in SENTENCES:
        toks, mentions = _inputs(lang, text)
        p = syntax.parse(toks, mentions, profile(lang))
        kinds |= {(lang, c.kind) for c in p.clauses}
        kinds |= {(lang, "passive") for c in p.clauses for q in c.predicates if q.passive}
        kinds |= {(lang, "described") for c in p.clauses for q in c.predicates if "patient" in q.inherited or
                  q.how.get("subject") == clauses._DESCRIBES}
    assert {("ar", "relative"), ("en", "passive"), ("en", "described")} <= kinds, kinds


def test_a_marker_introduces_its_phrase_as_written():
    """A role a marker gives (on, against, على) is explained by the marker's repr, as the f-string
    made it at each predicate before (the explanation is now kept per word as written)."""
    found = 0
    for _ in range(2):    # (first sight, then from the kept explanations)
        for lang, text in SENTENCES:
            toks, mentions = _inputs(lang, text)
            p = syntax.parse(toks, mentions, profile(lang))
            for cl in p.clauses:
                for q in cl.predicates:
                    for role, how in q.how.items():
                        if how.startswith("after "):
                            found += 1
                            assert how == f"after {toks[p.chunks[q.arguments[role]].start - 1].text!r}"
    assert found >= 4
    assert len(clauses._AFTER_MARKER) <= 10_000
