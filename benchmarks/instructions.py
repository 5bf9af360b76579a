"""Machine instructions a sentence spent coding (code_document) a sample of the dev texts, counted by
valgrind's callgrind: unlike CPU time, the count does not swing with the load of other users of the
machine, so two versions can be compared run by run. Needs valgrind; about a minute.

    python benchmarks/instructions.py [DEV_DIR] [--every 10]
    cd /tmp && python /path/to/benchmarks/instructions.py --installed DEV_DIR   # the installed coder

The script re-runs itself under `valgrind --tool=callgrind --toggle-collect=functools_reduce`: only
what runs inside one functools.reduce() call, the coding loop, is counted (start-up, lexicon and
gazetteer loading, the warm-up sentences and, unless --cold, a first pass over the sample are not)."""
from __future__ import annotations

import argparse
import datetime as dt
import functools
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


def code_sample(dev: Path, every: int, cold: bool) -> None:
    from coder.model import Document
    from coder.pipeline import code_document
    for text, lang in (("Syrian troops shelled Idlib three days ago.", "en"), ("قصف الجيش السوري إدلب أمس.", "ar")):
        code_document(Document(doc_id="warm", text=text, language=lang, published=dt.date(2019, 8, 5)))
    docs = []
    for r in records(dev)[::every]:
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
    # the collector as a coding run sets it (runner.py): the loaded data frozen, young collections
    # rarer. Otherwise a collection falling inside or outside the counted pass moves the count by
    # about 0.4%, more than many a change it is meant to measure
    import gc
    from coder.runner import collect_young_less_often
    gc.collect()
    gc.freeze()
    collect_young_less_often()
    n = functools.reduce(one, docs, 0)   # the only reduce() call: callgrind counts inside it
    print(f"SENTENCES {n} DOCUMENTS {len(docs)}")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("dev", nargs="?", default=str(ROOT.parent / "shared" / "reference" / "dev"))
    p.add_argument("--every", type=int, default=10, help="code every Nth dev record (default 10)")
    p.add_argument("--cold", action="store_true", help="count the first pass over the texts (per-word caches "
                   "cold), not the second")
    p.add_argument("--cache-sim", action="store_true", help="also simulate the caches and print the estimated "
                   "cycles (Ir + 10 x first-level misses + 100 x last-level misses); about twice as slow")
    p.add_argument("--installed", action="store_true", help="the installed coder package, not this checkout's")
    p.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.inner:
        code_sample(Path(a.dev), a.every, a.cold)
        return 0
    import coder
    print(f"{coder.build_info()} from {Path(coder.__file__).parent}")
    with tempfile.TemporaryDirectory() as tmp:
        cmd = ["valgrind", "--tool=callgrind", "--toggle-collect=functools_reduce",
               *(["--cache-sim=yes"] if a.cache_sim else []),
               f"--callgrind-out-file={tmp}/cg.out", sys.executable, __file__, a.dev, "--every", str(a.every),
               "--inner"] + (["--installed"] if a.installed else []) + (["--cold"] if a.cold else [])
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
    print(f"{sent.group(2)} documents, {n} sentences ({'first' if a.cold else 'second'} pass): {counts[0] / max(n, 1) / 1e6:.2f} M instructions a sentence")
    return 0


if __name__ == "__main__":
    sys.exit(main())
