"""The document loop of `coder code`: every input record ends as a `documents` row or a `rejects`
row, whatever fails on it. A document that breaks a stage (coding, or storing it) becomes one reject
naming the stage, the document and the exception, and the run goes on with the next."""
from __future__ import annotations

import gc
import logging
from collections.abc import Iterable
from itertools import chain, islice

from coder import pipeline
from coder.model import Document, Reject
from coder.sinks import DatasetWriter, DocumentError, StoredDocument, stored_document
from coder.tables import ids_hold, schema, storable_of_the_coder, storable_validated

log = logging.getLogger("coder.runner")
_debugging = log.isEnabledFor

# After 1, 10, 100, ... records, what is alive is moved out of the garbage collector's sight
# (gc.freeze): it is nearly all loaded data that lives for the run (lexicons, gazetteer, per-word
# caches), and every full collection would walk it again (`coder code` on the 20,000-sentence
# corpus: the collector's share of the CPU time 4.7% -> 2.1%). Cyclic garbage not yet collected at
# those moments stays (a few documents' worth each time); what reference counting frees is freed.
FREEZE_AFTER = frozenset(10 ** k for k in range(10))
# And every COLLECT_AND_FREEZE_EVERY records after the first thousand, a full collection, then the
# same: on news whose words are new (each new word leaves its entries in the per-word caches and its
# memo, coder.records.WordMemo), what the run has learnt since the last freeze would otherwise be
# walked again by every full collection until the next power of ten (`bench.py --distinct --fresh`,
# 3,461 documents: 807 -> 859 sentences/s, the faster in five runs of six side by side). Collected
# first, so no cyclic garbage is frozen.
COLLECT_AND_FREEZE_EVERY = 1000
# The youngest generation is collected every YOUNG_COLLECTION container objects allocated (Python's
# default: 700): a sentence makes thousands (tokens, mentions, parse records), nearly all freed by
# reference counting as the document ends, so at 700 a collection walked the live objects of the
# same document again and again (callgrind on `code_into` over 300 corpus documents: the collector's
# instructions 0.35% -> 0, the cyclic garbage left waiting a few documents' worth more)
YOUNG_COLLECTION = 10_000


# (the pipeline's own function, whose rows the storing check may trust to be validated; one that
# replaces it, in a test, may return any rows)
_PIPELINE_CODE_DOCUMENT = pipeline.code_document


def internal_reject(doc: Document, stage: str, error: BaseException) -> Reject:
    return Reject(input_path=doc.input_path, record=doc.record, doc_id=doc.doc_id,
                  reason=f"failed while {stage} document {doc.doc_id!r} ({type(error).__name__}: {error}); "
                         "the rest of the run went on; please report it",
                  raw=doc.text[:1000])


def code_into(writer: DatasetWriter, items: Iterable[Document | Reject], progress=None, workers: int = 1,
              chunk: int | None = None) -> None:
    """Code every Document of `items` into `writer`; Rejects are recorded as they come. `progress`
    (a coder.progress.Progress) is told after each record, with counts that include the batch
    not yet committed. `workers` > 1 codes in that many processes (coder.parallel), unless the
    input is too short to fill one chunk (`chunk` documents a task, default CHUNK), where starting
    them would cost more than it saves."""
    if workers > 1:
        from coder.parallel import CHUNK, code_parallel
        items = iter(items)
        chunk = chunk or CHUNK
        head = list(islice(items, chunk + 1))
        if len(head) > chunk:
            code_parallel(writer, chain(head, items), workers, progress=progress, chunk=chunk)
            return
        items = head
    threshold = collect_young_less_often()
    try:
        _code_all(writer, items, progress)
    finally:
        gc.set_threshold(*threshold)


def collect_young_less_often() -> tuple[int, ...]:
    """Raise the collector's youngest-generation threshold to YOUNG_COLLECTION for a coding loop (in
    this process, or for good in a worker that only codes); returns the thresholds it replaced."""
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], YOUNG_COLLECTION), *threshold[1:])
    return threshold


def _code_all(writer: DatasetWriter, items: Iterable[Document | Reject], progress) -> None:
    tally = dict(documents=0, events=0, rejects=0)
    for done, item in enumerate(items, 1):
        # (the exact class asked first: isinstance() on a pydantic model class goes through
        # ABCMeta.__instancecheck__, about 1,800 machine instructions a call)
        if item.__class__ is not Document and isinstance(item, Reject):
            writer.reject(item)
            tally["rejects"] += 1
        else:
            kind, events = _code_one(writer, item)
            tally[kind] += 1
            tally["events"] += events
        if progress is not None:
            progress.update(done, tally)
        if done in FREEZE_AFTER:
            gc.freeze()
        elif done % COLLECT_AND_FREEZE_EVERY == 0:
            gc.collect()
            gc.freeze()


def code_checked(doc: Document, coder_version: str) -> StoredDocument | Reject:
    """Code one document and check that its rows can be stored: its rows as the writer stores them
    (sinks.stored_document), or the Reject naming the stage that failed. The one-process loop and
    the worker processes both use it."""
    code = pipeline.code_document   # (looked up at each call: tests replace it)
    if code is _PIPELINE_CODE_DOCUMENT:
        # the rows as values validated as they were made, with no row model built (the whole loop about
        # 2% fewer machine instructions); one that fails a check is coded again below, whose check names it
        try:
            rows = code(doc, as_values=True)
        except Exception as e:
            return internal_reject(doc, "coding", e)
        # (the events' slices of the text and the coder's own values not tested where hashing the text
        # found no lone surrogate in it)
        stored = _stored_values(rows, coder_version, pipeline.text_has_no_surrogate(doc))
        if stored is not None:
            return stored
    try:
        coded = code(doc)
    except Exception as e:   # a bug on one document (RecursionError, MemoryError too) must not lose the run
        return internal_reject(doc, "coding", e)
    try:
        # the rows of the pipeline's own code_document were validated as it made them: their types
        # are not tested again (about a third of the storing check), only integer widths and strings
        return stored_document(coded, coder_version, code is _PIPELINE_CODE_DOCUMENT)
    except DocumentError as e:
        return internal_reject(doc, "storing", e)


# the columns of the documents row code_document(..., as_values=True) gives, in the order it gives them
_DOCUMENT_COLUMNS = ("doc_id", "title", "source", "url", "language", "published", "n_sentences", "n_events",
                     "sha256", "input_path", "coded_at", "coder_version")
if tuple(schema("documents").names) != _DOCUMENT_COLUMNS:
    raise ImportError("the documents table's columns changed: update pipeline.code_document's values and "
                      "coder/runner.py's _DOCUMENT_COLUMNS")
_new_tuple = tuple.__new__   # (a namedtuple made as its own __new__ makes it, without that Python frame)
_CODER_VERSION = _DOCUMENT_COLUMNS.index("coder_version")


def _stored_values(rows: tuple, coder_version: str, coder_made: bool = False) -> StoredDocument | None:
    """The rows of code_document(..., as_values=True) as the writer stores them, where they pass each
    check stored_document makes (the coder version, each event's document, no event twice, each
    quantity's event, integer widths, lone surrogates), else None. `coder_made`: the rows are the
    pipeline's own and their document's text holds no lone surrogate (tables.storable_of_the_coder
    checks them, their ids with the others' test, tables.ids_hold)."""
    document, events, quantities = rows
    if document[_CODER_VERSION] != coder_version:
        return None
    if coder_made:
        if not storable_of_the_coder(document, events, quantities):
            return None
        return _new_tuple(StoredDocument, (document, events, quantities))
    if (events or quantities) and not ids_hold(document, events, quantities):
        return None
    if not storable_validated(document, events, quantities):
        return None
    return _new_tuple(StoredDocument, (document, events, quantities))


def _code_one(writer: DatasetWriter, item: Document) -> tuple[str, int]:
    """Code and store one document; the tally it adds to and its number of events."""
    doc_id = item.doc_id   # (read once: a pydantic model's attribute goes through its __getattr__ hook)
    try:
        if writer.is_current(doc_id, pipeline.document_sha(item)):
            return "documents", 0
    except Exception as e:
        result: StoredDocument | Reject = internal_reject(item, "coding", e)
    else:
        result = code_checked(item, writer.coder_version)
    if result.__class__ is not StoredDocument and isinstance(result, Reject):   # (as in _code_all)
        writer.reject(result)
        log.warning("document %r: %s", item.doc_id, result.reason)
        return "rejects", 0
    writer.add(result)
    events = len(result.events)
    if _debugging(logging.DEBUG):   # (asked first: Logger.debug is two Python calls a document)
        log.debug("coded %s: %d events", doc_id, events)
    return "documents", events
