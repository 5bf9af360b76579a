"""The clause reader's shortcuts (coder/syntax/clauses.py) answer as the per-phrase and per-token
tests they stand in for, on the syntax corpus's sentences."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coder.lang import profile
from coder.lexicon.load import load
from coder.pipeline import sentences
from coder.recognise.matcher import match
from coder.syntax import parse
from coder.syntax.clauses import _bare_chunks, _clitic_flags

CORPUS = Path(__file__).resolve().parent / "corpus"


def _parsed(lang: str):
    data = yaml.safe_load((CORPUS / lang / "syntax.yaml").read_text(encoding="utf-8"))
    for case in data["cases"]:
        sent = sentences(case["text"], lang)[0]
        toks = sent.tokens
        mentions = match(load(lang).trie, toks, sent.text)
        yield parse(toks, mentions, profile(lang)), toks, mentions


def _bare_one(c, toks, tags, prof) -> bool:
    """The per-phrase test _bare_chunks answers for all phrases at once."""
    if c.kind in ("genitive", "possessor"):
        return False
    start = c.start
    if start > 0 and prof.is_possessor(toks[start - 1]):
        start -= 1
        while start > 0 and tags[start - 1] in ("PROPN", "NOUN", "ADJ", "DET", "NUM"):
            start -= 1
    before = tags[start - 1] if start > 0 else "START"
    return before != "ADP" and not prof.has_preposition_clitic(toks[c.start])


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_bare_chunks_answer_as_the_per_phrase_test(lang):
    prof = profile(lang)
    for p, toks, _ in _parsed(lang):
        conj, prep = _clitic_flags(toks, prof)
        assert conj == [prof.has_conjunction_clitic(t) for t in toks]
        assert _bare_chunks(p.chunks, toks, p.tags, prof, prep) == [_bare_one(c, toks, p.tags, prof) for c in p.chunks]
