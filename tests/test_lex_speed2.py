"""The tokeniser's per-chunk cache (tokens_by): a chunk of letters alone is one word to either
language's word pattern (read as such without running the pattern), and a chunk kept as one word
gives the tokens a chunk of several words gives."""
from __future__ import annotations

import sys

import pytest

from coder.lang import ar, en
from coder.lang.common import _Words, tokens_by


@pytest.mark.parametrize("prof", [ar, en])
def test_a_chunk_of_letters_alone_is_one_word(prof):
    letters = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isalpha()]
    for chunk in letters + [a + b for a, b in zip(letters, letters[1:] + letters[:1])]:
        m = prof._WORD.match(chunk)
        assert m is not None and m.end() == len(chunk), hex(ord(chunk[0]))


@pytest.mark.parametrize("prof,text,one_word", [
    (ar, "قصف الجيش، والقوات. (AFP) \u064e قصف", {"قصف", "الجيش", "والقوات"}),
    (en, "U.S. forces, didn't U.S.A 's (AFP) forces", {"U.S.", "forces", "didn't"})])
def test_one_word_chunks_and_others_give_the_pattern_s_tokens(prof, text, one_word):
    forms = prof._forms if prof is en else prof.lookup_forms
    want = [(m[0], *m.span()) for m in prof._WORD.finditer(text) if prof.normalise(m[0])]
    cache: dict = {}
    for _ in range(2):   # cold, then from the cache
        got = tokens_by(text, prof._WORD, prof.normalise, forms, cache)
        assert [(t.text, t.start, t.end) for t in got] == want
        assert all(t.norm == prof.normalise(t.text) and t.forms == tuple(f for f in forms(t.norm, t.text) if f)
                   for t in got)
    kept_whole = {c for c, words in cache.items() if type(words) is not _Words}
    assert one_word <= kept_whole
    assert all(type(cache[c]) is _Words for c in text.split() if c not in kept_whole)
