"""Speed steps of the row stage and the writer (round 3): each row's values are read once, by the
storability check, for the writer's buffer. No step may change a row."""
from __future__ import annotations

import datetime as dt

import pytest

from coder.model import Document, Reject
from coder.pipeline import code_document, code_text, versions
from coder.runner import code_checked
from coder.sinks import DocumentError, StoredDocument, check_document, stored, stored_document
from coder.tables import check_storable, storable_values

DAY = dt.date(2019, 8, 5)


def _doc() -> Document:
    return Document(doc_id="d1", text="Gunmen killed five civilians in Kirkuk on Monday. Police arrested "
                    "two of them on Tuesday.", language="en", published=DAY)


def test_the_checked_rows_are_the_rows_stored_from_the_checked_document():
    coded = code_document(_doc())
    version = coded.document.coder_version
    rows = stored_document(coded, version)
    assert isinstance(rows, StoredDocument) and rows.events and rows.quantities
    assert rows == stored(check_document(coded, version))
    assert code_checked(_doc(), version)[1:] == rows[1:]   # (the documents row: its coded_at is the clock's)
    with pytest.raises(DocumentError):
        stored_document(coded, "another version")


def test_a_value_the_quick_check_leaves_to_the_full_check_is_judged_the_same():
    row = code_text("Gunmen killed five civilians in Kirkuk on Monday.", "en", DAY)[0]

    class Text(str):
        pass
    subclassed = row.model_copy(update={"evidence": Text(row.evidence)})   # not a plain str: the full check
    assert storable_values("events", [subclassed]) == storable_values("events", [row])
    too_wide = row.model_copy(update={"sentence_index": 1 << 40})
    with pytest.raises(ValueError):
        storable_values("events", [too_wide])
    with pytest.raises(ValueError):
        check_storable("events", [too_wide])
    assert storable_values("events", []) == []


def test_a_run_stores_the_worker_rows(tmp_path):
    """code_checked hands the writer StoredDocuments (a failure: a Reject), as a worker does."""
    v = versions()
    item = code_checked(Document(doc_id="x", text="Police arrested two men in Mosul.", language="en",
                                 published=DAY), v["coder_version"])
    assert isinstance(item, StoredDocument) and len(item.events) == 1
    assert isinstance(code_checked(_doc(), "another version"), Reject)
