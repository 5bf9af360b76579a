"""A one-line progress display for long runs: records read, documents a second, events, rejects and,
when the number of records is known, the time left. It redraws at most twice a second, only on a
terminal; piped or redirected stderr gets the end-of-run summary alone."""
from __future__ import annotations

import os
import time
from collections.abc import Iterable

from coder.ingest import STDIN, _expand, _kind


def count_records(paths: Iterable[str], skip: Iterable[str] = ()) -> int | None:
    """The number of input records, when it can be known cheaply: a .txt file is one, a Parquet file
    says its rows, a .jsonl file its lines (counted at disk speed; blank lines make the figure an upper
    bound). None when any input cannot say (standard input, .gz, .csv, .json)."""
    import pyarrow.parquet as pq
    total = 0
    for path, problem in _expand(list(paths), frozenset(os.path.realpath(p) for p in skip)):
        if path == STDIN:
            return None
        kind = _kind(path)
        if problem is not None or not os.path.isfile(path):
            continue   # a reject: counted as it comes, a small error in the estimate
        if kind == "txt":
            total += 1
        elif kind == "parquet":
            try:
                total += pq.ParquetFile(path).metadata.num_rows
            except Exception:
                return None
        elif kind == "jsonl" and not path.lower().endswith(".gz"):
            with open(path, "rb") as f:
                last = b"\n"
                while chunk := f.read(1 << 20):
                    total += chunk.count(b"\n")
                    last = chunk[-1:]
                total += last != b"\n"
        else:
            return None
    return total


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


class Progress:
    """Call `update(records, counts)` as records are done and `close()` at the end."""

    def __init__(self, stream, total: int | None = None, interval: float = 0.5, clock=time.monotonic):
        self.stream, self.total, self.interval, self.clock = stream, total, interval, clock
        self.started = clock()
        self.last = None
        self.shown = False

    def line(self, records: int, counts: dict) -> str:
        took = max(self.clock() - self.started, 1e-9)
        rate = records / took
        parts = [f"{records} record{'' if records == 1 else 's'}" + (f" of {self.total}" if self.total else ""),
                 f"{rate:.1f} records/s", f"{counts.get('documents', 0)} documents",
                 f"{counts.get('events', 0)} events", f"{counts.get('rejects', 0)} rejects"]
        if self.total and rate > 0:
            parts.append(f"ETA {_clock(max(self.total - records, 0) / rate)}")
        return "  ".join(parts)

    def update(self, records: int, counts: dict) -> None:
        now = self.clock()
        if self.last is not None and now - self.last < self.interval:
            return
        self.last = now
        self.stream.write("\r\x1b[K" + self.line(records, counts))
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        """Clear the line, so the summary after it starts clean."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
