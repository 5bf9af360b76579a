"""Speed steps of the row stage and the place finder must not change a row: each event's CAMEO
entry is looked up once; the before-news words are looked for only where an event of the sentence
has a date."""
from __future__ import annotations

import datetime as dt

import pytest

from coder import rows
from coder.pipeline import code_text

DAY = dt.date(2019, 8, 5)


@pytest.mark.parametrize("text,published,scans", [
    ("Gunmen attacked a checkpoint and police arrested two suspects.", None, 0),   # two events, neither dated
    ("Iran demanded on Friday the release of a tanker that marines had seized a day earlier.", DAY, 1),
])
def test_before_news_words_are_looked_for_only_where_an_event_is_dated(text, published, scans, monkeypatch):
    asked = []
    real = rows._marker_starts

    def counted(r, lang, field):
        asked.append(field)
        return real(r, lang, field)
    monkeypatch.setattr(rows, "_marker_starts", counted)
    events = code_text(text, "en", published)
    assert asked.count("before_news_markers") == scans
    assert len(events) == 2


def test_a_dated_story_told_before_the_news_is_still_background():
    events = code_text("Iran demanded on Friday the release of a tanker that marines had seized a day earlier.",
                       "en", DAY)
    assert [(e.evidence, str(e.event_date), e.is_background) for e in events] == \
        [("demanded on Friday the release", "2019-08-02", False), ("seized", "2019-08-01", True)]
