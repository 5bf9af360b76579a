"""Machine instructions a sentence spent coding (code_document) a sample of the dev texts, counted by
valgrind's callgrind: unlike CPU time, the count does not swing with the load of other users of the
machine, so two versions can be compared run by run. Needs valgrind; about a minute.

    python benchmarks/instructions.py [DEV_DIR] [--every 10]
    python benchmarks/instructions.py [DEV_DIR] --every 40 --run   # the whole loop of `coder code`
    cd /tmp && python /path/to/benchmarks/instructions.py --installed DEV_DIR   # the installed coder

The script re-runs itself under `valgrind --tool=callgrind --toggle-collect=functools_reduce`: only
what runs inside one functools.reduce() call, the coding loop, is counted (start-up, lexicon and
gazetteer loading, the warm-up sentences and, unless --cold, a first pass over the sample are not).

`--run` counts the loop of `coder code` instead of code_document alone: the sample, written as JSON
lines, read (coder.ingest.iter_inputs), coded, checked for storing and written into a new dataset
(coder.runner.code_into, one process), its batch committed (DatasetWriter.flush: Arrow, Parquet);
opening and closing the dataset are not counted. Unless --cold, a first pass codes the same lines
into another dataset, so that the reader and the writer are warm too. The sample's few documents
make one batch where a long run commits one every 2,000: a batch's own costs (its files, the
manifest) weigh more a sentence here than there."""
from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if "--installed" not in sys.argv:   # this checkout's coder, not the installed (maybe compiled) one
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from identity import records  # noqa: E402


def code_sample(dev: Path, every: int, cold: bool, run: bool = False) -> None:
    from coder.model import Document
    from coder.pipeline import code_document
    for text, lang in (("Syrian troops shelled Idlib three days ago.", "en"), ("قصف الجيش السوري إدلب أمس.", "ar")):
        code_document(Document(doc_id="warm", text=text, language=lang, published=dt.date(2019, 8, 5)))
    sample = records(dev)[::every]
    if run:
        code_run(sample, cold)
        return
    docs = []
    for r in sample:
        try:
            docs.append(Document(doc_id=r["id"], text=r["text"] or "", language=r["language"],
                                 published=dt.date.fromisoformat(r["date"][:10]) if r.get("date") else None))
        except Exception:
            continue

    def one(n: int, d) -> int:
        try:
            return n + code_document(d, coded_at=dt.datetime(2000, 1, 1)).document.n_sentences
        except Exception:
            return n
    if not cold:   # the per-word caches warm, as on a long run: count a second pass
        for d in docs:
            one(0, d)
    set_collector_as_run()
    n = functools.reduce(one, docs, 0)   # the only reduce() call: callgrind counts inside it
    print(f"SENTENCES {n} DOCUMENTS {len(docs)}")


def set_collector_as_run() -> None:
    """The collector as a coding run sets it (runner.py): the loaded data frozen, young collections
    rarer. Otherwise a collection falling inside or outside the counted pass moves the count by
    about 0.4%, more than many a change it is meant to measure."""
    import gc
    from coder.runner import collect_young_less_often
    gc.collect()
    gc.freeze()
    collect_young_less_often()


def code_run(sample: list[dict], cold: bool) -> None:
    """--run: the sample read from JSON lines, coded, checked and written as `coder code` does it."""
    import pyarrow.parquet as pq
    from coder.ingest import iter_inputs
    from coder.pipeline import versions
    from coder.runner import code_into
    from coder.sinks import DatasetWriter
    v = versions()
    with tempfile.TemporaryDirectory() as tmp:
        lines = Path(tmp) / "sample.jsonl"
        lines.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in sample), encoding="utf-8")
        writers = {name: DatasetWriter(Path(tmp) / name, v["coder_version"], v["lexicon_version"])
                   for name in ("first", "counted")}

        def write(n: int, name: str) -> int:
            w = writers[name]
            code_into(w, iter_inputs([str(lines)]))
            w.flush()   # the batch committed inside the count (the `with`'s exit then finds none)
            return n + w.counts["documents"]
        for w in writers.values():
            w.open()
        if not cold:   # the per-word caches, the reader and the writer warm
            write(0, "first")
        set_collector_as_run()
        docs = functools.reduce(write, ["counted"], 0)   # the only reduce() call: callgrind counts inside it
        for w in writers.values():
            w.close()
        n = int(pq.read_table(Path(tmp) / "counted" / "documents", columns=["n_sentences"])["n_sentences"]
                .to_numpy().sum())
    print(f"SENTENCES {n} DOCUMENTS {docs}")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("dev", nargs="?", default=str(ROOT.parent / "shared" / "reference" / "dev"))
    p.add_argument("--every", type=int, default=10, help="code every Nth dev record (default 10)")
    p.add_argument("--cold", action="store_true", help="count the first pass over the texts (per-word caches "
                   "cold), not the second")
    p.add_argument("--cache-sim", action="store_true", help="also simulate the caches and print the estimated "
                   "cycles (Ir + 10 x first-level misses + 100 x last-level misses); about twice as slow")
    p.add_argument("--installed", action="store_true", help="the installed coder package, not this checkout's")
    p.add_argument("--run", action="store_true", help="count the whole loop of `coder code` (read, code, check, "
                   "write), not code_document alone")
    p.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.inner:
        code_sample(Path(a.dev), a.every, a.cold, a.run)
        return 0
    import coder
    print(f"{coder.build_info()} from {Path(coder.__file__).parent}")
    with tempfile.TemporaryDirectory() as tmp:
        cmd = ["valgrind", "--tool=callgrind", "--toggle-collect=functools_reduce",
               *(["--cache-sim=yes"] if a.cache_sim else []),
               f"--callgrind-out-file={tmp}/cg.out", sys.executable, __file__, a.dev, "--every", str(a.every),
               "--inner"] + (["--installed"] if a.installed else []) + (["--cold"] if a.cold else []) + \
            (["--run"] if a.run else [])
        run = subprocess.run(cmd, capture_output=True, text=True, env=os.environ)
    refs = re.search(r"Collected : ([\d ]+)", run.stderr)
    sent = re.search(r"SENTENCES (\d+) DOCUMENTS (\d+)", run.stdout)
    if run.returncode or not refs or not sent:
        print(run.stdout[-2000:], run.stderr[-2000:])
        return 1
    n = int(sent.group(1))
    counts = [int(x) for x in refs.group(1).split()]
    if a.cache_sim:   # callgrind's order: Ir Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw
        print("collected:", " ".join(map(str, counts)))
        ir, _, _, i1, d1r, d1w, il, dlr, dlw = counts[:9]
        cycles = ir + 10 * (i1 + d1r + d1w) + 100 * (il + dlr + dlw)
        print(f"estimated cycles a sentence {cycles / max(n, 1) / 1e6:.2f} M (first-level misses: instructions "
              f"{i1 / max(n, 1) / 1e3:.1f} k, data {(d1r + d1w) / max(n, 1) / 1e3:.1f} k a sentence)")
    print(f"{sent.group(2)} documents, {n} sentences ({'first' if a.cold else 'second'} pass"
          f"{', read, coded and written' if a.run else ''}): {counts[0] / max(n, 1) / 1e6:.2f} M instructions a sentence")
    return 0


if __name__ == "__main__":
    sys.exit(main())
