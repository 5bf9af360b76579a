"""Speed steps of the row stage, the writer and the input reader (coder/rows.py, coder/pipeline.py,
coder/sinks, coder/ingest): the short cuts must give what the longer way gave."""
from __future__ import annotations

import datetime as dt

import pytest

from coder import rows
from coder.pipeline import code_text


def _clause_end_by_characters(text: str, start: int) -> int:
    """The clause end as the character loop found it before the regular expression."""
    return next((k for k in range(start, len(text)) if text[k] in rows.CLAUSE_CLOSE), len(text))


@pytest.mark.parametrize("text", ["who died in custody, and police", "الذي قتل في الهجوم، وقالت", "no close here",
                                  "a (b) c? d! e; f: g — h – i؛ j؟", "", "-.[]^\\"])
def test_the_clause_end_is_the_first_closing_mark_from_the_start(text):
    for start in range(len(text) + 2):
        assert rows._clause_end(text, start) == _clause_end_by_characters(text, start)


def test_a_sentence_with_no_date_asks_nothing_of_its_relative_clauses_or_event_words(monkeypatch):
    def unasked(r):
        raise AssertionError("asked for a sentence with no date")
    undated = "Syrian troops shelled Idlib, which the rebels hold."
    before = code_text(undated, "en", dt.date(2019, 8, 5))
    monkeypatch.setattr(rows, "_relative_walls", unasked)
    monkeypatch.setattr(rows, "_walls_and_heads", unasked)   # (a dated sentence's clauses, with its episode heads)
    monkeypatch.setattr(rows, "_event_words", unasked)
    assert code_text(undated, "en", dt.date(2019, 8, 5)) == before and before
    monkeypatch.undo()
    dated = "Syrian troops shelled Idlib on Monday, which the rebels hold."
    asked = []
    monkeypatch.setattr(rows, "_walls_and_heads", lambda r, real=rows._walls_and_heads: asked.append(1) or real(r))
    assert code_text(dated, "en", dt.date(2019, 8, 5))[0].date_precision == "day" and asked == [1]



def test_the_writer_digests_each_document_id_once_a_batch(tmp_path, monkeypatch):
    import coder.sinks as sinks
    from coder.model import Document
    from coder.pipeline import versions
    from coder.runner import code_into
    docs = [Document(doc_id=f"d{k}", text="Syrian troops shelled Idlib on Monday.", language="en",
                     published=dt.date(2019, 8, 5)) for k in range(5)]
    with sinks.DatasetWriter(tmp_path / "out", **versions()) as w:
        code_into(w, docs)
    digested = []
    monkeypatch.setattr(sinks, "digest", lambda text, real=sinks.digest: digested.append(text) or real(text))
    with sinks.DatasetWriter(tmp_path / "out", **versions()) as w:
        digested.clear()   # (opening the dataset indexed its committed ids)
        code_into(w, [d.model_copy(update={"text": d.text + " Again."}) for d in docs])
        assert w.counts["documents"] == 0
    # once a document in all: is_current's digest is reused by the batch's commit
    assert sorted(digested) == [d.doc_id for d in docs]


def test_the_writer_reads_a_rows_values_as_its_attributes_give_them():
    from operator import attrgetter

    from coder.model import EventRow
    from coder.tables import row_values, schema
    row = EventRow(event_id="e1", doc_id="d1", sentence_index=0, sentence="قتل ثلاثة جنود", evidence="قتل",
                   language="ar", event_code="111", event_base_code="111", event_root_code="11", quad_class=3,
                   goldstein=-2.0, rule_id="r", confidence=0.5, coder_version="0", fatalities=3)
    for r in (row, row.model_copy(update={"sentence": "x", "latitude": 1.5})):
        assert row_values("events")(r.__dict__) == attrgetter(*schema("events").names)(r)
