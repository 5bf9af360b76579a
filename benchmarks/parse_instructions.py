"""Machine instructions a parse spent in the syntax stage alone (coder.syntax.parse), counted by
valgrind's callgrind on the sentences of the dev texts that reach it (every 4th record by default):
the stage's own figure, which the rest of the coding does not dilute. Needs valgrind; about a minute.

    python benchmarks/parse_instructions.py [DEV_DIR] [--every 4]

The parse inputs (tokens, lexicon matches, dated tokens) are collected by coding the sample once,
stored in a temporary file, then parsed twice under `valgrind --tool=callgrind
--toggle-collect=functools_reduce`: only the second pass, inside one functools.reduce() call, is
counted (per-word caches warm, as on a long run)."""
from __future__ import annotations

import argparse
import datetime as dt
import functools
import os
import pickle
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))    # this checkout's coder
sys.path.insert(0, str(Path(__file__).resolve().parent))
from identity import records  # noqa: E402


def collect(dev: Path, every: int, out: Path) -> int:
    """Code every Nth dev record, keeping what each parse() call was given."""
    import coder.pipeline as pipeline
    from coder.model import Document
    seen, parse = [], pipeline.parse

    def kept(toks, mentions, prof, dated):
        seen.append((toks, mentions, prof.CODE, dated))
        return parse(toks, mentions, prof, dated)
    pipeline.parse = kept
    for r in records(dev)[::every]:
        try:
            pipeline.code_document(Document(doc_id=r["id"], text=r["text"] or "", language=r["language"],
                                            published=dt.date.fromisoformat(r["date"][:10]) if r.get("date") else None))
        except Exception:
            continue
    pipeline.parse = parse
    out.write_bytes(pickle.dumps(seen))
    return len(seen)


def parse_all(inputs: Path) -> None:
    from coder.lang import profile
    from coder.syntax import parse
    calls = [(t, m, profile(c), d) for t, m, c, d in pickle.loads(inputs.read_bytes())]
    for a in calls:
        parse(*a)
    n = functools.reduce(lambda n, a: (parse(*a), n + 1)[1], calls, 0)   # the only reduce() call: counted
    print(f"PARSES {n}")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("dev", nargs="?", default=str(ROOT.parent / "shared" / "reference" / "dev"))
    p.add_argument("--every", type=int, default=4, help="code every Nth dev record (default 4)")
    p.add_argument("--inner", help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.inner:
        parse_all(Path(a.inner))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "inputs.pickle"    # (written and read by this script only)
        collect(Path(a.dev), a.every, inputs)
        run = subprocess.run(["valgrind", "--tool=callgrind", "--toggle-collect=functools_reduce",
                              f"--callgrind-out-file={tmp}/cg.out", sys.executable, __file__, "--inner", str(inputs)],
                             capture_output=True, text=True, env=os.environ)
    refs = re.search(r"Collected : (\d+)", run.stderr)
    n = re.search(r"PARSES (\d+)", run.stdout)
    if run.returncode or not refs or not n:
        print(run.stdout[-2000:], run.stderr[-2000:])
        return 1
    per = int(refs.group(1)) / int(n.group(1))
    print(f"{n.group(1)} parses: {per / 1e6:.2f} M instructions a parse ({per / 1e3:,.0f} K)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
