"""Sixth round of speed steps on the reading, worker and writer path: what the writer process of a
run with workers no longer does a document, and that the results stay the same."""
from __future__ import annotations

import datetime as dt

from coder.model import Document


def test_the_skip_check_hashes_the_text_of_a_committed_id_only(tmp_path):
    from coder.pipeline import code_document, document_sha, versions
    from coder.sinks import DatasetWriter
    doc = Document(doc_id="d1", text="Police arrested two men in Mosul.", language="en",
                   published=dt.date(2019, 8, 5))
    hashed = []

    def sha():
        hashed.append(doc.doc_id)
        return document_sha(doc)

    with DatasetWriter(tmp_path / "out", **versions()) as w:
        assert not w.is_current(doc.doc_id, sha)   # a new id: nothing to compare the text with
        assert hashed == []
        w.add(code_document(doc))
    with DatasetWriter(tmp_path / "out", **versions()) as w:
        assert w.is_current(doc.doc_id, sha)
        assert hashed == ["d1"]
        changed = doc.model_copy(update={"text": doc.text + " Again."})
        assert not w.is_current(changed.doc_id, lambda: document_sha(changed))
        assert w.counts["skipped"] == 1


def test_a_document_sent_to_a_worker_is_the_same_document_there(tmp_path):
    import pickle

    from coder.ingest import iter_inputs
    from coder.parallel import code_chunk, received, sendable
    from coder.pipeline import versions
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "a", "text": "Police arrested two men in Mosul.", "date": "2019-08-05", "language": "en", '
                    '"title": "T", "url": "http://x"}\n', encoding="utf-8")
    docs = [*iter_inputs([str(path)]), Document(doc_id="b", text="قصف الجيش السوري إدلب أمس.", language="ar")]
    for doc in docs:
        sent = pickle.loads(pickle.dumps(sendable(doc)))
        assert isinstance(sent, tuple)   # not the pydantic model
        back = received(sent)
        assert type(back) is Document and back == doc and back.__dict__ == doc.__dict__
        assert back.__pydantic_fields_set__ == doc.__pydantic_fields_set__
        assert back.model_copy(update={"text": "x"}).text == "x"
    assert docs[1].__pydantic_fields_set__ == {"doc_id", "text", "language"}
    version = versions()["coder_version"]
    # a worker codes what it is sent as it codes the Documents themselves (the Dask workers send those)
    sent = [pickle.loads(pickle.dumps(sendable(d))) for d in docs]
    coded, direct = code_chunk(sent, version), code_chunk(docs, version)
    assert [(c.document[:10], c.events) for c in coded] == [(c.document[:10], c.events) for c in direct]


def test_a_document_subclass_is_sent_as_itself():
    from coder.parallel import received, sendable

    class Mine(Document):
        pass

    doc = Mine(doc_id="a", text="Police arrested two men in Mosul.")
    assert sendable(doc) is doc and received(doc) is doc


def test_a_worker_sends_plain_tuples_that_the_writer_stores_as_before(tmp_path):
    import pickle

    from coder.parallel import code_chunk, code_for_writer, sendable
    from coder.pipeline import versions
    from coder.sinks import StoredDocument
    docs = [Document(doc_id="a", text="Gunmen killed five civilians in Kirkuk on Monday.", language="en",
                     published=dt.date(2019, 8, 5)),
            Document(doc_id="b", text="The weather was fine.", language="en")]
    version = versions()["coder_version"]
    sent = code_for_writer([sendable(d) for d in docs], version)
    assert all(type(item) is tuple for item in sent)
    back = [StoredDocument._make(item) for item in pickle.loads(pickle.dumps(sent))]
    direct = code_chunk(docs, version)
    assert [(s.document[:10], s.events, s.quantities) for s in back] == \
        [(s.document[:10], s.events, s.quantities) for s in direct]
    assert back[0].events and back[0].doc_id == "a"
