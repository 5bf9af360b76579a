"""The syntax stage's sixth round of shortcuts answer as what they stand in for, on the syntax
corpus's sentences: one pass over the tags (segmenter.clause_tagged) gives _verb_groups its verbs and
segment() the tokens it visits for their tag."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coder.lang import profile
from coder.lexicon.load import load
from coder.pipeline import sentences
from coder.recognise.matcher import match
from coder.syntax import parse
from coder.syntax.rules import rules
from coder.syntax.segmenter import _MAY_OPEN, _verb_groups, clause_tagged, segment

CORPUS = Path(__file__).resolve().parent / "corpus"


def _parsed(lang: str):
    data = yaml.safe_load((CORPUS / lang / "syntax.yaml").read_text(encoding="utf-8"))
    for case in data["cases"]:
        sent = sentences(case["text"], lang)[0]
        toks = sent.tokens
        mentions = match(load(lang).trie, toks, sent.text)
        yield parse(toks, mentions, profile(lang)), toks, mentions


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_clause_tagged_is_the_scan_and_gives_the_verbs(lang):
    for p, _, _ in _parsed(lang):
        tags = p.tags
        tagged = clause_tagged(tags)
        assert tagged == [i for i, t in enumerate(tags) if t in _MAY_OPEN or t == "VERB"]
        assert _verb_groups(tags, tagged) == _verb_groups(tags)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_segment_with_the_tagged_tokens_as_without(lang):
    prof, R = profile(lang), rules(lang)
    for p, toks, mentions in _parsed(lang):
        tags = p.tags
        groups = _verb_groups(tags)
        speech = {m.first for m in mentions if m.kind == "trigger" and m.entry.speech and not m.entry.objects}
        # (the quote words and clause punctuation found by segment() itself)
        assert segment(toks, tags, R, prof, groups, speech, p.chunks, None, clause_tagged(tags)) == \
            segment(toks, tags, R, prof, groups, speech, p.chunks)
