"""Speed steps of the row stage (eighth round) must not change a row nor an error: the row models
are validated by calling their validators on a dict of the fields, which must store what the
models' constructors store and refuse what they refuse, with the same errors; the quantities of a
sentence with one event are all its (to_one_event), as attach gives them."""
from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from coder import pipeline
from coder.event_rows import COLUMNS, GIVEN, QUANTITY_COLUMNS, event_row, quantity_row
from coder.model import CodedDocument, DocumentRow, EventRow, QuantityRow, QuantityValue
from coder.quantities.attach import EventSpan, attach, to_one_event

EVENT = {
    "event_id": "0123456789abcdef01234567", "doc_id": "d1", "sentence_index": 0,
    "sentence": "Troops shelled the town of Kafr Nabl on Monday, killing five civilians.",
    "evidence": "shelled", "language": "en", "published": dt.date(2021, 3, 4),
    "event_date": dt.date(2021, 3, 1), "date_precision": "day", "is_background": False,
    "event_code": "195", "event_base_code": "195", "event_root_code": "19", "quad_class": 4,
    "goldstein": -10.0, "source_code": "MIL", "source_name": "Troops", "source_country": None,
    "source_group": None, "source_role": "MIL", "target_code": None, "target_name": None,
    "target_country": None, "target_group": None, "target_role": None, "location_text": "Kafr Nabl",
    "location_name": "Kafr Nabl", "location_country": "SYR", "location_admin1": "Idlib",
    "latitude": 35.61, "longitude": 36.56, "geo_precision": "locality", "place_id": "geonames:1",
    "quantity_value": 5, "quantity_qualifier": "exact", "quantity_unit": "killed", "fatalities": 5,
    "rule_id": "en.verbs.shell", "confidence": 0.85, "coder_version": "0.0.0",
}
QUANTITY = {"event_id": "0123456789abcdef01234567", "value": 5, "qualifier": "exact", "unit": "killed",
            "text": "five"}
DOCUMENT = {"doc_id": "d1", "title": None, "source": None, "url": None, "language": "en",
            "published": dt.date(2021, 3, 4), "n_sentences": 1, "n_events": 1, "sha256": "ab" * 32,
            "input_path": "", "coded_at": dt.datetime(2021, 3, 4, 12), "coder_version": "0.0.0"}



def _event_row(fields: dict):
    """The rows stage's event row of these columns (since the 27th round made from its values in
    column order by coder.event_rows.event_row; a row missing a column every event has, which
    rows_for never makes, by EventRow's validator)."""
    given = next((g for g in range(len(GIVEN)) if GIVEN[g] == set(fields)), None)
    if given is None:
        return EventRow.__pydantic_validator__.validate_python(fields)
    return event_row(tuple(fields.get(name) for name in COLUMNS), given)


def _quantity_row(fields: dict):
    """The rows stage's quantity row of these columns (since the 27th round made from its values in
    column order by coder.event_rows.quantity_row; a row missing a column, which rows_for never
    makes, by QuantityRow's validator)."""
    if set(fields) != set(QUANTITY_COLUMNS):
        return QuantityRow.__pydantic_validator__.validate_python(fields)
    return quantity_row(tuple(fields[name] for name in QUANTITY_COLUMNS))


# (model, its validator as the coder calls it, good fields, a field and values to try in it)
CASES = [
    (EventRow, _event_row, EVENT, "quad_class", [4, 5, "4", 4.0, 4.5, True, None]),
    (EventRow, _event_row, EVENT, "goldstein", [-10, "-2.5", -11.0, None]),
    (EventRow, _event_row, EVENT, "language", ["ar", "fr", None]),
    (EventRow, _event_row, EVENT, "published", [dt.date(2020, 1, 1), "2020-01-01", dt.datetime(2020, 1, 1),
                                                     dt.datetime(2020, 1, 1, 5), 7, None]),
    (EventRow, _event_row, EVENT, "latitude", [91.0, "35.5", 35]),
    (EventRow, _event_row, EVENT, "event_code", [195, b"195", None]),
    (QuantityRow, _quantity_row, QUANTITY, "value", [5, "5", 5.0, 5.5, None]),
    (QuantityRow, _quantity_row, QUANTITY, "qualifier", ["approx", "many"]),
    (DocumentRow, pipeline._document_row, DOCUMENT, "n_events", [0, -1, "3"]),
    (DocumentRow, pipeline._document_row, DOCUMENT, "coded_at", [dt.date(2021, 3, 4), "2021-03-04T12:00:00", None]),
]


def _outcome(make, fields):
    try:
        row = make(fields)
    except ValidationError as e:
        return "error", e.title, e.errors(include_url=False)
    return type(row), row.model_dump(), row.model_fields_set


@pytest.mark.parametrize("model, validator, good, name, values", CASES)
def test_a_row_validated_from_a_dict_is_the_constructors_row(model, validator, good, name, values):
    assert _outcome(validator, good) == _outcome(lambda f: model(**f), good)
    for value in values:
        fields = {**good, name: value}
        assert _outcome(validator, fields) == _outcome(lambda f: model(**f), fields), (name, value)
    missing = {k: v for k, v in good.items() if k != name}
    assert _outcome(validator, missing) == _outcome(lambda f: model(**f), missing)


def test_a_coded_document_validated_from_a_dict_is_the_constructors():
    good = {"document": DocumentRow(**DOCUMENT), "events": [EventRow(**EVENT)],
            "quantities": [QuantityRow(**QUANTITY)]}
    for fields in (good, {**good, "events": [QUANTITY]}, {**good, "document": dict(DOCUMENT)},
                   {**good, "quantities": None}):
        assert _outcome(pipeline._coded_document, fields) == _outcome(lambda f: CodedDocument(**f), fields)


def _q(value: int, unit: str, start: int) -> QuantityValue:
    return QuantityValue(value, "exact", unit, start, start + 2, str(value))


QUANTITY_SETS = [
    [],
    [_q(5, "killed", 40)],
    [_q(30, "fighters", 0), _q(5, "killed", 40), _q(12, "injured", 60), _q(3, "children", 80)],
    [_q(18, "killed", 50), _q(6, "people", 70), _q(2, "vehicles", 10)],   # (not in text order)
    [_q(100, "displaced", 5), _q(100, "displaced", 5)],
]
SPANS = [
    EventSpan(20, 27, True),
    EventSpan(20, 27, False),
    EventSpan(90, 97, True, background=True),
    EventSpan(45, 52, True, source="IRQMIL", source_span=(0, 12), also=((70, 75),)),
    EventSpan(0, 4, False, source="SYRREB", source_span=(60, 66)),
]


@pytest.mark.parametrize("quantities", QUANTITY_SETS)
def test_the_quantities_of_one_event_are_those_attach_gives_it(quantities):
    for span in SPANS:
        for parts in (None, {}, {1: 0}, {2: 1, 3: 1}):
            assert to_one_event(quantities) == attach(quantities, [span], parts), (span, parts)
