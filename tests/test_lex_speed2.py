"""The tokeniser's per-chunk cache (tokens_by): a chunk of letters alone is one word to either
language's word pattern (read as such without running the pattern), and a chunk kept as one word
gives the tokens a chunk of several words gives. Normalisation in one str.translate folds as the
steps it replaces did in turn."""
from __future__ import annotations

import re
import sys
import unicodedata

import pytest

from coder.lang import ar, en
from coder.lang.common import DIGITS, _Words, tokens_by


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


# normalisation as first written: format controls stripped, Arabic marks removed by a pattern, then
# the letters, digits and quotes folded by one table each
PLAIN_FORMAT = {c for c in map(chr, range(0x2000, 0x2070)) if unicodedata.category(c) == "Cf"} | {
    "\ufeff", "\u200b", "\u061c", "\u00ad"}
PLAIN_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


def _plain_normalise(prof, s: str) -> str:
    s = "".join(c for c in s if c not in PLAIN_FORMAT)
    if prof is ar:
        return PLAIN_MARKS.sub("", s).translate(ar._LETTERS).translate(DIGITS).lower()
    return s.translate(DIGITS).translate(en._QUOTES).lower()


@pytest.mark.parametrize("prof", [ar, en])
def test_one_translate_normalises_as_the_steps_in_turn(prof):
    # each step maps one character at a time (lower() comes last in both), so every character
    # alone and beside others tells
    for c in map(chr, range(sys.maxunicode + 1)):
        for s in (c, "x" + c + "\u0628" + c):
            assert prof.normalise(s) == _plain_normalise(prof, s), hex(ord(c))
    assert all(bool(ar._MARKS.match(c)) == bool(PLAIN_MARKS.match(c)) for c in map(chr, range(sys.maxunicode + 1)))


def test_a_word_ends_in_ta_marbuta_whatever_marks_follow():
    marks = ["", "\u064c", "\u064b\u0640", "\u0650\u0651"]
    for word in ("محافظة", "محافظه", "قتلت", "مدرسةٌ", "ة"):
        for tail in marks:
            for inner in marks:
                raw = word[:1] + inner + word[1:] + tail
                assert raw.rstrip(ar._MARK_CHARS).endswith("ة") == PLAIN_MARKS.sub("", raw).endswith("ة"), raw
