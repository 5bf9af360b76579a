"""The thirty-third speed round of the run around the coding, checked against the former logic:
- the storing check of the pipeline's own rows of a clean text (runner._stored_values with
  coder_made, now tables.storable_of_the_coder) tests their ids, integers and strings in one pass of
  the rows, and leaves out, besides what the former check left out, what such rows hold by
  construction: the actors' names and the place as written (slices of the text, as the sentence and
  the evidence are: tables.OF_THE_TEXT), the documents row's language, hash and version
  (tables.DOCUMENT_OF_THE_CODER), an event's sentence index (below the documents row's count of
  sentences, which is tested) and its count and death toll (values of its quantities' rows, which
  are tested). The same rows stored or refused as by the former check, kept here, over texts written
  for these tests and rows spoilt in each column; and the rows' construction that the check relies on;
- the reader tests an id and puts it in its index of ids read in one call (SeenIndex.put_first), where
  it asked get() and then put(): the same index and the same Documents and Rejects (duplicate ids
  named with their first file and record) as through the former two calls, kept here;
- the writer asks whether it is open before calling _check_open (which raises): the same error; its
  batch's documents, events and quantities rows are taken from the StoredDocuments by zip and chain,
  in C, not by three comprehensions: the same rows, in the same order, as the former, kept here."""
from __future__ import annotations

import datetime as dt
import re
from operator import itemgetter

import json

import pyarrow as pa
import pytest

from coder import __version__, ingest, pipeline, runner, tables
from coder.model import Document
from coder.seen import SeenIndex, digest
from coder.sinks import DatasetError, DatasetWriter
from coder.tables import schema

DAY = dt.date(2021, 3, 9)

TEXTS = [
    ("en", "Syrian troops shelled the town of Idlib on Monday, killing five civilians. Rebels fired rockets "
           "at an army post near Aleppo on Tuesday, killing two soldiers."),
    ("en", "Police arrested twelve protesters in central Cairo yesterday. The interior minister condemned "
           "the march, and Egyptian police detained 30 more people in Giza."),
    ("en", "Israeli aircraft struck Gaza overnight, killing 4 militants, and militants fired rockets from Gaza "
           "at Israeli towns."),
    ("ar", "قصف الجيش السوري مدينة إدلب يوم الاثنين وقتل خمسة مدنيين. وهاجم مسلحون حاجزا للجيش قرب حلب."),
    ("ar", "اعتقلت الشرطة المصرية عشرين متظاهرا في القاهرة أمس، وقتل ثلاثة جنود في هجوم على نقطة في سيناء."),
    ("ar", "أطلق مسلحون صواريخ من جنوب لبنان على مواقع إسرائيلية، وقتل جنديان."),
    ("en", "Turkish troops killed 7 fighters in northern Iraq. Iraqi police arrested two men in Basra."),
    ("en", "The weather was fine in London."),
]

EVENTS, DOCUMENTS, QUANTITIES = (schema(t).names for t in ("events", "documents", "event_quantities"))


def _docs() -> list[Document]:
    return [Document(doc_id=f"t{k}", text=text, language=lang, published=DAY if k % 3 else None,
                     title="عنوان" if k % 2 else None, input_path="in.jsonl", record=k)
            for k, (lang, text) in enumerate(TEXTS)]


def _coded() -> list[tuple[tuple, bool]]:
    out = []
    for doc in _docs():
        rows = pipeline.code_document(doc, as_values=True)
        out.append((rows, pipeline.text_has_no_surrogate(doc)))
    return out


# ---------------------------------------------------------------- the former check, kept

_FORMER_OF_THE_TEXT = ("sentence", "evidence")


def _former_event_strings() -> itemgetter:
    """tables._event_strings_of_the_coder before this round (the CAMEO codes' table is ASCII)."""
    skipped = _FORMER_OF_THE_TEXT + tables.OF_THE_CODER
    return itemgetter(*(i for i in tables._unchecked_columns("events")[1] if EVENTS[i] not in skipped))


def _former_rows_fit(rows, ints, strings, strings_of_rows) -> bool:
    for row in rows:
        for i, low, high in ints:
            v = row[i]
            if v is not None and not low <= v <= high:
                return False
        strings_of_rows += filter(None, strings(row))
    return True


def _former_stored_values(rows: tuple, coder_version: str, coder_made: bool) -> tuple | None:
    """runner._stored_values (and tables.storable_validated) before this round."""
    document, events, quantities = rows
    if document[DOCUMENTS.index("coder_version")] != coder_version:
        return None
    if events or quantities:
        doc_id, ids = document[0], set()
        for e in events:
            if e[EVENTS.index("doc_id")] != doc_id:
                return None
            ids.add(e[EVENTS.index("event_id")])
        if len(ids) != len(events):
            return None
        for q in quantities:
            if q[QUANTITIES.index("event_id")] not in ids:
                return None
    (document_ints, document_strings), (event_ints, event_strings), (quantity_ints, quantity_strings) = \
        (tables._unchecked_by_validation(t)[1:] for t in ("documents", "events", "event_quantities"))
    if coder_made:
        event_strings = _former_event_strings()
    strings: list[str] = []
    fit = _former_rows_fit((document,), document_ints, document_strings, strings) \
        and (not events or _former_rows_fit(events, event_ints, event_strings, strings)) \
        and (not quantities or _former_rows_fit(quantities, quantity_ints, quantity_strings, strings))
    return (document, events, quantities) if fit and tables._encodable(strings) else None


# ---------------------------------------------------------------- the rows, spoilt

# what the check now leaves out of the coder's own rows of a clean text, beyond the former
_NOW_LEFT = {("events", name) for name in ("source_name", "target_name", "location_text", "sentence_index",
                                           "quantity_value", "fatalities")} | \
    {("documents", name) for name in tables.DOCUMENT_OF_THE_CODER}
_BAD_STRINGS = ("\ud83d", "x\udfff y")
_BAD_INTEGERS = {8: (-(1 << 7) - 1, 1 << 7), 32: (-(1 << 31) - 1, 1 << 31), 64: (-(1 << 63) - 1, 1 << 63)}


def _spoilt(rows: tuple) -> list[tuple[tuple, tuple[str, str]]]:
    """The rows with each string column of the first row of a table given a lone surrogate, and each
    integer column a value beyond its width, in turn: (rows, (table, column))."""
    out = []
    for t, table in enumerate(("documents", "events", "event_quantities")):
        first = rows[0] if t == 0 else (rows[t][0] if rows[t] else None)
        if first is None:
            continue
        for k, field in enumerate(schema(table)):
            if field.type == pa.string():
                bad_values = [(first[k] or "") + bad for bad in _BAD_STRINGS]
            elif pa.types.is_integer(field.type):
                bad_values = list(_BAD_INTEGERS[field.type.bit_width])
            else:
                continue
            for bad in bad_values:
                row = first[:k] + (bad,) + first[k + 1:]
                spoilt = [*rows]
                spoilt[t] = row if t == 0 else [row, *rows[t][1:]]
                out.append((tuple(spoilt), (table, field.name)))
    return out


def test_the_coders_rows_are_stored_or_refused_as_by_the_former_check():
    stored = refused = left = 0
    for rows, clean in _coded():
        assert clean
        for case, spoilt in [(rows, None)] + _spoilt(rows):
            want = _former_stored_values(case, __version__, True)
            got = runner._stored_values(case, __version__, True)
            if spoilt in _NOW_LEFT:   # (a value such rows never hold: no longer looked at)
                left += got is not None and want is None
                continue
            # (what the former check left out of such rows it leaves out still)
            assert (got is None) is (want is None), spoilt
            if got is not None:
                assert tuple(got) == want and got.__class__ is runner.StoredDocument
                stored += 1
            else:
                refused += 1
            # (any rows, checked whole, as before)
            assert (runner._stored_values(case, __version__) is None) is \
                (_former_stored_values(case, __version__, False) is None)
    assert stored >= 8 and refused >= 150 and left >= 20


def test_the_ids_are_checked_as_before():
    for rows, _ in _coded():
        document, events, quantities = rows
        if not events:
            continue
        other = events[0][:1] + ("another",) + events[0][2:]
        twice = [events[0], events[0]]
        orphan = [(("0" * 24),) + quantities[0][1:]] if quantities else []
        for case in ((document, [other, *events[1:]], quantities), (document, twice, []),
                     (document, events, orphan), (document[:-1] + ("0.0",), events, quantities)):
            assert runner._stored_values(case, __version__, True) is None
            assert _former_stored_values(case, __version__, True) is None


def test_what_the_check_leaves_such_rows_hold_by_construction():
    """The pipeline's own rows: each event's names and place as written stand in its sentence, its
    sentence index is below the document's count of sentences, its count and death toll are values
    of its quantities; the documents row's language, hash and version are the coder's."""
    column = {name: EVENTS.index(name) for name in EVENTS}
    named = counted = 0
    for doc in _docs():
        document, events, quantities = pipeline.code_document(doc, as_values=True)
        assert document[DOCUMENTS.index("language")] in ("ar", "en")
        assert re.fullmatch("[0-9a-f]{64}", document[DOCUMENTS.index("sha256")])
        assert document[DOCUMENTS.index("coder_version")] == __version__ and __version__.isascii()
        for e in events:
            sentence = e[column["sentence"]]
            for name in ("source_name", "target_name", "location_text"):
                if e[column[name]] is not None:
                    assert e[column[name]] in sentence
                    named += 1
            assert 0 <= e[column["sentence_index"]] < document[DOCUMENTS.index("n_sentences")]
            values = {q[1] for q in quantities if q[0] == e[column["event_id"]]}
            for name in ("quantity_value", "fatalities"):
                if e[column[name]] is not None:
                    assert e[column[name]] in values
                    counted += 1
    assert named >= 10 and counted >= 4


def test_the_plans_name_what_is_tested():
    document_ints, document_strings, event_strings, quantity_ints, quantity_strings = tables._made_coder_plans()
    assert [DOCUMENTS[i] for i, _, _ in document_ints] == ["n_sentences", "n_events"]
    assert [DOCUMENTS[i] for i in document_strings(range(100))] == ["doc_id", "title", "source", "url", "input_path"]
    tested = [EVENTS[i] for i in event_strings(range(100))]
    assert not set(tested) & set(tables.OF_THE_TEXT + tables.OF_THE_CODER)
    assert {"source_code", "source_country", "location_name", "place_id", "quantity_unit", "rule_id"} <= set(tested)
    assert [QUANTITIES[i] for i, _, _ in quantity_ints] == ["value"]
    assert [QUANTITIES[i] for i in quantity_strings(range(100))] == ["unit", "text"]


def test_a_text_with_a_lone_surrogate_is_checked_whole():
    doc = Document(doc_id="bad", text="Gunmen killed three soldiers near the border \ud83d on Friday.", language="en")
    rows = pipeline.code_document(doc, as_values=True)
    assert not pipeline.text_has_no_surrogate(doc)
    got = runner.code_checked(doc, __version__)
    assert got.__class__ is not runner.StoredDocument and "storing" in got.reason
    assert runner._stored_values(rows, __version__, False) is None


# ---------------------------------------------------------------- the reader's index of ids read

def test_put_first_is_the_former_get_and_put():
    now, former = SeenIndex(("int32", "int64"), merge_at=3), SeenIndex(("int32", "int64"), merge_at=3)
    ids = [f"id-{k % 7}" if k % 3 else f"new-{k}" for k in range(40)] + ["ب", "(\x06", "ب"]
    for n, text in enumerate(ids):
        key = digest(text)
        first = former.get(key)
        if first is None:
            former.put(key, n % 5, n)
        assert now.put_first(key, n % 5, n) == first
    assert len(now) == len(former) and list(now.items()) == list(former.items())


def _former_accept(self, doc, raw, doc_id, path, record):
    """ingest._Reader.accept before this round."""
    key = digest(doc_id)
    first = self.seen.get(key)
    if first is not None:
        first_path = next(p for p, n in self.paths.items() if n == first[0])
        where = first_path + (f" record {first[1]}" if first[1] >= 0 else "")
        return self.reject(path, record, f"duplicate id {doc_id!r} (first read from "
                           f"{where}): give every document a unique id", raw, doc_id)
    self.seen.put(key, self.paths.setdefault(path, len(self.paths)), -1 if record is None else record)
    return doc


def test_ids_read_are_told_apart_as_before(tmp_path, monkeypatch):
    # (b.jsonl holds only ids read before: a file number is given it now, not before; the ids first
    # read from the files after it are named as before)
    files = {"a.jsonl": ["d1", "d2", "d1"], "b.jsonl": ["d2", "d1"], "c.jsonl": ["d3", "d2", "d4"],
             "d.txt": None, "f.jsonl": ["d4", "d5", "d3"]}
    for name, ids in files.items():
        if ids is None:
            (tmp_path / name).write_text("Police arrested ten protesters in Cairo.", encoding="utf-8")
            continue
        (tmp_path / name).write_text("".join(json.dumps({"id": i, "text": f"Text {k} of {i}."}) + "\n"
                                             for k, i in enumerate(ids)), encoding="utf-8")
    (tmp_path / "e.txt").write_text("Another text.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.txt").write_text("A text of the same name.", encoding="utf-8")
    paths = [str(tmp_path), str(tmp_path / "b.jsonl")]

    def read():
        return [(item.__class__.__name__, item.model_dump()) for item in ingest.iter_inputs(paths)]
    now = read()
    monkeypatch.setattr(ingest._Reader, "accept", _former_accept)
    assert read() == now
    reasons = [fields["reason"] for kind, fields in now if kind == "Reject"]
    assert sum("duplicate id" in r for r in reasons) == 7
    assert sum("c.jsonl record 1)" in r for r in reasons) == sum("c.jsonl record 3)" in r for r in reasons) == 1


def test_a_closed_writer_refuses_a_document_as_before(tmp_path):
    writer = DatasetWriter(tmp_path / "out", __version__, "test")
    stored = runner.code_checked(Document(doc_id="w", text=TEXTS[0][1], language="en"), __version__)
    with pytest.raises(DatasetError, match="not open"):
        writer.add(stored)
    with writer:
        writer.add(stored)
    with pytest.raises(DatasetError, match="not open"):
        writer.add(stored)
    assert writer.counts["documents"] == 1


# ---------------------------------------------------------------- the writer's batch

def _former_batch_rows(batch: list) -> tuple[list, list, list]:
    """DatasetWriter.flush's documents, events and quantities rows of a batch before this round."""
    return [c.document for c in batch], [e for c in batch for e in c.events], [q for c in batch for q in c.quantities]


def test_a_batch_is_written_as_the_former_rows(tmp_path):
    import pyarrow.parquet as pq
    from coder.tables import row_values
    docs = _docs()
    stored = [runner.code_checked(d, __version__) for d in docs]
    assert all(s.__class__ is runner.StoredDocument for s in stored)
    with DatasetWriter(tmp_path / "out", __version__, "test", batch_docs=100) as writer:
        for s in stored[:3]:
            writer.add(s)
        writer.flush()
        for s in stored[2:] + stored[:1]:   # (two replaced from the batch before)
            writer.add(s)
        batch = list(writer._buffer.values())
        writer.flush()
    documents, events, quantities = _former_batch_rows(batch)
    assert len(events) >= 6 and len(quantities) >= 3
    for table, rows in (("documents", documents), ("events", events), ("event_quantities", quantities)):
        data = pq.read_table(writer._path(table, 2))
        # (coded_at's microseconds as the file holds them: UTC)
        got = [row_values(table)(r) for r in data.to_pylist()]
        want = [tuple(v.replace(tzinfo=dt.timezone.utc) if v.__class__ is dt.datetime else v for v in row)
                for row in rows]
        assert got == want, table
    assert len(batch) == 7 and writer.counts["documents"] == 10 and writer.counts["replaced"] == 2
