"""The row stage's shortcuts must not change a row: work skipped where a cheap test says its input
is absent (no quantity to attach, no time counted back in years in an undated sentence), worked
out once a sentence instead of per event, and rows handed to the writer as plain tuples."""
from __future__ import annotations

import datetime as dt

import pytest

from coder.model import Document
from coder.pipeline import code_document, code_text
from coder.sinks import StoredDocument, check_document, stored
from coder.tables import to_arrow, tuples_to_arrow

DAY = dt.date(2019, 8, 5)


@pytest.mark.parametrize("text,lang,background", [
    ("Gunmen kidnapped dozens of fishermen near the island two years ago.", "en", True),
    ("Gunmen kidnapped dozens of fishermen near the island last year.", "en", True),
    ("Gunmen kidnapped dozens of fishermen near the island in 2015.", "en", True),
    ("Gunmen kidnapped dozens of fishermen near the island yesterday.", "en", False),
    ("Gunmen kidnapped dozens of fishermen near the island.", "en", False),
    ("خطف مسلحون في العام الماضي عشرات الصيادين قرب الجزيرة.", "ar", True),
    ("خطف مسلحون أمس عشرات الصيادين قرب الجزيرة.", "ar", False),
])
def test_an_undated_text_tells_history_by_times_counted_back(text, lang, background):
    """Without a publication date, a time a year or more back makes the event background (read
    against a stand-in day); the stand-in reading is skipped for sentences with no such time."""
    events = code_text(text, lang)
    assert [e.is_background for e in events] == [background]
    dated = code_text(text, lang, DAY)   # with the date, the same verdict from the date itself
    assert [e.is_background for e in dated] == [background]


def test_quantities_go_to_their_events_and_none_are_made_up():
    counted = code_text("Gunmen killed five civilians in Kirkuk on Monday.", "en", DAY)
    assert [(e.quantity_value, e.fatalities) for e in counted] == [(5, 5)]
    uncounted = code_text("Gunmen attacked a checkpoint in Kirkuk on Monday.", "en", DAY)
    assert uncounted and all(e.quantity_value is None and e.fatalities is None for e in uncounted)


def test_stored_rows_make_the_tables_the_models_make():
    doc = Document(doc_id="d1", text="Gunmen killed five civilians in Kirkuk on Monday. Police arrested "
                   "two of them on Tuesday.", language="en", published=DAY)
    coded = check_document(code_document(doc), code_document(doc).document.coder_version)
    rows = stored(coded)
    assert isinstance(rows, StoredDocument)
    assert (rows.doc_id, rows.sha256, rows.coder_version) == \
        (coded.document.doc_id, coded.document.sha256, coded.document.coder_version)
    assert coded.events and coded.quantities
    for table, models, tuples in (("documents", [coded.document], [rows.document]),
                                  ("events", coded.events, rows.events),
                                  ("event_quantities", coded.quantities, rows.quantities)):
        assert tuples_to_arrow(table, tuples).equals(to_arrow(table, models))
    assert tuples_to_arrow("events", []).num_rows == 0
