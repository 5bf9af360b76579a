"""kill -9 a `coder code` run at random moments, rerun it, and compare with a clean run.

A base dataset holds the first part of the input; each trial copies it, starts the run that codes
the whole input (some base documents changed, so their rows are replaced), kills it with SIGKILL
after a random delay, checks what a reader sees right after the kill (coder query: no event without
its document, no duplicate; coder verify: nothing damaged), reruns to completion and compares every
table with the clean run's (coded_at aside).

    python benchmarks/kill_rerun.py [DEV_DIR] [--trials 20] [--docs 200] [--batch 10] [--seed 1]
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dev_inputs import write_inputs  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = {
    "events": "SELECT * FROM events ORDER BY event_id",
    "event_quantities": "SELECT * FROM event_quantities ORDER BY event_id, value, unit, text",
    "documents": "SELECT * EXCLUDE (coded_at) FROM documents ORDER BY doc_id",
    "rejects": "SELECT * FROM rejects ORDER BY input_path, record, reason",
}


def cli(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "coder.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          check=check)


def query(sql: str, data: Path) -> list:
    return json.loads(cli("query", sql, "--data", str(data), "--format", "json", "--timeout", "0").stdout)


def snapshot(data: Path) -> dict:
    return {t: query(sql, data) for t, sql in SNAPSHOT.items()}


def code(inputs: Path, out: Path, batch: int) -> list[str]:
    return [sys.executable, "-m", "coder.cli", "code", str(inputs), "--out", str(out), "--batch", str(batch), "--quiet"]


def commit_number(data: Path) -> int:
    try:
        return json.loads((data / "manifest.json").read_text(encoding="utf-8")).get("commit", 0)
    except (OSError, ValueError):
        return 0


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("dev", nargs="?", default=str(ROOT.parent / "shared" / "reference" / "dev"))
    p.add_argument("--trials", type=int, default=20)
    p.add_argument("--docs", type=int, default=200)
    p.add_argument("--batch", type=int, default=10)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    rng = random.Random(a.seed)
    work = Path(tempfile.mkdtemp(prefix="coder-kill-"))
    full, base_in = work / "full", work / "base"
    write_inputs(Path(a.dev), full, limit=a.docs)
    # the base: the first two thirds, with different texts for every fifth record (replaced later)
    base_in.mkdir()
    for f in sorted(full.glob("*.jsonl")):
        lines = f.read_text(encoding="utf-8").splitlines()
        keep = []
        for i, line in enumerate(lines[: len(lines) * 2 // 3]):
            r = json.loads(line)
            if i % 5 == 0:
                r["text"] += " An earlier edition ended here."
            keep.append(json.dumps(r, ensure_ascii=False))
        (base_in / f.name).write_text("\n".join(keep) + "\n", encoding="utf-8")
    base = work / "base-out"
    subprocess.run(code(base_in, base, a.batch), cwd=ROOT, check=False)
    clean = work / "clean"
    shutil.copytree(base, clean)
    before = (clean / "manifest.json").stat().st_mtime_ns
    first = commit_number(clean)
    started = time.perf_counter()
    child = subprocess.Popen(code(full, clean, a.batch), cwd=ROOT)
    loading = None   # until the first new commit: loading the dictionaries and opening the dataset
    while child.poll() is None:
        if loading is None and (clean / "manifest.json").stat().st_mtime_ns != before:
            loading = time.perf_counter() - started
        time.sleep(0.02)
    span = time.perf_counter() - started
    loading = loading or span / 2
    commits = commit_number(clean) - first
    expected = snapshot(clean)
    print(f"{a.docs} records, clean incremental run {span:.1f} s, {commits} commits (the first after {loading:.1f} s): "
          f"{len(expected['documents'])} documents, {len(expected['events'])} events, {len(expected['rejects'])} rejects")
    failures = 0
    for trial in range(a.trials):
        out = work / f"kill{trial}"
        shutil.copytree(base, out)
        # one kill in four while loading and opening the dataset; the others just after a random
        # commit of the run, a random moment into the next batch
        child = subprocess.Popen(code(full, out, a.batch), cwd=ROOT)
        t0 = time.perf_counter()
        if rng.random() < 0.25:
            time.sleep(rng.uniform(0.0, loading))
        else:
            target = first + rng.randint(1, max(commits, 1))
            while child.poll() is None and commit_number(out) < target:
                time.sleep(0.005)
            time.sleep(rng.uniform(0.0, 0.1))
        delay = time.perf_counter() - t0
        finished = child.poll() is not None
        child.send_signal(signal.SIGKILL)
        child.wait()
        seen = query("SELECT (SELECT count(*) FROM events WHERE doc_id NOT IN (SELECT doc_id FROM documents)) AS orphans, "
                     "(SELECT count(*) - count(DISTINCT event_id) FROM events) AS twice, "
                     "(SELECT count(*) FROM documents) AS docs", out)[0]
        verify = cli("verify", "--data", str(out), check=False)
        damaged = [line for line in verify.stdout.splitlines() if "failed" in line or "bytes" in line or "checksum" in line]
        subprocess.run(code(full, out, a.batch), cwd=ROOT, check=False)
        same = snapshot(out) == expected
        ok = same and seen["orphans"] == 0 and seen["twice"] == 0 and not damaged
        failures += not ok
        print(f"trial {trial + 1:2d}: kill at {delay:5.1f} s{' (after the end)' if finished else ''}; "
              f"readers saw {seen['docs']} documents, {seen['orphans']} orphan events, {seen['twice']} duplicates; "
              f"verify: {'damaged ' + str(damaged) if damaged else 'ok'}; after rerun "
              f"{'identical to the clean run' if same else 'DIFFERENT'}")
        shutil.rmtree(out)
    print(f"{a.trials - failures} of {a.trials} trials gave the clean run's rows")
    shutil.rmtree(work)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
