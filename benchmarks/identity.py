"""Code every dev text in this process and write its rows (events, event_quantities, documents;
coded_at left out) as sorted JSON lines, or compare them with such a file: a speed change must not
change one row. Also prints the CPU time of the coding alone (time.process_time, steadier than wall
time on a shared machine).

    python benchmarks/identity.py --write ref.jsonl [DEV_DIR]    # keep the rows of this version
    python benchmarks/identity.py --check ref.jsonl [DEV_DIR]    # exit 1 when a row differs
    cd /tmp && python /path/to/benchmarks/identity.py --installed --check ref.jsonl DEV_DIR   # the installed coder
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if "--installed" not in sys.argv:   # this checkout's coder, not the installed (maybe compiled) one
    sys.path.insert(0, str(ROOT))


def records(dev: Path) -> list[dict]:
    out = []
    for path in sorted(dev.glob("*.jsonl")):
        name = path.name.split(".")[0]
        for line in open(path, encoding="utf-8"):
            if line.strip():
                r = json.loads(line)
                out.append({"id": f"{name}:{r.get('id')}", "text": r.get("text"), "date": r.get("date"),
                            "language": r.get("language")})
    return out


def rows(dev: Path, passes: int = 1) -> tuple[list[str], list[float], int]:
    """(sorted JSON rows, CPU seconds spent coding in each pass, sentences). Every pass codes every
    text anew (the later ones with the per-word caches warm, as on a long run)."""
    from coder.model import Document
    from coder.pipeline import code_document
    code_document(Document(doc_id="warm", text="Syrian troops shelled Idlib.", language="en"))
    code_document(Document(doc_id="warm", text="قصف الجيش السوري إدلب.", language="ar"))
    # a date counted back loads dateparser's tables (once per process, start-up, not per sentence)
    code_document(Document(doc_id="warm", text="Troops shelled Idlib three days ago.", language="en",
                           published=dt.date(2019, 8, 5)))
    docs = []
    for r in records(dev):
        try:
            docs.append(Document(doc_id=r["id"], text=r["text"] or "", language=r["language"],
                                 published=dt.date.fromisoformat(r["date"][:10]) if r.get("date") else None))
        except Exception:   # rejected on input: not coded
            continue
    out, n_sent, fixed, cpus = [], 0, dt.datetime(2000, 1, 1), []
    for _ in range(passes):
        cpu = time.process_time()
        coded = []
        for d in docs:
            try:
                coded.append(code_document(d, coded_at=fixed))
            except Exception as e:   # a document the run would reject: its error is part of the output
                coded.append(f"{d.doc_id}: {type(e).__name__}: {e}")
        cpus.append(time.process_time() - cpu)
    for c in coded:
        if isinstance(c, str):
            out.append(json.dumps({"error": c}, ensure_ascii=False))
            continue
        n_sent += c.document.n_sentences
        out.append(json.dumps({"documents": c.document.model_dump(mode="json", exclude={"coded_at"})}, ensure_ascii=False))
        out += [json.dumps({"events": e.model_dump(mode="json")}, ensure_ascii=False) for e in c.events]
        out += [json.dumps({"event_quantities": q.model_dump(mode="json")}, ensure_ascii=False) for q in c.quantities]
    return sorted(out), cpus, n_sent


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("dev", nargs="?", default=str(ROOT.parent / "shared" / "reference" / "dev"))
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--write", metavar="FILE")
    g.add_argument("--check", metavar="FILE")
    p.add_argument("--passes", type=int, default=1, help="code the texts this many times; the least CPU time is shown")
    p.add_argument("--installed", action="store_true", help="code with the installed coder package, not this "
                   "checkout's source (run from outside the checkout)")
    a = p.parse_args()
    import coder
    print(f"{coder.build_info()} from {Path(coder.__file__).parent}")
    got, cpus, n = rows(Path(a.dev), a.passes)
    cpu = min(cpus)
    print(f"{n} sentences, CPU per pass {' '.join(f'{c:.2f}' for c in cpus)} s; least: "
          f"{1000 * cpu / max(n, 1):.3f} ms a sentence, {n / cpu:,.0f} sentences/s")
    if a.write:
        Path(a.write).write_text("\n".join(got) + "\n", encoding="utf-8")
        print(f"{len(got)} rows written to {a.write}")
        return 0
    want = Path(a.check).read_text(encoding="utf-8").splitlines()
    if got == want:
        print(f"identical: {len(got)} rows")
        return 0
    missing, extra = sorted(set(want) - set(got)), sorted(set(got) - set(want))
    print(f"DIFFERENT: {len(missing)} rows missing, {len(extra)} rows new")
    for line in (missing[:5] + ["---"] + extra[:5]):
        print("  " + line[:400])
    return 1


if __name__ == "__main__":
    sys.exit(main())
