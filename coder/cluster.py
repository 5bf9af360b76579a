"""`coder code --engine dask`: documents partitioned over the workers of a Dask cluster.

The parent reads the input (its rejects and the documents already committed unchanged are handled
as in a local run) and submits partitions of `partition` documents (default: --batch). Each
partition is coded on a worker (coder.parallel.code_chunk, the same per-document code and failure
handling as a local run) and written by that worker as its own part files into a staging folder
inside the dataset, DIR/.staging/run-*/<table>/part-N.parquet. When every partition is done, the
parent commits them all at once into the manifest, with the rejects and the removal of the old rows
of documents whose text changed. A run that fails (a worker lost, a task error, Ctrl-C) commits
nothing: the dataset stays as it was, and the staging folder is cleared by the next open.

With --scheduler ADDRESS the cluster is an existing one: its workers must run this coder version
with the same lexicons and write to --out, so --out must be on a file system they share. Without
it a LocalCluster of --workers processes is started. dask and distributed are imported only here.
"""
from __future__ import annotations

import logging
import os
import uuid
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import pyarrow.compute as pc
import pyarrow as pa
import pyarrow.parquet as pq

from coder import manifest as mf
from coder.model import Document, Reject
from coder.parallel import IN_FLIGHT, WorkerError
from coder.seen import digest
from coder.sinks import DatasetWriter, StoredDocument
from coder.tables import file_metadata, tuples_to_arrow

log = logging.getLogger("coder.cluster")

_DOC_TABLES = ("event_quantities", "events", "documents")


class ClusterError(WorkerError):
    """The Dask run cannot start or failed; nothing of it was committed."""


def _client(scheduler: str | None, workers: int):
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError("--engine dask needs the dask and distributed packages: "
                           "pip install 'coder[dask]' (or pip install dask distributed)") from None
    level = logging.getLogger().getEffectiveLevel()   # --log-level, not dask's own INFO default
    for name in ("distributed", "dask"):
        logging.getLogger(name).setLevel(max(level, logging.WARNING))
    if scheduler:
        try:
            return Client(scheduler, timeout="20s"), None
        except (OSError, TimeoutError) as e:
            raise ClusterError(f"cannot reach the Dask scheduler at {scheduler} ({e})") from None
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    return Client(cluster), cluster


def code_partition(docs: list[Document], staging: str, part: int, coder_version: str,
                   lexicon_version: str) -> dict:
    """On a worker: code the documents and write their rows as part files under `staging`. Returns
    the rows written per table and the rejects."""
    from coder.parallel import code_chunk
    from coder.pipeline import versions
    here = versions()
    if (here["coder_version"], here["lexicon_version"]) != (coder_version, lexicon_version):
        raise RuntimeError(f"this worker runs coder {here['coder_version']} with lexicons "
                           f"{here['lexicon_version']}, the run {coder_version} with {lexicon_version}")
    coded: list[StoredDocument] = []
    rejects: list[Reject] = []
    for item in code_chunk(docs, coder_version):
        (rejects if isinstance(item, Reject) else coded).append(item)
    meta = file_metadata(coder_version, lexicon_version)
    rows = {}
    tables = {"event_quantities": [q for c in coded for q in c.quantities],
              "events": [e for c in coded for e in c.events],
              "documents": [c.document for c in coded]}
    for table, items in tables.items():
        if items:
            folder = Path(staging) / table
            folder.mkdir(parents=True, exist_ok=True)
            with open(folder / mf.part_name(part), "wb") as f:
                pq.write_table(tuples_to_arrow(table, items).replace_schema_metadata(meta), f, compression="zstd")
                f.flush()
                os.fsync(f.fileno())
            rows[table] = len(items)
    return {"part": part, "rows": rows, "rejects": rejects}


def code_with_dask(writer: DatasetWriter, items: Iterable[Document | Reject], scheduler: str | None = None,
                   workers: int = 1, progress=None, client=None, partition: int | None = None) -> None:
    """Code `items` on a Dask cluster into `writer`'s dataset, committed once at the end (module doc).
    `client`: an existing distributed.Client (tests); else one is made from scheduler / workers."""
    from coder.pipeline import document_sha
    partition = partition or writer.batch_docs
    own = None
    if client is None:
        client, own = _client(scheduler, workers)
    staging = writer.root / mf.STAGING / f"run-{uuid.uuid4().hex[:12]}"
    staging.mkdir(parents=True)
    from distributed import as_completed
    tally = dict(documents=0, events=0, rejects=0)
    replaced: dict[int, set[str]] = defaultdict(set)   # old part -> doc_ids whose text or coder changed
    rejects: list[Reject] = []
    done: list[dict] = []
    try:
        slots = max(IN_FLIGHT * max(len(client.scheduler_info().get("workers", {})), 1), 2)
        running = as_completed()
        pending: list[Document] = []
        read = 0

        def submit(docs):
            running.add(client.submit(code_partition, docs, str(staging), writer._take_seq(),
                                      writer.coder_version, writer.lexicon_version, pure=False))

        def settle(future):
            try:
                result = future.result()
            except Exception as e:
                raise ClusterError(f"a partition failed on the cluster ({type(e).__name__}: {e}); "
                                   "nothing of this run was committed") from None
            done.append(result)
            rejects.extend(result["rejects"])
            tally["rejects"] += len(result["rejects"])
            tally["documents"] += result["rows"].get("documents", 0)
            tally["events"] += result["rows"].get("events", 0)
            if progress is not None:
                progress.update(read, tally)

        for item in items:
            read += 1
            if isinstance(item, Reject):
                rejects.append(item)
                tally["rejects"] += 1
                continue
            known = writer._docs.get(digest(item.doc_id))
            if writer.is_current(item.doc_id, document_sha(item)):
                tally["documents"] += 1
                continue
            if known is not None:
                replaced[known[1]].add(item.doc_id)
            pending.append(item)
            if len(pending) >= partition:
                submit(pending)
                pending = []
                while running.count() >= slots:
                    settle(next(running))
        if pending:
            submit(pending)
        for future in running:
            settle(future)
        _commit(writer, staging, done, replaced, rejects)
    finally:
        if own is not None:
            client.close()
            own.close()


def _commit(writer: DatasetWriter, staging: Path, done: list[dict], replaced: dict[int, set[str]],
            rejects: list[Reject]) -> None:
    """One commit for the whole run, in the order of DatasetWriter.flush (old rows leave quantities
    and events, new quantities and events, old documents rows leave, new documents)."""
    parts = sorted(r["part"] for r in done if r["rows"].get("documents"))
    coded = {p: pq.read_table(staging / "documents" / mf.part_name(p), columns=["doc_id"])["doc_id"] for p in parts}
    gone: dict[int, set[str]] = {}
    for old, ids in replaced.items():   # only a document coded again loses its old rows
        value_set = pa.array(sorted(ids), pa.string())
        hit = set()
        for p in parts:
            hit.update(coded[p].filter(pc.is_in(coded[p], value_set=value_set)).to_pylist())
        if hit:
            gone[old] = hit
    change = writer._change()
    for old, ids in sorted(gone.items()):
        writer._drop_rows(change, old, ids, ("event_quantities", "events"))
    for table in ("event_quantities", "events"):
        for r in done:
            if r["rows"].get(table):
                change.adopt(table, mf.part_name(r["part"]), staging / table / mf.part_name(r["part"]), r["rows"][table])
    for old, ids in sorted(gone.items()):
        writer._drop_rows(change, old, ids, ("documents",))
    for p in parts:
        n = next(r["rows"]["documents"] for r in done if r["part"] == p)
        change.adopt("documents", mf.part_name(p), staging / "documents" / mf.part_name(p), n)
    for r in rejects:   # the writer dedups them against the dataset's; they go into this commit
        writer.reject(r, flush=False)
    writer._stage_rejects(change)
    writer._commit(change)
    for p in parts:
        data = pq.read_table(writer._path("documents", p), columns=["doc_id", "sha256", "coder_version"])
        writer._index_part(data, p)
    c = writer._counts
    c["documents"] += sum(r["rows"].get("documents", 0) for r in done)
    c["events"] += sum(r["rows"].get("events", 0) for r in done)
    c["quantities"] += sum(r["rows"].get("event_quantities", 0) for r in done)
    c["replaced"] += sum(len(ids) for ids in gone.values())
