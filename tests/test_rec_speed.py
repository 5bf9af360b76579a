"""Speed steps of the numbers, dates, quantities and place names (issue 13, round 10): each does
less work a sentence and must give what the plain code gives."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

CORPUS = Path(__file__).parent / "corpus"


@pytest.mark.parametrize("lang", ("ar", "en"))
def test_guarded_number_regex_matches_as_the_plain_one(lang, monkeypatch):
    # the look-ahead of a number's first characters against none, on the corpus cases as written
    # and behind each clitic
    import coder.lang.numbers as numbers
    texts = []
    for stem in ("quantities", "dates"):
        cases = yaml.safe_load((CORPUS / lang / f"{stem}.yaml").read_text(encoding="utf-8"))["cases"]
        texts += [numbers.folded(case["text"], lang).text for case in cases]
    texts += [" ".join(c + w for w in t.split()) for c in (["و", "ب", "ل"] if lang == "ar" else []) for t in texts]
    guarded = numbers.NumberReader(lang)
    monkeypatch.setattr(numbers, "_GUARD_DEPTH", 0)
    plain = numbers.NumberReader(lang)
    assert guarded.regex.pattern != plain.regex.pattern
    match = lambda regex, t: [(m.span(), m.groupdict()) for m in regex.finditer(t)]  # noqa: E731
    assert [match(guarded.regex, t) for t in texts] == [match(plain.regex, t) for t in texts]
    assert [guarded.find(t) for t in texts] == [plain.find(t) for t in texts]
