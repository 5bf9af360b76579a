"""Flat memory at scale: code N generated documents through `coder code -` and report the time, the
peak memory, the state the writer keeps per document, and DuckDB query times over the result.

    python benchmarks/million.py --docs 10000 --workers 2
    python benchmarks/million.py --docs 1000000 --workers 2 --keep /tmp/million

Documents are generated on the fly (nothing is written to disk first) and piped to `coder code -`
as JSONL: one short news sentence each (actor, act, target, place: ~15 words), alternating English
and Arabic, from the word lists of benchmarks/newsgen.py. Memory is polled from /proc every
second: the writer process's peak RSS (VmHWM), the largest worker's, and the peak of the whole
tree's proportional set size (PSS: pages shared by forked workers counted once). Then `coder query`
is timed over the dataset (a count and a group-by), in-process (connect + query) and as a command.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]   # this checkout's coder, not an installed one
import newsgen  # noqa: E402

QUERIES = {
    "count": "select count(*) as events from events",
    "group-by": "select event_root_code, count(*) as n, avg(goldstein) as g from events group by 1 order by n desc",
}


def short_sentence(rng: random.Random, lang: str) -> str:
    v = newsgen.VOCAB[lang]
    action = rng.choice(v["actions"]).format(n=rng.choice(v["numbers"]), b=rng.choice(v["targets"]))
    actor, target, place = rng.choice(v["actors"]), rng.choice(v["targets"]), rng.choice(v["places"])
    if lang == "en":
        s = f"{actor} {action} {target} in {place}."
        return s[0].upper() + s[1:]
    verb, _, rest = action.partition(" ")
    return f"{verb} {actor} {rest} {target} {place}."


def feed(pipe, n: int, watch, seed: int = 11) -> None:
    rng = random.Random(seed)
    try:
        for i in range(n):
            watch.fed = i
            lang = "en" if i % 2 else "ar"
            pipe.write(json.dumps({"id": f"m-{i}", "text": short_sentence(rng, lang), "language": lang,
                                   "date": f"2019-{1 + i % 12:02d}-{1 + i % 28:02d}"}, ensure_ascii=False) + "\n")
    finally:
        pipe.close()


def tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for t in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{t}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except OSError:
            pass
    return out


def status_kb(pid: int, field: str) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class Watch(threading.Thread):
    """Polls the memory of the coder process and its workers until it exits."""

    def __init__(self, proc, every: float):
        super().__init__(daemon=True)
        self.proc = proc
        self.every = every   # seconds between the lines that show memory over time
        self.fed = 0
        self.parent_hwm = self.worker_hwm = self.tree_pss = 0

    def run(self):
        t0 = last = time.perf_counter()
        while self.proc.poll() is None:
            if time.perf_counter() - last >= self.every:
                last = time.perf_counter()
                print(f"  {last - t0:6.0f} s  {self.fed:>9,} documents fed  writer RSS "
                      f"{status_kb(self.proc.pid, 'VmRSS') / 1024:,.0f} MB  run PSS "
                      f"{sum(pss_kb(p) for p in tree(self.proc.pid)) / 1024:,.0f} MB", flush=True)
            pids = tree(self.proc.pid)
            self.parent_hwm = max(self.parent_hwm, status_kb(self.proc.pid, "VmHWM"))
            for p in pids[1:]:
                self.worker_hwm = max(self.worker_hwm, status_kb(p, "VmHWM"))
            self.tree_pss = max(self.tree_pss, sum(pss_kb(p) for p in pids))
            time.sleep(1.0)


def time_queries(out: Path) -> None:
    from coder.query import run_query
    for name, sql in QUERIES.items():
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            text = run_query(sql, str(out), fmt="csv")
            times.append(time.perf_counter() - t0)
        first = text.splitlines()[1] if len(text.splitlines()) > 1 else text
        print(f"query {name}: {min(times) * 1000:.0f} ms in-process (connect + run; best of 3, first "
              f"{times[0] * 1000:.0f} ms)  first row: {first}")
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "coder.cli", "query", sql, "--data", str(out), "--format", "csv"],
                       cwd=HERE.parent, check=True, capture_output=True)
        print(f"query {name}: {time.perf_counter() - t0:.2f} s as `coder query` (with the interpreter's start-up)")


def replay(n: int, out: Path, batch: int, pool_size: int = 400) -> None:
    """In this process: N documents read by the real reader from a JSONL file, each stored by the
    real writer with the rows that coding its text gave (a pool of distinct sentences is coded once;
    each document gets its own doc_id and event_ids), then compacted: the work of the writer process
    of a run with workers. Measures what grows with the number of documents (the reader's and the
    writer's indexes, the batches, compaction) at full scale without coding every document."""
    import hashlib
    import resource
    from coder.ingest import iter_inputs
    from coder.pipeline import code_document, document_sha, versions
    from coder.sinks import DatasetWriter, check_document
    rng = random.Random(11)
    pool = [short_sentence(rng, "en" if i % 2 else "ar") for i in range(pool_size)]
    path = out.parent / "replay.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": f"m-{i}", "text": pool[i % pool_size], "language": "en" if i % 2 else "ar",
                                "date": "2019-08-05"}, ensure_ascii=False) + "\n")
    coded = {}
    t0 = time.perf_counter()
    v = versions()
    with DatasetWriter(out, v["coder_version"], v["lexicon_version"], batch_docs=batch) as w:
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        for doc in iter_inputs([str(path)], default_date=None, max_chars=100_000, language=None):
            if w.is_current(doc.doc_id, document_sha(doc)):
                continue
            if doc.text not in coded:   # checked once, as a worker process checks what it sends
                coded[doc.text] = check_document(code_document(doc), v["coder_version"])
            w.add(renamed(coded[doc.text], doc.doc_id, hashlib), checked=True)
        stored = time.perf_counter() - t0
        w.flush()
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        w.compact()
        index = w.index_bytes
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"replay: {n:,} documents stored in {stored:.0f} s, compacted in {time.perf_counter() - t0 - stored:.0f} s; "
          f"peak RSS {peak / 1024:,.0f} MB ({(peak - base) / 1024:,.0f} MB over the open writer; "
          f"{before / 1024:,.0f} MB before compaction); "
          f"index of committed documents {index / max(n, 1):.0f} bytes a document")
    path.unlink()


def renamed(coded, doc_id: str, hashlib):
    """The rows of a coded text for another document: its doc_id, event_ids unique to it."""
    ids = {e.event_id: hashlib.sha256(f"{doc_id}/{e.event_id}".encode()).hexdigest()[:16] for e in coded.events}
    return coded.model_copy(update={
        "document": coded.document.model_copy(update={"doc_id": doc_id}),
        "events": [e.model_copy(update={"doc_id": doc_id, "event_id": ids[e.event_id]}) for e in coded.events],
        "quantities": [q.model_copy(update={"event_id": ids[q.event_id]}) for q in coded.quantities]})


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch", type=int, default=2000, help="documents per commit (coder code --batch)")
    ap.add_argument("--replay", action="store_true",
                    help="store N documents with the rows of a coded pool of sentences instead of coding each one")
    ap.add_argument("--every", type=float, default=60, help="seconds between memory lines during the run")
    ap.add_argument("--keep", metavar="DIR", help="write the dataset here and keep it")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="coder-million-") as tmp:
        out = Path(a.keep or tmp) / "out"
        if a.replay:
            out.parent.mkdir(parents=True, exist_ok=True)
            replay(a.docs, out, a.batch)
            import duckdb
            sql = f"select count(*) from read_parquet('{out}/events/*.parquet')"
            print(f"events: {duckdb.connect().execute(sql).fetchone()[0]:,}")
            time_queries(out)
            return 0
        cmd = [sys.executable, "-m", "coder.cli", "code", "-", "--out", str(out), "--workers", str(a.workers),
               "--batch", str(a.batch), "--no-progress"]
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, text=True, encoding="utf-8", cwd=HERE.parent)
        watch = Watch(proc, a.every)
        watch.start()
        feed(proc.stdin, a.docs, watch)
        rc = proc.wait()
        took = time.perf_counter() - t0
        watch.join()
        import duckdb
        con = duckdb.connect()
        n_events = con.execute(f"select count(*) from read_parquet('{out}/events/*.parquet')").fetchone()[0]
        files = {t: len(list((out / t).glob("*.parquet"))) for t in ("documents", "events")}
        groups = con.execute("select count(distinct row_group_id), max(row_group_num_rows) from "
                             f"parquet_metadata('{out}/events/*.parquet') group by file_name").fetchall()
        print(f"{a.docs:,} documents, {n_events:,} events, workers {a.workers}, exit {rc}: {took:.0f} s "
              f"({a.docs / took:,.0f} documents/s, start-up and compaction included)")
        print(f"peak RSS: writer process {watch.parent_hwm / 1024:,.0f} MB, largest worker "
              f"{watch.worker_hwm / 1024:,.0f} MB; peak PSS of the whole run {watch.tree_pss / 1024:,.0f} MB")
        print(f"after compaction: {files['documents']} documents file(s), {files['events']} events file(s), "
              f"{sum(g[0] for g in groups)} row groups of at most {max((g[1] for g in groups), default=0):,} rows")
        time_queries(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
