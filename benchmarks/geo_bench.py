"""Gazetteer figures: install size, load time, lookups and sentences per second.

    python benchmarks/geo_bench.py
"""
from __future__ import annotations

import time

from coder.geo import Gazetteer, find_places
from coder.geo.gazetteer import DEFAULT_PATH

NAMES = ["Damascus", "دمشق", "بدمشق", "مخيم الهول", "al-Hol camp", "Raqqa", "الرقة", "Mosul",
         "Tripoli", "Xqzzyville", "شمال شرق سوريا", "Kobani", "عين العرب", "Deir ez-Zor"]
SENTENCES = {
    "ar": ["قصفت الطائرات مواقع في ريف إدلب الجنوبي وبدمشق",
           "قال مسؤول في الحكومة السورية إن الوضع مستقر",
           "تعيش آلاف العائلات في مخيم الهول شمال شرق سوريا"],
    "en": ["Airstrikes hit the Idlib countryside and Damascus on Monday.",
           "The Syrian government said the situation was stable.",
           "Thousands of families live in al-Hol camp in northeast Syria."],
}


def rate(fn, items, seconds=1.0) -> float:
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for x in items:
            fn(x)
        n += len(items)
    return n / (time.perf_counter() - start)


def main() -> None:
    size = DEFAULT_PATH.stat().st_size
    start = time.perf_counter()
    gaz = Gazetteer.load()
    load = time.perf_counter() - start
    print(f"gazetteer file: {size / 1e6:.2f} MB ({len(gaz.places):,} places)")
    print(f"load + index:   {load:.2f} s")
    print(f"lookups:        {rate(gaz.lookup, NAMES):,.0f} per second")
    for lang, sents in SENTENCES.items():
        r = rate(lambda s: find_places(s, lang, gazetteer=gaz), sents)
        print(f"find_places {lang}: {r:,.0f} sentences per second")


if __name__ == "__main__":
    main()
