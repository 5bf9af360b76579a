"""The thirty-second speed round of the syntax stage, checked against the former logic and against
what 2539b54 made of hand-written Arabic and English sentences:
- Features lists the tokens with a bit by compressing count(), not a range of the tokens;
- arguments() slices the chunk indices from one list made once (_INDICES) where the sentence has no
  more phrases than it holds, where it made a list of the indices per sentence;
- arguments() bisects neither the verbs nor the phrases for a clause's bound at the first token or
  the last (the first, or past the last, taken as it is)."""
from __future__ import annotations

from itertools import compress

import pytest

import coder.syntax as syntax
from coder.lang import profile
from coder.syntax import clauses, parse
from test_syntax_speed14 import _digest, _inputs, assert_parsed_as

SENTENCES = [
    ("ar", "وقالت الشرطة إن مسلحين هاجموا مركزاً أمنياً في البلدة وأحرقوا سيارتين قبل أن يفروا."),
    ("ar", "اعتقلت قوات الأمن الناشط الذي نظم الاحتجاجات في العاصمة ثم أفرجت عنه بعد يومين."),
    ("ar", "دعا وزير الخارجية الأردني الأطراف المتنازعة إلى وقف القتال والعودة إلى طاولة المفاوضات."),
    ("ar", "أدانت الحكومة العراقية التفجير الذي استهدف سوقاً شعبياً وأسفر عن مقتل خمسة مدنيين."),
    ("en", "Police arrested two men who had attacked a bus, and the mayor condemned the violence."),
    ("en", "The rebels, who control the north, said they would release the hostages held since May."),
    ("en", "Officials in Cairo told reporters that talks with the delegation would resume next week."),
    ("en", "Soldiers fired tear gas at students protesting outside the university on Monday."),
]
# what 2539b54 made of each (test_syntax_speed14._digest)
BEFORE = ["efa8e2ef1afc2b22", "2cb2511d29f1c514", "9e1fca5a2c710a75", "d716624315d2b78c", "434c491d1076b999",
          "f9e2927362b363c2", "c2261ec769b2609f", "106617faafda9ec5"]


@pytest.mark.parametrize("n", range(len(SENTENCES)))
def test_a_parse_is_the_one_made_before(n):
    assert_parsed_as(*SENTENCES[n], BEFORE[n])


def test_the_tokens_with_a_bit_are_those_of_a_range(monkeypatch):
    """Features.special lists the tokens with a bit, in order, as compressing a range of the tokens
    did; some sentence has a few of them, none has all."""
    seen = []
    features = syntax.Features

    class Checked(features):
        def __init__(self, toks, prof, R):
            super().__init__(toks, prof, R)
            seen.append((self.special, list(compress(range(len(toks)), self.bits)), len(toks)))
    monkeypatch.setattr(syntax, "Features", Checked)
    for lang, text in SENTENCES:
        toks, mentions = _inputs(lang, text)
        parse(toks, mentions, profile(lang))
    assert len(seen) == len(SENTENCES)
    for got, expected, n in seen:
        assert got == expected
        assert len(got) < n
    assert any(got for got, _, _ in seen)


@pytest.mark.parametrize("kept", [0, 3, 5, 512])
def test_the_arguments_are_those_read_from_indices_made_per_sentence(kept, monkeypatch):
    """Whether the chunk indices come from the list made once (as long as or longer than the
    sentence's phrases) or from one made for the sentence (more phrases than it holds), each parse
    is the one made before, and the list made once is left as it was."""
    monkeypatch.setattr(clauses, "_INDICES", [*range(kept)])
    for n, (lang, text) in enumerate(SENTENCES):
        toks, mentions = _inputs(lang, text)
        assert _digest(parse(toks, mentions, profile(lang)), toks) == BEFORE[n]
    assert clauses._INDICES == [*range(kept)]


def test_the_indices_made_once_are_the_first_ones():
    assert clauses._INDICES == [*range(len(clauses._INDICES))] and len(clauses._INDICES) >= 256


def test_the_clause_bounds_taken_as_they_are_and_those_bisected_are_both_read(monkeypatch):
    """The sentences hold clauses from the first token or to the last (bounds no longer bisected)
    and clauses inside the sentence (bisected as before), each with a predicate, so the parses
    compared with the former ones above cover both."""
    seen = []
    arguments = syntax.arguments

    def recorded(clause_list, chunks, toks, *args, **kwargs):
        arguments(clause_list, chunks, toks, *args, **kwargs)
        for cl in clause_list:
            if cl.predicates:
                seen.append((cl.start == 0, cl.end == len(toks) - 1))
    monkeypatch.setattr(syntax, "arguments", recorded)
    for lang, text in SENTENCES:
        toks, mentions = _inputs(lang, text)
        parse(toks, mentions, profile(lang))
    assert (True, True) in seen and (False, True) in seen and (True, False) in seen
    assert any(first is False for first, _ in seen) and any(last is False for _, last in seen)
