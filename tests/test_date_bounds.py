"""code_text never raises whatever the publication date, year 1 to 9999: a relative date that would
fall outside the calendar ("yesterday" of 1 January of year 1) is simply not resolved."""
from __future__ import annotations

import datetime as dt
import os

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from coder.pipeline import code_text

EXAMPLES = int(os.environ.get("CODER_HYPOTHESIS_EXAMPLES", "200")) // 4
TEXTS = [
    ("en", "The army shelled the town yesterday; three days ago police arrested two men."),
    ("en", "Rebels attacked a checkpoint last week and the minister met the envoy on Friday."),
    ("en", "Talks held last year ended; the two sides will meet again next month."),
    ("en", "Gunmen killed five guards on 3 March and protesters marched in June."),
    ("ar", "قصف الجيش القرية أمس واعتقلت الشرطة رجلين قبل ثلاثة أيام."),
    ("ar", "التقى الوزير المبعوث يوم الجمعة الماضي بعد هجوم الأسبوع الماضي."),
    ("ar", "هاجم مسلحون حاجزا في حزيران الماضي وفي العام الماضي."),
]


@settings(max_examples=max(EXAMPLES, 20), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(day=st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
       which=st.integers(0, len(TEXTS) - 1))
@example(day=dt.date(1, 1, 1), which=0)
@example(day=dt.date(1, 1, 1), which=4)
@example(day=dt.date(1, 1, 3), which=1)
@example(day=dt.date(1, 1, 2), which=0)   # ("yesterday", the first day of the calendar: not measured for age)
@example(day=dt.date(1, 6, 30), which=2)
@example(day=dt.date(9999, 12, 31), which=2)
@example(day=dt.date(9999, 12, 31), which=3)
@example(day=dt.date(9999, 12, 31), which=6)
def test_code_text_over_any_publication_date(day, which):
    lang, text = TEXTS[which]
    events = code_text(text, lang, day)
    for e in events:
        assert e.event_date is None or dt.date(1, 1, 1) <= e.event_date <= dt.date(9999, 12, 31)
        assert e.published == day
