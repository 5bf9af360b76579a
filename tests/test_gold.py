"""`coder eval` on a small hand-coded gold set written for this project (tests/gold/): news-like
sentences in both languages with the expected event class, actors, place, date and quantities.
It pins the whole chain — rules, gazetteer, dates, quantities — against figures an analyst checks."""
from __future__ import annotations

from pathlib import Path

from coder.evaluate import evaluate

GOLD = Path(__file__).parent / "gold" / "own_news.gold.jsonl"


def test_own_gold_set_scores():
    lines, summary = evaluate([str(GOLD)])
    report = "\n".join(lines)
    for lang in ("ar", "en"):
        s = summary[lang]
        assert s["root_f1"] >= 0.80, report
        assert s["dyad_f1"] >= 0.50, report
        assert s["country"] >= 0.95, report      # location country right
        assert s["loc50"] >= 0.85, report        # within 50 km
        assert s["date"] >= 0.90, report
        assert s["qty"] >= 0.85, report
