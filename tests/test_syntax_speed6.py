"""The syntax stage's steps of the eighth speed round (coder/syntax), on sentences of their own: each
must answer as the code it replaced."""
from __future__ import annotations

import pytest

from coder.lang import profile
from coder.syntax.phrases import _chunks_after
from coder.syntax.records import Chunk
from coder.syntax.rules import rules
from coder.syntax.tagger import AMBIGUOUS
from tests.test_syntax_lookups import _parsed

_ARABIC = [
    "قصفت الطائرات الحربية مواقع لقسد في ريف حلب الشمالي وقتلت ثلاثة من عناصرها",
    "قال وزير الخارجية الإماراتي الشيخ عبد الله بن زايد إن الحكومة ستفرض عقوبات جديدة",
    "اعتقلت قوات الأمن مسلحين مطالبين بالإفراج عن 50 مليون دولار، والتقى بوتين هذه القضية",
    "وصل الوفد إلى دمشق ومعه هؤلاء الجنود، ثم هاجم التنظيم المدينة",
    "اجتمع الرئيس السوري والوزير الروسي والسفير الإيراني في دمشق",     # conjuncts by و
    "قصف الجيش المدينة وهاجم المسلحون القرية",      # قصف: a verb and a noun
]
_ENGLISH = [
    "Russian forces shelled the town and the army withdrew its troops.",
    "The group blamed Israel for the attack, which killed three of its fighters.",
    "Rebels attack the town and protest the arrests, and the police and the army fire on them.",   # attack: both
]


@pytest.mark.parametrize("text", _ARABIC)
def test_arabic_chunks_are_made_whole(text):
    """The chunker makes a phrase as a bare instance with its fields set one by one: every field is
    set, as the dataclass's own __init__ would set it."""
    p, toks, _ = _parsed(text, "ar")
    for c in _chunks_after(toks, p.tags, [0] * len(toks), profile("ar"), rules("ar")):
        assert c == Chunk(c.kind, c.head, c.start, c.end, c.modifiers, c.owned), (text, c)
        assert (c.possessor, c.refers_to) == (None, None)


@pytest.mark.parametrize("lang,text", [("ar", t) for t in _ARABIC] + [("en", t) for t in _ENGLISH])
def test_parse_records_read_when_asked_answer_as_built(lang, text):
    """Parse.ambiguous, worked out when asked, holds the verbs also read as a noun or a name; a
    phrase whose first word carries و is a conjunct of the one before, as the set of such phrases
    said. (Both met: see the notes on the sentences.)"""
    p, _, _ = _parsed(text, lang)
    assert p.ambiguous == frozenset(i for i, r in enumerate(p.readings) if AMBIGUOUS[r])
    joined = {k for k, c in enumerate(p.chunks) if p.conjunction_clitics[c.start]}
    for k in range(len(p.chunks)):
        expected, last = [], p.chunks[k]
        for j in range(k + 1, len(p.chunks)):
            c = p.chunks[j]
            if c.kind == "genitive":
                continue
            gap = range(last.end + 1, c.start)
            if not all(p.tags[i] in ("CCONJ", "PUNCT") for i in gap) or \
                    not (any(p.tags[i] == "CCONJ" for i in gap) or j in joined):
                break
            expected.append(j)
            last = c
        assert p.conjuncts(k) == expected, (text, k)
