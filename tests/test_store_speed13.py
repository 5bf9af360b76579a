"""The storing checks after the speed round: same stored rows, same errors as the logic they replace
(kept here as a reference copy), on hand-written Arabic and English documents."""
from __future__ import annotations

import datetime as dt

import pytest

from coder.model import CodedDocument, DocumentRow, EventRow, QuantityRow
from coder.sinks import DocumentError, StoredDocument, merge_identical_events, stored_document
from coder.tables import storable_values

CODER = "0.1.0"
UTC = dt.timezone.utc


def _reference_merge(coded: CodedDocument) -> CodedDocument:
    seen: dict[str, object] = {}
    for e in coded.events:
        seen.setdefault(e.event_id, e)
    if len(seen) == len(coded.events):
        return coded
    quantities, keys = [], set()
    for q in coded.quantities:
        key = (q.event_id, q.value, q.qualifier, q.unit, q.text)
        if key not in keys:
            keys.add(key)
            quantities.append(q)
    document = coded.document.model_copy(update={"n_events": len(seen)})
    return CodedDocument(document=document, events=list(seen.values()), quantities=quantities)


def _reference_stored(coded: CodedDocument) -> StoredDocument:
    """The checks of sinks._checked as they were before the round (any() of generators, a merge
    walked for every document with events)."""
    doc = coded.document
    if coded.events or coded.quantities:
        if any(e.doc_id != doc.doc_id for e in coded.events):
            raise DocumentError(f"an event of document {doc.doc_id!r} carries another doc_id: events must "
                                "belong to the document they are added with")
        coded = _reference_merge(coded)
        known = {e.event_id for e in coded.events}
        if any(q.event_id not in known for q in coded.quantities):
            raise DocumentError(f"a quantity of document {doc.doc_id!r} refers to an event not in the document")
    try:
        return StoredDocument(storable_values("documents", [coded.document])[0],
                              storable_values("events", coded.events),
                              storable_values("event_quantities", coded.quantities))
    except (ValueError, TypeError, OverflowError) as e:
        raise DocumentError(f"document {doc.doc_id!r} has a value its table cannot store "
                            f"({type(e).__name__}: {e})") from None


def _event(event_id: str, doc_id: str, sentence: str, language: str = "en", index: int = 0) -> EventRow:
    return EventRow(event_id=event_id, doc_id=doc_id, sentence_index=index, sentence=sentence,
                    evidence=sentence[:10], language=language, published=dt.date(2021, 3, 4),
                    event_date=dt.date(2021, 3, 3), date_precision="day", event_code="111",
                    event_base_code="111", event_root_code="11", quad_class=3, goldstein=-2.0,
                    rule_id="test.rule", confidence=0.5, coder_version=CODER)


def _quantity(event_id: str, value: int = 4, text: str = "four") -> QuantityRow:
    return QuantityRow(event_id=event_id, value=value, qualifier="exact", unit="killed", text=text)


def _coded(doc_id: str, events=(), quantities=(), language: str = "en") -> CodedDocument:
    document = DocumentRow(doc_id=doc_id, title="headline", language=language, published=dt.date(2021, 3, 4),
                           n_sentences=2, n_events=len(events), sha256="ab" * 32, input_path="mine.jsonl",
                           coded_at=dt.datetime(2026, 2, 2, tzinfo=UTC), coder_version=CODER)
    return CodedDocument(document=document, events=list(events), quantities=list(quantities))


AR = "انتقد الوزير قرار الحكومة أمس في مؤتمر صحفي"
EN = "The mayor criticised the council's budget on Monday."

CASES = {
    "no events": _coded("d0"),
    "one English event": _coded("d1", [_event("e1", "d1", EN)]),
    "one Arabic event and its quantity": _coded("d2", [_event("e2", "d2", AR, "ar")], [_quantity("e2")], "ar"),
    "two events": _coded("d3", [_event("e3", "d3", EN), _event("e4", "d3", EN, index=1)], [_quantity("e4")]),
    "an event twice, its quantity twice": _coded("d4", [_event("e5", "d4", AR, "ar"), _event("e5", "d4", AR, "ar")],
                                                 [_quantity("e5"), _quantity("e5")], "ar"),
    "an event twice, two quantities": _coded("d5", [_event("e6", "d5", EN)] * 2,
                                             [_quantity("e6"), _quantity("e6", 7, "seven")]),
    "a quantity without events": _coded("d6", [], [_quantity("e7")]),
    "a quantity of another event": _coded("d7", [_event("e8", "d7", EN)], [_quantity("e9")]),
    "an event of another document": _coded("d8", [_event("e10", "other", AR, "ar")], [], "ar"),
    "the second event of another document": _coded("d9", [_event("e11", "d9", EN), _event("e12", "x", EN)]),
    "an int too wide for its column": _coded("d10", [_event("e13", "d10", EN, index=2 ** 40)]),
}


def _outcome(build, coded):
    try:
        return build(coded)
    except DocumentError as e:
        return str(e)


@pytest.mark.parametrize("name", CASES)
def test_stored_document_as_before(name):
    coded = CASES[name]
    assert _outcome(lambda c: stored_document(c, CODER), coded) == _outcome(_reference_stored, coded)


def test_unstorable_value_still_named():
    with pytest.raises(DocumentError, match="sentence_index"):
        stored_document(CASES["an int too wide for its column"], CODER)


@pytest.mark.parametrize("name", CASES)
def test_merge_as_before(name):
    coded = CASES[name]
    assert merge_identical_events(coded) == _reference_merge(coded)
    if len(coded.events) < 2:
        assert merge_identical_events(coded) is coded


def test_digest_remembers_only_by_identity():
    import struct

    from coder.seen import digest

    def reference(text):   # (the digest's function, coder/seen.py)
        return struct.pack("<qq", hash(text), hash("\0" + text))

    texts = ["خبر-١", "news-1", "".join(["news", "-1"]), "news-2", "\ud83d-lone", "", "خبر-١"]
    for text in texts + texts[::-1]:
        assert digest(text) == reference(text)
        assert digest(text) == reference(text)   # the remembered one
