"""When, how many and where (SPEC 5-7): the hard cases of tests/resolve/<lang>.yaml, and the
background columns and scoring (is_background, `coder eval`)."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from coder.dates.events import is_old, period_end
from coder.evaluate import evaluate
from coder.model import Document
from coder.pipeline import code_document

HERE = Path(__file__).parent / "resolve"
LANGS = ("ar", "en")
CASE_KEYS = {"text", "events", "published", "news"}
EVENT_KEYS = {"root", "background", "date", "precision", "quantities", "fatalities", "country", "place",
              "no_place", "not_place", "no_quantity_value"}


def _cases():
    for lang in LANGS:
        data = yaml.safe_load((HERE / f"{lang}.yaml").read_text(encoding="utf-8"))
        for i, case in enumerate(data["cases"]):
            yield pytest.param(lang, case, data["published"], id=f"{lang}-{i}")


def _agrees(want: dict, e, quants) -> list[str]:
    """What of `want` the coded event gets wrong (empty: it agrees)."""
    wrong = []
    checks = {
        "background": lambda: e.is_background == want["background"],
        "date": lambda: e.event_date == want["date"],
        "precision": lambda: e.date_precision == want["precision"],
        "fatalities": lambda: e.fatalities == want["fatalities"],
        "country": lambda: e.location_country == want["country"],
        "place": lambda: e.location_name == want["place"],
        "no_place": lambda: e.location_country is None and e.location_name is None,
        "not_place": lambda: e.location_name != want["not_place"],
        "no_quantity_value": lambda: all(q.value != want["no_quantity_value"] for q in quants),
        "quantities": lambda: all(any(q.value == v[0] and (len(v) < 2 or q.unit == v[1]) for q in quants)
                                  for v in want["quantities"]),
    }
    for key, ok in checks.items():
        if key in want and not ok():
            wrong.append(key)
    return wrong


@pytest.mark.parametrize("lang,case,published", list(_cases()))
def test_resolve_case(lang, case, published):
    assert set(case) <= CASE_KEYS, f"malformed case {case!r}"
    pub = case.get("published", published)
    coded = code_document(Document(doc_id="case", text=case["text"], language=lang, published=pub))
    quants: dict[str, list] = {}
    for q in coded.quantities:
        quants.setdefault(q.event_id, []).append(q)
    got = [(e.event_code, str(e.event_date), e.date_precision, e.is_background, e.location_name,
            [(q.value, q.unit) for q in quants.get(e.event_id, [])]) for e in coded.events]
    if "news" in case:
        assert sum(not e.is_background for e in coded.events) == case["news"], got
    for want in case.get("events") or []:
        assert set(want) <= EVENT_KEYS, f"malformed expected event {want!r}"
        same_root = [e for e in coded.events if e.event_root_code == str(want["root"]).zfill(2)]
        assert same_root, f"{case['text']!r}: no event of root {want['root']}; coded {got}"
        misses = [_agrees(want, e, quants.get(e.event_id, [])) for e in same_root]
        assert any(not m for m in misses), f"{case['text']!r}: {want} wrong on {misses}; coded {got}"


def test_corpora_have_cases_of_each_kind():
    for lang in LANGS:
        cases = yaml.safe_load((HERE / f"{lang}.yaml").read_text(encoding="utf-8"))["cases"]
        wants = [w for c in cases for w in c.get("events") or []]
        assert any(w.get("background") for w in wants) and any(w.get("background") is False for w in wants)
        assert any("quantities" in w for w in wants) and any("no_quantity_value" in w for w in wants)
        assert any("place" in w or "country" in w for w in wants)
        assert any("no_place" in w or "not_place" in w for w in wants)
        assert any("news" in c for c in cases)


def test_period_ends_and_age():
    pub = dt.date(2019, 8, 5)
    assert period_end(dt.date(2019, 2, 1), "month") == dt.date(2019, 2, 28)
    assert period_end(dt.date(2020, 2, 1), "month") == dt.date(2020, 2, 29)
    assert period_end(dt.date(2018, 1, 1), "year") == dt.date(2018, 12, 31)
    assert not is_old(dt.date(2019, 7, 1), "month", pub)      # July may be last week
    assert is_old(dt.date(2019, 6, 1), "month", pub)
    assert is_old(dt.date(2019, 7, 5), "day", pub)
    assert not is_old(dt.date(2019, 7, 6), "day", pub)
    assert is_old(dt.date(2018, 1, 1), "year", dt.date(2019, 1, 3))   # a past year is history
    assert not is_old(dt.date(2019, 1, 1), "year", pub)
    assert not is_old(dt.date(2001, 1, 1), "published", pub) and not is_old(None, "day", pub)


def test_background_events_are_scored_apart(tmp_path):
    items = [
        {"id": "b1", "language": "en", "date": "2019-08-05",
         "text": "Turkey released the journalist, who had been arrested in Istanbul in May.",
         "events": [{"code": "084", "source": {"country": "TUR"}},
                    {"roots": ["17"], "is_background": True}]},
        {"id": "b2", "language": "en", "date": "2019-08-05",
         "text": "In 2014 Islamic State fighters seized Mosul.",
         "events": [{"roots": ["17", "19"], "is_background": True}]},
    ]
    path = tmp_path / "bg.jsonl"
    path.write_text("\n".join(json.dumps(i) for i in items), encoding="utf-8")
    lines, summary = evaluate([str(path)])
    s = summary["en"]
    # the background events are neither hits nor false alarms of the root score
    assert s["root_f1"] == 1.0, lines
    assert s["background"] == {"gold": 2, "coded": 2, "right": 2}, lines
    assert any("background (scored apart): gold 2, coded 2, flagged rightly 2" in line for line in lines)


def test_background_flag_is_stored(tmp_path):
    from coder.tables import schema
    assert schema("events").field("is_background").type.equals(__import__("pyarrow").bool_())
    ev = code_document(Document(doc_id="d", text="In 2014 Islamic State fighters seized Mosul.", language="en",
                                published=dt.date(2019, 8, 5))).events
    assert ev and all(e.is_background for e in ev)
