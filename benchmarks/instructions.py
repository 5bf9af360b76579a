"""Code a fixed sample of the dev texts (every 10th record: 347 documents) for a count of machine
instructions a sentence, which, unlike CPU time, does not swing with the load of a shared machine.
The coder is warmed on the sample first (per-word caches full, as on a long run); the counted pass
runs inside operator.call, which valgrind is told to count alone:

    valgrind --tool=callgrind --toggle-collect=_operator_call --callgrind-out-file=/tmp/cg.out \\
        "$(python -c 'import sys; print(sys.executable)')" benchmarks/instructions.py [DEV_DIR]

then instructions a sentence = the "Collected" count / the sentences printed. (Give valgrind the
interpreter itself, not a wrapper script, or it counts the wrapper.) Without valgrind the script
just codes the sample and prints its CPU time.
"""
from __future__ import annotations

import datetime as dt
import operator
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]   # this checkout's coder, not an installed one


def main() -> int:
    import identity
    from coder.model import Document
    from coder.pipeline import code_document
    dev = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "reference" / "dev"
    docs = []
    for r in identity.records(dev):
        try:
            docs.append(Document(doc_id=r["id"], text=r["text"] or "", language=r["language"],
                                 published=dt.date.fromisoformat(r["date"][:10]) if r.get("date") else None))
        except Exception:   # rejected on input: not coded
            continue
    sample = docs[::10]

    def run(ds) -> int:
        n = 0
        for d in ds:
            try:
                n += code_document(d, coded_at=dt.datetime(2000, 1, 1)).document.n_sentences
            except Exception:   # a document the run would reject
                pass
        return n

    run(sample)
    cpu = time.process_time()
    n = operator.call(run, sample)
    cpu = time.process_time() - cpu
    print(f"{len(sample)} documents, {n} sentences; CPU {1000 * cpu / max(n, 1):.3f} ms a sentence")
    return 0


if __name__ == "__main__":
    sys.exit(main())
