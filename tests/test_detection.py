"""Sentences that report no event of their own (a feared or any attack, a generic list of crimes, a
verbal attack) and near cases that do: the event detection rules of coder/rules/reality.py and the
senses of coder/lexicon/<lang>/senses.yaml, each both ways. The sentences are written for these tests."""
from __future__ import annotations

import pytest

from coder.model import Document
from coder.pipeline import code_document


def _roots(text: str, lang: str) -> set[str]:
    coded = code_document(Document(doc_id="t", text=text, language=lang))
    return {e.event_root_code for e in coded.events}


CASES = [
    # an event noun after any/fear/prevention words: what may come, not what happened
    ("ar", "أجرت قوات الحرس تدريبات دفاعية في الخليج تحسبا لأي ضربة جوية.", set()),
    ("ar", "نشرت الشرطة مئات العناصر حول السفارة خشية هجوم على مبناها.", set()),
    ("ar", "شنت طائرات حربية ضربة جوية على مواقع للمسلحين شمال البلاد.", {"19"}),
    ("en", "The navy held drills in the Gulf for fear of an air strike.", set()),
    ("en", "The army launched an air strike on rebel positions near the border.", {"19"}),
    ("ar", "يقدم المكتب خدماته للنقابات في حالة التظاهر أمام البرلمان.", set()),
    # plans, plots and possibilities; an attack carried out stays
    ("ar", "كشفت الشرطة مخططات تفجير لمحطات القطارات في العاصمة.", set()),
    ("ar", "أعلنت نقابة المعلمين عزمها تنفيذ اعتصام مفتوح أمام الوزارة.", set()),
    ("ar", "تدرب الطيارون على تنفيذ ضربة جوية محتملة ضد منشآت نووية.", set()),
    ("ar", "نفذ المعلمون اعتصاما مفتوحا أمام الوزارة.", {"14"}),
    ("en", "Officials discussed a possible air strike on the rebel camps.", set()),
    ("en", "Police uncovered a plot to bomb the main railway station.", set()),
    # a verb form right after such a marker is a verbal noun: a possibility, not a deed
    ("ar", "تضاربت الأنباء عن احتمال شن هجوم بري على المدينة.", set()),
    ("ar", "ناقش المسؤولون إمكانية فرض حصار على الميناء.", set()),
    ("ar", "شن الجيش هجوما بريا على المدينة فجر اليوم.", {"19"}),
    # an act named in general (with the article) whose only parties stand far from it: they belong
    # to the sentence, not to the act; a party right after it makes it one occurrence
    ("ar", "كانت العلاقات بين مصر والسودان طوال العقود الماضية مليئة بالقتل والخصومات.", set()),
    ("ar", "والكل يتحدث عن القانون، فالقتل والنهب، كلها جرائم ترتكب باسم الوطن والمواطنين.", set()),
    ("ar", "وأثار الهجوم على المواطنين غضب الأهالي.", {"19"}),
    # next to a word of repetition or proneness: a kind of act that recurs; a repeated raid on one day stays
    ("ar", "حذرت النقابة من أن تكرار خطف الأطباء يدفعهم إلى الهجرة.", set()),
    ("ar", "تعد المناطق الحدودية الأكثر عرضة لهجمات المهربين.", set()),
    ("ar", "للمنطقة تاريخ طويل من أعمال الخطف والسلب.", set()),
    ("ar", "خطف مسلحون طبيبا من عيادته في البصرة صباح اليوم.", {"18"}),
    # a verb with its conjunction after a number that follows its noun (واحدة) opens a clause: no counted noun
    ("ar", "دمر المسلحون آلية واحدة وقتل جنديين في الكمين.", {"19"}),
    # violence told in the present with no place, time or count: a habit or a general statement; one
    # with a time (even unresolved, with no publication date) or a place is the news
    ("ar", "طاغية يقتل البشر بطائراته وصواريخه.", set()),
    ("ar", "قال المسؤول إنهم يتسللون عبر الحدود ويفجرون القنابل.", set()),
    ("ar", "يقصف الجيش منذ صباح اليوم أحياء المدينة الشرقية.", {"19"}),
    ("ar", "تقصف المدفعية الإسرائيلية بلدة بيت حانون شمال قطاع غزة.", {"19"}),
    # an order or a pledge to do it is not the deed; the pledge is coded as what it is
    ("ar", "كشفت الوثائق أن القائد أصدر أوامر بقصف القرى الحدودية.", set()),
    ("ar", "تعهد الناشط بإحراق نفسه أمام البرلمان.", set()),
    ("ar", "قصفت الطائرات القرى الحدودية بعد صدور الأوامر.", {"19"}),
    # an act named in general, with no actor, place, date or count: nothing to code; one with an actor stays
    ("ar", "يبقى الخطف جريمة بشعة يعاقب عليها القانون.", set()),
    ("ar", "خطف مسلحون رجل أعمال قرب منزله.", {"18"}),
    ("ar", "وقع انفجار في سوق شعبي صباح اليوم.", {"18"}),
    ("ar", "وقع الهجوم في مديرية نائية من الإقليم.", {"19"}),
    ("en", "Gunmen kidnapped a businessman near his home.", {"18"}),
    # a list of acts with no actor names kinds of acts; a list with a victim or the casualties stays
    ("ar", "يقول السكان إن أعمال القتل والتفجيرات جزء من حياتهم اليومية.", set()),
    ("ar", "لا شيء يبرر القتل والاختطاف والتعذيب مهما كانت الدوافع.", set()),
    ("ar", "خطف مسلحون صحافيين اثنين وقتلوهما في الموصل.", {"18"}),
    ("ar", "أعلنت الشرطة حصيلة القتلى والجرحى في انفجار السوق.", {"18"}),
    # three acts or more named with the article are kinds of acts even with a doer; so is a list
    # whose middle word is read otherwise; casualties listed with the article stay
    ("ar", "أصبح الأطباء هدفا للقتل والخطف والابتزاز على أيدي العصابات.", set()),
    ("ar", "يعيش السكان في خوف مما يجري في المدينة من قتل وذبح وخطف.", set()),
    ("ar", "تشجع بعض القنوات القتل والتفجير والاغتيال بوصفها بطولة.", set()),
    ("ar", "أعلنت الشرطة حصيلة القتلى والجرحى والمفقودين في انفجار السوق.", {"18"}),
    ("ar", "خطف مسلحون ثلاثة مهندسين وقتلوا سائقهم وأحرقوا سيارتهم قرب كركوك.", {"18"}),
]


@pytest.mark.parametrize("lang,text,want", CASES, ids=[f"{c[0]}#{i}" for i, c in enumerate(CASES)])
def test_detection_case(lang, text, want):
    got = _roots(text, lang) & {"14", "18", "19", "20"}
    assert got == want, f"{text}: coded roots {sorted(got)}, want {sorted(want)}"


# An undated document (no publication date to measure by): an event told by its year alone is
# history, background (SPEC 5); a year across a comma belongs to another clause's story.
UNDATED = [
    ("خطف مسلحون طائرة ركاب عام 1986 قرب جزيرة مالطا.", "18", True),
    ("هاجم مسلحون مركزا للشرطة في عام 2003 وقتلوا ثلاثة من عناصره.", "19", True),
    ("خطف مسلحون رجل أعمال قرب منزله أمس.", "18", False),
    ("تظاهر مئات الطلاب أمام الوزارة، وقال ممثلهم إن القانون أقر عام 2005.", "14", False),
    # a day or month with its year written out: a record of the past; a timeline entry that the date
    # heads, or a sentence that also tells a time of the day's news, stays news
    ("ذكر التقرير أن المسلحين خطفوا طبيبين في 3 مارس (آذار) 1998 قرب الحدود.", "18", True),
    ("شارك في مظاهرة طلابية في أكتوبر 1979 أمام الجامعة.", "14", True),
    ("ـ 4 يونيو (حزيران) 1999: خطف مسلحون مهندسين أجنبيين قرب الميناء.", "18", False),
    ("هاجم مسلحون مركزا للشرطة أمس، بعد هدنة وقعت في مايو 2001.", "19", False),
    ("خطف مسلحون مهندسا أمس قرب الميناء.", "18", False),
    # a time counted a year or more back from the (unknown) publication: history; days back, or a
    # period the news of the day continues, are not
    ("وقبل ثلاثة أعوام خطف مسلحون طبيبا قرب الميناء.", "18", True),
    ("خطف مسلحون في العام الماضي عشرات الصيادين قرب الجزيرة.", "18", True),
    ("خطف مسلحون طبيبا قبل يومين قرب الميناء.", "18", False),
    ("تظاهر مئات العمال أمس احتجاجا على أزمة مستمرة منذ عامين.", "14", False),
]


@pytest.mark.parametrize("text,root,background", UNDATED, ids=[f"undated#{i}" for i in range(len(UNDATED))])
def test_year_alone_is_history_in_an_undated_document(text, root, background):
    coded = code_document(Document(doc_id="t", text=text, language="ar"))
    flags = {e.is_background for e in coded.events if e.event_root_code == root}
    assert flags == {background}, f"{text}: background flags {flags} for root {root}"


# an era or a decade long gone in the event's clause: history whatever the publication date; an era
# named across a comma, or the current century, dates another story
ERAS = [
    ("كثرت هجمات القراصنة على السفن التجارية في القرن الثامن عشر.", "19", True),
    ("تعرضت القرى الكردية في الثمانينيات من القرن الماضي لحملة تطهير عرقي.", "20", True),
    ("هاجم مسلحون قافلة عسكرية قرب الحدود أمس.", "19", False),
    ("شهدت المدينة حروبا كثيرة في القرن الماضي، وهاجم مسلحون أمس قافلة عسكرية قرب الحدود.", "19", False),
]


@pytest.mark.parametrize("text,root,background", ERAS, ids=[f"era#{i}" for i in range(len(ERAS))])
def test_an_era_long_gone_is_history(text, root, background):
    import datetime as dt
    coded = code_document(Document(doc_id="t", text=text, language="ar", published=dt.date(2008, 5, 1)))
    flags = {e.is_background for e in coded.events if e.event_root_code == root}
    assert flags == {background}, f"{text}: background flags {flags} for root {root}"


def test_a_dated_document_measures_the_year_by_its_publication():
    import datetime as dt
    text = "خطف مسلحون رجل أعمال في بغداد عام 2008."
    for published, background in ((dt.date(2008, 5, 1), False), (dt.date(2012, 5, 1), True)):
        coded = code_document(Document(doc_id="t", text=text, language="ar", published=published))
        assert {e.is_background for e in coded.events if e.event_root_code == "18"} == {background}


def test_detection_counts_news_events_only(tmp_path):
    """A sentence whose only event of its roots is background is no detection (SPEC 9 scores
    background apart); one with a news event is."""
    from coder.evaluate import evaluate
    gold = tmp_path / "det.jsonl"
    items = [
        {"id": "a", "language": "ar", "text": "خطف مسلحون طائرة ركاب عام 1986 قرب جزيرة مالطا.",
         "category": "ASSAULT", "roots": ["18"], "is_event": False},
        {"id": "b", "language": "ar", "text": "خطف مسلحون رجل أعمال قرب منزله أمس.",
         "category": "ASSAULT", "roots": ["18"], "is_event": True},
    ]
    import json
    gold.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n", encoding="utf-8")
    lines, _ = evaluate([str(gold)])
    text = "\n".join(lines)
    assert "P=1.00 R=1.00" in text and "false alarms 0/1" in text, text
