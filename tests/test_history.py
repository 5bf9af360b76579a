"""Events a sentence names without reporting them as news: the act a charge, an accusation or an
allegation names (coder/rules/charges.py), each both ways. The sentences are written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from coder.model import Document
from coder.pipeline import code_document


def _roots(text: str, lang: str) -> set[str]:
    coded = code_document(Document(doc_id="t", text=text, language=lang, published=dt.date(2020, 5, 5)))
    return {e.event_root_code for e in coded.events if not e.is_background}


CHARGES = [
    # the act a charge names is alleged: the arrest is news, the kidnapping is not
    ("ar", "اعتقلت الشرطة ثلاثة رجال بتهمة خطف طفل من أمام مدرسته.", {"17"}),
    ("ar", "خطف ثلاثة رجال طفلا من أمام مدرسته أمس.", {"18"}),
    # a participle "accused of" and its complement, listed acts included
    ("ar", "دعت المنظمة إلى محاسبة الميليشيات المتهمة بارتكاب أعمال قتل ونهب في القرى.", {"02"}),
    ("ar", "ارتكبت الميليشيات أعمال قتل ونهب في القرى الأسبوع الماضي.", {"19", "17"}),
    # the accusation across its accuser's relative clause
    ("ar", "ردت الوزارة على اتهامات وجهتها منظمات حقوقية للشرطة، بتعذيب معتقلين في سجن المدينة.", {"11"}),
    # a place ends the charge's phrase: the clash is news
    ("ar", "قتل مسلحون المتهم بالاغتيال في اشتباك مع الشرطة أمس.", {"19"}),
    # what the accused did, told with a verb, is news
    ("ar", "هاجم المتهمون الحراس وقتلوا اثنين منهم أمس.", {"19"}),
    ("en", "Police detained three men on charges of kidnapping a child outside his school.", {"11", "17"}),
    ("en", "Three men kidnapped a child outside his school on Monday.", {"18"}),
]


@pytest.mark.parametrize("lang,text,want", CHARGES, ids=[f"charge-{c[0]}#{i}" for i, c in enumerate(CHARGES)])
def test_a_charge_names_an_alleged_act(lang, text, want):
    assert _roots(text, lang) == want, text
