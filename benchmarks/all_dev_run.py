"""Code every text of the dev sets in one `coder code` run and check that the run ends with exit 0
or 1 and that every input record is in `documents` or in `rejects`.

    python benchmarks/all_dev_run.py [DEV_DIR] [--work DIR]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dev_inputs import write_inputs  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def query(sql: str, data: Path) -> list[dict]:
    out = subprocess.run([sys.executable, "-m", "coder.cli", "query", sql, "--data", str(data), "--format", "json"],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("dev", nargs="?", default=str(ROOT.parent / "shared" / "reference" / "dev"))
    p.add_argument("--work", help="folder for the inputs and the dataset (default: a temporary one)")
    a = p.parse_args()
    work = Path(a.work or tempfile.mkdtemp(prefix="coder-alldev-"))
    inputs, out = work / "inputs", work / "out"
    n = write_inputs(Path(a.dev), inputs)
    ids = [json.loads(line)["id"] for f in sorted(inputs.glob("*.jsonl")) for line in open(f, encoding="utf-8")]
    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "coder.cli", "code", str(inputs), "--out", str(out)],
                         cwd=ROOT, capture_output=True, text=True)
    took = time.perf_counter() - started
    docs = {r["doc_id"] for r in query("SELECT doc_id FROM documents", out)}
    rejects = query("SELECT doc_id, record, reason FROM rejects", out)
    rejected = {r["doc_id"] for r in rejects if r["doc_id"] is not None}
    missing = [i for i in ids if i not in docs and i not in rejected]
    events = query("SELECT count(*) AS n FROM events", out)[0]["n"]
    print(f"records {n}, exit {run.returncode}, {took:.0f} s; documents {len(docs)}, rejects {len(rejects)}, "
          f"events {events}; records in neither table: {len(missing)}")
    for r in rejects[:10]:
        print(f"  reject {r['doc_id']}: {r['reason'][:160]}")
    if "Traceback" in run.stderr:
        print(run.stderr[-2000:])
    return 0 if run.returncode in (0, 1) and not missing and "Traceback" not in run.stderr else 1


if __name__ == "__main__":
    sys.exit(main())
