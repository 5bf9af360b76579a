"""The twenty-first speed round's changes to the glue around the coding: a coded document's documents
row and CodedDocument are assembled from their validated parts (coder.model.assembled), not validated
again; the reader asks a line for a backslash by the byte's value; the reader's guard and the run's
loop ask an item's exact class before isinstance() on a pydantic model, and the guard reads the last
record number only for a failure. Checked against copies of the former code (kept below) on the
hand-written Arabic and English texts of tests/test_glue_speed18.py and the lines of
tests/test_glue_speed19.py."""
from __future__ import annotations

import datetime as dt
import gzip

import pytest
from pydantic import ValidationError

from coder import ingest, pipeline
from coder.ingest import _BACKSLASH, _guard, _Reader
from coder.model import CodedDocument, Document, DocumentRow, Reject, assembled
from coder.pipeline import code_document
from coder.runner import code_into
from coder.sinks import DatasetWriter
from test_glue_speed18 import CASES
from test_glue_speed19 import _READ_LINES

AT = dt.datetime(2001, 2, 3, 4, 5, 6)


def _former_validated(coded: CodedDocument) -> CodedDocument:
    """The end of code_document as it was before this round: the documents row and the CodedDocument
    made by the models' validators from the same values."""
    row = pipeline._document_row(dict(coded.document.__dict__))
    return pipeline._coded_document({"document": row, "events": list(coded.events),
                                     "quantities": list(coded.quantities)})


def _model_state(m):
    """What a model holds: its class, its fields in order with their values and exact types, the
    fields set, its extra and private values."""
    return (type(m), [(k, v, type(v)) for k, v in m.__dict__.items()], m.model_fields_set,
            m.__pydantic_extra__, m.__pydantic_private__)


@pytest.mark.parametrize("lang, published, text", [c[:3] for c in CASES])
def test_a_coded_document_assembled_is_the_validated_one(lang, published, text):
    doc = Document(doc_id=f"d-{lang}", text=text, language=lang, published=published, title="t", url="u",
                   input_path="in.jsonl", record=3)
    for coded_at in (AT, None):
        coded = code_document(doc, coded_at=coded_at)
        former = _former_validated(coded)
        assert coded == former
        assert coded.model_dump() == former.model_dump()
        assert _model_state(coded.document) == _model_state(former.document)
        assert coded.model_fields_set == former.model_fields_set
        assert (coded.__pydantic_extra__, coded.__pydantic_private__) == (None, None)
        assert coded.events == former.events and coded.quantities == former.quantities
        assert coded.document.coded_at.__class__ is dt.datetime


def test_a_coded_document_of_a_detected_language_and_no_date():
    doc = Document(doc_id="x", text="اشتبك مسلحون مع الشرطة في الموصل وقتل ثلاثة.")
    coded = code_document(doc, coded_at=AT)
    assert coded.document.language == "ar"
    assert _model_state(coded.document) == _model_state(_former_validated(coded).document)


def test_a_callers_coded_at_of_another_type_is_validated_as_before():
    doc = Document(doc_id="x", text="Troops shelled Idlib on Monday.", language="en", published=dt.date(2022, 5, 14))
    coded = code_document(doc, coded_at="2021-03-04T12:00:00")
    assert coded.document.coded_at == dt.datetime(2021, 3, 4, 12)
    assert coded.document.coded_at.__class__ is dt.datetime
    with pytest.raises(ValidationError):
        code_document(doc, coded_at="not a time")
    with pytest.raises(ValidationError):
        code_document(doc, coded_at=12.5j)


def test_assembled_models_compare_copy_and_dump_as_constructed():
    values = {"doc_id": "d1", "title": None, "source": "s", "url": None, "language": "en",
              "published": dt.date(2021, 3, 4), "n_sentences": 1, "n_events": 0, "sha256": "ab" * 32,
              "input_path": "", "coded_at": AT, "coder_version": "0.0.0"}
    made, built = assembled(DocumentRow, dict(values)), DocumentRow(**values)
    assert _model_state(made) == _model_state(built)
    assert made == built and made.model_dump_json() == built.model_dump_json()
    assert made.model_copy(update={"n_events": 2}).n_events == 2 and made.n_events == 0
    made.title = "new"   # (assignment keeps working, as on a constructed row)
    assert made.title == "new" and "title" in made.model_fields_set


# ---------------------------------------------------------------- the reader

@pytest.mark.parametrize("line", _READ_LINES + ["", "\\", "no backslash at all", "\\u0627"])
def test_a_backslash_asked_by_its_value(line):
    data = line.encode("utf-8", "surrogatepass")
    assert (_BACKSLASH in data) == (b"\\" in data)


def _former_guard(reader, path, items):
    """ingest._guard as it was before this round: every item's record read as it passes, isinstance()
    asked of every item."""
    number = None
    try:
        for item in items:
            number = item.record
            if isinstance(item, Reject):
                pass
            yield item
    except (OSError, EOFError, gzip.BadGzipFile, UnicodeError) as e:
        after = f" after record {number}" if number is not None else ""
        yield reader.reject(path, None, f"unreadable file{after} ({e.__class__.__name__}: {e}): check that "
                            "it exists, is readable and (if compressed) is complete")
    except Exception as e:
        after = f" after record {number}" if number is not None else ""
        yield reader.reject(path, None, f"failed while reading the file{after} ({e.__class__.__name__}: {e}); "
                            "the rest of the run went on; please report it")


def _items_then(error, reader):
    yield reader.document({"id": "a", "text": "قصف الجيش إدلب"}, "in.jsonl", 1, "")
    yield reader.reject("in.jsonl", 2, "bad JSON")
    yield reader.document({"id": "b", "text": "Troops shelled Idlib."}, "in.jsonl", 3, "")
    if error is not None:
        raise error


@pytest.mark.parametrize("error", [None, OSError("disk gone"), ValueError("a bug"), EOFError("cut")])
def test_the_guard_gives_what_it_gave_before(error):
    now = list(_guard(_Reader(None, 1000, None), "in.jsonl", _items_then(error, _Reader(None, 1000, None))))
    before = list(_former_guard(_Reader(None, 1000, None), "in.jsonl", _items_then(error, _Reader(None, 1000, None))))
    assert [(type(i).__name__, i.model_dump()) for i in now] == [(type(i).__name__, i.model_dump()) for i in before]
    if error is not None:
        assert "after record 3" in now[-1].reason


def test_the_guard_names_no_record_when_the_first_read_fails():
    def failing():
        raise OSError("no access")
        yield   # (a generator)
    (reject,) = _guard(_Reader(None, 1000, None), "in.jsonl", failing())
    assert "unreadable file (OSError: no access)" in reject.reason


def test_the_reader_gives_documents_and_rejects_of_their_classes(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(_READ_LINES) + "\n", encoding="utf-8")
    items = list(ingest.iter_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == ["Document", "Document", "Reject", "Document", "Reject",
                                                 "Document", "Reject", "Reject", "Document", "Reject"]


# ---------------------------------------------------------------- the run's loop

class _SubReject(Reject):
    """A reject of a subclass: still a reject to the loop (isinstance() asked after the class)."""


def test_the_loop_tells_documents_from_rejects(tmp_path, monkeypatch):
    items = [Document(doc_id="a", text="قصف الجيش السوري إدلب أمس.", language="ar"),
             Reject(input_path="in.jsonl", record=2, reason="bad JSON"),
             _SubReject(input_path="in.jsonl", record=3, reason="bad JSON too"),
             Document(doc_id="b", text="Troops shelled Idlib on Monday.", language="en"),
             Document(doc_id="c", text="Police arrested five men in Basra.", language="en")]
    real = pipeline.code_document

    def failing_on_c(doc):
        if doc.doc_id == "c":
            raise RuntimeError("a bug")
        return real(doc)
    monkeypatch.setattr(pipeline, "code_document", failing_on_c)
    with DatasetWriter(tmp_path / "out", pipeline.__version__, "lex") as w:
        code_into(w, items)
        reasons = [r.reason for r in w._rejects]
        w.flush()
        counts = w.counts
    assert counts["documents"] == 2 and counts["rejects"] == 3
    assert reasons[:2] == ["bad JSON", "bad JSON too"] and "failed while coding document 'c'" in reasons[2]


# ---------------------------------------------------------------- the batch files: no dictionary pages

def test_batch_files_are_written_without_dictionaries_and_read_back_whole(tmp_path):
    import pyarrow.parquet as pq
    from coder import __version__
    docs = [Document(doc_id=f"d{i}-{lang}", text=text, language=lang, published=published)
            for i, (lang, published, text, *_) in enumerate(CASES)]
    with DatasetWriter(tmp_path / "out", __version__, "lex") as w:
        code_into(w, docs + docs[:2])   # (two documents again: their rows replaced in the same batch)
    written = {}
    for table in ("documents", "events", "event_quantities"):
        (path,) = [p for p in (tmp_path / "out" / table).glob("part-*.parquet") if p.name != "part-000000.parquet"]
        meta = pq.ParquetFile(path).metadata
        for g in range(meta.num_row_groups):
            for c in range(meta.num_columns):
                chunk = meta.row_group(g).column(c)
                assert not chunk.has_dictionary_page and chunk.compression == "ZSTD", (table, chunk)
                assert chunk.statistics is not None or meta.row_group(g).num_rows == 0
        written[table] = pq.read_table(path).to_pylist()
    assert sorted(r["doc_id"] for r in written["documents"]) == sorted(d.doc_id for d in docs)
    expected = [code_document(d) for d in docs]
    assert sorted((r["event_id"], r["sentence"], r["quad_class"]) for r in written["events"]) == \
        sorted((e.event_id, e.sentence, e.quad_class) for c in expected for e in c.events)
    assert len(written["event_quantities"]) == sum(len(c.quantities) for c in expected)


# ---------------------------------------------------------------- the guard checks the file; a stored document's tuple

def test_a_file_that_is_not_regular_is_refused_before_its_reader_starts(tmp_path, monkeypatch):
    import os
    started = []

    def reader_of(reader, path):
        started.append(path)
        yield from ()
    monkeypatch.setitem(ingest._READERS, "jsonl", reader_of)
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    (reject,) = ingest.iter_inputs([str(fifo)])
    assert reject.reason == "not read: a FIFO (named pipe): coder reads regular files only"
    assert reject.input_path == str(fifo) and reject.record is None and started == []
    plain = tmp_path / "in.jsonl"
    plain.write_text(_READ_LINES[0] + "\n", encoding="utf-8")
    assert list(ingest.iter_inputs([str(plain)])) == [] and started == [str(plain)]


def test_a_stored_document_is_the_namedtuple_its_constructor_makes():
    import pickle
    from coder import __version__
    from coder.sinks import StoredDocument, stored_document
    lang, published, text = CASES[1][:3]
    coded = code_document(Document(doc_id="d", text=text, language=lang, published=published), coded_at=AT)
    stored = stored_document(coded, __version__)
    assert type(stored) is StoredDocument
    assert stored == StoredDocument(*stored) and stored._asdict() == StoredDocument(*stored)._asdict()
    assert (stored.doc_id, stored.sha256, stored.coder_version) == ("d", coded.document.sha256, __version__)
    assert len(stored.events) == len(coded.events) == 2 and pickle.loads(pickle.dumps(stored)) == stored


# ---------------------------------------------------------------- a record's date and language asked inline

_DATES = [None, "", "2023-02-21", " 2023-02-21 ", "2023-02-21T23:30:00-04:00", "20230221", "2023-13-45",
          "yesterday", 20230221, True, ["2023-02-21"], {"d": 1}, 3.5]
_LANGUAGE_VALUES = [None, "", "ar", "en", "AR", "ar-SY", "arabic", "eng", " en ", "fr", "ara_IQ", 7, True, ["ar"],
                    {"ar": 1}]


@pytest.mark.parametrize("default_language", [None, "en"])
def test_a_records_date_and_language_as_the_former_helpers_gave_them(default_language):
    """Each date and language value (absent, empty, known, spelt otherwise, of another JSON type) gives
    the Document or the Reject that ingest._parse_date and ingest._language gave for it before."""
    reader = _Reader(dt.date(2020, 1, 2), 1000, default_language)
    n = 0
    for date in _DATES:
        for language in _LANGUAGE_VALUES:
            n += 1
            fields = {"id": f"r{n}", "text": "قصف الجيش إدلب", "date": date, "language": language}
            item = reader.document(fields, "in.jsonl", n, "raw")
            published, problem = ingest._parse_date(date)
            if problem:
                assert isinstance(item, Reject) and item.reason == problem
                continue
            assert isinstance(item, Document), (date, language)
            assert item.published == (published or dt.date(2020, 1, 2))
            assert item.language == (ingest._language(language) or default_language), (date, language)
