"""CPU microseconds a sentence of each stage of the sentence analysis, timed apart over every dev
sentence: each stage's inputs are worked out once beforehand, then the stage alone runs over all the
sentences N times and the least CPU time is kept. Steadier than a whole run on a shared machine, and
it says which stage a change (or the compiled build) moved.

    python benchmarks/stage_times.py [DEV_DIR] [--passes 5]
    cd /tmp && python /path/to/benchmarks/stage_times.py --installed DEV_DIR     # the installed coder
    python benchmarks/stage_times.py --against /path/to/other/checkout           # side by side

`--against PATH` runs the same measure at the same time with the coder of PATH (another checkout,
or a directory holding a compiled build) in a second process, each pinned to a core of its own,
then again with the cores swapped, and prints the four rows: the machine's load moves both alike.

Stages: tokenise (the language profile's tokeniser), match (the lexicon matcher), parse (the syntax
stage, on the sentences the pipeline parses), rules (coder.rules.engine.analyse), dates
(find_dates), quantities (find_quantities on every sentence) and sentence (pipeline.analyse_sentence,
which runs dates, match, parse, rules and quantities as the pipeline does)."""
from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
if "--installed" not in sys.argv and "--inner" not in sys.argv:
    sys.path.insert(0, str(HERE.parent))   # this checkout's coder, not the installed (maybe compiled) one
sys.argv.append("--installed")   # (identity.py: leave sys.path as set here)
sys.path.insert(0, str(HERE))
from identity import records  # noqa: E402
sys.argv.remove("--installed")


def prepared(dev: Path) -> list[tuple]:
    """Per dev sentence: (sentence, language, publication date, profile, dates, mentions, parse or None)."""
    from coder.dates import find_dates
    from coder.lang import detect, profile
    from coder.lexicon.load import load
    from coder.pipeline import _NOTHING, _dated_tokens, sentences
    from coder.recognise.matcher import match
    from coder.syntax import parse
    out = []
    for r in records(dev):
        text = r["text"] or ""
        if not text.strip():
            continue
        lang = r["language"] or detect(text)
        try:
            published = dt.date.fromisoformat(r["date"][:10]) if r.get("date") else None
        except ValueError:
            published = None
        prof = profile(lang)
        for s in sentences(text, lang):
            dates = find_dates(s.text, lang, published)
            mentions = match(load(lang).trie, s.tokens, s.text)
            kinds = {m.kind for m in mentions}
            parsed = parse(s.tokens, mentions, prof, _dated_tokens(s.tokens, dates) if dates else _NOTHING) \
                if "trigger" in kinds and ("actor" in kinds or "agent" in kinds) else None
            out.append((s, lang, published, prof, dates, mentions, parsed))
    return out


def stages(items: list[tuple]) -> dict:
    from coder.dates import find_dates, scan
    from coder.lexicon.load import load
    from coder.pipeline import _NOTHING, _dated_tokens, analyse_sentence
    from coder.quantities import find_quantities
    from coder.recognise.matcher import match
    from coder.rules.engine import analyse
    from coder.syntax import parse

    def tokenise():
        for s, _, _, prof, _, _, _ in items:
            prof.tokenise(s.text)

    def matching():
        for s, lang, _, _, _, _, _ in items:
            match(load(lang).trie, s.tokens, s.text)

    def parsing():
        for s, _, _, prof, dates, mentions, parsed in items:
            if parsed is not None:
                parse(s.tokens, mentions, prof, _dated_tokens(s.tokens, dates) if dates else _NOTHING)

    def rules():
        for s, _, published, prof, dates, mentions, parsed in items:
            analyse(s, mentions, prof, dates[0].value if dates else published, parsed)

    def dating():
        for s, lang, published, _, _, _, _ in items:
            find_dates(s.text, lang, published)

    def quantities():
        for s, lang, _, _, _, _, _ in items:
            find_quantities(s.text, lang, scan(s.text, lang)[0])

    def sentence():
        for s, lang, published, _, _, _, _ in items:
            analyse_sentence(s, lang, published)

    return {"tokenise": tokenise, "match": matching, "parse": parsing, "rules": rules, "dates": dating,
            "quantities": quantities, "sentence": sentence}


def least_cpu(run, passes: int) -> float:
    run()   # (a first pass fills the per-word caches, as on a long run)
    best = float("inf")
    for _ in range(passes):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def measure(dev: Path, passes: int) -> str:
    import coder
    items = prepared(dev)
    times = {name: least_cpu(run, passes) for name, run in stages(items).items()}
    return f"{coder.build_info():<28} " + "  ".join(f"{k} {1e6 * v / len(items):.1f}" for k, v in times.items()) + \
        f"   (µs a sentence, {len(items)} sentences)"


def side_by_side(dev: Path, passes: int, other: Path) -> None:
    """This checkout's coder and the one in `other`, each on a core of its own at the same time, then
    with the cores swapped."""
    mine = str(HERE.parent)
    for cores in ((0, 1), (1, 0)):
        procs = []
        for path, core in ((mine, cores[0]), (str(other), cores[1])):
            env = dict(os.environ, PYTHONPATH=path)
            cmd = ["taskset", "-c", str(core), sys.executable, __file__, str(dev), "--passes", str(passes), "--inner"]
            procs.append((path, core, subprocess.Popen(cmd, env=env, cwd="/", stdout=subprocess.PIPE, text=True)))
        for path, core, p in procs:
            print(f"core {core} {path}: {p.communicate()[0].strip()}", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dev", nargs="?", default=str(HERE.parent.parent / "shared" / "reference" / "dev"))
    ap.add_argument("--passes", type=int, default=5, help="timed passes a stage; the least is kept (default 5)")
    ap.add_argument("--installed", action="store_true", help="the installed coder package, not this checkout's")
    ap.add_argument("--against", metavar="PATH", help="also time the coder found at PATH, side by side")
    ap.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)   # (one side of --against)
    a = ap.parse_args()
    if a.against:
        side_by_side(Path(a.dev), a.passes, Path(a.against))
    else:
        print(measure(Path(a.dev), a.passes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
