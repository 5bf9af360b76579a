"""`coder code --workers N`: documents coded in N worker processes, stored by one writer.

The parent reads the input, records its rejects, skips documents already committed unchanged, and
sends the rest in chunks of CHUNK documents to the workers. A worker codes each document exactly as
the one-process loop does (coder.runner: a failure becomes a reject naming the document), checks
it can be stored (sinks.stored_document) and sends its rows back as plain tuples (sinks.StoredDocument,
validated by pydantic in the worker, once), so the parent only buffers and commits. Chunks are handed
to the writer in input order: the dataset is the one a single process writes, batch for batch.

At most 2 chunks a worker are in flight, so memory does not grow with the input. On Linux the
workers are forked after the parent has loaded the lexicons and the gazetteer, so they share them
(copy-on-write) instead of loading them again; elsewhere they are spawned and load them from the
on-disk caches. A worker that dies (killed, out of memory) stops the run with WorkerError; the
batches committed before stay valid and a rerun goes on after them.
"""
from __future__ import annotations

import gc
import logging
import multiprocessing as mp
import os
import signal
import sys
from collections import deque
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from operator import itemgetter

from coder.model import Document, Reject
from coder.sinks import DatasetWriter, StoredDocument

log = logging.getLogger("coder.parallel")

CHUNK = 64          # documents a task: large enough to amortise the hand-over, small enough to balance
IN_FLIGHT = 2       # chunks a worker queued ahead


class WorkerError(RuntimeError):
    """A worker process died; the run stops (what was committed stays)."""


# One sentence a language that reaches every stage loaded on first use: the lexicons, the gazetteer
# (a capital named by its country's adjective), the counts, and dateparser, which only resolves a
# relative date with a count ("three days ago") and builds its regexes at its first call.
WARM_UP = (("en", "Syrian troops shelled Idlib three days ago, killing about 20 people in the Syrian capital."),
           ("ar", "قصف الجيش السوري إدلب قبل ثلاثة أيام وقتل نحو 20 شخصا في العاصمة السورية."))


def warm_up() -> None:
    """Load every language's lexicons, the gazetteer and the date parser before forking, so that
    the workers share them instead of each loading them."""
    import datetime as dt
    from coder.pipeline import code_text
    for lang, text in WARM_UP:
        code_text(text, lang, dt.date(2019, 8, 5))


def _context():
    if sys.platform.startswith("linux"):
        return mp.get_context("fork")
    return mp.get_context("spawn")


def _die_with_parent() -> None:
    """A killed parent (kill, out of memory) must not leave its workers waiting for work forever."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)   # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            return
        # the signal only covers a death after the call: a parent killed between the fork and here
        # has already handed this process to another parent
        parent = mp.parent_process()
        if parent is not None and os.getppid() != parent.pid:
            os._exit(1)


def _init_worker(lock_fd: int | None) -> None:
    from coder.runner import collect_young_less_often
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is the parent's to handle
    _die_with_parent()
    collect_young_less_often()   # a worker only codes: its loop's garbage as in the one-process loop
    if lock_fd is not None:   # a forked copy of the dataset lock: only the parent holds it
        try:
            os.close(lock_fd)
        except OSError:
            pass


# A Document crosses to a worker as a plain tuple: its fields' values, and the names of the fields
# given when not all were. Pickling the pydantic model goes through its __getstate__ dicts and costs
# the parent's feeder thread about 40 times as much; the worker rebuilds it as unpickling does
# (__setstate__), without validating again what the reader validated.
_FIELDS = tuple(Document.model_fields)
_field_values = itemgetter(*_FIELDS)


def sendable(doc: Document) -> tuple | Document:
    """`doc` as it is sent to a worker (received(): the same Document there). A subclass, or a
    model holding extra or private values, is sent as itself."""
    if type(doc) is not Document or doc.__pydantic_extra__ or doc.__pydantic_private__:
        return doc
    given = doc.__pydantic_fields_set__
    return _field_values(doc.__dict__), (None if len(given) == len(_FIELDS) else given)


def received(sent: tuple | Document) -> Document:
    """The Document that sendable() made `sent` from."""
    if isinstance(sent, Document):
        return sent
    values, given = sent
    doc = Document.__new__(Document)
    doc.__setstate__({"__dict__": dict(zip(_FIELDS, values)), "__pydantic_extra__": None,
                      "__pydantic_private__": None, "__pydantic_fields_set__": set(_FIELDS) if given is None else given})
    return doc


def code_chunk(docs: list[Document | tuple], coder_version: str) -> list[StoredDocument | Reject]:
    """Code a chunk in a worker (its documents as sendable() gives them, or Documents): per document
    its checked rows as the writer buffers them (sinks.StoredDocument), or the Reject that says why
    not. What a worker sends back, so that the parent neither loads pydantic models nor converts them."""
    from coder.runner import code_checked
    return [code_checked(received(doc), coder_version) for doc in docs]


def code_for_writer(docs: list[Document | tuple], coder_version: str) -> list[tuple | Reject]:
    """code_chunk as a pool's worker runs it: a document's rows go back as the plain tuple of its
    StoredDocument's three parts, which the parent makes a StoredDocument again (_make): the
    namedtuple subclass pickles through a Python-level __getnewargs__ call a document, about an
    eighth of a worker's cost of sending its rows."""
    return [tuple(r) if isinstance(r, StoredDocument) else r for r in code_chunk(docs, coder_version)]


def code_parallel(writer: DatasetWriter, items: Iterable[Document | Reject], workers: int,
                  progress=None, chunk: int = CHUNK) -> None:
    """Code every Document of `items` into `writer` with `workers` processes (see the module doc)."""
    from coder.pipeline import document_sha
    ctx = _context()
    if ctx.get_start_method() == "fork":
        warm_up()
        gc.freeze()   # the loaded data, shared with the workers, is never walked by their collector
    tally = dict(documents=0, events=0, rejects=0)
    window: deque = deque()   # futures of the chunks in flight with the records read up to each
    pending: list[tuple | Document] = []   # (as sendable() gives them)
    read = 0

    def settle(future, upto: int) -> None:
        for item in future.result():
            if isinstance(item, Reject):
                writer.reject(item)
                tally["rejects"] += 1
                log.warning("document %r: %s", item.doc_id, item.reason)
            else:
                item = StoredDocument._make(item)
                writer.add(item)
                tally["documents"] += 1
                tally["events"] += len(item.events)
        if progress is not None:
            progress.update(upto, tally)

    lock_fd = getattr(writer, "_lock_fd", None) if ctx.get_start_method() == "fork" else None
    pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=(lock_fd,))
    try:
        for item in items:
            read += 1
            if isinstance(item, Reject):
                writer.reject(item)
                tally["rejects"] += 1
            elif writer.is_current(item.doc_id, partial(document_sha, item)):   # (the worker hashes a new one)
                tally["documents"] += 1
            else:
                pending.append(sendable(item))
            if len(pending) >= chunk:
                window.append((pool.submit(code_for_writer, pending, writer.coder_version), read))
                pending = []
                if len(window) > IN_FLIGHT * workers:
                    settle(*window.popleft())
        if pending:
            window.append((pool.submit(code_for_writer, pending, writer.coder_version), read))
        while window:
            settle(*window.popleft())
        if progress is not None:
            progress.update(read, tally)
    except BrokenProcessPool:   # seen by submit() or by a result, whichever comes first
        _stop(pool)
        raise WorkerError("a worker process died (killed, or out of memory?) while coding; the batches "
                          "committed so far stay, and a rerun goes on after them") from None
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown(wait=True)


def _stop(pool: ProcessPoolExecutor) -> None:
    for p in list((getattr(pool, "_processes", None) or {}).values()):   # now, not after the queue
        p.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
