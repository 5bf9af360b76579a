"""The twenty-fifth speed round's changes to the run around the coding, each checked against the code
it replaces on hand-written Arabic and English records:
- the reader assembles a record's Document from the values it has checked itself when each is of its
  field's exact type (no subclass, Path or datetime), instead of running the model's validator on them;
  any other value still goes through the validator, with its conversion or its error;
- the storing check of a document's validated rows (the pipeline's own) reads its three tables in one
  pass with one string test (tables.storable_document), not one pass and one test a table: the same
  tuples, or the same error, as the three storable_values calls it replaces (tables.storable_rows)."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from coder import __version__, ingest, tables
from coder.model import Document, Reject
from coder.pipeline import code_document
from coder.sinks import DocumentError, StoredDocument, stored_document
from test_glue_speed18 import CASES, _spoilt
from test_glue_speed20 import _BAD_STRINGS, _GOOD_STRINGS

# ---------------------------------------------------------------- the reader's Documents

_RECORDS = [
    {"id": "ar-1", "text": "قصف الجيش السوري مواقع في إدلب أمس، بحسب المرصد.", "date": "2021-03-04", "language": "ar"},
    {"id": 17, "text": "هاجم مسلحون نقطة تفتيش في كركوك.", "language": "ARA", "title": "كركوك", "source": "وكالة",
     "url": "https://example.org/a"},
    {"id": "en-1", "text": "Protesters rallied in Basra on Friday.", "date": "2019-08-05T23:30:00-04:00",
     "language": "en-GB", "title": 2019, "source": 3.5},
    {"id": "en-2", "text": "Jets bombed Aleppo.", "date": None, "language": None, "title": "", "url": None},
    {"id": "en-3", "text": "Police said \\u0041 riot broke out in Amman.", "language": "english"},
    {"id": "mixed", "text": "Iraqi troops raided a village near تلعفر on Thursday.", "date": "2022-05-14",
     "language": "Arabic"},
    {"id": "bad-date", "text": "Egypt condemned the attack.", "date": "the fifth of May"},
    {"id": "  ", "text": "no id"},
    {"id": "dup", "text": "تظاهر المئات في البصرة."},
    {"id": "dup", "text": "The same id again."},
]


def _former(values: dict) -> Document:
    """The Document as the reader made it before this round: the model's validator on every record."""
    return Document.__pydantic_validator__.validate_python(values)


def _same(a, b) -> bool:
    if a.__class__ is not b.__class__:
        return False
    if isinstance(a, Reject):
        return a == b
    return (a.__dict__ == b.__dict__ and list(a.__dict__) == list(b.__dict__)
            and a.model_fields_set == b.model_fields_set and a.__pydantic_extra__ == b.__pydantic_extra__
            and a.__pydantic_private__ == b.__pydantic_private__ and hash(a) == hash(b)
            and all(type(a.__dict__[k]) is type(b.__dict__[k]) for k in a.__dict__))


def _read_both(monkeypatch, *args, **kwargs) -> tuple[list, list]:
    now = list(ingest.iter_inputs(*args, **kwargs))
    with monkeypatch.context() as m:
        m.setattr(ingest, "assembled_given", lambda model, values, given: _former(values))
        before = list(ingest.iter_inputs(*args, **kwargs))
    return now, before


@pytest.mark.parametrize("default_date, language", [(None, None), (dt.date(2020, 1, 2), "ar"), (None, "en")])
def test_documents_read_from_jsonl_as_the_validator_made_them(tmp_path, monkeypatch, default_date, language):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _RECORDS), encoding="utf-8")
    now, before = _read_both(monkeypatch, [str(path)], default_date=default_date, language=language)
    assert len(now) == len(before) == len(_RECORDS)
    assert sum(isinstance(d, Document) for d in now) == 7
    for a, b in zip(now, before):
        assert _same(a, b)


def test_documents_read_from_csv_and_txt_as_the_validator_made_them(tmp_path, monkeypatch):
    (tmp_path / "in.csv").write_text("id,text,date,title\n1,قصف الجيش إدلب,2021-01-02,عنوان\n"
                                     "2,Jets bombed Aleppo.,,\n", encoding="utf-8")
    (tmp_path / "report 2019-08-05.txt").write_text("هاجم مسلحون سجنا في كركوك.", encoding="utf-8")
    now, before = _read_both(monkeypatch, [str(tmp_path)])
    assert [d.__class__ for d in now] == [Document] * 3
    for a, b in zip(now, before):
        assert _same(a, b)


class _Text(str):
    pass


def _one(reader: ingest._Reader, fields: dict, path="in.jsonl", record=1):
    try:
        return reader.document(fields, path, record, "raw")
    except Exception as e:   # the validator's error, as the reader's caller (_guard) would see it
        return e.__class__, str(e)


@pytest.mark.parametrize("fields, path, record, default_date", [
    ({"id": _Text("a"), "text": "نص"}, "in.jsonl", 1, None),
    ({"id": "a", "text": _Text("Jets bombed Aleppo.")}, "in.jsonl", 1, None),
    ({"id": "a", "text": "نص", "title": _Text("عنوان")}, "in.jsonl", 1, None),
    ({"id": "a", "text": "نص", "source": _Text("")}, "in.jsonl", 1, None),
    ({"id": "a", "text": "نص"}, Path("in.jsonl"), 1, None),
    ({"id": "a", "text": "نص"}, "in.jsonl", True, None),
    ({"id": "a", "text": "نص"}, "in.jsonl", None, dt.datetime(2020, 1, 2)),
    ({"id": "a", "text": "نص"}, "in.jsonl", 3, dt.datetime(2020, 1, 2, 5, 6)),
    ({"id": "a", "text": "نص", "date": dt.datetime(2020, 1, 2, 5, 6)}, "in.jsonl", 3, None),
    ({"id": "a", "text": "نص", "date": "2020-01-02", "language": "ar-SY"}, "in.jsonl", 7, dt.date(2001, 1, 1)),
    ({"id": 5, "text": "Egypt condemned the attack.", "title": 12}, "in.jsonl", None, None),
])
def test_any_value_not_of_its_fields_exact_type_is_still_validated(monkeypatch, fields, path, record, default_date):
    reader = ingest._Reader(default_date, 1000, None)
    now = _one(reader, fields, path, record)
    with monkeypatch.context() as m:
        m.setattr(ingest, "assembled_given", lambda model, values, given: _former(values))
        before = _one(ingest._Reader(default_date, 1000, None), fields, path, record)
    if isinstance(before, tuple):
        assert now == before
    else:
        assert _same(now, before)


def test_only_plain_values_skip_the_validator(monkeypatch):
    validated = []
    real = ingest._document
    monkeypatch.setattr(ingest, "_document", lambda values: validated.append(values["doc_id"]) or real(values))
    reader = ingest._Reader(None, 1000, None)
    assert isinstance(_one(reader, {"id": "plain", "text": "نص", "date": "2020-01-02", "title": "t"}), Document)
    assert isinstance(_one(reader, {"id": "sub", "text": _Text("نص")}, record=2), Document)
    assert validated == ["sub"]


# ---------------------------------------------------------------- the storing check in one pass a document

def _former_stored_rows(document, events, quantities, validated):
    """The rows' tuples as the storing check gave them before this round: table by table."""
    return (tables.storable_values("documents", [document], validated)[0],
            tables.storable_values("events", events, validated),
            tables.storable_values("event_quantities", quantities, validated))


def _coded_documents():
    return [code_document(Document(doc_id=f"d{k}-{lang}", text=text, language=lang, published=published,
                                   title="عنوان" if k % 2 else None, input_path="in.jsonl", record=k),
                          coded_at=dt.datetime(2001, 2, 3))
            for k, (lang, published, text, _, _) in enumerate(CASES)]


def _triples():
    """(documents row, events, quantities) of the coded hand-written texts, then the same with one value
    a table cannot hold though of its field's type (a lone surrogate, an integer beyond its column's
    width) in each table and place, and with good strings beyond the ASCII range."""
    coded = [(c.document, c.events, c.quantities) for c in _coded_documents()]
    out = list(coded)
    counted = next(t for t in coded if t[2])
    two = next(t for t in coded if len(t[1]) > 1)
    document, events, quantities = counted
    for bad in _BAD_STRINGS + _GOOD_STRINGS:
        out += [(_spoilt(document, title=bad), events, quantities),
                (_spoilt(document, doc_id=bad), [], []),
                (document, [_spoilt(events[0], evidence=bad)] + events[1:], quantities),
                (two[0], [two[1][0], _spoilt(two[1][1], target_name=bad)], two[2]),
                (document, events, quantities[:-1] + [_spoilt(quantities[-1], text=bad)])]
    out += [(_spoilt(document, n_events=1 << 31), events, quantities),
            (document, [_spoilt(events[0], sentence_index=-(1 << 31) - 1)], quantities),
            (document, events, [_spoilt(quantities[0], value=1 << 63)] + quantities[1:]),
            (two[0], [two[1][0], _spoilt(two[1][1], fatalities=1 << 64)], two[2]),
            (_spoilt(document, n_sentences=(1 << 31) - 1), [_spoilt(events[0], quad_class=127)], quantities)]
    return out


def _outcome(f, *args):
    try:
        return "rows", f(*args)
    except (ValueError, TypeError, OverflowError) as e:
        return e.__class__, str(e)


@pytest.mark.parametrize("case", range(len(_triples())))
@pytest.mark.parametrize("validated", [True, False])
def test_the_rows_or_the_error_as_the_table_by_table_check_gave_them(case, validated):
    document, events, quantities = _triples()[case]
    now = _outcome(tables.storable_rows, document, events, quantities, validated)
    assert now == _outcome(_former_stored_rows, document, events, quantities, validated)
    one_pass = tables.storable_document(document, events, quantities)
    assert one_pass == (now[1] if now[0] == "rows" else None)


def test_the_cases_meet_both_outcomes_in_every_table():
    outcomes = [_outcome(tables.storable_rows, *t, True)[0] for t in _triples()]
    assert outcomes.count("rows") > len(CASES) and outcomes.count(UnicodeEncodeError) >= 5 * len(_BAD_STRINGS)
    assert {ValueError, OverflowError} <= set(outcomes)


def test_a_document_is_stored_as_before_through_the_writers_check():
    for coded in _coded_documents():
        now = stored_document(coded, __version__, True)
        assert now.__class__ is StoredDocument
        assert tuple(now) == _former_stored_rows(coded.document, coded.events, coded.quantities, True)
        assert now == stored_document(coded, __version__)
    spoilt = coded.model_copy(update={"document": _spoilt(coded.document, url="http://x/" + _BAD_STRINGS[0])})
    with pytest.raises(DocumentError, match="UnicodeEncodeError"):
        stored_document(spoilt, __version__, True)
