"""End-to-end benchmark of `coder code` on news-length sentences: sentences/s, documents/s, peak
memory, bytes per event and the share of time per pipeline stage.

    python benchmarks/bench.py --sentences 20000                      # generated news-like text, both languages
    python benchmarks/bench.py --sentences 20000 --from ../shared/reference/dev/*.jsonl   # real texts
    python benchmarks/bench.py --sentences 5000 --lang en --stages    # one language, time per stage
    python benchmarks/bench.py --sentences 5000 --profile             # the 25 costliest functions
    python benchmarks/bench.py --sentences 20000 --from ../shared/reference/dev/*.jsonl --workers 2
    python benchmarks/bench.py --sentences 20000 --from ../shared/reference/dev/*.jsonl --fresh
    python benchmarks/bench.py --sentences 20000 --from ../shared/reference/dev/*.jsonl --distinct --fresh

Generated text comes from benchmarks/newsgen.py (~30-37 words a sentence, 3-12 sentences a
document). `--from` codes the records of JSONL files instead (text, language, date), repeated with
new ids until the size is reached; sentences are counted with the coder's own splitter. Start-up
(imports, the command's included; lexicon and gazetteer caches; first dateparser call) is timed apart
and not counted per sentence.
`--stages` wraps the pipeline's stage functions from this script (benchmarks/stages.py); the
wrappers cost a little, so take sentences/s from a run without it.

The corpus is made in this process, which codes every record once to leave out those `coder code`
would reject: the per-word caches (word forms, features, tags, number and place tests, lexicon
entries decoded) are then warm for the whole vocabulary, in this process and in the workers it
forks, as on a long run where the vocabulary has stopped growing. `--fresh` runs `coder code` as a
new process instead, whose caches start empty, start-up included: what a user's run of this size
sees.

The dev files hold about 3,500 distinct texts: a 20,000-sentence corpus made from them repeats each
about six times, so even a `--fresh` run meets most words already seen. `--distinct` codes each text
once (the corpus is then as large as the texts allow, about 3,500 sentences): with `--fresh`, the
cost of news whose words the process has not met yet."""
from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import os
import pstats
import resource
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# this checkout's coder, not an installed one; --installed: the installed (maybe compiled) coder
sys.path[:0] = [str(HERE)] if "--installed" in sys.argv else [str(HERE.parent), str(HERE)]
import newsgen  # noqa: E402
from stages import StageTimer  # noqa: E402


def dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*.parquet"))


def cpu_seconds() -> tuple[float, float]:
    """(user+system CPU of this process, of its reaped child processes)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def count_sentences(text: str, lang) -> int:
    from coder.lang import detect, profile
    return len(profile(lang or detect(text)).split_sentences(text))


def codable(r: dict) -> bool:
    """False for a record `coder code` would reject (coding raises, or two events share an id): such
    records are counted and reported, not timed."""
    from coder.model import Document
    from coder.pipeline import code_document
    try:
        published = dt.date.fromisoformat(r["date"][:10]) if r.get("date") else None
        coded = code_document(Document(doc_id="check", text=r["text"], language=r.get("language"), published=published))
    except Exception:
        return False
    ids = [e.event_id for e in coded.events]
    return len(ids) == len(set(ids))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sentences", type=int, default=10000, help="corpus size in sentences (default 10000)")
    ap.add_argument("--docs", type=int, help="(older option) documents of the generated corpus, ~7.5 sentences each")
    ap.add_argument("--from", dest="sources", nargs="+", metavar="JSONL", help="code these records instead of generated text")
    ap.add_argument("--lang", choices=["ar", "en", "both"], default="both", help="generated text: language(s)")
    ap.add_argument("--workers", type=int, default=1, help="worker processes (passed to `coder code --workers`; default 1)")
    ap.add_argument("--stages", action="store_true", help="print the share of time per pipeline stage")
    ap.add_argument("--profile", action="store_true", help="print the 25 costliest functions (cProfile)")
    ap.add_argument("--installed", action="store_true", help="code with the installed coder package "
                    "(compiled by `pip install .`), not this checkout's source; run from outside the checkout")
    ap.add_argument("--fresh", action="store_true", help="run `coder code` as a new process (per-word caches "
                    "cold, start-up counted), not in this warmed one")
    ap.add_argument("--distinct", action="store_true", help="with --from: each text once, never repeated "
                    "(the corpus stops when they run out); with --fresh, what never-seen news costs")
    ap.add_argument("--keep", metavar="DIR", help="write the corpus and dataset here and keep them")
    a = ap.parse_args()
    if a.docs:
        a.sentences = a.docs * 15 // 2
    extra = ["--workers", str(a.workers)]

    t0 = time.perf_counter()
    from coder.cli import main as coder_main
    from coder.pipeline import code_text
    # what `coder code` imports when it starts (the reader, the writer and with them pyarrow and
    # numpy, 0.3-0.5 s): start-up, like the rest of this block
    import coder.ingest, coder.ingest.fields, coder.parallel, coder.progress, coder.runner, coder.sinks  # noqa: E401,F401
    code_text("Syrian troops shelled Idlib yesterday.", "en", dt.date(2019, 8, 5))
    code_text("قصف الجيش السوري إدلب أمس.", "ar", dt.date(2019, 8, 5))
    # a date counted back ("three days ago") loads dateparser's tables once per process
    code_text("Syrian troops shelled Idlib three days ago.", "en", dt.date(2019, 8, 5))
    startup = time.perf_counter() - t0
    import coder
    print(f"{coder.build_info()} from {Path(coder.__file__).parent}")

    with tempfile.TemporaryDirectory(prefix="coder-bench-") as tmp:
        root = Path(a.keep or tmp)
        root.mkdir(parents=True, exist_ok=True)
        corpus, out = root / "corpus.jsonl", root / "out"
        if a.sources:
            n_planned, dropped = newsgen.write_from(corpus, a.sources, a.sentences, count_sentences, codable,
                                                        distinct=a.distinct)
            if dropped:
                print(f"left out {dropped} records that `coder code` would reject")
        else:
            langs = ("ar", "en") if a.lang == "both" else (a.lang,)
            n_planned = newsgen.write_generated(corpus, a.sentences, langs)
        n_docs = sum(1 for _ in open(corpus, encoding="utf-8"))
        n_words = 0
        import json
        for line in open(corpus, encoding="utf-8"):
            n_words += len(json.loads(line)["text"].split())
        timer = StageTimer() if a.stages else None
        if timer:
            timer.install()
        prof = cProfile.Profile() if a.profile else None
        cpu0 = cpu_seconds()
        t0 = time.perf_counter()
        if prof:
            prof.enable()
        args = ["code", str(corpus), "--out", str(out), "--quiet", *extra]
        if a.fresh:   # (this checkout's coder, or with --installed the installed one, as in this process)
            import subprocess
            path = [] if a.installed else [str(HERE.parent)]
            env = dict(os.environ, PYTHONPATH=os.pathsep.join(path + [p for p in [os.environ.get("PYTHONPATH")] if p]))
            rc = subprocess.run([sys.executable, "-m", "coder.cli", *args], env=env, cwd=root).returncode
        else:
            rc = coder_main(args)
        if prof:
            prof.disable()
        took = time.perf_counter() - t0
        cpu = [b - a for a, b in zip(cpu0, cpu_seconds())]
        import duckdb
        con = duckdb.connect()
        n_events = con.execute(f"select count(*) from read_parquet('{out}/events/**/*.parquet')").fetchone()[0]
        n_sent = con.execute(f"select sum(n_sentences) from read_parquet('{out}/documents/**/*.parquet')").fetchone()[0]
        ev_bytes = dir_bytes(out / "events") + dir_bytes(out / "event_quantities")
        peak_mb = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                      resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
        source = "files " + " ".join(Path(s).name for s in a.sources) if a.sources else f"generated ({a.lang})"
        print(f"corpus: {source}; {n_docs:,} documents, {n_sent:,} sentences "
              f"({n_words / max(n_sent, 1):.1f} words a sentence), workers {a.workers}, exit {rc}")
        if a.fresh:
            print("a new `coder code` process: its start-up and the filling of its per-word caches are counted below")
        else:
            print(f"start-up (imports, caches, first call) {startup:.2f} s, not counted below")
        print(f"sentences/s {n_sent / took:,.0f}   documents/s {n_docs / took:,.0f}   ({took:.2f} s)")
        # on a shared machine wall time depends on the load; CPU time does not
        print(f"CPU: {'this process' if a.fresh else 'writer process'} {cpu[0]:.1f} s, "
              f"{'coder code' if a.fresh else 'workers'} {cpu[1]:.1f} s; {1000 * sum(cpu) / max(n_sent, 1):.2f} "
              f"CPU ms a sentence; {n_sent / max(sum(cpu), 1e-9):,.0f} sentences per CPU second; "
              f"the machine gave the run {sum(cpu) / took:.2f} cores on average")
        print(f"events {n_events:,}; bytes per event {ev_bytes / max(n_events, 1):,.0f} (events + event_quantities Parquet)")
        print(f"peak memory {peak_mb:,.0f} MB (max RSS of the process{' and its workers' if a.workers > 1 else ''})")
        if timer:
            print("time per stage (exclusive; wrappers add a little):")
            for stage, share in timer.report(took):
                print(f"  {share:6.1%}  {stage}")
            if timer.missing:
                print("  not found (renamed?): " + ", ".join(timer.missing))
        if prof:
            pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
