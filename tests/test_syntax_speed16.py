"""The sixteenth speed round of the syntax stage answers as before: the tests of a bit of a token's
bits (tanwin, in the Arabic chunker), of a word's marks and of a verb's bits (in the argument
readers) and a token's readings (parse()'s loop over the lexicon matches) read from tables built
once; the English chunker's possessor test read once a sentence; each predicate's predecessor kept
as it is appended.
Whole parses are compared with digests of what the code before the round made of sentences written
for this test, and the tables with the bit tests they replace."""
from __future__ import annotations

import pytest

from coder.lang import profile
from coder.syntax import Features, parse
from coder.syntax import marks
from coder.syntax.marks import _VERB_WORDS, _WORD_MARKS
from coder.syntax.phrases import TANWIN, _WITHOUT_TANWIN
from coder.syntax.rules import rules
from test_syntax_speed15 import _inputs, assert_parsed_as

SENTENCES = [
    ("ar", "قال المتحدث باسم الجيش إن الطائرات التي أقلعت من قاعدة جوية قصفت مواقع المسلحين شرق المدينة."),
    ("ar", "وأكدت الوزارة أن الرئيس الذي زار القاهرة أمس التقى نظيره المصري وبحث معه الأزمة الليبية."),
    ("ar", "اعتقلت الشرطة التركية مشتبهاً به قائلةً إنه خطط لتفجير سيارة مفخخة في إسطنبول."),
    ("ar", "قررت الحكومة أن تفرض عقوبات جديدة على الشركات التي تتعامل مع الجماعات المسلحة."),
    ("ar", "يمكن حفظها في مكان آمن، وأصبح الوضع هادئاً بعد أن انسحبت القوات من البلدة."),
    ("ar", "قام الجيش بتوزيع مساعدات للنازحين في المخيمات القريبة من الحدود السورية."),
    ("ar", "سنواجه هذه التحديات معاً، قال وزير الداخلية للصحفيين في بيروت."),
    ("ar", "الأطفال الذين تتراوح أعمارهم بين خمسة وعشرة أعوام يحتاجون إلى رعاية عاجلة."),
    ("ar", "وصل الوفد صباحاً إلى المطار قادماً من عمان."),     # (قادماً: an adverbial, accusative)
    ("en", "Russia's foreign minister met his Turkish counterpart in Ankara's presidential palace on Tuesday."),
    ("en", "The company's chief executive, a former banker, said the deal would be signed by the end of the year."),
    ("en", "Police arrested three men who had attacked the mayor's office and charged them with arson."),
    ("en", "Israel's army said its soldiers killed a gunman who opened fire at a checkpoint near Hebron."),
    ("en", "The union's leaders rejected the offer and vowed to continue the strike until the government's demands changed."),
]

# what the code before this round made of each sentence (test_syntax_speed14._digest: sha256 of the
# `coder explain` lines and every field of the parse, first 16 hex digits)
BEFORE = [
    "2b73240d36eaa041",
    "5d1250d3a2b0a1bb",
    "eee69b8fdd09dd13",
    "3c43ebd1c494f709",
    "e70d01c504f7229a",
    "3a4c7bafcf324a5c",
    "c57b580ea8b03118",
    "b783844340ab1381",
    "39817d8b68308ae3",
    "f6f130e681c9e831",
    "e592e2e93cc715b7",
    "2ed4036079d788df",
    "d4fd60b4ae7e0721",
    "263ff22d30973182",
]


@pytest.mark.parametrize("n", range(len(SENTENCES)))
def test_a_parse_is_the_one_made_before(n):
    assert_parsed_as(*SENTENCES[n], BEFORE[n])


def test_the_sentences_reach_the_changed_tests():
    """The English sentences have possessors ("Russia's"), the Arabic ones words with tanwin, an
    adverbial, an accusative and a verb that carries its subject, and a relative clause."""
    kinds, tanwin = set(), False
    for lang, text in SENTENCES:
        toks, mentions = _inputs(lang, text)
        p = parse(toks, mentions, profile(lang))
        kinds |= {(lang, c.kind) for c in p.chunks} | {(lang, cl.kind) for cl in p.clauses}
        if lang == "ar":
            tanwin |= any(b & TANWIN for b in Features(toks, profile(lang), rules(lang)).bits)
    assert {("en", "possessor"), ("ar", "relative"), ("en", "relative")} <= kinds and tanwin
    seen = 0
    for m in _WORD_MARKS["ar"].values():
        seen |= m
    assert seen & marks.ADVERBIAL and seen & marks.ACCUSATIVE and seen & marks.CARRIES_SUBJECT


def test_without_tanwin_is_the_bit_test():
    """The chunker's table answers as `not bits & TANWIN` for every value a token's bits can take."""
    for b in range(len(_WITHOUT_TANWIN)):
        assert _WITHOUT_TANWIN[b] == (not b & TANWIN), b
    for lang, text in SENTENCES:
        toks, _ = _inputs(lang, text)
        assert max(Features(toks, profile(lang), rules(lang)).bits) < len(_WITHOUT_TANWIN)


@pytest.mark.parametrize("table,bit", [
    ("IS_ADVERBIAL", "ADVERBIAL"), ("IS_NOMINATIVE", "NOMINATIVE"), ("IS_ACCUSATIVE", "ACCUSATIVE"),
    ("HAS_OBJECT_PRONOUN", "OBJECT_PRONOUN"), ("HAS_SUBJECT", "CARRIES_SUBJECT"),
    ("IS_PASSIVE_VOWEL", "PASSIVE_VOWEL"), ("IS_IMPERSONAL", "IMPERSONAL"), ("HAS_NO_OBJECT", "NO_OBJECT"),
    ("IS_FIRST_PERSON", "FIRST_PERSON"), ("IS_FIRST_PERSON_READ", "FIRST_PERSON_READ")])
def test_the_marks_tables_are_the_bit_tests(table, bit):
    """Each table answers as bool(value & bit) for every value of a word's marks or a verb's bits,
    and every value the sentences' words and verbs were given is in the table."""
    t, b = getattr(marks, table), getattr(marks, bit)
    for v in range(len(t)):
        assert t[v] is bool(v & b), v
    for lang, text in SENTENCES:
        toks, mentions = _inputs(lang, text)
        parse(toks, mentions, profile(lang))
    values = [*_WORD_MARKS.get("ar", {}).values(), *_VERB_WORDS.get("ar", {}).values(), *_VERB_WORDS.get("en", {}).values()]
    assert values and max(values) < len(t)


def test_the_readings_tables_are_the_bit_operations():
    """parse()'s tables by a token's readings answer as the bitwise and and ors they replace, for
    every value the readings can take."""
    from coder.syntax import _HAS_VERB_READING, _WITH_NAMED, _WITH_NOUN_READING, _WITH_VERB_READING
    from coder.syntax.tagger import NAMED, NOUN_READING, VERB_READING
    for r in range((VERB_READING | NOUN_READING | NAMED) + 1):
        assert _HAS_VERB_READING[r] is bool(r & VERB_READING), r
        assert (_WITH_VERB_READING[r], _WITH_NOUN_READING[r], _WITH_NAMED[r]) == \
            (r | VERB_READING, r | NOUN_READING, r | NAMED), r
    for lang, text in SENTENCES:
        toks, mentions = _inputs(lang, text)
        assert max(parse(toks, mentions, profile(lang)).readings) < len(_WITH_NAMED)


def test_each_predicate_reads_the_one_before_it():
    """The argument readers are given, as `prev`, the clause's predicate before the one read (kept
    as each is appended), as cl.predicates[-1] gave it: checked on every call of the readers."""
    from coder.syntax import clauses
    seen = []
    readers = clauses._after_noun, clauses._before_noun

    def checked(reader):
        def read(p, cl, prev, *rest):
            assert prev is (cl.predicates[-1] if cl.predicates else None)
            seen.append(prev is not None)
            return reader(p, cl, prev, *rest)
        return read
    try:
        clauses._after_noun, clauses._before_noun = map(checked, readers)
        for lang, text in SENTENCES:
            toks, mentions = _inputs(lang, text)
            parse(toks, mentions, profile(lang))
    finally:
        clauses._after_noun, clauses._before_noun = readers
    assert True in seen and False in seen
