"""The output dataset: four Parquet tables, written atomically and incrementally (SPEC §3).

Layout: DIR/<table>/part-NNNNNN.parquet, no hive partitions (partition columns would come back as
BIGINT and shadow real columns), and DIR/manifest.json, the commit record (coder/manifest.py). Each
flushed batch N writes event_quantities/part-N, events/part-N and documents/part-N. Invariant: every
row in an events or event_quantities file belongs to a document whose row is in the documents file of
the same number, so a damaged part costs exactly the documents of its number, which are coded again.

Every change is staged, committed by one atomic rename of manifest.json, then applied (manifest.py).
Files move into the table folders in this order, so that a reader of the raw files (who does not read
the manifest) never sees an event twice:
  1. a replaced document's old rows leave quantities, then events (rewritten older files);
  2. the new batch's quantities and events files appear;
  3. the replaced documents' old rows leave the documents files;
  4. the new documents file appears.
Opening a dataset finishes a committed change that a kill interrupted, checks every committed part
against its size and checksum (a damaged part is set aside in DIR/.quarantine with the other parts of
its number, and their documents are coded again), and moves files that the manifest does not list
out of the table folders into DIR/.quarantine, with a warning. A dataset written before the manifest
existed is adopted: events without their documents file are removed, a document id in two documents
files keeps the newer row.
"""
from __future__ import annotations

import os
import shutil
from collections import defaultdict, namedtuple
from collections.abc import Callable
from itertools import chain
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from coder import manifest as mf
from coder.manifest import Change, ManifestError, part_name, part_number
from coder.model import CodedDocument, Reject, RejectRow
from coder.seen import SeenIndex, digest
from coder.sinks.compaction import HeldParts
from coder.tables import (SCHEMA_VERSION, TABLES, file_metadata, row_values, schema, storable_rows, to_arrow,
                          tuples_to_arrow)

try:  # advisory lock against two runs writing one dataset; absent on Windows
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None

# rows of one document live in these tables; removal order matters (see the module docstring)
_DOC_TABLES = ("event_quantities", "events", "documents")


class DatasetError(RuntimeError):
    """The output folder cannot be used as it is (locked, or written by another schema version)."""


class DocumentError(ValueError):
    """One coded document cannot be stored; the caller turns it into a reject and goes on."""


def merge_identical_events(coded: CodedDocument) -> CodedDocument:
    """A text that reports one event twice in the same words yields two rows with one event_id:
    they are one event. Quantities repeated with them are merged too."""
    if len(coded.events) < 2:   # (most documents: nothing to merge)
        return coded
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


def check_document(coded: CodedDocument, coder_version: str) -> CodedDocument:
    """The document as it will be stored (identical events merged), or DocumentError when it cannot
    be stored. Pure, so that worker processes run it before rows reach the one writer."""
    return _checked(coded, coder_version)[0]


def stored_document(coded: CodedDocument, coder_version: str, validated: bool = False) -> "StoredDocument":
    """check_document, giving the rows as the writer stores them (`stored`), each row's values read once,
    by the check; `validated`: rows as pipeline.code_document made them (tables.storable_rows)."""
    return _checked(coded, coder_version, validated)[1]


def _checked(coded: CodedDocument, coder_version: str, validated: bool = False) -> tuple[CodedDocument, StoredDocument]:
    # (the three fields read from the model's __dict__: a pydantic attribute goes through its
    # __getattr__ hook, which is not specialised, 32 ns against 18 for a subscript (timeit); the rows' too)
    fields = coded.__dict__
    doc, events, quantities = fields["document"], fields["events"], fields["quantities"]
    doc_fields = doc.__dict__
    if doc_fields["coder_version"] != coder_version:
        raise DocumentError(f"document {doc.doc_id!r} was coded by coder_version {doc.coder_version!r} but "
                            f"the writer was opened with {coder_version!r}: open it with the same version")
    if events or quantities:   # (most documents have neither: nothing to match or merge)
        doc_id = doc_fields["doc_id"]
        for e in events:   # (loops, not any() of a generator: a frame and a generator a document)
            if e.__dict__["doc_id"] != doc_id:
                raise DocumentError(f"an event of document {doc_id!r} carries another doc_id: events must "
                                    "belong to the document they are added with")
        merged = merge_identical_events(coded) if len(events) > 1 else coded   # (one event: no call)
        if merged is not coded:   # (a new document: its rows read again)
            coded = merged
            fields = coded.__dict__
            doc, events, quantities = fields["document"], fields["events"], fields["quantities"]
        if quantities:
            known = {e.event_id for e in events}
            for q in quantities:
                if q.event_id not in known:
                    raise DocumentError(f"a quantity of document {doc_id!r} refers to an event not in the "
                                        "document")
    try:   # a value the table cannot hold fails here, for this document alone, not in the batch
        rows = _new_tuple(StoredDocument, storable_rows(doc, events, quantities, validated))
    except (pa.ArrowException, ValueError, TypeError, OverflowError) as e:
        raise DocumentError(f"document {doc.doc_id!r} has a value its table cannot store "
                            f"({type(e).__name__}: {e})") from None
    return coded, rows


_new_tuple = tuple.__new__   # (a namedtuple made as its own __new__ makes it, without that Python frame)
_DOCUMENT_COLUMNS = schema("documents").names
_DOC_ID, _SHA256, _CODER_VERSION = (_DOCUMENT_COLUMNS.index(c) for c in ("doc_id", "sha256", "coder_version"))


class StoredDocument(namedtuple("StoredDocument", ("document", "events", "quantities"))):
    """A checked document as the writer buffers it: its documents row (a tuple), its events and
    quantities rows (lists of tuples), each row its values in its table's column order
    (coder.tables.row_values). Worker processes send this, not the CodedDocument: plain tuples cross
    the process boundary about three times cheaper than pydantic models, and the writer builds its
    Arrow columns from them directly."""
    __slots__ = ()

    @property
    def doc_id(self) -> str:
        return self.document[_DOC_ID]

    @property
    def sha256(self) -> str:
        return self.document[_SHA256]

    @property
    def coder_version(self) -> str:
        return self.document[_CODER_VERSION]


def stored(coded: CodedDocument) -> StoredDocument:
    """The rows of a checked document (check_document) as the writer stores them (stored_document
    checks and converts in one go)."""
    event, quantity = row_values("events"), row_values("event_quantities")
    return StoredDocument(row_values("documents")(coded.document.__dict__), [event(e.__dict__) for e in coded.events],
                          [quantity(q.__dict__) for q in coded.quantities])


class DatasetWriter:
    """Writes coded documents and rejects into DIR; use as a context manager.

    On a clean exit the buffered batch is committed. If the `with` body raises, the documents
    already passed to add() are complete, so they are committed too (a rerun then starts after them);
    if that commit fails as well, the dataset stays at its last committed batch and the original
    exception propagates. `warnings` lists what opening the dataset repaired or set aside.
    """

    def __init__(self, out_dir: str | os.PathLike, coder_version: str, lexicon_version: str,
                 batch_docs: int = 2000):
        if batch_docs < 1:
            raise ValueError("batch_docs must be at least 1")
        self.root = Path(out_dir)
        self.coder_version = coder_version
        self.lexicon_version = lexicon_version
        self.batch_docs = batch_docs
        self.warnings: list[str] = []
        self._meta = file_metadata(coder_version, lexicon_version)
        self._lock_fd: int | None = None
        # committed documents: digest(doc_id) -> (state(sha256, coder_version), part); flat, not a dict
        self._docs = SeenIndex((np.int64, np.int32))
        self._reject_keys = SeenIndex()   # digests of (input_path, record, reason) of stored rejects
        self._buffer: dict[str, StoredDocument] = {}
        # the digest of the id is_current() was last asked about, and those of buffered ids it gave:
        # the commit of the batch reuses them instead of digesting each id again
        self._asked: tuple[str | None, bytes] = (None, b"")
        self._buffer_keys: dict[str, bytes] = {}
        self._held = HeldParts()   # this run's committed batches, for the compaction
        self._rejects: list[RejectRow] = []
        self._skipped = 0
        self._next = 1
        self._counts = dict(documents=0, events=0, quantities=0, rejects=0, skipped=0, replaced=0)
        self._open = False
        self._manifest: dict = mf.empty()

    # ------------------------------------------------------------ lifecycle

    def __enter__(self) -> "DatasetWriter":
        self.open()
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        try:
            if exc_type is None:
                self.flush()
            elif issubclass(exc_type, Exception):
                try:
                    self.flush()
                except Exception:
                    pass  # keep the original error; the last committed batch stays readable
        finally:
            self.close()
        return False

    def open(self) -> None:
        if self.root.is_symlink():
            raise DatasetError(f"{self.root} is a symbolic link: give the real folder as --out")
        if self.root.exists() and not self.root.is_dir():
            raise DatasetError(f"{self.root} is a file, not a dataset folder: choose another --out")
        self.root.mkdir(parents=True, exist_ok=True)
        for table in TABLES:
            folder = self.root / table
            if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
                raise DatasetError(f"{folder} is not a plain folder (a symbolic link or a file): a dataset's "
                                   "table folders must be its own; move it away")
            folder.mkdir(exist_ok=True)
        self._lock()
        self._open = True
        try:
            self._recover()
        except BaseException:
            self._open = False   # write nothing on the way out: the state read so far may be partial
            self.close()
            raise

    def _recover(self) -> None:
        staging = self.root / mf.STAGING
        try:
            data = mf.load(self.root)
        except mf.ManifestFormatError as e:   # never rebuild what a newer coder wrote
            raise DatasetError(f"{e}; or code into a new --out folder") from None
        except ManifestError as e:
            self._set_aside(self.root / mf.MANIFEST, f"{e}: rebuilt from the table files")
            data = None
        if data is not None:
            mf.apply_pending(self.root, data)   # a commit a kill interrupted: finish it
            data["pending"] = None
        shutil.rmtree(staging, ignore_errors=True)   # uncommitted leftovers: never visible to readers
        staging.mkdir()
        self._manifest = data if data is not None else mf.empty()
        if data is None:
            self._adopt()
        else:
            self._check_parts()
        self._set_aside_strays()
        self._next = max([n for t in TABLES for n in self._parts(t)] + self._names_on_disk(), default=0) + 1
        self._load_documents()
        self._load_rejects()
        self._write_empty_tables()   # readable from the start, even if this run is killed

    def close(self) -> None:
        self._held.clear()
        if self._open:
            try:
                self._write_empty_tables()
            except Exception:
                pass   # the dataset stays at its last commit
        self._open = False
        if not (self._manifest or {}).get("pending"):
            shutil.rmtree(self.root / mf.STAGING, ignore_errors=True)
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
        return dict(self._counts, skipped=self._skipped)

    @property
    def index_bytes(self) -> int:
        """Memory held by the index of committed documents (about 28 bytes a document)."""
        return self._docs.nbytes

    def is_current(self, doc_id: str, sha256: str | Callable[[], str]) -> bool:
        """True when doc_id is already committed with this text and this coder version (the caller
        skips it; it counts as skipped). `sha256` may be given as a function that computes the
        text's hash: it is called only for an id already committed (a new id, every id of a first
        run, needs none)."""
        key = digest(doc_id)
        self._asked = (doc_id, key)
        known = self._docs.get(key)
        if known is None:
            return False
        if callable(sha256):
            sha256 = sha256()
        if known[0] == _state(sha256, self.coder_version):
            self._skipped += 1
            return True
        return False

    def add(self, coded: CodedDocument | StoredDocument, checked: bool = False) -> None:
        """Buffer one coded document; a batch is committed every `batch_docs` documents. A document
        that cannot be stored raises DocumentError before anything of it is buffered. `checked`: it
        has been through check_document() already (in a worker process); a StoredDocument always has."""
        if not self._open:   # (asked here: _check_open, which raises, is a Python call a document)
            self._check_open()
        if not isinstance(coded, StoredDocument):
            coded = stored(coded) if checked else stored_document(coded, self.coder_version)
        doc_id = coded.document[_DOC_ID]   # (not the property: a Python call a document)
        self._buffer.pop(doc_id, None)   # re-added in this batch: the later version wins
        self._buffer[doc_id] = coded
        if self._asked[0] == doc_id:
            self._buffer_keys[doc_id] = self._asked[1]
        if len(self._buffer) >= self.batch_docs:
            self.flush()

    def reject(self, r: Reject, flush: bool = True) -> None:
        """Record a reject; one already in the dataset (same input_path, record, reason) is not repeated.
        flush=False: held for the caller's commit (_stage_rejects), not committed every batch_docs."""
        self._check_open()
        self._counts["rejects"] += 1
        key = _reject_key(r.input_path, r.record, r.reason)
        if key in self._reject_keys:
            return
        self._reject_keys.put(key)
        self._rejects.append(RejectRow(input_path=r.input_path, record=r.record, doc_id=r.doc_id,
                                       reason=r.reason, raw=r.raw[:1000]))
        if flush and len(self._rejects) >= self.batch_docs:
            self._flush_rejects()

    def flush(self) -> None:
        """Commit the buffered documents (and rejects) as one batch."""
        self._check_open()
        self._flush_rejects()
        if not self._buffer:
            return
        batch = list(self._buffer.values())
        known_keys, self._buffer, self._buffer_keys = self._buffer_keys, {}, {}
        seq = self._take_seq()
        documents, events_of, quantities_of = zip(*batch)   # (each StoredDocument's three rows, in C)
        ids = [d[_DOC_ID] for d in documents]   # (rows read directly, not through the Python properties)
        keys = [known_keys.get(d) or digest(d) for d in ids]   # (looked up now, put once the batch is committed)
        by_part: dict[int, set[str]] = defaultdict(set)
        replaced = []
        for d, key in zip(ids, keys):
            known = self._docs.get(key)
            if known is not None:
                replaced.append(d)
                by_part[known[1]].add(d)
        change = self._change()
        for part, doc_ids in sorted(by_part.items()):   # 1. old rows leave quantities and events
            self._drop_rows(change, part, doc_ids, ("event_quantities", "events"))
        # 2. the new batch's quantities and events
        quantities, events = list(chain.from_iterable(quantities_of)), list(chain.from_iterable(events_of))
        written = {}
        if quantities:
            written["event_quantities"] = tuples_to_arrow("event_quantities", quantities)
        if events:
            written["events"] = tuples_to_arrow("events", events)
        for table, data in written.items():
            self._put(change, table, seq, data)
        # 3. old documents rows leave; 4. the new documents
        for part, doc_ids in sorted(by_part.items()):
            self._drop_rows(change, part, doc_ids, ("documents",))
        written["documents"] = tuples_to_arrow("documents", documents)
        self._put(change, "documents", seq, written["documents"])
        self._commit(change)
        self._held.hold(self._manifest, seq, written)
        for d, key in zip(documents, keys):
            self._docs.put(key, _state(d[_SHA256], d[_CODER_VERSION]), seq)
        self._counts["documents"] += len(batch)
        self._counts["events"] += len(events)
        self._counts["quantities"] += len(quantities)
        self._counts["replaced"] += len(replaced)

    def compact(self, max_docs_per_file: int | None = None) -> int:
        """Merge committed small batches (same coder and lexicon version) into few large files, in one
        commit (coder/sinks/compaction.py). Returns the number of parts removed."""
        from coder.sinks.compaction import FILE_DOCS, compact
        return compact(self, max_docs_per_file or FILE_DOCS)

    # ------------------------------------------------------------ internals

    def _check_open(self) -> None:
        if not self._open:
            raise DatasetError("the DatasetWriter is not open: use it as `with DatasetWriter(...) as w:`")

    def _take_seq(self) -> int:
        seq = self._next
        self._next += 1
        return seq

    def _path(self, table: str, part: int) -> Path:
        return self.root / table / part_name(part)

    def _parts(self, table: str) -> list[int]:
        """Part numbers of a table's committed files."""
        return [n for n in map(part_number, self._manifest["tables"].get(table, {})) if n is not None]

    def _names_on_disk(self) -> list[int]:
        out = []
        for table in TABLES:
            for entry in os.scandir(self.root / table):
                n = part_number(entry.name)
                if n is not None:
                    out.append(n)
        return out

    def _change(self) -> Change:
        return Change(self.root, self._manifest)

    def _commit(self, change: Change) -> None:
        for table in TABLES:   # the empty placeholder (part 0) goes once the table has a real part
            names = change.data["tables"].get(table, {})
            if part_name(0) in names and len(names) > 1:
                change.drop(table, part_name(0))
        try:
            change.commit()
        except BaseException:
            self._open = False   # a commit failed half-way: write nothing more; the next open finishes it
            raise
        finally:
            if change.committed:
                self._manifest = change.data
        if change.committed:
            self._manifest["pending"] = None   # applied: the staged folder is gone

    def _put(self, change: Change, table: str, part: int, data: pa.Table) -> None:
        if data.schema.metadata is None:
            data = data.replace_schema_metadata(self._meta)
        change.put(table, part_name(part), data)

    def _drop_rows(self, change: Change, part: int, doc_ids: set[str], tables: tuple[str, ...]) -> None:
        """Rewrite part files of `tables` without the rows of doc_ids (a file left empty is dropped).
        Quantities are found through the events of the same part, so they must go first."""
        ids = pa.array(sorted(doc_ids), pa.string())
        for table in tables:
            if part_name(part) not in self._manifest["tables"].get(table, {}):
                continue
            data = pq.read_table(self._path(table, part))   # keeps the file's metadata: its rows keep their versions
            if table == "event_quantities":
                if part_name(part) not in self._manifest["tables"].get("events", {}):
                    continue
                ev = pq.read_table(self._path("events", part), columns=["doc_id", "event_id"])
                gone = ev.filter(pc.is_in(ev["doc_id"], value_set=ids))["event_id"].combine_chunks()
                keep = pc.invert(pc.is_in(data["event_id"], value_set=gone))
            else:
                keep = pc.invert(pc.is_in(data["doc_id"], value_set=ids))
            kept = data.filter(keep)
            if kept.num_rows == data.num_rows:
                continue
            if kept.num_rows == 0:
                change.drop(table, part_name(part))
            else:
                change.put(table, part_name(part), kept)

    def _write_empty_tables(self) -> None:
        """A table with no rows still has one (empty) file, part 0, so that the documented
        read_parquet('DIR/<table>/**/*.parquet') finds its columns instead of failing. Batches
        are numbered from 1; the first real part of a table drops the placeholder."""
        change = self._change()
        for table in TABLES:
            if not change.data["tables"].get(table):
                self._put(change, table, 0, schema(table).empty_table())
        self._commit(change)

    # ------------------------------------------------------------ checks and repairs on open

    def _set_aside(self, path: Path, why: str) -> None:
        target = mf.set_aside(self.root, path)
        self.warnings.append(f"{path.relative_to(self.root)}: {why}; moved to {target.relative_to(self.root)}")

    def _check_parts(self) -> None:
        """Every committed part against its size and checksum; a damaged one is set aside with the
        other parts of its number, whose documents are then coded again (a rejects part alone)."""
        failed = mf.failed_parts(self.root, self._manifest, {t: schema(t) for t in TABLES})
        if not failed:
            return
        change = self._change()
        by_part: dict[int, list[str]] = defaultdict(list)
        for table, name, problem in failed:
            if table == "rejects" or part_number(name) is None:
                change.drop(table, name)
                self._quarantine_if_present(table, name, f"failed its check ({problem}); its rejects are "
                                            "recorded again when their input is read again")
            else:
                by_part[part_number(name)].append(f"{table}/{name} ({problem})")
        for part, problems in sorted(by_part.items()):
            for table in _DOC_TABLES:
                if part_name(part) in self._manifest["tables"].get(table, {}):
                    change.drop(table, part_name(part))
                    self._quarantine_if_present(table, part_name(part), "set aside")
            self.warnings.append(f"part {part} failed its check: {'; '.join(problems)}; "
                                 "its documents are coded again when their input is next coded")
        self._commit(change)

    def _quarantine_if_present(self, table: str, name: str, why: str) -> None:
        path = self.root / table / name
        if path.exists() or path.is_symlink():
            self._set_aside(path, why)

    def _set_aside_strays(self) -> None:
        """Files in a table folder that the manifest does not list (a copy, another program's file,
        a foreign Parquet file) are not part of the dataset."""
        for path in mf.strays(self.root, self._manifest, TABLES):
            self._set_aside(path, "not in the dataset's manifest")

    def _adopt(self) -> None:
        """A dataset without a manifest (written by an earlier coder, or whose manifest was lost):
        its committed part files are listed anew; the rest is set aside as strays."""
        self._manifest["tables"] = mf.legacy_parts(self.root, {t: schema(t) for t in TABLES})
        if self._manifest["tables"]:
            self.warnings.append("no manifest: the dataset's committed files were listed anew")
        mf.save(self.root, self._manifest)

    def _load_documents(self) -> None:
        """Index committed documents; a doc_id in two files (an interrupted earlier format) keeps the newer."""
        stale: dict[int, set[str]] = defaultdict(set)
        for part in sorted(self._parts("documents")):
            path = self._path("documents", part)
            data = pq.read_table(path, columns=["doc_id", "sha256", "coder_version"])
            version = (data.schema.metadata or {}).get(b"schema_version", b"?").decode()
            if version != SCHEMA_VERSION:
                raise DatasetError(f"{path} has schema version {version}; this coder writes {SCHEMA_VERSION}: "
                                   "code into a new --out folder (or delete the old dataset)")
            for old, doc_id in self._index_part(data, part):
                stale[old].add(doc_id)
        if stale:
            change = self._change()
            for part, doc_ids in sorted(stale.items()):
                self._drop_rows(change, part, doc_ids, _DOC_TABLES)
            self._commit(change)

    def _load_rejects(self) -> None:
        """Remember reject keys; a key in two files is dropped from the older."""
        change = self._change()
        for part in sorted(self._parts("rejects"), reverse=True):
            data = pq.read_table(self._path("rejects", part))
            keep = []
            for key in zip(*(data[c].to_pylist() for c in ("input_path", "record", "reason"))):
                key = _reject_key(*key)
                keep.append(key not in self._reject_keys)
                self._reject_keys.put(key)
            if not all(keep):
                kept = data.filter(pa.array(keep))
                if kept.num_rows:
                    change.put("rejects", part_name(part), kept)
                else:
                    change.drop("rejects", part_name(part))
        self._commit(change)

    def _index_part(self, data: pa.Table, part: int) -> list[tuple[int, str]]:
        """Index a documents part's rows (doc_id, sha256, coder_version); returns (older part, doc_id)
        for ids that were already indexed."""
        ids = data["doc_id"].to_pylist()
        keys = np.array([digest(d) for d in ids], dtype="S16")
        older = [(self._docs.get(bytes(keys[i]).ljust(16, b"\0"))[1], ids[i])   # rare: one by one
                 for i in np.flatnonzero(self._docs.duplicates_in(keys))]
        self._docs.put_many(keys, (_state(s, v) for s, v in zip(data["sha256"].to_pylist(),
                                                                 data["coder_version"].to_pylist())),
                            [part] * len(ids))
        return older

    def _stage_rejects(self, change: Change) -> None:
        if self._rejects:
            rows, self._rejects = self._rejects, []
            self._put(change, "rejects", self._take_seq(), to_arrow("rejects", rows))

    def _flush_rejects(self) -> None:
        if not self._rejects:
            return
        change = self._change()
        self._stage_rejects(change)
        self._commit(change)


def _state(sha256: str, coder_version: str) -> int:
    """What decides whether a committed document is current: its text and the coder that coded it."""
    return hash((sha256, coder_version))   # (the index is rebuilt at each open, never stored: a process hash serves)


def _reject_key(input_path: str, record, reason: str) -> bytes:
    return digest(f"{input_path}\0{record}\0{reason}")
