"""The twenty-fourth speed round's changes to the run around the coding, each checked against the code
it replaces on the rows of hand-written Arabic and English texts (tests/test_glue_speed18.py's rows
and spoilers):
- the storing check of rows the pipeline's own code_document made (validated as they were made)
  tests only what validation leaves: integer widths and lone surrogates, not each value's type;
- coded_at, the clock in UTC without a zone, is the time since the epoch added to the naive epoch,
  not the clock's date and time combined."""
from __future__ import annotations

import datetime as dt

import pytest

from coder import pipeline, runner, tables
from coder.model import Document, Reject
from coder.sinks import StoredDocument, stored_document
from coder.tables import schema, storable_values
from test_glue_speed18 import CASES, _coded_rows, _spoilt
from test_glue_speed20 import _BAD_STRINGS, _GOOD_STRINGS

# ---------------------------------------------------------------- the storing check of validated rows


def test_validated_rows_give_the_tuples_of_the_quick_check():
    for table, rows in _coded_rows():
        assert tables._validated_values(table, rows) == tables._plain_values(table, rows)
        assert storable_values(table, rows, validated=True) == storable_values(table, rows)


def _spoilt_rows():
    """(table, rows) with one value the table cannot hold though of its field's type (what validation
    lets through): a lone surrogate in a string, an integer beyond its column's width."""
    coded = _coded_rows()
    events = [e for table, rows in coded if table == "events" for e in rows]
    quantities = [q for table, rows in coded if table == "event_quantities" for q in rows]
    document = coded[0][1][0]
    arabic = next(e for e in events if e.language == "ar")
    out = []
    for bad in _BAD_STRINGS:
        out += [("events", [_spoilt(arabic, evidence=bad)]), ("events", [events[0], _spoilt(events[1], sentence=bad)]),
                ("events", [_spoilt(arabic, source_name="x", target_name=bad)]),
                ("event_quantities", [quantities[0], _spoilt(quantities[-1], text=bad)]),
                ("documents", [_spoilt(document, title=bad)]), ("documents", [_spoilt(document, doc_id=bad)])]
    out += [("events", [_spoilt(events[0], sentence_index=1 << 31)]), ("events", [_spoilt(arabic, fatalities=1 << 63)]),
            ("events", [events[0], _spoilt(events[-1], quantity_value=-(1 << 63) - 1)]),
            ("event_quantities", [_spoilt(quantities[0], value=1 << 70)]),
            ("documents", [_spoilt(document, n_sentences=1 << 31)]), ("documents", [_spoilt(document, n_events=-(1 << 40))])]
    return out


@pytest.mark.parametrize("case", range(len(_BAD_STRINGS) * 6 + 6))
def test_what_validation_leaves_is_still_refused_with_the_same_error(case):
    table, rows = _spoilt_rows()[case]
    assert tables._validated_values(table, rows) is None
    with pytest.raises((ValueError, OverflowError)) as former:
        storable_values(table, rows)
    with pytest.raises(type(former.value)) as now:
        storable_values(table, rows, validated=True)
    assert str(now.value) == str(former.value)


def test_good_strings_and_empty_columns_pass_as_validated():
    coded = _coded_rows()
    events = [e for table, rows in coded if table == "events" for e in rows]
    rows = [_spoilt(events[0], evidence=s, source_name=None, target_name=s) for s in _GOOD_STRINGS]
    assert tables._validated_values("events", rows) == tables._plain_values("events", rows) is not None


# the columns the model's schema holds to literals or to bounds within the column's width (the
# events' and quantities' rows are validated by it; tests/test_rows_speed30.py)
_BOUNDED_BY_VALIDATION = {"events": {"quad_class", "language", "date_precision", "geo_precision", "quantity_qualifier"},
                          "event_quantities": {"qualifier"}}


def test_the_columns_left_to_check_are_the_integer_and_string_columns():
    for table in tables.TABLES:
        _, ints, strings = tables._unchecked_by_validation(table)
        names = schema(table).names
        kinds = {name: kind for name, kind, *_ in tables._checks(table)}
        left = [n for n in names if n not in _BOUNDED_BY_VALIDATION.get(table, ())]
        assert [names[i] for i, _, _ in ints] == [n for n in left if kinds[n] == "int"]
        assert strings.__reduce__()[1] == tuple(names.index(n) for n in left if kinds[n] == "str")


def _documents():
    return [Document(doc_id=f"d{k}", text=text, language=lang, published=published, title="عنوان",
                     input_path="in.jsonl", record=k)
            for k, (lang, published, text, _, _) in enumerate(CASES)]


def _without_coded_at(stored: StoredDocument) -> tuple:
    at = schema("documents").names.index("coded_at")
    return stored.document[:at] + stored.document[at + 1:], stored.events, stored.quantities


def test_the_loop_stores_the_pipelines_rows_as_the_full_check_does():
    for doc in _documents():
        got = runner.code_checked(doc, pipeline.__version__)
        assert got.__class__ is StoredDocument
        assert _without_coded_at(got) == _without_coded_at(stored_document(pipeline.code_document(doc),
                                                                           pipeline.__version__))


def test_rows_of_a_replaced_code_document_have_their_types_checked(monkeypatch):
    """Only the pipeline's own function is trusted: rows from one that replaces it (a test's, which
    may put any value in a row) go through the whole check, which refuses a value of another type."""
    real = pipeline.code_document
    calls = []

    def spoiling(doc):
        coded = real(doc)
        calls.append(doc.doc_id)
        events = [_spoilt(e, sentence_index=str(e.sentence_index)) for e in coded.events]
        return coded.model_copy(update={"events": events})

    monkeypatch.setattr(pipeline, "code_document", spoiling)
    docs = [d for d in _documents() if real(d).events]
    for doc in docs:
        got = runner.code_checked(doc, pipeline.__version__)
        assert isinstance(got, Reject) and "while storing" in got.reason and "TypeError" in got.reason
    assert calls == [d.doc_id for d in docs]


def test_a_coded_at_given_by_the_caller_is_stored_as_given():
    doc = _documents()[0]
    coded = pipeline.code_document(doc, coded_at=dt.datetime(2001, 2, 3, 4, 5, 6))
    assert stored_document(coded, pipeline.__version__, True) == stored_document(coded, pipeline.__version__)


# ---------------------------------------------------------------- the clock read for coded_at

def _former_utc_now(now: dt.datetime) -> dt.datetime:
    """pipeline._utc_now as it was before this round, for the clock's reading `now`."""
    return dt.datetime.combine(now.date(), now.time())


_INSTANTS = [dt.datetime(2026, 12, 6, 13, 30, 1, 123456), dt.datetime(2024, 2, 29, 23, 59, 59, 999999),
             dt.datetime(1970, 1, 1), dt.datetime(1969, 12, 31, 23, 59, 59, 1), dt.datetime(2000, 1, 1, 0, 0, 0, 1),
             dt.datetime(9999, 12, 31, 23, 59, 59, 999999), dt.datetime(1, 1, 1), dt.datetime(2038, 1, 19, 3, 14, 8)]


@pytest.mark.parametrize("instant", _INSTANTS)
def test_coded_at_is_the_former_reading_of_the_clock(instant, monkeypatch):
    now = instant.replace(tzinfo=dt.timezone.utc)
    asked = []
    monkeypatch.setattr(pipeline, "_now", lambda tz: asked.append(tz) or now)
    got = pipeline._utc_now()
    assert asked == [dt.timezone.utc]
    assert got == _former_utc_now(now) == instant and got.__class__ is dt.datetime and got.tzinfo is None


def test_coded_at_of_a_document_is_the_clock_now():
    before = _former_utc_now(dt.datetime.now(dt.timezone.utc))
    coded = pipeline.code_document(_documents()[0])
    after = _former_utc_now(dt.datetime.now(dt.timezone.utc))
    assert before <= coded.document.coded_at <= after and coded.document.coded_at.tzinfo is None
