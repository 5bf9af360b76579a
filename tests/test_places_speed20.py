"""The twentieth speed round's changes to the rows and places, each checked against digests of what
the code gave before the round (tests/test_glue_speed15.py's digest of the whole coding: rows as
validated and as stored, places, trace) or against the former construction, on hand-written Arabic
and English texts."""
from __future__ import annotations

import datetime as dt

import pytest

from coder import __version__, rows
from coder.model import Document, EventRow
from coder.pipeline import code_document
from test_glue_speed15 import _digest

D = dt.date(2024, 5, 14)

# (language, publication date, text, digest of what the code gave before this round, events)
CASES = [
    ('en', D, 'Turkish drones struck a fuel depot near Qamishli on Tuesday, killing four workers, a monitor said.',
     '09946c4a28262746', 1),
    ('en', None, 'Armed men abducted two engineers in Sabha. Protesters blocked the road to Tripoli a week later.',
     '393c1fbc969842ab', 2),
    ('en', D, 'The Egyptian foreign minister visited Khartoum and called for a ceasefire between the rival forces.',
     'bb9f868015b73d34', 2),
    ('en', D, 'Rockets fired from southern Lebanon hit Kiryat Shmona, wounding three people, the army said.',
     '47c3f8ec7da900e9', 1),
    ('en', D, 'Police said they had arrested 12 suspects.',
     '0efeef3ce62891f9', 1),
    ('ar', D, 'قصفت طائرات مسيرة تركية مستودع وقود قرب القامشلي يوم الثلاثاء وقتلت أربعة عمال، بحسب المرصد.',
     '9665ead9b7a3481b', 1),
    ('ar', None, 'خطف مسلحون مهندسين اثنين في سبها. وأغلق محتجون الطريق إلى طرابلس بعد أسبوع.',
     '428184c1d5716430', 2),
    ('ar', D, 'زار وزير الخارجية المصري الخرطوم ودعا إلى وقف إطلاق النار بين القوات المتناحرة.',
     '56c49611a657a73c', 2),
    ('ar', D, 'أصابت صواريخ أطلقت من جنوب لبنان كريات شمونة وجرحت ثلاثة أشخاص، وفق الجيش.',
     'd4216b8f5e6b7286', 1),
    ('ar', D, 'اعتقلت الشرطة 12 مشتبها بهم في البصرة أمس.',
     '07a13be928af338d', 1),
]


@pytest.mark.parametrize("lang, published, text, digest, n_events", CASES)
def test_coding_as_before_the_round(lang, published, text, digest, n_events):
    assert _digest(lang, published, text) == (digest, n_events)


# ---------------------------------------------------------------- event rows given the columns they have

def _given_rows(monkeypatch) -> list[tuple[dict, EventRow]]:
    """The columns each event row's validator was given, with the row it made, over CASES."""
    given = []
    validate = rows._event_row

    def kept(values):
        row = validate(values)
        given.append((dict(values), row))
        return row
    monkeypatch.setattr(rows, "_event_row", kept)
    for lang, published, text, _, _ in CASES:
        code_document(Document(doc_id=f"d-{lang}", text=text, language=lang, published=published),
                      coded_at=dt.datetime(2001, 2, 3))
    return given


def test_an_event_row_is_the_row_of_every_column(monkeypatch):
    """An event row validated from the columns it has is the row the former code made from every
    column of the table (those without a value None): the same values, the same validation."""
    given = _given_rows(monkeypatch)
    assert len(given) >= 10
    for values, row in given:
        assert set(values) <= set(EventRow.model_fields)
        every = dict.fromkeys(EventRow.model_fields) | values   # (the former row's columns, in order)
        former = EventRow.__pydantic_validator__.validate_python(every)
        assert type(row) is type(former) is EventRow
        assert row.model_dump() == former.model_dump() == every
        assert list(row.__dict__) == list(EventRow.model_fields)
        assert row.coder_version == __version__
        # the columns left out are the row's None ones; those given are the set fields
        assert all(every[k] is None for k in set(EventRow.model_fields) - set(values))
        assert row.model_fields_set == set(values)


def test_rows_with_and_without_each_group_of_columns(monkeypatch):
    """The texts give rows with and without a source, a target, a place, a count and a death toll,
    so that each group's columns are both given and left out."""
    given = _given_rows(monkeypatch)
    for column in ("source_code", "target_code", "location_name", "quantity_value", "fatalities"):
        assert {column in values for values, _ in given} == {True, False}, column
