"""The syntax stage's answers without generators (coder/syntax): each must answer as the scan it
replaced, on the examples corpora's sentences."""
from __future__ import annotations

import pytest

from coder.syntax.reference import _clause_of, _names, _subject_of
from tests.test_syntax_lookups import _parsed, _texts


@pytest.mark.parametrize("lang,texts", list(_texts()))
def test_reference_helpers_answer_as_the_scans(lang, texts):
    for text in texts:
        p, toks, mentions = _parsed(text, lang)
        actorish = {i for m in mentions if m.kind in ("actor", "agent") for i in range(m.first, m.last + 1)}
        for pool in (actorish, set(), set(range(len(toks)))):
            for c in p.chunks:
                assert _names(pool, c) == any(i in pool for i in range(c.start, c.end + 1)), (text, c)
        for i in range(-1, len(toks) + 1):
            assert _clause_of(p.clauses, i) is next((x for x in p.clauses if x.start <= i <= x.end), None), (text, i)
        for cl in p.clauses:
            assert _subject_of(cl) == next((q.arguments["subject"] for q in cl.predicates if "subject" in q.arguments), None)


@pytest.mark.parametrize("lang,texts", list(_texts()))
def test_phrases_before_a_verb_end_in_text_order(lang, texts):
    """The subject-before-verb test reads only the tags after the last bare phrase before the verb:
    the chunks end in text order, so no earlier phrase covers a token after that one's end."""
    for text in texts:
        p, _, _ = _parsed(text, lang)
        ends = [c.end for c in p.chunks]
        assert ends == sorted(ends) and all(a.end < b.start for a, b in zip(p.chunks, p.chunks[1:])), text
