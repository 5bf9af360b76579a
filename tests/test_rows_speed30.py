"""The twenty-ninth speed round of the run around the coding, checked against the former logic:
- the storing check of validated rows (tables.storable_validated) leaves out the columns the row
  model's schema already holds to what the table takes (a string column validated to a set of
  literals, an integer column to bounds within its width), for the events and quantities, whose
  rows are validated by it; its three tables' plans read once a document. Checked against the former
  check, kept here, over the rows of texts written for these tests, each column spoilt in turn;
- a committed document's state (sinks._state) is this process's hash of its text's hash and coder
  version, not a blake2b digest of them: the index holding it is rebuilt at each open;
- the JSON lines reader cuts a line's end from its bytes before decoding them, and a record's
  Document takes a copy of the set of its fields: the same Documents and rejects as the former
  reading (the text decoded, then its end cut)."""
from __future__ import annotations

import datetime as dt
import json
from itertools import product

import pytest
from pydantic_core import ValidationError

from coder import __version__, ingest, tables
from coder.event_rows import COLUMNS, QUANTITY_COLUMNS, event_values, quantity_values
from coder.model import Document, Reject
from coder.pipeline import code_document, document_sha
from coder.sinks import DatasetWriter, _state, stored_document
from coder.tables import schema, storable_validated

TEXTS = [
    ("en", dt.date(2021, 3, 4), "Syrian troops shelled Idlib on Monday, killing 12 civilians, and rebels fired "
                                "rockets at Aleppo. The ministry said police arrested 40 protesters in Homs."),
    ("en", None, "Gunmen kidnapped two engineers near Mosul. Iraq condemned the attack."),
    ("ar", dt.date(2019, 8, 5), "قصف الجيش السوري مدينة إدلب أمس، ما أسفر عن مقتل خمسة مدنيين. "
                                "واعتقلت الشرطة عشرين متظاهرا في القاهرة."),
    ("ar", None, "هاجم مسلحون نقطة للجيش قرب الموصل وقتلوا ثلاثة جنود."),
]


def _former_checks(table: str) -> tuple[list, list]:
    """The integer columns with their range and the string columns the former check read (all of them)."""
    ints, strs = [], []
    for i, (_, kind, _, low, high) in enumerate(tables._checks(table)):
        if kind == "int":
            ints.append((i, low, high))
        elif kind == "str":
            strs.append(i)
    return ints, strs


def _former_storable_validated(document: tuple, events: list, quantities: list) -> bool:
    """storable_validated as it was before the round: every integer and string column of each table."""
    strings = []
    for table, rows in (("documents", [document]), ("events", events), ("event_quantities", quantities)):
        ints, strs = _former_checks(table)
        for row in rows:
            for i, low, high in ints:
                v = row[i]
                if v is not None and not low <= v <= high:
                    return False
            strings += [row[i] for i in strs if row[i]]
    text = "".join(strings)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _coded() -> list[tuple]:
    out = []
    for k, (lang, published, text) in enumerate(TEXTS):
        values, events, quantities = code_document(
            Document(doc_id=f"d{k}", text=text, language=lang, published=published, title="عنوان"),
            coded_at=dt.datetime(2000, 1, 1), as_values=True)
        out.append((values, events, quantities))
    assert sum(len(e) for _, e, _ in out) >= 4 and any(q for _, _, q in out)
    return out


def _spoilt_rows(row: tuple, columns: tuple[str, ...], validate) -> list[tuple]:
    """The row with each column in turn given a value the table may not take (a lone surrogate, an
    integer beyond 32 or 64 bits), kept where the row's validation lets it through."""
    out = []
    for k, name in enumerate(columns):
        for bad in ("bad \udc00", "\ud83d", 1 << 31, 1 << 63, -(1 << 63) - 1, 200):
            spoilt = row[:k] + (bad,) + row[k + 1:]
            try:
                out.append(validate(spoilt))
            except ValidationError:
                continue
    return out


def test_the_storing_check_is_the_former_one():
    coded = _coded()
    for document, events, quantities in coded:
        assert storable_validated(document, events, quantities) is True
        assert _former_storable_validated(document, events, quantities) is True
    document, events, quantities = next(c for c in coded if c[1] and c[2])
    spoilt_events = _spoilt_rows(events[0], COLUMNS, lambda v: event_values(v, (1 << 6) - 1))
    spoilt_quantities = _spoilt_rows(quantities[0], QUANTITY_COLUMNS, quantity_values)
    assert len(spoilt_events) > 20 and len(spoilt_quantities) > 3
    refused = 0
    for e in spoilt_events:
        got = storable_validated(document, [e], quantities)
        assert got == _former_storable_validated(document, [e], quantities)
        refused += not got
    for q in spoilt_quantities:
        assert storable_validated(document, events, [q]) == _former_storable_validated(document, events, [q])
    k = schema("documents").names.index("title")
    for bad in ("bad \udc00", None, ""):
        spoilt = document[:k] + (bad,) + document[k + 1:]
        assert storable_validated(spoilt, events, quantities) == _former_storable_validated(spoilt, events, quantities)
    assert refused > 10


@pytest.mark.parametrize("column, value", [("language", "a\udc00"), ("date_precision", "\udc00"),
                                           ("geo_precision", "site\ud800"), ("quantity_qualifier", "\udfff"),
                                           ("quad_class", 300), ("quad_class", 1 << 70)])
def test_the_columns_left_out_cannot_pass_validation_with_what_the_table_refuses(column, value):
    events = [e for _, rows, _ in _coded() for e in rows]
    k = COLUMNS.index(column)
    with pytest.raises(ValidationError):
        event_values(events[0][:k] + (value,) + events[0][k + 1:], (1 << 6) - 1)
    _, _, quantities = next(c for c in _coded() if c[2])
    with pytest.raises(ValidationError):
        quantity_values(quantities[0][:2] + ("\udc00",) + quantities[0][3:])


def test_the_model_path_checks_as_before():
    for k, (lang, published, text) in enumerate(TEXTS):
        coded = code_document(Document(doc_id=f"m{k}", text=text, language=lang, published=published),
                              coded_at=dt.datetime(2000, 1, 1))
        stored = stored_document(coded, __version__, True)
        assert stored == stored_document(coded, __version__, False)


def test_a_documents_state_tells_its_text_and_coder_apart():
    shas = [document_sha(Document(doc_id="x", text=t)) for _, _, t in TEXTS]
    states = {_state(s, v) for s, v in product(shas, (__version__, "0.0.0-other"))}
    assert len(states) == 2 * len(shas)
    assert _state(shas[0], __version__) == _state("".join(list(shas[0])), "".join(list(__version__)))
    assert all(isinstance(s, int) and -(1 << 63) <= s < (1 << 63) for s in states)


def test_a_reopened_dataset_knows_its_current_documents(tmp_path):
    docs = [Document(doc_id=f"d{k}", text=text, language=lang, published=published)
            for k, (lang, published, text) in enumerate(TEXTS)]
    with DatasetWriter(tmp_path / "out", __version__, "lex") as w:
        for d in docs:
            assert not w.is_current(d.doc_id, document_sha(d))
            w.add(code_document(d))
    with DatasetWriter(tmp_path / "out", __version__, "lex") as w:
        assert all(w.is_current(d.doc_id, document_sha(d)) for d in docs)
        assert not w.is_current("d0", document_sha(docs[1]))
        assert not w.is_current("other", document_sha(docs[0]))
    with DatasetWriter(tmp_path / "out", "0.0.0-other", "lex") as w:
        assert not any(w.is_current(d.doc_id, lambda d=d: document_sha(d)) for d in docs)


_LINES = [
    b'{"id": "a", "text": "Police arrested two men in Basra."}\n',
    b'{"id": "b", "text": "\xd9\x82\xd8\xb5\xd9\x81 \xd8\xa7\xd9\x84\xd8\xac\xd9\x8a\xd8\xb4", "language": "ar"}\r\n',
    b'{"id": "c", "text": "Troops withdrew.", "date": "2020-01-02"}\r\r\n',
    b'\r\n',
    b'{"id": "d", "text": "ends badly \xe2\x80"}\n',
    b'{"id": "e", "text": "cut at the end"}\xe2\x80\r\n',
    b'{"id": "f", "text": "bad \\ud83d escape"}\n',
    b'{"id": "g", "text": "  "}\n',
    b'{"id": "h", "text": "The last line, with no line end."}',
]


def _former_reason(line: bytes) -> str | None:
    """The reject reason of an undecodable line as the former reading gave it (the line decoded whole)."""
    try:
        line.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError as e:
        return (f"line is not valid UTF-8 (byte 0x{line[e.start]:02x} at column {e.start + 1}): "
                "re-save the file as UTF-8")
    return None


def test_jsonl_lines_read_as_before(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"".join(_LINES))
    items = list(ingest.iter_inputs([str(path)]))
    by_record = {item.record: item for item in items}
    for number, line in enumerate(_LINES, 1):
        reason = _former_reason(line)
        if reason is not None:
            assert by_record[number].__class__ is Reject and by_record[number].reason == reason
            continue
        text = line.decode("utf-8").rstrip("\r\n")
        if not text.strip():
            assert number not in by_record
            continue
        record = json.loads(text)
        item = by_record[number]
        if item.__class__ is Document:
            assert item.text == record["text"] and item.doc_id == record["id"]
            assert item.model_fields_set == set(Document.model_fields)
            former = Document.__pydantic_validator__.validate_python(dict(item.__dict__))
            assert former.__dict__ == item.__dict__ and former.model_fields_set == item.model_fields_set
        else:
            assert item.raw == text[:1000]
    assert [i.__class__.__name__ for i in items] == ["Document", "Document", "Document", "Reject", "Reject",
                                                     "Reject", "Reject", "Document"]


def test_a_documents_fields_set_is_its_own():
    a, b = (item for item in ingest._Reader(None, 1000, None).jsonl_lines(
        "x", [(1, b'{"id": "a", "text": "one"}\n', False), (2, b'{"id": "b", "text": "two"}\n', False)]))
    assert a.model_fields_set == b.model_fields_set and a.model_fields_set is not b.model_fields_set
    a.model_fields_set.discard("title")
    assert "title" in b.model_fields_set and "title" in ingest._DOCUMENT_FIELDS
