"""Per-document shortcuts of the pipeline: the clock read for coded_at, a document with no event,
with events in one sentence only, or whose event sentence names no place."""
from __future__ import annotations

import datetime as dt

from coder.model import Document
from coder.pipeline import _utc_now, code_document, drop_repeat_mentions, resolve_document

DAY = dt.date(2019, 8, 12)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def test_coded_at_is_the_clock_in_utc_without_a_zone():
    before = _now()
    got = _utc_now()
    row = code_document(Document(doc_id="d", text="قصف الجيش السوري إدلب أمس.", language="ar",
                                 published=DAY)).document
    after = _now()
    assert got.tzinfo is None and row.coded_at.tzinfo is None
    assert before <= got <= row.coded_at <= after


def test_a_document_without_events_has_no_places_and_no_focus():
    text = "The weather was fine. Markets were calm."
    lang, results, places, focus, actor_focus = resolve_document(Document(doc_id="d", text=text, language="en",
                                                                          published=DAY))
    assert lang == "en" and len(results) == 2 and not any(r.analysis.events for r in results)
    assert places == [[], []] and focus is None and actor_focus is None


def test_events_told_in_one_sentence_are_all_kept():
    text = "Gunmen stormed a police checkpoint and attacked a market on Monday. The weather was fine."
    _, results, *_ = resolve_document(Document(doc_id="d", text=text, language="en", published=DAY))
    events = [list(r.analysis.events) for r in results]
    traces = [list(r.analysis.trace) for r in results]
    assert events[0] and not events[1]
    drop_repeat_mentions(results)
    assert [r.analysis.events for r in results] == events
    assert [r.analysis.trace for r in results] == traces


def test_an_event_sentence_that_names_no_place_keeps_none():
    _, results, places, *_ = resolve_document(Document(doc_id="d", text="Gunmen stormed a police checkpoint.",
                                                       language="en", published=DAY))
    assert results[0].analysis.events and results[0].places == [] and places == [[]]
