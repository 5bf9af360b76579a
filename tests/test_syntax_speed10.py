"""The tenth speed round's short cuts in the syntax stage: each answers as the test or the scan it
stands for, on sentences written for these tests."""
from __future__ import annotations

import copy

import pytest

from coder.lang import profile
from coder.syntax import ANAPHOR, Features, antecedents
from coder.syntax.clauses import _introduced, _oblique_conjunct, _passive_mark
from coder.syntax.marks import (ACCUSATIVE, ADVERBIAL, CARRIES_SUBJECT, IMPERSONAL, NO_OBJECT, NOMINATIVE,
                                OBJECT_PRONOUN, PASSIVE_VOWEL, _accusative, _carries_pronoun, _case_marks,
                                _verb_bits, _word_marks)
from coder.syntax.records import Predicate
from coder.syntax.reference import _clause_of, _names, _subject_of, possessors
from coder.syntax.rules import rules
from tests.test_syntax_lookups import _parsed

SENTENCES = [
    ("ar", "قصفت الطائرات الحربية مواقع للمسلحين شمال المدينة، وقال الجيش إنه قتل عشرين مقاتلاً."),
    ("ar", "أعلنت الحركة أنها نفذت الهجوم الذي شنه عناصرها على نقطة تفتيش تابعة للشرطة."),
    ("ar", "اعتُقل ثلاثة أشخاص على يد قوات الأمن بعد أن تظاهروا رسمياً ضد الحكومة أمس."),
    ("ar", "يمكن حفظها، وأصبح الوضع هادئاً بعدما التقى وزير الخارجية نظيره التركي في أنقرة."),
    ("ar", "هاجم مسلحون قافلةً عسكريةً، وأكد التنظيم في بيان أن مقاتليه دمروا ثلاث آليات للجيش."),
    ("ar", "وصل الرئيس إلى بغداد مع وفد رفيع، والتقى رئيس الوزراء الذي رحب بالزيارة."),
    ("en", "Police arrested five protesters in the capital on Monday and charged them with rioting."),
    ("en", "The militia, which controls the northern province, said its fighters had attacked a convoy."),
    ("en", "Rebels and soldiers clashed near the border, and the group blamed the government for the attack."),
    ("en", "The minister, a close ally of the president, was killed by gunmen who opened fire on his car."),
    ("en", "Leaders of countries such as France, Spain and Italy met the envoy sent by the United Nations."),
    ("en", "\"We will respond,\" said the spokesman, as the army became the target of several strikes."),
]


def _tokens(lang):
    return [t for l, text in SENTENCES if l == lang for t in profile(lang).tokenise(text)]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_words_marks_are_its_answers(lang):
    """_after_noun's per-word bits answer as the questions they stand for, asked of the token."""
    prof = profile(lang)
    _, adverbial, _, nominative = _case_marks(lang)
    for t in _tokens(lang):
        marks: dict = {}
        bits = _word_marks(t, prof, marks)
        assert marks == {t.text: bits}
        assert bool(bits & OBJECT_PRONOUN) == _carries_pronoun(t, prof), t.text
        assert bool(bits & CARRIES_SUBJECT) == bool(prof.carries_subject(t)), t.text
        assert bool(bits & ADVERBIAL) == bool(adverbial(t)), t.text
        assert bool(bits & NOMINATIVE) == bool(nominative is not None and nominative(t)), t.text
        assert bool(bits & ACCUSATIVE) == _accusative(t), t.text


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_verbs_bits_are_its_answers(lang):
    """arguments()' per-verb bits answer as the tests of the word they stand for."""
    prof, R = profile(lang), rules(lang)
    marks_passive = _passive_mark(prof)
    for t in _tokens(lang):
        words: dict = {}
        bits = _verb_bits(t, R, marks_passive, words, prof.CLITIC_COORDINATORS)
        assert words == {t.text: bits}
        w, forms = t.norm, t.forms
        assert bool(bits & PASSIVE_VOWEL) == bool(marks_passive(t)), t.text
        assert bool(bits & IMPERSONAL) == bool(R.impersonal and (w in R.impersonal or (len(forms) > 1 and forms[1] in R.impersonal)))
        assert bool(bits & NO_OBJECT) == bool(w in R.no_object or (R.no_object and len(forms) > 1 and forms[1] in R.no_object))


def test_the_sentences_reach_the_bits():
    """(The sentences above ask each bit of a word that has it.)"""
    seen = 0
    for lang in ("ar", "en"):
        prof, R = profile(lang), rules(lang)
        for t in _tokens(lang):
            seen |= _word_marks(t, prof, {}) | (_verb_bits(t, R, _passive_mark(prof), {}, prof.CLITIC_COORDINATORS) << 5)
    for bit in (OBJECT_PRONOUN, CARRIES_SUBJECT, ADVERBIAL, ACCUSATIVE, PASSIVE_VOWEL << 5, IMPERSONAL << 5, NO_OBJECT << 5):
        assert seen & bit, bit


@pytest.mark.parametrize("lang,text", SENTENCES)
def test_a_relatives_antecedent_is_the_scans(lang, text):
    """The bisection finds the antecedent the scan back over the phrases before the marker found."""
    p, _, _ = _parsed(text, lang)
    starts, ends = [c.start for c in p.chunks], [c.end for c in p.chunks]
    for cl in p.clauses:
        if cl.kind == "relative" and cl.marker is not None:
            scan = next((k for k in reversed(range(len(p.chunks))) if starts[k] < cl.marker and ends[k] < cl.marker and
                         cl.marker - ends[k] <= 2 and p.chunks[k].kind != "possessor"), None)
            assert cl.antecedent == scan, text


def test_the_sentences_have_relative_clauses():
    assert sum(cl.kind == "relative" and cl.antecedent is not None
               for lang, text in SENTENCES for cl in _parsed(text, lang)[0].clauses) >= 3


@pytest.mark.parametrize("lang,text", SENTENCES)
def test_the_phrases_markers_introduce_are_the_scans(lang, text):
    """_introduced finds, in order, the phrases that start right after a marker, as a look-up of each
    phrase's start in the roles would."""
    from coder.syntax.marks import _marker_roles
    p, toks, _ = _parsed(text, lang)
    R = rules(lang)
    roles = _marker_roles(toks, R, [i for i, t in enumerate(toks) if t.norm in R.marker_starts])
    starts = [c.start for c in p.chunks]
    scan = [(k, roles[s]) for k, s in enumerate(starts) if s in roles]
    assert _introduced(roles, starts) == scan
    if lang == "ar" and "على يد" in text:
        assert scan, text


@pytest.mark.parametrize("lang,text", [s for s in SENTENCES if s[0] == "en"])
def test_only_a_phrase_after_a_conjunction_or_comma_is_an_oblique_conjunct(lang, text):
    """_before_noun asks _oblique_conjunct only of a phrase after "and" or a comma: of the others it
    answers no."""
    p, toks, _ = _parsed(text, lang)
    for c in p.chunks:
        if not (c.start >= 1 and (p.tags[c.start - 1] == "CCONJ" or toks[c.start - 1].norm == ",")):
            assert not _oblique_conjunct(c, p.chunks, toks, p.tags, profile(lang)), (text, c)


def _possessors_with_max(clauses, chunks, actorish) -> list:
    """possessors() as it read before this round (max() with a key over the arguments)."""
    found = []
    for k, c in enumerate(chunks):
        if not c.owned:
            found.append(None)
            continue
        cl = _clause_of(clauses, c.head)
        ref = None
        if cl is not None and cl.parent is not None and cl.kind in ("quote", "subordinate", "participle"):
            ref = _subject_of(clauses[cl.parent])
        if ref is None and cl is not None:
            args = [a for pr in cl.predicates for r, a in pr.arguments.items()
                    if r in ("subject", "object") and a != k and chunks[a].end < c.start
                    and ("of", c.head) not in chunks[a].modifiers]
            ref = max(args, key=lambda a: chunks[a].end, default=None)
        if ref is None:
            ref = next((j for j in range(k - 1, -1, -1) if _names(actorish, chunks[j])), None)
        found.append(ref if ref is not None and ref != k else None)
    return found


@pytest.mark.parametrize("lang,text", SENTENCES)
def test_possessors_answer_as_with_max(lang, text):
    p, toks, mentions = _parsed(text, lang)
    actorish = {i for m in mentions if m.kind in ("actor", "agent") for i in range(m.first, m.last + 1)}
    chunks = copy.deepcopy(p.chunks)
    for c in chunks:
        c.possessor = None
    possessors(p.clauses, chunks, actorish)
    assert [c.possessor for c in chunks] == _possessors_with_max(p.clauses, chunks, actorish)


def test_the_sentences_have_owned_phrases():
    assert sum(c.possessor is not None for lang, text in SENTENCES for c in _parsed(text, lang)[0].chunks) >= 3


@pytest.mark.parametrize("lang,text", SENTENCES)
def test_a_sentence_antecedents_skip_has_nothing_to_refer_back(lang, text):
    """parse() skips antecedents() where no phrase is a pronoun and no word an anaphor: asked anyway,
    it finds no phrase to point anywhere."""
    p, toks, mentions = _parsed(text, lang)
    prof = profile(lang)
    F = Features(toks, prof, rules(lang))
    pronoun = any(c.kind == "pronoun" for c in p.chunks)
    anaphor = any(F.bits[i] & ANAPHOR for i in range(len(toks)))
    assert anaphor == any(t.norm in rules(lang).anaphors for t in toks)
    chunks = copy.deepcopy(p.chunks)
    for c in chunks:
        c.refers_to = None
    actorish = {i for m in mentions if m.kind in ("actor", "agent") for i in range(m.first, m.last + 1)}
    antecedents(p.clauses, chunks, toks, p.tags, rules(lang), actorish, actorish)
    if not (pronoun or anaphor):
        assert all(c.refers_to is None for c in chunks), text
        assert all(c.refers_to is None for c in p.chunks), text


def test_some_sentences_skip_and_some_refer_back():
    skipped = referred = 0
    for lang, text in SENTENCES:
        p, toks, _ = _parsed(text, lang)
        F = Features(toks, profile(lang), rules(lang))
        if not any(c.kind == "pronoun" for c in p.chunks) and not any(F.bits[i] & ANAPHOR for i in range(len(toks))):
            skipped += 1
        referred += any(c.refers_to is not None for c in p.chunks)
    assert skipped >= 2 and referred >= 2


@pytest.mark.parametrize("lang,text", SENTENCES)
def test_a_bare_predicate_is_as_the_dataclass_makes_it(lang, text):
    """arguments() makes a predicate without its __init__: every field is set, as the dataclass
    would set it from the same values."""
    p, _, _ = _parsed(text, lang)
    for cl in p.clauses:
        for q in cl.predicates:
            made = Predicate(q.verb, q.first, q.passive, dict(q.arguments), dict(q.how), set(q.inherited))
            assert made == q
            assert type(q.arguments) is dict and type(q.how) is dict and type(q.inherited) is set


@pytest.mark.parametrize("args", [("main", 0, 9, None, None, None), ("relative", 3, 9, 3, 0, None),
                                  ("quote", 5, 12, None, 1, None), ("main", 7, 12, None, 0, 1)])
def test_a_bare_clause_is_as_the_dataclass_makes_it(args):
    from coder.syntax.records import Clause, new_clause
    kind, start, end, marker, parent, continues = args
    made = new_clause(*args)
    assert made == Clause(kind, start, end, marker=marker, parent=parent, continues=continues)
    assert made.predicates == [] and made.predicates is not new_clause(*args).predicates


@pytest.mark.parametrize("passive", [False, True])
def test_a_bare_predicate_from_records_is_as_the_dataclass_makes_it(passive):
    from coder.syntax.records import new_predicate
    made = new_predicate(4, 2, passive)
    assert made == Predicate(4, 2, passive)
    again = new_predicate(4, 2, passive)
    assert made.arguments is not again.arguments and made.how is not again.how and made.inherited is not again.inherited
