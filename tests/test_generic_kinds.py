"""Acts named in general (kinds of acts, acts told of a kind of doer, figures) and the near news
events that must stay coded: coder/rules/generic.py, the generic lists of coder/rules/reality.py and
coder/lexicon/ar/senses.yaml, each both ways. The sentences are written for these tests."""
from __future__ import annotations

import pytest

from coder.model import Document
from coder.pipeline import code_document


def _roots(text: str, lang: str) -> set[str]:
    coded = code_document(Document(doc_id="t", text=text, language=lang))
    return {e.event_root_code for e in coded.events}


CASES = [
    # a list of kinds of acts broken by a head word that carries the conjunction (وأعمال الخطف)
    ("ar", "وعد المرشح بإنهاء موجة الاغتيالات والتفجيرات وأعمال الخطف في المحافظة.", set()),
    ("ar", "تعاني المدينة من التفجيرات والاغتيالات وعمليات الخطف منذ سنوات.", set()),
    # an occurrence with a head word and a count stays
    ("ar", "قتل مسلحون خمسة جنود وخطفوا سائقا قرب الموصل أمس.", {"18"}),
]


@pytest.mark.parametrize("lang,text,want", CASES, ids=[f"{c[0]}#{i}" for i, c in enumerate(CASES)])
def test_generic_case(lang, text, want):
    got = _roots(text, lang) & {"14", "18", "19", "20"}
    assert got == want, f"{text}: coded roots {sorted(got)}, want {sorted(want)}"
