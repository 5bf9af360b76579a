"""The clause reader's shortcuts (coder/syntax/clauses.py, segmenter.py) answer as the per-phrase
and per-token tests they stand in for, on the syntax corpus's sentences."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coder.lang import profile
from coder.lexicon.load import load
from coder.pipeline import sentences
from coder.recognise.matcher import match
from coder.syntax import parse
from coder.syntax.clauses import _bare_chunks
from coder.syntax.phrases import flags_asked
from coder.syntax.segmenter import _MAY_OPEN, _PARTICIPLE_AFTER, _opens, _verb_groups, clause_tagged, segment
from coder.syntax.rules import rules

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
        conj, prep, _ = flags_asked(toks, prof)
        assert conj == [prof.has_conjunction_clitic(t) for t in toks]
        assert _bare_chunks(p.chunks, toks, p.tags, prof, prep) == [_bare_one(c, toks, p.tags, prof) for c in p.chunks]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_verb_groups_as_the_scan(lang):
    for p, _, _ in _parsed(lang):
        tags = p.tags
        scan = []
        for i in [i for i, t in enumerate(tags) if t == "VERB"]:
            f = i
            while f > 0 and tags[f - 1] in ("AUX", "PART", "ADV"):
                f -= 1
            scan.append((f, i))
        assert _verb_groups(tags) == scan


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_verb_groups_segment_passes_over_open_no_clause(lang):
    """segment() asks _opens about a verb group only after a noun or a comma (unless its tag or its
    word may open one): anywhere else _opens finds nothing, whatever verb came before."""
    prof, R = profile(lang), rules(lang)
    for p, toks, mentions in _parsed(lang):
        tags = p.tags
        groups_at = dict(_verb_groups(tags))
        speech = {m.first for m in mentions if m.kind == "trigger" and m.entry.speech and not m.entry.objects}
        for i in groups_at:
            if tags[i] in _MAY_OPEN or toks[i].norm in R.quote or \
                    (i > 0 and (tags[i - 1] == "NOUN" or toks[i - 1].norm in _PARTICIPLE_AFTER)):
                continue
            for last_verb in (None, *range(i)):
                assert _opens(i, toks, tags, R, prof, groups_at, speech, last_verb) is None


# one pass over the tags (segmenter.clause_tagged) gives _verb_groups its verbs and segment() the
# tokens it visits for their tag
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
