"""Speed steps of the text stages (round 4): what they changed must give what was there before."""
from __future__ import annotations

import datetime as dt

import pytest

from coder.dates import find_dates
from coder.pipeline import _dated_tokens, sentences

TEXTS = [
    ("en", "On Monday, 3 March 2014, troops shelled the town; two days later, on March 5, they left."),
    ("en", "Police arrested 12 people in Cairo yesterday and released them on Friday."),
    ("ar", "قصف الجيش السوري مدينة إدلب يوم الاثنين 5 آب 2019 وأمس قتل ثلاثة مدنيين."),
    ("ar", "اعتقلت الشرطة عشرة أشخاص في القاهرة."),
]


@pytest.mark.parametrize("lang,text", TEXTS)
def test_dated_tokens_are_the_tokens_overlapping_a_date(lang, text):
    for sent in sentences(text, lang):
        dates = find_dates(sent.text, lang, dt.date(2019, 8, 6))
        expected = frozenset(i for d in dates for i, t in enumerate(sent.tokens)
                             if t.start < d.end and d.start < t.end)
        assert _dated_tokens(sent.tokens, dates) == expected
