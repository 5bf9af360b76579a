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
