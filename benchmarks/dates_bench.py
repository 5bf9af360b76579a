"""Throughput of find_dates and find_quantities on generated news-like sentences.

    python benchmarks/dates_bench.py [--sentences 20000] [--seed 7]

Most generated sentences hold no date and no number (as in news text); a tenth carry a date
expression and a tenth a quantity. Prints microseconds per sentence for each kind and language.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))   # run from a checkout

from coder.dates import find_dates  # noqa: E402
from coder.quantities import find_quantities  # noqa: E402

# Vocabulary written for this benchmark: plain words, date phrases and quantity phrases.
WORDS = {
    "en": ("the government army rebels said talks would continue with opposition over constitution "
           "return of refugees homes officials minister foreign ministry statement forces town "
           "village border crossing council security meeting capital northern province fighting "
           "reported agency envoy called on both sides to respect ceasefire humanitarian aid").split(),
    "ar": ("قال المتحدث باسم الحكومة إن المفاوضات مع المعارضة ستستمر حول الدستور الجديد وعودة "
           "اللاجئين إلى منازلهم في المدن الشمالية وأكد الوزير أن القوات انتشرت على الحدود ودعا "
           "المبعوث الأطراف إلى احترام وقف إطلاق النار وإدخال المساعدات الإنسانية إلى البلدات").split(),
}
DATES = {
    "en": ["on Friday", "yesterday", "last week", "in June 2014", "on 2 August 2019",
           "three days ago", "earlier this month", "in 2014"],
    "ar": ["يوم الجمعة", "أمس", "الأسبوع الماضي", "في يونيو 2014", "في ٢ آب ٢٠١٩",
           "قبل ثلاثة أيام", "مطلع الشهر الجاري", "عام 2014"],
}
QUANTITIES = {
    "en": ["about 2000 foreign fighters", "killing 5 people", "dozens of civilians",
           "more than 70,000 people", "eight fighters and 13 children"],
    "ar": ["حوالي 2000 داعشي", "مقتل 10 أشخاص", "عشرات المدنيين", "أكثر من 70000 شخص",
           "ثمانية من المرتزقة و13 طفلاً"],
}


def sentences(lang: str, n: int, rng: random.Random) -> list[tuple[str, str]]:
    out = []
    for _ in range(n):
        words = rng.choices(WORDS[lang], k=rng.randint(12, 30))
        r = rng.random()
        kind = "plain"
        if r < 0.1:
            words.insert(rng.randrange(len(words)), rng.choice(DATES[lang]))
            kind = "date"
        elif r < 0.2:
            words.insert(rng.randrange(len(words)), rng.choice(QUANTITIES[lang]))
            kind = "quantity"
        out.append((kind, " ".join(words) + "."))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    published = dt.date(2019, 8, 5)
    print(f"{'lang':4} {'sentences':9} {'n':>6} {'find_dates µs':>14} {'find_quantities µs':>19}")
    for lang in ("en", "ar"):
        batch = sentences(lang, args.sentences, rng)
        t0 = time.perf_counter()
        for phrase in DATES[lang] + QUANTITIES[lang]:   # load rules and dateparser (once per run)
            find_dates(phrase, lang, published)
            find_quantities(phrase, lang)
        print(f"{lang:4} warm-up (load lexicons, first dateparser call): {time.perf_counter() - t0:.2f} s")
        for kind in ("plain", "date", "quantity", "all"):
            chosen = [s for k, s in batch if kind in ("all", k)]
            t0 = time.perf_counter()
            for s in chosen:
                find_dates(s, lang, published)
            t1 = time.perf_counter()
            for s in chosen:
                find_quantities(s, lang)
            t2 = time.perf_counter()
            n = len(chosen)
            print(f"{lang:4} {kind:9} {n:6d} {(t1 - t0) / n * 1e6:14.1f} {(t2 - t1) / n * 1e6:19.1f}")


if __name__ == "__main__":
    main()
