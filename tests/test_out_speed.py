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
    monkeypatch.setattr(rows, "_event_words", unasked)
    assert code_text(undated, "en", dt.date(2019, 8, 5)) == before and before
    monkeypatch.undo()
    dated = "Syrian troops shelled Idlib on Monday, which the rebels hold."
    asked = []
    monkeypatch.setattr(rows, "_relative_walls", lambda r, real=rows._relative_walls: asked.append(1) or real(r))
    assert code_text(dated, "en", dt.date(2019, 8, 5))[0].date_precision == "day" and asked == [1]

