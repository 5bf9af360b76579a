"""`coder code --workers N`: the same dataset as one process, row for row; reruns skip; a dead
worker is a clear error that leaves the committed batches valid; input is not read far ahead."""
from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from coder import parallel, pipeline
from coder.cli import main
from coder.ingest import iter_inputs
from coder.parallel import WorkerError
from coder.pipeline import versions
from coder.runner import code_into
from coder.sinks import DatasetWriter
from coder.verify import problems

# sentences written for these tests: actors, acts and places vary with the document number
EN = ["Army units shelled villages near {p} on Monday, killing {n} civilians.",
      "Police in {p} arrested {n} protesters after clashes with security forces.",
      "The foreign minister met the United Nations envoy in {p} on Tuesday.",
      "Rebels fired rockets at a military base outside {p}. Residents said {n} soldiers were wounded."]
AR = ["قصف الجيش قرى قرب {p} يوم الاثنين مما أسفر عن مقتل {n} مدنيين.",
      "اعتقلت الشرطة في {p} {n} متظاهرين بعد اشتباكات مع قوات الأمن.",
      "التقى وزير الخارجية المبعوث الأممي في {p} يوم الثلاثاء.",
      "أطلق مسلحون صواريخ على قاعدة عسكرية قرب {p} وأصيب {n} جنود."]
PLACES_EN = ["Aleppo", "Mosul", "Homs", "Kirkuk", "Idlib"]
PLACES_AR = ["حلب", "الموصل", "حمص", "كركوك", "إدلب"]
CRASH = "doc-crash"


def write_corpus(path: Path, n: int = 24, changed: frozenset = frozenset(), longest: int = 3) -> Path:
    """n documents alternating English and Arabic, a bad record, and one that crashes the coder."""
    lines = []
    for i in range(n):
        lang = "en" if i % 2 else "ar"
        sents, places = (EN, PLACES_EN) if lang == "en" else (AR, PLACES_AR)
        text = " ".join(sents[(i + k) % 4].format(p=places[(i + k) % 5], n=3 + i % 7) for k in range(1 + i % longest))
        if i in changed:
            text += " " + sents[0].format(p=places[0], n=40)
        lines.append(json.dumps({"id": f"doc-{i:03d}", "text": text, "language": lang, "date": "2019-08-05"},
                                ensure_ascii=False))
        if i == 11:
            lines.append('{"id": "broken", "text": ')   # not JSON: a reject of the reader
        if i == 20:
            lines.append(json.dumps({"id": CRASH, "text": "The envoy met the minister in Homs.", "language": "en"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def crashing(monkeypatch):
    """code_document raises on one document (a bug on one input), as any stage might."""
    real = pipeline.code_document

    def code_document(doc, *a, **k):
        if doc.doc_id == CRASH:
            raise RecursionError("maximum recursion depth exceeded")
        return real(doc, *a, **k)
    monkeypatch.setattr(pipeline, "code_document", code_document)


def run(corpus: Path, out: Path, workers: int, chunk: int = 4, batch: int = 8) -> dict:
    v = versions()
    with DatasetWriter(out, v["coder_version"], v["lexicon_version"], batch_docs=batch) as w:
        code_into(w, iter_inputs([str(corpus)], default_date=None, max_chars=100_000, language=None),
                  workers=workers, chunk=chunk)
    return w.counts


def rows(out: Path, table: str) -> list:
    """Every row of a table, sorted; coded_at (the clock) and the file it sits in left out."""
    pieces = [pq.read_table(p).replace_schema_metadata(None) for p in sorted((out / table).glob("*.parquet"))]
    data = pa.concat_tables(pieces)
    if "coded_at" in data.column_names:
        data = data.drop(["coded_at"])
    return sorted((tuple(sorted(r.items())) for r in data.to_pylist()), key=repr)


def same_dataset(a: Path, b: Path) -> None:
    for table in ("documents", "events", "event_quantities", "rejects"):
        assert rows(a, table) == rows(b, table), table


def test_two_workers_write_the_rows_of_one(tmp_path, crashing):
    corpus = write_corpus(tmp_path / "in.jsonl")
    one = run(corpus, tmp_path / "one", workers=1)
    two = run(corpus, tmp_path / "two", workers=2)
    assert one == two
    assert one["documents"] == 24 and one["rejects"] == 2 and one["events"] > 24
    same_dataset(tmp_path / "one", tmp_path / "two")
    reasons = [dict(r)["reason"] for r in rows(tmp_path / "two", "rejects")]
    assert any("RecursionError" in r and CRASH in r for r in reasons)
    # a rerun with workers duplicates nothing; a changed text replaces its document's rows
    again = run(corpus, tmp_path / "two", workers=2)
    assert again["skipped"] == 24 and again["documents"] == 0
    same_dataset(tmp_path / "one", tmp_path / "two")
    changed = write_corpus(tmp_path / "changed.jsonl", changed=frozenset({3, 18}))
    run(changed, tmp_path / "one", workers=1)
    assert run(changed, tmp_path / "two", workers=2)["replaced"] == 2
    same_dataset(tmp_path / "one", tmp_path / "two")
    assert problems(tmp_path / "two") == []


def test_input_is_not_read_far_ahead(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "in.jsonl", n=60, longest=1)
    pulled = 0
    lead = []

    def counting(items):
        nonlocal pulled
        for item in items:
            pulled += 1
            yield item
    real_add = DatasetWriter.add

    def add(self, coded, checked=False):
        lead.append(pulled - self.counts["documents"] - len(self._buffer))
        real_add(self, coded, checked)
    monkeypatch.setattr(DatasetWriter, "add", add)
    v = versions()
    with DatasetWriter(tmp_path / "out", v["coder_version"], v["lexicon_version"], batch_docs=8) as w:
        code_into(w, counting(iter_inputs([str(corpus)], default_date=None, max_chars=100_000, language=None)),
                  workers=2, chunk=3)
    assert w.counts["documents"] == 61   # the 60 and the one that crashes only in other tests
    # at most IN_FLIGHT chunks a worker, one more queued and one being filled (and 2 rejects)
    assert max(lead) <= (parallel.IN_FLIGHT * 2 + 2) * 3 + 2


def test_a_dead_worker_is_a_clear_error_and_keeps_the_committed_batches(tmp_path, monkeypatch, capsys):
    corpus = write_corpus(tmp_path / "in.jsonl", n=40, longest=1)
    parent = os.getpid()
    real = pipeline.code_document

    def code_document(doc, *a, **k):
        if doc.doc_id == "doc-033" and os.getpid() != parent:
            os._exit(9)   # as if killed (out of memory)
        return real(doc, *a, **k)
    monkeypatch.setattr(pipeline, "code_document", code_document)
    with pytest.raises(WorkerError, match="worker process died"):
        run(corpus, tmp_path / "out", workers=2)
    assert problems(tmp_path / "out") == []
    kept = rows(tmp_path / "out", "documents")
    assert 8 <= len(kept) < 40   # batches before the death are committed
    monkeypatch.setattr(pipeline, "code_document", real)
    again = run(corpus, tmp_path / "out", workers=2)
    assert again["skipped"] == len(kept)
    run(corpus, tmp_path / "one", workers=1)
    same_dataset(tmp_path / "one", tmp_path / "out")


def test_cli_workers_option_and_compaction(tmp_path):
    corpus = write_corpus(tmp_path / "in.jsonl", n=70, longest=1)
    out = tmp_path / "out"
    assert main(["code", str(corpus), "--out", str(out), "--workers", "2", "--batch", "16", "--quiet"]) == 1
    assert len(list((out / "events").glob("*.parquet"))) == 1   # compacted at the end
    assert len(rows(out, "documents")) == 71   # with the one that crashes only in other tests
    assert main(["code", str(corpus), "--out", str(tmp_path / "loose"), "--workers", "1", "--batch", "16",
                 "--no-compact", "--quiet"]) == 1
    assert len(list((tmp_path / "loose" / "events").glob("*.parquet"))) == 5
    same_dataset(out, tmp_path / "loose")
    assert main(["code", str(corpus), "--out", str(out), "--workers", "0"]) == 2


KILLED_PARENT = """
import multiprocessing as mp, os, sys, time
from concurrent.futures import ProcessPoolExecutor
from coder.parallel import _init_worker
pool = ProcessPoolExecutor(2, mp_context=mp.get_context("fork"), initializer=_init_worker, initargs=(None,))
[f.result() for f in [pool.submit(os.getpid) for _ in range(8)]]   # both workers started
print(" ".join(str(p) for p in pool._processes), flush=True)
time.sleep(60)
"""


# the parent is killed before its workers have set up: the parent-death signal, asked for after the
# death, never comes, so the workers must see for themselves that their parent is gone
KILLED_BEFORE_SET_UP = """
import multiprocessing as mp, os, sys, time
from concurrent.futures import ProcessPoolExecutor
from coder.parallel import _init_worker
def set_up_late(lock_fd):
    time.sleep(1.5)
    _init_worker(lock_fd)
pool = ProcessPoolExecutor(2, mp_context=mp.get_context("fork"), initializer=set_up_late, initargs=(None,))
pool.submit(os.getpid)
print(" ".join(str(p) for p in pool._processes), flush=True)
time.sleep(60)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the workers' parent-death signal is Linux's")
@pytest.mark.parametrize("script", [KILLED_PARENT, KILLED_BEFORE_SET_UP], ids=["set-up", "setting-up"])
def test_workers_end_with_a_killed_run(tmp_path, script):
    """Killing `coder code` (as an out-of-memory killer would) ends its worker processes too,
    instead of leaving them waiting for work forever, even when they had not yet set up."""
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                            cwd=Path(__file__).parent.parent)
    workers = [int(p) for p in proc.stdout.readline().split()]
    assert len(workers) == 2
    proc.send_signal(signal.SIGKILL)
    proc.wait()

    def alive():   # a zombie (dead, not yet reaped by its new parent) has no command line
        return [p for p in workers if os.path.exists(f"/proc/{p}/cmdline") and open(f"/proc/{p}/cmdline").read()]
    deadline = time.time() + 10
    while alive() and time.time() < deadline:
        time.sleep(0.1)
    left = alive()
    for pid in left:   # not to leave them behind when this fails
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    assert left == []


def test_warm_up_loads_the_date_parser_for_every_language():
    # the workers are forked after it: what it leaves unloaded, each worker loads again. In a fresh
    # process, so that no earlier test has loaded anything.
    import subprocess
    import sys
    probe = ("import importlib; from coder.parallel import warm_up; warm_up(); "
             "resolve = importlib.import_module('coder.dates.resolve'); "
             "print(resolve._parser.cache_info().currsize, resolve._dateparser.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split()
    parsers, phrases = map(int, out)
    assert parsers == 2 and phrases == 2   # one parser and one relative phrase a language
