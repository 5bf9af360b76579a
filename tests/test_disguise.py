"""Forces named as a uniform or a likeness are not actors (coder/rules/disguise.py); the same
forces named as doers or victims still are."""
from __future__ import annotations

import datetime as dt

from coder.model import Document
from coder.pipeline import code_document


def _events(text: str):
    doc = code_document(Document(doc_id="t", text=text, language="ar", published=dt.date(2022, 3, 7)))
    return [(e.event_root_code, e.source_code, e.target_code) for e in doc.events if not e.is_background]


def test_gunmen_in_police_uniform_do_not_act_on_the_police():
    got = _events("خطف مسلحون يرتدون زي الشرطة العراقية ثلاثة تجار من سوق في الموصل.")
    assert got and not any(t and t.endswith("COP") for _, _, t in got), got


def test_a_car_like_army_cars_is_not_the_army():
    got = _events("فجر انتحاري سيارة مشابهة لسيارات الجيش عند مدخل مستشفى في تكريت.")
    assert got and not any(s and s.endswith("MIL") for _, s, _ in got), got


def test_gunmen_who_attack_the_police_still_target_them():
    got = _events("هاجم مسلحون ملثمون دورية للشرطة العراقية في البصرة.")
    assert any(t and t.endswith("COP") for _, _, t in got), got
