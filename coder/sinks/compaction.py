"""Compaction: merge a dataset's many small batch files into few large ones, in one commit.

Why: a run writes one file per table for every batch (2,000 documents by default) so that a kill
loses at most a batch; a million documents leave ~500 files per table, each one row group. Scans
(DuckDB, pandas, Spark) pay per file and per row group, and a scan of compacted files is 1.5-2.5x
faster. `coder code` therefore compacts at the end of a run (unless --no-compact): the run's small
files are merged into files of up to FILE_DOCS documents, written in row groups of ROW_GROUP rows:
half of DuckDB's own row group, so a scan still runs in parallel at full speed, yet small enough
that the merge holds about 35 MB of events at a time (a merge in 131,072-row groups raised the
peak memory of a million-document run by ~220 MB; benchmarks/million.py --replay).

Only small files (under a quarter of FILE_DOCS documents) are merged, so a rerun that adds a few
batches merges those, not the big files of earlier runs. The merge streams: one part is read at a
time and row groups are written as they fill, so memory does not grow with the dataset (the parts
the run itself wrote are taken from the writer's memory, up to HELD_BYTES, not read back). A
merged file keeps the invariant of the layout: the events and quantities of a document are in the
file of the same number as its documents row.
"""
from __future__ import annotations

from collections import defaultdict

import pyarrow as pa
import pyarrow.parquet as pq

from coder.manifest import part_name
from coder.tables import SCHEMA_VERSION, schema

FILE_DOCS = 250_000
ROW_GROUP = 64 * 1024
# the Arrow tables of the batches a run committed that HeldParts keeps for the merge (about 28,000
# news documents)
HELD_BYTES = 32 << 20
_DOC_TABLES = ("event_quantities", "events", "documents")   # documents last


def compact(writer, max_docs_per_file: int = FILE_DOCS, row_group: int = ROW_GROUP) -> int:
    """Merge the writer's small committed parts (same coder and lexicon version) into few files,
    in one commit. Returns the number of parts removed."""
    writer.flush()
    docs = writer._manifest["tables"].get("documents", {})
    small = max(max_docs_per_file // 4, 1)
    groups: dict[tuple, list[int]] = defaultdict(list)
    for part in sorted(writer._parts("documents")):
        if part == 0 or docs[part_name(part)]["rows"] >= small:
            continue
        meta = pq.read_schema(writer._path("documents", part)).metadata or {}
        groups[(meta.get(b"coder_version"), meta.get(b"lexicon_version"))].append(part)
    change = writer._change()
    removed = 0
    for (coder_version, lexicon_version), parts in groups.items():
        meta = {b"coder_version": coder_version or b"", b"lexicon_version": lexicon_version or b"",
                b"schema_version": SCHEMA_VERSION.encode()}
        for chunk in _chunks(parts, lambda p: docs[part_name(p)]["rows"], max_docs_per_file):
            if len(chunk) > 1:
                _merge(writer, change, chunk, meta, row_group)
                removed += len(chunk) - 1
    rejects = sorted(writer._parts("rejects"))
    if len(rejects) > 1:
        name = part_name(writer._take_seq())
        change.put_stream("rejects", name, schema("rejects").with_metadata(writer._meta),
                          (pq.read_table(writer._path("rejects", p)) for p in rejects), row_group)
        for p in rejects:
            change.drop("rejects", part_name(p))
    if change.ops:
        writer._commit(change)
        if removed:
            writer._docs.remap(1, change.renumbered)
    writer._held.clear()   # (what it held is merged now, or stays on disk as it is)
    return removed


def _chunks(parts: list[int], size, limit: int):
    chunk: list[int] = []
    total = 0
    for part in parts:
        n = size(part)
        if chunk and total + n > limit:
            yield chunk
            chunk, total = [], 0
        chunk.append(part)
        total += n
    if chunk:
        yield chunk


def _merge(writer, change, parts: list[int], meta: dict, row_group: int) -> None:
    seq = writer._take_seq()
    for table in _DOC_TABLES:
        listed = [p for p in parts if part_name(p) in writer._manifest["tables"].get(table, {})]
        if listed:
            pieces = (writer._held.rows(writer, table, p) for p in listed)
            change.put_stream(table, part_name(seq), schema(table).with_metadata(meta), pieces, row_group)
    for table in _DOC_TABLES:
        for p in parts:
            change.drop(table, part_name(p))
    change.renumbered.update({p: seq for p in parts})


class HeldParts:
    """The Arrow tables of the batches a writer committed in this run, while they fit in HELD_BYTES:
    the compaction at the end of the run merges those parts from memory instead of reading back and
    decoding the files just written. A part whose file is no longer the one written (rewritten without
    a replaced document's rows) is read from its file."""

    def __init__(self):
        self.tables: dict[tuple[str, int], tuple[str, pa.Table]] = {}   # (table, part) -> (file sha256, rows)
        self.bytes = 0

    def hold(self, manifest: dict, part: int, written: dict[str, pa.Table]) -> None:
        # (the buffers' sizes: Table.nbytes works out the bytes each column references, about 20,000
        # machine instructions a column, where a batch's freshly built tables reference all their buffers)
        size = sum(data.get_total_buffer_size() for data in written.values())
        if self.bytes + size > HELD_BYTES:
            return
        self.bytes += size
        for table, data in written.items():
            sha = manifest["tables"][table][part_name(part)].get("sha256")
            if sha:   # (what tells, at the merge, that the file is still this one)
                self.tables[table, part] = (sha, data)

    def rows(self, writer, table: str, part: int) -> pa.Table:
        """A committed part's rows without the file's metadata: held, or read from its file."""
        held = self.tables.get((table, part))
        entry = writer._manifest["tables"].get(table, {}).get(part_name(part))
        if held is not None and entry is not None and entry.get("sha256") == held[0]:
            return held[1].replace_schema_metadata(None)
        return pq.read_table(writer._path(table, part)).replace_schema_metadata(None)

    def clear(self) -> None:
        self.tables, self.bytes = {}, 0
