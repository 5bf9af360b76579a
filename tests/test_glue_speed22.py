"""The twenty-second speed round's changes to the glue around the coding, each checked against a copy
of the former code (kept below) on hand-written Arabic and English texts (those of
tests/test_glue_speed18.py and sentences written here): the writer's held batches are sized by their
buffers (Table.get_total_buffer_size), not by Table.nbytes; analyse_sentence reads the mentions'
kinds by a set comprehension; model.assembled sets a record's slots through their own setters."""
from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from coder.model import Document
from coder.pipeline import code_document
from coder.sinks import DatasetWriter, stored_document
from coder.sinks.compaction import HeldParts
from coder.tables import TABLES, tuples_to_arrow
from test_glue_speed18 import CASES

AT = dt.datetime(2001, 2, 3, 4, 5, 6)


def _coded():
    out = []
    for n, (lang, published, text, _, _) in enumerate(CASES):
        doc = Document(doc_id=f"d{n}-{lang}", text=text, language=lang, published=published, title=text[:12],
                       input_path="in.jsonl", record=n + 1)
        out.append(code_document(doc, coded_at=AT))
    return out


def test_held_batches_sized_by_their_buffers():
    """A batch's tables are held while their buffers fit: the size counted is the buffers' (a few bytes
    a column more than the bytes referenced, which Table.nbytes counted), and a batch over the limit
    is not held."""
    coded = _coded()
    version = coded[0].document.coder_version
    stored = [stored_document(c, version) for c in coded]
    written = {"documents": tuples_to_arrow("documents", [s.document for s in stored]),
               "events": tuples_to_arrow("events", [e for s in stored for e in s.events]),
               "event_quantities": tuples_to_arrow("event_quantities", [q for s in stored for q in s.quantities])}
    buffers = sum(t.get_total_buffer_size() for t in written.values())
    referenced = sum(t.nbytes for t in written.values())
    assert referenced <= buffers <= referenced + 64 * sum(t.num_columns for t in written.values())
    manifest = {"tables": {t: {"part-000001.parquet": {"sha256": "ab"}} for t in written}}
    held = HeldParts()
    held.hold(manifest, 1, written)
    assert held.bytes == buffers and set(held.tables) == {(t, 1) for t in written}
    from coder.sinks import compaction
    full = HeldParts()
    full.bytes = compaction.HELD_BYTES - buffers + 1
    full.hold(manifest, 1, written)
    assert not full.tables


def test_a_run_stores_and_compacts_its_held_batches():
    """The writer stores what it was given (the documents, events and quantities rows of the
    hand-written texts) and compacts them from the batches it holds."""
    import pyarrow.parquet as pq
    coded = _coded()
    version = coded[0].document.coder_version
    with tempfile.TemporaryDirectory() as tmp:
        with DatasetWriter(Path(tmp) / "out", version, "lex", batch_docs=4) as writer:
            for c in coded:
                writer.add(stored_document(c, version))
            writer.flush()
            writer.compact()
        got = {t: pq.read_table(Path(tmp) / "out" / t).num_rows for t in TABLES}
    assert got == {"documents": len(coded), "events": sum(len(c.events) for c in coded),
                   "event_quantities": sum(len(c.quantities) for c in coded), "rejects": 0}


# ---------------------------------------------------------------- the mentions' kinds by a set comprehension

def _former_analyse_sentence(sent, lang, published):
    """pipeline.analyse_sentence as it was before this round: the kinds read by map(attrgetter)."""
    from operator import attrgetter

    from coder import pipeline
    from coder.dates import find_dates, scan as date_scan
    prof = pipeline.profile(lang)
    dates = find_dates(sent.text, lang, published)
    day = dates[0].value if dates else published
    mentions = pipeline.match(pipeline.load(lang).trie, sent.tokens, sent.text)
    parsed = None
    kinds = set(map(attrgetter("kind"), mentions))
    if "trigger" in kinds and ("actor" in kinds or "agent" in kinds):
        parsed = pipeline.parse(sent.tokens, mentions, prof, pipeline._dated_tokens(sent.tokens, dates) if dates
                                else pipeline._NOTHING)
    analysis = pipeline.analyse(sent, mentions, prof, day, parsed)
    quantities = pipeline.find_quantities(sent.text, lang, date_scan(sent.text, lang)[0]) \
        if analysis.events else []
    return pipeline.SentenceResult(sent, analysis, dates, quantities, [])


_KIND_SENTENCES = [
    ("en", "The weather in Amman was calm on Sunday."),   # no trigger
    ("en", "Shelling continued overnight."),   # a trigger and no actor
    ("en", "Police arrested three men in Basra on Monday."),
    ("en", "Gunmen attacked a checkpoint, the ministry said."),
    ("ar", "كان الطقس هادئا في عمان يوم الأحد."),
    ("ar", "استمر القصف طوال الليل."),
    ("ar", "اعتقلت الشرطة ثلاثة رجال في البصرة يوم الاثنين."),
    ("ar", "هاجم مسلحون حاجزا للجيش، بحسب الوزارة."),
]


def test_sentences_parsed_and_analysed_as_before(monkeypatch):
    """Sentences with no trigger, a trigger and no actor, and both (Arabic and English, and those of
    tests/test_glue_speed18.py): parsed exactly when they were, and analysed to the same trace,
    events, dates and quantities."""
    from coder import pipeline
    parsed = []
    real_parse = pipeline.parse
    monkeypatch.setattr(pipeline, "parse", lambda *a: parsed.append(a[0]) or real_parse(*a))
    texts = _KIND_SENTENCES + [(lang, text) for lang, _, text, _, _ in CASES]
    seen = {False: 0, True: 0}
    for lang, text in texts:
        for sent in pipeline.sentences(text, lang):
            outcomes = []
            for analyse_sentence in (pipeline.analyse_sentence, _former_analyse_sentence):
                parsed.clear()
                r = analyse_sentence(sent, lang, dt.date(2022, 5, 14))
                outcomes.append((len(parsed), r.analysis.trace, [repr(e) for e in r.analysis.events],
                                 r.dates, r.quantities))
            assert outcomes[0] == outcomes[1]
            seen[bool(outcomes[0][0])] += 1
    assert seen[False] >= 4 and seen[True] >= 10


# ---------------------------------------------------------------- records assembled through the slots' setters

def _former_assembled(model, values):
    """model.assembled as it was before this round: the four slots set by object.__setattr__."""
    instance = object.__new__(model)
    object.__setattr__(instance, "__dict__", values)
    object.__setattr__(instance, "__pydantic_fields_set__", set(values))
    object.__setattr__(instance, "__pydantic_extra__", None)
    object.__setattr__(instance, "__pydantic_private__", None)
    return instance


def _state(m):
    return (type(m), list(m.__dict__.items()), m.__pydantic_fields_set__, m.__pydantic_extra__,
            m.__pydantic_private__)


def test_records_assembled_as_by_the_former_setters():
    """The documents rows and CodedDocuments of the hand-written texts, and their event and quantity
    rows, assembled from the same values: the same class, dict, fields set, extra and private values as
    the former way made, and alike to compare, copy, dump and pickle."""
    import pickle

    from coder.model import CodedDocument, DocumentRow, EventRow, QuantityRow, assembled
    made = 0
    for coded in _coded():
        parts = [(DocumentRow, coded.document)] + [(EventRow, e) for e in coded.events] + \
            [(QuantityRow, q) for q in coded.quantities]
        for model, row in parts:
            new, old = assembled(model, dict(row.__dict__)), _former_assembled(model, dict(row.__dict__))
            assert _state(new) == _state(old) and new == old == row
            assert new.model_dump() == old.model_dump() and new.model_copy() == old.model_copy()
            assert _state(pickle.loads(pickle.dumps(new))) == _state(old)
            made += 1
        values = {"document": coded.document, "events": list(coded.events), "quantities": list(coded.quantities)}
        new, old = assembled(CodedDocument, dict(values)), _former_assembled(CodedDocument, dict(values))
        assert _state(new) == _state(old) and new == old == coded
        assert new.model_dump() == old.model_dump()
    assert made >= 30
    partial = {"doc_id": "d", "n_sentences": 1}   # (fields left out: the fields set says so)
    assert _state(assembled(DocumentRow, dict(partial))) == _state(_former_assembled(DocumentRow, dict(partial)))
