"""The output dataset: four Parquet tables, written atomically and incrementally (SPEC §3).

Layout: DIR/<table>/part-NNNNNN.parquet, no hive partitions (partition columns would come back as
BIGINT and shadow real columns). Each flushed batch N writes event_quantities/part-N, events/part-N
and, last, documents/part-N: the documents file is the batch's commit marker. Invariant: every row in
an events or event_quantities file belongs to a document whose row is in the documents file of the
same number. A file is written into DIR/.staging, fsynced and moved into place with os.replace, so a
reader never sees half a file.

Crash safety (SIGKILL at any moment) follows from the order of the moves:
  1. a replaced document's old rows leave quantities, then events (rewritten older files);
  2. the new batch's quantities and events files appear;
  3. the replaced documents' old rows leave the documents files;
  4. the new documents file appears.
A crash before 4 leaves events/quantities files without their documents file: opening the dataset
deletes them, and their documents (having no current documents row) are coded again. A document id
found in two documents files (a crash inside compact()) keeps the newer one.
"""
from __future__ import annotations

import os
import re
import shutil
from collections import defaultdict
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from coder.model import CodedDocument, Reject, RejectRow
from coder.tables import SCHEMA_VERSION, TABLES, file_metadata, schema, to_arrow

try:  # advisory lock against two runs writing one dataset; absent on Windows
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None

_PART = re.compile(r"^part-(\d{6,})\.parquet$")
# rows of one document live in these tables; removal order matters (see the module docstring)
_DOC_TABLES = ("event_quantities", "events", "documents")


class DatasetError(RuntimeError):
    """The output folder cannot be used as it is (locked, or written by another schema version)."""


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory handles
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _part_name(seq: int) -> str:
    return f"part-{seq:06d}.parquet"


class DatasetWriter:
    """Writes coded documents and rejects into DIR; use as a context manager.

    On a clean exit the buffered batch is committed. If the `with` body raises, the documents
    already passed to add() are complete, so they are committed too (a rerun then starts after them);
    if that commit fails as well, the dataset stays at its last committed batch and the original
    exception propagates.
    """

    def __init__(self, out_dir: str | os.PathLike, coder_version: str, lexicon_version: str,
                 batch_docs: int = 2000):
        if batch_docs < 1:
            raise ValueError("batch_docs must be at least 1")
        self.root = Path(out_dir)
        self.coder_version = coder_version
        self.lexicon_version = lexicon_version
        self.batch_docs = batch_docs
        self._meta = file_metadata(coder_version, lexicon_version)
        self._lock_fd: int | None = None
        self._docs: dict[str, tuple[str, str, int]] = {}   # doc_id -> (sha256, coder_version, part)
        self._reject_keys: set[tuple] = set()
        self._buffer: dict[str, CodedDocument] = {}
        self._rejects: list[RejectRow] = []
        self._skipped: set[str] = set()
        self._next = 1
        self._counts = dict(documents=0, events=0, quantities=0, rejects=0, skipped=0, replaced=0)
        self._open = False

    # ------------------------------------------------------------ lifecycle

    def __enter__(self) -> "DatasetWriter":
        self.open()
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        try:
            if exc_type is None:
                self.flush()
            else:
                try:
                    self.flush()
                except Exception:
                    pass  # keep the original error; the last committed batch stays readable
        finally:
            self.close()
        return False

    def open(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        for table in TABLES:
            (self.root / table).mkdir(exist_ok=True)
        self._lock()
        staging = self.root / ".staging"
        shutil.rmtree(staging, ignore_errors=True)   # leftovers of a killed run: never visible to readers
        staging.mkdir()
        self._staging = staging
        self._open = True
        self._remove_uncommitted()
        self._load_documents()
        self._load_rejects()
        seqs = [s for t in TABLES for s in self._parts(t)]
        self._next = max(seqs, default=0) + 1
        self._write_empty_tables()   # readable from the start, even if this run is killed

    def close(self) -> None:
        if self._open:
            self._write_empty_tables()
        self._open = False
        shutil.rmtree(self.root / ".staging", ignore_errors=True)
        if self._lock_fd is not None:
            os.close(self._lock_fd)   # closing releases the flock
            self._lock_fd = None

    def _lock(self) -> None:
        if fcntl is None:
            return
        fd = os.open(self.root / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise DatasetError(f"another run is writing to {self.root}: wait for it to finish, "
                               "or code into a different --out folder") from None
        self._lock_fd = fd

    # ------------------------------------------------------------ public API

    @property
    def counts(self) -> dict:
        return dict(self._counts, skipped=len(self._skipped))

    def is_current(self, doc_id: str, sha256: str) -> bool:
        """True when doc_id is already committed with this text and this coder version (the caller
        skips it; it counts as skipped)."""
        known = self._docs.get(doc_id)
        if known is not None and known[0] == sha256 and known[1] == self.coder_version:
            self._skipped.add(doc_id)
            return True
        return False

    def add(self, coded: CodedDocument) -> None:
        """Buffer one coded document; a batch is committed every `batch_docs` documents."""
        self._check_open()
        doc = coded.document
        if doc.coder_version != self.coder_version:
            raise ValueError(f"document {doc.doc_id!r} was coded by coder_version {doc.coder_version!r} but "
                             f"the writer was opened with {self.coder_version!r}: open it with the same version")
        event_ids = [e.event_id for e in coded.events]
        if any(e.doc_id != doc.doc_id for e in coded.events):
            raise ValueError(f"an event of document {doc.doc_id!r} carries another doc_id: events must "
                             "belong to the document they are added with")
        if len(set(event_ids)) != len(event_ids):
            raise ValueError(f"document {doc.doc_id!r} has duplicate event_ids: make ids unique per event")
        known = set(event_ids)
        if any(q.event_id not in known for q in coded.quantities):
            raise ValueError(f"a quantity of document {doc.doc_id!r} refers to an event not in the document")
        self._buffer.pop(doc.doc_id, None)   # re-added in this batch: the later version wins
        self._buffer[doc.doc_id] = coded
        if len(self._buffer) >= self.batch_docs:
            self.flush()

    def reject(self, r: Reject) -> None:
        """Record a reject; one already in the dataset (same input_path, record, reason) is not repeated."""
        self._check_open()
        self._counts["rejects"] += 1
        key = (r.input_path, r.record, r.reason)
        if key in self._reject_keys:
            return
        self._reject_keys.add(key)
        self._rejects.append(RejectRow(input_path=r.input_path, record=r.record, doc_id=r.doc_id,
                                       reason=r.reason, raw=r.raw[:1000]))
        if len(self._rejects) >= self.batch_docs:
            self._flush_rejects()

    def flush(self) -> None:
        """Commit the buffered documents (and rejects) as one batch."""
        self._check_open()
        self._flush_rejects()
        if not self._buffer:
            return
        batch = list(self._buffer.values())
        self._buffer = {}
        seq = self._take_seq()
        ids = [c.document.doc_id for c in batch]
        replaced = [d for d in ids if d in self._docs]
        by_part: dict[int, set[str]] = defaultdict(set)
        for d in replaced:
            by_part[self._docs[d][2]].add(d)
        # 1. old rows leave quantities and events
        for part, doc_ids in sorted(by_part.items()):
            self._drop_rows(part, doc_ids, ("event_quantities", "events"))
        # 2. the new batch's quantities and events
        quantities = [q for c in batch for q in c.quantities]
        events = [e for c in batch for e in c.events]
        if quantities:
            self._write("event_quantities", seq, to_arrow("event_quantities", quantities))
        if events:
            self._write("events", seq, to_arrow("events", events))
        # 3. old documents rows leave; 4. the commit marker
        for part, doc_ids in sorted(by_part.items()):
            self._drop_rows(part, doc_ids, ("documents",))
        self._write("documents", seq, to_arrow("documents", [c.document for c in batch]))
        for c in batch:
            self._docs[c.document.doc_id] = (c.document.sha256, c.document.coder_version, seq)
        self._counts["documents"] += len(batch)
        self._counts["events"] += len(events)
        self._counts["quantities"] += len(quantities)
        self._counts["replaced"] += len(replaced)

    def compact(self, max_docs_per_file: int = 100_000) -> int:
        """Merge committed batches (same coder and lexicon version) into fewer, larger files.
        Returns the number of parts removed. Safe to kill: see the module docstring."""
        self.flush()
        groups: dict[tuple, list[int]] = defaultdict(list)
        for part in sorted(self._parts("documents")):
            meta = pq.read_schema(self._path("documents", part)).metadata or {}
            groups[(meta.get(b"coder_version"), meta.get(b"lexicon_version"))].append(part)
        removed = 0
        for (coder_version, lexicon_version), parts in groups.items():
            chunk: list[int] = []
            size = 0
            for part in parts + [None]:
                n = pq.ParquetFile(self._path("documents", part)).metadata.num_rows if part else 0
                if part is None or (chunk and size + n > max_docs_per_file):
                    if len(chunk) > 1:
                        self._merge(chunk, {b"coder_version": coder_version, b"lexicon_version": lexicon_version,
                                            b"schema_version": SCHEMA_VERSION.encode()})
                        removed += len(chunk) - 1
                    chunk, size = [], 0
                if part is not None:
                    chunk.append(part)
                    size += n
        rejects = sorted(self._parts("rejects"))
        if len(rejects) > 1:
            merged = pa.concat_tables([pq.read_table(self._path("rejects", p)) for p in rejects])
            self._write("rejects", self._take_seq(), merged.replace_schema_metadata(self._meta))
            for p in rejects:   # a crash here leaves duplicates that the next open removes
                self._remove("rejects", p)
        return removed

    # ------------------------------------------------------------ internals

    def _check_open(self) -> None:
        if not self._open:
            raise DatasetError("the DatasetWriter is not open: use it as `with DatasetWriter(...) as w:`")

    def _take_seq(self) -> int:
        seq = self._next
        self._next += 1
        return seq

    def _path(self, table: str, part: int) -> Path:
        return self.root / table / _part_name(part)

    def _parts(self, table: str) -> list[int]:
        out = []
        for entry in os.scandir(self.root / table):
            m = _PART.match(entry.name)
            if m and entry.is_file():
                out.append(int(m.group(1)))
        return out

    def _write(self, table: str, part: int, data: pa.Table) -> None:
        """Write a table file atomically: staging, fsync, rename into place, fsync the folder."""
        if data.schema.metadata is None:
            data = data.replace_schema_metadata(self._meta)
        tmp = self._staging / f"{table}-{_part_name(part)}"
        with open(tmp, "wb") as f:
            pq.write_table(data, f, compression="zstd")
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self._path(table, part))
        _fsync_dir(self.root / table)
        if part != 0:
            self._remove(table, 0)   # the empty placeholder (part 0, see _write_empty_tables) is not needed now

    def _remove(self, table: str, part: int) -> None:
        try:
            os.remove(self._path(table, part))
        except FileNotFoundError:
            return
        _fsync_dir(self.root / table)

    def _drop_rows(self, part: int, doc_ids: set[str], tables: tuple[str, ...]) -> None:
        """Rewrite part files of `tables` without the rows of doc_ids (a file left empty is deleted).
        Quantities are found through the events of the same part, so they must go first."""
        ids = pa.array(sorted(doc_ids), pa.string())
        for table in tables:
            path = self._path(table, part)
            if not path.exists():
                continue
            data = pq.read_table(path)   # keeps the file's own metadata: its rows keep their versions
            if table == "event_quantities":
                events_path = self._path("events", part)
                if not events_path.exists():
                    continue
                ev = pq.read_table(events_path, columns=["doc_id", "event_id"])
                gone = ev.filter(pc.is_in(ev["doc_id"], value_set=ids))["event_id"].combine_chunks()
                keep = pc.invert(pc.is_in(data["event_id"], value_set=gone))
            else:
                keep = pc.invert(pc.is_in(data["doc_id"], value_set=ids))
            kept = data.filter(keep)
            if kept.num_rows == data.num_rows:
                continue
            if kept.num_rows == 0:
                self._remove(table, part)
            else:
                self._write(table, part, kept)

    def _merge(self, parts: list[int], meta: dict) -> None:
        seq = self._take_seq()
        for table in _DOC_TABLES:   # documents (the commit marker) last
            pieces = [pq.read_table(self._path(table, p)) for p in parts if self._path(table, p).exists()]
            if pieces:
                merged = pa.concat_tables([t.replace_schema_metadata(None) for t in pieces])
                self._write(table, seq, merged.replace_schema_metadata(meta))
        for p in parts:
            for table in _DOC_TABLES:
                self._remove(table, p)
        for doc_id, (sha, version, part) in self._docs.items():
            if part in parts:
                self._docs[doc_id] = (sha, version, seq)

    def _write_empty_tables(self) -> None:
        """A table with no rows still has one (empty) file, part 0, so that the documented
        read_parquet('DIR/<table>/**/*.parquet') finds its columns instead of failing. Batches
        are numbered from 1; the first real part of a table removes the placeholder."""
        for table in TABLES:
            if not self._parts(table):
                self._write(table, 0, schema(table).empty_table())

    def _remove_uncommitted(self) -> None:
        committed = set(self._parts("documents"))
        for table in ("events", "event_quantities"):
            for part in self._parts(table):
                if part not in committed:
                    self._remove(table, part)

    def _load_documents(self) -> None:
        """Index committed documents; a doc_id in two files (killed compaction) keeps the newer."""
        stale: dict[int, set[str]] = defaultdict(set)
        for part in sorted(self._parts("documents")):
            path = self._path("documents", part)
            data = pq.read_table(path, columns=["doc_id", "sha256", "coder_version"])
            version = (data.schema.metadata or {}).get(b"schema_version", b"?").decode()
            if version != SCHEMA_VERSION:
                raise DatasetError(f"{path} has schema version {version}; this coder writes {SCHEMA_VERSION}: "
                                   "code into a new --out folder (or delete the old dataset)")
            for doc_id, sha, coder_version in zip(*(data[c].to_pylist() for c in data.column_names)):
                old = self._docs.get(doc_id)
                if old is not None:
                    stale[old[2]].add(doc_id)
                self._docs[doc_id] = (sha, coder_version, part)
        for part, doc_ids in sorted(stale.items()):
            self._drop_rows(part, doc_ids, _DOC_TABLES)

    def _load_rejects(self) -> None:
        """Remember reject keys; a key in two files (killed compaction) is dropped from the older."""
        for part in sorted(self._parts("rejects"), reverse=True):
            path = self._path("rejects", part)
            data = pq.read_table(path)
            keep = []
            for key in zip(*(data[c].to_pylist() for c in ("input_path", "record", "reason"))):
                keep.append(key not in self._reject_keys)
                self._reject_keys.add(key)
            if not all(keep):
                kept = data.filter(pa.array(keep))
                if kept.num_rows:
                    self._write("rejects", part, kept)
                else:
                    self._remove("rejects", part)

    def _flush_rejects(self) -> None:
        if not self._rejects:
            return
        rows, self._rejects = self._rejects, []
        self._write("rejects", self._take_seq(), to_arrow("rejects", rows))
