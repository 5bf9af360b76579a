"""The toponym corpora (tests/corpus/<lang>/places.yaml) resolve at least 95% right."""
from pathlib import Path

import pytest
import yaml

from coder.geo import Gazetteer, find_places

CORPUS = Path(__file__).parent / "corpus"
LANGS = ("ar", "en")


def load_cases(lang):
    with open(CORPUS / lang / "places.yaml", encoding="utf-8") as f:
        return yaml.safe_load(f)["cases"]


def expected_place_id(gaz, exp):
    if "id" in exp:
        return exp["id"]
    found = gaz.lookup(exp["place"], "en", exp.get("country"))
    assert found, f"corpus names {exp['place']!r}, which the gazetteer lacks: fix the corpus"
    return found[0][0].place_id


def score_language(lang):
    gaz = Gazetteer.default()
    right, total, failures = 0, 0, []
    for case in load_cases(lang):
        mentions = find_places(case["text"], lang, case.get("country"))
        if not case["places"]:
            total += 1
            if mentions:
                failures.append((case["text"], "expected nothing", [m.text for m in mentions]))
            else:
                right += 1
            continue
        unused = list(mentions)
        for exp in case["places"]:
            total += 1
            want = expected_place_id(gaz, exp)
            hit = next((m for m in unused if m.place.place_id == want
                        and m.text == exp.get("text", m.text)
                        and m.locative == exp.get("locative", m.locative)), None)
            if hit is None:
                failures.append((case["text"], exp, [(m.text, m.place.place_id, m.locative) for m in mentions]))
            else:
                unused.remove(hit)
                right += 1
    return right, total, failures


@pytest.mark.parametrize("lang", LANGS)
def test_corpus_exists_with_enough_names(lang):
    cases = load_cases(lang)
    assert sum(max(1, len(c["places"])) for c in cases) >= 100
    assert any(not c["places"] for c in cases), "each corpus needs negative cases"


@pytest.mark.parametrize("lang", LANGS)
def test_corpus_resolves_at_least_95_percent(lang):
    right, total, failures = score_language(lang)
    share = right / total
    print(f"\n{lang}: {right}/{total} place names resolved right ({share:.1%})")
    for f in failures:
        print("  MISS", f)
    assert share >= 0.95, f"{lang}: only {share:.1%} right; misses printed above"


def test_corpora_hold_at_least_200_names_together():
    total = sum(len(c["places"]) for lang in LANGS for c in load_cases(lang))
    assert total >= 200
