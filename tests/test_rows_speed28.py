"""The twenty-seventh speed round of the rows stage, checked against the former logic (EventRow's
validator given a dict of the columns an event has) or against digests of what the code before the
round (3bd5e9c) made of texts written for these tests:
- an event row is made from its values in the table's column order, validated as one tuple by the
  model's own schema of each column (coder/event_rows.py), the row's dict and set of fields given
  put in place after: the same values, the same fields set, the same errors; a quantity row too;
- the run's loop (coder.runner.code_checked) takes the pipeline's rows as those validated values
  (code_document(..., as_values=True)), with no row model made, checked for what stored_document
  checks of the models; a document that fails a check is coded again as before, whose check names it."""
from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json

import pytest
from pydantic import ValidationError

from coder import __version__, pipeline
from coder.event_rows import COLUMNS, GIVEN, QUANTITY_COLUMNS, event_row, event_values, quantity_row, quantity_values
from coder.model import Document, EventRow, QuantityRow
from coder.pipeline import code_document
from coder.runner import _stored_values, code_checked, internal_reject
from coder.sinks import DocumentError, stored_document
from coder.tables import schema


def given_columns(values: tuple, given: int) -> dict:
    """The columns of an event_row call as the former code gave them to EventRow's validator: those
    of the groups in `given` (and every column outside the groups), the others left out."""
    names = GIVEN[given]
    return {name: v for name, v in zip(COLUMNS, values) if name in names}


def _former_row(values: tuple, given: int):
    """The former logic: EventRow's validator on the dict of the columns given (its row, or its error)."""
    try:
        return EventRow.__pydantic_validator__.validate_python(given_columns(values, given))
    except ValidationError as e:
        return e


def _shown(item) -> tuple:
    """A row with its fields set and its values' exact classes, or a validation error's text."""
    if isinstance(item, ValidationError):
        return ("error", str(item))
    return (type(item).__name__, list(item.__dict__.items()), sorted(item.model_fields_set),
            [type(v).__name__ for v in item.__dict__.values()], item.__pydantic_extra__, item.__pydantic_private__)


def _new_row(values: tuple, given: int):
    try:
        return event_row(values, given)
    except ValidationError as e:
        return e


# ---------------------------------------------------------------- rows of hand-made values

D = dt.date(2022, 3, 9)
_GOOD = dict(event_id="e" * 24, doc_id="doc-1", sentence_index=2, sentence="Police fired tear gas.",
             evidence="fired", language="en", published=D, event_date=D, date_precision="day",
             is_background=False, event_code="180", event_base_code="180", event_root_code="18", quad_class=4,
             goldstein=-9.0, source_code="IRQCOP", source_name="Police", source_country="IRQ", source_group=None,
             source_role="COP", target_code="IRQCVL", target_name="protesters", target_country="IRQ",
             target_group=None, target_role="CVL", location_text="Basra", location_name="Basra",
             location_country="IRQ", location_admin1="Basra Governorate", latitude=30.5, longitude=47.8,
             geo_precision="locality", place_id="geonames:99532", quantity_value=12, quantity_qualifier="exact",
             quantity_unit="people", fatalities=3, rule_id="en.verbs.fire", confidence=0.95,
             coder_version=__version__)


class _Text(str):
    pass


# column -> values other than the good one: each kind the validation converts, refuses or passes
_VARIANTS = {
    "sentence_index": [7, True, 2.0, 2.5, "3", None, -1, 1 << 40],
    "sentence": [_Text("Police fired."), b"bytes", None, "", "bad \ud83d"],
    "language": ["ar", "fr", None, _Text("en")],
    "published": [None, "2022-03-09", dt.datetime(2022, 3, 9), dt.datetime(2022, 3, 9, 5), 5],
    "event_date": [None, dt.date(1, 1, 1), "2022-03-09"],
    "date_precision": ["published", "year", "week", None],
    "is_background": [True, 1, 0, "yes", None, 2],
    "quad_class": [1, 5, 0, 4.0, True, "4", None],
    "goldstein": [-10, 10, 0, -10.5, float("nan"), float("inf"), "2.5", True, None],
    "source_code": [None, 5, _Text("SYR")],
    "target_name": [None, ["a"]],
    "latitude": [90, -90.0, 90.5, float("nan"), 30, None, "30.5"],
    "longitude": [180.0, -180.5, 47, None],
    "geo_precision": ["site", "region", "city", None],
    "quantity_value": [0, -5, 2.0, 2.5, True, 1 << 70, None],
    "quantity_qualifier": ["approx", "vague", "many", None],
    "fatalities": [0, None, "3", 3.0],
    "confidence": [0, 1, 1.5, -0.1, 0.45, True, None],
    "coder_version": [None, 1],
}


def _rows():
    base = tuple(_GOOD[name] for name in COLUMNS)
    for given in range(len(GIVEN)):
        # a group left out holds None, as rows_for gives it
        values = tuple(v if name in GIVEN[given] else None for name, v in zip(COLUMNS, base))
        yield values, given
        for column, variants in _VARIANTS.items():
            k = COLUMNS.index(column)
            for v in variants:
                if column in GIVEN[given] or v is None:
                    yield values[:k] + (v,) + values[k + 1:], given


def test_event_row_is_the_former_validation():
    n = errors = 0
    for values, given in _rows():
        want = _shown(_former_row(values, given))
        assert _shown(_new_row(values, given)) == want, (values, given)
        n += 1
        errors += want[0] == "error"
    assert n > 3000 and 500 < errors < n - 1000


def test_each_value_kept_or_converted_as_before():
    """A value of another type its column converts (an int for a float, a datetime at midnight for a
    date, a str subclass) is stored converted, as the model's validator stores it."""
    values = tuple(_GOOD[name] for name in COLUMNS)
    k = {name: COLUMNS.index(name) for name in ("goldstein", "published", "sentence", "latitude")}
    changed = list(values)
    changed[k["goldstein"]], changed[k["published"]] = -9, dt.datetime(2022, 3, 9)
    changed[k["sentence"]], changed[k["latitude"]] = _Text("Police fired."), 30
    row = event_row(tuple(changed), len(GIVEN) - 1)
    assert type(row.goldstein) is float and type(row.latitude) is float
    assert type(row.published) is dt.date and type(row.sentence) is str
    assert _shown(row) == _shown(_former_row(tuple(changed), len(GIVEN) - 1))


def test_the_groups_are_the_models_optional_columns():
    """Every column outside the groups is given with every row; each group's columns default to None."""
    always = GIVEN[0]
    assert all(GIVEN[g] >= always for g in range(len(GIVEN)))
    assert set(GIVEN[-1]) == set(COLUMNS) == set(EventRow.model_fields)
    for name in set(COLUMNS) - always:
        assert not EventRow.model_fields[name].is_required() and EventRow.model_fields[name].default is None
    assert {name for name in COLUMNS if EventRow.model_fields[name].is_required()} <= always
    assert len({frozenset(g) for g in GIVEN}) == len(GIVEN)


_QUANTITY = ("e" * 24, 12, "exact", "people", "12")
_QUANTITY_VARIANTS = [[None, 5, _Text("x" * 24)], [0, -3, True, 2.0, 2.5, "7", 1 << 70, None],
                      ["approx", "vague", "many", None, _Text("exact")], ["killed", None, 3],
                      ["twelve", "", "bad \udc00", b"12", None]]


def _former_quantity(values: tuple):
    try:
        return QuantityRow.__pydantic_validator__.validate_python(dict(zip(QUANTITY_COLUMNS, values)))
    except ValidationError as e:
        return e


def _quantities():
    yield _QUANTITY
    for k, variants in enumerate(_QUANTITY_VARIANTS):
        for v in variants:
            yield _QUANTITY[:k] + (v,) + _QUANTITY[k + 1:]


def test_quantity_row_is_the_former_validation():
    n = errors = 0
    for values in _quantities():
        want = _former_quantity(values)
        try:
            got = quantity_row(values)
        except ValidationError as e:
            got = e
        assert _shown(got) == _shown(want), values
        if isinstance(want, ValidationError):
            errors += 1
            with pytest.raises(ValidationError) as raised:
                quantity_values(values)
            assert str(raised.value) == str(want)
        else:
            assert quantity_values(values) == tuple(want.__dict__.values())
            assert [type(v) for v in quantity_values(values)] == [type(v) for v in want.__dict__.values()]
        n += 1
    assert n == 25 and 5 < errors < 20


# ---------------------------------------------------------------- the pipeline's rows

P = dt.date(2023, 6, 12)
# (language, publication date, text): rows with and without each group of columns
TEXTS = [
    ("en", P, "Police fired tear gas at hundreds of protesters in Basra on Sunday, wounding 14 people, "
              "a rights group said."),
    ("en", None, "Gunmen killed three soldiers at a checkpoint near Mosul. The president condemned the attack."),
    ("en", P, "The Turkish foreign minister met his Iraqi counterpart in Ankara and urged talks on water."),
    ("en", P, "Jets bombed two villages in Idlib province, killing nine civilians, including four children."),
    ("en", P, "Protesters rallied outside parliament. Officials promised reforms within weeks."),
    ("en", P, "Israel said it struck Hamas targets in Gaza after rockets were fired at Sderot last night."),
    ("ar", P, "أطلقت الشرطة الغاز المسيل للدموع على مئات المحتجين في البصرة يوم الأحد وأصابت 14 شخصا."),
    ("ar", None, "قتل مسلحون ثلاثة جنود عند حاجز قرب الموصل. وندد الرئيس بالهجوم."),
    ("ar", P, "التقى وزير الخارجية التركي نظيره العراقي في أنقرة ودعا إلى محادثات حول المياه."),
    ("ar", P, "قصفت الطائرات قريتين في ريف إدلب وقتلت تسعة مدنيين بينهم أربعة أطفال."),
    ("ar", P, "تظاهر مئات أمام البرلمان، ووعد المسؤولون بإصلاحات خلال أسابيع."),
    ("ar", P, "اعتقلت قوات الأمن 20 شخصا في كركوك أمس بعد اشتباكات مع مسلحين."),
    ("en", P, "Clashes erupted overnight in the old city."),
    ("ar", P, "اندلعت اشتباكات ليلا في المدينة القديمة."),
]


def _coded(monkeypatch) -> list[tuple[tuple, int, EventRow]]:
    made = []

    def kept(values, given):
        row = event_row(values, given)
        made.append((values, given, row))
        return row
    monkeypatch.setattr("coder.rows.event_row", kept)
    for k, (lang, published, text) in enumerate(TEXTS):
        code_document(Document(doc_id=f"t{k}", text=text, language=lang, published=published),
                      coded_at=dt.datetime(2001, 2, 3))
    return made


def test_the_pipelines_rows_are_the_former_validation(monkeypatch):
    made = _coded(monkeypatch)
    assert len(made) >= 15
    for values, given, row in made:
        assert len(values) == len(COLUMNS)
        # a column left out is None, as the model's default
        assert all(v is None for name, v in zip(COLUMNS, values) if name not in GIVEN[given])
        assert _shown(row) == _shown(_former_row(values, given))
    # rows with and without a source, a target, a place named, a place, a count and a death toll
    for bit in range(6):
        assert {bool(given & 1 << bit) for _, given, _ in made} == {True, False}, bit


def _digest(lang, published, text) -> str:
    coded = code_document(Document(doc_id="d", text=text, language=lang, published=published),
                          coded_at=dt.datetime(2001, 2, 3))
    shown = [(e.model_dump(mode="json"), sorted(e.model_fields_set), [type(v).__name__ for v in e.__dict__.values()])
             for e in coded.events]
    shown += [(q.model_dump(mode="json"), sorted(q.model_fields_set)) for q in coded.quantities]
    shown.append(coded.document.model_dump(mode="json"))
    return hashlib.sha256(json.dumps(shown, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:16]


# what 3bd5e9c made of TEXTS: rows, fields set, value classes, quantities, the documents row
DIGESTS = [
    'd71d00e685f3774e',
    '3e7fb179fe8d3ffe',
    'ba32008f4213a6d7',
    '28133204af7a0f81',
    'c97b086287d725d5',
    '4f76bea2f5aa3262',
    '6c4f8da89857e316',
    'c7ecef5a52b1e450',
    'af927150c144082d',
    '731b19d1777e388a',
    '37ae1a71f1c3489d',
    'd7498a48bba18941',
    '78e85a480a3d076f',
    '575263d72efc9d3f',
]


@pytest.mark.parametrize("case, digest", list(itertools.zip_longest(TEXTS, DIGESTS)))
def test_rows_as_before_the_round(case, digest):
    assert _digest(*case) == digest


# ---------------------------------------------------------------- the run's loop on the values

def _former_checked(doc: Document, coder_version: str):
    """code_checked as it was before the round: the CodedDocument's models, checked by stored_document."""
    try:
        coded = pipeline.code_document(doc)
    except Exception as e:
        return internal_reject(doc, "coding", e)
    try:
        return stored_document(coded, coder_version, True)
    except DocumentError as e:
        return internal_reject(doc, "storing", e)


_CODED_AT = schema("documents").names.index("coded_at")


def _stored_shown(item) -> tuple:
    """A StoredDocument with its values' classes (coded_at, the time of coding, left out), or a Reject."""
    if not isinstance(item, tuple):
        return type(item).__name__, item.model_dump()
    document = item.document[:_CODED_AT] + item.document[_CODED_AT + 1:]
    return (type(item).__name__, document, item.events, item.quantities,
            [[type(v).__name__ for v in row] for row in (document, *item.events, *item.quantities)])


_DOCS = [Document(doc_id=f"t{k}", text=text, language=lang, published=published)
         for k, (lang, published, text) in enumerate(TEXTS)] + [
    Document(doc_id="twice", text="Police arrested two men in Basra. Police arrested two men in Basra."),
    Document(doc_id="surrogate", text="Police arrested two men in Basra \ud83d on Monday.", language="en"),
    Document(doc_id="none", text="The weather was fine.", language="en"),
]


@pytest.mark.parametrize("coder_version", [__version__, "0.0.0-other"])
def test_code_checked_is_the_former_logic(coder_version):
    for doc in _DOCS:
        assert _stored_shown(code_checked(doc, coder_version)) == _stored_shown(_former_checked(doc, coder_version))


def test_code_checked_on_a_replaced_code_document(monkeypatch):
    """A code_document put in the pipeline's place (as in tests) is asked as before, without as_values."""
    asked = []

    def replaced(doc, coded_at=None):
        asked.append(doc.doc_id)
        return code_document(doc, coded_at)
    monkeypatch.setattr(pipeline, "code_document", replaced)
    stored = code_checked(_DOCS[0], __version__)
    assert asked == ["t0"] and len(stored.events) == 2


def _values(doc: Document) -> tuple:
    return code_document(doc, as_values=True)


def _document_with(values: tuple, column: str, value) -> tuple:
    """A documents row's values (in column order) with one column's value replaced."""
    k = schema("documents").names.index(column)
    return values[:k] + (value,) + values[k + 1:]


def test_stored_values_refuse_what_stored_document_refuses():
    values, events, quantities = _values(_DOCS[0])
    assert len(events) == 2 and quantities
    assert _stored_values((values, events, quantities), __version__) is not None
    assert _stored_values((values, events, quantities), "0.0.0-other") is None
    other_doc = (events[0][:1] + ("another",) + events[0][2:],)
    assert _stored_values((values, [*other_doc, events[1]], quantities), __version__) is None
    assert _stored_values((values, [events[0], events[0]], []), __version__) is None
    assert _stored_values((values, events, [("x" * 24,) + quantities[0][1:]]), __version__) is None
    assert _stored_values((values, [], quantities), __version__) is None
    k = COLUMNS.index("sentence_index")
    assert _stored_values((values, [events[0][:k] + (1 << 31,) + events[0][k + 1:]], []), __version__) is None
    k = COLUMNS.index("evidence")
    assert _stored_values((values, [events[0][:k] + ("bad \udc00",) + events[0][k + 1:]], []), __version__) is None
    assert _stored_values((_document_with(values, "title", "bad \udc00"), events, quantities), __version__) is None
    assert _stored_values((_document_with(values, "n_events", 1 << 31), events, quantities), __version__) is None


def test_event_values_are_the_rows_values():
    for values, given in itertools.islice(_rows(), 0, None, 7):
        want = _former_row(values, given)
        if isinstance(want, ValidationError):
            with pytest.raises(ValidationError) as got:
                event_values(values, given)
            assert str(got.value) == str(want)
        else:
            got = event_values(values, given)
            assert got == tuple(want.__dict__.values())
            assert [type(v) for v in got] == [type(v) for v in want.__dict__.values()]


def test_the_documents_values_are_its_rows():
    for doc in _DOCS:
        values, events, quantities = _values(doc)
        document = dict(zip(schema("documents").names, values))
        coded = code_document(doc, coded_at=document["coded_at"])
        assert document == coded.document.model_dump()
        assert events == [tuple(e.__dict__.values()) for e in coded.events]
        assert quantities == [tuple(q.__dict__.values()) for q in coded.quantities]
