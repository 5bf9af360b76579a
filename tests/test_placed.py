"""Country and capital names that say where, not who (coder/rules/placed.py): after a locative word,
and the conjuncts joined to such a place; the same names elsewhere stay actors."""
from __future__ import annotations

import datetime as dt

from coder.model import Document
from coder.pipeline import code_document


def _events(text: str, lang: str = "ar"):
    doc = code_document(Document(doc_id="t", text=text, language=lang, published=dt.date(2022, 3, 7)))
    return [(e.event_root_code, e.source_code, e.target_code) for e in doc.events if not e.is_background]


def test_a_country_joined_to_a_place_is_a_place_too():
    # (a violent event with no target of its own takes the country of its place, the first one)
    got = _events("شنت طائرات أمريكية غارات على مخازن أسلحة في العراق وسوريا.")
    assert got and not any(t in ("SYR", "SYRGOV") for _, _, t in got), got


def test_countries_that_act_stay_actors():
    got = _events("وقعت روسيا وتركيا اتفاقا لوقف إطلاق النار في إدلب.")
    assert {s for _, s, _ in got} >= {"RUS", "TUR"} or {s for _, s, _ in got} >= {"RUSGOV", "TURGOV"}, got


def test_a_country_after_a_place_and_a_verb_is_no_conjunct_of_the_place():
    got = _events("قصفت القوات التركية مواقع في عفرين واتهمت سوريا أنقرة بالعدوان.")
    assert any(s and s.startswith("SYR") for _, s, _ in got), got


def test_a_capital_naming_an_airport_is_a_place():
    got = _events("استهدفت غارة جوية قافلة لحزب الله قرب مطار دمشق الدولي.")
    assert got and not any(t == "SYRGOV" for _, _, t in got), got
    assert any(t and "HEZ" in t for _, _, t in got), got


def test_a_capital_in_the_countryside_of_phrase_is_a_place():
    got = _events("اشتبكت قوات النظام مع فصائل المعارضة في ريف دمشق.")
    assert not any(a == "SYRGOV" and b == "SYRGOV" for _, a, b in got), got
    assert not any(s == "SYRGOV" and t is None for _, s, t in got), got


def test_a_capital_as_the_subject_stays_the_government():
    got = _events("اتهمت دمشق أنقرة بدعم الفصائل المسلحة.")
    assert any(s == "SYRGOV" and t == "TURGOV" for _, s, t in got), got
