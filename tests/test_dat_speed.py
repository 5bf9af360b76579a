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


def _matches(regex, texts):
    return [[(m.span(), m.lastgroup, m.groupdict()) for m in regex.finditer(t)] for t in texts]


@pytest.mark.parametrize("lang", LANGS)
def test_deep_guards_match_as_the_plain_regex(lang, monkeypatch, tmp_path):
    # the guards (four characters a branch, six the whole alternation) against none, on the
    # corpus cases as written and behind each of the language's clitics (the regex tries the
    # branches again after one)
    import coder.dates.rules as rules_module
    from coder.lang.numbers import folded
    cases = yaml.safe_load((CORPUS / lang / "dates.yaml").read_text(encoding="utf-8"))["cases"]
    texts = [folded(case["text"], lang).text for case in cases]
    clitics = ["و", "ف", "ب", "ل", "وب"] if lang == "ar" else []
    texts += [" ".join(c + w for w in t.split()) for c in clitics for t in texts]
    deep = rules_module.DateRules(lang).regex
    for name in ("guarded", "guarded_alternation"):
        monkeypatch.setattr(rules_module, name, lambda pattern: pattern)
    # (an empty cache folder: the pattern analysed without the guards, not the guarded one read back
    # from the on-disk cache, whose key is the branches and the code as written)
    monkeypatch.setenv("CODER_CACHE_DIR", str(tmp_path))
    plain = rules_module.DateRules(lang).regex
    assert deep.pattern != plain.pattern
    assert _matches(deep, texts) == _matches(plain, texts)
