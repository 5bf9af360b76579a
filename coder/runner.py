"""The document loop of `coder code`: every input record ends as a `documents` row or a `rejects`
row, whatever fails on it. A document that breaks a stage (coding, or storing it) becomes one reject
naming the stage, the document and the exception, and the run goes on with the next."""
from __future__ import annotations

from collections.abc import Iterable

from coder.model import Document, Reject
from coder.sinks import DatasetWriter, DocumentError


def internal_reject(doc: Document, stage: str, error: BaseException) -> Reject:
    return Reject(input_path=doc.input_path, record=doc.record, doc_id=doc.doc_id,
                  reason=f"failed while {stage} document {doc.doc_id!r} ({type(error).__name__}: {error}); "
                         "the rest of the run went on; please report it",
                  raw=doc.text[:1000])


def code_into(writer: DatasetWriter, items: Iterable[Document | Reject]) -> None:
    """Code every Document of `items` into `writer`; Rejects are recorded as they come."""
    from coder.pipeline import code_document, document_sha
    for item in items:
        if isinstance(item, Reject):
            writer.reject(item)
            continue
        try:
            sha = document_sha(item)
            if writer.is_current(item.doc_id, sha):
                continue
            coded = code_document(item)
        except Exception as e:   # a bug on one document (RecursionError, MemoryError too) must not lose the run
            writer.reject(internal_reject(item, "coding", e))
            continue
        try:
            writer.add(coded)
        except DocumentError as e:
            writer.reject(internal_reject(item, "storing", e))
