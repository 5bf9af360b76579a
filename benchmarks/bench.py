"""End-to-end benchmark: generate a bilingual news-like corpus, code it into a Parquet dataset, and
print sentences per second, peak memory and bytes per event.

    python benchmarks/bench.py --docs 2000            # ~12k sentences
    python benchmarks/bench.py --docs 20000 --profile # where the time goes

The corpus is generated from templates (actors x actions x places x dates x numbers), with a share
of sentences that report no event, as news does."""
from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import os
import pstats
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

AR = {
    "actors": ["الجيش السوري", "قوات سوريا الديمقراطية", "تنظيم داعش", "الشرطة العراقية", "مسلحون مجهولون",
               "القوات التركية", "الحكومة العراقية", "الأمم المتحدة", "الولايات المتحدة", "هيئة تحرير الشام"],
    "events": ["هاجم {a} مواقع {b} في {p} {d}", "قصف {a} بلدات {b} قرب {p} {d}، ما أدى إلى مقتل {n} مدنيين",
               "اعتقل {a} {n} من عناصر {b} في {p} {d}", "دعا {a} {b} إلى وقف إطلاق النار {d}",
               "تظاهر {n} شخص في {p} {d} احتجاجاً على سياسات {a}", "التقى وفد من {a} مع ممثلين عن {b} في {p} {d}"],
    "filler": ["وتقع المدينة على ضفاف نهر الفرات.", "ويبلغ عدد سكان المنطقة نحو {n} ألف نسمة.",
               "وشهدت الأسواق حركة نشطة قبل العيد."],
    "places": ["الرقة", "دير الزور", "الحسكة", "الموصل", "كركوك", "إدلب", "حلب", "منبج", "القامشلي", "بغداد"],
    "dates": ["أمس", "يوم الجمعة", "الأسبوع الماضي", "في 3 آب 2019", "", "", ""],
    "numbers": ["خمسة", "عشرات", "12", "٣٠", "نحو 200", "أكثر من 40"],
}
EN = {
    "actors": ["Syrian troops", "the Syrian Democratic Forces", "Islamic State militants", "Iraqi police",
               "unknown gunmen", "Turkish forces", "the Iraqi government", "the United Nations",
               "the United States", "Hezbollah"],
    "events": ["{A} attacked {b} positions in {p} {d}.", "{A} shelled villages near {p} {d}, killing {n} civilians.",
               "{A} arrested {n} members of {b} in {p} {d}.", "{A} urged {b} to agree to a ceasefire {d}.",
               "{N} people protested in {p} {d} against {b}.", "{A} met representatives of {b} in {p} {d}."],
    "filler": ["The city lies on the banks of the Euphrates.", "The region has about {n} thousand inhabitants.",
               "Markets were busy ahead of the holiday."],
    "places": ["Raqqa", "Deir ez-Zor", "Hasakah", "Mosul", "Kirkuk", "Idlib", "Aleppo", "Manbij", "Qamishli", "Baghdad"],
    "dates": ["yesterday", "on Friday", "last week", "on 3 August 2019", "", "", ""],
    "numbers": ["five", "dozens of", "12", "30", "about 200", "more than 40"],
}


def sentence(rng: random.Random, lex: dict) -> str:
    if rng.random() < 0.3:
        return rng.choice(lex["filler"]).format(n=rng.randint(2, 90))
    a, b = rng.sample(lex["actors"], 2)
    n = rng.choice(lex["numbers"])
    s = rng.choice(lex["events"]).format(a=a, A=a[0].upper() + a[1:], b=b, p=rng.choice(lex["places"]),
                                         d=rng.choice(lex["dates"]), n=n, N=n[0].upper() + n[1:])
    return " ".join(s.split()).replace(" .", ".")


def generate(path: Path, docs: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    n_sent = 0
    with open(path, "w", encoding="utf-8") as f:
        for i in range(docs):
            lang = "ar" if i % 2 == 0 else "en"
            lex = AR if lang == "ar" else EN
            k = rng.randint(3, 9)
            sents = [sentence(rng, lex) for _ in range(k)]
            n_sent += k
            text = (". " if lang == "ar" else " ").join(s.rstrip(".") if lang == "ar" else s for s in sents)
            f.write(json.dumps({"id": f"bench-{i}", "text": text, "language": lang,
                                "date": f"2019-08-{1 + i % 28:02d}"}, ensure_ascii=False) + "\n")
    return n_sent


def dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*.parquet"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--profile", action="store_true", help="print the 25 costliest functions")
    a = ap.parse_args()
    from coder.cli import main as coder_main

    with tempfile.TemporaryDirectory(prefix="coder-bench-") as tmp:
        corpus, out = Path(tmp) / "corpus.jsonl", Path(tmp) / "out"
        n_sent = generate(corpus, a.docs)
        # start-up (lexicon cache, gazetteer index, dateparser's first call) is not per-sentence work
        from coder.pipeline import code_text
        code_text("Syrian troops shelled Idlib yesterday.", "en", dt.date(2019, 8, 5))
        code_text("قصف الجيش السوري إدلب أمس.", "ar", dt.date(2019, 8, 5))
        t0 = time.perf_counter()
        prof = cProfile.Profile() if a.profile else None
        if prof:
            prof.enable()
        rc = coder_main(["code", str(corpus), "--out", str(out), "--quiet"])
        if prof:
            prof.disable()
        took = time.perf_counter() - t0
        import duckdb
        n_events = duckdb.connect().execute(f"select count(*) from read_parquet('{out}/events/**/*.parquet')").fetchone()[0]
        ev_bytes = dir_bytes(out / "events") + dir_bytes(out / "event_quantities")
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"documents {a.docs}, sentences {n_sent}, events {n_events}, exit {rc}")
        print(f"sentences/s {n_sent / took:,.0f}   ({took:.2f} s)")
        print(f"peak memory {peak_mb:,.0f} MB (max RSS)")
        print(f"bytes per event {ev_bytes / max(n_events, 1):,.0f} (events + event_quantities Parquet)")
        if prof:
            pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
