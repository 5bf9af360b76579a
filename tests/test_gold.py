"""`coder eval` on a small hand-coded gold set written for this project (tests/gold/): news-like
sentences in both languages with the expected event class, actors, place, date and quantities.
It pins the whole chain — rules, gazetteer, dates, quantities — against figures an analyst checks."""
from __future__ import annotations

from pathlib import Path

from coder.evaluate import evaluate

GOLD = Path(__file__).parent / "gold" / "own_news.gold.jsonl"
# English news-like sentences on truces, restrictions ordered, peacekeepers, retreats, drills and charges,
# written and scored before the rules for them (root 0.52, dyad 0.41 then)
GOLD_EN_ROOTS = Path(__file__).parent / "gold" / "own_news_en_roots.gold.jsonl"


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


DYADS_AR = Path(__file__).parent / "gold" / "own_dyads_ar.gold.jsonl"


def test_own_arabic_dyad_set_scores():
    """Arabic news-like sentences written for this project on who acted on whom: groups named by a
    leader word, an affiliation, a membership, an anaphor, an agent marker; places that are no targets."""
    lines, summary = evaluate([str(DYADS_AR)])
    s = summary["ar"]
    assert s["root_f1"] >= 0.85, "\n".join(lines)
    assert s["dyad_f1"] >= 0.65, "\n".join(lines)


def test_own_english_roots_gold_set_scores():
    lines, summary = evaluate([str(GOLD_EN_ROOTS)])
    report = "\n".join(lines)
    s = summary["en"]
    assert s["root_f1"] >= 0.75, report
    assert s["dyad_f1"] >= 0.65, report
    assert s["date"] >= 0.90, report
    assert s["source"] >= 0.90, report
    assert s["target"] >= 0.85, report


def test_detection_items_score_per_category_and_list_false_alarms(tmp_path):
    import json
    items = [
        {"id": "d1", "language": "en", "date": None, "category": "ASSAULT", "roots": ["18", "19", "20"],
         "text": "Gunmen killed three police officers at a checkpoint on Monday.", "is_event": True},
        {"id": "d2", "language": "en", "date": None, "category": "ASSAULT", "roots": ["18", "19", "20"],
         "text": "The minister said the attack on the convoy changed the country.", "is_event": False},
        {"id": "d3", "language": "en", "date": None, "category": "ASSAULT", "roots": ["18", "19", "20"],
         "text": "The council approved the new budget.", "is_event": False},
    ]
    path = tmp_path / "det.jsonl"
    path.write_text("\n".join(json.dumps(i) for i in items), encoding="utf-8")
    lines, summary = evaluate([str(path)], show_misses=10)
    assert summary["detection:en/ASSAULT"]["f1"] == 2 / 3      # P 1/2, R 1/1
    alarms = [line for line in lines if line.startswith("  false alarm ")]
    assert len(alarms) == 1 and "d2" in alarms[0] and "attack" in alarms[0]
