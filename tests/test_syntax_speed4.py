"""The syntax stage's one-pass answers (coder/syntax): each must answer as the scans it replaced, on
the examples corpora's sentences."""
from __future__ import annotations

import pytest

from coder.lang import profile
from coder.syntax import Features, MARKER_START, parse
from coder.syntax.marks import _NORM, _marker_roles
from coder.syntax.rules import rules
from tests.test_syntax_lookups import _parsed, _texts


def _roles_by_length(toks, R, starts) -> dict[int, str]:
    """The markers' roles as found before: every marker length in turn, the longest first."""
    roles: dict[int, str] = {}
    for n in sorted({len(k) for k in R.markers}, reverse=True):
        for i in starts:
            if i + n < len(toks) and i + n not in roles:
                role = R.markers.get(tuple(map(_NORM, toks[i:i + n])))
                if role:
                    roles[i + n] = role
    return roles


def _marked_by_length(toks, R, starts) -> set[int]:
    """The tokens of the markers of an actor's role as parse() found them before (within the sentence)."""
    marked = set()
    for i in starts:
        for n in sorted({len(k) for k in R.markers}, reverse=True):
            if R.markers.get(tuple(map(_NORM, toks[i:i + n]))) in ("target", "agent", "recipient"):
                marked.update(range(i, i + n))
    return {i for i in marked if i < len(toks)}


@pytest.mark.parametrize("lang,texts", list(_texts()))
def test_marker_pass_answers_as_the_scans_by_length(lang, texts):
    prof, R = profile(lang), rules(lang)
    for text in texts:
        p, toks, _ = _parsed(text, lang)
        F = Features(toks, prof, R)
        for starts in ([i for i in F.special if F.bits[i] & MARKER_START], range(len(toks))):
            marked: set[int] = set()
            assert _marker_roles(toks, R, starts, marked) == _roles_by_length(toks, R, starts), text
            assert marked == _marked_by_length(toks, R, starts), text
        assert set(p.markers) == _marked_by_length(toks, R, range(len(toks))), text


def test_markers_from_lists_each_marker_under_its_first_word_longest_first():
    R = rules("ar")
    listed = {key: role for first in R.markers_from for key, role in R.markers_from[first]}
    assert listed == R.markers
    for first, markers in R.markers_from.items():
        assert all(key[0] == first for key, _ in markers)
        assert [len(key) for key, _ in markers] == sorted((len(key) for key, _ in markers), reverse=True)


@pytest.mark.parametrize("lang,texts", list(_texts()))
def test_chunks_ascend_without_overlap(lang, texts):
    """The clause reader finds a clause's phrases by bisecting the chunks' starts and ends: both must
    ascend (the chunks in text order, none overlapping another)."""
    for text in texts:
        chunks = _parsed(text, lang)[0].chunks
        assert all(a.end < b.start for a, b in zip(chunks, chunks[1:])), text
        assert all(c.start <= c.end for c in chunks), text


def test_a_marker_at_the_end_of_the_sentence_marks_its_own_tokens_only():
    # (the scan by length read a cut slice at the end, and marked tokens past the last one)
    from coder.pipeline import sentences
    from coder.lexicon.load import load
    from coder.recognise.matcher import match
    sent = sentences("وقع الهجوم على", "ar")[0]
    p = parse(sent.tokens, match(load("ar").trie, sent.tokens, sent.text), profile("ar"))
    assert all(i < len(sent.tokens) for i in p.markers)
