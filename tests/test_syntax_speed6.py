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
def test_parse_ambiguous_worked_out_when_asked(lang, text):
    """Parse.ambiguous, worked out when asked, holds the verbs also read as a noun or a name."""
    p, _, _ = _parsed(text, lang)
    assert p.ambiguous == frozenset(i for i, r in enumerate(p.readings) if AMBIGUOUS[r])


@pytest.mark.parametrize("lang,text,expected", [
    # a phrase whose first word carries و is a conjunct of the one before (no separate "and")
    ("ar", "اجتمع الرئيس السوري والوزير الروسي والسفير الإيراني في دمشق",
     {"الرئيس السوري": ["والوزير الروسي", "والسفير الإيراني"], "والوزير الروسي": ["والسفير الإيراني"]}),
    ("en", "Rebels attack the town and protest the arrests, and the police and the army fire on them.",
     {"the arrests": ["the police", "the army"], "the police": ["the army"]}),
])
def test_conjuncts_read_from_the_clitics(lang, text, expected):
    """Parse.conjuncts reads the per-token conjunction clitics (no set of joined phrases built per
    sentence): the phrases coordinated after each phrase."""
    p, toks, _ = _parsed(text, lang)
    words = [" ".join(t.text for t in toks[c.start:c.end + 1]) for c in p.chunks]
    got = {words[k]: [words[j] for j in p.conjuncts(k)] for k in range(len(p.chunks)) if p.conjuncts(k)}
    assert got == expected
