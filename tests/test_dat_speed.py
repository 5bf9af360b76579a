"""Speed steps of the dates, quantities and place names (issue 13): each does less work a sentence
and must give what the plain code gives."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

CORPUS = Path(__file__).parent / "corpus"
LANGS = ("ar", "en")


def test_prefix_guards():
    from coder.dates.first_chars import guarded
    assert guarded("(?P<x>ab|c)d", 2) == "(?=[a][b]|[c][d])(?P<x>ab|c)d"
    assert guarded(r"(?:19|20)\d{2}(?!\d)", 3) == r"(?=[1][9][\d]|[2][0][\d])(?:19|20)\d{2}(?!\d)"
    # a branch that may end after one character, or go on with what is not worked out, is
    # guarded by as much of it as is known
    assert guarded(r"(?:in|on)\s+\d+|\d", 3) == r"(?=[\d]|[i][n][\s]|[o][n][\s])(?:in|on)\s+\d+|\d"
    assert guarded(r"a[^b]c", 3) == r"(?=[a])a[^b]c"
    assert guarded(r"a(?<=x)b", 2) == r"(?=[a][b])a(?<=x)b"
    for as_is in (r"(?:ab)?", r"[^a]b", r".b", r"(?i:a)b", r"(?:a?)+b"):
        assert guarded(as_is, 4) == as_is


@pytest.mark.parametrize("lang", LANGS)
def test_deep_guards_match_as_the_plain_regex(lang, monkeypatch):
    # the guards (four characters a branch, six the whole alternation) against none, on the corpus cases as written and behind each
    # of the language's clitics (the regex tries the branches again after one)
    import coder.dates.rules as rules_module
    from coder.lang.numbers import folded
    deep = rules_module.DateRules(lang)
    monkeypatch.setattr(rules_module, "guarded", lambda branch: branch)
    monkeypatch.setattr(rules_module, "guarded_alternation", lambda alternation: alternation)
    plain = rules_module.DateRules(lang)
    assert deep.regex.pattern != plain.regex.pattern
    data = yaml.safe_load((CORPUS / lang / "dates.yaml").read_text(encoding="utf-8"))
    texts = [folded(case["text"], lang).text for case in data["cases"]]
    clitics = ["و", "ف", "ب", "ل", "وب"] if lang == "ar" else []
    texts += [" ".join(c + w for w in t.split()) for c in clitics for t in texts]
    for t in texts:
        assert [(m.span(), m.lastgroup, m.groupdict()) for m in deep.regex.finditer(t)] == \
               [(m.span(), m.lastgroup, m.groupdict()) for m in plain.regex.finditer(t)]
