"""The twenty-eighth speed round of the rows stage, checked against the former logic:
- a sentence of a text with no publication date is read against the stand-in day only where one of
  its times can resolve to a year counted back (coder.dates.may_count_back, told from the rules that
  matched, nothing resolved); the others have no such time, as the former reading (every time
  resolved, then looked through) found. Checked over sentences written for these tests, undated and
  dated, against the former function kept here."""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace

import pytest

from coder import rows
from coder.dates import date_rules, find_dates, may_count_back, scan
from coder.lang.numbers import _fold_table
from coder.model import Document
from coder.pipeline import code_document

LANGS = ("en", "ar")

SENTENCES = {
    "en": [
        "Syrian troops shelled the town of Idlib two years ago, killing five civilians.",
        "Rebels attacked an army post last year and seized its weapons.",
        "Police arrested ten protesters yesterday in central Cairo.",
        "In 1998 the two governments signed a border agreement in Amman.",
        "Gunmen killed three soldiers on Friday near the border.",
        "Israeli aircraft struck Gaza last month, officials said.",
        "The army bombed the village three years ago and again yesterday.",
        "Protesters clashed with police this year in Baghdad.",
        "Militants kidnapped two engineers a year ago in the north.",
        "The president met the envoy on 3 March 2015 in Damascus.",
        "Troops withdrew from the city in June after weeks of fighting.",
        "The war has killed thousands since 2011, the ministry said.",
        "Forces shelled the camp years ago, witnesses recalled.",
        "Fighters seized the airport last week and the town last year.",
    ],
    "ar": [
        "قصف الجيش السوري مدينة إدلب قبل عامين مما أدى إلى مقتل خمسة مدنيين.",
        "هاجم مسلحون موقعا للجيش في العام الماضي واستولوا على أسلحته.",
        "اعتقلت الشرطة عشرة متظاهرين أمس في وسط القاهرة.",
        "وقعت الحكومتان اتفاقا حدوديا في عمان عام 1998.",
        "قتل مسلحون ثلاثة جنود يوم الجمعة قرب الحدود.",
        "قصفت الطائرات الإسرائيلية غزة الشهر الماضي بحسب مسؤولين.",
        "قصف الجيش القرية قبل ثلاث سنوات ثم مرة أخرى أمس.",
        "اشتبك متظاهرون مع الشرطة هذا العام في بغداد.",
        "خطف مسلحون مهندسين اثنين قبل عام في الشمال.",
        "التقى الرئيس المبعوث في 3 آذار 2015 في دمشق.",
        "انسحبت القوات من المدينة في حزيران بعد أسابيع من القتال.",
        "قصفت القوات المخيم منذ سنوات بحسب شهود.",
        "سيطر المقاتلون على المطار الأسبوع الماضي وعلى البلدة العام الماضي.",
        "قتل جنديان في هجوم قبل ١٠ أعوام في الموصل.",
    ],
}

DAYS = (rows.STAND_IN, dt.date(2019, 8, 5), dt.date(2001, 1, 2))


def _former_stand_in_reading(r, lang):
    """The former rows._stand_in_reading: every time resolved against the stand-in day, then looked through."""
    dates = rows._stand_in_dates(r.sentence.text, lang)
    for d in dates:
        if rows._counted_back(d):
            break
    else:
        return None
    ref = replace(r, dates=dates)
    return ref, {id(ref.dates[k]) for f in ("since_markers", "until_markers") for k in rows._dates_after(ref, lang, f)}


@pytest.mark.parametrize("lang", LANGS)
def test_a_time_counted_back_is_always_one_that_may_be(lang):
    """Wherever a time resolves to a year counted back (against the stand-in day or another), its
    sentence may count back; sentences with none of the rules that can do so (dates written out,
    weekdays, days) may not, and are most."""
    counted = may = 0
    for text in SENTENCES[lang]:
        for day in DAYS:
            back = any(d.precision == "year" and d.value.year < day.year and not any(ch.isdigit() for ch in d.text)
                       for d in find_dates(text, lang, day))
            if back:
                counted += 1
                assert may_count_back(text, lang), text
        may += may_count_back(text, lang)
    assert counted >= 5 and 5 <= may <= len(SENTENCES[lang]) - 5


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "They met two years ago.", True), ("en", "They met last year.", True),
    ("en", "They met yesterday.", False), ("en", "They met in 1998.", False), ("en", "They met on Friday.", False),
    ("en", "They met.", False),
    ("ar", "التقيا قبل عامين.", True), ("ar", "التقيا العام الماضي.", True), ("ar", "التقيا أمس.", False),
    ("ar", "التقيا عام 1998.", False), ("ar", "التقيا يوم الجمعة.", False)])
def test_may_count_back_of_a_few_times(lang, text, expected):
    assert may_count_back(text, lang) is expected


@pytest.mark.parametrize("lang", LANGS)
def test_a_calendar_date_gives_a_year_only_from_digits_written(lang):
    """may_count_back passes over calendar dates: their year is the regex's digits, and a character
    folded to a digit is one itself, so a year they give always has a digit in its text."""
    table, _ = _fold_table(lang)
    assert not [c for c, f in table.items()
                if isinstance(f, str) and re.search(r"\d", f) and not chr(c).isdigit()]
    rules = date_rules(lang)
    assert all("year" not in rule.groups or rule.resolve == "calendar" for rule in rules.rules
               if rule.resolve != "relative")
    assert scan("in 1998", lang)[1] or lang == "ar"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("published", (None, dt.date(2019, 8, 5)))
def test_rows_as_with_the_former_stand_in_reading(lang, published, monkeypatch):
    """Each sentence's rows, alone and as one text, are those the former reading gave."""
    texts = SENTENCES[lang] + [" ".join(SENTENCES[lang])]

    def coded():
        rows._stand_in_dates.cache_clear()
        return [json.dumps([e.model_dump(mode="json") for e in code_document(
            Document(doc_id="t", text=t, language=lang, published=published),
            coded_at=dt.datetime(2000, 1, 1)).events], sort_keys=True, ensure_ascii=False) for t in texts]
    new = coded()
    monkeypatch.setattr(rows, "_stand_in_reading", _former_stand_in_reading)
    former = coded()
    assert new == former
    assert sum(r != "[]" for r in new) >= 8
