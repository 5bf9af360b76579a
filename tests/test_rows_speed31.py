"""The thirty-first speed round of the run around the coding, checked against the former logic:
- an id's digest (coder.seen.digest, the key of the reader's index of ids read and of the writer's
  index of committed documents and rejects) is two of this process's 64-bit hashes of the id (the
  id's own and the id's after a NUL), not a BLAKE2b-128 digest of its UTF-8 bytes: both indexes are
  rebuilt at each open and never stored. The same ids read, the same duplicates refused and the same
  documents skipped as with the former digest, kept here;
- code_document(..., as_values=True) gives its documents row as a tuple in the table's column order,
  where it gave a dict of the columns that the run's loop then read by column (runner._stored_values):
  the same values, of the same types, as the former dict read so, and the same StoredDocument;
- the storing check's plans (tables.storable_validated) are made into one tuple bound whole, where a
  list was filled in place: a second thread of a worker (a cluster's) could read it half filled."""
from __future__ import annotations

import datetime as dt
import hashlib
import threading
import time

from coder import __version__, ingest, pipeline, runner, seen, sinks, tables
from coder.model import Document, Reject
from coder.pipeline import code_document, document_sha
from coder.seen import SeenIndex, digest
from coder.sinks import DatasetWriter, stored_document
from coder.tables import row_values, schema


def _former_digest(text: str) -> bytes:
    """coder.seen.digest before this round."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


# ids of the same characters made apart, ids whose characters' raw bytes are the same in another
# width ("(\x06" holds the two bytes U+0628 "ب" does as UCS-2; Python hashes a string's raw bytes),
# a lone surrogate, a NUL inside and at the start, an empty id
_IDS = ["news-1", "".join(["news", "-1"]), "news-2", "خبر-١", "(\x06", "ب", "\x00(\x06", "\x00ب", "A\x00B\x00",
        "\ud83d-lone", "a\x00b", "\x00a", "a", "", "x" * 300, "ب" * 300]


def test_the_digest_tells_ids_apart_as_the_former_one():
    distinct = sorted(set(_IDS))
    assert len({digest(i) for i in distinct}) == len({_former_digest(i) for i in distinct}) == len(distinct)
    for text in _IDS:
        key = digest(text)
        assert key.__class__ is bytes and len(key) == 16
        assert digest(text) == key   # (the remembered one)
        assert digest("".join(list(text))) == key   # (the same characters, another str object)


def test_the_digest_is_remembered_only_by_identity():
    a, b = "".join(["doc", "-7"]), "".join(["doc", "-8"])
    first = digest(a)
    assert digest(b) != first and digest(a) == first
    assert seen._last[0] is a


def test_the_index_finds_every_digest():
    index = SeenIndex(("int32",), merge_at=4)   # (merged into the arrays every fourth id)
    ids = [f"id-{k}" for k in range(40)] + sorted(set(_IDS))
    for n, text in enumerate(ids):
        index.put(digest(text), n)
    assert [index.get(digest("".join(list(t)))) for t in ids] == [(n,) for n in range(len(ids))]
    assert index.get(digest("id-40")) is None


_LINES = [
    '{"id": "a", "text": "Police arrested two men in Basra."}',
    '{"id": "خبر-١", "text": "قصف الجيش السوري إدلب أمس.", "language": "ar"}',
    '{"id": 7, "text": "Troops withdrew from the town."}',
    '{"id": "a", "text": "The same id again."}',
    '{"id": "7", "text": "The integer id again, as a string."}',
    '{"id": "(\\u0006", "text": "An id of two characters below 256."}',
    '{"id": "ب", "text": "An id of one character, with the same raw bytes."}',
    '{"id": "خبر-١", "text": "Read twice."}',
]


def _shown(items) -> list[tuple]:
    return [(i.__class__.__name__, i.doc_id, i.record, getattr(i, "reason", None)) for i in items]


def test_the_reader_refuses_the_same_duplicates(tmp_path, monkeypatch):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(_LINES) + "\n", encoding="utf-8")
    new = _shown(ingest.iter_inputs([str(path)]))
    monkeypatch.setattr(ingest, "digest", _former_digest)
    old = _shown(ingest.iter_inputs([str(path)]))
    assert new == old
    assert [kind for kind, *_ in new] == ["Document", "Document", "Document", "Reject", "Reject", "Document",
                                          "Document", "Reject"]
    assert all("duplicate id" in reason for kind, _, _, reason in new if kind == "Reject")


def _written(tmp_path, name: str, docs: list[Document]) -> list[bool]:
    """Whether each document is current in a dataset that committed them all once, and a reject kept once."""
    with DatasetWriter(tmp_path / name, __version__, "lex") as w:
        for d in docs:
            assert not w.is_current(d.doc_id, document_sha(d))
            w.add(code_document(d))
        w.reject(Reject(input_path="x", record=1, reason="bad"))
    with DatasetWriter(tmp_path / name, __version__, "lex") as w:
        w.reject(Reject(input_path="x", record=1, reason="bad"))   # (already kept: not again)
        current = [w.is_current(d.doc_id, document_sha(d)) for d in docs]
        current.append(w.is_current("other", document_sha(docs[0])))
        current.append(w.counts["rejects"] == 1)
    return current


def test_the_writer_skips_the_same_documents(tmp_path, monkeypatch):
    docs = [Document(doc_id=i, text=f"Police arrested {k + 2} men in Basra.", language="en")
            for k, i in enumerate(["a", "خبر-١", "(\x06", "ب"])]
    new = _written(tmp_path, "new", docs)
    monkeypatch.setattr(sinks, "digest", _former_digest)
    assert _written(tmp_path, "former", docs) == new == [True, True, True, True, False, True]


_TEXTS = [("en", dt.date(2021, 3, 4), "Rebels fired rockets at a market in Aleppo on Monday, killing 9 people. "
                                      "The army shelled their positions."),
          ("ar", None, "اعتقلت الشرطة ثلاثين متظاهرا في بغداد واتهمت المعارضة الحكومة بالقمع."),
          ("en", dt.date(2020, 5, 6), "Nothing happened in the quiet town."),
          ("ar", dt.date(2018, 1, 2), "كان الطقس جميلا في المدينة.")]


def _former_document_values(doc: Document, coded_at: dt.datetime) -> tuple:
    """The documents row's values as the run's loop read them before: code_document's dict of the
    columns (the row's, made by its model), read by column."""
    coded = code_document(doc, coded_at=coded_at)
    return row_values("documents")(dict(coded.document.__dict__))


def test_the_documents_values_are_the_former_ones():
    at = dt.datetime(2001, 2, 3, 4, 5, 6)
    for k, (lang, published, text) in enumerate(_TEXTS):
        doc = Document(doc_id=f"t{k}", text=text, language=lang, published=published, title="عنوان",
                       input_path="in.jsonl", record=k + 1)
        values, events, quantities = code_document(doc, coded_at=at, as_values=True)
        former = _former_document_values(doc, at)
        assert values.__class__ is tuple and values == former
        assert [type(v) for v in values] == [type(v) for v in former]
        assert runner._stored_values((values, events, quantities), __version__) \
            == tuple(stored_document(code_document(doc, coded_at=at), __version__))
    now = code_document(Document(doc_id="now", text="Police arrested two men."), as_values=True)[0]
    assert now[schema("documents").names.index("coded_at")].__class__ is dt.datetime


def test_the_documents_columns_are_the_ones_code_document_gives():
    assert runner._DOCUMENT_COLUMNS == tuple(schema("documents").names)
    assert pipeline.code_document is code_document


def test_the_storing_plans_are_never_seen_half_made(monkeypatch):
    rows = code_document(Document(doc_id="p", text=_TEXTS[0][2], language="en"), as_values=True)
    plan = tables._left_by_validation

    def slow_plan(table: str):   # (the window in which another thread reads the plans, widened)
        time.sleep(0.02)
        return plan(table)
    monkeypatch.setattr(tables, "_storing_plans", ())
    monkeypatch.setattr(tables, "_left_by_validation", slow_plan)
    answers, errors = [], []

    def check():
        try:
            answers.append(tables.storable_validated(*rows))
        except Exception as e:   # (the former list, read half filled or filled twice: a ValueError)
            errors.append(e)
    threads = [threading.Thread(target=check) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and answers == [True] * 4
