"""The row stage's per-sentence shortcuts (fourteenth speed round): events dated from one another
only where a sentence has two or more; a sentence with no date of its own takes the date carried
from the sentence before without the date chooser; an event with no date of its own is neither
old nor a dated record; no empty list or set made for a sentence with no date, place or count.
The rows and the trace steps of hand-written texts, Arabic and English, are those the code gave
before these shortcuts (recorded from it)."""
from __future__ import annotations

import datetime as dt

import pytest

from coder.model import Document
from coder.pipeline import document_sha, drop_repeat_mentions, resolve_document
from coder.rows import _earlier_event_phrases, rows_for

D = dt.date(2019, 8, 12)
FIELDS = ("sentence_index", "event_code", "event_date", "date_precision", "is_background", "location_name",
          "geo_precision", "quantity_value", "source_code", "target_code")

# (language, publication date, text, rows as FIELDS, quantities (value, unit), the steps that say
# why an event was not coded, or was dated from another)
CASES = [
    ("en", D, "Gunmen attacked a police checkpoint in Kirkuk on Monday, killing five soldiers.",
     [(0, '190', '2019-08-12', 'day', False, 'Kirkuk', 'locality', 5, 'IRQUAF', 'IRQCOP')],
     [(5, 'killed')],
     []),
    ("en", None, "Gunmen attacked a police checkpoint in Kirkuk on Monday, killing five soldiers. The attack lasted an hour.",
     [(0, '190', None, None, False, 'Kirkuk', 'locality', 5, 'IRQUAF', 'IRQCOP')],
     [(5, 'killed')],
     ["'attack': names again an event of sentence before, adds nothing; not coded twice"]),
    ("en", D, "Gunmen attacked a police checkpoint in Kirkuk on Monday. Police arrested two suspects in Baghdad.",
     [(0, '190', '2019-08-12', 'day', False, 'Kirkuk', 'locality', None, 'IRQUAF', 'IRQCOP'), (1, '173', '2019-08-12', 'day', False, 'Baghdad', 'locality', 2, 'IRQCOP', 'IRQCRM')],
     [(2, 'detainees')],
     []),
    ("en", D, "Syrian troops shelled Idlib. Rebels fired rockets from Gaza at Israeli towns, wounding three people.",
     [(0, '194', '2019-08-12', 'published', False, 'Idlib', 'locality', None, 'SYRMIL', 'SYR'), (1, '194', '2019-08-12', 'published', False, 'Gaza', 'locality', 3, 'PSEREB', 'PSECVL')],
     [(3, 'injured')],
     []),
    ("en", D, "The war has killed 500,000 people since 2011, a monitor said on Tuesday.",
     [],
     [],
     ["reported speech: the reporting verb(s) 'said' are not coded; the reported event is", "'killed': a count since '2011', a total, not an event"]),
    ("en", None, "In 2003 American forces invaded Iraq. Two years ago protesters marched in Baghdad.",
     [(0, '192', '2003-01-01', 'year', True, 'Iraq', 'country', None, 'USAMIL', 'IRQ'), (1, '141', None, None, True, 'Baghdad', 'locality', None, 'IRQCVL', 'IRQGOV')],
     [],
     []),
    ("en", D, "Police arrested ten protesters in Cairo after clashes on Friday, and the government condemned the violence.",
     [(0, '173', '2019-08-12', 'published', False, 'Cairo', 'locality', 10, 'EGYCOP', 'EGYCVL'), (0, '111', '2019-08-09', 'day', False, None, None, None, 'EGYGOV', None)],
     [(10, 'detainees')],
     []),
    ("en", D, "Zelenskiy urged allies on Tuesday to send air defences, a day after Russia fired 80 missiles at Kyiv.",
     [(0, '020', '2019-08-06', 'day', False, None, None, None, 'UKRGOV', 'UKRMIL'), (0, '194', '2019-08-05', 'day', True, 'Kyiv', 'locality', 80, 'RUS', 'UKR')],
     [(80, 'other')],
     ["'fired 80 missiles': 1 day(s) before the news event it is told after"]),
    ("ar", D, "قصف الجيش السوري مدينة إدلب أمس وقتل عشرة مدنيين.",
     [(0, '194', '2019-08-11', 'day', False, 'Idlib', 'locality', 10, 'SYRMIL', 'SYR')],
     [(10, 'killed')],
     []),
    ("ar", None, "قتل مسلحون خمسة جنود في هجوم على نقطة تفتيش في كركوك يوم الاثنين. واستمر الهجوم ساعة.",
     [(0, '190', None, None, False, 'Kirkuk', 'locality', 5, 'IRQUAF', 'IRQMIL')],
     [(5, 'killed')],
     ["'الهجوم': names again an event of sentence before, adds nothing; not coded twice"]),
    ("ar", D, "أطلقت فصائل مسلحة صواريخ من جنوب لبنان على بلدات إسرائيلية، وأصيب ثلاثة أشخاص.",
     [(0, '194', '2019-08-12', 'published', False, 'South Governorate', 'admin1', 3, 'LBNREB', 'LBNCVL')],
     [(3, 'injured')],
     []),
    ("ar", D, "قتلت الحرب أكثر من 500 ألف شخص منذ عام 2011، بحسب المرصد.",
     [],
     [],
     ["'قتلت': a count since '2011', a total, not an event"]),
    ("ar", None, "في 16 مايو 2003 اعتقلت الشرطة عشرين متظاهرا في بغداد. وقبل عامين تظاهر آلاف في البصرة.",
     [(1, '141', None, None, True, 'Basrah', 'locality', 1000, 'IRQCVL', 'IRQGOV')],
     [(1000, 'other')],
     []),
    ("ar", D, "نددت الحكومة العراقية بالهجوم بعد يومين من تفجير سيارة مفخخة في الموصل.",
     [(0, '111', '2019-08-12', 'published', False, None, None, None, 'IRQGOV', None)],
     [],
     ["'تفجير': framed by 'بعد', an event reported elsewhere; not coded", "'سيارة مفخخة': alleged by an accusation, denial or claim before it, not coded"]),
    ("ar", D, "هاجم مسلحون حاجزا للشرطة في الموصل يوم الجمعة. واعتقلت القوات الأمنية ثلاثة مشتبه بهم.",
     [(0, '190', '2019-08-09', 'day', False, 'Mosul', 'locality', None, 'IRQUAF', 'IRQCOP'), (1, '173', '2019-08-09', 'day', False, 'Iraq', 'country', 3, 'IRQMIL', None)],
     [(3, 'detainees')],
     []),
]


def _rows(lang, published, text):
    doc = Document(doc_id="t", text=text, language=lang, published=published)
    lang, results, _, focus, actor_focus = resolve_document(doc)
    drop_repeat_mentions(results)
    events, quantities = rows_for(doc, lang, document_sha(doc), results, focus, actor_focus)
    rows = [tuple(str(v) if isinstance(v, dt.date) else v for v in (getattr(e, f) for f in FIELDS))
            for e in events]
    steps = [s for r in results for s in r.analysis.steps if "not coded" in s or "total" in s or "day(s)" in s]
    return rows, [(q.value, q.unit) for q in quantities], steps


@pytest.mark.parametrize("lang, published, text, rows, quantities, steps", CASES)
def test_rows_and_steps_as_before(lang, published, text, rows, quantities, steps):
    assert _rows(lang, published, text) == (rows, quantities, steps)


class _Sentence:
    text = "Protests went on after the funeral of a woman, and police fired tear gas."


class _Result:
    sentence = _Sentence()


def test_earlier_event_phrases_as_the_comprehension():
    r = _Result()
    assert _earlier_event_phrases(r, []) == []
    walls = [r.sentence.text.index("after")]
    assert _earlier_event_phrases(r, walls) == [(walls[0], r.sentence.text.index(","))]
